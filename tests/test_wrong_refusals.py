"""Questions the knowledge base answers that used to get the honest fallback, and what must still get it."""

import pytest

from helpers import first_line
from intents.synonyms import expand


@pytest.mark.parametrize("text, expected", [
    ("ดีป้าหนุนโครงการนำร่องในขอนแก่นธีมไหนบ้าง", "การเดินทาง"),
    ("เหตุเรือล่มภูเก็ตปี 2561 คนตายไปกี่คน", "47"),
    ("ภูเก็ตมีเรือโดยสารกี่คนต่อวัน", "50,000"),
    ("in 2018 was smart environment compulsory for a city", "Environment"),
    ("ภูเก็ตได้คะแนนรวมกี่เปอร์เซนต์ใน TSCCI 2023", "83.60"),  # (percent as people spell it)
])
def test_a_word_the_facts_say_otherwise_is_no_unknown_word(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


@pytest.mark.parametrize("text", ["พิธีมอบตราปี 65 จัดที่ไหน", "ตายตัว"])
def test_a_word_inside_another_is_left_alone(text):
    assert expand(text) == text


def test_booking_a_ticket_is_still_refused(convo):
    assert convo.say("can you get me a train ticket to phuket").fallback


def test_the_area_newly_given_the_logo_is_told(convo):
    r = convo.say("ในปี 2568 มีพื้นที่ไหนได้ตราใหม่บ้าง")
    assert not r.fallback and "ทินิคอน" in first_line(r)


@pytest.mark.parametrize("text, verdict", [
    ("was korat among the seven early pilot areas", "No"),
    ("โคราชเป็นหนึ่งใน 7 พื้นที่นำร่องช่วงแรกไหม", "ไม่"),
])
def test_membership_of_a_counted_list_of_other_areas_is_read_from_that_list(convo, text, verdict):
    r = convo.say(text)
    assert not r.fallback and r.text.startswith(verdict)


def test_a_role_laid_out_is_no_budget():
    assert "งบประมาณ" not in expand("วังจันทร์วางบทบาทตัวเองไว้ยังไง")
    assert "งบประมาณ" in expand("วังจันทร์ได้งบเท่าไหร่")


def test_what_is_used_in_place_of_something_is_a_replacement(convo):
    r = convo.say("แม่เมาะเอาอะไรมาใช้แทนถ่านหิน")
    assert not r.fallback and "หมุนเวียน" in first_line(r)


@pytest.mark.parametrize("text", ["did chachoengsao come 1st among province-based areas in tscci 2023?",
                                  "was wangchan valley 2nd in the city-based tscci 2023 ranking?"])
def test_a_place_claimed_as_1st_or_2nd_is_read_from_an_ordered_top_list(convo, text):
    r = convo.say(text)
    assert not r.fallback and r.text.startswith("No")


def test_the_place_claimed_is_checked_not_only_being_in_the_list(convo):
    assert convo.say("was chachoengsao 2nd among province-based areas in tscci 2023?").text.startswith("Yes")


@pytest.mark.parametrize("text, verdict", [
    ("wangchan valley is run by the chonburi city hall, right?", "No"),
    ("is mae moh run by the electricity generating authority of thailand?", "Yes"),
])
def test_a_body_claimed_to_run_an_area_is_checked_against_its_developer(convo, text, verdict):
    r = convo.say(text)
    assert not r.fallback and r.text.startswith(verdict)


def test_words_only_one_area_s_fact_says_find_it_though_no_area_is_named(convo):
    r = convo.say("เอาน้ำเสียที่รีไซเคิลแล้วไปรดอะไร")
    assert not r.fallback and "สามย่าน" in first_line(r)


def test_an_area_s_fact_is_still_no_answer_to_a_general_question(convo):
    assert convo.say("how do smart cities help farmers sell rice").fallback


@pytest.mark.parametrize("text, expected", [
    ("ขอเช็คหน่อยนะ ขอนแก่นได้ตราเมื่อไหร่", "2564"),
    ("name the phuket entry among the first five pilot cities", "Phuket"),
])
def test_chat_words_that_frame_a_question_are_no_unknown_topic(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


@pytest.mark.parametrize("first, text", [
    (None, "KKTS มีใครเป็นผู้ถือหุ้นบ้าง"),
    ("KKTS ทุนเริ่มต้นเท่าไหร่", "ใครเป็นผู้ถือหุ้น"),
])
def test_holding_shares_is_who_owns_a_company_not_the_stock_market(convo, first, text):
    if first:
        convo.say(first)
    r = convo.say(text)
    assert not r.fallback and "เทศบาล 5 แห่ง" in first_line(r)


def test_the_stock_market_is_still_refused(convo):
    assert convo.say("ราคาหุ้นวันนี้เป็นยังไงบ้าง").fallback


def test_facts_about_nothing_named_do_not_use_up_the_tries(convo):
    # ("what does X mean" fits the definitions of other notions best; Mae Moh's Smart Energy plan is further down)
    r = convo.say("for Mae Moh what does Smart Energy stand for in practice")
    assert not r.fallback and "biomass" in first_line(r)


@pytest.mark.parametrize("text", ["กี่เปอเซ็น", "กี่เปอร์เซ็น", "กี่เปอร์เซนต์", "กี่เปอร์เซ็นต์"])
def test_percent_as_people_spell_it_is_written_as_the_facts_do(text):
    assert expand(text) == "กี่เปอร์เซ็นต์"


@pytest.mark.parametrize("text, expected", [("รอบสิงหาคม 2568 มีเมืองใหม่ได้รับตราบ้างไหมครับ", "ทินิคอน"),
                                            ("ปี 2568 มีเมืองใหม่ได้ตราสมาร์ทซิตี้กี่ที่", "ใหม่ 1 แห่ง")])
def test_new_cities_given_the_logo_are_not_the_new_city_type(convo, text, expected):
    # "เมืองใหม่" here is an area newly given the logo, not the type "เมืองใหม่ทันสมัย"
    r = convo.say(text)
    assert not r.fallback and expected in r.text


def test_the_new_city_type_is_still_the_type(convo):
    r = convo.say("แม่เมาะจัดเป็นเมืองใหม่หรือเปล่า")
    assert not r.fallback and "เมืองเดิมน่าอยู่" in first_line(r)


def test_how_many_new_after_the_renewals_is_not_the_renewals_again(convo):
    convo.say("เดือนสิงหาคม 2568 มีกี่เมืองที่ได้ต่ออายุตรา")
    r = convo.say("ส่วนที่ได้เมืองใหม่มากี่แห่ง")
    assert not r.fallback and "ใหม่ 1 แห่ง" in r.text


@pytest.mark.parametrize("text, expected", [
    ("oops, typo before. so what is Wangchan Valley?", "Wangchan Valley"),
    ("อ๋อ โทษที ถามผิด แล้วแม่เมาะได้ตราเมื่อไหร่", "6 พฤษภาคม 2564"),
])
def test_a_reply_or_an_apology_before_the_question_is_no_unknown_topic(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


@pytest.mark.parametrize("text, expected", [
    ("what did phuket do after the 2018 boat accident", "boat"),
    ("what perks come with the smart city logo", "BOI"),
    ("any advantages in getting certified as a smart city?", "BOI"),
])
def test_an_english_word_the_facts_say_otherwise_is_no_unknown_word(convo, text, expected):
    r = convo.say(text)
    assert not r.fallback and expected in first_line(r)


def test_kilometres_said_short_are_a_distance(convo):
    convo.say("วังจันทร์วัลเลย์ตั้งอยู่ที่ไหน")
    r = convo.say("แล้วห่างจากกรุงเทพสักกี่โล")
    assert not r.fallback and "160" in first_line(r)
    assert expand("ยิปซัมกี่โลกรัม") == "ยิปซัมกี่โลกรัม"


@pytest.mark.parametrize("text, marker", [
    ("ทำรายงานส่งอาจารย์ครับ ขอนแก่นได้ตราเมื่อไหร่", "2564"),  # the purpose first, after a polite particle
    ("ภูเก็ตได้รับรองวันไหนคะ จะเอาไปใส่สไลด์", "2564"),  # ...or after the question
    ("พรุ่งนี้มีประชุม ขอเช็คหน่อย แม่เมาะได้รับรองวันที่เท่าไหร่", "2564"),
])
def test_what_the_answer_is_for_is_chatter_not_a_question(convo, text, marker):
    r = convo.say(text)
    assert not r.fallback and marker in r.text, r.text
