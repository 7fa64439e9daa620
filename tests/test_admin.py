"""Staff: the FAQ JSON API, authentication on every route, login, CSRF, the inbox, live edits, the CLI."""

from __future__ import annotations

import json
import re
import time

import helpers
import pytest
from conftest import ADMIN_TOKEN
from helpers import csrf_token, run_cli

from bot.admin.users import Users

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def new_entry(**over) -> dict:
    tag = helpers.tag()
    entry = {"id": f"test-{tag}", "questions": {"th": [f"ศูนย์บริการเมืองอัจฉริยะ{tag}เปิดกี่โมง"],
                                                "en": [f"when does smart city service centre {tag} open"]},
             "answer": {"th": "เปิดทุกวัน 8:30 ถึง 16:30 น. ครับ", "en": "It opens daily from 8:30 to 16:30."},
             "cities": ["khon-kaen"], "topics": ["service centre"], "source": "Khon Kaen City Hall notice"}
    entry.update(over)
    return entry


def ask(client, text, lang=None):
    return client.post("/api/ask", json={"text": text, **({"lang": lang} if lang else {})}).get_json()


# -- authentication -----------------------------------------------------------------------------------------
def test_every_admin_route_requires_authentication(app, client):
    """Walk Flask's URL map: no /admin page or /admin/api route answers without signing in."""
    checked = 0
    for rule in app.url_map.iter_rules():
        # The sign-in page, the static files and the language switch (used on the sign-in page) are public.
        if not rule.rule.startswith("/admin") or rule.endpoint in ("admin_auth.login", "admin_pages.static",
                                                                    "admin_i18n.switch"):
            continue
        url = re.sub(r"<(?:\w+:)?(\w+)>", "x", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            r = client.open(url, method=method)
            if rule.rule.startswith("/admin/api"):
                assert r.status_code == 401, (method, url)
            else:
                assert r.status_code in (302, 400) and (r.status_code == 400 or "/admin/login" in r.location), \
                    (method, url, r.status_code)  # 400: a POST form without its CSRF token
            checked += 1
    assert checked >= 20


def test_every_admin_response_says_no_store(app, bot):
    """Signed out and signed in as an admin: every /admin route, the static files, a 404."""
    anonymous, admin = app.test_client(), app.test_client()
    name = f"nostore{helpers.tag()}"
    Users(bot.store).create(name, "correct horse battery", "admin")
    assert _login(admin, name, "correct horse battery").status_code == 302
    seen = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin"):
            continue
        url = re.sub(r"<(?:\w+:)?(\w+)>", "admin.css" if rule.endpoint == "admin_pages.static" else "x", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            answers = [anonymous.open(url, method=method)] + ([admin.get(url)] if method == "GET" else [])
            for r in answers:
                assert r.headers.get("Cache-Control") == "no-store", (method, url, r.status_code)
                seen += 1
    for path in ("/admin/nowhere", "/admin/faq", "/admin/users", "/admin/static/admin.css"):
        r = admin.get(path)
        assert r.status_code in (200, 404) and r.headers["Cache-Control"] == "no-store", path
    assert admin.get("/admin/faq").status_code == 200 and seen > 30


def test_wrong_bearer_token_is_401(client):
    assert client.get("/admin/api/faq", headers={"Authorization": "Bearer nope"}).status_code == 401


def _login(client, name, password):
    return client.post("/admin/login", data={"name": name, "password": password, "csrf_token": csrf_token(client)})


@pytest.fixture
def staff(bot):
    name = f"staff{helpers.tag()}"
    Users(bot.store).create(name, "correct horse battery", "editor")
    return name


def test_login_session_cookie_and_logout(app, staff):
    client = app.test_client()
    r = _login(client, staff, "correct horse battery")
    assert r.status_code == 302 and r.location.endswith("/admin/faq")
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/admin/faq").status_code == 200
    assert client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/faq")}).status_code == 302
    assert client.get("/admin/faq").status_code == 302


def test_session_cookie_is_secure_over_https(app, staff):
    client = app.test_client()
    token = csrf_token(client, base_url="https://localhost")
    r = client.post("/admin/login", base_url="https://localhost", headers={"Referer": "https://localhost/admin/login"},
                    data={"name": staff, "password": "correct horse battery", "csrf_token": token})
    assert "Secure" in r.headers["Set-Cookie"]


def test_form_without_csrf_token_is_refused(app, staff):
    client = app.test_client()
    _login(client, staff, "correct horse battery")
    r = client.post("/admin/faq/new", data={"questions_th": "ทดสอบ", "answer_th": "x", "source": "y"})
    assert r.status_code == 400


def test_login_attempts_are_limited_per_user(app, staff):
    client = app.test_client()
    for _ in range(5):
        assert _login(client, staff, "wrong password!!").status_code == 401
    r = _login(client, staff, "correct horse battery")
    assert r.status_code == 401 and "Too many failed attempts" in r.get_data(as_text=True)


def test_removed_user_loses_access_at_once(app, bot, staff):
    client = app.test_client()
    _login(client, staff, "correct horse battery")
    assert client.get("/admin/faq").status_code == 200
    Users(bot.store).remove(staff)
    assert client.get("/admin/faq").status_code == 302


def test_passwords_are_stored_hashed_with_scrypt(bot, staff):
    raw = bot.store.client.hget("{staff}:users", staff)
    assert "correct horse battery" not in raw and "scrypt:" in raw


# -- FAQ API --------------------------------------------------------------------------------------------------
def test_create_then_the_bot_answers_with_the_new_entry(client):
    entry = new_entry()
    r = client.post("/admin/api/faq", json=entry, headers=AUTH)
    assert r.status_code == 201 and r.get_json()["version"] == 1
    got = client.get(f"/admin/api/faq/{entry['id']}", headers=AUTH).get_json()
    assert got["answer"]["en"] == entry["answer"]["en"] and got["updated_by"] == "api-token"
    reply = ask(client, entry["questions"]["en"][0])
    assert reply["entities"]["entry"] == entry["id"] and "8:30" in reply["answer"]
    assert "Khon Kaen City Hall notice" in reply["sources"]
    listed = client.get("/admin/api/faq", headers=AUTH, query_string={"q": "ศูนย์บริการ"}).get_json()["entries"]
    assert any(e["id"] == entry["id"] for e in listed)


def test_a_new_entry_answers_paraphrases_at_once_through_the_same_retrieval(client):
    """A staff entry is a fact: questions worded differently from its phrasings find it, in both languages."""
    entry = new_entry()
    tag = entry["id"].split("-")[1]
    assert client.post("/admin/api/faq", json=entry, headers=AUTH).status_code == 201
    for q in (f"ศูนย์บริการเมืองอัจฉริยะ {tag} เปิดตอนกี่โมงคะ", f"what time does the smart city service centre {tag} open?"):
        reply = ask(client, q)
        assert reply["entities"].get("entry") == entry["id"] and "8:30" in reply["answer"], q


def test_stale_save_is_refused_with_409(client):
    entry = new_entry()
    client.post("/admin/api/faq", json=entry, headers=AUTH)
    first = client.put(f"/admin/api/faq/{entry['id']}", headers=AUTH,
                       json={**entry, "answer": {"th": "แก้ครั้งที่หนึ่ง", "en": "first edit"}, "version": 1})
    assert first.status_code == 200 and first.get_json()["version"] == 2
    stale = client.put(f"/admin/api/faq/{entry['id']}", headers=AUTH,
                       json={**entry, "answer": {"th": "แก้ทับ", "en": "overwrite"}, "version": 1})
    assert stale.status_code == 409
    assert stale.get_json()["current"]["version"] == 2 and stale.get_json()["current"]["answer"]["en"] == "first edit"


def test_history_delete_and_rollback(client):
    entry = new_entry()
    client.post("/admin/api/faq", json=entry, headers=AUTH)
    client.put(f"/admin/api/faq/{entry['id']}", headers=AUTH,
               json={**entry, "answer": {"th": "", "en": "Version two."}, "version": 1})
    assert client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH).status_code == 200
    assert client.get(f"/admin/api/faq/{entry['id']}", headers=AUTH).status_code == 404
    assert ask(client, entry["questions"]["en"][0])["entities"].get("entry") != entry["id"]
    history = client.get(f"/admin/api/faq/{entry['id']}/history", headers=AUTH).get_json()["versions"]
    assert [v["version"] for v in history] == [1, 2, 3] and history[-1]["deleted"] is True
    r = client.post(f"/admin/api/faq/{entry['id']}/rollback", json={"version": 2}, headers=AUTH)
    assert r.status_code == 200 and r.get_json()["version"] == 4 and r.get_json()["action"] == "rollback to 2"
    assert "Version two." in ask(client, entry["questions"]["en"][0])["answer"]


def test_editing_a_curated_entry_overrides_it_and_can_be_rolled_back(client):
    curated = client.get("/admin/api/faq/depa-what", headers=AUTH).get_json()
    assert curated["version"] == 0 and curated["origin"] == "curated"
    edited = {**curated, "answer": {"th": curated["answer"]["th"], "en": "depa is the agency (staff wording)."}}
    r = client.put("/admin/api/faq/depa-what", json=edited, headers=AUTH)
    assert r.status_code == 200 and r.get_json()["origin"] == "edited"
    assert "staff wording" in ask(client, "what is depa", lang="en")["answer"]
    history = client.get("/admin/api/faq/depa-what/history", headers=AUTH).get_json()["versions"]
    assert history[0]["version"] == 0 and history[0]["origin"] == "curated"
    client.post("/admin/api/faq/depa-what/rollback", json={"version": 0}, headers=AUTH)
    assert "staff wording" not in ask(client, "what is depa", lang="en")["answer"]


def test_invalid_entry_names_each_problem(client):
    r = client.post("/admin/api/faq", headers=AUTH, json={"questions": {"th": [], "en": []},
                                                           "answer": {"th": "", "en": ""}, "cities": ["atlantis"]})
    assert r.status_code == 400
    fields = json.dumps(r.get_json()["fields"])
    assert "question" in fields and "answer" in fields and "source" in fields


def test_try_it_shows_before_and_after_the_unsaved_change(client):
    entry = new_entry()
    r = client.post("/admin/api/try", headers=AUTH, json={"text": entry["questions"]["th"][0], "draft": entry})
    body = r.get_json()
    assert body["before"]["entry"] != entry["id"] and body["after"]["entry"] == entry["id"]
    assert client.get(f"/admin/api/faq/{entry['id']}", headers=AUTH).status_code == 404  # nothing saved


def test_unanswered_inbox_fills_groups_and_shows_answered(client):
    tag = helpers.tag()
    question = f"ขอเบอร์โทรร้านข้าวมันไก่แถวตลาด{tag} หน่อย"
    assert ask(client, question)["fallback"] is True
    ask(client, question + " ครับ")
    groups = client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"]
    group = next(g for g in groups if tag in g["text"])
    assert group["count"] == 2 and group["answered"] is False and group["langs"] == {"th": 2}
    client.post("/admin/api/faq", headers=AUTH, json=new_entry(questions={"th": [question], "en": []}))
    group = next(g for g in client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"] if tag in g["text"])
    assert group["answered"] is True
    assert client.post(f"/admin/api/unanswered/{group['id']}/dismiss", headers=AUTH).status_code == 200
    assert not [g for g in client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"] if tag in g["text"]]


def test_script_in_an_answer_is_shown_as_text(app, client, staff):
    entry = new_entry(answer={"th": "<script>alert('x')</script> ข้อความ", "en": ""})
    client.post("/admin/api/faq", json=entry, headers=AUTH)
    browser = app.test_client()
    _login(browser, staff, "correct horse battery")
    page = browser.get("/admin/faq", query_string={"q": entry["id"]}).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_history_survives_an_app_restart(app, client, bot_config):
    from bot.app import create_app

    entry = new_entry()
    client.post("/admin/api/faq", json=entry, headers=AUTH)
    fresh = create_app({**bot_config, "ADMIN_TOKEN": ADMIN_TOKEN, "SECRET_KEY": "x"}).test_client()
    history = fresh.get(f"/admin/api/faq/{entry['id']}/history", headers=AUTH).get_json()["versions"]
    assert [v["version"] for v in history] == [1]


# -- the command line --------------------------------------------------------------------------------------------
def cli(data_dir, *args, stdin=None):
    return run_cli(*args, data_dir=data_dir, stdin=stdin)


def test_cli_staff_accounts(bot, data_dir):
    name = f"cli{helpers.tag()}"
    r = cli(data_dir, "admin", "create-user", name, "--role", "admin", stdin="a long enough password\n")
    assert r.returncode == 0, r.stderr
    assert f"{name}\tadmin" in cli(data_dir, "admin", "list-users").stdout
    assert Users(bot.store).verify(name, "a long enough password")
    assert cli(data_dir, "admin", "reset-password", name, stdin="another long password\n").returncode == 0
    assert Users(bot.store).verify(name, "another long password")
    assert cli(data_dir, "admin", "create-user", "x", stdin="short\n").returncode != 0
    assert cli(data_dir, "admin", "remove-user", name).returncode == 0
    assert name not in cli(data_dir, "admin", "list-users").stdout


def test_cli_faq_operations(bot, data_dir, tmp_path):
    import yaml

    entry = new_entry()
    path = tmp_path / "entry.yaml"
    path.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    assert "created" in cli(data_dir, "faq", "add", "--file", str(path)).stdout
    assert entry["answer"]["en"] in cli(data_dir, "faq", "show", entry["id"]).stdout
    path.write_text(yaml.safe_dump({**entry, "answer": {"th": "", "en": "Edited."}, "version": 1}), encoding="utf-8")
    assert "version 2" in cli(data_dir, "faq", "edit", entry["id"], "--file", str(path)).stdout
    stale = cli(data_dir, "faq", "edit", entry["id"], "--file", str(path))
    assert stale.returncode != 0 and "conflict" in stale.stderr
    history = cli(data_dir, "faq", "history", entry["id"]).stdout
    assert "v1" in history and "v2" in history
    assert "as version 3" in cli(data_dir, "faq", "rollback", entry["id"], "1").stdout
    assert entry["id"] in cli(data_dir, "faq", "list", "--search", "ศูนย์บริการ").stdout
    assert "removed" in cli(data_dir, "faq", "remove", entry["id"]).stdout
    exported = cli(data_dir, "faq", "export").stdout
    assert "depa-what" in exported and entry["id"] not in exported


def test_cli_import_rejects_a_bad_file_whole(bot, data_dir, tmp_path):
    import yaml

    good, bad = new_entry(), new_entry(answer={"th": "", "en": ""})
    path = tmp_path / "import.yaml"
    path.write_text(yaml.safe_dump({"entries": [good, bad]}, allow_unicode=True), encoding="utf-8")
    r = cli(data_dir, "faq", "import", str(path))
    assert r.returncode != 0 and bad["id"] in r.stderr
    assert cli(data_dir, "faq", "show", good["id"]).returncode != 0  # nothing was applied
    path.write_text(yaml.safe_dump({"entries": [good]}, allow_unicode=True), encoding="utf-8")
    assert "imported 1" in cli(data_dir, "faq", "import", str(path)).stdout


def test_export_is_valid_knowledge_base_yaml(bot, data_dir, tmp_path):
    """Exported entries load with the same schema as knowledge/data (so edits can be reviewed in git)."""
    import shutil

    from knowledge.loader import DATA_DIR, load

    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    for f in (out / "facts").glob("*.yaml"):
        f.unlink()
    (out / "facts" / "exported.yaml").write_text(cli(data_dir, "faq", "export").stdout, encoding="utf-8")
    assert len(load(out).facts) >= len(load().facts)  # plus the staff entries other tests saved


def test_a_staff_phrasing_with_laughter_or_repeated_letters_matches_itself(client):
    """Phrasings are normalised like questions: "555" or "ขอนแก่นนนน" in an entry must not stop it matching."""
    tag = helpers.tag()
    entry = new_entry(questions={"th": [f"งานวิ่งขอนแก่นนนน{tag}จัดเมื่อไหร่ 555"], "en": [f"when is the run eee{tag}"]})
    assert client.post("/admin/api/faq", json=entry, headers=AUTH).status_code == 201
    for q in (*entry["questions"]["th"], *entry["questions"]["en"]):
        assert ask(client, q)["entities"].get("entry") == entry["id"], q


def test_a_stored_entry_that_no_longer_validates_is_skipped_not_fatal(client, bot, caplog):
    """An entry saved before a rule was tightened (or written by hand) must not stop every answer."""
    from bot.faq_store import ENTRY, IDS, STAMP

    good = new_entry()
    assert client.post("/admin/api/faq", json=good, headers=AUTH).status_code == 201
    bad_id = "x" * 130  # longer than an id may be now
    r = bot.store.client
    caplog.set_level("ERROR", logger="bot.faq_store")
    try:
        r.set(ENTRY + bad_id, json.dumps({**new_entry(), "id": bad_id, "version": 1}))
        r.sadd(IDS, bad_id)
        r.incr(STAMP)
        deadline = time.monotonic() + 5  # workers pick up the change within a second
        while not any(bad_id in rec.getMessage() and "skipped" in rec.getMessage() for rec in caplog.records):
            assert time.monotonic() < deadline, "the invalid entry was never reported"
            time.sleep(0.1)
            ask(client, "hello")
        reply = ask(client, good["questions"]["th"][0])
        assert reply["entities"].get("entry") == good["id"]  # the other entries still answer
        assert ask(client, "ขอนแก่นได้รับรองเมื่อไหร่")["intent"] == "city_date"
    finally:
        r.delete(ENTRY + bad_id)
        r.srem(IDS, bad_id)
        r.incr(STAMP)
