"""Answers as a phone user reads them, and the pieces that make them: question types, retrieval signals,
the composer's Thai and English, and the answer-level evaluation."""

import statistics

import pytest

from bot.context import Context
from bot.evaluation import judge
from intents.normalize import normalize
from intents.question import is_bare_follow_up, is_definition, question_type
from knowledge.composer import polite
from knowledge.retrieval import Query


@pytest.mark.parametrize("text, kind", [
    ("ขอนแก่นได้รับรองเมื่อไหร่", "when"),
    ("ใครเป็นประธาน", "who"),
    ("อยู่จังหวัดไหน", "where"),
    ("ค่าโดยสารเท่าไหร่", "how_much"),
    ("มีกี่เมือง", "how_many"),
    ("ทำไมขอนแก่นเพิ่งได้", "why"),
    ("ภูเก็ตกับขอนแก่นต่างกันยังไง", "compare"),
    ("how much will it cost", "how_much"),
    ("who chaired the meeting", "who"),
    ("which cities are certified", "list"),
    ("how do cities apply", "how"),
])
def test_question_types(text, kind):
    assert question_type(normalize(text)).kind == kind


def test_yes_no_and_more_are_recognised():
    assert question_type("ภูเก็ตเป็นเมืองนำร่องใช่มั้ย").yes_no
    assert question_type("is korat one of the first five?").yes_no
    assert question_type("รายละเอียดเพิ่มเติม").more and question_type("tell me more").more


@pytest.mark.parametrize("remainder, bare", [("แล้ว ล่ะ", True), ("and ?", True), ("what about ?", True),
                                             ("ได้รับรองเมื่อไหร่", False), ("when was it certified", False)])
def test_bare_follow_ups(remainder, bare):
    assert is_bare_follow_up(remainder) is bare


@pytest.mark.parametrize("remainder, definition", [("คืออะไร", True), ("ทำอะไร", True), ("who is", True),
                                                   ("ตั้งขึ้นเมื่อไหร่", False), ("", False)])
def test_definition_questions(remainder, definition):
    assert is_definition(remainder) is definition


def test_polite_particle_is_added_once():
    assert polite("ขอนแก่นได้รับรองแล้ว") == "ขอนแก่นได้รับรองแล้ว ครับ"
    assert polite("ขอนแก่นได้รับรองแล้วครับ") == "ขอนแก่นได้รับรองแล้วครับ"
    assert polite("ใช่ครับ ขอนแก่นได้รับรองแล้ว") == "ใช่ครับ ขอนแก่นได้รับรองแล้ว"


def test_a_fact_about_another_city_never_beats_the_named_city(bot):
    index = bot.dialogue.knowledge.index
    for city in ("phuket", "samyan", "mae-moh"):
        hits = index.search(Query("ได้รับรองเมื่อไหร่", "th", [city], [], "when", {}), limit=3)
        assert city in hits[0].fact.about


def test_the_conversation_subject_wins_over_other_cities(bot):
    index = bot.dialogue.knowledge.index
    hits = index.search(Query("which province is it in?", "en", [], ["phuket"], "where", {}), limit=3)
    assert "phuket" in hits[0].fact.about


def test_answers_are_sized_for_a_phone(bot):
    """Every curated fact's own first questions, asked cold: median under 300 characters, none over 700."""
    facts = list(bot.dialogue.knowledge.facts.values())
    questions = [(f.questions.th or f.questions.en)[0] for f in facts if f.questions.th or f.questions.en]
    lengths = []
    for q in questions:
        reply, _, _ = bot.dialogue.answer(q, Context())
        if not reply.fallback:
            lengths.append(len(reply.text))
    assert len(lengths) >= 0.8 * len(questions)
    assert statistics.median(lengths) < 300 and max(lengths) <= 700


def test_thai_answers_carry_buddhist_era_and_english_common_era_years(convo):
    th = convo.say("งาน Khon Kaen Smart City Expo จัดเมื่อไหร่")
    assert "2561" in th.text.split("\n")[0]
    en = convo.say("When was the Khon Kaen Smart City Expo?")
    assert "2018" in en.text.split("\n")[0] and "2561" not in en.text


def test_source_line_names_at_most_two_sources_but_the_reply_keeps_all(convo):
    r = convo.say("ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่")
    line = r.text.rsplit("\n", 1)[1]
    assert line.startswith("ที่มา: ") and line.count(";") <= 1
    assert len(r.sources) >= 2


@pytest.mark.parametrize("expect, answer, fallback, outcome", [
    ("fallback", "ขออภัยครับ", True, "right_fallback"),
    ("fallback", "Phuket is...", False, "wrong"),
    ({"any": ["6 พฤษภาคม 2564"]}, "ได้รับรองเมื่อ 6 พฤษภาคม 2564 ครับ", False, "right"),
    ({"any": ["6 May 2021"]}, "Sorry", True, "wrongly_refused"),
    ({"any": ["26,963"]}, "26963 million baht", False, "right"),
    ({"any": ["x"], "polarity": "no"}, "Yes, x", False, "wrong"),
    ({"any": ["x"], "polarity": False}, "Yes, x", False, "wrong"),  # unquoted "no" in YAML
    ({"any": ["x"], "polarity": True}, "ใช่ครับ x", False, "right"),
    ("smalltalk", "สวัสดีครับ", False, "right"),
])
def test_evaluation_judges_answers(expect, answer, fallback, outcome):
    lang = "th" if any("\u0e00" <= c <= "\u0e7f" for c in answer) else "en"
    assert judge(expect, answer, fallback, lang, lang)[0] == outcome
