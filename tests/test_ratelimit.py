"""Rate limits: per user (a polite note once, then silence until the window passes), per address on
/api/ask and /admin/login, shared by every worker through Redis; behind a trusted proxy, per real client."""

from __future__ import annotations

import time
import uuid

import pytest
from helpers import csrf_token

from bot.app import create_app
from bot.channels.line import render
from bot.reply import Reply


@pytest.fixture(scope="module")
def limited(bot_config):
    """Two apps (two 'workers') on the same Redis, with small limits."""
    cfg = {**bot_config, "USER_RATE_LIMIT": "3/2", "API_IP_RATE_LIMIT": "5/60", "LOGIN_IP_RATE_LIMIT": "3/300",
           "SECRET_KEY": "rl-test"}
    return create_app(cfg), create_app(cfg)


def test_user_over_the_limit_gets_one_polite_note_then_silence(limited):
    bot = limited[0].extensions["bot"]
    user = f"rl-{uuid.uuid4().hex[:8]}"
    replies = [bot.dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line") for _ in range(5)]
    assert [r.intent for r in replies[:3]] == ["city_date"] * 3
    assert replies[3].intent == "rate_limited" and "รอสักครู่" in replies[3].text
    assert replies[4].intent == "rate_limited" and replies[4].text == ""
    assert render(replies[4]) == []  # LINE sends nothing
    time.sleep(2.1)
    assert bot.dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line").intent == "city_date"


def test_the_user_limit_is_shared_across_workers(limited):
    a, b = (app.extensions["bot"] for app in limited)
    user = f"rl-{uuid.uuid4().hex[:8]}"
    intents = [(a if i % 2 else b).dialogue.respond("7 Smarts คืออะไร", user_id=user, channel="messenger").intent
               for i in range(4)]
    assert intents == ["seven_smarts"] * 3 + ["rate_limited"]


def test_limits_are_per_user_and_per_channel(limited):
    bot = limited[0].extensions["bot"]
    user = f"rl-{uuid.uuid4().hex[:8]}"
    for _ in range(4):
        bot.dialogue.respond("hello", user_id=user, channel="line")
    assert bot.dialogue.respond("hello", user_id=user, channel="messenger").intent != "rate_limited"
    assert bot.dialogue.respond("hello", user_id=user + "x", channel="line").intent != "rate_limited"


def test_api_ask_is_limited_per_address(limited):
    client = limited[0].test_client()
    addr = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    codes = [client.post("/api/ask", json={"text": "what is depa"}, environ_base={"REMOTE_ADDR": addr}).status_code
             for _ in range(6)]
    assert codes == [200] * 5 + [429]
    other = limited[1].test_client()  # the other worker counts the same address too
    assert other.post("/api/ask", json={"text": "what is depa"}, environ_base={"REMOTE_ADDR": addr}).status_code == 429
    assert other.post("/api/ask", json={"text": "what is depa"}).status_code == 200  # another address


def test_api_ask_429_says_too_many_requests_and_how_long_to_wait(limited):
    """A client can tell the limit from a failure and knows when to send again: ``Retry-After`` and the body
    agree, and the wait is what is left of the window."""
    client = limited[0].test_client()
    addr = f"10.6.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    for _ in range(5):
        assert client.post("/api/ask", json={"text": "what is depa"}, environ_base={"REMOTE_ADDR": addr}).status_code == 200
    r = client.post("/api/ask", json={"text": "what is depa"}, environ_base={"REMOTE_ADDR": addr})
    assert r.status_code == 429 and r.is_json
    body = r.get_json()
    assert body["error"] == "too many requests" and "bad request" not in r.get_data(as_text=True)
    assert isinstance(body["retry_after"], int) and 1 <= body["retry_after"] <= 60  # API_IP_RATE_LIMIT 5/60
    assert r.headers["Retry-After"] == str(body["retry_after"])


def test_api_ask_user_over_the_limit_gets_429_with_the_note(limited):
    client = limited[0].test_client()
    user = f"rl-{uuid.uuid4().hex[:8]}"
    codes = [client.post("/api/ask", json={"text": "what is depa", "user_id": user},
                         environ_base={"REMOTE_ADDR": f"10.8.0.{i + 1}"}) for i in range(4)]
    assert [c.status_code for c in codes] == [200, 200, 200, 429]
    body = codes[3].get_json()
    assert "wait" in body["answer"].lower()
    assert body["error"] == "too many requests" and 1 <= body["retry_after"] <= 2  # USER_RATE_LIMIT 3/2
    assert codes[3].headers["Retry-After"] == str(body["retry_after"])
    time.sleep(body["retry_after"])  # waiting as long as told is enough
    again = client.post("/api/ask", json={"text": "what is depa", "user_id": user}, environ_base={"REMOTE_ADDR": "10.8.1.1"})
    assert again.status_code == 200


def test_login_posts_are_limited_per_address(limited):
    client = limited[0].test_client()
    addr = f"10.7.{uuid.uuid4().int % 250}.1"
    token = csrf_token(client)
    codes = [client.post("/admin/login", data={"name": f"u{i}", "password": "wrong password", "csrf_token": token},
                         environ_base={"REMOTE_ADDR": addr}).status_code for i in range(4)]
    assert codes == [401, 401, 401, 429]


def test_rendering_an_empty_reply_sends_nothing():
    assert render(Reply("", "th", "rate_limited", 1.0)) == []


# -- behind a proxy: TRUSTED_PROXIES ---------------------------------------------------------------------
PROXY = "10.0.0.2"  # the load balancer's address: every request reaches the app from it


@pytest.fixture(scope="module")
def proxied(bot_config):
    """An app behind one trusted proxy, with small limits."""
    return create_app({**bot_config, "TRUSTED_PROXIES": 1, "API_IP_RATE_LIMIT": "5/60",
                       "LOGIN_IP_RATE_LIMIT": "1000/300", "SECRET_KEY": "proxy-test"})


def _via_proxy(client, path, forwarded_for, **kw):
    return client.post(path, environ_base={"REMOTE_ADDR": PROXY}, headers={"X-Forwarded-For": forwarded_for}, **kw)


def test_behind_a_proxy_each_client_has_its_own_limit(proxied):
    client = proxied.test_client()
    # Two ranges no other test uses, so the two clients never draw the same address (1 in 250 did) nor one that
    # another test's requests have counted.
    n = uuid.uuid4().int
    a, b = f"100.64.{n % 250 + 1}.{n // 250 % 250 + 1}", f"100.65.{n % 250 + 1}.{n // 250 % 250 + 1}"
    codes = [_via_proxy(client, "/api/ask", a, json={"text": "what is depa"}).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    assert _via_proxy(client, "/api/ask", b, json={"text": "what is depa"}).status_code == 200  # not the proxy's bucket
    # A client cannot pass for another by writing X-Forwarded-For itself: the proxy appends the real address.
    assert _via_proxy(client, "/api/ask", f"{b}, {a}", json={"text": "what is depa"}).status_code == 429


def test_without_trusted_proxies_x_forwarded_for_is_ignored(limited):
    client = limited[0].test_client()
    addr = f"10.6.{uuid.uuid4().int % 250}.9"
    codes = [client.post("/api/ask", json={"text": "what is depa"}, environ_base={"REMOTE_ADDR": addr},
                         headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code for i in range(6)]
    assert codes == [200] * 5 + [429]  # a made-up header per request does not escape the limit


def test_failed_sign_ins_from_one_client_behind_the_proxy_do_not_lock_out_the_others(proxied, bot):
    from bot.admin.users import Users

    staff = f"px{uuid.uuid4().hex[:6]}"
    Users(bot.store).create(staff, "proxy test password", "editor")
    attacker, colleague = proxied.test_client(), proxied.test_client()
    evil, good = f"198.51.100.{uuid.uuid4().int % 250 + 1}", f"192.0.2.{uuid.uuid4().int % 250 + 1}"

    def login(client, who, name, password):
        token = csrf_token(client)
        return client.post("/admin/login", environ_base={"REMOTE_ADDR": PROXY},
                           headers={"X-Forwarded-For": who, "X-Forwarded-Proto": "https",
                                    "Referer": "https://localhost/admin/login"},  # Flask-WTF checks it over HTTPS
                           data={"name": name, "password": password, "csrf_token": token})

    answers = [login(attacker, evil, f"guess{i:02d}", "wrong password") for i in range(21)]
    assert [r.status_code for r in answers] == [401] * 21
    assert "Too many failed attempts" in answers[-1].get_data(as_text=True)  # the attacker's address is stopped
    r = login(colleague, good, staff, "proxy test password")
    assert r.status_code == 302  # the colleague, behind the same proxy, still signs in
    assert "Secure" in r.headers["Set-Cookie"]  # X-Forwarded-Proto: https from the trusted proxy
