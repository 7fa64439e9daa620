"""Webhook benchmark (not a test): the bot under gunicorn against a hello-world baseline, end to end.

    python bench/webhook.py [--seconds 10] [--rate 200] [--concurrency 16] [--users 4]
    SENDER_PROCESSES=0 python bench/webhook.py   # sender threads in the web workers (the earlier layout)
    SENDER_THREADS=0 python bench/webhook.py     # the acknowledgement path alone (nothing is answered)

Starts a fake LINE API (tests/fakes.py, in a process of its own: bench/fake_line_server.py), a Redis
(REDIS_URL or an embedded one), and gunicorn with 2 workers and 4 threads each serving
``bot.app:create_app()``, and the sender process the master starts beside them
(``SENDER_PROCESSES``, 1 by default; ``SENDER_PROCESSES=0`` for sender threads in the workers instead);
then the same gunicorn settings serving a hello-world Flask route that only reads the body. The load
generator sends signed LINE webhooks with one to three text events of one user each (as LINE batches a
person's messages when they type fast); every client writes as ``--users`` people in turn, each person's
events in sending order. First as fast as it can (the
acknowledgement rate), then paced at ``--rate`` events/s (latency at that rate).

It then waits until every event is answered (a reply, or a push when the reply token has expired: both
count) or no answer has come for 30 s, and reports from what the fake LINE API received: events answered
end to end, duplicates (an event answered twice), per-user order violations (an answer arriving before the
answer to an earlier message of the same person), the acknowledgement rate as a ratio to hello world in
the same run (target >= 0.5), and the end-to-end answering rate (events answered per second, from the first
event sent to the last answer received). The per-user rate limit is lifted for the run (each simulated
person writes far faster than people do), so every event must be answered.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fakes import line_body, line_event, line_signature  # noqa: E402
from redis_server import free_port  # noqa: E402

from bot.channels.line import retry_key  # noqa: E402

SECRET, TOKEN = "bench-secret", "bench-token"
QUESTIONS = ["ขอนแก่นได้รับรองเมื่อไหร่", "What is Phuket planning as a smart city?", "7 Smarts คืออะไร",
             "where is wangchan valley", "แล้วภูเก็ตล่ะ", "ภูเก็ตมีโรงแรมแนะนำไหม", "สวัสดีครับ", "ดีป้าคืออะไร"]
EVENTS_PER_BODY = (1, 1, 2, 3)  # a person's messages batched into one webhook now and then

HELLO_APP = '''
from flask import Flask, request
app = Flask(__name__)

@app.post("/webhooks/line")
def hello():
    request.get_data()
    return "OK"
'''


@dataclass
class Sent:
    """One event the load generator sent: whose, which of theirs (0, 1, 2...), how to recognise its answer."""

    user: str
    seq: int
    token: str
    key: str  # the X-Line-Retry-Key of a push answering it
    at: float  # time.monotonic() when its webhook was sent


def start_gunicorn(app: str, env: dict, cwd: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    # The production settings and hooks (post_worker_init starts the sender threads), for both apps.
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf",
                             "--bind", f"127.0.0.1:{port}", "--workers", "2",
                             "--threads", "4", "--timeout", "30", app], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("POST", "/webhooks/line", body=b"{}", headers={"X-Line-Signature": "x"})
            conn.getresponse().read()
            return proc, port
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn for {app} did not start")


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def load(port: int, seconds: float, concurrency: int, rate: float | None, users: int,
         tag: str) -> tuple[list[float], list[Sent], int]:
    """Send webhooks for ``seconds``; with ``rate``, paced to about that many events per second overall.
    Returns the acknowledgement latencies, the events sent and the number of failed webhooks."""
    latencies: list[float] = []
    sent: list[Sent] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    mean_events = sum(EVENTS_PER_BODY) / len(EVENTS_PER_BODY)
    interval = concurrency * mean_events / rate if rate else 0.0

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        rnd = random.Random(i)
        people = [f"Ub{tag}{i}x{k}" for k in range(users)]
        seqs = dict.fromkeys(people, 0)
        next_at = time.monotonic() + rnd.random() * interval
        turn = 0
        while time.monotonic() < stop_at:
            if interval:
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                next_at += interval
            user = people[turn % users]
            turn += 1
            now_ms = int(time.time() * 1000)
            events = [line_event(rnd.choice(QUESTIONS), source={"type": "user", "userId": user}, timestamp_ms=now_ms + n)
                      for n in range(rnd.choice(EVENTS_PER_BODY))]
            body = line_body(*events)
            headers = {"Content-Type": "application/json", "X-Line-Signature": line_signature(SECRET, body)}
            started = time.perf_counter()
            try:
                conn.request("POST", "/webhooks/line", body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = time.perf_counter() - started
            with lock:
                if not ok:
                    errors[0] += 1
                    continue
                latencies.append(elapsed)
                for ev in events:
                    sent.append(Sent(user, seqs[user], ev["replyToken"], retry_key(ev["webhookEventId"]),
                                     time.monotonic()))
                    seqs[user] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, sent, errors[0]


class RemoteFakeLine:
    """The fake LINE API in a process of its own (bench/fake_line_server.py), read over HTTP."""

    def __init__(self, token: str):
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "fake_line_server.py"), token],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        self.host, self.port = self.url.removeprefix("http://").split(":")

    def _get(self, method: str, path: str) -> bytes:
        conn = http.client.HTTPConnection(self.host, int(self.port), timeout=30)
        try:
            conn.request(method, path)
            return conn.getresponse().read()
        finally:
            conn.close()

    def state(self) -> dict:
        """``calls`` and ``errors`` so far, and ``sent``: each accepted reply or push as [kind, key, at]."""
        return json.loads(self._get("GET", "/__bench/sent"))

    def clear(self) -> None:
        self._get("POST", "/__bench/clear")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def answers(fake: RemoteFakeLine, sent: list[Sent], state: dict | None = None
            ) -> tuple[list[tuple[Sent, float]], int]:
    """Accepted replies and pushes answering ``sent``, in the order the fake received them, with the time;
    and how many calls answered an event already answered (duplicates)."""
    by_token = {s.token: s for s in sent}
    by_key = {s.key: s for s in sent}
    seen: set[str] = set()
    out, duplicates = [], 0
    for kind, key, at in (state or fake.state())["sent"]:
        s = by_token.get(key) if kind == "reply" else by_key.get(key)
        if s is None:
            continue
        if s.token in seen:
            duplicates += 1
            continue
        seen.add(s.token)
        out.append((s, at))
    return out, duplicates


def order_violations(answered: list[tuple[Sent, float]]) -> int:
    """Answers that arrived after the answer to a later message of the same person."""
    latest: dict[str, int] = {}
    violations = 0
    for s, _ in answered:
        if s.seq < latest.get(s.user, -1):
            violations += 1
        latest[s.user] = max(latest.get(s.user, -1), s.seq)
    return violations


def wait_for_answers(fake: RemoteFakeLine, sent: list[Sent], quiet: float = 30.0) -> None:
    """Until every event is answered, or no new answer has come for ``quiet`` seconds."""
    last_count, last_change = -1, time.monotonic()
    while True:
        count = len(answers(fake, sent)[0])
        if count >= len(sent):
            return
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > quiet:
            return
        time.sleep(0.5)


def settle(fake: RemoteFakeLine, quiet: float = 3.0, limit: float = 60.0) -> None:
    """Until the fake API has received nothing new for ``quiet`` seconds (at most ``limit``)."""
    deadline = time.monotonic() + limit
    count, since = fake.state()["calls"], time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet:
        time.sleep(0.5)
        if fake.state()["calls"] != count:
            count, since = fake.state()["calls"], time.monotonic()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--rate", type=float, default=200.0, help="events per second in the paced run")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--users", type=int, default=4, help="people each client writes as, in turn")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    fake = RemoteFakeLine(TOKEN)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
           "LINE_API_BASE_URL": fake.url, "LOG_LEVEL": "ERROR", "USER_RATE_LIMIT": "1000000/10",
           "RETRAIN_ON_EDIT": "0", "BOT_DATA_DIR": os.environ.get("BOT_DATA_DIR", str(work / "data"))}
    embedded = None
    if not os.environ.get("REDIS_URL"):
        from bot.embedded import start_embedded

        env["REDIS_URL"] = start_embedded(work / "redis-data")
        embedded = env["REDIS_URL"]
    # Train (or load) the model once before the workers start.
    subprocess.run([sys.executable, "-c", "from bot.config import load_config; from bot.service import build_bot;"
                    " build_bot(load_config())"], env=env, cwd=ROOT, check=True)
    (work / "hello_app.py").write_text(HELLO_APP)
    senders = os.environ.get("SENDER_THREADS", "2")
    processes = os.environ.get("SENDER_PROCESSES", "1")

    results: dict[str, dict] = {}
    for name, app, cwd in (("hello world", "hello_app:app", work), ("bot", "bot.app:create_app()", ROOT)):
        # Hello world gets no sender process (the master would start one: same settings and hooks).
        proc, port = start_gunicorn(app, {**env, "SENDER_PROCESSES": "0"} if name == "hello world" else env, cwd)
        try:
            load(port, 2.0, args.concurrency, None, args.users, f"w{name[0]}")  # warm up
            if name == "bot" and senders != "0":
                settle(fake)  # the warm-up's answers out of the way
            fake.clear()
            started = time.monotonic()
            lat, sent, errors = load(port, args.seconds, args.concurrency, None, args.users, f"m{name[0]}")
            paced, paced_sent, paced_errors = load(port, args.seconds, args.concurrency, args.rate, args.users,
                                                   f"p{name[0]}")
            result = {
                "ack_rate": len(sent) / args.seconds, "requests": len(lat) / args.seconds,
                "p50": np.percentile(lat, 50) * 1000, "p99": np.percentile(lat, 99) * 1000,
                "errors": errors + paced_errors, "paced_rate": len(paced_sent) / args.seconds,
                "paced_p50": np.percentile(paced, 50) * 1000, "paced_p99": np.percentile(paced, 99) * 1000,
            }
            if name == "bot" and senders != "0":
                everything = sent + paced_sent
                wait_for_answers(fake, everything)
                state = fake.state()
                answered, duplicates = answers(fake, everything, state)
                last = max((at for _, at in answered), default=started)
                delays = [at - s.at for s, at in answered]
                result.update(events=len(everything), answered=len(answered), duplicates=duplicates,
                              violations=order_violations(answered), e2e_rate=len(answered) / (last - started),
                              e2e_p50=np.percentile(delays, 50) if delays else float("nan"),
                              e2e_p99=np.percentile(delays, 99) if delays else float("nan"),
                              pushes=sum(1 for kind, _, _ in state["sent"] if kind == "push"),
                              refused=state["errors"])
            results[name] = result
        finally:
            stop(proc)
    fake.close()

    hw, bot = results["hello world"], results["bot"]
    where = f"in each of {processes} sender process(es) beside the workers" if processes != "0" else "per worker"
    mode = "acknowledge only (SENDER_THREADS=0: nothing answered)" if senders == "0" else \
        f"acknowledge and answer ({senders} sender threads {where}; fake LINE API and load generator on the same cores)"
    print(f"\ngunicorn: 2 workers x 4 threads; {args.concurrency} clients, {args.users} people each, "
          f"1-3 events per webhook; {args.seconds:.0f} s per run")
    print(f"bot mode: {mode}")
    print(f"{'':36} {'hello world':>12} {'bot':>12}")
    print("-" * 62)
    print(f"{'events acknowledged per second':36} {hw['ack_rate']:12.0f} {bot['ack_rate']:12.0f}")
    print(f"{'  webhooks per second':36} {hw['requests']:12.0f} {bot['requests']:12.0f}")
    print(f"{'  webhook latency p50 (ms)':36} {hw['p50']:12.1f} {bot['p50']:12.1f}")
    print(f"{'  webhook latency p99 (ms)':36} {hw['p99']:12.1f} {bot['p99']:12.1f}")
    print(f"{f'paced at {args.rate:.0f} events/s: achieved':36} {hw['paced_rate']:12.0f} {bot['paced_rate']:12.0f}")
    print(f"{'  webhook latency p50 (ms)':36} {hw['paced_p50']:12.1f} {bot['paced_p50']:12.1f}")
    print(f"{'  webhook latency p99 (ms)':36} {hw['paced_p99']:12.1f} {bot['paced_p99']:12.1f}")
    print(f"{'failed webhooks':36} {hw['errors']:12d} {bot['errors']:12d}")
    print(f"\nacknowledgement rate, bot / hello world: {bot['ack_rate'] / hw['ack_rate']:.2f} (target >= 0.5)")
    if senders != "0":
        print(f"events answered end to end (reply or push): {bot['answered']} of {bot['events']} "
              f"({bot['pushes']} by push); duplicates: {bot['duplicates']}; "
              f"per-user order violations: {bot['violations']}; refused by the fake API: {bot['refused']}")
        print(f"end-to-end answering rate: {bot['e2e_rate']:.0f} events/s (first event sent to last answer); "
              f"time to answer p50 / p99: {bot['e2e_p50']:.1f} / {bot['e2e_p99']:.1f} s")
    if embedded:
        print("(Redis: embedded)")


if __name__ == "__main__":
    main()
