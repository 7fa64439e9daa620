"""One person's messages are answered one at a time, in the order they were sent, each with the context the
previous answer left; different people in parallel. End to end under gunicorn with two web workers (as the
Procfile runs it) and two sender processes competing for the queue, LINE and Messenger against the fake
platform APIs, with several events per webhook body (as both platforms batch them when people type fast),
repeated for many people at once, bursts split over several webhooks, and every process killed in the
middle of a conversation."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
import urllib.error
import urllib.request
import uuid

from pathlib import Path

import pytest
import redis
from conftest import FB_PAGE_TOKEN, FB_SECRET, FB_VERIFY, LINE_SECRET, LINE_TOKEN
from fakes import hub_signature, line_body, line_event, line_signature, messenger_body, messenger_text
from redis_server import free_port
from test_gunicorn import Gunicorn, redis_url  # noqa: F401 - the module's own Redis fixture

from bot.channels.line import retry_key

ROOT = Path(__file__).resolve().parent.parent

#: The conversation review found answered out of order: the follow-ups only make sense after the first.
CONVERSATIONS = {
    "en": [("when was Khon Kaen certified", ("Khon Kaen",), ("Phuket",)),
           ("and Phuket?", ("Phuket", "6 May 2021"), ("Khon Kaen",)),
           ("which province?", ("Phuket province",), ("Khon Kaen",))],
    "th": [("ขอนแก่นได้รับรองเมื่อไหร่", ("ขอนแก่น",), ("ภูเก็ต",)),
           ("แล้วภูเก็ตล่ะ", ("ภูเก็ต", "6 พฤษภาคม 2564"), ("ขอนแก่น",)),
           ("อยู่จังหวัดไหน", ("จังหวัดภูเก็ต",), ("ขอนแก่น",))],
}
RATE_LIMIT = 5  # per user per minute in this server: the sixth message gets the note, later ones nothing


@pytest.fixture(scope="module")
def server(tmp_path_factory, data_dir, bot, redis_url, fake_line, fake_graph):  # noqa: F811
    own = tmp_path_factory.mktemp("order")
    shutil.copytree(data_dir / "models", own / "models")
    env = {**os.environ, "BOT_DATA_DIR": str(own), "REDIS_URL": redis_url, "LINE_CHANNEL_SECRET": LINE_SECRET,
           "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake_line.url,
           "MESSENGER_APP_SECRET": FB_SECRET, "MESSENGER_PAGE_ACCESS_TOKEN": FB_PAGE_TOKEN,
           "MESSENGER_VERIFY_TOKEN": FB_VERIFY, "MESSENGER_API_BASE_URL": fake_graph.url,
           "QUEUE_CLAIM_IDLE": "2", "SENDER_PROCESSES": "2", "USER_RATE_LIMIT": f"{RATE_LIMIT}/60", "RETRAIN_ON_EDIT": "0",
           "LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
    g = Gunicorn(free_port(), env)
    yield g
    g.stop()


def post(server, path: str, body: bytes, headers: dict) -> int:
    """One webhook, on a new connection each time, so successive posts land on either worker."""
    req = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Connection": "close", **headers})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def post_line(server, *events: dict) -> int:
    body = line_body(*events)
    return post(server, "/webhooks/line", body, {"X-Line-Signature": line_signature(LINE_SECRET, body)})


def post_messenger(server, *items: dict, batched: bool = False) -> int:
    body = messenger_body(*items, batched=batched)
    return post(server, "/webhooks/messenger", body, {"X-Hub-Signature-256": hub_signature(FB_SECRET, body)})


def line_answers(fake_line, events: list[dict]) -> list[tuple[int, str]]:
    """(which event, first text) of every accepted reply or push answering one of ``events``, in the order
    the fake LINE API received them (a push is known by its X-Line-Retry-Key, derived from the event id)."""
    tokens = {ev["replyToken"]: i for i, ev in enumerate(events)}
    keys = {retry_key(ev["webhookEventId"]): i for i, ev in enumerate(events)}
    out = []
    for call in list(fake_line.calls):
        if not getattr(call, "accepted", False) or not isinstance(call.body, dict) or "messages" not in call.body:
            continue
        which = tokens.get(call.body.get("replyToken")) if "replyToken" in call.body else \
            keys.get(call.headers.get("X-Line-Retry-Key"))
        if which is not None:
            out.append((which, call.body["messages"][0]["text"]))
    return out


def line_answers_in_order(fake_line, events: list[dict]) -> list[str]:
    """The text answering each event; fails unless each was answered exactly once, in sending order."""
    got = line_answers(fake_line, events)
    assert [which for which, _ in got] == list(range(len(events))), f"answered (event index): {got}"
    return [text for _, text in got]


def all_answered(fake_line, events: list[dict]) -> bool:
    return len({which for which, _ in line_answers(fake_line, events)}) == len(events)


def check_conversation(texts: list[str], lang: str) -> None:
    assert len(texts) == len(CONVERSATIONS[lang])
    for text, (question, wanted, unwanted) in zip(texts, CONVERSATIONS[lang], strict=True):
        assert all(w in text for w in wanted), f"{question!r} answered {text!r}"
        assert not any(u in text.split("\n")[0] for u in unwanted), f"{question!r} lost its context: {text!r}"


def line_conversation(lang: str, user: str) -> list[dict]:
    now = int(time.time() * 1000)
    source = {"type": "user", "userId": user}
    return [line_event(q, source=source, timestamp_ms=now + i) for i, (q, _, _) in enumerate(CONVERSATIONS[lang])]


def messenger_conversation(lang: str, user: str) -> list[dict]:
    now = int(time.time() * 1000)
    return [messenger_text(q, sender=user, timestamp_ms=now + i) for i, (q, _, _) in enumerate(CONVERSATIONS[lang])]


def run_all(jobs) -> None:
    """Run the posting jobs at once (different people write at the same time); each must succeed."""
    failures: list[BaseException] = []

    def run(job):
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures


def test_line_several_messages_per_body_for_many_people_at_once_are_answered_in_order(server, fake_line):
    people = [(("en", "th")[i % 2], "U" + uuid.uuid4().hex) for i in range(12)]
    convos = {user: line_conversation(lang, user) for lang, user in people}
    run_all([lambda evs=evs: post_line(server, *evs) == 200 or pytest.fail("webhook not 200")
             for evs in convos.values()])
    fake_line.wait_for(lambda c: all(all_answered(fake_line, evs) for evs in convos.values()), timeout=120)
    for lang, user in people:
        check_conversation(line_answers_in_order(fake_line, convos[user]), lang)
    assert not fake_line.errors


def test_line_bursts_split_over_several_webhooks_are_answered_in_order(server, fake_line):
    """A person's messages arrive in several webhooks, one after the other, each on any worker."""
    people = [(("en", "th")[i % 2], "U" + uuid.uuid4().hex) for i in range(8)]
    convos = {user: line_conversation(lang, user) for lang, user in people}

    def send(events: list[dict], split: int) -> None:
        groups = [events[:1], events[1:]] if split == 2 else [[ev] for ev in events]
        for group in groups:
            assert post_line(server, *group) == 200

    run_all([lambda evs=convos[user], i=i: send(evs, 2 + i % 2) for i, (_, user) in enumerate(people)])
    fake_line.wait_for(lambda c: all(all_answered(fake_line, evs) for evs in convos.values()), timeout=120)
    for lang, user in people:
        check_conversation(line_answers_in_order(fake_line, convos[user]), lang)


@pytest.mark.parametrize("batched", [True, False], ids=["one-entry-per-item", "items-in-one-entry"])
def test_messenger_several_messages_per_body_for_many_people_at_once_are_answered_in_order(server, fake_graph,
                                                                                          batched):
    people = [(("en", "th")[i % 2], str(uuid.uuid4().int)[:16]) for i in range(10)]
    convos = {user: messenger_conversation(lang, user) for lang, user in people}
    run_all([lambda items=items: post_messenger(server, *items, batched=batched) == 200 or pytest.fail("not 200")
             for items in convos.values()])
    fake_graph.wait_for(lambda c: all(len(fake_graph.messages_to({"id": u})) >= 3 for u in convos), timeout=120)
    for lang, user in people:
        calls = fake_graph.messages_to({"id": user})
        check_conversation([c.body["message"]["text"] for c in calls], lang)  # exactly three, in this order
    assert not fake_graph.errors


def test_messenger_bursts_split_over_several_webhooks_are_answered_in_order(server, fake_graph):
    people = [(("en", "th")[i % 2], str(uuid.uuid4().int)[:16]) for i in range(6)]
    convos = {user: messenger_conversation(lang, user) for lang, user in people}

    def send(items: list[dict]) -> None:
        for item in items:
            assert post_messenger(server, item) == 200

    run_all([lambda items=items: send(items) for items in convos.values()])
    fake_graph.wait_for(lambda c: all(len(fake_graph.messages_to({"id": u})) >= 3 for u in convos), timeout=120)
    for lang, user in people:
        check_conversation([c.body["message"]["text"] for c in fake_graph.messages_to({"id": user})], lang)


def test_the_rate_limit_note_comes_after_the_last_allowed_answer(server, fake_line, redis_url):  # noqa: F811
    """Seven messages in one body: five answers in order, then the note, then nothing (the user limit is
    five a minute here)."""
    user = "U" + uuid.uuid4().hex
    source = {"type": "user", "userId": user}
    now = int(time.time() * 1000)
    events = [line_event(f"7 Smarts คืออะไร {i}", source=source, timestamp_ms=now + i) for i in range(RATE_LIMIT + 2)]
    assert post_line(server, *events) == 200
    r = redis.Redis.from_url(redis_url, decode_responses=True)
    deadline = time.monotonic() + 60
    while r.exists(f"{{events}}:conv:line:{user}") and time.monotonic() < deadline:  # all seven handled
        time.sleep(0.1)
    assert not r.exists(f"{{events}}:conv:line:{user}")
    texts = line_answers_in_order(fake_line, events[: RATE_LIMIT + 1])  # the seventh got nothing
    assert len(line_answers(fake_line, events)) == RATE_LIMIT + 1
    assert all("รอสักครู่" not in t for t in texts[:RATE_LIMIT]) and "รอสักครู่" in texts[-1]


def test_a_worker_killed_mid_conversation_the_rest_is_answered_once_and_in_order(server, fake_line):
    """SIGKILL every process while the first answer of a three-message body is in flight: the new ones take
    the conversation over where it stopped; the first answer is not sent again, the others follow in order."""
    user = "U" + uuid.uuid4().hex
    events = line_conversation("en", user)
    fake_line.delay = 3.0
    try:
        assert post_line(server, *events) == 200
        fake_line.wait_for(lambda c: [x for x in c if isinstance(x.body, dict)
                                      and x.body.get("replyToken") == events[0]["replyToken"]], timeout=30)
        for pid in server.senders() + server.workers():  # whichever was answering dies mid-conversation
            os.kill(pid, signal.SIGKILL)
    finally:
        fake_line.delay = 0.0
    server.wait_until_serving()
    fake_line.wait_for(lambda c: {which for which, _ in line_answers(fake_line, events)} >= {1, 2}, timeout=90)
    attempts = [x for x in list(fake_line.calls) if isinstance(x.body, dict) and "messages" in x.body and (
        x.body.get("replyToken") in {ev["replyToken"] for ev in events} or x.body.get("to") == user)]
    assert len(attempts) == 3  # the first answer only tried once, never again
    assert [which for which, _ in line_answers(fake_line, events) if which] == [1, 2]  # the rest once, in order
    texts = [text for which, text in line_answers(fake_line, events) if which]
    assert "Phuket" in texts[0] and "Phuket province" in texts[1]
