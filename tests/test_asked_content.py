"""The fact asked for, not one near it: one alternative of a choice named, a word the answer just given says
only as not so yet, an amount on top of the one given, a hyphenated word the question turns on, and who said
something when only the detail names them."""

from intents.question import question_type
from knowledge.answerable import mentions


def test_a_choice_between_two_kinds_is_answered_by_the_kind_the_place_is(convo):
    r = convo.say("is mae moh counted as a new city or as a liveable city?")
    assert "livable" in r.text.casefold() and not r.fallback


def test_a_choice_asked_in_thai_too(convo):
    r = convo.say("แม่เมาะนับเป็นเมืองใหม่ทันสมัยหรือเมืองเดิมน่าอยู่คะ")
    assert "เมืองเดิมน่าอยู่" in r.text


def test_not_open_yet_does_not_say_when_it_opens(convo):
    convo.say("describe the light rail project in khon kaen")
    r = convo.say("and when does it open?")
    assert "2028" in r.text or "2027" in r.text


def test_how_much_more_is_an_amount_not_tell_me_more():
    assert not question_type("how much more did the city ask for").more
    assert not question_type("how many more areas got one").more
    assert question_type("tell me more").more


def test_an_amount_on_top_of_the_sum_just_given_is_another_fact(convo):
    convo.say("what was phuket's smart city budget")
    r = convo.say("did they want any extra money on top, how much?")
    assert "1,000" in r.text


def test_an_amount_on_top_asked_in_thai(convo):
    convo.say("งบภูเก็ตสมาร์ทซิตี้มีกี่ล้าน")
    r = convo.say("แล้วขอเพิ่มอีกเท่าไหร่คะ")
    assert "1,000" in r.text


def test_a_hyphenated_word_is_mentioned_as_normalised_text_writes_it():
    assert mentions("the plan's short term focus", "short-term")
    assert not mentions("the plan's long term focus", "short-term")


def test_the_fact_that_says_every_distinctive_word_asked_leads(convo):
    r = convo.say("khon kaen 2018-2022 master plan: what came first, short-term?")
    assert "MICE" in r.text


def test_who_said_it_is_told_from_the_detail(convo):
    r = convo.say("who at depa accounted for khon kaen being certified as late as 2021?")
    assert "Thawatchai" in r.text


def test_a_count_of_a_thing_the_answer_just_gave_is_that_answers_count(convo):
    convo.say("what camera system did depa put forward for phuket lifeguards")
    r = convo.say("how many cameras would that be")
    assert "40" in r.text


def test_a_fact_about_both_things_named_beats_one_about_a_city_neither_is_tied_to(convo):
    r = convo.say("besides depa, what bodies organised the logo design contest?")
    assert "EPPO" in r.text and "Phuket" not in r.text


def test_a_person_asked_about_with_their_organisation_keeps_their_citys_facts(convo):
    r = convo.say("what post does thawatchai khotwong hold at depa")
    assert "northeast" in r.text.casefold()


def test_which_ministry_a_minister_led_is_named_in_full(convo):
    r = convo.say("นายชัยวุฒิ ธนาคมานุสรณ์ เคยนั่งเก้าอี้รัฐมนตรีกระทรวงอะไร")
    assert "ดิจิทัลเพื่อเศรษฐกิจและสังคม" in r.text



def test_who_is_on_a_ranking_list_is_one_question_not_two(convo):
    # "มีใครบ้าง" asks for the list of who: no second fact (another year's index) is added to the list
    r = convo.say("อันดับต้นๆ ของ TSCCI 2024 มีใครบ้างครับ")
    assert "84.85" in r.text
    assert "2566" not in r.text
