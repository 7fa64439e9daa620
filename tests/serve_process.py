"""``smartcity-bot serve`` as a real process in its own process group, for tests that kill or restart it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from redis_server import free_port

ROOT = Path(__file__).resolve().parent.parent


class ServeProcess:
    """Starts ``serve`` and waits until ``/healthz`` answers 200."""

    def __init__(self, env: dict, workers: int = 2, port: int | None = None, timeout: float = 90):
        self.port = port or free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("serve did not start: " + self.proc.stderr.read().decode()[-2000:])

    def kill(self) -> None:
        """SIGKILL the whole group: no chance to clean up."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
