"""``/api/ask`` against a hello-world route in the same process and run (not a test).

    python bench/api.py [--requests 3000] [--warmup 300] [--target 3.0]

Builds the app as ``create_app()`` does (Redis at ``REDIS_URL``, or the embedded one in a temporary data
directory unless ``BOT_DATA_DIR`` is set) and adds a hello-world route to that same app, so both pay the
same Flask, request-id and header work. Then it alternates the two through Flask's test client (no
sockets, so the difference is the route's own cost): ``POST /api/ask`` with real questions in short
conversations (a new user id every five turns, with a follow-up and an unanswered question among them) and
``POST /bench/hello``. The per-address limit (``API_IP_RATE_LIMIT``) is raised for the measurement, since
every request comes from one address; the per-user limit stays as configured. It also counts the Redis
round trips of one ``/api/ask`` (the server's ``total_reads_processed``). The writes after an answered
question (context, statistics) are sent before the reply but not waited for (:mod:`bot.batches`), so its
time includes sending them, not Redis confirming them; they are confirmed at the next request's batch.

Prints p50/p90/p99 of both (and of the dialogue's own work, for comparison; CPU time shows how much of
the wall time was this process working when the machine is busy), the ratio of the p50s, and whether
``/api/ask``'s p50 is within ``--target`` times the hello-world route's. The repeated conversation is
served mostly from what earlier messages with the same text worked out (understanding, search results:
quick replies and rich-menu buttons send the same texts again and again), so it also measures, first,
every distinct question of the development sets A-G asked once (about 1,200, alternating with hello):
the cost of a question the worker has not seen. Exit status 1 unless both are within the target.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONVERSATION = ["ขอนแก่นได้รับรองเมื่อไหร่", "แล้วภูเก็ตล่ะ", "What is Phuket planning as a smart city?",
                "ภูเก็ตมีโรงแรมแนะนำไหม", "7 Smarts คืออะไร"]


def percentiles(samples: list[float]) -> dict[str, float]:
    ms = np.array(samples) * 1000
    return {"p50": float(np.percentile(ms, 50)), "p90": float(np.percentile(ms, 90)),
            "p99": float(np.percentile(ms, 99))}


def reads(client) -> int:
    """The server's count of reads from clients: one per round trip of a small pipeline."""
    return int(client.info("stats")["total_reads_processed"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=3000, help="measured requests of each route")
    ap.add_argument("--warmup", type=int, default=300, help="unmeasured requests of each route first")
    ap.add_argument("--target", type=float, default=3.0, help="the largest acceptable ratio of the p50s")
    ap.add_argument("--question", action="append", default=None,
                    help="ask this instead of the built-in conversation (repeatable: a conversation of your own)")
    args = ap.parse_args()
    conversation = args.question or CONVERSATION

    from flask import request

    from bot.admin.auth import csrf
    from bot.app import create_app
    from bot.context import Context

    data_dir = os.environ.get("BOT_DATA_DIR") or tempfile.mkdtemp(prefix="bench-api-")
    app = create_app({"BOT_DATA_DIR": data_dir, "LOG_LEVEL": "WARNING", "API_IP_RATE_LIMIT": "100000000/60"})
    logging.getLogger().setLevel(logging.WARNING)

    @app.post("/bench/hello")
    def hello():
        request.get_data()
        return "hello"

    csrf.exempt(hello)  # a JSON POST like /api/ask, which is exempt too

    client = app.test_client()
    bot = app.extensions["bot"]
    redis_client = bot.store.client
    user = ""

    def ask(i: int, text: str | None = None) -> None:
        """The conversation's ``i``-th turn, or ``text`` in its place."""
        nonlocal user
        if i % 5 == 0:  # a new user every five questions: the per-user limit (10 per 10 s) is never reached
            user = f"bench-{uuid.uuid4().hex[:12]}"
        r = client.post("/api/ask", json={"text": text or conversation[i % len(conversation)], "user_id": user})
        if r.status_code != 200:
            raise SystemExit(f"/api/ask answered {r.status_code}: {r.get_data(as_text=True)[:200]}")

    def say_hello(i: int) -> None:
        if client.post("/bench/hello", json={"text": "hello"}).status_code != 200:
            raise SystemExit("the hello-world route failed")

    # Round trips of one request: the same conversation, right after a knowledge-stamp check (so that
    # the at-most-twice-a-second check of bot.live does not fall inside it); the INFO call adds one read.
    bot.live.refresh_now()
    trips, sent = [], []
    batch, send = bot.store.batch, bot.store.send

    def counted(run):  # the commands each batch queues (a script is one), as the client sends them
        def counting(build):
            def queue(pipe):
                build(pipe)
                sent[-1] += len(pipe.command_stack)
            return run(queue)
        return counting

    bot.store.batch, bot.store.send = counted(batch), counted(send)
    for i in range(5):
        before = reads(redis_client)
        sent.append(0)
        ask(i)
        trips.append(reads(redis_client) - before - 1)
    bot.store.batch, bot.store.send = batch, send

    for i in range(args.warmup):
        ask(i)
        say_hello(i)
    times: dict[str, list[float]] = {"api": [], "hello": [], "answer": []}
    cpu: dict[str, list[float]] = {"api": [], "hello": [], "answer": []}

    def answer_only(i: int) -> None:  # the dialogue's own work: no HTTP, no Redis (but the stamp check)
        bot.dialogue.answer(conversation[i % len(conversation)], Context())

    # Questions asked once: every distinct question of the development sets (tests/data/blind/set-a..g), in
    # a fixed shuffled order, so nothing a message works out from its text was kept from an earlier one.
    import random

    import yaml

    fresh = sorted({t["text"] for path in sorted((ROOT / "tests/data/blind").glob("set-[a-g].yaml"))
                    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"] for t in item["turns"]})
    random.Random(7).shuffle(fresh)
    fresh_times: list[float] = []
    fresh_hello: list[float] = []
    for i, text in enumerate(fresh):
        t0 = time.perf_counter()
        ask(i, text)
        fresh_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        say_hello(i)
        fresh_hello.append(time.perf_counter() - t0)

    gc.collect()
    for i in range(args.requests):
        order = [("api", ask), ("hello", say_hello)] if i % 2 else [("hello", say_hello), ("api", ask)]
        for name, call in [*order, ("answer", answer_only)]:
            t0, c0 = time.perf_counter(), time.thread_time()
            call(i)
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.thread_time() - c0)

    api, base = percentiles(times["api"]), percentiles(times["hello"])
    ratio = api["p50"] / base["p50"]
    print(f"{args.requests} requests of each route, alternating, in one process (Flask test client); "
          f"Redis {bot.store.mode}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':34} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'CPU p50 ms':>11}")
    rows = (("POST /api/ask", "api"), ("POST /bench/hello", "hello"), ("answer only (dialogue, no I/O)", "answer"))
    for label, name in rows:
        p = percentiles(times[name])
        print(f"{label:34} {p['p50']:8.3f} {p['p90']:8.3f} {p['p99']:8.3f} {percentiles(cpu[name])['p50']:11.3f}")
    print(f"ratio of p50s, /api/ask to hello: {ratio:.2f} (target <= {args.target:g})")
    print(f"Redis round trips per /api/ask (five turns of one user): {trips}; commands sent: {sent}")
    own = percentiles(times["answer"])["p50"] / base["p50"]
    print(f"the dialogue's own work alone: {own:.2f}x the hello route's p50"
          + (" (the target cannot be met by cutting I/O alone)" if own > args.target else ""))
    new, new_base = percentiles(fresh_times), percentiles(fresh_hello)
    fresh_ratio = new["p50"] / new_base["p50"]
    print(f"questions asked once ({len(fresh)} distinct questions of sets A-G, alternating with hello): "
          f"/api/ask p50 {new['p50']:.3f} ms, p90 {new['p90']:.3f}, p99 {new['p99']:.3f}; hello p50 "
          f"{new_base['p50']:.3f} ms; ratio {fresh_ratio:.2f} (target <= {args.target:g})")
    met, fresh_met = ratio <= args.target, fresh_ratio <= args.target
    print(f"target {'met' if met else 'NOT met'} for the repeated conversation, "
          f"{'met' if fresh_met else 'NOT met'} for questions asked once")
    return 0 if met and fresh_met else 1


if __name__ == "__main__":
    sys.exit(main())
