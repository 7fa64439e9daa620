"""Load benchmark: the bot under gunicorn (2 workers, as the Procfile runs it) with mixed traffic.

For ``--seconds`` (default 120) it sends, at the same time and paced:
- LINE webhooks (one text event each) and Messenger webhooks (one message each), to fake platform APIs
  on 127.0.0.1 that check every reply as the real ones would;
- ``POST /api/ask`` questions, some multi-turn;
- a staff edit of an FAQ entry through ``/admin/api`` every ``--edit-every`` seconds.

It then waits for every reply and prints, per route: requests, errors, p50 and p99 latency; replies
delivered (each event exactly once); and each worker's memory (RSS) after a warm-up and at the end.
An error is a non-2xx answer, a failed connection, a missing or a duplicate reply.

    python bench/load.py                 # embedded Redis
    REDIS_URL=redis://127.0.0.1:6379/0 python bench/load.py --seconds 60

Exits non-zero if there was any error or a worker's memory grew by more than 10%.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fakes import (FakeGraph, FakeLine, hub_signature, line_body, line_event, line_signature,  # noqa: E402
                   messenger_body, messenger_text)
from redis_server import free_port  # noqa: E402

LINE_SECRET, LINE_TOKEN = "load-line-secret", "load-line-token"
FB_SECRET, FB_TOKEN, FB_VERIFY = "load-fb-secret", "load-page-token", "load-verify"
ADMIN_TOKEN = "load-admin-token-0123456789"
QUESTIONS = ["ขอนแก่นได้รับรองเมื่อไหร่", "What is Phuket planning as a smart city?", "7 Smarts คืออะไร",
             "where is wangchan valley", "ภูเก็ตมีโรงแรมแนะนำไหม", "สวัสดีครับ", "ดีป้าคืออะไร",
             "เมืองอัจฉริยะมีกี่เมืองเเล้ว", "how many smart cities are there", "ขอนเเก่นทำอะไรบ้าง"]
FOLLOW_UPS = ["แล้วภูเก็ตล่ะ", "อยู่จังหวัดไหน", "and Chiang Mai?"]


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}

    def record(self, route: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latency.setdefault(route, []).append(seconds)
            if error:
                self.errors.setdefault(route, []).append(error)


class Client:
    """One keep-alive connection, reopened after a failure."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)

    def call(self, method: str, path: str, body: bytes | None, headers: dict) -> tuple[int, bytes]:
        try:
            self.conn.request(method, path, body=body, headers=headers)
            resp = self.conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            raise


def paced(rate: float, stop_at: float, rnd: random.Random):
    """Yield at ``rate`` per second (open loop: a slow answer does not slow the schedule down much)."""
    interval = 1.0 / rate
    next_at = time.monotonic() + rnd.random() * interval
    while time.monotonic() < stop_at:
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        next_at += interval
        yield


def run_line(port, rate, stop_at, stats, tokens, seed):
    rnd, client = random.Random(seed), Client(port)
    for _ in paced(rate, stop_at, rnd):
        ev = line_event(rnd.choice(QUESTIONS), source={"type": "user", "userId": f"Uload{seed}{rnd.randrange(50)}"})
        body = line_body(ev)
        _timed(stats, "LINE webhook", lambda: client.call(
            "POST", "/webhooks/line", body,
            {"Content-Type": "application/json", "X-Line-Signature": line_signature(LINE_SECRET, body)}),
            on_ok=lambda: tokens.append(ev["replyToken"]))


def run_messenger(port, rate, stop_at, stats, mids, seed):
    rnd, client = random.Random(seed), Client(port)
    for _ in paced(rate, stop_at, rnd):
        item = messenger_text(rnd.choice(QUESTIONS))  # a new user each time: replies are counted per user
        body = messenger_body(item)
        _timed(stats, "Messenger webhook", lambda: client.call(
            "POST", "/webhooks/messenger", body,
            {"Content-Type": "application/json", "X-Hub-Signature-256": hub_signature(FB_SECRET, body)}),
            on_ok=lambda: mids.append(item["sender"]["id"]))


def run_api(port, rate, stop_at, stats, seed):
    rnd, client = random.Random(seed), Client(port)
    for _ in paced(rate, stop_at, rnd):
        user = f"load-{seed}-{rnd.randrange(200)}"
        text = rnd.choice(FOLLOW_UPS) if rnd.random() < 0.3 else rnd.choice(QUESTIONS)
        body = json.dumps({"text": text, "user_id": user}).encode()
        _timed(stats, "/api/ask", lambda: client.call("POST", "/api/ask", body, {"Content-Type": "application/json"}))


def run_edits(port, every, stop_at, stats):
    client = Client(port)  # a new connection per edit below: an idle keep-alive one would have been closed
    auth = {"Content-Type": "application/json", "Authorization": f"Bearer {ADMIN_TOKEN}"}
    entry = {"id": "load-test-opening-hours", "questions": {"th": ["ศูนย์บริการเมืองอัจฉริยะเปิดกี่โมง"],
                                                           "en": ["when does the smart city service centre open"]},
             "answer": {"th": "เปิด 8:30 น. ครับ", "en": "It opens at 8:30."}, "source": "load test", "cities": []}
    status, raw = client.call("GET", f"/admin/api/faq/{entry['id']}", None, auth)
    if status == 404:
        status, raw = client.call("POST", "/admin/api/faq", json.dumps(entry).encode(), auth)
    version = json.loads(raw)["version"]
    n = 0
    for _ in paced(1.0 / every, stop_at, random.Random(7)):
        n += 1
        body = json.dumps({**entry, "version": version, "answer": {"th": f"เปิด 8:{30 + n % 30} น. ครับ",
                                                                    "en": f"It opens at 8:{30 + n % 30}."}}).encode()

        def put():
            nonlocal version
            client = Client(port)
            status, raw = client.call("PUT", f"/admin/api/faq/{entry['id']}", body, auth)
            if status == 200:
                version = json.loads(raw)["version"]
            return status, raw

        _timed(stats, "staff edit", put)


def _timed(stats: Stats, route: str, call, on_ok=None) -> None:
    started = time.perf_counter()
    try:
        status, _ = call()
        error = None if 200 <= status < 300 else f"HTTP {status}"
    except (OSError, http.client.HTTPException) as exc:
        error = type(exc).__name__
    stats.record(route, time.perf_counter() - started, error)
    if error is None and on_ok:
        on_ok()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def workers_of(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    return sorted(int(p) for p in out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--warmup", type=float, default=15.0)
    ap.add_argument("--line-rate", type=float, default=15.0, help="LINE webhooks per second")
    ap.add_argument("--messenger-rate", type=float, default=10.0, help="Messenger webhooks per second")
    ap.add_argument("--api-rate", type=float, default=15.0, help="/api/ask calls per second")
    ap.add_argument("--edit-every", type=float, default=3.0, help="seconds between staff edits")
    args = ap.parse_args()

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the fake APIs' request log
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    line, graph = FakeLine(LINE_TOKEN), FakeGraph(FB_TOKEN)
    data_dir = Path(os.environ.get("BOT_DATA_DIR") or work / "data")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING",
           "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": line.url,
           "MESSENGER_APP_SECRET": FB_SECRET, "MESSENGER_PAGE_ACCESS_TOKEN": FB_TOKEN,
           "MESSENGER_VERIFY_TOKEN": FB_VERIFY, "MESSENGER_API_BASE_URL": graph.url, "ADMIN_TOKEN": ADMIN_TOKEN,
           "SECRET_KEY": "load", "API_IP_RATE_LIMIT": "1000000/60", "USER_RATE_LIMIT": "1000/10"}
    # Train (or load) the model once, as `serve` does, then start gunicorn exactly as the Procfile does.
    subprocess.run([sys.executable, "-c", "from bot.config import load_config; from bot.service import build_bot;"
                    " build_bot(load_config())"], env={**env, "REDIS_URL": env.get("REDIS_URL", "")}, cwd=ROOT,
                   check=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf",
                             "--bind", f"127.0.0.1:{port}", "--workers", "2", "bot.app:create_app()"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while len(workers_of(proc.pid)) < 2 or not _healthy(port):
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.3)
        stats, tokens, mids = Stats(), [], []
        total = args.warmup + args.seconds
        stop_at = time.monotonic() + total
        threads = [threading.Thread(target=run_line, args=(port, args.line_rate / 2, stop_at, stats, tokens, i))
                   for i in range(2)]
        threads += [threading.Thread(target=run_messenger, args=(port, args.messenger_rate / 2, stop_at, stats, mids, i))
                    for i in range(2)]
        threads += [threading.Thread(target=run_api, args=(port, args.api_rate / 3, stop_at, stats, i)) for i in range(3)]
        threads.append(threading.Thread(target=run_edits, args=(port, args.edit_every, stop_at, stats)))
        for t in threads:
            t.start()
        time.sleep(args.warmup)
        pids = workers_of(proc.pid)
        mem_start = {pid: rss_mb(pid) for pid in pids}
        with stats.lock:  # the warm-up does not count
            stats.latency.clear()
            stats.errors.clear()
            tokens.clear()
            mids.clear()
        for t in threads:
            t.join()
        mem_end = {pid: rss_mb(pid) if Path(f"/proc/{pid}").exists() else float("nan") for pid in pids}
        # Every event answered exactly once.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line_got = _count(c.body.get("replyToken") for c in line.sent("reply"))
            fb_got = _count(c.body["recipient"]["id"] for c in graph.messages())
            if all(t in line_got for t in tokens) and all(m in fb_got for m in mids):
                break
            time.sleep(0.5)
        time.sleep(2)
        line_got = _count(c.body.get("replyToken") for c in line.sent("reply"))
        fb_got = _count(c.body["recipient"]["id"] for c in graph.messages())
        missing = sum(1 for t in tokens if t not in line_got) + sum(1 for m in mids if m not in fb_got)
        fb_bodies = _count((c.body["recipient"]["id"], json.dumps(c.body["message"], sort_keys=True))
                           for c in graph.messages())  # an answer may be a text and a card: the same one twice is a duplicate
        duplicates = sum(1 for t in tokens if line_got.get(t, 0) > 1) + sum(1 for n in fb_bodies.values() if n > 1)
        fake_errors = len(line.errors) + len(graph.errors)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        line.close()
        graph.close()
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{args.seconds:.0f} s of mixed traffic after a {args.warmup:.0f} s warm-up; 2 gunicorn workers x 4 threads; "
          f"Redis: {'REDIS_URL' if os.environ.get('REDIS_URL') else 'embedded'}; {os.cpu_count()} CPUs\n")
    print("| route | requests | errors | p50 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|")
    errors = 0
    for route in ("LINE webhook", "Messenger webhook", "/api/ask", "staff edit"):
        lat = np.array(stats.latency.get(route, [0.0])) * 1000
        n_err = len(stats.errors.get(route, []))
        errors += n_err
        print(f"| {route} | {len(stats.latency.get(route, []))} | {n_err} | {np.percentile(lat, 50):.1f} | "
              f"{np.percentile(lat, 99):.1f} |")
    print(f"\nreplies: {len(tokens)} LINE events and {len(mids)} Messenger messages; "
          f"{missing} unanswered, {duplicates} answered twice, {fake_errors} refused by the fake APIs")
    errors += missing + duplicates + fake_errors
    print("\n| worker | RSS after warm-up MB | RSS at end MB | growth |")
    print("|---|---:|---:|---:|")
    grew = False
    for i, pid in enumerate(pids, 1):
        growth = (mem_end[pid] - mem_start[pid]) / mem_start[pid] * 100
        grew |= not growth <= 10
        print(f"| {i} | {mem_start[pid]:.0f} | {mem_end[pid]:.0f} | {growth:+.1f}% |")
    for route, errs in stats.errors.items():
        print(f"errors on {route}: {sorted(set(errs))[:5]}")
    ok = errors == 0 and not grew
    print(f"\nresult: {'PASS' if ok else 'FAIL'} ({errors} errors; memory growth {'over' if grew else 'within'} 10%)")
    return 0 if ok else 1


def _healthy(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    except OSError:
        return False


def _count(keys) -> dict:
    out: dict = {}
    for k in keys:
        out[k] = out.get(k, 0) + 1
    return out


if __name__ == "__main__":
    sys.exit(main())
