"""End to end under gunicorn, as the Procfile runs it: two web workers acknowledge webhooks, a sender
process beside them (bot/sender_process.py) answers each event exactly once, and when it is killed the
master starts another that answers what it left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from conftest import LINE_SECRET, LINE_TOKEN
from fakes import line_body, line_event, line_signature
from helpers import wait_for_queue
from redis_server import RedisProcess, free_port
from serve_process import sender_processes, web_workers

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Redis for this module alone (or REDIS_URL's server when set)."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server = RedisProcess(free_port(), tmp_path_factory.mktemp("redis"))
    server.start()
    yield server.url
    server.stop()


class Gunicorn:
    def __init__(self, port: int, env: dict):
        self.port, self.env = port, env
        self.sender_count = int(env.get("SENDER_PROCESSES", 1))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--threads", "4", "bot.app:create_app()"],  # as the Procfile runs it
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                if len(self.workers()) == 2 and len(self.senders()) == self.sender_count:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()  # nothing left running behind a failed start
        raise RuntimeError("gunicorn did not start")

    def wait_until_serving(self, timeout: float = 90) -> None:
        """Until a worker answers: after a kill gunicorn boots new ones, about 10 s each, far more on a busy
        machine (20 s were seen with other test suites running on the same two cores)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/livez", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("no gunicorn worker is serving")

    def workers(self) -> list[int]:
        """The web workers."""
        return web_workers(self.proc.pid)

    def senders(self) -> list[int]:
        """The sender processes (bot/sender_process.py) that answer the queue."""
        return sender_processes(self.proc.pid)

    def post(self, body: bytes, signature: str) -> tuple[int, float]:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/webhooks/line", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-Line-Signature": signature})
        started = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, time.monotonic() - started
        except urllib.error.HTTPError as exc:
            return exc.code, time.monotonic() - started

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory, data_dir, bot, redis_url, fake_line):
    own = tmp_path_factory.mktemp("gunicorn")
    shutil.copytree(data_dir / "models", own / "models")
    env = {**os.environ, "BOT_DATA_DIR": str(own), "REDIS_URL": redis_url, "LINE_CHANNEL_SECRET": LINE_SECRET,
           "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake_line.url, "QUEUE_CLAIM_IDLE": "2",
           "LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
    g = Gunicorn(free_port(), env)
    yield g
    g.stop()


def _replies(fake_line, token):
    return [c for c in fake_line.sent("reply") if c.body["replyToken"] == token]


def test_same_event_three_times_concurrently_to_two_workers_is_answered_once(server, fake_line, redis_url):
    ev = line_event("ขอนแก่นได้รับรองเมื่อไหร่")
    body = line_body(ev)
    sig = line_signature(LINE_SECRET, body)
    results = []
    threads = [threading.Thread(target=lambda: results.append(server.post(body, sig))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [status for status, _ in results] == [200, 200, 200]
    fake_line.wait_for(lambda c: _replies(fake_line, ev["replyToken"]))
    wait_for_queue(redis.Redis.from_url(redis_url))  # every worker is done with what was queued
    assert len(_replies(fake_line, ev["replyToken"])) == 1
    assert "6 พฤษภาคม 2564" in _replies(fake_line, ev["replyToken"])[0].body["messages"][0]["text"]


def test_webhook_answers_within_a_second_while_the_line_api_is_slow(server, fake_line):
    fake_line.delay = 5.0
    try:
        ev = line_event("where is samyan")
        body = line_body(ev)
        status, seconds = server.post(body, line_signature(LINE_SECRET, body))
        assert status == 200 and seconds < 1.0
        fake_line.wait_for(lambda c: _replies(fake_line, ev["replyToken"]), timeout=20)
        assert len(_replies(fake_line, ev["replyToken"])) == 1
    finally:
        fake_line.delay = 0.0


def test_event_taken_by_a_worker_that_died_is_answered_once_by_another(server, fake_line, redis_url):
    """A consumer takes the event from the queue and dies without acknowledging it (as a SIGKILLed worker
    would): a live worker claims it after the idle time and answers it exactly once."""
    import json as _json

    r = redis.Redis.from_url(redis_url, decode_responses=True)
    # The entry is in the format of the version before per-conversation mailboxes (one event with its payload),
    # as a rolling upgrade leaves them; test_order.py kills a worker in the middle of a conversation.
    ev = line_event("แม่เมาะได้รับรองเมื่อไหร่")
    r.set(f"{{events}}:seen:line:{ev['webhookEventId']}", "1", ex=3600)
    # XADD and the doomed consumer's read in one transaction: Redis serves the workers' blocked reads only
    # after EXEC, so the doomed consumer is certain to own the event.
    pipe = r.pipeline(transaction=True)
    pipe.xadd("{events}:stream", {"channel": "line", "id": ev["webhookEventId"],
                                  "payload": _json.dumps(ev, ensure_ascii=False), "received": str(time.time())})
    pipe.xreadgroup("senders", "doomed-worker", {"{events}:stream": ">"}, count=100)
    _, taken = pipe.execute()
    assert any(f["id"] == ev["webhookEventId"] for _, msgs in taken for _, f in msgs)
    fake_line.wait_for(lambda c: _replies(fake_line, ev["replyToken"]), timeout=20)
    wait_for_queue(redis.Redis.from_url(redis_url))  # acknowledged: no worker can claim it again
    assert len(_replies(fake_line, ev["replyToken"])) == 1


def test_sender_killed_mid_request_never_causes_a_second_reply(server, fake_line, redis_url):
    """SIGKILL every process while the reply is in flight: the platform got the request once; the master
    starts new ones, and the one that reclaims the event must not send it again."""
    fake_line.delay = 3.0
    try:
        ev = line_event("ภูเก็ตอยู่จังหวัดไหน")
        body = line_body(ev)
        assert server.post(body, line_signature(LINE_SECRET, body))[0] == 200
        fake_line.wait_for(lambda c: [x for x in c if x.path == "/v2/bot/message/reply"
                                 and x.body.get("replyToken") == ev["replyToken"]], timeout=10)
        killed = server.senders() + server.workers()  # whichever was sending dies mid-request
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
    finally:
        fake_line.delay = 0.0
    server.wait_until_serving()  # gunicorn starts new workers, and the master a new sender process
    # The new sender reclaims the event (QUEUE_CLAIM_IDLE 2 s), sees it was being sent, and acknowledges it.
    wait_for_queue(redis.Redis.from_url(redis_url), timeout=90)
    attempts = [x for x in fake_line.calls if x.path in ("/v2/bot/message/reply", "/v2/bot/message/push")
                and (x.body.get("replyToken") == ev["replyToken"] or x.body.get("to") == ev["source"]["userId"])]
    assert len(attempts) == 1
    assert len(server.workers()) == 2 and len(server.senders()) == server.sender_count  # it is back
    assert not set(killed) & set(server.senders() + server.workers())


def test_bad_signature_is_400_under_gunicorn(server):
    body = line_body(line_event("hello"))
    assert server.post(body, "invalid")[0] == 400


def test_metrics_add_up_across_workers(server):
    """Each scrape lands on one worker, yet shows the counts of both (prometheus multiprocess mode)."""
    import json as _json

    def scrape() -> dict[str, float]:
        text = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=5).read().decode()
        values = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                values[name] = float(value)
        return values

    key = 'bot_messages_total{channel="web",lang="en"}'
    before = scrape().get(key, 0.0)
    for i in range(20):  # keep-alive off: the requests spread over both workers
        req = urllib.request.Request(f"http://127.0.0.1:{server.port}/api/ask", method="POST",
                                     data=_json.dumps({"text": "what is depa", "user_id": f"m{i}"}).encode(),
                                     headers={"Content-Type": "application/json", "Connection": "close"})
        urllib.request.urlopen(req, timeout=10).read()
    for _ in range(6):  # whichever worker answers the scrape
        values = scrape()
        assert values[key] == before + 20
        assert values["bot_redis_up"] == 1.0
        assert any(k.startswith("bot_webhook_seconds_bucket") for k in values)


def test_a_worker_freezes_what_loading_built_out_of_full_collections(monkeypatch):
    """Once a worker's app is loaded, what it built (model, index, knowledge) is out of the cycle collector's
    full collections, which otherwise walked it all now and then in the middle of an answer."""
    import gc
    from types import SimpleNamespace

    import bot.background
    import bot.gunicorn_conf as conf

    started = []
    monkeypatch.setattr(bot.background, "start_background", lambda app, senders: started.append(app))
    worker = SimpleNamespace(wsgi=object())
    before = gc.get_freeze_count()
    try:
        conf.post_worker_init(worker)
        assert started == [worker.wsgi]
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
