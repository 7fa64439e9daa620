"""``smartcity-bot serve`` as a real process in its own process group, for tests that kill or restart it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from redis_server import free_port

ROOT = Path(__file__).resolve().parent.parent


def sender_processes(master: int) -> list[int]:
    """The sender processes a gunicorn master started (``python -m bot.cli worker``, bot/sender_process.py)."""
    out = subprocess.run(["pgrep", "-P", str(master), "-f", "bot.cli worker"], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def web_workers(master: int) -> list[int]:
    """A gunicorn master's web workers: its children that are not sender processes."""
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    senders = set(sender_processes(master))
    return [int(p) for p in out.stdout.split() if int(p) not in senders]


class ServeProcess:
    """Starts ``serve`` and waits until ``/healthz`` answers 200 (``wait=False``: returns at once; call
    :meth:`wait_ready`). Its stderr goes to a file, read with :meth:`stderr`."""

    def __init__(self, env: dict, workers: int = 2, port: int | None = None, timeout: float = 90,
                 wait: bool = True):
        self.port = port or free_port()
        self._err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=self._err,
            start_new_session=True)
        if wait:
            self.wait_ready(timeout)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:  # it died: say why now rather than at the deadline
                raise RuntimeError(f"serve exited with {self.proc.returncode}: " + self.stderr()[-2000:])
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("serve did not start: " + self.stderr()[-2000:])

    def stderr(self) -> str:
        self._err.seek(0)
        return self._err.read().decode(errors="replace")

    def group(self) -> list[int]:
        """The processes left in its process group (the master, its workers, anything they started)."""
        out = subprocess.run(["pgrep", "-g", str(self.proc.pid)], capture_output=True, text=True)
        return [int(p) for p in out.stdout.split()]

    def children(self) -> list[int]:
        """The master's web workers."""
        return web_workers(self.proc.pid)

    def senders(self) -> list[int]:
        """The master's sender processes."""
        return sender_processes(self.proc.pid)

    def kill(self) -> None:
        """SIGKILL the whole group: no chance to clean up."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
