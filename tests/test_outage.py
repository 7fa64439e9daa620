"""Redis outages and the staff features: every staff page, the staff JSON API and sign-in answer 503 with a
clear message (never a 500) while a real Redis server is down or was never reachable; the bot keeps
answering; everything works again without a restart once Redis is back.

The staff code reaches Redis only through the Store (FAQ store, accounts, sessions, the sign-in throttle,
the shared secret key), so these tests fail with a 500 if any path uses a raw client again.
"""

from __future__ import annotations

import re
import uuid

import pytest
from click.testing import CliRunner
from helpers import csrf_token, wait_until
from redis_server import RedisProcess, free_port

from bot.admin.users import Users
from bot.app import create_app
from bot.cli import main
from bot.storage import StoreUnavailable

PASSWORD = "outage test password"
TOKEN = "outage-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MESSAGE = "cannot reach their database"


def _app(data_dir, url: str, secret_key: str | None = "outage-secret"):
    return create_app({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": url, "REDIS_RETRY_AFTER": 0.2,
                       "SECRET_KEY": secret_key, "ADMIN_TOKEN": TOKEN, "RETRAIN_ON_EDIT": False,
                       "SENDER_THREADS": 0})


def _sign_in(client, name: str):
    return client.post("/admin/login", data={"name": name, "password": PASSWORD, "csrf_token": csrf_token(client)})


def _is_outage_page(r) -> bool:
    return r.status_code == 503 and r.mimetype == "text/html" and MESSAGE in r.get_data(as_text=True) \
        and r.headers.get("Retry-After") is not None


def _is_outage_json(r) -> bool:
    return r.status_code == 503 and r.is_json and MESSAGE in r.get_json()["detail"] \
        and r.headers.get("Retry-After") is not None


# -- Redis unreachable when the app starts ------------------------------------------------------------------
@pytest.mark.parametrize("secret_key", ["outage-secret", None], ids=["SECRET_KEY set", "SECRET_KEY unset"])
def test_the_app_starts_without_redis_and_staff_sign_in_works_once_it_is_back(secret_key, bot, data_dir, tmp_path):
    port = free_port()  # nothing listens here yet
    app = _app(data_dir, f"redis://127.0.0.1:{port}/0", secret_key)
    client = app.test_client()

    # The bot answers (without conversation context); health says why it is degraded.
    r = client.post("/api/ask", json={"text": "what is depa", "user_id": "u1"})
    assert r.status_code == 200 and "depa" in r.get_json()["answer"].lower()
    assert client.get("/healthz").status_code == 503

    # Sign-in says it is unavailable, in the page and on a post.
    assert _is_outage_page(client.get("/admin/login"))
    assert _is_outage_page(client.post("/admin/login", data={"name": "somebody", "password": PASSWORD}))
    assert _is_outage_json(client.get("/admin/api/faq", headers=AUTH))

    # Redis comes up at that address: sign-in works, without restarting the app.
    server = RedisProcess(port, tmp_path)
    server.start()
    try:
        store = app.extensions["bot"].store
        wait_until(store.ping, message="Redis to answer")
        name = f"o{uuid.uuid4().hex[:8]}"
        Users(store).create(name, PASSWORD, "editor")
        wait_until(lambda: client.get("/admin/login").status_code == 200, message="the sign-in page")
        assert _sign_in(client, name).status_code == 302
        assert client.get("/admin/faq").status_code == 200
        assert client.get("/admin/api/faq", headers=AUTH).status_code == 200
    finally:
        server.stop()


def test_without_secret_key_every_worker_uses_the_same_generated_key(bot, data_dir, durable_redis):
    """Two workers (two apps) on one Redis: a form from one is accepted by the other."""
    first, second = (_app(data_dir, durable_redis.url, secret_key=None) for _ in range(2))
    name = f"k{uuid.uuid4().hex[:8]}"
    Users(first.extensions["bot"].store).create(name, PASSWORD, "editor")
    browser = first.test_client()
    token = csrf_token(browser)
    cookie = browser.get_cookie("session", path="/admin")
    other = second.test_client()
    other.set_cookie("session", cookie.value, path="/admin")
    r = other.post("/admin/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 302  # the CSRF token made with the first worker's key is valid in the second


# -- Redis going away while the app runs ---------------------------------------------------------------------
def test_every_staff_api_route_answers_503_json_during_an_outage(bot, data_dir, durable_redis):
    app = _app(data_dir, durable_redis.url)
    client = app.test_client()
    entry = {"questions": {"th": ["ทดสอบระบบขัดข้อง"], "en": ["outage test question"]},
             "answer": {"th": "ทดสอบ", "en": "A test."}, "cities": [], "topics": [], "source": "test"}
    created = client.post("/admin/api/faq", headers=AUTH, json=entry).get_json()
    entry_id, version = created["id"], created["version"]
    calls = {
        ("GET", "/admin/api/faq"): {},
        ("POST", "/admin/api/faq"): {"json": entry},
        ("GET", "/admin/api/faq/<entry_id>"): {},
        ("PUT", "/admin/api/faq/<entry_id>"): {"json": {**entry, "version": version}},
        ("DELETE", "/admin/api/faq/<entry_id>"): {"query_string": {"version": version}},
        ("GET", "/admin/api/faq/<entry_id>/history"): {},
        ("POST", "/admin/api/faq/<entry_id>/rollback"): {"json": {"version": 1}},
        ("GET", "/admin/api/unanswered"): {},
        ("POST", "/admin/api/unanswered/<group_id>/dismiss"): {},
        ("POST", "/admin/api/try"): {"json": {"text": "outage test question", "draft": entry}},
        ("POST", "/admin/api/preview"): {"json": {"draft": entry}},
        ("GET", "/admin/api/audit"): {},
    }
    routes = {(m, rule.rule) for rule in app.url_map.iter_rules() if rule.rule.startswith("/admin/api")
              for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == set(calls), "a staff API route is missing from this test"

    durable_redis.stop()
    for (method, rule), kwargs in calls.items():
        url = rule.replace("<entry_id>", entry_id).replace("<group_id>", "g1")
        r = client.open(url, method=method, headers=AUTH, **kwargs)
        if rule == "/admin/api/preview":
            # Rendering a draft needs no storage: it goes on working from the knowledge already loaded.
            assert r.status_code == 200 and r.get_json()["after"]["en"]["answer"].startswith("A test."), r.get_json()
            continue
        assert _is_outage_json(r), (method, url, r.status_code, r.get_data(as_text=True)[:200])
    # The people the bot serves are still answered.
    assert client.post("/api/ask", json={"text": "what is depa"}).status_code == 200


def test_every_staff_page_and_sign_in_answer_503_html_during_an_outage_then_recover(bot, data_dir, durable_redis):
    app = _app(data_dir, durable_redis.url)
    name = f"p{uuid.uuid4().hex[:8]}"
    Users(app.extensions["bot"].store).create(name, PASSWORD, "admin")
    browser, stranger = app.test_client(), app.test_client()
    assert _sign_in(browser, name).status_code == 302
    token = csrf_token(stranger)
    pages = sorted(rule.rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/admin")
                   and not rule.rule.startswith("/admin/api") and "GET" in rule.methods
                   and rule.endpoint != "admin_pages.static")
    assert len(pages) >= 8

    durable_redis.stop()
    for rule in pages:
        r = browser.get(re.sub(r"<(?:\w+:)?(\w+)>", "x", rule))
        assert _is_outage_page(r), (rule, r.status_code)
        assert "Set-Cookie" not in r.headers  # nobody is signed out by an outage
    # Sign-in: the form, and a post of it (counted by the throttle in Redis, so it cannot be checked now).
    assert _is_outage_page(stranger.get("/admin/login"))
    assert _is_outage_page(stranger.post("/admin/login", data={"name": name, "password": PASSWORD,
                                                               "csrf_token": token}))
    assert _is_outage_page(browser.post("/admin/logout", data={}))

    durable_redis.start()
    wait_until(lambda: browser.get("/admin/faq").status_code == 200, message="the staff pages to come back")
    assert browser.get("/admin/users").status_code == 200  # the same session, still signed in


def test_the_command_line_says_redis_is_unreachable_instead_of_a_traceback(tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"
    runner = CliRunner()
    for args in (["admin", "list-users"], ["faq", "list"], ["backup", str(tmp_path / "b.json")]):
        result = runner.invoke(main, args, env={"REDIS_URL": url, "BOT_DATA_DIR": str(tmp_path)})
        assert result.exit_code == 1, (args, result.output, result.exception)
        assert "Redis cannot be reached" in result.output and "Traceback" not in result.output


def test_staff_storage_raises_store_unavailable_not_a_redis_error(bot, data_dir, durable_redis):
    app = _app(data_dir, durable_redis.url)
    store = app.extensions["bot"].store
    faq = app.extensions["bot"].live.faq
    durable_redis.stop()
    for call in (lambda: Users(store).get("somebody"), lambda: Users(store).list(), faq.list,
                 lambda: faq.history("x"), lambda: faq.audit(5)):
        with pytest.raises(StoreUnavailable):
            call()
