"""Staff entries as the bot uses them: a new entry answers paraphrases of its questions at once (Thai and
English, no topic, no retraining) without capturing other questions about its city; "try it" says which
questions a draft answers and what answers the others; the preview is the reply the channels get; and an
edit of a curated entry keeps what the bot adds to its text (source line, as-of date, "more" details)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
import yaml
from conftest import ADMIN_TOKEN

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}

#: The review's case: a staff entry about when the Khon Kaen light rail opens, with one question per language.
LRT_QUESTIONS = {"th": ["รถไฟฟ้ารางเบาขอนแก่นจะเปิดให้บริการเมื่อไหร่"], "en": ["When will the Khon Kaen light rail open?"]}
PARAPHRASES = ["รถไฟฟ้ารางเบาที่ขอนแก่นจะเปิดใช้ปีไหน", "LRT ขอนแก่นเสร็จยัง",
               "what year does the Khon Kaen light rail start running?"]
#: Other questions about Khon Kaen, which keep their own answers.
OTHER_KHON_KAEN = ["ขอนแก่นได้รับรองเป็นเมืองอัจฉริยะเมื่อไหร่", "When was Khon Kaen certified?",
                   "ขอนแก่นมีแผนเมืองอัจฉริยะอะไรบ้าง", "What is Khon Kaen's smart city plan?",
                   "ขอนแก่นอยู่ที่ไหน", "Where is Khon Kaen?"]


def lrt_entry(tag: str) -> dict:
    return {"id": f"kk-lrt-opening-{tag}", "questions": LRT_QUESTIONS,
            "answer": {"th": f"ตามแผนล่าสุด รถไฟฟ้ารางเบาขอนแก่นช่วงแรกจะเปิดให้บริการในปี 2572 ({tag})",
                       "en": f"Under the latest plan, the first Khon Kaen light rail section opens in 2029 ({tag})."},
            "cities": ["khon-kaen"], "topics": [], "source": "Khon Kaen city staff, test entry"}


def ask(client, text: str, user: str | None = None) -> dict:
    return client.post("/api/ask", json={"text": text, **({"user_id": user} if user else {})}).get_json()


@pytest.fixture
def saved_lrt_entry(client):
    tag = uuid.uuid4().hex[:6]
    entry = lrt_entry(tag)
    before = {q: ask(client, q)["entities"].get("entry") for q in OTHER_KHON_KAEN}
    r = client.post("/admin/api/faq", json=entry, headers=AUTH)
    assert r.status_code == 201, r.get_json()
    yield entry, before
    client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH)  # other tests ask about the light rail too


def test_a_new_entry_answers_paraphrases_at_once_in_thai_and_english(client, saved_lrt_entry):
    entry, _ = saved_lrt_entry
    for question in PARAPHRASES:
        reply = ask(client, question)
        assert reply["entities"].get("entry") == entry["id"], (question, reply["answer"])
        lang = "en" if question.isascii() else "th"
        assert "2029" in reply["answer"] if lang == "en" else "2572" in reply["answer"]


def test_a_new_entry_does_not_capture_other_questions_about_its_city(client, saved_lrt_entry):
    entry, before = saved_lrt_entry
    for question in OTHER_KHON_KAEN:
        reply = ask(client, question)
        assert reply["entities"].get("entry") == before[question] != entry["id"], (question, reply["answer"])


def test_try_it_shows_which_questions_the_draft_answers_and_what_answers_the_others(client):
    draft = lrt_entry(uuid.uuid4().hex[:6])
    typed = "\n".join([PARAPHRASES[0], PARAPHRASES[2], "ขอนแก่นอยู่ที่ไหน", "ภูเก็ตมีโรงแรมแนะนำไหม"])
    body = client.post("/admin/api/try", headers=AUTH, json={"text": typed, "draft": draft}).get_json()
    assert body["after"]["entry"] == draft["id"] and body["before"]["entry"] != draft["id"]
    rows = {row["text"]: row for row in body["questions"]}
    assert [rows[q]["kind"] for q in (*LRT_QUESTIONS["th"], *LRT_QUESTIONS["en"])] == ["th", "en"]
    for question in (*LRT_QUESTIONS["th"], *LRT_QUESTIONS["en"], PARAPHRASES[0], PARAPHRASES[2]):
        assert rows[question]["wins"] is True and rows[question]["by"] is None, question
    where = rows["ขอนแก่นอยู่ที่ไหน"]
    assert where["wins"] is False and where["kind"] == "typed"
    assert where["by"]["entry"] == ask(client, "ขอนแก่นอยู่ที่ไหน")["entities"]["entry"]
    assert "ขอนแก่น" in where["by"]["answer"]
    hotel = rows["ภูเก็ตมีโรงแรมแนะนำไหม"]
    assert hotel["wins"] is False and hotel["by"]["fallback"] is True
    assert client.get(f"/admin/api/faq/{draft['id']}", headers=AUTH).status_code == 404  # nothing saved


def test_preview_is_the_reply_the_channels_send(client):
    """The preview of a saved entry equals what /api/ask sends when that entry answers, field by field."""
    curated = client.get("/admin/api/faq/khon-kaen-lrt-status", headers=AUTH).get_json()
    preview = client.post("/admin/api/preview", headers=AUTH, json={"draft": curated}).get_json()
    reply = ask(client, curated["questions"]["th"][0])
    assert reply["entities"]["entry"] == "khon-kaen-lrt-status"
    shown = preview["after"]["th"]
    assert shown["answer"] == reply["answer"] and shown["quick_replies"] == reply["quick_replies"]
    assert shown["sources"] == reply["sources"] and "ที่มา:" in shown["answer"]
    assert preview["dropped"] == {"th": [], "en": []} and preview["added"] == {"th": [], "en": []}


def _curated_with_everything(client) -> dict:
    """A curated entry with source ids, an as-of date and a detail, answered by its own first Thai question."""
    from knowledge.loader import load

    kb = load()
    for fact in sorted(kb.facts.values(), key=lambda f: f.id):
        if fact.detail is None or not fact.as_of or not fact.sources or not fact.questions.th:
            continue
        if ask(client, fact.questions.th[0])["entities"].get("entry") == fact.id:
            return client.get(f"/admin/api/faq/{fact.id}", headers=AUTH).get_json()
    raise AssertionError("no curated entry with a detail, an as-of date and sources")


def _plain(line: str) -> str:
    return line.replace("นะครับ", "").replace("ครับ", "").strip()


def test_changing_one_word_of_a_curated_entry_keeps_what_the_bot_adds(client):
    """The review: ครับ → นะครับ in a curated entry silently dropped its "more" lines, its source line's short
    names and its Thai as-of date. Now the preview shows nothing else changes, and neither does the bot."""
    curated = _curated_with_everything(client)
    question = curated["questions"]["th"][0]
    user = f"t-{uuid.uuid4().hex[:8]}"
    old = ask(client, question, user)
    old_more = ask(client, "รายละเอียดเพิ่มเติม", user)
    edited = {**curated, "answer": {**curated["answer"], "th": curated["answer"]["th"] + " นะครับ"}}
    preview = client.post("/admin/api/preview", headers=AUTH, json={"draft": edited}).get_json()
    assert preview["dropped"]["en"] == [] and preview["added"]["en"] == []
    # Only the particle moves ("ครับ" once per message): no line is lost, none is new.
    assert preview["dropped"]["th"] and [_plain(x) for x in preview["dropped"]["th"]] == [
        _plain(x) for x in preview["added"]["th"]]
    assert client.put(f"/admin/api/faq/{curated['id']}", headers=AUTH, json=edited).status_code == 200
    try:
        user = f"t-{uuid.uuid4().hex[:8]}"
        new = ask(client, question, user)
        new_more = ask(client, "รายละเอียดเพิ่มเติม", user)
        assert new["entities"]["entry"] == curated["id"] and "นะครับ" in new["answer"]
        assert new["answer"].splitlines()[-1] == old["answer"].splitlines()[-1]  # the same source line, Thai date
        assert new["sources"] == old["sources"] and new["quick_replies"] == old["quick_replies"]
        assert [_plain(x) for x in new_more["answer"].splitlines()[1:]] == [
            _plain(x) for x in old_more["answer"].splitlines()[1:]]  # the detail and the bullets
    finally:
        client.post(f"/admin/api/faq/{curated['id']}/rollback", headers=AUTH, json={"version": 0})


def test_preview_lists_what_people_would_no_longer_see(client):
    curated = _curated_with_everything(client)
    changed = {**curated, "source": "a note typed by staff", "detail": {"th": "", "en": ""}}
    preview = client.post("/admin/api/preview", headers=AUTH, json={"draft": changed}).get_json()
    before_lines = preview["before"]["th"]["answer"].splitlines()
    assert before_lines[-1].startswith("ที่มา:") and before_lines[-1] in preview["dropped"]["th"]
    assert "ที่มา: a note typed by staff" in preview["added"]["th"]
    assert any(line.startswith("+ ") for line in preview["dropped"]["th"])  # the "more" details go too
    assert client.get(f"/admin/api/faq/{curated['id']}", headers=AUTH).get_json()["source"] == curated["source"]


def test_try_and_preview_refuse_bad_drafts_with_400(client):
    assert client.post("/admin/api/preview", headers=AUTH, json={}).status_code == 400
    assert client.post("/admin/api/preview", headers=AUTH, json={"draft": {"questions": {}}}).status_code == 400
    r = client.post("/admin/api/try", headers=AUTH, json={"text": "x", "draft": {"answer": {"th": "y"}}})
    assert r.status_code == 400 and "add at least one question" in str(r.get_json()["fields"])


def test_cli_faq_try_shows_what_the_draft_answers(bot, data_dir, tmp_path):
    draft = lrt_entry(uuid.uuid4().hex[:6])
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "bot.cli", "faq", "try", PARAPHRASES[2], "Where is Khon Kaen?",
                        "--file", str(path)], capture_output=True, text=True, timeout=180,
                       env={**os.environ, "BOT_DATA_DIR": str(data_dir)})
    assert r.returncode == 0, r.stderr
    assert f"with the draft: {draft['id']}" in r.stdout
    assert f"[typed] {PARAPHRASES[2]}: answers" in r.stdout
    assert "[typed] Where is Khon Kaen?: does not answer (instead: khon-kaen-area)" in r.stdout



def test_a_staff_entry_answers_what_the_answerability_checks_would_pass_over(client):
    # "เบอร์โทร" asks for a phone number and the entry gives none: staff wrote it for this question all the same
    tag = uuid.uuid4().hex[:6]
    question = f"ขอเบอร์โทรศูนย์บริการเมืองอัจฉริยะ {tag} หน่อย"
    assert ask(client, question)["fallback"] is True
    entry = {"id": f"phone-{tag}", "questions": {"th": [question], "en": []},
             "answer": {"th": "ติดต่อผ่านเพจของเทศบาลได้เลย", "en": "Write to the municipality's page."},
             "cities": [], "topics": [], "source": "city staff, test entry"}
    assert client.post("/admin/api/faq", json=entry, headers=AUTH).status_code == 201
    assert ask(client, question)["fallback"] is False
    client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH)


def test_an_entry_answers_what_its_questions_ask_not_the_same_frame_about_something_else(client):
    """An entry for a shop's phone number whose answer gives none does not answer another phone question
    sharing its frame ("ขอเบอร์โทร...หน่อย"); an entry whose question says it is about the fare answers a
    paraphrase with its "15 บาท" though its answer never says "fare"."""
    tag = uuid.uuid4().hex[:6]
    shop = {"id": f"shop-phone-{tag}", "questions": {"th": [f"ขอเบอร์โทรร้านข้าวมันไก่หน้าตลาด{tag}หน่อย"], "en": []},
            "answer": {"th": "ร้านเปิดทุกวัน 8:30 ถึง 16:30 น.", "en": "The shop opens daily from 8:30 to 16:30."},
            "cities": ["khon-kaen"], "topics": [], "source": "test entry"}
    fare = {"id": f"bus8-fare-{tag}", "questions": {"th": [f"ค่าโดยสารรถเมล์สาย 8{tag} ขอนแก่นเท่าไหร่"], "en": []},
            "answer": {"th": "15 บาทตลอดสาย", "en": "15 baht for any distance."},
            "cities": ["khon-kaen"], "topics": [], "source": "test entry"}
    try:
        for entry in (shop, fare):
            assert client.post("/admin/api/faq", json=entry, headers=AUTH).status_code == 201
        other = ask(client, "ขอเบอร์โทรดีป้าสาขาขอนแก่นหน่อย")
        assert other["entities"].get("entry") != shop["id"] and other["fallback"], other["answer"]
        paraphrase = ask(client, f"รถเมล์สาย 8{tag} ที่ขอนแก่น ค่าโดยสารกี่บาทครับ")
        assert paraphrase["entities"].get("entry") == fare["id"] and "15 บาท" in paraphrase["answer"]
    finally:
        for entry in (shop, fare):
            client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH)


def test_an_entry_is_no_answer_to_a_count_of_something_it_never_mentions(client):
    """An entry about a service centre's opening hours, about Khon Kaen, does not answer "how many cameras
    has Khon Kaen installed": its answer counts nothing of the kind (a staff entry goes through the same
    "what is counted must be mentioned" check as a curated fact), while its own question still gets it."""
    tag = uuid.uuid4().hex[:6]
    entry = {"id": f"centre-hours-{tag}", "questions": {"th": [f"ศูนย์บริการ{tag}เปิดกี่โมง"], "en": []},
             "answer": {"th": "ศูนย์บริการเปิดวันจันทร์ถึงศุกร์ 8:30 ถึง 16:30 น.",
                        "en": "The service centre opens Monday to Friday, 8:30 to 16:30."},
             "cities": ["khon-kaen"], "topics": ["service centre"], "source": "city staff, test entry"}
    assert client.post("/admin/api/faq", json=entry, headers=AUTH).status_code == 201
    try:
        own = ask(client, f"ศูนย์บริการ{tag}เปิดกี่โมงครับ")
        assert own["entities"].get("entry") == entry["id"], own["answer"]
        for question in ("ขอนแก่นติดตั้งกล้องไปกี่ตัวแล้ว", "How many CCTV cameras has Khon Kaen installed?"):
            reply = ask(client, question)
            assert reply["entities"].get("entry") != entry["id"], (question, reply["answer"])
            assert "8:30" not in reply["answer"], (question, reply["answer"])
    finally:
        client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH)
