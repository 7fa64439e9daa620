"""The app's background work in one serving process: start it when the process starts serving, stop it
when the process stops.

``create_app`` only builds the app; it starts no thread, so importing or building an app (the CLI, a test,
a script) never begins consuming the webhook queue. The server starts the work from its hooks:
gunicorn's ``post_worker_init`` and ``worker_exit`` in :mod:`bot.gunicorn_conf` (which ``smartcity-bot
serve`` runs too). A test or a script serving an app another way calls :func:`start_background` itself,
and :func:`stop_background` when done.

The work today: the sender threads that deliver queued webhook events (only when a channel is enabled;
in web workers only with ``SENDER_PROCESSES=0``, see :mod:`bot.sender_process`), and the debounced
retraining after staff edits, whose pending timer is cancelled at stop.
"""

from __future__ import annotations

import logging
import os
import sys

from flask import Flask

__all__ = ["start_background", "stop_background", "exit_now"]

log = logging.getLogger(__name__)


def start_background(app: Flask | None, senders: bool = True) -> None:
    """Start ``app``'s background work in this process (idempotent). ``senders=False``: no sender
    threads here, as in web workers when sender processes of their own answer the queue
    (:mod:`bot.sender_process`)."""
    extensions = getattr(app, "extensions", {})  # gunicorn's stand-in app after a failed load has none
    channels = extensions.get("channels", {})
    pool = extensions.get("senders")
    if pool is None:
        return
    if senders and any(c.enabled for c in channels.values()):
        pool.start()
        log.info("background work started in process %d: %d sender threads", os.getpid(), pool.threads)
    else:
        log.info("background work started in process %d: no sender threads", os.getpid())


def stop_background(app: Flask | None, timeout: float = 1.0) -> None:
    """Stop ``app``'s background work, waiting at most ``timeout`` seconds in all.

    A sender thread still busy after that is abandoned with the process: its event stays unacknowledged
    in the queue and another worker claims it, and the send ledger keeps it from being answered twice.
    """
    extensions = getattr(app, "extensions", {})
    bot = extensions.get("bot")
    if bot is not None:
        bot.retrainer.cancel()
    senders = extensions.get("senders")
    if senders is not None:
        senders.stop(timeout)


def exit_now() -> None:
    """End this process at once, logs and streams flushed: a stopping server process has nothing left to do
    but free its heap (the model, the index, the knowledge base) object by object, which took seconds on a
    busy machine. Exit handlers do not run."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
