"""Quick-reply buttons read as tidy questions (knowledge/suggestions.py): a button speaks for every user."""

from __future__ import annotations

import re

import pytest

from knowledge.suggestions import MAX_LABEL


@pytest.fixture(scope="module")
def labels(bot) -> dict[str, list[str]]:
    """Every fact's button, by language, as a conversation about the fact's subject offers it."""
    snap = bot.dialogue.knowledge
    out: dict[str, list[str]] = {"th": [], "en": []}
    for fact in snap.facts.values():
        for lang in out:
            label = snap.suggest.question(fact, lang, fact.about[0] if fact.about else None)
            if label:
                out[lang].append(label)
    return out


def test_most_facts_offer_a_button_in_both_languages(bot, labels):
    facts = len(bot.dialogue.knowledge.facts)
    assert len(labels["th"]) > facts * 0.8 and len(labels["en"]) > facts * 0.7


def test_buttons_never_carry_typing_shorthand(labels):
    shorthand = re.compile(r"\b(?:wats|whats|abt|pls|plz|thx|u|ur)\b", re.I)
    assert [s for s in labels["en"] if shorthand.search(s)] == []
    assert [s for s in labels["th"] if "เเ" in s] == []  # two sara e typed for sara ae


def test_thai_buttons_leave_out_the_polite_ending(labels):
    assert [s for s in labels["th"] if re.search(r"(?:ครับ|คะ|ค่ะ)\s*$", s)] == []


def test_english_buttons_start_with_a_capital_and_write_names_as_the_catalogue_does(bot, labels):
    assert [s for s in labels["en"] if not (s[0].isupper() or s[0].isdigit() or s.startswith("depa"))] == []
    kb = bot.dialogue.knowledge.kb
    names = [c.short_name.en for c in kb.cities.values()] + ["TSCCI", "Wangchan Valley", "Khon Kaen", "KKTT"]
    lower = [(s, n) for s in labels["en"] for n in names
             if re.search(rf"\b{re.escape(n.lower())}\b", s) and n.lower() != n]
    assert lower == []
    asking = [s for s in labels["en"] if re.match(r"(?:When|Where|Who|Which|Why|How|Is|Does|Did) ", s)]
    assert asking and sum(s.endswith("?") for s in asking) > len(asking) * 0.8


def test_buttons_fit_a_quick_reply(labels):
    assert max(len(s) for lang in labels for s in labels[lang]) <= MAX_LABEL


def test_a_tapped_button_is_answered_with_its_fact(bot):
    """The label is what a tap sends: tidied as it is, it still leads to the fact it was made for."""
    from bot.context import Context

    snap = bot.dialogue.knowledge
    checked = same = 0
    for fact in snap.facts.values():
        subject = fact.about[0] if fact.about else None
        for lang in ("th", "en"):
            label = snap.suggest.question(fact, lang, subject)
            if not label:
                continue
            ctx = Context(subjects=[subject] if subject else [], last_city=subject if subject in snap.kb.cities else None)
            reply = bot.dialogue.answer(label, ctx)[0]
            checked += 1
            same += reply.entities.get("fact") == fact.id
    assert same > checked * 0.93


@pytest.mark.parametrize("text", ["any good hotels in phuket?", "mae moh coffee shops open late?"])
def test_a_question_about_an_area_the_bot_cannot_answer_offers_that_areas_own_topics(bot, user, text):
    r = bot.dialogue.respond(text, user_id=user, channel="cli")
    assert r.fallback
    offered = r.text.split("I can tell you about", 1)[1]
    assert "its plan and projects" in offered and "depa" not in offered  # the area's topics, not the programme's


def test_in_thai_the_offered_topics_do_not_repeat_of_the_city_after_its_name(bot, user):
    r = bot.dialogue.respond("ภูเก็ตมีโรงแรมแนะนำไหม", user_id=user, channel="cli")
    assert r.fallback and "ภูเก็ต" in r.text
    assert "แผนและโครงการ" in r.text and "ของเมือง" not in r.text


def test_more_after_a_projects_date_tells_the_projects_other_facts_not_the_citys(convo):
    convo.say("รถไฟฟ้ารางเบาขอนแก่นจะเปิดเมื่อไหร่")
    more = convo.say("รายละเอียดเพิ่มเติม")
    assert "สำราญ" in more.text or "สายหลัก" in more.text  # the light rail's main line
    assert "200 ล้านบาท" not in more.text  # not the think tank's registered capital, another Khon Kaen fact


def test_more_never_says_the_same_thing_twice_and_is_offered_only_with_something_new(bot):
    from knowledge.suggestions import MORE, much_alike

    snap = bot.dialogue.knowledge
    for lang in ("th", "en"):
        for fact in snap.facts.values():
            lines = [line.lstrip("• ") for line in snap.composer.more(fact, lang).text.split("\n")[:-1]]
            repeats = [(a, b) for i, a in enumerate(lines) for b in lines[i + 1:] if much_alike(a, b)]
            assert repeats == [], fact.id
    niphon = bot.dialogue.answer("who is Niphon Ekwanich", __import__("bot.context").context.Context())[0]
    assert "Niphon" in niphon.text and MORE["en"] not in niphon.quick_replies  # PKCD's facts say only the same


def test_a_thai_fallback_sets_latin_names_and_numbers_apart_from_the_thai_around_them(bot):
    composer = bot.dialogue.knowledge.composer
    text = composer.fallback("th", ["seven-smarts"]).text
    assert "ของ 7 Smarts แต่" in text and "ของ7" not in text and "Smartsแต่" not in text
    assert "เรื่อง7" not in text
    assert text.count("ครับ") == 1  # polite once, at the start ("ขออภัยครับ"), not again at the end


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_fallback_does_not_offer_the_subject_it_just_said_it_cannot_answer(bot, lang):
    """Not "no information about the 7 Smarts, but I can tell you about the 7 Smarts"."""
    text = bot.dialogue.knowledge.composer.fallback(lang, ["seven-smarts"]).text
    assert text.count("7 Smarts") == 1, text



def test_buttons_write_acronyms_and_thai_as_the_answers_do(labels):
    """A button typed as "depa dla mou date" shows "DLA" as the answers write it; "thai cities" shows "Thai"."""
    words = {w for s in labels["en"] for w in re.findall(r"[A-Za-z]+", s)}
    assert {"DLA", "ASCN", "LRT", "BOI", "Thai"} <= words
    assert not {"dla", "Dla", "ascn", "lrt", "Lrt", "boi", "thai"} & words


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_opening_buttons_get_their_own_answers(bot, user, lang):
    """The buttons a greeting offers are the first thing a new user taps: each gets a real answer, and the
    one about which cities are certified gives the count and the first five, not one round or the zones."""
    from knowledge.suggestions import _GENERAL
    from conftest import Conversation

    for i, label in enumerate(_GENERAL[lang]):
        reply = Conversation(bot, f"{user}-{i}").say(label)
        assert not reply.fallback, (label, reply.text)
        assert reply.lang == lang
    cities = Conversation(bot, f"{user}-cities").say(_GENERAL[lang][0])
    first = cities.text.split("\n")[0]
    assert "37" in first
    assert all(name in first for name in (["ภูเก็ต", "ขอนแก่น", "แม่เมาะ", "สามย่าน", "วังจันทร์"] if lang == "th"
                                          else ["Phuket", "Khon Kaen", "Mae Moh", "Samyan", "Wangchan"]))
    assert "เขตส่งเสริม" not in cities.text and "promotion zone" not in cities.text.lower()


def test_more_does_not_give_the_same_count_twice(convo):
    """Asking for more after the list of certified cities adds what happened after the first five, and does
    not repeat the 37 cities in 16 provinces in other words."""
    convo.say("which places are thailand's certified smart cities?")
    more = convo.say("more")
    assert "December 2021" in more.text
    assert more.text.count("37") == 1, more.text


def test_the_list_of_all_does_not_answer_which_were_added(convo):
    """'Which areas got the logo anew in 2025' is the area of that award, not the 37 and the first five."""
    r = convo.say("ปี 2568 มีที่ไหนได้ตราเมืองอัจฉริยะเพิ่มบ้าง")
    assert "37 เมือง" not in r.text.split("\n")[0], r.text


def test_which_cities_hold_the_logo_is_the_list_not_what_the_logo_is(convo):
    r = convo.say("which cities got the smart city logo?")
    assert not r.fallback and "37" in r.text.split("\n")[0] and "Khon Kaen" in r.text, r.text
