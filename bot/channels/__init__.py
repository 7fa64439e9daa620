"""Channel adapters: each module knows one platform's webhook, event and message formats.

Adding a channel means adding one module with a subclass of :class:`~bot.channels.common.Channel` like
:class:`LineChannel` (``name``, ``enabled``, ``blueprint()`` with the webhook, which queues events under
their conversation; ``incoming()``, ``render()``, ``typing()``, ``deliver()``) and listing it in
:data:`CHANNELS`. The shared ``Channel.handle`` answers queued events.
"""

from __future__ import annotations

import atexit
import logging

from flask import Flask

from ..queue import SEEN_TTL, EventQueue, Ledger, SenderPool
from .line import LineChannel
from .messenger import MessengerChannel

__all__ = ["CHANNELS", "attach_channels", "LineChannel", "MessengerChannel"]

log = logging.getLogger(__name__)

CHANNELS = (LineChannel, MessengerChannel)


def attach_channels(app: Flask, bot) -> dict:
    """Create the queue and the channels, register their webhooks, start the sender threads."""
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
    if any(c.enabled for c in channels.values()):
        senders.start()
        atexit.register(senders.stop)
    app.extensions["channels"] = channels
    app.extensions["senders"] = senders
    return channels
