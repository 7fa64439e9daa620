"""Which of two has more, worked out from the one figure each fact states."""

import pytest

from knowledge.comparison import asks_to_compare, direction, figures, winner


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
