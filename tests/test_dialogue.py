"""Multi-turn dialogue: follow-ups, context, clarification, small talk, yes/no and the honest fallback."""

import re

import pytest

from bot.context import Context

THAI_BE_DATE = re.compile(r"6 พฤษภาคม 2564")


def body(reply) -> str:
    """The answer without its sources line (addresses may contain any year)."""
    return reply.text.rsplit("\n", 1)[0] if reply.sources else reply.text
CE_DATE = re.compile(r"6 May 2021")


def test_resident_asks_why_khon_kaen_was_certified_only_now(convo):
    r = convo.say("ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city")
    assert r.intent == "city_why_now" and not r.fallback and r.lang == "th"
    assert "ธวัชชัย โคตรวงษ์" in r.text           # attributed to the person who said it
    assert "ครั้งแรก" in r.text                     # first official certification with a logo
    assert r.sources and "ที่มา" in r.text
    assert THAI_BE_DATE.search(r.text)


def test_follow_up_repeats_the_last_question_for_another_city(convo):
    first = convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่")
    assert first.intent == "city_date" and first.entities["city"] == "khon-kaen"
    second = convo.say("แล้วภูเก็ตล่ะ")
    assert second.intent == "city_date" and second.entities["city"] == "phuket"
    assert "ภูเก็ต" in second.text and THAI_BE_DATE.search(second.text)


def test_question_without_a_city_uses_the_last_city(convo):
    convo.say("What is Phuket planning as a smart city?")
    r = convo.say("which province is it in?")
    assert r.intent == "city_location" and r.entities["city"] == "phuket"
    assert r.entities.get("city_from_context") is True
    assert "Phuket province" in r.text


def test_english_follow_up_with_and(convo):
    convo.say("where is wangchan valley")
    r = convo.say("and Samyan?")
    assert r.intent == "city_location" and r.entities["city"] == "samyan"
    assert "Bangkok" in r.text


def test_thai_location_follow_up(convo):
    convo.say("เล่าเรื่องแม่เมาะเมืองน่าอยู่ให้ฟังหน่อย")
    r = convo.say("อยู่จังหวัดไหน")
    assert r.intent == "city_location" and "ลำปาง" in r.text


def test_city_question_without_any_city_asks_which_one(convo, bot):
    r = convo.say("แผนของเมืองนี้มีอะไรบ้าง")
    assert r.intent == "city_plan" and not r.fallback
    assert "เมืองไหน" in r.text
    assert set(r.quick_replies) == {bot.dialogue.answerer.city_name(c.id, "th", short=True)
                                    for c in bot.kb.pilot_cities()}
    # Tapping a city answers the pending question.
    r2 = convo.say("ขอนแก่น")
    assert r2.intent == "city_plan" and r2.entities["city"] == "khon-kaen"


def test_greeting_thanks_and_help_are_friendly_with_suggestions(convo):
    for text, intent in [("สวัสดีครับ", "greet"), ("what can I ask you?", "help"), ("ขอบคุณมากครับ", "thanks")]:
        r = convo.say(text)
        assert r.intent == intent and not r.fallback
        assert 2 <= len(r.quick_replies) <= 4


def test_out_of_scope_gets_the_honest_fallback_not_a_city_fact_sheet(convo, bot):
    before = len(bot.inbox.groups(1000))
    r = convo.say("ภูเก็ตมีโรงแรมแนะนำไหม")
    assert r.fallback and r.intent == "out_of_scope"
    assert "ขออภัย" in r.text and r.sources == [] and r.card is None
    assert len(r.quick_replies) >= 2
    groups = bot.inbox.groups(1000)
    assert any(g["text"] == "ภูเก็ตมีโรงแรมแนะนำไหม" for g in groups)
    assert len(groups) >= before


def test_fallback_questions_are_grouped_in_the_inbox(bot, user):
    from bot.inbox import group_key

    assert group_key("Khon Kaen weather tomorrow?") == group_key("khon kaen   weather tomorrow")
    for text in ("ขอนแก่นพรุ่งนี้ฝนตกไหมครับ", "ขอนเเก่นพรุ่งนี้ฝนตกไหม"):
        r = bot.dialogue.respond(text, user_id=user, channel="line")
        assert r.fallback
    group = next(g for g in bot.inbox.groups(1000) if g["id"] == group_key("ขอนแก่นพรุ่งนี้ฝนตกไหม"))
    assert group["count"] >= 2 and group["channels"].get("line", 0) >= 2 and group["langs"].get("th", 0) >= 2
    assert group["first"] <= group["last"]


@pytest.mark.parametrize("text, expect_yes", [
    ("ขอนแก่นได้ตราด้วยใช่ไหม", True),
    ("is Phuket a certified smart city?", True),
    ("is Hat Yai one of the first five?", False),
    ("is Rama 4 one of the first five?", False),
    ("แม่เมาะเป็น 1 ใน 5 เมืองแรกใช่ไหม", True),
])
def test_yes_no_questions_get_a_clear_yes_or_no(convo, text, expect_yes):
    r = convo.say(text)
    assert r.intent == "is_certified" and not r.fallback
    first = r.text.split("\n")[0]
    if r.lang == "th":
        assert first.startswith("ใช่ครับ" if expect_yes else "ไม่ใช่ครับ")
    else:
        assert first.startswith("Yes" if expect_yes else "No")


def test_smarts_yes_no_compares_with_the_data(convo):
    r = convo.say("แม่เมาะมี 7 smart ใช่ไหม")
    assert r.intent == "city_smarts" and r.text.startswith("ไม่ใช่ครับ") and "3 Smarts" in r.text


def test_which_city_questions_are_answered_from_the_data(convo):
    r = convo.say("which city focuses on research and innovation")
    assert r.intent == "find_city" and "Wangchan Valley" in r.text
    r = convo.say("which certified city is in Lampang")
    assert r.intent == "find_city" and "Mae Moh" in r.text
    r = convo.say("เมืองไหนเป็นเมืองน่าอยู่เชิงนิเวศ eco town")
    assert r.intent == "find_city" and "แม่เมาะ" in r.text


def test_city_overview_has_a_card_and_dates_in_the_readers_era(convo):
    r = convo.say("tell me about Khon Kaen smart city")
    assert r.intent == "city_overview" and r.card is not None
    assert r.card.title == "Khon Kaen Smart City" and CE_DATE.search(r.text)
    assert "2564" not in body(r)
    th = convo.say("ข้อมูลขอนแก่นเมืองอัจฉริยะ")
    assert th.card is not None and THAI_BE_DATE.search(th.text) and "2021" not in body(th)


def test_lang_parameter_forces_the_reply_language(convo):
    r = convo.say("ภูเก็ตได้รับรองเมื่อไหร่", lang="en")
    assert r.lang == "en" and "6 May 2021" in r.text


def test_partial_lists_are_presented_as_partial(convo):
    r = convo.say("which cities are smart cities")
    assert r.intent == "list_cities"
    assert "partial" in r.text
    for name in ("Phuket", "Khon Kaen", "Mae Moh", "Samyan", "Wangchan Valley"):
        assert name in r.text


def test_conflicting_totals_are_both_given(convo):
    r = convo.say("ตอนนี้มีเมืองอัจฉริยะที่ได้รับรองกี่เมือง")
    assert "36" in r.text and "37" in r.text


def test_missing_data_is_admitted_and_recorded(bot, user):
    r = bot.dialogue.respond("แผนของเมืองยะลามีอะไรบ้าง", user_id=user)
    assert r.intent == "city_plan" and not r.fallback
    assert "ยังไม่มีข้อมูล" in r.text
    assert any(g["reason"] == "no-data" for g in bot.inbox.groups(1000))


def test_every_suggestion_the_bot_offers_is_understood(bot):
    """A quick reply is a promise: tapping it must not lead to the fallback."""
    answerer = bot.dialogue.answerer
    offered = set()
    for lang in ("th", "en"):
        offered.update(answerer.suggestions(lang))
        for city in bot.kb.cities:
            offered.update(answerer.suggestions(lang, city))
    misunderstood = [s for s in sorted(offered) if bot.dialogue.answer(s, Context())[0].fallback]
    assert misunderstood == []


def test_context_is_kept_per_channel(bot, user):
    bot.dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line")
    r = bot.dialogue.respond("อยู่จังหวัดไหน", user_id=user, channel="messenger")
    assert r.entities.get("city") is None  # the Messenger thread knows nothing of the LINE one
