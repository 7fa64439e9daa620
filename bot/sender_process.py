"""Queued webhook events answered by processes of their own, beside the web workers.

A web worker acknowledges a webhook in a few milliseconds; answering takes far longer, and CPU. With the
sender threads inside the web workers, acknowledgements waited for answers (the same interpreter lock, the
same cores): under load the webhook rate fell to 0.31 of a hello-world route's, against 0.54 with nothing
answered (``bench/webhook.py``). LINE allows two seconds for the acknowledgement and none for the answer to
come at once, so the answering runs in processes of its own (``SENDER_PROCESSES``, one by default) at a
lower CPU priority (``SENDER_NICE``): under load the acknowledgements come first and the durable queue
holds the rest until there is CPU to answer them. ``SENDER_PROCESSES=0`` puts sender threads back in every
web worker (fewer processes, less memory).

- :func:`run` is such a process's body (``smartcity-bot worker``): the app's sender threads until SIGTERM
  or SIGINT, or until the process that started it is gone.
- :class:`SenderProcesses` runs them from the gunicorn master and starts one again if it dies.

Any number of these processes, on any machine, can share one queue: they are consumers of one Redis
consumer group, and a conversation is answered by one of them at a time, in order.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time

__all__ = ["run", "SenderProcesses"]

log = logging.getLogger(__name__)

#: A process that dies sooner than this after starting is started again only after a pause that doubles
#: each time (to ``MAX_BACKOFF``): a broken configuration must not become a fork loop.
STEADY_AFTER = 10.0
MAX_BACKOFF = 30.0


def run(parent: int | None = None, nice: int = 0) -> None:
    """Answer queued webhook events until SIGTERM or SIGINT (or until ``parent`` is no longer this
    process's parent), then stop within about a second and exit."""
    from .app import create_app
    from .background import exit_now, start_background, stop_background
    from .embedded import leave_all

    if nice:
        os.nice(nice)

    def leave_now(*_) -> None:
        raise SystemExit(0)  # still starting: nothing is taken from the queue yet (exit handlers still run)

    stopping = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):  # Ctrl-C reaches the whole process group: no traceback
        signal.signal(sig, leave_now)
    app = create_app()
    for sig in (signal.SIGTERM, signal.SIGINT):  # from now on, the events in hand are finished first
        signal.signal(sig, lambda *_: stopping.set())
    start_background(app, senders=True)
    while not stopping.wait(1.0):
        if parent is not None and os.getppid() != parent:
            log.warning("sender process %d: the server that started it is gone; stopping", os.getpid())
            break
    stop_background(app)
    # os._exit skips exit handlers: leave the embedded Redis (started here when REDIS_URL is unset) as
    # they would, or it outlives every process using it.
    leave_all()
    exit_now()  # as gunicorn's workers do (bot/gunicorn_conf.py)


class SenderProcesses:
    """``count`` sender processes (``python -m bot.cli worker``), kept running until :meth:`stop`.

    They inherit this process's environment (``REDIS_URL`` of the embedded Redis, the metrics directory).
    gunicorn's master reaps any child that exits (``waitpid(-1)``), so a death is seen by polling, without
    its exit status; the process logs its own errors.
    """

    def __init__(self, count: int, nice: int = 10, poll: float = 0.5):
        self.count, self.nice, self.poll = count, nice, poll
        self._procs: list[subprocess.Popen | None] = [None] * count
        self._started: list[float] = [0.0] * count
        self._backoff: list[float] = [0.0] * count
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Start the processes and a thread that starts any of them again when it dies."""
        for i in range(self.count):
            self._spawn(i)
        self._watcher = threading.Thread(target=self._watch, name="sender-processes", daemon=True)
        self._watcher.start()

    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if p is not None and p.poll() is None]

    def stop(self, timeout: float = 1.5) -> None:
        """SIGTERM every process and wait at most ``timeout`` seconds in all; SIGKILL what is left (its
        event stays unacknowledged in the queue, and the send ledger keeps it from being answered twice)."""
        self._stopping.set()
        procs = [p for p in self._procs if p is not None]
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + timeout
        for proc in procs:
            try:
                proc.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
            self._forget(proc.pid)

    def _spawn(self, i: int) -> None:
        args = [sys.executable, "-m", "bot.cli", "worker", "--parent", str(os.getpid()), "--nice", str(self.nice)]
        proc = self._procs[i] = subprocess.Popen(args, stdin=subprocess.DEVNULL)
        self._started[i] = time.monotonic()
        log.info("sender process %d started (nice %d)", proc.pid, self.nice)

    def _watch(self) -> None:
        while not self._stopping.wait(self.poll):
            for i, proc in enumerate(self._procs):
                if proc is None or proc.poll() is None or self._stopping.is_set():
                    continue
                self._forget(proc.pid)
                lived = time.monotonic() - self._started[i]
                self._backoff[i] = 0.0 if lived >= STEADY_AFTER else min(MAX_BACKOFF, max(1.0, self._backoff[i] * 2))
                log.warning("sender process %d exited after %.0f s; starting another in %.0f s",
                            proc.pid, lived, self._backoff[i])
                if self._stopping.wait(self._backoff[i]):
                    return
                self._spawn(i)

    @staticmethod
    def _forget(pid: int) -> None:
        """Its live gauges go, its counters stay (as for a web worker in ``child_exit``)."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            multiprocess.mark_process_dead(pid)
