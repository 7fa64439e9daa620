"""Yes/no questions that claim a date are answered no when the fact gives another one (the year of the step
asked, in a fact that tells of several; the month of the year asked); a "why" the sources leave unexplained and
who holds a post *now* get the honest fallback."""

from datetime import date

import pytest

from helpers import first_line

from knowledge.answerable import held_then, why_not
from knowledge.polarity import verdict


@pytest.mark.parametrize("text, lead", [
    # the certificate's year, not the logo's, though the fact names both
    ("Mae Moh's promotion zone certificate came in 2021, right?", "No."),
    ("Mae Moh's promotion zone certificate came in 2019, right?", "Yes."),
    # founding is registering; "ปี" stuck to the verb is still the year's word
    ("KKTT ก่อตั้งเมื่อปี 2559 ใช่ไหม", "ไม่ใช่ครับ"),
    ("KKTT ก่อตั้งเมื่อปี 2558 ใช่ไหม", "ใช่ครับ"),
    # a best fact that dates nothing: the runner-up that gives the day settles it
    ("ภูเก็ตทินิคอนวัลเลย์ได้ตราปี 2567 ใช่ไหม", "ไม่ใช่ครับ"),
])
def test_a_year_claimed_is_checked_against_the_step_asked(convo, text, lead):
    assert first_line(convo.say(text)).startswith(lead)


def test_another_month_of_the_year_asked_is_a_no():
    # the one month the fact tells of the year asked is another one
    assert verdict("were they approved in august 2021?", ["were", "they", "approved", "in", "august", "2021"],
                   "They were approved on 6 May 2021.", years=frozenset({2021}),
                   fact_years=frozenset({2021})) == "no"
    assert verdict("were they approved in may 2021?", ["were", "they", "approved", "in", "may", "2021"],
                   "They were approved on 6 May 2021.", years=frozenset({2021}),
                   fact_years=frozenset({2021})) == "yes"


def test_a_route_opened_a_year_earlier_did_not_start_in_the_year_claimed():
    said = verdict("did the airport bus start in 2019?", ["did", "the", "airport", "start", "in", "2019"],
                   "The route to the airport was opened on 23 April 2017.", names_agree=True,
                   years=frozenset({2019}), fact_years=frozenset({2017}), close=False)
    assert said == "no"


def test_a_why_the_sources_leave_unexplained_is_refused(convo):
    assert convo.say("เพราะอะไรจำนวนจังหวัดที่มีเมืองอัจฉริยะถึงหดลง").fallback


def test_a_fact_that_says_it_is_unexplained_still_answers_why_sources_differ(bot):
    fact = next(f for f in bot.dialogue.knowledge.facts.values() if "not explained" in f.answer.en)
    assert why_not("why has the count of provinces fallen", fact, "why") is not None
    assert why_not("why are the two counts of provinces different", fact, "why") is None


@pytest.mark.parametrize("text", ["who currently heads depa", "ตอนนี้ใครนั่งตำแหน่งผู้อำนวยการใหญ่ดีป้า"])
def test_who_holds_a_post_now_is_not_told_by_last_year_s_fact(convo, text):
    # the bot cannot confirm who holds it today (the question goes to staff), and says who held it when last checked
    r = convo.say(text)
    assert r.fallback
    assert ("can't confirm" in r.text or "ยืนยันไม่ได้" in r.text) and ("Nuttapon" in r.text or "ณัฐพล" in r.text), r.text


def test_who_held_it_is_still_told_without_now(convo):
    assert "Nuttapon" in first_line(convo.say("who heads depa"))


def test_still_in_a_year_gone_by_is_no_question_about_now(bot):
    fact = bot.dialogue.knowledge.facts["certification-steering-committee-chairs"]
    assert not held_then("was the 2020 meeting still chaired by him", fact, years=frozenset({2020}),
                         today=date(2026, 12, 1))
    assert held_then("who chairs it now", fact, today=date(2026, 12, 1))


def test_a_thing_done_under_a_dimension_s_plan_is_there(convo):
    # "under its Smart Economy plan" is no plan still to come: the festival is there
    assert first_line(convo.say("does Mae Moh have any festival")).startswith("Yes.")


def test_a_light_rail_still_on_the_drawing_board_is_not_there_yet(convo):
    assert not first_line(convo.say("is there a light rail in khon kaen?")).startswith("Yes")


@pytest.mark.parametrize("text", ["is EGAT the one behind Mae Moh Livable City?",
                                  "does Khon Kaen's smart city bus go to the airport?"])
def test_being_behind_and_going_to_are_read_from_the_fact(convo, text):
    assert first_line(convo.say(text)).startswith("Yes.")


@pytest.mark.parametrize("text, lead", [
    # a plan not kept: it was planned for that year (yes), it did not happen then (no)
    ("did khon kaen's light rail begin service in 2022 as planned?", "No."),
    ("was the light rail in khon kaen meant to open in 2022?", "Yes."),
])
def test_a_plan_that_was_not_kept(convo, text, lead):
    assert first_line(convo.say(text)).startswith(lead)


def test_a_plan_not_kept_is_read_from_the_fact():
    answer = "The plan of 2019 expected the tower to open in 2023, which did not happen."
    asked = ["did", "the", "tower", "open", "in", "2023"]
    assert verdict("did the tower open in 2023?", asked, answer, years=frozenset({2023}),
                   fact_years=frozenset({2019, 2023})) == "no"
    assert verdict("was the tower supposed to open in 2023?", asked, answer, years=frozenset({2023}),
                   fact_years=frozenset({2019, 2023})) == "yes"
    assert verdict("did that happen?", ["did", "that", "happen"], answer) == "no"


def test_the_one_area_s_own_fact_settles_a_claim_about_it(convo):
    # the five pilots' Smarts settle nothing about Mae Moh alone; Mae Moh's own 3 Smarts say no
    assert first_line(convo.say("แม่เมาะมีครบทั้ง 7 ด้านเลยไหม")).startswith("ไม่ใช่ครับ")


@pytest.mark.parametrize("text, lead", [("is there a certified smart city in Nong Khai?", "Not in the lists I have"),
                                        ("มีเมืองอัจฉริยะในหนองคายที่ได้ตราไหม", "ไม่พบครับ")])
def test_a_province_with_no_area_in_the_lists_leads_with_what_was_found(convo, text, lead):
    r = convo.say(text)
    assert not r.fallback and first_line(r).startswith(lead)


@pytest.mark.parametrize("text, lead", [
    ("is samyan smart city the whole of bangkok?", "No."),
    ("แม่เมาะเป็นเมืองอัจฉริยะทั้งจังหวัดลำปางเลยไหม", "ไม่ใช่ครับ"),  # (not "yes, it is in Lampang")
    ("does phuket smart city cover only the old town?", "No."),
    ("does Phuket Smart City take in the whole province?", "Yes."),
])
def test_the_whole_of_a_province_or_only_a_part(convo, text, lead):
    assert first_line(convo.say(text)).startswith(lead)


@pytest.mark.parametrize("text, lead", [
    ("ยิปซัมของแม่เมาะมีเกินปีละ 4 แสนตันไหม", "ใช่ครับ"),  # (500,000 a year: over 400,000)
    ("สามย่านมีต้นไม้ใหญ่ 5 พันต้นใช่ไหม", "ไม่ใช่ครับ"),  # (more than 10,000)
])
def test_thai_counts_in_thousands_are_read_as_figures(convo, text, lead):
    assert first_line(convo.say(text)).startswith(lead)


@pytest.mark.parametrize("text", ["has pattaya got the smart city logo?", "พัทยาได้ตราเมืองอัจฉริยะหรือยัง"])
def test_a_town_is_not_its_province_s_one_area(convo, text):
    # Khan Song, the one area of Chonburi, is not said to be in Pattaya
    r = convo.say(text)
    assert r.fallback and "Khan Song" not in r.text and "คันทรง" not in r.text


def test_the_province_still_has_its_area(convo):
    r = convo.say("ชลบุรีมีเมืองอัจฉริยะไหม")
    assert first_line(r).startswith("ใช่ครับ") and "คันทรง" in first_line(r)


@pytest.mark.parametrize("follow_up", ["can you name them", "names?"])
def test_the_names_of_things_no_fact_names_are_not_another_list(convo, follow_up):
    # the startups counted are named nowhere: not the five pilot cities
    convo.say("phuket's first phase had how many startups")
    r = convo.say(follow_up)
    assert r.fallback and "Samyan" not in r.text


def test_names_after_a_list_of_areas_are_still_given(convo):
    convo.say("name the five pilot smart cities")
    assert "Samyan" in first_line(convo.say("names?"))


def test_one_source_s_account_claimed_in_full_is_a_yes():
    answer = ("Sources differ: in March 2022 the ministry gave 41 towns in 12 provinces, but in May 2024 the "
              "agency gave 44 towns in 9 provinces.")
    asked = ["in", "2022", "were", "there", "41", "towns", "in", "12", "provinces"]
    assert verdict("in 2022 were there 41 towns in 12 provinces?", asked, answer,
                   years=frozenset({2022}), fact_years=frozenset({2022, 2024})) == "yes"
    # figures of both accounts mixed, an account's figures without its year, or a target claimed as reached,
    # settle nothing
    assert verdict("were there 41 towns in 12 provinces?", ["were", "there", "41", "towns", "in", "12", "provinces"],
                   answer, fact_years=frozenset({2022, 2024})) is None
    assert verdict("in 2024 were there 41 towns in 9 provinces?", asked, answer,
                   years=frozenset({2024}), fact_years=frozenset({2022, 2024})) is None
    target = "Sources differ: the first target of 80 towns was by 2020 in some sources and by 2023 in others."
    assert verdict("did they reach 80 towns by 2020?", ["did", "they", "reach", "80", "towns", "by", "2020"], target,
                   years=frozenset({2020}), fact_years=frozenset({2020, 2023})) is None


def test_why_two_accounts_set_against_each_other_is_still_answered(bot):
    fact = next(f for f in bot.dialogue.knowledge.facts.values() if "not explained" in f.answer.en)
    assert why_not("why does one report say 25 provinces but a later one just 16", fact, "why") is None


def test_whole_or_part_asked_as_a_choice_gets_no_yes_or_no(convo):
    convo.say("tell me about phuket smart city")
    r = convo.say("does it take in the whole island or only the town?")
    assert not first_line(r).startswith(("Yes", "No"))


@pytest.mark.parametrize("text, lead", [
    ("was khon kaen among the original members of the asean smart cities network?", "No."),  # added in 2022
    ("ขอนแก่นอยู่ในเครือข่าย ASCN ตั้งแต่แรกเลยไหม", "ไม่ใช่ครับ"),
    ("was phuket one of the first members of the asean smart cities network?", "Yes."),
])
def test_a_first_member_is_not_one_added_later(convo, text, lead):
    assert first_line(convo.say(text)).startswith(lead)


@pytest.mark.parametrize("text", ["ปี 2570 จะมีเมืองอัจฉริยะครบ 105 เมืองจริงไหม", "is thailand likely to reach 105 smart cities?"])
def test_whether_a_plan_comes_true_is_not_told_by_the_plan(convo, text):
    assert convo.say(text).fallback


@pytest.mark.parametrize("text", ["is the target really 105 cities?", "ได้ยินว่าจะมี 100 เมืองภายในปี 65 จริงไหม"])
def test_the_plan_itself_or_a_report_of_it_is_still_answered(convo, text):
    assert not convo.say(text).fallback
