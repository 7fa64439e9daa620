"""gunicorn settings and hooks, shared by the Procfile (``gunicorn -c python:bot.gunicorn_conf``) and
``smartcity-bot serve``.

The hooks make ``/metrics`` correct with several workers: prometheus_client's multiprocess mode needs
``PROMETHEUS_MULTIPROC_DIR`` set (and emptied) before any worker starts, and a dead worker's live
gauges removed when it exits. Each setting can be overridden on the command line or with
``GUNICORN_CMD_ARGS``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bot.config import load_settings

_settings = load_settings()  # PORT, WEB_CONCURRENCY, WEB_THREADS: defaults in bot/config.py
bind = f"0.0.0.0:{_settings.PORT}"
workers = _settings.WEB_CONCURRENCY
threads = _settings.WEB_THREADS
timeout = 30
graceful_timeout = 20
accesslog = None  # the app logs each request as JSON with its request id


_own_metrics_dir: Path | None = None


def metrics_dir() -> Path:
    """Where workers write their metric files: ``PROMETHEUS_MULTIPROC_DIR``, or one of our own."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        return Path(configured)
    return Path(tempfile.gettempdir()) / f"smartcity-bot-metrics-{os.getpid()}"


def on_starting(server) -> None:
    """In the master, before any worker: the embedded Redis when REDIS_URL is unset (one server that
    the master watches and every worker shares), and an empty metrics directory the workers inherit."""
    settings = load_settings()
    if not settings.REDIS_URL:
        from bot.embedded import start_embedded

        os.environ["REDIS_URL"] = start_embedded(settings.BOT_DATA_DIR)
    global _own_metrics_dir
    path = metrics_dir()
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        _own_metrics_dir = path
    path.mkdir(parents=True, exist_ok=True)
    for old in path.glob("*.db"):  # counters from an earlier run must not add up (only our files go)
        old.unlink(missing_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)


def child_exit(server, worker) -> None:
    """A worker exited (or was killed): drop its live gauges, keep its counters."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    """Remove the metrics directory we made ourselves (a configured one is left as it is)."""
    if _own_metrics_dir is not None:
        for old in _own_metrics_dir.glob("*.db"):
            old.unlink(missing_ok=True)
        try:
            _own_metrics_dir.rmdir()
        except OSError:
            pass
