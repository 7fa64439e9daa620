"""gunicorn settings and hooks: the one place the web server is configured, used by the Procfile
(``gunicorn -c python:bot.gunicorn_conf 'bot.app:create_app()'``) and by ``smartcity-bot serve``, which runs
that same command.

- In the master, before any worker (``on_starting``): the metrics directory (prometheus_client's
  multiprocess mode needs ``PROMETHEUS_MULTIPROC_DIR`` set and emptied before any worker starts), the
  embedded Redis when ``REDIS_URL`` is unset, and the intent model, trained once here rather than in every
  worker (workers then load it from the cache and share the master's imported modules).
- In the master, once it listens (``when_ready``): the sender processes that answer queued webhook events
  (:mod:`bot.sender_process`), stopped in ``on_exit``.
- In each worker, once its app is loaded (``post_worker_init``): the app's background work
  (:mod:`bot.background`; sender threads only with ``SENDER_PROCESSES=0``); it is stopped when the worker
  exits (``worker_exit``), so a stop never waits on it for long. What loading built is then frozen out of
  the cycle collector's full collections (``gc.freeze``), which otherwise paused an answer now and then.
- A dead worker's live gauges are removed when it exits (``child_exit``).

Each setting can be overridden on the command line or with ``GUNICORN_CMD_ARGS``.
"""

from __future__ import annotations

import os
import sys
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
_senders = None  # bot.sender_process.SenderProcesses, in the master


def metrics_dir() -> Path:
    """Where workers write their metric files: ``PROMETHEUS_MULTIPROC_DIR``, or one of our own."""
    configured = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if configured:
        return Path(configured)
    return Path(tempfile.gettempdir()) / f"smartcity-bot-metrics-{os.getpid()}"


def on_starting(server) -> None:
    """In the master, before any worker: an empty metrics directory the workers inherit, the embedded
    Redis when REDIS_URL is unset (one server that the master watches and every worker shares), and the
    intent model in its cache."""
    global _own_metrics_dir
    path = metrics_dir()
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        _own_metrics_dir = path
    path.mkdir(parents=True, exist_ok=True)
    # Before anything imports bot.metrics: prometheus_client picks its (multiprocess) storage at import.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)

    from bot.logs import setup_logging

    settings = load_settings()
    setup_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)  # workers inherit it (no second handler)
    data_dir = Path(settings.BOT_DATA_DIR)
    if not settings.REDIS_URL:
        from bot.embedded import start_embedded

        os.environ["REDIS_URL"] = start_embedded(data_dir)
        server.log.info("embedded Redis running, data in %s", data_dir / "redis")
    from bot.service import prepare_model

    prepare_model(data_dir)
    # Emptied last: counters from an earlier run must not add up, and the master's own metric files (made
    # when preparing the model imported bot.metrics) must not count: it serves nothing, and its never-set
    # bot_redis_up would read 0. Only our files go.
    for old in path.glob("*.db"):
        old.unlink(missing_ok=True)


def when_ready(server) -> None:
    """In the master, once it listens: the sender processes that answer queued webhook events
    (``SENDER_PROCESSES``; :mod:`bot.sender_process`), watched and started again if one dies."""
    global _senders
    if _settings.SENDER_PROCESSES:
        from bot.sender_process import SenderProcesses

        _senders = SenderProcesses(_settings.SENDER_PROCESSES, nice=_settings.SENDER_NICE)
        _senders.start()


def post_worker_init(worker) -> None:
    """In each worker, once its app is loaded: start the app's background work (sender threads only when
    no sender process answers the queue), and set what loading built (the model, the index, the knowledge
    base) out of the cycle collector's reach: it lives as long as the worker, and a full collection that walked
    it took some 0.1–0.4 s, a pause in whichever answer it fell in."""
    import gc

    from bot.background import start_background

    start_background(worker.wsgi, senders=not _settings.SENDER_PROCESSES)
    gc.collect()
    gc.freeze()


def worker_exit(server, worker) -> None:
    """In a worker that is exiting: stop the background work (at most a second), then, on a normal stop,
    end the process at once."""
    from bot.background import exit_now, stop_background

    stop_background(getattr(worker, "wsgi", None))  # None when the app failed to load
    exiting = sys.exc_info()[1]  # this hook runs in a ``finally`` while the worker's SystemExit propagates
    if isinstance(exiting, SystemExit) and exiting.code in (0, None):
        # Nothing is left to do but free the heap (the model, the index, the knowledge base) object by
        # object, which took seconds on a busy machine: leave without it. Logs and streams are flushed first.
        exit_now()


def child_exit(server, worker) -> None:
    """A worker exited (or was killed): drop its live gauges, keep its counters."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    """Remove the metrics directory we made ourselves (a configured one is left as it is); leave the
    embedded Redis (stopping it unless another process uses it); then, on a normal stop, end at once."""
    if _senders is not None:
        _senders.stop()  # before the Redis they use goes
    if _own_metrics_dir is not None:
        for old in _own_metrics_dir.glob("*.db"):
            old.unlink(missing_ok=True)
        try:
            _own_metrics_dir.rmdir()
        except OSError:
            pass
    from bot.background import exit_now
    from bot.embedded import leave_all

    leave_all()
    # gunicorn halts from its ``except (StopIteration, KeyboardInterrupt)`` clause on a normal stop (any
    # other way, the exit goes on as usual). The master holds the modules and the model it trained; freeing
    # them object by object took seconds on a busy machine, so it leaves without that, like the workers.
    if isinstance(sys.exc_info()[1], (StopIteration, KeyboardInterrupt)):
        exit_now()
