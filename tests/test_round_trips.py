"""The hot path's Redis round trips, counted by a real server: one before answering, one after.

``total_reads_processed`` (``INFO stats``) counts the server's reads from clients; a pipeline of a few small
commands arrives in one read, so on a server only this test's app uses, the difference over a request is
its number of round trips (plus one for the ``INFO`` that reads the counter). A regression (a context load,
a rate limit or a statistics write on its own again) shows here without any timing.
"""

from __future__ import annotations

import shutil
import uuid

import pytest
import redis
from conftest import FB_PAGE_TOKEN, FB_SECRET, FB_VERIFY, LINE_SECRET, LINE_TOKEN
from fakes import hub_signature, line_body, line_event, line_signature, messenger_body, messenger_text
from redis_server import RedisProcess, free_port

from bot.app import create_app
from bot.queue import mailbox_key
from bot.stats import Stats


@pytest.fixture(scope="module")
def own_app(tmp_path_factory, data_dir, bot):
    """An app on a Redis server of its own, so every read the server counts is this app's or this test's."""
    work = tmp_path_factory.mktemp("round-trips")
    shutil.copytree(data_dir / "models", work / "models")
    server = RedisProcess(free_port(), work)
    server.start()
    # The channels are on so that webhooks can be counted; no sender thread runs (nothing is answered).
    app = create_app({"BOT_DATA_DIR": str(work), "REDIS_URL": server.url, "TESTING": True, "RETRAIN_ON_EDIT": False,
                      "API_IP_RATE_LIMIT": "1000/60", "USER_RATE_LIMIT": "4/60", "SECRET_KEY": "round-trips",
                      "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN,
                      "LINE_API_BASE_URL": f"http://127.0.0.1:{free_port()}", "MESSENGER_APP_SECRET": FB_SECRET,
                      "MESSENGER_PAGE_ACCESS_TOKEN": FB_PAGE_TOKEN, "MESSENGER_VERIFY_TOKEN": FB_VERIFY,
                      "MESSENGER_API_BASE_URL": f"http://127.0.0.1:{free_port()}"})
    # The knowledge stamp is checked at most twice a second (bot.live), outside the two round trips of a
    # message; this test checks the messages' own trips, so that check is kept out of the way.
    app.extensions["bot"].live.interval = 3600.0
    yield app, redis.Redis.from_url(server.url, decode_responses=True)
    server.stop()


def trips(counter: redis.Redis, action) -> tuple[int, object]:
    """The round trips ``action()`` makes, and what it returned."""
    before = int(counter.info("stats")["total_reads_processed"])
    result = action()
    return int(counter.info("stats")["total_reads_processed"]) - before - 1, result


def test_api_ask_costs_one_round_trip_before_answering_and_one_after(own_app):
    app, counter = own_app
    client = app.test_client()
    bot = app.extensions["bot"]
    client.post("/api/ask", json={"text": "hello"})  # opens the app's pooled connection
    user = f"rt-{uuid.uuid4().hex[:8]}"

    def ask(text: str):
        return lambda: client.post("/api/ask", json={"text": text, "user_id": user})

    n, first = trips(counter, ask("ภูเก็ตได้รับรองเมื่อไหร่"))
    assert first.status_code == 200 and first.get_json()["intent"] == "city_date" and n == 2
    n, follow_up = trips(counter, ask("อยู่จังหวัดไหน"))  # needs the context the first one saved
    assert follow_up.get_json()["entities"].get("city") == "phuket" and n == 2
    question = f"ภูเก็ตมีโรงแรมแนะนำไหม {uuid.uuid4().hex[:6]}"
    n, fallback = trips(counter, ask(question))  # context, statistics and the inbox: still one trip after
    assert fallback.get_json()["fallback"] is True and n == 2
    assert any(g["text"] == question for g in bot.inbox.groups(50))
    today = Stats(bot.store).counts(1)[0][1]
    assert today.messages["web"] >= 4 and today.fallbacks["web"] >= 1 and today.intents["city_date"] >= 1


def test_a_question_without_user_id_still_costs_two_round_trips(own_app):
    app, counter = own_app
    client = app.test_client()
    client.post("/api/ask", json={"text": "hello"})
    n, r = trips(counter, lambda: client.post("/api/ask", json={"text": "What is depa?"}))
    assert r.status_code == 200 and n == 2  # the address's limit before; statistics after


def test_a_channel_message_costs_two_round_trips_and_over_the_limit_one(own_app):
    """The webhook path (a queued LINE or Messenger event answered by a sender thread) goes through the same
    dialogue: its user's limit and context before, the writes after; a message over the limit is refused
    after the first trip and writes nothing."""
    app, counter = own_app
    dialogue = app.extensions["bot"].dialogue
    user = f"rt-{uuid.uuid4().hex[:8]}"
    dialogue.respond("hello", user_id=f"warm-{user}", channel="line")
    counts = []
    for _ in range(4):  # USER_RATE_LIMIT 4/60
        n, reply = trips(counter, lambda: dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line"))
        assert reply.intent == "city_date"
        counts.append(n)
    n, note = trips(counter, lambda: dialogue.respond("ขอนแก่นได้รับรองเมื่อไหร่", user_id=user, channel="line"))
    assert counts == [2, 2, 2, 2]
    assert note.intent == "rate_limited" and note.text and note.lang == "th" and n == 1
    assert 1 <= note.retry_after <= 60


def test_over_the_address_limit_is_a_429_after_one_round_trip(own_app):
    app, counter = own_app
    client = app.test_client()
    addr = f"10.77.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    def post():
        return client.post("/api/ask", json={"text": "hi", "user_id": "x" + addr},
                           environ_base={"REMOTE_ADDR": addr})
    post()
    counter.incrby(f"{{rl}}:ip:api:{addr}:1000/60", 998)  # the address's other requests this minute
    assert post().status_code == 200  # the 1000th
    n, refused = trips(counter, post)
    assert refused.status_code == 429 and n == 1
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_a_webhook_queues_all_its_events_in_one_round_trip(own_app):
    """LINE and Meta put several messages, of one person or several, into one webhook: de-duplicating and
    queueing them all costs one round trip, and so does the platform's redelivery of the same body (which
    queues nothing)."""
    app, counter = own_app
    client = app.test_client()

    def line(body: bytes):
        headers = {"X-Line-Signature": line_signature(LINE_SECRET, body)}
        return lambda: client.post("/webhooks/line", data=body, content_type="application/json", headers=headers)

    def messenger(body: bytes):
        headers = {"X-Hub-Signature-256": hub_signature(FB_SECRET, body)}
        return lambda: client.post("/webhooks/messenger", data=body, content_type="application/json", headers=headers)

    line(line_body(line_event("hello")))()  # loads the accepting script into this server
    ann, ben = f"Urt{uuid.uuid4().hex[:8]}", f"Urt{uuid.uuid4().hex[:8]}"
    body = line_body(*(line_event(f"question {i}", source={"type": "user", "userId": who})
                       for i, who in enumerate((ann, ben, ann))))
    for _ in range(2):  # the second time: LINE redelivering the same webhook
        n, r = trips(counter, line(body))
        assert r.status_code == 200 and n == 1
        assert counter.llen(mailbox_key("line", ann)) == 2 and counter.llen(mailbox_key("line", ben)) == 1

    carl = str(uuid.uuid4().int)[:16]
    items = [messenger_text(f"question {i}", sender=carl) for i in range(3)]
    for batched in (True, False):  # one entry per item, or all in one entry: the same events
        n, r = trips(counter, messenger(messenger_body(*items, batched=batched)))
        assert r.status_code == 200 and n == 1
        assert sum(counter.llen(k) for k in counter.scan_iter(f"{{events}}:conv:messenger:*{carl}*")) == 3
