"""Telling the asker, end to end: the fallback on LINE and Messenger offers "tell me when you know"; a tap
puts the person on the inbox group's waiting list; when staff answer the group, each waiting person gets
the answer once (LINE push with X-Line-Retry-Key, Messenger only inside its 24-hour window), through the
real line-bot-sdk and HTTP to the fake platform APIs."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid

import pytest
from conftest import ADMIN_TOKEN, FB_SECRET, LINE_SECRET, channel_app_config
from fakes import (UUID_RE, hub_signature, line_body, line_event, line_signature, messenger_body,
                   messenger_postback, messenger_text)
from helpers import LiveServer, serving
from test_browser import CHROMIUM, login, shot

from bot.inbox import WAIT, group_key
from bot.services.inbox import answer_group

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
HOUR = 3600


@pytest.fixture(scope="module")
def notify_app(tmp_path_factory, data_dir, bot, fake_line, fake_graph):
    """LINE and Messenger against the fakes, on its own Redis. Events are accepted for three days (not one) so
    that a Messenger conversation from 25 hours ago can be replayed; LINE gives up on a push after 2 s."""
    with serving(channel_app_config(tmp_path_factory.mktemp("notify"), data_dir, fake_line, fake_graph,
                                    ADMIN_TOKEN=ADMIN_TOKEN, SECRET_KEY="notify-secret", LINE_READ_TIMEOUT=2.0,
                                    DEDUP_WINDOW=3 * 24 * HOUR)) as app:
        yield app


@pytest.fixture
def client(notify_app):
    return notify_app.test_client()


def forget_staff_entries(client) -> None:
    """Delete the entries staff added: a staff entry answers paraphrases of its questions, so the next test's
    question of the same shape would be answered instead of reaching the inbox."""
    for e in client.get("/admin/api/faq", headers=AUTH).get_json()["entries"]:
        if e.get("origin") == "staff":
            assert client.delete(f"/admin/api/faq/{e['id']}", headers=AUTH).status_code == 200


@pytest.fixture(autouse=True)
def _fresh_knowledge(client):
    yield
    forget_staff_entries(client)


def unanswerable() -> str:
    """A question no fact answers, new in every test (its own inbox group)."""
    return f"ร้านก๋วยเตี๋ยวเจ๊{uuid.uuid4().hex[:6]}เปิดกี่โมง"


def entry_for(question: str, answer: str = "ร้านเปิด 7 โมงเช้าถึงบ่าย 2 ครับ") -> dict:
    thai = any("\u0e00" <= ch <= "\u0e7f" for ch in question)
    return {"questions": {"th": [question] if thai else [], "en": [] if thai else [question]},
            "answer": {"th": answer, "en": "It opens from 7 am to 2 pm."},
            "source": "Khon Kaen municipality notice, 2024"}


def waiting(client, group: str) -> int:
    groups = client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"]
    return next(g["waiting"] for g in groups if g["id"] == group)


# -- LINE ------------------------------------------------------------------------------------------------
def line_post(client, *events):
    body = line_body(*events)
    r = client.post("/webhooks/line", data=body, content_type="application/json",
                    headers={"X-Line-Signature": line_signature(LINE_SECRET, body)})
    assert r.status_code == 200


def line_reply(fake, token: str):
    calls = fake.wait_for(lambda c: [x for x in fake.sent("reply") if x.body["replyToken"] == token])
    found = [x for x in fake.sent("reply") if x.body["replyToken"] == token]
    assert len(found) == 1, f"expected one reply, calls: {[c.path for c in calls]}"
    return found[0].body["messages"]


def pushes_to(fake, user: str):
    return [c for c in fake.sent("push") if c.body["to"] == user]


def line_user_accepts(client, fake, question: str) -> tuple[str, str]:
    """A LINE user asks ``question`` (no answer yet) and taps "แจ้งฉันเมื่อมีคำตอบ"; their id and the group."""
    user = "U" + uuid.uuid4().hex
    ask = line_event(question, source={"type": "user", "userId": user})
    line_post(client, ask)
    messages = line_reply(fake, ask["replyToken"])
    offers = [i["action"] for i in messages[-1]["quickReply"]["items"] if i["action"]["type"] == "postback"]
    assert len(offers) == 1, "the fallback offers to tell the asker"
    assert offers[0]["label"] == "แจ้งฉันเมื่อมีคำตอบ" and offers[0]["displayText"] == "แจ้งฉันเมื่อมีคำตอบ"
    group = group_key(question)
    assert offers[0]["data"] == f"n={group}"
    tap = line_event(type_="postback", postback=offers[0]["data"], source={"type": "user", "userId": user})
    line_post(client, tap)
    confirm = line_reply(fake, tap["replyToken"])
    assert len(confirm) == 1 and confirm[0]["text"].startswith("ได้เลยครับ") and "30 วัน" in confirm[0]["text"]
    assert "quickReply" not in confirm[0]
    return user, group


def test_staff_answer_reaches_the_waiting_line_user_once(client, fake_line):
    question = unanswerable()
    user, group = line_user_accepts(client, fake_line, question)
    assert waiting(client, group) == 1

    r = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(question), "inbox_group": group})
    assert r.status_code == 201
    assert r.get_json()["notified"] == {"group": group, "waiting": 1, "sent": 1, "not_sent": 0,
                                        "outcomes": {"sent": 1}}
    pushes = pushes_to(fake_line, user)
    assert len(pushes) == 1 and not fake_line.errors
    assert UUID_RE.match(pushes[0].headers["X-Line-Retry-Key"])
    text = pushes[0].body["messages"][0]["text"]
    assert question in text and "ร้านเปิด 7 โมงเช้าถึงบ่าย 2 ครับ" in text and "ที่มา: Khon Kaen" in text
    assert waiting(client, group) == 0

    # The staff member's browser sends the request again: nobody waits any more, nothing is pushed.
    again = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(question), "inbox_group": group})
    assert again.status_code == 201 and again.get_json()["notified"]["waiting"] == 0
    assert len(pushes_to(fake_line, user)) == 1


def test_a_push_retried_after_a_server_error_or_timeout_keeps_its_retry_key(client, notify_app, fake_line):
    for failure in ("500", "timeout"):
        question = unanswerable()
        user, group = line_user_accepts(client, fake_line, question)
        before = len(fake_line.calls)
        if failure == "500":
            fake_line.fail_next = [500]
        else:  # LINE accepts the first push only after the bot stopped waiting (2 s): the retry gets 409
            fake_line.delay_next = [3.0]
        r = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(question), "inbox_group": group})
        assert r.get_json()["notified"]["sent"] == 1
        def attempts(calls, before=before, user=user):
            return [c for c in calls[before:] if c.path == "/v2/bot/message/push" and c.body["to"] == user]

        # Wait until the fake has answered both attempts (the slow first one finishes after the retry).
        tried = attempts(fake_line.wait_for(lambda calls: len(attempts(calls)) >= 2
                                            and all(c.status for c in attempts(calls))))
        assert len(tried) == 2, failure
        assert tried[0].headers["X-Line-Retry-Key"] == tried[1].headers["X-Line-Retry-Key"]
        assert sorted(c.status for c in tried) == ([200, 500] if failure == "500" else [200, 409])
        assert len(pushes_to(fake_line, user)) == 1, failure
        forget_staff_entries(client)
    assert not fake_line.errors


def test_two_workers_answering_at_once_tell_each_person_once(client, notify_app, fake_line):
    question = unanswerable()
    people = [line_user_accepts(client, fake_line, question)[0] for _ in range(4)]
    group = group_key(question)
    assert waiting(client, group) == 4
    bot, channels = notify_app.extensions["bot"], notify_app.extensions["channels"]
    record = client.post("/admin/api/faq", headers=AUTH, json=entry_for(question)).get_json()
    results: list[dict] = []
    start = threading.Barrier(2)

    def worker():
        start.wait()
        results.append(answer_group(bot, channels, group, record))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sum(r["sent"] for r in results) == 4
    for person in people:
        assert len(pushes_to(fake_line, person)) == 1


def test_the_offer_and_the_tap_work_only_in_the_bots_own_format(client, fake_line):
    # A group chat gets no offer: the answer could only be pushed to a 1:1 chat.
    source = {"type": "group", "groupId": "C" + uuid.uuid4().hex, "userId": "U" + uuid.uuid4().hex}
    ask = line_event(f"!bot {unanswerable()}", source=source)
    line_post(client, ask)
    items = line_reply(fake_line, ask["replyToken"])[-1].get("quickReply", {}).get("items", [])
    assert all(i["action"]["type"] == "message" for i in items)
    # A tap for a group that is not in the inbox (evicted, or made up) is answered politely.
    user = "U" + uuid.uuid4().hex
    tap = line_event(type_="postback", postback="n=" + "0" * 16, source={"type": "user", "userId": user})
    line_post(client, tap)
    assert "ไม่อยู่ในรายการ" in line_reply(fake_line, tap["replyToken"])[0]["text"]
    # Data in another format (another tool's button) is not the bot's: no answer at all. The user's events
    # are handled in order, so once the message after it is answered, the postback was handled too.
    other = line_event(type_="postback", postback="n=<script>", source={"type": "user", "userId": user})
    after = line_event("สวัสดีครับ", source={"type": "user", "userId": user})
    line_post(client, other, after)
    line_reply(fake_line, after["replyToken"])
    assert not [x for x in fake_line.sent("reply") if x.body["replyToken"] == other["replyToken"]]


def test_a_staff_answer_for_an_unknown_group_is_a_400(client):
    for bad in ("0" * 16, "not-a-group", 12, ["x"], None):
        r = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(unanswerable()), "inbox_group": bad})
        assert r.status_code == 400 and "inbox_group" in r.get_json()["fields"]


# -- the time limit ----------------------------------------------------------------------------------------
def test_the_waiting_list_has_a_time_limit(client, notify_app, fake_line):
    bot = notify_app.extensions["bot"]
    question = unanswerable()
    user, group = line_user_accepts(client, fake_line, question)
    r = bot.store.client
    ttl = r.ttl(WAIT + group)
    assert 30 * 24 * HOUR - 60 < ttl <= 30 * 24 * HOUR + 1  # NOTIFY_TTL, 30 days by default (rounded up)

    # Someone whose limit has passed is no longer counted, and is not told.
    late = "U" + uuid.uuid4().hex
    assert bot.inbox.wait(group, "line", late, "th", ttl=HOUR, now=time.time() - 2 * HOUR)
    assert waiting(client, group) == 1
    told = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(question), "inbox_group": group}).get_json()
    assert told["notified"]["waiting"] == 1 and pushes_to(fake_line, late) == []
    assert len(pushes_to(fake_line, user)) == 1

    # A list whose every entry is past its limit is gone from Redis at once (EXPIREAT in the past).
    forget_staff_entries(client)
    question2 = unanswerable()
    assert client.post("/api/ask", json={"text": question2}).get_json()["fallback"] is True
    lone = group_key(question2)
    assert bot.inbox.wait(lone, "line", late, "th", ttl=HOUR, now=time.time() - 2 * HOUR)
    assert not r.exists(WAIT + lone)


# -- Messenger ---------------------------------------------------------------------------------------------
def fb_post(client, *items):
    body = messenger_body(*items)
    r = client.post("/webhooks/messenger", data=body, content_type="application/json",
                    headers={"X-Hub-Signature-256": hub_signature(FB_SECRET, body)})
    assert r.status_code == 200


def fb_sent(fake, user: str, after: int = 0):
    return [c for c in fake.messages()[after:] if c.body["recipient"]["id"] == user]


def messenger_user_accepts(client, fake, question: str, hours_ago: float, by_postback: bool = False) -> str:
    user = str(uuid.uuid4().int)[:16]
    written = time.time() - hours_ago * HOUR
    ask = messenger_text(question, sender=user)
    ask["timestamp"] = int(written * 1000)
    fb_post(client, ask)
    fake.wait_for(lambda c: fb_sent(fake, user))
    message = fb_sent(fake, user)[-1].body["message"]
    offer = [q for q in message["quick_replies"] if q["payload"].startswith("n=")]
    assert offer == [{"content_type": "text", "title": "แจ้งฉันเมื่อมีคำตอบ", "payload": f"n={group_key(question)}"}]
    seen = len(fb_sent(fake, user))
    if by_postback:
        tap = messenger_postback(offer[0]["payload"], sender=user, title=offer[0]["title"])
    else:  # a quick reply tap arrives as a message carrying the payload
        tap = messenger_text(offer[0]["title"], sender=user, quick_payload=offer[0]["payload"])
    tap["timestamp"] = int((written + 5) * 1000)
    fb_post(client, tap)
    fake.wait_for(lambda c: len(fb_sent(fake, user)) > seen)
    assert fb_sent(fake, user)[-1].body["message"]["text"].startswith("ได้เลยครับ")
    fake.user_wrote(user, written + 5)  # from now on the fake refuses messages outside the window
    return user


def test_messenger_is_told_only_inside_the_24_hour_window(client, fake_graph):
    question = unanswerable()
    recent = messenger_user_accepts(client, fake_graph, question, hours_ago=0)
    earlier = messenger_user_accepts(client, fake_graph, question, hours_ago=23, by_postback=True)
    lapsed = messenger_user_accepts(client, fake_graph, question, hours_ago=25)
    group = group_key(question)
    assert waiting(client, group) == 3
    before = len(fake_graph.messages())
    metric = 'bot_notifications_total{channel="messenger",outcome="outside_window"}'

    def outside() -> float:
        text = client.get("/metrics").get_data(as_text=True)
        found = re.search(re.escape(metric) + r" (\S+)", text)
        return float(found.group(1)) if found else 0.0

    counted = outside()
    r = client.post("/admin/api/faq", headers=AUTH, json={**entry_for(question), "inbox_group": group})
    notified = r.get_json()["notified"]
    assert notified["sent"] == 2 and notified["not_sent"] == 1 and notified["outcomes"]["outside_window"] == 1
    for user in (recent, earlier):
        told = fb_sent(fake_graph, user, before)
        assert len(told) == 1 and told[0].body["messaging_type"] == "UPDATE"
        assert "ร้านเปิด 7 โมงเช้า" in told[0].body["message"]["text"]
    assert [c for c in fake_graph.calls if c.body.get("recipient", {}).get("id") == lapsed
            and c.body.get("messaging_type") == "UPDATE"] == []
    assert outside() == counted + 1
    assert waiting(client, group) == 0  # the lapsed person is not kept either
    assert not fake_graph.errors


def test_an_english_speaker_is_offered_and_told_in_english(client, fake_graph):
    question = f"What time does the {uuid.uuid4().hex[:6]} noodle shop open?"
    user = str(uuid.uuid4().int)[:16]
    fb_post(client, messenger_text(question, sender=user))
    fake_graph.wait_for(lambda c: fb_sent(fake_graph, user))
    offer = [q for q in fb_sent(fake_graph, user)[-1].body["message"]["quick_replies"] if q["payload"].startswith("n=")]
    assert [q["title"] for q in offer] == ["Tell me when known"]
    fb_post(client, messenger_text(offer[0]["title"], sender=user, quick_payload=offer[0]["payload"]))
    fake_graph.wait_for(lambda c: len(fb_sent(fake_graph, user)) > 1)
    assert fb_sent(fake_graph, user)[-1].body["message"]["text"].startswith("Sure. If staff answer this within 30 days")
    r = client.post("/admin/api/faq", headers=AUTH,
                    json={**entry_for(question), "inbox_group": offer[0]["payload"][2:]})
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["notified"]["sent"] == 1
    told = fb_sent(fake_graph, user)[-1].body["message"]["text"]
    assert told.startswith(f"You asked: “{question}”") and "It opens from 7 am to 2 pm." in told


# -- the staff pages, in Chromium -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def notify_server(notify_app):
    live = LiveServer(notify_app)
    yield live.url
    live.close()


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")
def test_staff_see_who_waits_and_answering_tells_them(browser, notify_server, notify_app, client,
                                                      fake_line):
    from bot.admin.users import Users

    question = unanswerable()
    user, group = line_user_accepts(client, fake_line, question)
    staff = f"web{uuid.uuid4().hex[:6]}"
    Users(notify_app.extensions["bot"].store).create(staff, "browser test password", "editor")
    # English pages (the Thai texts are checked by test_admin_i18n and the Thai browser tests).
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        login(page, notify_server, staff)
        page.goto(f"{notify_server}/admin/inbox")
        row = page.locator(f"tr[data-group='{group}']")
        assert row.locator(".tag.waiting").inner_text() == "1 waiting"
        shot(page, "inbox-waiting")
        row.locator("text=Answer this").click()
        assert "1 person waits for the answer" in page.inner_text("#waiting-note")
        page.fill("textarea[name=answer_th]", "ร้านเปิด 7 โมงเช้าถึงบ่าย 2 ครับ")
        page.fill("input[name=source]", "Khon Kaen municipality notice, 2024")
        page.click("#entry-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert "Sent the answer to 1 of 1 people waiting for it." in page.inner_text("body")
        shot(page, "inbox-answered")
        pushes = pushes_to(fake_line, user)
        assert len(pushes) == 1 and "ร้านเปิด 7 โมงเช้า" in pushes[0].body["messages"][0]["text"]
        page.goto(f"{notify_server}/admin/inbox")
        assert page.locator(f"tr[data-group='{group}'] .tag.waiting").count() == 0
    finally:
        context.close()
