"""What the hot path keeps between messages (understandings by text, search results and source lines by
snapshot) never outlives what it was worked out from: a staff edit is answered at once, a new model reads
texts afresh, and no caller sees another's changes."""

from __future__ import annotations

import copy

from conftest import ADMIN_TOKEN

from bot.context import Context
from knowledge.retrieval import Query

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
QUESTION = "When was Phuket certified as a smart city?"


def ask(client, text: str) -> dict:
    return client.post("/api/ask", json={"text": text, "lang": "en"}).get_json()


def test_a_staff_edit_is_answered_at_once_though_the_question_was_asked_just_before(client):
    before = [ask(client, QUESTION) for _ in range(3)]  # understood, searched and composed: all kept
    assert before[0] == before[2] and before[0]["entities"]["entry"] == "phuket-certified"
    curated = client.get("/admin/api/faq/phuket-certified", headers=AUTH).get_json()
    edited = {**curated, "answer": {"th": curated["answer"]["th"], "en": "Phuket was certified (staff wording)."},
              "source": "Phuket City Hall notice (staff)"}
    try:
        assert client.put("/admin/api/faq/phuket-certified", json=edited, headers=AUTH).status_code == 200
        after = ask(client, QUESTION)
        assert "staff wording" in after["answer"]
        assert "Phuket City Hall notice (staff)" in after["sources"]
    finally:
        client.post("/admin/api/faq/phuket-certified/rollback", json={"version": 0}, headers=AUTH)
    again = ask(client, QUESTION)
    assert "staff wording" not in again["answer"] and again["sources"] == before[0]["sources"]


def test_an_understanding_is_kept_by_text_until_the_model_changes(bot):
    nlu = bot.nlu
    text = "ภูเก็ตได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่ครับ"
    first = nlu.parse(text)
    assert nlu.parse(text) is first
    model = nlu.model
    try:
        nlu.model = copy.copy(model)  # what retraining does: one attribute swap
        fresh = nlu.parse(text)
        assert fresh is not first and fresh == first  # read again, with the same result from the same weights
    finally:
        nlu.model = model


def test_answering_leaves_the_kept_understanding_as_it_was(bot):
    """Understandings are shared by every message with the same text: the dialogue only reads them."""
    turns = ["ขอนแก่นได้รับรองเมื่อไหร่", "แล้วภูเก็ตล่ะ", "what is depa", "ภูเก็ตมีโรงแรมแนะนำไหม", "tell me more"]
    kept = {t: copy.deepcopy(bot.nlu.parse(t)) for t in turns}
    ctx = Context()
    for t in turns * 2:
        _, new_ctx, _ = bot.dialogue.answer(t, ctx)
        ctx = new_ctx or ctx
    assert {t: bot.nlu.parse(t) for t in turns} == kept


def test_each_search_gets_its_own_hits(bot):
    """A kept search result is copied out: marking a hit (the dialogue marks ``ambiguous``) changes no other."""
    index = bot.dialogue.knowledge.index
    q = Query("ได้รับรองเมื่อไหร่", "th", ["phuket"], [], "when", {"city_date": 0.9})
    first = index.search(q, limit=3)
    first[0].ambiguous = True
    second = index.search(q, limit=3)
    assert [h.fact.id for h in second] == [h.fact.id for h in first]
    assert [h.score for h in second] == [h.score for h in first]
    assert second[0] is not first[0] and not second[0].ambiguous


def test_a_kept_answer_is_the_same_answer_and_each_caller_gets_its_own_copy(bot):
    """The same text in the same conversation state gets the same reply; changing one caller's copy changes
    nobody else's."""
    ctx = Context()
    first, ctx1, _ = bot.dialogue.answer("ขอนแก่นได้รับรองเมื่อไหร่", ctx)
    first.quick_replies.append("changed by a caller")
    ctx1.subjects.append("changed-by-a-caller")
    again, ctx2, _ = bot.dialogue.answer("ขอนแก่นได้รับรองเมื่อไหร่", Context())
    assert again.text == first.text and "2564" in again.text
    assert "changed by a caller" not in again.quick_replies and "changed-by-a-caller" not in ctx2.subjects
    # The same follow-up after a different question is a different question.
    a, _, _ = bot.dialogue.answer("แล้วภูเก็ตล่ะ", ctx2)
    _, other, _ = bot.dialogue.answer("What is depa?", Context())
    b, _, _ = bot.dialogue.answer("แล้วภูเก็ตล่ะ", other)
    assert "ภูเก็ต" in a.text and a.text != b.text


def test_a_kept_answer_does_not_outlive_a_new_model(bot):
    nlu = bot.nlu
    text = "what is depa"
    first, _, _ = bot.dialogue.answer(text, Context())
    model = nlu.model
    try:
        nlu.model = copy.copy(model)
        parsed = []
        original = nlu.parse
        nlu.parse = lambda t: parsed.append(t) or original(t)  # type: ignore[method-assign]
        again, _, _ = bot.dialogue.answer(text, Context())
        assert parsed and again.text == first.text  # answered afresh, with the same result
    finally:
        nlu.model = model
        del nlu.parse


def test_a_search_kept_for_more_hits_gives_the_same_first_ones(bot):
    """A query searched once for its rivals (eight) and once for its best few gets the same best few, as if
    each had been searched afresh."""
    index = bot.dialogue.knowledge.index
    q = Query("ตั้งอยู่ที่ไหน", "th", ["mae-moh"], [], "where", {"city_overview": 0.6})
    many = index.search(q, limit=8)
    few = index.search(q, limit=2)
    index._searched.clear()
    fresh = index.search(q, limit=2)
    assert [(h.fact.id, h.score, h.words, h.aspect) for h in few] == [(h.fact.id, h.score, h.words, h.aspect) for h in fresh]
    assert [h.fact.id for h in few] == [h.fact.id for h in many[:2]]
    index._searched.clear()
    one = index.search(q, limit=1)
    assert [h.fact.id for h in index.search(q, limit=5)][:1] == [h.fact.id for h in one]


def test_cues_tried_together_find_what_each_finds_alone():
    """The cues of what a question asks for are run only on questions holding a string every match needs: the
    same findings as running each, for Thai, English, mixed and odd letters (a long s, the Kelvin sign)."""
    from knowledge.answerable import _NEEDS_CUES
    from knowledge.script import has_latin

    texts = ["ค่าโดยสารรถไฟฟ้าสายนี้กี่บาท", "who was the secretary at that meeting", "WHO CHAIRED IT",
             "มีกี่ประเภท แล้ว route 8 วิ่งกี่โมง", "ประธานในพิธีคือใคร", "how much is the fare on the tram",
             "what kinds are there", "ſecretary of the board", "\u212aKTT chairman", "opening hours?",
             "ผอ.ภาคอีสานชื่ออะไร", "", "   ", "2564", "which region’s director spoke"]
    for text in texts:
        latin = has_latin(text)
        assert _NEEDS_CUES.found(text, latin) == [cue.found(text, latin) for cue in _NEEDS_CUES.cues], text
    assert sum(needs is None for needs, _ in _NEEDS_CUES.needs) <= 3  # (nearly every cue is gated)


def test_the_days_and_months_a_text_names_are_kept_but_each_caller_gets_its_own_set():
    """Kept by text (read by several checks of a message), but a caller that changes its set changes no other's."""
    from knowledge.polarity import days_named, months_named

    text = "พิธีมอบตราวันที่ 3 มี.ค. 65 กับ march 9 จัดที่ไหน"
    days = days_named(text)
    assert days == {(3, 3), (9, 3)} and months_named(text) == {3}
    days.add((1, 1))
    months_named(text).clear()
    assert days_named(text) == {(3, 3), (9, 3)} and months_named(text) == {3}
