"""Yes/no follow-ups about another city after a certification verdict or a batch: the verdict is worked out
from each city's certification (its batch), and a province the bot knows no area in gets an honest answer,
not the last city's verdict."""

from helpers import first_line


def test_bare_follow_up_after_a_certified_verdict_gives_the_new_city_its_own_verdict(convo):
    r = convo.say("ขอนแก่นได้รับตราสัญลักษณ์เมืองอัจฉริยะแล้วหรือยังครับ")
    assert first_line(r).startswith("ใช่")
    r = convo.say("แล้วแม่เมาะล่ะครับ")
    assert first_line(r).startswith("ใช่") and "แม่เมาะ" in first_line(r)


def test_city_in_that_batch_is_checked_against_its_own_batch(convo):
    convo.say("ชุดปี 2565 มีกี่พื้นที่ที่ได้ตรา")
    r = convo.say("โคราชอยู่ในชุดนั้นด้วยหรือเปล่า")
    assert first_line(r).startswith("ใช่") and "2565" in first_line(r)
    r = convo.say("แล้วภูเก็ตล่ะ")  # a pilot city of 2564: not that batch
    assert first_line(r).startswith("ไม่ใช่") and "2564" in first_line(r)


def test_english_round_follow_ups_keep_the_year_of_the_round(convo):
    convo.say("how many areas got the logo in 2021")
    r = convo.say("was mae moh in that round too?")
    assert first_line(r).startswith("Yes") and "2021" in first_line(r)
    r = convo.say("what about nan?")  # Mueang Nan is of the 2022 batch
    assert first_line(r).startswith("No") and "2022" in first_line(r)
    r = convo.say("and krabi?")  # no known area there, and no report of that round: no verdict
    assert r.fallback and not first_line(r).startswith(("Yes", "No"))


def test_province_in_the_group_of_the_first_five(convo):
    convo.say("name the five pilot smart cities")
    r = convo.say("is chiang mai in that group as well?")
    assert first_line(r).startswith("No") and "Chiang Mai" in first_line(r)


def test_bare_follow_up_after_a_thai_certified_verdict_without_the_logo_word(convo):
    convo.say("สามย่านได้รับตราเมืองอัจฉริยะแล้วใช่ไหมครับ")
    r = convo.say("แล้ววังจันทร์วัลเลย์ล่ะ")
    assert first_line(r).startswith("ใช่") and "วังจันทร์" in first_line(r)


def test_a_wrong_year_asked_before_is_asked_again_for_the_next_city(convo):
    convo.say("was wangchan valley certified in 2019?")
    r = convo.say("and phuket?")
    assert first_line(r).startswith("No") and "2021" in first_line(r)


def test_a_yes_no_follow_up_in_the_words_of_the_fact_s_own_questions_is_answered_from_it(convo):
    # ("obligatory" is in none of the 2018 rule's answer words, "Smart Environment required", but in its questions)
    convo.say("in 2018, what was the least number of Smarts a city needed?")
    r = convo.say("was one of them obligatory?")
    assert not r.fallback and "Environment" in first_line(r)


def test_a_yes_no_follow_up_about_losing_the_logo_is_answered_by_revocation(convo):
    convo.say("โลโก้เมืองอัจฉริยะใช้ได้นานแค่ไหน")
    r = convo.say("ถ้าพัฒนาไม่ถึงเกณฑ์ จะถูกยกเลิกตราได้ไหม")
    assert not r.fallback and "เพิกถอน" in first_line(r)


def test_and_an_area_after_a_place_with_no_certified_area_asks_whether_that_area_is_certified(convo):
    # (the first question's "a certified smart city" is a name, removed from what is kept of it: the claim keeps it)
    convo.say("Is Hua Hin a certified smart city?")
    r = convo.say("what about Mae Moh?")
    assert not r.fallback and r.text.startswith("Yes") and "Mae Moh" in first_line(r)
