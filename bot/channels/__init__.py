"""Channel adapters: each module knows one platform's webhook, event and message formats.

Adding a channel means adding one module with a class like :class:`LineChannel` (``name``, ``enabled``,
``blueprint()``, ``handle(event, heartbeat)``) and listing it in :data:`CHANNELS`.
"""

from __future__ import annotations

import logging

from flask import Flask

from ..queue import SEEN_TTL, EventQueue, Ledger, SenderPool
from .line import LineChannel
from .messenger import MessengerChannel

__all__ = ["CHANNELS", "attach_channels", "LineChannel", "MessengerChannel"]

log = logging.getLogger(__name__)

CHANNELS = (LineChannel, MessengerChannel)


def attach_channels(app: Flask, bot) -> dict:
    """Create the queue, the channels and their sender pool, and register the webhooks.

    The sender threads are not started here: the server starts them in each serving process
    (:func:`bot.background.start_background`)."""
    cfg = app.config
    window = int(cfg.get("DEDUP_WINDOW", SEEN_TTL))
    queue = EventQueue(bot.store, claim_idle=float(cfg.get("QUEUE_CLAIM_IDLE", 10.0)), window=window)
    ledger = Ledger(bot.store, window=window)
    handlers: dict = {}
    senders = SenderPool(queue, handlers, threads=int(cfg.get("SENDER_THREADS", 2)))
    channels = {}
    for cls in CHANNELS:
        channel = cls(bot, queue, ledger, senders, cfg)
        channels[channel.name] = channel
        handlers[channel.name] = channel.handle
        app.register_blueprint(channel.blueprint())
    app.extensions["channels"] = channels
    app.extensions["senders"] = senders
    return channels
