"""Start, stop and restart ``smartcity-bot serve`` (two workers, embedded Redis, cached model) and report:

- start: from launching the command to the first ``/healthz`` 200;
- stop: from SIGTERM to the master until every process of its tree (and the embedded Redis) is gone
  (target: 2 s);
- restart: SIGTERM, then a new ``serve`` on the same port at once, until it answers ``/healthz``.

    .venv/bin/python bench/lifecycle.py [--rounds 5]

The model is trained once first into a temporary data directory (or ``BOT_DATA_DIR`` when set).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.embedded import EmbeddedRedis  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--workers", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def wait_ready(port: int, timeout: float = 120) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
                if resp.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.05)
    raise SystemExit("serve did not start")


def group_alive(proc: subprocess.Popen) -> bool:
    if proc.poll() is None:
        return True
    return bool(subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True).stdout.strip())


def stop(proc: subprocess.Popen, data_dir: Path, timeout: float = 30) -> float:
    """SIGTERM to the master; seconds until its tree and the embedded Redis are gone."""
    server = EmbeddedRedis(data_dir)
    redis_pid = server.pid()
    started = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)
    while group_alive(proc) or (redis_pid and server.state() != "down"):
        if time.monotonic() - started > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            raise SystemExit("serve did not stop")
        time.sleep(0.01)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data_dir = Path(os.environ.get("BOT_DATA_DIR") or tempfile.mkdtemp(prefix="bench-lifecycle-"))
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PROMETHEUS_MULTIPROC_DIR")}
    env.update(BOT_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), LOG_LEVEL="WARNING")
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from bot.service import "
                    "prepare_model; prepare_model(Path(sys.argv[1]))", str(data_dir)], cwd=ROOT, env=env, check=True)
    starts, stops, restarts = [], [], []
    port = free_port()
    proc = launch(env, port)
    starts.append(wait_ready(port))
    for _ in range(args.rounds):
        stops.append(stop(proc, data_dir))
        proc = launch(env, port)
        starts.append(wait_ready(port))
    for _ in range(args.rounds):
        began = time.monotonic()
        os.kill(proc.pid, signal.SIGTERM)
        old, proc = proc, launch(env, port)
        wait_ready(port)
        restarts.append(time.monotonic() - began)
        while group_alive(old):
            time.sleep(0.05)
    stop(proc, data_dir)

    def line(name: str, values: list[float]) -> str:
        return (f"{name:<9} median {statistics.median(values):5.2f} s   max {max(values):5.2f} s   "
                f"({len(values)} runs)")

    cores = os.cpu_count()
    print(f"smartcity-bot serve, 2 workers, embedded Redis, cached model; {cores} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(line("start", starts))
    print(line("stop", stops) + "   target 2 s")
    print(line("restart", restarts))


if __name__ == "__main__":
    main()
