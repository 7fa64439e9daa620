"""Benchmark of understanding + answering (not a test): cold start, latency, throughput, memory.

    python bench/nlu.py [--messages 3000]

- cold start: a fresh process from interpreter start to its first answer (model already cached), best of 3;
- latency: per message, normalise → classify → extract → answer, in-process, over varied messages
  (training and held-out questions plus typo/spacing variants), without Redis;
- throughput: messages per second on one thread;
- peak RSS of the benchmark process and of the cold-start process;
- scaling: the same latency with the knowledge base grown to 1,000 and 10,000 facts (synthetic copies of the
  real facts with other subjects and extra words), to show how retrieval cost grows.
Targets (2-core machine): p99 <= 0.5 ms, cold start <= 3 s, RSS <= 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD_START = r"""
import resource, sys, time
t0 = float(sys.argv[1])
from bot.config import load_config
from bot.service import build_bot
bot = build_bot(load_config())
reply = bot.dialogue.respond("ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city", user_id="bench-cold")
assert not reply.fallback, reply.text
print(time.time() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def variants(texts: list[str], n: int, seed: int = 7) -> list[str]:
    """Messages as people type them: the originals plus dropped spaces, doubled letters, case changes."""
    rng = random.Random(seed)
    out = list(texts)
    while len(out) < n:
        t = rng.choice(texts)
        k = rng.randrange(4)
        if k == 0:
            t = t.replace(" ", "")
        elif k == 1 and t:
            i = rng.randrange(len(t))
            t = t[:i] + t[i] * 3 + t[i:]
        elif k == 2:
            t = t.upper()
        else:
            t = t + rng.choice([" ครับ", " นะคะ", " 555", "??", " pls"])
        out.append(t)
    rng.shuffle(out)
    return out[:n]


def synthetic_facts(kb, n: int, seed: int = 11) -> dict:
    """``n`` facts: the real ones plus copies with other subjects and a few invented words each."""
    rng = random.Random(seed)
    real = list(kb.facts.values())
    subjects = [*kb.cities, *kb.entities]
    out = {f.id: f for f in real}
    i = 0
    while len(out) < n:
        f = rng.choice(real)
        word = f"zz{i:05d}"
        q = f.questions
        out[f"syn-{i}"] = f.model_copy(update={
            "id": f"syn-{i}", "about": [rng.choice(subjects)],
            "questions": q.model_copy(update={"th": [f"{x} {word}" for x in q.th], "en": [f"{x} {word}" for x in q.en]}),
        })
        i += 1
    return out


def measure(bot, messages: list[str]) -> np.ndarray:
    from bot.context import Context

    for m in messages[:200]:  # warm caches (tokeniser trie, numpy)
        bot.dialogue.answer(m, Context())
    lat = []
    for m in messages:
        t = time.perf_counter()
        bot.dialogue.answer(m, Context())
        lat.append((time.perf_counter() - t) * 1000)
    return np.array(lat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=3000)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    data_dir = Path(os.environ.get("BOT_DATA_DIR") or tempfile.mkdtemp(prefix="bench-nlu-"))
    os.environ["BOT_DATA_DIR"] = str(data_dir)

    from bot.config import load_config
    from bot.context import Context
    from bot.service import build_bot
    from intents.training_data import load_training_data

    bot = build_bot(load_config())  # trains and caches the model if needed
    texts = [e.text for e in load_training_data().examples]
    held = yaml.safe_load((ROOT / "tests" / "data" / "heldout.yaml").read_text(encoding="utf-8"))
    messages = variants(texts + [h["text"] for h in held], args.messages)

    lat_arr = measure(bot, messages)
    start = time.perf_counter()
    for m in messages:
        bot.dialogue.answer(m, Context())
    throughput = len(messages) / (time.perf_counter() - start)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Cold starts first: on Linux a child process inherits its parent's peak RSS figure.
    colds, cold_rss = [], 0.0
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD_START, str(time.time())], capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
        seconds, r = map(float, out.stdout.split())
        colds.append(seconds)
        cold_rss = max(cold_rss, r)

    from knowledge.snapshot import Snapshot

    scaling = {}
    real = bot.dialogue.knowledge
    for n in (1000, 10000):
        t = time.perf_counter()
        grown = Snapshot(bot.kb, synthetic_facts(bot.kb, n), strip=bot.live.strip, words=bot.live.words)
        build = time.perf_counter() - t
        bot.dialogue.knowledge, refresh = grown, bot.dialogue._refresh
        bot.dialogue._refresh = None
        arr = measure(bot, messages[:1000])
        bot.dialogue.knowledge, bot.dialogue._refresh = real, refresh
        scaling[n] = (float(np.percentile(arr, 50)), float(np.percentile(arr, 99)), build)

    figures = {
        "messages": len(messages),
        "p50_ms": float(np.percentile(lat_arr, 50)),
        "p90_ms": float(np.percentile(lat_arr, 90)),
        "p99_ms": float(np.percentile(lat_arr, 99)),
        "max_ms": float(lat_arr.max()),
        "throughput_per_s": throughput,
        "cold_start_s": min(colds),
        "peak_rss_mb": rss,
        "cold_start_rss_mb": cold_rss,
    }
    rows = [
        ("messages", f"{figures['messages']}", ""),
        ("latency p50", f"{figures['p50_ms']:.3f} ms", ""),
        ("latency p90", f"{figures['p90_ms']:.3f} ms", ""),
        ("latency p99", f"{figures['p99_ms']:.3f} ms", "<= 0.5 ms"),
        ("latency max", f"{figures['max_ms']:.3f} ms", ""),
        ("throughput (1 thread)", f"{figures['throughput_per_s']:.0f} msg/s", ""),
        ("cold start (best of 3)", f"{figures['cold_start_s']:.2f} s", "<= 3 s"),
        ("peak RSS (bench process)", f"{figures['peak_rss_mb']:.0f} MB", "<= 250 MB"),
        ("peak RSS (cold-start process)", f"{figures['cold_start_rss_mb']:.0f} MB", "<= 250 MB"),
    ]
    for n, (p50, p99, build) in scaling.items():
        figures[f"facts_{n}"] = {"p50_ms": p50, "p99_ms": p99, "index_build_s": build}
        rows.append((f"{n:,} facts: p50 / p99", f"{p50:.3f} / {p99:.3f} ms", f"index built in {build:.1f} s"))
    print(f"\n{'measure':32} {'value':>14}  target")
    print("-" * 58)
    for name, value, target in rows:
        print(f"{name:32} {value:>14}  {target}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
