"""Which of two has more, worked out from the one figure each fact states."""

import pytest

from helpers import first_line
from knowledge.comparison import OWN_UNITS, against_benchmark, asks_to_compare, direction, figures, winner


@pytest.mark.parametrize("question, sense", [
    ("which city got the better score", 1), ("ใครได้คะแนนน้อยกว่ากัน", -1), ("what is the score", 0),
    ("is it more or less than that", 0),
])
def test_direction(question, sense):
    assert direction(question) == sense


def test_one_figure_of_one_unit_each_is_compared_and_percentages_come_first():
    assert figures(["ranked 4th with 61.2%", "ranked 1st with 70%"]) == [61.2, 70.0]
    assert figures(["covers 3 Smarts", "covers 7 Smarts"]) == [3.0, 7.0]
    assert figures(["scored 50% and 60%", "scored 70%"]) is None  # two figures: which one is meant?
    assert figures(["covers 3 Smarts", "scored 70%"]) is None  # different kinds


def test_the_winner_follows_the_sense_of_the_question_and_a_tie_settles_nothing():
    assert winner("which scored higher", ["a 61.2%", "b 70%"]) == 1
    assert winner("ใครได้คะแนนต่ำกว่า", ["a 61.2%", "b 70%"]) == 0
    assert winner("which scored higher", ["a 70%", "b 70%"]) is None


@pytest.mark.parametrize("question, yes_no, asks", [
    ("did the first city score higher than the second", True, True),
    ("ใครได้คะแนนดีกว่ากัน", False, True),
    ("tell me more about both", False, False),  # "more", but no comparison asked
    ("is there more to say", True, False),
])
def test_only_a_question_that_compares_gets_a_comparison(question, yes_no, asks):
    assert asks_to_compare(question, yes_no) is asks


@pytest.mark.parametrize("question, yes_no, held", [
    ("is that above the standard?", True, 1),
    ("ต่ำกว่าเกณฑ์ไหม", True, 0),
    ("how does it compare with the guideline", False, -1),
    ("who set the standard?", False, None),  # no comparison asked
])
def test_a_figure_against_the_standard_the_same_answer_states(question, yes_no, held):
    answer = "The park gave 12.5 m² per person in 2020, against a national standard of 10 m²."
    assert against_benchmark(question, answer, yes_no) == held


def test_no_benchmark_verdict_without_exactly_two_figures_and_a_standard():
    assert against_benchmark("is that above the standard?", "It has 12 parks and 3 lakes.", True) is None
    assert against_benchmark("is that above the standard?", "A standard of 10, 12 and 14.", True) is None


def test_a_count_of_areas_is_no_figure_two_areas_are_compared_by():
    # "Phuket and 14 other areas" / "1 of 15 areas": counts of what an event had, not of the areas themselves
    answers = ["the ceremony for Phuket and 14 other areas", "Khon Kaen was 1 of 15 areas at the ceremony"]
    assert figures(answers, OWN_UNITS) is None and winner("which is better", answers, OWN_UNITS) is None


def test_which_is_better_on_nothing_named_compares_the_index_scores(convo):
    r = convo.say("ขอนแก่นกับภูเก็ต ที่ไหนดีกว่ากันครับ")
    assert not r.fallback and first_line(r).startswith("ภูเก็ต") and "83.6" in first_line(r)
    assert "15" not in first_line(r)


def test_which_is_better_with_no_index_score_for_one_is_not_answered_with_a_fact_of_the_other(convo):
    r = convo.say("which one is better, mae moh or samyan?")
    assert r.fallback


def test_two_scores_compared_are_of_the_year_asked(convo):
    r = convo.say("samyan vs wangchan valley, which had the higher index score in 2023?")
    assert not r.fallback and "83.55" in first_line(r) and "84.85" not in r.text
