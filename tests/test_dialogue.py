"""The dialogue as a user sees it: the first sentence answers the question asked, answers are short,
follow-ups keep the thread for every kind of subject, and the bot says honestly what it does not know."""

import re

import pytest

from bot.context import Context
from bot.dialogue import SMALL_TALK
from helpers import first_line
from intents.question import is_bare_follow_up, question_type

THAI_BE_DATE = re.compile(r"6 พฤษภาคม 2564")
CE_DATE = re.compile(r"6 May 2021")


def body(reply) -> str:
    """The answer without its sources line."""
    return reply.text.rsplit("\n", 1)[0] if reply.sources else reply.text


def test_date_question_is_answered_with_the_date_first(convo):
    r = convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่")
    assert not r.fallback and r.lang == "th" and r.entities["city"] == "khon-kaen"
    assert THAI_BE_DATE.search(first_line(r))
    assert len(r.text) < 400 and r.sources and "ที่มา" in r.text


def test_follow_up_asks_the_last_question_about_the_new_city(convo):
    convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่")
    r = convo.say("แล้วภูเก็ตล่ะ")
    assert r.entities["city"] == "phuket" and "ภูเก็ต" in first_line(r)
    assert THAI_BE_DATE.search(first_line(r))


def test_question_without_a_name_uses_the_last_subject(convo):
    convo.say("What is Phuket planning as a smart city?")
    r = convo.say("which province is it in?")
    assert r.entities["city"] == "phuket" and "Phuket" in first_line(r)


def test_follow_up_about_an_organisation_keeps_the_organisation(convo):
    r = convo.say("KKTT คืออะไร")
    assert not r.fallback and "KKTT" in first_line(r)
    r = convo.say("ตั้งขึ้นเมื่อไหร่")
    assert "2558" in first_line(r)
    r = convo.say("ทุนเท่าไหร่")
    assert "200 ล้าน" in first_line(r)


def test_acronym_alone_finds_what_it_names(convo):
    r = convo.say("KKTS ทำอะไร")
    assert not r.fallback and "KKTS" in first_line(r) and "ขอนแก่นทรานซิท" in r.text or "รางเบา" in r.text


def test_a_fact_the_base_holds_is_not_refused(convo):
    r = convo.say("ค่าโดยสาร smart bus ขอนแก่นเท่าไหร่")
    assert not r.fallback and "15 บาท" in first_line(r)
    r = convo.say("ปตท. เกี่ยวอะไรกับวังจันทร์")
    assert not r.fallback and ("ปตท" in first_line(r) or "PTT" in first_line(r))


def test_a_question_about_one_event_gets_that_event(convo):
    r = convo.say("ใครเป็นประธานพิธีมอบตราที่ทำเนียบรัฐบาล")
    assert not r.fallback and "ประวิตร" in first_line(r)
    r = convo.say("who chaired the meeting on 6 May 2021?")
    assert "Chaiwut" in first_line(r)


def test_qualifier_is_carried_to_the_follow_up(convo):
    r = convo.say("Is Samyan one of the first five?")
    assert first_line(r).startswith("Yes")
    r = convo.say("and Korat?")
    assert first_line(r).startswith("No") and "korat" in first_line(r).lower()


@pytest.mark.parametrize("text, expect_yes", [
    ("ขอนแก่นได้ตราด้วยใช่ไหม", True),
    ("is Phuket a certified smart city?", True),
    ("is Rama 4 one of the first five?", False),
    ("แม่เมาะเป็น 1 ใน 5 เมืองแรกใช่ไหม", True),
    ("ขอนแก่นไม่ได้อยู่ใน 5 เมืองนำร่องใช่มั้ย", False),  # the claim denies it: it is one of them
])
def test_yes_no_questions_get_a_computed_yes_or_no(convo, text, expect_yes):
    r = convo.say(text)
    assert not r.fallback
    if r.lang == "th":
        assert first_line(r).startswith("ใช่ครับ" if expect_yes else "ไม่ใช่ครับ")
    else:
        assert first_line(r).startswith("Yes" if expect_yes else "No")


@pytest.mark.parametrize("text, lead", [
    ("แม่นบ่ว่าสามย่านครอบคลุม 7 smarts", "ใช่ครับ"),  # Isan
    ("แผนสามย่านครอบคลุม 7 ด้านใช่มั้ย", "ใช่ครับ"),
    ("ขอนแก่นได้รับการรับรองในปี 2563 ใช่ไหม", "ไม่ใช่ครับ"),  # 2564
    ("does an area have to be a city to get certified?", "No"),
    ("is chiang mai one of the 5 pilot cities?", "No"),
])
def test_yes_no_about_any_fact_is_read_from_the_fact(convo, text, lead):
    r = convo.say(text)
    assert not r.fallback and first_line(r).startswith(lead), r.text


def test_yes_no_the_fact_cannot_settle_gets_no_verdict(convo):
    r = convo.say("is the 7 Smarts list the same everywhere?")
    assert not first_line(r).startswith(("Yes", "No"))
    # Khon Kaen's 2021 plan covers the 7 Smarts, its 2018 master plan 6 pillars: never a flat "no".
    r = convo.say("แม่นบ่ว่าขอนแก่นเป็นเมืองอัจฉริยะ 7 ด้าน")
    assert not first_line(r).startswith("ไม่ใช่")


def test_a_place_only_reported_in_a_list_is_answered_as_a_report(convo):
    r = convo.say("กระบี่ได้เป็นเมืองอัจฉริยะไหม")
    assert not r.fallback and "มีรายงานว่า" in first_line(r) and "กระบี่" in first_line(r)
    r = convo.say("is pattani a certified smart city?")
    assert first_line(r).startswith("Yes, reportedly") and "Pattani" in first_line(r)


@pytest.mark.parametrize("text", ["ดีป้ามีลูกจ้างประจำกี่คน", "ภูเก็ตมีสนามกอล์ฟกี่แห่ง", "ค่าเช่าออฟฟิศแถวสามย่านเดือนละเท่าไหร่"])
def test_a_question_about_something_no_fact_mentions_is_refused(convo, text):
    r = convo.say(text)
    assert r.fallback, r.text


def test_a_follow_up_without_a_name_keeps_the_thread_of_the_last_answer(convo):
    convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะวันที่เท่าไหร่")
    r = convo.say("ใครเป็นประธานในวันนั้น")
    assert "ชัยวุฒิ" in first_line(r)
    r = convo.say("แล้วประชุมกันที่ไหน")
    assert not r.fallback and "ลาดพร้าว" in first_line(r)


def test_a_short_follow_up_is_answered_from_the_fact_just_given(convo):
    r = convo.say("what is the national target for the number of smart cities now?")
    assert "105" in first_line(r)
    r = convo.say("by which year?")
    assert not r.fallback and "2027" in first_line(r)


def test_a_pronoun_follow_up_is_not_small_talk(convo):
    convo.say("which cities did the ICT minister name as candidates in 2015?")
    r = convo.say("what was his name?")
    assert not r.fallback and "Uttama" in first_line(r)


@pytest.mark.parametrize("text, name", [("hey so what's Samyan Smart City all about", "Samyan"),
                                        ("KKTT นี่คือไผ ได้ยินบ่อย", "KKTT")])
def test_what_is_with_chat_fillers_gets_the_overview(convo, bot, text, name):
    r = convo.say(text)
    assert not r.fallback and name in first_line(r)
    assert bot.dialogue.knowledge.facts[r.entities["fact"]].priority >= 10  # the overview, not a side fact


def test_english_fallback_names_topics_in_a_sentence(convo):
    r = convo.say("what hotels are near Samyan Smart City?")
    assert r.fallback and "about its " not in r.text and "I can tell you about" in r.text


def test_a_general_question_does_not_invent_a_city(convo):
    r = convo.say("What is a smart city?")
    assert "Nan" not in r.text and r.entities.get("city") is None


@pytest.mark.parametrize("text", ["ขอนแก่นมีโรงแรมอะไรบ้าง", "ภูเก็ตมีโรงแรมแนะนำไหม", "who is the governor of phuket",
                                  "พรุ่งนี้ขอนแก่นฝนตกไหม"])
def test_unknown_aspect_of_a_known_city_is_a_fallback_not_the_city_plan(convo, bot, text):
    r = convo.say(text)
    assert r.fallback and r.intent == "out_of_scope" and r.sources == [] and r.card is None
    assert len(r.quick_replies) >= 2
    assert any(g["text"] == text for g in bot.inbox.groups(1000))


def test_fallback_about_a_city_names_what_the_bot_can_say(convo):
    r = convo.say("ขอนแก่นมีโรงแรมอะไรบ้าง")
    assert "ขอนแก่น" in r.text and "ตอบได้เรื่อง" in r.text
    assert r.text.count("ครับ") == 1  # polite once, not at each end of the sentence


def test_thai_fallbacks_are_polite_once(convo):
    for text in ("ขอสูตรต้มยำหน่อย", "ขอนแก่นมีโรงแรมอะไรบ้าง", "ภูเก็ตมีร้านอาหารอร่อยที่ไหนบ้าง"):
        r = convo.say(text)
        assert r.fallback and r.text.count("ครับ") <= 1, r.text


def test_comparison_compares_briefly(convo):
    r = convo.say("ภูเก็ตกับขอนแก่นต่างกันยังไง")
    assert not r.fallback and "ภูเก็ต" in r.text and "ขอนแก่น" in r.text
    assert len(r.text) < 700 and set(r.entities["cities"]) == {"phuket", "khon-kaen"}


def test_more_gives_detail_of_the_last_answer(convo):
    first = convo.say("ทำไมขอนแก่นเพิ่งได้รับรองเป็นเมืองอัจฉริยะ")
    assert not first.fallback and "รายละเอียดเพิ่มเติม" in first.quick_replies
    more = convo.say("รายละเอียดเพิ่มเติม")
    assert not more.fallback and len(more.text) > len(body(first)) and len(more.text) <= 800


def test_thai_answer_is_polite_once_and_names_at_most_two_sources(convo):
    r = convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่")
    assert body(r).count("ครับ") == 1
    source_line = r.text.rsplit("\n", 1)[1]
    assert source_line.count(";") <= 1


def test_dates_are_in_the_readers_era(convo):
    r = convo.say("ภูเก็ตได้รับรองเมื่อไหร่", lang="en")
    assert r.lang == "en" and CE_DATE.search(r.text) and "2564" not in body(r)
    th = convo.say("ภูเก็ตได้รับรองเมื่อไหร่")
    assert THAI_BE_DATE.search(th.text) and "2021" not in body(th)


def test_city_overview_has_a_card(convo):
    r = convo.say("tell me about Khon Kaen smart city")
    assert r.card is not None and r.card.title == "Khon Kaen Smart City"


def test_greeting_thanks_and_help_are_friendly_with_suggestions(convo):
    for text, intent in [("สวัสดีครับ", "greet"), ("what can I ask you?", "help"), ("ขอบคุณมากครับ", "thanks")]:
        r = convo.say(text)
        assert r.intent == intent and not r.fallback
        assert 2 <= len(r.quick_replies) <= 4


@pytest.mark.parametrize("text", ["what's your name?", "บอทมีชื่อว่าอะไร", "yo bot, who r u", "คุณเป็นใครครับ",
                                  "บอทเนี่ยคือใครคะ", "บอทตัวนี้ใครพัฒนา", "hi there, how are u?", "หวัดดี มีใครอยู่ไหมคะ"])
def test_a_question_about_the_bot_itself_is_small_talk(convo, text):
    # (it asks who or what, but about the bot: no fact's person, no fallback)
    r = convo.say(text)
    assert r.intent in ("greet", "help") and not r.fallback


@pytest.mark.parametrize("text", ["okay cool", "lol ok", "อ๋อ โอเค", "รับทราบครับ"])
def test_only_an_acknowledgement_is_small_talk(convo, text):
    r = convo.say(text)
    assert r.intent == "thanks" and not r.fallback


def test_place_without_a_certified_area_is_an_honest_not_found(convo):
    r = convo.say("อุดรได้เป็นเมืองอัจฉริยะยังคะ")
    assert r.fallback and "อุดร" in r.text and "ขอนแก่น" not in r.text


def test_cities_in_a_province_come_from_the_data(convo):
    r = convo.say("which certified city is in Lampang")
    assert not r.fallback and "Mae Moh" in first_line(r)


@pytest.mark.parametrize("text", ["please name some smart city areas in lampang", "what smart cities does lampang have",
                                  "ช่วยยกตัวอย่างเมืองอัจฉริยะในลำปางหน่อย"])
def test_a_broad_request_for_the_areas_of_a_province_lists_them(convo, text):
    r = convo.say(text)
    assert not r.fallback and re.search("Mae Moh|แม่เมาะ", first_line(r))


@pytest.mark.parametrize("text, day", [("พื้นที่ในจังหวัดเชียงใหม่ได้รับตราตอนไหนครับ", "24 ธันวาคม 2564"),
                                       ("when were the chiang mai areas certified?", "24 December 2021")])
def test_when_a_province_s_areas_were_certified_leads_with_their_one_day(convo, text, day):
    # a province, not an area: both its areas, and the day they share first (was another province's news)
    r = convo.say(text)
    assert not r.fallback and day in first_line(r) and re.search("มหาวิทยาลัยเชียงใหม่|CMU", first_line(r))
    assert "ภูเก็ต" not in first_line(r) and "Phuket" not in first_line(r)


@pytest.mark.parametrize("text", ["tell me about bangkok", "เล่าเรื่องจังหวัดลำปางให้ฟังหน่อย"])
def test_a_province_asked_about_and_nothing_else_gets_its_certified_areas(convo, text):
    r = convo.say(text)
    assert not r.fallback and re.search("Samyan|แม่เมาะ", first_line(r))


def test_a_project_in_a_province_is_not_answered_with_the_province_s_areas(convo):
    r = convo.say("tell me about the EGAT park in lampang")
    assert not r.fallback and "EGAT Park" in first_line(r)


def test_fallback_questions_are_grouped_in_the_inbox(bot, user):
    from bot.inbox import group_key

    def group() -> dict:
        key = group_key("ขอนแก่นพรุ่งนี้ฝนตกไหม")
        return next((g for g in bot.inbox.groups(1000) if g["id"] == key), {"count": 0, "channels": {}})

    before = group()
    for text in ("ขอนแก่นพรุ่งนี้ฝนตกไหมครับ", "ขอนเเก่นพรุ่งนี้ฝนตกไหม"):  # a polite ending, a doubled เ
        assert bot.dialogue.respond(text, user_id=user, channel="line").fallback
    after = group()
    assert after["count"] - before["count"] == 2  # both in the one group
    assert after["channels"].get("line", 0) - before["channels"].get("line", 0) == 2


def test_every_suggestion_the_bot_offers_is_understood(bot):
    """A quick reply is a promise: tapping it must not lead to the fallback."""
    suggest = bot.dialogue.knowledge.suggest
    offered = {(s, None) for lang in ("th", "en") for s in suggest.for_subject(None, lang)}
    for lang in ("th", "en"):
        for city in ("khon-kaen", "phuket", "mae-moh", "samyan", "wangchan-valley"):
            offered.update((s, city) for s in suggest.for_subject(city, lang))
    # A suggestion is tapped in the conversation that offered it, so it may rely on that context.
    misunderstood = [(s, c) for s, c in sorted(offered, key=str)
                     if bot.dialogue.answer(s, Context(last_city=c, subjects=[c] if c else []))[0].fallback]
    assert misunderstood == []


def test_context_is_kept_per_channel(bot, user):
    bot.dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line")
    r = bot.dialogue.respond("อยู่จังหวัดไหน", user_id=user, channel="messenger")
    assert r.entities.get("city") is None  # the Messenger thread knows nothing of the LINE one


def test_before_and_after_that_walk_the_same_kind_of_fact_through_time(convo):
    r = convo.say("who chaired the national smart city committee in 2023-2024?")
    assert "Phumtham" in first_line(r)
    r = convo.say("and before that?")
    assert not r.fallback and "Prawit" in first_line(r)
    r = convo.say("ก่อนหน้านั้นอีกล่ะ")
    assert not r.fallback and "ประจิน" in first_line(r)
    r = convo.say("แล้วหลังจากนั้น")
    assert "ประวิตร" in first_line(r)


def test_where_is_it_after_an_overview_that_says_where(convo):
    convo.say("EECi คืออะไร")
    r = convo.say("อยู่ที่ไหน")
    assert not r.fallback and ("วังจันทร์" in first_line(r) or "ระยอง" in first_line(r))


def test_a_yes_no_question_in_a_conversation_is_not_small_talk(convo, bot):
    convo.say("สามย่านมีพื้นที่สีเขียวต่อคนเท่าไหร่")
    r = convo.say("ดีกว่าที่ WHO แนะนำไหม")
    assert r.intent not in ("thanks", "greet", "goodbye", "help")


@pytest.mark.parametrize("text", ["is hua hin a certified smart city", "is hat yai a smart city?"])
def test_a_known_place_without_certified_areas_is_never_answered_with_another_city(convo, text):
    r = convo.say(text)
    assert r.fallback and "Khon Kaen" not in r.text and "Phuket" not in r.text


def test_a_yes_no_question_after_a_preface_sentence(convo):
    r = convo.say("i'm visiting phuket in june. is it a certified smart city?")
    assert first_line(r).startswith("Yes") and "Phuket" in first_line(r)


@pytest.mark.parametrize("text", ["which cities got the smart city logo first?", "เมืองอัจฉริยะกลุ่มแรกมีที่ไหนบ้าง"])
def test_asking_which_came_first_lists_the_first_five(convo, text):
    r = convo.say(text)
    assert not r.fallback and all(c in r.entities.get("cities", []) for c in ("khon-kaen", "phuket", "samyan"))


@pytest.mark.parametrize("text", ["hi weather?", "hi there, any hotel"])
def test_a_greeting_with_an_off_topic_word_is_answered_not_crashed(bot, text):
    # the classifier reads a greeting, the off-topic word makes the intent out_of_scope: this once raised
    # KeyError('out_of_scope') looking up a small-talk phrase
    reply = bot.dialogue.respond(text, user_id="greet-off-topic", channel="test")
    assert reply.fallback and reply.text


def test_a_follow_up_that_names_only_a_year_asks_the_last_question_for_that_year(convo):
    convo.say("how many certified smart cities were there in july 2023?")
    r = convo.say("and in 2025?")
    assert not r.fallback and "37" in first_line(r) and "36" not in first_line(r)
    convo.say("ปี 2566 มีเมืองอัจฉริยะกี่เมืองแล้ว")
    assert "37" in first_line(convo.say("แล้วปี 2568 ล่ะ"))


@pytest.mark.parametrize("text, kind", [("จัดประชุมที่ใด", "where"), ("สำนักงานอยู่จังหวัดใด", "where"),
                                        ("มีพื้นที่ใดบ้าง", "list")])
def test_the_formal_where_is_a_where_question(text, kind):
    assert question_type(text).kind == kind


@pytest.mark.parametrize("remainder", ["แล้ว หมวด ล่ะ", "ด้าน ล่ะ", "and the dimension?"])
def test_a_dimension_named_with_its_category_word_is_a_bare_follow_up(remainder):
    assert is_bare_follow_up(remainder)


def test_another_dimension_after_a_dimension_leader_asks_for_that_dimension_s_leader(convo):
    convo.say("ใครนำด้านพลังงานในดัชนี TSCCI ปี 2566")
    r = convo.say("แล้วหมวด Smart Mobility ล่ะ")
    assert not r.fallback and "สามย่าน" in r.text.split("\n")[0]


def test_a_place_asked_after_a_ranking_keeps_that_ranking_s_category(convo):
    convo.say("ขอนแก่นได้อันดับเท่าไหร่ใน TSCCI 2566")  # third among province-based cities
    r = convo.say("แล้วใครได้ที่ 2")
    assert "ฉะเชิงเทรา" in r.text.split("\n")[0]  # the province-based second, not the city-based one


@pytest.mark.parametrize("first, then, lead", [
    ("how much green space per resident does samyan have", "is that below the standard?", "No."),
    ("พื้นที่สีเขียวของสามย่านต่อคนเท่าไหร่", "สูงกว่าเกณฑ์ที่องค์การอนามัยโลกแนะนำไหม", "ใช่ครับ"),
])
def test_a_figure_is_compared_with_the_standard_its_own_answer_gives(convo, first, then, lead):
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and r.text.startswith(lead) and "9" in r.text


def test_back_then_asks_about_the_year_of_what_was_just_told(convo):
    convo.say("when were the first five pilot cities certified?")  # 2021
    r = convo.say("who chaired the steering committee back then?")
    assert not r.fallback and "Prawit" in r.text.split("\n")[0]  # not the chair of 2023-24


def test_the_next_one_to_come_is_not_the_next_event_of_the_past(convo):
    convo.say("when was the khon kaen smart city expo held?")
    assert convo.say("ok and when will the next one be?").fallback  # no source gives a date to come
    convo.say("when was the khon kaen smart city expo held?")
    assert not convo.say("and what was the next one?").fallback  # the past: what came after it


@pytest.mark.parametrize("text", ["what's the nicest beach in phuket", "หาดไหนสวยสุดในภูเก็ต"])
def test_a_beach_to_visit_is_a_tourist_question_not_the_beach_cameras(convo, text):
    assert convo.say(text).fallback


def test_the_beach_cameras_are_still_answered(convo):
    r = convo.say("how many phuket beaches do the cctv cameras cover")
    assert not r.fallback and "13" in r.text


@pytest.mark.parametrize("first, then, lead", [
    ("tell me about the phuket sandbox", "so is it part of the smart city logo programme?", "No."),
    ("ภูเก็ตแซนด์บ็อกซ์คืออะไร", "มันเป็นส่วนหนึ่งของตราสัญลักษณ์เมืองอัจฉริยะไหม", "ไม่ใช่ครับ"),
])
def test_it_asked_about_a_notion_is_still_the_thing_the_conversation_is_about(convo, first, then, lead):
    convo.say(first)
    r = convo.say(then)
    assert r.text.startswith(lead) and ("Sandbox" in r.text or "แซนด์บ็อกซ์" in r.text)


@pytest.mark.parametrize("text, start", [
    ("does samyan cover 3 smarts like mae moh?", "No."),  # Samyan's plan covers 7
    ("does mae moh cover 3 smarts like samyan?", "•"),  # true of Mae Moh, not of Samyan: no verdict
    # (Khon Kaen's fact is about sources that disagree on it: no yes for both)
    ("do phuket and khon kaen both have a 7 smarts plan?", "• Phuket: Phuket Smart City's plan covers all 7"),
    # (both counts known and undisputed: worked out in one sentence)
    ("do samyan and phuket both have a 7 smarts plan?", "Yes. Both Samyan and Phuket"),
])
def test_a_claim_about_two_cities_is_settled_by_the_first_city_s_fact(convo, text, start):
    assert convo.say(text).text.startswith(start)


def test_does_it_include_a_dimension_is_read_from_the_list_just_given(convo):
    convo.say("how many smarts does mae moh's plan cover")  # energy, environment, economy
    assert convo.say("does it include smart mobility?").text.startswith("No, Smart Mobility")
    assert convo.say("and smart energy?").text.startswith("Yes, Smart Energy")
    convo.say("แผนแม่บทขอนแก่นปี 2561-2565 มีกี่เสาหลัก")  # six pillars, no energy
    assert convo.say("แล้วมีด้านพลังงานไหม").text.startswith("ไม่ใช่ครับ")
    assert convo.say("มีด้านเศรษฐกิจด้วยไหม").text.startswith("ใช่ครับ")


def test_which_three_names_the_three_the_last_answer_counted(convo):
    r = convo.say("do all five pilot cities have 7 smarts plans?")
    assert r.text.startswith("No.")  # Mae Moh's covers 3
    r = convo.say("what are the 3")
    assert all(w in r.text.split("\n")[0] for w in ("Energy", "Environment", "Economy"))


@pytest.mark.parametrize("first, then, marker", [
    ("list the first 5 pilot smart cities", "when did that happen?", "6 May 2021"),
    ("list the first 5 pilot smart cities", "and who was the chair?", "Chaiwut"),
    ("5 เมืองนำร่องแรกมีที่ไหนบ้าง", "ใครเป็นประธานการประชุมครั้งนั้น", "ชัยวุฒิ"),
])
def test_after_the_first_five_the_conversation_is_about_the_meeting_that_approved_them(convo, first, then, marker):
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and marker in r.text.split("\n")[0]


def test_they_asked_about_the_logo_is_still_the_city_of_the_conversation(convo):
    convo.say("who developed mae moh livable city?")
    r = convo.say("when did they receive the smart city logo?")
    assert "Mae Moh" in r.text.split("\n")[0] and "December 2021" in r.text


@pytest.mark.parametrize("text", ["what is the best museum in khon kaen", "which museum in khon kaen is the top one"])
def test_the_best_of_something_no_fact_knows_is_not_a_ranking_question(convo, text):
    assert convo.say(text).fallback  # not "Mueang Khon Kaen led the Smart Governance dimension"


# -- follow-ups: what the last answer already says, steps in time, other years, pronouns ---------------------
def test_a_follow_up_about_a_word_of_the_last_answer_gets_that_answer_again(convo):
    convo.say("ระยะทางจากวังจันทร์วัลเลย์ไปกรุงเทพกี่กิโล")
    r = convo.say("แล้วไปสนามบินล่ะ")
    assert not r.fallback and "130" in first_line(r)


def test_a_follow_up_the_last_answer_leaves_open_is_not_answered_with_it_again(convo):
    r = convo.say("tell me about tram noy")
    assert "Tram Noy" in first_line(r)
    r = convo.say("when will construction begin")
    assert not r.fallback and "2025" in first_line(r) and "City Bus" not in r.text


@pytest.mark.parametrize("first, then, name", [
    ("ใครเป็นประธานคณะกรรมการเมืองอัจฉริยะระดับชาติปี 2566-2567", "ก่อนนั้นอีกที", "ประวิตร"),
])
def test_a_step_back_in_time_is_a_follow_up_not_small_talk(convo, first, then, name):
    convo.say(first)
    r = convo.say(then)
    assert r.intent not in ("thanks", "greet", "goodbye", "help") and name in first_line(r)


def test_a_span_of_short_years_asks_the_last_question_for_those_years(convo):
    r = convo.say("who chaired the national smart city committee over 2023-24")
    assert "Phumtham" in first_line(r)
    r = convo.say("and for 2020-22?")
    assert not r.fallback and "Prawit" in first_line(r)


def test_another_year_is_not_answered_by_the_fact_of_the_year_just_asked(convo):
    r = convo.say("wangchan valley's TSCCI 2023 score?")
    assert "83.55" in first_line(r)
    r = convo.say("and in 2024?")
    assert "84.85" in first_line(r) and "83.55" not in r.text


def test_his_post_at_an_organisation_is_the_post_of_the_person_just_named(convo):
    r = convo.say("ใครเป็นเลขาของคณะอนุกรรมการตอนประชุม 6 พ.ค. 64")
    assert "ณัฐพล" in first_line(r)
    r = convo.say("เขาดำรงตำแหน่งอะไรในดีป้า")
    assert "ณัฐพล" in first_line(r) and "ผู้อำนวยการใหญ่" in first_line(r)


@pytest.mark.parametrize("first, then, lead, named", [
    ("แม่เมาะทำกี่ด้าน", "มีด้านการเดินทางไหม", "ไม่ใช่ครับ", "การเดินทาง"),
    ("what pillars did the khon kaen 2018 master plan list", "does it include energy?", "No", "Energy"),
])
def test_a_verdict_on_a_listed_dimension_names_the_dimension_asked(convo, first, then, lead, named):
    convo.say(first)
    r = convo.say(then)
    assert first_line(r).startswith(lead) and named in first_line(r)  # (the list itself does not name it)


def test_where_after_a_ceremony_whose_answer_names_the_venue(convo):
    r = convo.say("when were the logos handed to the fifteen developers in 2021")
    assert "Government House" in first_line(r)
    r = convo.say("where was it held")
    assert not r.fallback and "Government House" in first_line(r)


def test_years_asked_include_every_year_of_a_span():
    from bot.dialogue import _years_asked
    assert _years_asked("in 2021-22", [2021, 22]) == {2021, 2022}
    assert _years_asked("แล้วช่วง 63-65 ล่ะ", [63, 65]) == {2020, 2021, 2022}
    assert _years_asked("ปี 2563-2565", [2563, 2565]) == {2020, 2021, 2022}
    assert _years_asked("call 0812-34", [812, 34]) == frozenset()


def test_the_city_stays_the_subject_after_an_answer_about_its_smarts(convo):
    convo.say("แม่เมาะมีแผนกี่ smart")
    r = convo.say("มีด้านอะไรบ้างนะ")
    assert "พลังงาน" in first_line(r)
    r = convo.say("ใครเป็นคนขับเคลื่อน")
    assert not r.fallback and "กฟผ" in first_line(r) and r.entities.get("city") == "mae-moh"


@pytest.mark.parametrize("first, then, marker", [
    ("who opened khon kaen's bus route 24", "when?", "23 April 2017"),
    ("ใครตั้งเป้า 100 เมืองอัจฉริยะใน 20 ปี", "ตอนไหน", "2560"),
])
def test_a_message_that_only_asks_is_answered_by_the_fact_just_given(convo, first, then, marker):
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and marker in first_line(r)


def test_its_score_after_asking_which_area_came_third_is_that_areas_score(convo):
    r = convo.say("in TSCCI 2023's city-based list, which area ended up third?")
    assert "Khlong Phadung Krung Kasem" in first_line(r)
    r = convo.say("what was its score")
    assert "74.55" in first_line(r) and "79.02" not in first_line(r)


def test_which_one_came_at_a_place_after_a_ranked_list_is_the_one_at_that_place(convo):
    convo.say("ขอ 3 อันดับแรก TSCCI 2566 แบบ city-based")
    r = convo.say("อันไหนได้ที่ 3")
    assert r.entities.get("city") == "khlong-phadung-krung-kasem" and "74.55" in first_line(r)


def test_between_whom_after_an_answer_about_an_agreement_names_the_parties(convo):
    convo.say("when was the EECi memorandum signed")
    r = convo.say("between whom?")
    assert not r.fallback and "PTT" in first_line(r) and "NSTDA" in first_line(r)


def test_who_asked_about_words_of_the_last_answer_gets_that_answer(convo):
    convo.say("เป้าหมายของแม่เมาะคืออะไร")
    r = convo.say("สนับสนุนใครบ้าง")
    assert not r.fallback and "วิสาหกิจ" in first_line(r)


def test_a_yes_no_follow_up_about_something_the_answer_does_not_mention_is_not_answered(convo):
    convo.say("where does the khon kaen light rail run")
    r = convo.say("will the trains have air conditioning?")
    assert r.fallback


def test_no_verdict_about_the_city_discussed_from_a_fact_that_does_not_name_it(convo):
    convo.say("แม่เมาะได้ตราเมื่อไหร่")
    r = convo.say("ต่ออายุแล้วหรือยัง")
    assert not first_line(r).startswith(("ใช่", "ไม่ใช่"))


@pytest.mark.parametrize("first, then, city", [
    ("the first five pilot cities?", "which one is the fourth one", "samyan"),
    ("ห้าเมืองนำร่องแรกมีที่ไหนบ้าง", "เมืองที่ 2 อยู่จังหวัดอะไร", "mae-moh"),
    ("top three city-based smart cities in TSCCI 2023 please", "who runs the second one", "samyan"),
])
def test_the_nth_one_is_the_area_at_that_place_in_the_list_just_given(convo, first, then, city):
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and r.entities.get("city") == city


def test_the_nth_one_of_a_list_the_bot_cannot_resolve_is_not_the_city_discussed(convo):
    convo.say("which thai cities were first in the asean smart cities network")
    r = convo.say("who runs the last one")
    assert r.fallback


def test_a_list_of_areas_is_remembered_in_its_order(bot, user):
    bot.dialogue.respond("the first five pilot cities?", user_id=user, channel="web")
    ctx = bot.dialogue.contexts.load("web", user)
    assert ctx.listed[:2] == ["khon-kaen", "mae-moh"] and len(ctx.listed) == 5
    assert Context.from_json('{"listed": "oops"}').listed == []


@pytest.mark.parametrize("turns, lead", [
    (["phuket's tscci score in 2023", "and khon kaen?", "which is higher"], "Phuket"),
    (["สามย่านได้คะแนน TSCCI 2566 เท่าไหร่", "แล้ววังจันทร์ล่ะ", "อันไหนดีกว่ากัน"], "วังจันทร์วัลเลย์คะแนนสูงกว่า"),
])
def test_a_comparison_after_two_cities_in_turn_compares_them_on_what_was_asked(convo, turns, lead):
    for text in turns:
        r = convo.say(text)
    assert not r.fallback and first_line(r).startswith(lead)


def test_a_year_asked_about_one_city_is_asked_again_about_the_next(convo):
    r = convo.say("สามย่านได้คะแนน TSCCI 2566 เท่าไหร่")
    assert "79.02" in first_line(r)
    r = convo.say("แล้ววังจันทร์ล่ะ")
    assert "83.55" in first_line(r) and "2566" in first_line(r)


def test_comparison_words_leave_what_is_compared():
    from knowledge.comparison import without_comparison
    assert without_comparison("which is higher").split() == ["is"]
    assert "คะแนน" in without_comparison("ใครคะแนนสูงกว่า")


@pytest.mark.parametrize("first, then, both", [
    ("KKTS คืออะไร", "แล้ว KKTT ล่ะ ต่างกันตรงไหน", ("KKTS", "KKTT")),
    ("tell me about phuket smart city", "and khon kaen, how is it different?", ("Phuket", "Khon Kaen")),
    ("what is KKTT", "what about KKTS, how do they differ", ("KKTT", "KKTS")),
])
def test_how_a_newly_named_thing_differs_puts_it_beside_the_last_one(convo, first, then, both):
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and all(name in r.text for name in both) and r.text.count("•") == 2


@pytest.mark.parametrize("first, then, marker, not_marker", [
    ("wangchan valley's TSCCI 2024 score?", "what about the year before", "83.55", "84.85"),
    ("who chaired the national smart city committee over 2023-24", "and the year before?", "Prawit", "Phumtham"),
])
def test_the_year_before_asks_the_last_question_for_the_year_before_the_one_asked(convo, first, then, marker,
                                                                                  not_marker):
    convo.say(first)
    r = convo.say(then)
    assert marker in first_line(r) and not_marker not in first_line(r)


def test_a_new_general_question_after_a_city_is_not_answered_by_a_list_that_includes_the_city(convo):
    convo.say("who runs phuket smart city")
    r = convo.say("how many smart cities are there altogether now")
    assert not r.fallback and "37" in first_line(r) and "5 pilot" not in first_line(r)


@pytest.mark.parametrize("text", ["who is the CEO of KKTS?", "ประยุทธ์เกิดวันไหน", "ภูเก็ตมีนายกเทศมนตรีชื่ออะไร"])
def test_a_post_or_a_birth_asked_is_not_answered_by_a_fact_about_another(convo, text):
    # (a list of the drivers is no CEO, the ceremony he chaired no birth, a company's chairman no mayor)
    r = convo.say(text)
    assert r.fallback, r.text


def test_the_mayor_asked_for_is_still_given(convo):
    r = convo.say("who's the mayor of khon kaen municipality?")
    assert not r.fallback and "Thirasak" in first_line(r)


def test_a_year_asked_of_an_index_is_the_index_year_not_its_release(convo):
    # (the 2023 index came out in 2024: it does not tell how a city did in the 2024 index)
    r = convo.say("Samyan got what percent in TSCCI 2024?")
    assert r.fallback or "2024" in first_line(r).split("released")[0], r.text
    r = convo.say("how did wangchan valley score in the 2023 TSCCI?")
    assert not r.fallback and "83.55" in first_line(r)


# -- follow-ups that keep the thread (issue 9) -------------------------------------------------------------
def test_a_short_count_follow_up_is_answered_by_the_count_just_given(convo):
    # the target just told counts provinces too: no other fact's province count (of another year) answers it
    r = convo.say("what's the country's smart city target?")
    assert "105" in first_line(r)
    r = convo.say("how many provinces is that?")
    assert not r.fallback and "77" in first_line(r)


def test_a_score_follow_up_after_a_ranking_gives_the_ranking_scores(convo):
    convo.say("ใครได้ 3 อันดับแรกของ TSCCI ปี 2566 ประเภทจังหวัด")
    r = convo.say("ได้คะแนนกี่เปอร์เซ็นต์")
    assert not r.fallback and "83.60" in first_line(r)


def test_a_follow_up_on_a_new_topic_is_not_answered_with_the_last_answer_again(convo):
    r = convo.say("how much green space per person does samyan have")
    assert "19.8" in first_line(r)
    r = convo.say("what about noise levels there?")
    assert r.fallback and "19.8" not in r.text


def test_a_follow_up_about_the_area_is_not_answered_with_another_areas_fact(convo):
    r = convo.say("tell me about si trang")
    assert not r.fallback and "Si Trang" in first_line(r)
    r = convo.say("TSCCI score?")
    assert r.fallback and "Phuket" not in r.text and "83.60" not in r.text


def test_the_event_of_the_day_just_told_is_what_the_follow_up_asks_about(convo):
    # the count of areas names no event, but they got the logo at the ceremony that day
    r = convo.say("how many areas had the logo at the end of 2021?")
    assert "15" in first_line(r)
    r = convo.say("who presided?")
    assert not r.fallback and "Prawit" in first_line(r)


def test_a_short_question_about_the_answer_just_given_is_not_small_talk(convo):
    convo.say("วังจันทร์วัลเลย์อยู่ที่ไหน")
    r = convo.say("อำเภออะไรนะ")
    assert not r.fallback and r.intent not in ("goodbye", "thanks", "greet") and "วังจันทร์" in first_line(r)


def test_the_steps_docs_dialogue_md_lists_are_the_steps_answer_runs():
    """docs/dialogue.md names the steps Dialogue.answer runs, in order; a step added or moved is listed there too."""
    import inspect
    from pathlib import Path

    from bot.dialogue import Dialogue

    code = inspect.getsource(Dialogue._answer_once)
    run = re.findall(r"self\.(_\w+),", code[code.index("for step in ("):code.index("):", code.index("for step in ("))])
    doc = (Path(__file__).parent.parent / "docs" / "dialogue.md").read_text(encoding="utf-8")
    listed = doc[doc.index("as read so far):"):doc.index("A step either answers")]
    assert re.findall(r"`(_\w+)`", listed) == run and len(run) > 20


@pytest.mark.parametrize("thanks", ["thanks, that helps a lot", "ขอบคุณครับ อันนี้ชัดเจนดี", "น้องบอทเก่งมาก"])
def test_thanks_that_refers_to_the_answer_is_still_thanks(convo, thanks):
    convo.say("Which body approves the smart city logo?")
    r = convo.say(thanks)
    assert r.intent == "thanks" and not r.fallback


@pytest.mark.parametrize("text,lead,named", [
    ("Did Phuket get certified by depa?", "Yes.", "Phuket"),  # depa awards every logo: no "someone else"
    ("Is Samyan run by depa?", "No.", "Chulalongkorn"),
    ("Is Mae Moh run by depa?", "No.", "EGAT"),  # who runs an area is read from a fact about that area, not depa's
])
def test_yes_no_with_depa_named_beside_an_area(convo, text, lead, named):
    r = convo.say(text)
    assert r.text.startswith(lead) and named in r.text, r.text


@pytest.mark.parametrize("text,place", [("Is Udon Thani certified by depa?", "Udon Thani"),
                                        ("อุดรได้รับรองจากดีป้ารึยัง", "อุดรธานี")])
def test_certified_by_depa_asked_of_a_place_without_areas(convo, text, place):
    r = convo.say(text)  # the place's honest answer, not "I don't have that information about depa"
    assert r.fallback and place in r.text and "depa" not in r.text.casefold(), r.text


def test_the_weather_of_a_city_is_no_fact_about_it(convo):
    r = convo.say("แม่เมาะอากาศเป็นยังไงช่วงนี้")
    assert r.fallback and "แม่เมาะ" in r.text, r.text


def test_how_is_a_city_asks_what_it_is(convo):
    r = convo.say("วังจันทร์วัลเลย์เป็นไง")  # "how is it?": the overview, not a fact phrased "…เป็นไงบ้าง"
    assert not r.fallback and r.intent == "city_overview", r.text


def test_smart_city_defined_is_no_one_smarts_definition(convo):
    r = convo.say("smart city คืออะไรอะ")  # every "smart X คืออะไร" fits alike: none of them answers it
    assert r.fallback or "Smart Economy" not in r.text, r.text


@pytest.mark.parametrize("text, said", [("what's a smart city?", "certified smart city is an area"),
                                         ("สมาร์ทซิตี้ หมายถึงอะไรครับ", "คือพื้นที่ที่แผนพัฒนาเมืองอัจฉริยะผ่านเกณฑ์")])
def test_what_a_smart_city_is_gets_what_a_certified_one_is(convo, text, said):
    # no official one-line definition exists: the programme's own notion, not the BOI package's "X คือ..."
    convo.say("ขอนแก่นได้รับรองเมื่อไหร่")  # (even in a conversation about a city)
    r = convo.say(text)
    assert not r.fallback and said in first_line(r), r.text
    assert "BOI" not in first_line(r)


def test_the_name_an_area_was_certified_under_is_given_for_its_province(convo):
    # a province with one certified area names that area; "project called" asks for the name it was certified under
    r = convo.say("what name did the yala smart city project get its logo under")
    assert not r.fallback and "Public Participation" in first_line(r)


def test_the_thai_name_an_area_was_certified_under_is_given_for_its_province(convo):
    r = convo.say("ยะลาใช้ชื่อโครงการว่าอะไรตอนได้ตรา")
    assert not r.fallback and "มีส่วนร่วม" in first_line(r)


def test_a_project_name_in_a_province_with_no_known_area_is_not_answered_by_a_count(convo):
    r = convo.say("นราธิวาสได้ตราเมืองอัจฉริยะในชื่อโครงการอะไร")
    assert r.fallback and "37" not in first_line(r)


def test_a_numbered_meeting_is_found_however_its_number_is_introduced(convo):
    r = convo.say("who presided over mtg #1/2021 of the sub-committee")
    assert not r.fallback and "Chaiwut" in first_line(r)


@pytest.mark.parametrize("text, kind, yes_no", [
    ("โครงการที่ผ่านรอบแรกมีไรบ้าง", "list", False),      # อะไรบ้าง as it is typed
    ("names of the areas certified in 2022?", "list", False),  # names asked, not a claim
    ("what's the maximum budget % allowed for it", "how_many", False),
])
def test_colloquial_list_and_share_questions_get_their_kind(text, kind, yes_no):
    qt = question_type(text)
    assert qt.kind == kind and qt.yes_no == yes_no


def test_names_the_sources_do_not_give_are_an_honest_fallback(convo):
    r = convo.say("names of the projects the working group passed in september 2020?")
    assert r.fallback and not first_line(r).startswith("No")


@pytest.mark.parametrize("first, then, said", [
    ("7 smarts มีอะไรบ้าง", "แล้วข้อไหนเกี่ยวกับพลังงาน", "พลังงานอัจฉริยะ"),
    ("list the 7 smarts please", "so which one deals with energy?", "Smart Energy means"),
])
def test_which_of_the_seven_is_about_a_thing_named_gets_that_one(convo, first, then, said):
    # the Smart named is the answer, not a fact that mentions energy elsewhere (Khon Kaen's plan)
    convo.say(first)
    r = convo.say(then)
    assert not r.fallback and said in first_line(r), r.text
    assert "Khon Kaen" not in r.text and "ขอนแก่น" not in r.text


@pytest.mark.parametrize("text, lang", [("can you speak thai?", "en"), ("คุยภาษาอังกฤษได้มั้ยครับ", "th")])
def test_which_languages_it_speaks_is_answered_not_refused(convo, text, lang):
    r = convo.say(text)
    assert not r.fallback and r.lang == lang and re.search("Thai and in English|ทั้งภาษาไทยและภาษาอังกฤษ", r.text)


@pytest.mark.parametrize("first, again, lang, said", [
    ("แม่เมาะได้รับการรับรองเมื่อไหร่ครับ", "in english please", "en", "6 May 2021"),
    ("when was samyan certified?", "ขอเป็นภาษาไทยได้ไหมครับ", "th", "6 พฤษภาคม 2564")])
def test_asked_for_the_other_language_right_after_an_answer_gives_that_answer_in_it(convo, first, again, lang, said):
    convo.say(first)
    r = convo.say(again)
    assert not r.fallback and r.lang == lang and said in first_line(r)


@pytest.mark.parametrize("text, starts, said", [
    ("hello! is mae moh a smart city?", "Yes", "6 May 2021"),
    ("สวัสดีค่ะ ภูเก็ตได้เป็นเมืองอัจฉริยะไหมคะ", "ใช่", "6 พฤษภาคม 2564"),
    ("good morning, when did khon kaen get certified haha", "", "6 May 2021"),
    ("yo what's KKTT all about lol", "", "Khon Kaen Think Tank"),
])
def test_a_greeting_before_the_question_or_laughter_after_it_does_not_stop_the_answer(convo, text, starts, said):
    r = convo.say(text)
    assert not r.fallback and r.intent not in SMALL_TALK
    assert first_line(r).startswith(starts) and said in first_line(r)


@pytest.mark.parametrize("text", ["สวัสดีครับ ขอรบกวนหน่อยครับ", "hi there!", "hello bot, good morning"])
def test_a_greeting_with_no_question_in_it_stays_a_greeting(convo, text):
    r = convo.say(text)
    assert not r.fallback and r.intent == "greet"


@pytest.mark.parametrize("text, said", [
    ("whats si trang? the name is new to me", "Trang"),
    ("im doing homework, which cities were the first smart cities in thailand", "Wangchan Valley"),
    ("sorry, my mistake. is samyan a smart city?", "Yes"),
])
def test_a_question_with_chatter_around_it_is_answered_from_its_asking_clause(convo, text, said):
    # (read whole, the aside or the words about the asker made the message unanswerable)
    r = convo.say(text)
    assert not r.fallback and said in first_line(r), r.text


def test_an_acknowledgement_before_the_next_question_does_not_stop_its_answer(convo):
    assert convo.say("is it going to rain in phuket tomorrow?").fallback
    r = convo.say("alright, who runs samyan smart city?")  # ("alright" is no word the answer must say)
    assert not r.fallback and "Chulalongkorn" in first_line(r), r.text


def test_a_question_corrected_as_it_is_typed_is_the_corrected_one(convo):
    r = convo.say("how big is the kvis campus... i mean who runs wangchan valley")
    assert not r.fallback and "PTT" in first_line(r), r.text
    # (a part of a question after the correction is no question of its own: the whole stays unanswered)
    assert convo.say("who designed the logo... i mean the logo of khon kaen").fallback


def test_a_claim_someone_made_is_asked_as_the_claim(convo):
    # (the one who said it, "professor", is no sign of a question about something the bot lacks)
    r = convo.say("my professor said that samyan was certified in 2021")
    assert not r.fallback and first_line(r).startswith("Yes") and "2021" in first_line(r), r.text


@pytest.mark.parametrize("text", [
    "any good noodles in phuket? where should i eat",  # the other clause asks what the bot lacks
    "can i visit samyan? opening hours?",  # ...or what the fact found for one clause does not say
    "im going to khon kaen next week, any smart city event? like a festival?",  # ...or then, not in the past
])
def test_a_clause_is_not_answered_when_the_rest_of_the_message_asks_what_it_lacks(convo, text):
    assert convo.say(text).fallback


@pytest.mark.parametrize("text, said", [
    ("samyan or wangchan valley, which became a smart city first?", ["same day", "6 May 2021"]),
    ("โคราชกับสามย่านอันไหนได้รับรองก่อนครับ", ["สามย่านได้รับการรับรองก่อน", "6 พฤษภาคม 2564", "9 มกราคม 2566"]),
    ("สามย่านได้รับรองก่อนโคราชใช่ไหม", ["ใช่ครับ", "9 มกราคม 2566"]),
])
def test_which_of_two_areas_came_first_is_worked_out_from_their_dates(convo, text, said):
    r = convo.say(text)
    line = first_line(r)
    assert not r.fallback and all(x in line for x in said), line
    assert line.count("ครับ") <= 1 and "•" not in r.text  # one verdict, not each area's fact side by side


def test_the_first_five_is_a_batch_not_an_order(convo):
    r = convo.say("which of khon kaen and korat was in the first five?")
    assert "certified first" not in r.text and "same day" not in r.text


@pytest.mark.parametrize("text, name", [("tell me more about Wangchan Valley", "Wangchan"),
                                        ("tell me a bit more about KKTS", "KKTS")])
def test_tell_me_more_about_a_name_first_gets_its_overview(convo, bot, text, name):
    # (nothing told yet: "more" asks what it is, not some side fact whose example says "more")
    r = convo.say(text)
    assert not r.fallback and name in first_line(r)
    assert bot.dialogue.knowledge.facts[r.entities["fact"]].priority >= 10


def test_a_fact_about_both_things_named_weighs_more_when_the_words_touch_it(bot):
    from knowledge.retrieval import S_ALL, S_ALL_SPECIFIC, S_MATCH, Query
    index = bot.dialogue.knowledge.index
    named = ["passakorn-prathombutr", "subcommittee-meeting-1-2564"]
    hits = index.search(Query("อยู่ในที่ประชุมด้วยไหม", "th", named), 3)
    assert hits[0].fact.id == "meeting-2021-05-06-attendees"
    assert hits[0].subjects >= S_MATCH + S_ALL + S_ALL_SPECIFIC - 1e-9
    # (a question whose words no fact about both says gets no such weight: "is he still there now?" asks what
    # none of them tells)
    hits = index.search(Query("zzz", "en", named), 3)
    assert all(h.subjects < S_MATCH + S_ALL + S_ALL_SPECIFIC - 1e-9 for h in hits)


def test_a_sum_asked_of_no_city_is_not_read_from_one_citys_project(convo):
    # the facts about applying give no fee; a light rail's cost further down is about something never named
    r = convo.say("how much would a municipality pay to apply for the logo?")
    assert r.fallback or "light rail" not in r.text.casefold(), r.text


def test_the_asking_clause_after_a_preface_weighs_more_than_the_preface(convo):
    # the preface (people talked of it for long) is another fact's; the question is why only in 2021
    r = convo.say("locals talked about khon kaen as a smart city for a long time, so why was it only certified in 2021?")
    assert not r.fallback and "first time" in first_line(r), r.text


def test_a_thai_date_abbreviation_is_no_end_of_a_preface():
    from bot.dialogue import _asking_weighed
    assert _asking_weighed("7 พ.ย. 64 มีอะไรเกิดขึ้น") == "7 พ.ย. 64 มีอะไรเกิดขึ้น"
    assert _asking_weighed("i live in phuket. who runs it?").endswith("who runs it? who runs it?")


@pytest.mark.parametrize("text", ["how about Hua Hin, is it certified?", "and Pattaya, is it certified?"])
def test_another_place_asked_with_what_about_is_checked_against_the_lists(convo, text):
    # (not the national count: the place named is what is asked about)
    r = convo.say(text)
    assert "37" not in first_line(r) and ("Hua Hin" in r.text or "Pattaya" in r.text), r.text
