"""Webhook throughput benchmark (not a test): the bot under gunicorn against a hello-world baseline.

    python bench/webhook.py [--seconds 15] [--rate 200] [--concurrency 16]
    SENDER_THREADS=0 python bench/webhook.py     # the webhook's acknowledgement path alone

Starts a fake LINE API (tests/fakes.py), a Redis (REDIS_URL or an embedded one), and gunicorn with 2
workers and 4 threads each serving ``bot.app:create_app()``; then the same gunicorn settings serving a
hello-world Flask route. A load generator sends signed LINE webhooks (one text event each, unique ids):
first as fast as it can (throughput), then at a fixed rate (latency at that rate). It checks that every
event got exactly one reply. Targets: at least half the hello-world throughput; p99 <= 50 ms at 200 events/s.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
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

from fakes import FakeLine, line_body, line_event, line_signature  # noqa: E402
from redis_server import free_port  # noqa: E402

SECRET, TOKEN = "bench-secret", "bench-token"
QUESTIONS = ["ขอนแก่นได้รับรองเมื่อไหร่", "What is Phuket planning as a smart city?", "7 Smarts คืออะไร",
             "where is wangchan valley", "แล้วภูเก็ตล่ะ", "ภูเก็ตมีโรงแรมแนะนำไหม", "สวัสดีครับ", "ดีป้าคืออะไร"]

HELLO_APP = '''
from flask import Flask, request
app = Flask(__name__)

@app.post("/webhooks/line")
def hello():
    request.get_data()
    return "OK"
'''


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


def load(port: int, seconds: float, concurrency: int, rate: float | None) -> tuple[list[float], list[str], int]:
    """Send webhooks for ``seconds``; with ``rate``, paced to that many per second overall."""
    latencies: list[float] = []
    tokens: list[str] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    interval = concurrency / rate if rate else 0.0

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        rnd = random.Random(i)
        next_at = time.monotonic() + rnd.random() * interval
        while time.monotonic() < stop_at:
            if interval:
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                next_at += interval
            ev = line_event(rnd.choice(QUESTIONS), source={"type": "user", "userId": f"Ubench{i}"})
            body = line_body(ev)
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
                if ok:
                    latencies.append(elapsed)
                    tokens.append(ev["replyToken"])
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, tokens, errors[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--rate", type=float, default=200.0)
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    fake = FakeLine(TOKEN)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
           "LINE_API_BASE_URL": fake.url, "LOG_LEVEL": "ERROR", "BOT_DATA_DIR": os.environ.get("BOT_DATA_DIR",
                                                                                                str(work / "data"))}
    embedded = None
    if not os.environ.get("REDIS_URL"):
        from bot.embedded import start_embedded

        env["REDIS_URL"] = start_embedded(work / "redis-data")
        embedded = env["REDIS_URL"]
    # Train (or load) the model once before the workers start.
    subprocess.run([sys.executable, "-c", "from bot.config import load_config; from bot.service import build_bot;"
                    " build_bot(load_config())"], env=env, cwd=ROOT, check=True)
    (work / "hello_app.py").write_text(HELLO_APP)

    results = {}
    for name, app, cwd in (("hello world", "hello_app:app", work), ("bot", "bot.app:create_app()", ROOT)):
        proc, port = start_gunicorn(app, env, cwd)
        try:
            load(port, 2.0, args.concurrency, None)  # warm up
            fake.calls.clear()
            lat, tokens, errors = load(port, args.seconds, args.concurrency, None)
            paced, paced_tokens, paced_errors = load(port, args.seconds, args.concurrency, args.rate)
            answered = None
            if name == "bot" and os.environ.get("SENDER_THREADS", "2") != "0":
                want = set(tokens) | set(paced_tokens)
                fake.wait_for(lambda c: len({x.body.get("replyToken") for x in fake.sent("reply")} & want) >= len(want),
                              timeout=60)
                replies = [x.body["replyToken"] for x in fake.sent("reply") if x.body["replyToken"] in want]
                answered = (len(set(replies)), len(replies), len(want))
            results[name] = {
                "throughput": len(lat) / args.seconds, "p50": np.percentile(lat, 50) * 1000,
                "p99": np.percentile(lat, 99) * 1000, "errors": errors + paced_errors,
                "paced_rate": len(paced) / args.seconds, "paced_p50": np.percentile(paced, 50) * 1000,
                "paced_p99": np.percentile(paced, 99) * 1000, "answered": answered,
            }
        finally:
            stop(proc)
    fake.close()

    hw, bot = results["hello world"], results["bot"]
    senders = os.environ.get("SENDER_THREADS", "2")
    mode = "acknowledge only (SENDER_THREADS=0: no replies sent)" if senders == "0" else \
        f"acknowledge and reply ({senders} sender threads per worker, fake LINE API on the same 2 cores)"
    print(f"\ngunicorn: 2 workers x 4 threads; {args.concurrency} concurrent clients; {args.seconds:.0f} s per run")
    print(f"bot mode: {mode}")
    print(f"{'':32} {'hello world':>12} {'bot':>12}")
    print("-" * 58)
    print(f"{'max throughput (events/s)':32} {hw['throughput']:12.0f} {bot['throughput']:12.0f}")
    print(f"{'  latency p50 (ms)':32} {hw['p50']:12.1f} {bot['p50']:12.1f}")
    print(f"{'  latency p99 (ms)':32} {hw['p99']:12.1f} {bot['p99']:12.1f}")
    print(f"{f'at {args.rate:.0f}/s: achieved (events/s)':32} {hw['paced_rate']:12.0f} {bot['paced_rate']:12.0f}")
    print(f"{'  latency p50 (ms)':32} {hw['paced_p50']:12.1f} {bot['paced_p50']:12.1f}")
    print(f"{'  latency p99 (ms)':32} {hw['paced_p99']:12.1f} {bot['paced_p99']:12.1f}")
    print(f"{'errors':32} {hw['errors']:12d} {bot['errors']:12d}")
    print(f"\nbot / hello-world throughput: {bot['throughput'] / hw['throughput']:.2f} (target >= 0.5); "
          f"p99 at {args.rate:.0f}/s: {bot['paced_p99']:.1f} ms (target <= 50 ms)")
    if senders != "0":
        unique, total, wanted = bot["answered"]
        print(f"replies: {unique} of {wanted} events answered, {total - unique} duplicates")
    if embedded:
        print("(Redis: embedded)")


if __name__ == "__main__":
    main()
