"""Staff pages in Thai: the language a browser gets and the switch, every text translated, the Thai-safe
history diff, search that finds words inside Thai compounds, Bangkok times with Buddhist Era dates, rules
shown before they bite, and pickers with names instead of ids."""

from __future__ import annotations

import ast
import re
import uuid
from pathlib import Path

import pytest
import regex
from conftest import ADMIN_TOKEN
from helpers import csrf_token

from bot.admin import i18n
from bot.admin.i18n import TranslationError, choose_language, load_translations
from bot.admin.users import NAME_RULE, PASSWORD_RULE, Users
from bot.services.diff import diff_lines, units
from bot.services.search import search, subject_names
from bot.services.times import format_day, format_time

ROOT = Path(__file__).resolve().parent.parent
ADMIN = ROOT / "bot" / "admin"
THAI = {"Accept-Language": "th-TH,th;q=0.9,en;q=0.8"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


# -- which language -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("cookie, accept, expected", [
    (None, "th-TH,th;q=0.9,en;q=0.8", "th"),   # a Thai browser
    (None, "th", "th"),
    (None, "en-US,en;q=0.9,th;q=0.8", "en"),   # prefers English, reads Thai too
    (None, "fr-FR,fr;q=0.9", "en"),            # neither: English
    (None, None, "en"),
    ("en", "th-TH,th;q=0.9", "en"),            # the switch wins over the browser
    ("th", "en-US", "th"),
    ("de", "th", "th"),                        # a cookie that is no language of ours is ignored
])
def test_language_choice(cookie, accept, expected):
    assert choose_language(cookie, accept) == expected


# -- every text translated ----------------------------------------------------------------------------------
_TEMPLATE_CALL = re.compile(r'''\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')''')


def texts_to_translate() -> dict[str, str]:
    """Every literal passed to ``_()`` in the admin templates and to ``_()``/``gettext()`` in the admin code,
    with where it was found."""
    found: dict[str, str] = {}
    for path in sorted((ADMIN / "templates").rglob("*.html")):
        for m in _TEMPLATE_CALL.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1) if m.group(1) is not None else m.group(2), path.name)
    for path in sorted(ADMIN.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "gettext")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, path.name)
    from bot.admin.pages import VALIDATION_MESSAGES

    for text in VALIDATION_MESSAGES:
        found.setdefault(text, "bot/faq_store.py")
    return found


def test_every_staff_text_has_a_thai_translation():
    texts = texts_to_translate()
    assert len(texts) > 100  # the scan sees the pages (a broken pattern would find nothing and pass)
    thai = load_translations()
    missing = [f"{where}: {text!r}" for text, where in texts.items() if text not in thai]
    assert not missing, "add these to bot/admin/translations/th.yaml:\n" + "\n".join(missing)
    for text in texts:
        assert re.search(r"[\u0e00-\u0e7f]", thai[text]), (text, thai[text])  # really Thai, not a copy


def test_a_broken_translation_file_is_refused_with_the_line(tmp_path):
    bad = tmp_path / "th.yaml"
    bad.write_text('"Saved version {version}.": "บันทึกแล้ว"\n', encoding="utf-8")
    with pytest.raises(TranslationError, match="placeholders"):
        load_translations(bad)
    bad.write_text('"Save": "บันทึก"\n"Save": "เก็บ"\n', encoding="utf-8")
    with pytest.raises(TranslationError, match="translated twice"):
        load_translations(bad)
    bad.write_text('"Save": ""\n', encoding="utf-8")
    with pytest.raises(TranslationError, match="non-empty"):
        load_translations(bad)


def test_english_rules_read_as_before(app):
    with app.test_request_context("/admin/login"):
        from bot.admin.auth import name_rule, password_rule

        assert name_rule() == NAME_RULE and password_rule() == PASSWORD_RULE
    with app.test_request_context("/admin/login", headers=THAI):
        assert i18n.current_language() == "th"
        assert i18n.gettext("Saved version {version}. The bot answers with it now.", version=3).startswith(
            "บันทึกฉบับที่ 3 แล้ว")


# -- the pages in Thai, and the switch ----------------------------------------------------------------------
def _login(client, name, headers=None):
    token = csrf_token(client, headers=headers)
    return client.post("/admin/login", headers=headers,
                       data={"name": name, "password": "correct horse battery", "csrf_token": token})


@pytest.fixture
def staff(bot):
    name = f"thai{uuid.uuid4().hex[:6]}"
    Users(bot.store).create(name, "correct horse battery", "editor")
    return name


def test_login_page_is_thai_for_a_thai_browser_with_its_rules_before_typing(app):
    client = app.test_client()
    page = client.get("/admin/login", headers=THAI).get_data(as_text=True)
    assert '<html lang="th">' in page and "เข้าสู่ระบบ" in page
    # Both rules are on the page before anything is typed, next to their fields.
    assert "ชื่อผู้ใช้ยาว 2 ถึง 32 ตัวอักษร" in page and "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร" in page
    assert 'aria-describedby="name-rule"' in page and 'aria-describedby="password-rule"' in page
    english = client.get("/admin/login").get_data(as_text=True)
    assert '<html lang="en">' in english and PASSWORD_RULE in english


def test_the_switch_remembers_the_language_in_a_cookie(app, staff):
    client = app.test_client()
    assert _login(client, staff, THAI).status_code == 302
    assert "รายการคำถาม-คำตอบ" in client.get("/admin/faq", headers=THAI).get_data(as_text=True)
    r = client.get("/admin/language/en?next=/admin/faq%3Fq%3Dx", headers=THAI)
    assert r.status_code == 302 and r.location.endswith("/admin/faq?q=x")
    cookie = r.headers["Set-Cookie"]
    assert "admin_lang=en" in cookie and "Path=/admin" in cookie and "SameSite=Lax" in cookie
    page = client.get("/admin/faq", headers=THAI).get_data(as_text=True)  # still a Thai browser
    assert '<html lang="en">' in page and "FAQ entries" in page
    client.get("/admin/language/th")
    assert "รายการคำถาม-คำตอบ" in client.get("/admin/faq", headers=ENGLISH).get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin", "/admin\\@evil"])
def test_the_switch_never_leaves_the_site(client, target):
    r = client.get("/admin/language/th", query_string={"next": target})
    assert r.status_code == 302 and r.location.endswith("/admin/")


def test_the_switch_refuses_an_unknown_language(client):
    assert client.get("/admin/language/fr").status_code == 400


# -- pickers with names -------------------------------------------------------------------------------------
def test_editor_picks_topics_and_cities_by_name(app, staff):
    client = app.test_client()
    _login(client, staff, THAI)
    page = client.get("/admin/faq/khon-kaen-lrt-status", headers=THAI).get_data(as_text=True)
    # The topic select shows names; the value stays the id.
    assert re.search(r'<option value="city_plan"[^>]*>แผนและโครงการของเมือง</option>', page)
    assert "Cities (ids" not in page and ">city_plan<" not in page
    # Cities are boxes with Thai names (English beside them); the entry's subjects are ticked.
    assert re.search(r'<input type="checkbox" name="cities" value="khon-kaen" checked>\s*<span lang="th">ขอนแก่น', page)
    assert re.search(r'value="phuket" >\s*<span lang="th">ภูเก็ต</span> <span class="muted" lang="en">Phuket', page)
    assert re.search(r'value="khon-kaen-lrt" checked>\s*<span lang="th">รถไฟฟ้ารางเบาขอนแก่น', page)
    english = client.get("/admin/faq/khon-kaen-lrt-status", headers=ENGLISH).get_data(as_text=True)
    assert re.search(r'<option value="city_plan"[^>]*>A city&#39;s plan and projects</option>', english)


def test_ticked_cities_are_saved_and_shown_by_name(app, bot, staff):
    client = app.test_client()
    _login(client, staff, THAI)
    token = csrf_token(client, "/admin/faq/new", headers=THAI)
    tag = uuid.uuid4().hex[:6]
    r = client.post("/admin/faq/new", headers=THAI, data={
        "csrf_token": token, "version": "0", "intent": "city_plan", "questions_th": f"ตลาดนัด{tag}จัดที่ไหน",
        "answer_th": "จัดที่ลานหน้าศาลากลางครับ", "source": "ประกาศเทศบาล", "cities": ["khon-kaen", "phuket"]})
    assert r.status_code == 302, r.get_data(as_text=True)
    entry_id = r.location.rsplit("/", 1)[1]
    assert bot.live.faq.get(entry_id)["cities"] == ["khon-kaen", "phuket"]
    listing = client.get(f"/admin/faq?q={tag}", headers=THAI).get_data(as_text=True)
    assert '<span class="tag place">ขอนแก่น</span>' in listing and "แผนและโครงการของเมือง" in listing
    # A form that leaves out every question is refused in Thai, naming the field by its name.
    r = client.post("/admin/faq/new", headers=THAI, data={"csrf_token": token, "answer_th": "x", "source": "y"})
    assert r.status_code == 400 and "กรุณาเพิ่มคำถามอย่างน้อยหนึ่งข้อ" in r.get_data(as_text=True)


# -- the history diff ---------------------------------------------------------------------------------------
def _boundaries(text: str) -> set[int]:
    return {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}


def _check_whole_clusters(segments, line: str) -> None:
    assert "".join(s.text for s in segments) == line
    pos, ok = 0, _boundaries(line)
    for s in segments:
        assert pos in ok, (line, s)
        pos += len(s.text)


@pytest.mark.parametrize("old, new", [
    ("ขอนแก่นได้รับรองแล้วครับ", "ขอนแก่นได้รับรองแล้วนะครับ"),       # ครับ → นะครับ
    ("ที่นี่มีน้ำพุ", "ที่นั่นมีน้ำพุ"),                                    # a vowel changes in a word
    ("ปี 2564 ได้รับรอง", "ปี 2565 ได้รับรอง"),
    ("เปิดใช้ปี 2572", "เปิดให้บริการปี 2572 ครับ"),
    ("กำแพงแสน", "กําแพงแสน"),                                        # SARA AM as two characters
    ("น้ำ ท่า", "นํ้า ท่า"),
])
def test_diff_never_cuts_a_thai_cluster(old, new):
    for row in diff_lines([f"A (th): {old}"], [f"A (th): {new}"]):
        if row.kind == "changed":
            _check_whole_clusters(row.old, f"A (th): {old}")
            _check_whole_clusters(row.new, f"A (th): {new}")
            assert any(s.kind == "del" for s in row.old) or any(s.kind == "ins" for s in row.new)


def test_diff_marks_only_the_changed_word_and_folds_unchanged_lines():
    before = ["Topic: a", "Q: 1", "Q: 2", "Q: 3", "A (th): ขอนแก่นได้รับรองแล้วครับ", "Source: x"]
    after = ["Topic: a", "Q: 1", "Q: 2", "Q: 3", "A (th): ขอนแก่นได้รับรองแล้วนะครับ", "Source: x"]
    rows = diff_lines(before, after, context=1)
    assert [r.kind for r in rows] == ["skip", "same", "changed", "same"] and rows[0].count == 3
    changed = rows[2]
    assert [s.text for s in changed.new if s.kind == "ins"] == ["นะ"] and all(s.kind == "same" for s in changed.old)


def test_units_join_back_and_keep_clusters():
    text = "รถไฟฟ้ารางเบาขอนแก่น (LRT) จะเปิดใช้ปี 2572 น้ำ"
    parts = units(text)
    assert "".join(parts) == text and len(parts) > 5
    _check_whole_clusters([type("S", (), {"text": p})() for p in parts], text)


def test_history_page_shows_a_word_diff_in_thai(app, staff):
    client = app.test_client()
    tag = uuid.uuid4().hex[:6]
    r = client.post("/admin/api/faq", headers=AUTH, json={
        "questions": {"th": [f"สวนสาธารณะ{tag}เปิดกี่โมง"], "en": []}, "source": "ประกาศ",
        "answer": {"th": "เปิดทุกวันตั้งแต่ 6 โมงเช้าครับ", "en": ""}})
    entry = r.get_json()
    client.put(f"/admin/api/faq/{entry['id']}", headers=AUTH,
               json={**entry, "answer": {"th": "เปิดทุกวันตั้งแต่ 6 โมงเช้านะครับ", "en": ""}})
    _login(client, staff, THAI)
    page = client.get(f"/admin/faq/{entry['id']}/history", headers=THAI).get_data(as_text=True)
    assert "ประวัติการแก้ไขของ" in page and "กู้คืนฉบับที่ 1" in page
    assert "<ins>นะ</ins>" in page and "คำตอบ (ไทย):" in page
    assert "เวลาไทย" in page and re.search(r"\b25\d\d \d\d:\d\d น\.", page)  # Buddhist Era, Bangkok time


# -- search -------------------------------------------------------------------------------------------------
def _entry(id_, th="", en="", cities=(), intent=None, questions=()):
    return {"id": id_, "intent": intent, "questions": {"th": list(questions), "en": []},
            "answer": {"th": th, "en": en}, "cities": list(cities), "topics": []}


def test_search_finds_words_inside_thai_compounds():
    entries = [_entry("lrt", th="รถไฟฟ้ารางเบาขอนแก่นจะเปิดใช้ในปี 2572"),
               _entry("bus", th="รถเมล์สาย 24 วิ่งทุกวัน"),
               _entry("spaced", th="ระบบรถ ไฟฟ้า รางเบา"),           # spaces typed inside the word
               _entry("mai-ek", th="รถไฟฟ้ารางเบา เเละสถานี")]          # เเ for แ elsewhere in the text
    found = [e["id"] for e in search(entries, "รถไฟฟ้า")]
    assert found == ["lrt", "spaced", "mai-ek"]
    assert [e["id"] for e in search(entries, "รางเบาขอนแก่น")] == ["lrt"]  # a compound of two words, in order
    assert [e["id"] for e in search(entries, "ขอนแก่น รางเบา")] == ["lrt"]  # the words in any order
    assert [e["id"] for e in search(entries, "และสถานี")] == ["mai-ek"]     # normalised on both sides
    assert search(entries, "ภูเก็ต") == [] and search(entries, "  ") == entries


def test_search_finds_entries_by_their_subjects_names(bot):
    names = subject_names(bot.kb)
    entries = [_entry("x1", en="It opens in 2029.", cities=["khon-kaen-lrt"]),
               _entry("x2", th="รถไฟฟ้ารางเบาขอนแก่นเปิดปี 2572"),
               _entry("x3", th="ภูเก็ตมีแผนเมืองอัจฉริยะ", cities=["phuket"], intent="city_plan")]
    assert [e["id"] for e in search(entries, "รถไฟฟ้า", names)] == ["x2", "x1"]  # its own words first
    assert [e["id"] for e in search(entries, "light rail", names)] == ["x1"]
    assert [e["id"] for e in search(entries, "Phuket", names)] == ["x3"]
    assert [e["id"] for e in search(entries, "แผนและโครงการ", names)] == ["x3"]  # the topic's name


def test_staff_search_for_the_light_rail_finds_the_curated_entries(client):
    found = client.get("/admin/api/faq", query_string={"q": "รถไฟฟ้า"}, headers=AUTH).get_json()["entries"]
    ids = [e["id"] for e in found]
    assert "khon-kaen-lrt-status" in ids and "khon-kaen-lrt-overview" in ids
    assert all("ขอนแก่น" in (e["answer"]["th"] + " ".join(e["questions"]["th"])) or "khon-kaen-lrt" in e["cities"]
               for e in found[:10])


# -- times --------------------------------------------------------------------------------------------------
def test_times_are_bangkok_time_and_say_so():
    ts = 1796000000  # 2026-11-30 00:53 UTC
    assert format_time(ts, "th") == "30 พ.ย. 2569 07:53 น. (เวลาไทย)"
    assert format_time(ts, "en") == "30 Nov 2026, 07:53 (Bangkok time)"
    # 17:00 UTC on 31 Dec 2026 is already the new year in Bangkok (2570 in the Buddhist Era).
    assert format_time(1798736400, "th") == "1 ม.ค. 2570 00:00 น. (เวลาไทย)"
    assert format_time(str(ts), "en") == format_time(ts, "en") and format_time(None, "th") == ""
    assert format_day("2026-01-05", "th") == "5 ม.ค. 2569" and format_day("2026-01-05", "en") == "5 Jan 2026"


def test_dashboard_in_thai_has_thai_dates_and_topic_names(app, staff):
    from bot.admin.charts import line_chart

    svg = line_chart({"ข้อความ": [("2026-11-25", 1.0), ("2026-11-26", 3.0)]}, title="t", lang="th")
    assert ">25 พ.ย.</text>" in svg and "26 พ.ย. 2569: 3" in svg  # axis, and the tooltip's Buddhist Era year
    client = app.test_client()
    client.post("/api/ask", json={"text": "ขอนแก่นได้รับรองเมื่อไหร่"})
    _login(client, staff, THAI)
    page = client.get("/admin/dashboard", headers=THAI).get_data(as_text=True)
    assert "สถิติ · 30 วันล่าสุด" in page and "หัวข้อที่ถามมากที่สุด" in page
    assert "วันที่ได้รับการรับรอง" in page and ">city_date<" not in page  # the topic's name, not its id
