"""Channel adapters: each module knows one platform's webhook, event and message formats.

Adding a channel means adding one module with a subclass of :class:`~bot.channels.common.Channel` like
:class:`LineChannel` (``name``, ``enabled``, ``blueprint()`` with the webhook, which queues events under
their conversation; ``incoming()``, ``render()``, ``typing()``, ``deliver()``, and ``send_later()`` for
writing to a person later) and listing it in :data:`CHANNELS`. The shared ``Channel.handle`` answers queued
events; ``Channel.push`` writes to a person later.
"""

from __future__ import annotations

import logging

from flask import Flask

from ..queue import EventQueue, Ledger, SenderPool
from .line import LineChannel
from .messenger import MessengerChannel

__all__ = ["CHANNELS", "attach_channels", "LineChannel", "MessengerChannel"]

log = logging.getLogger(__name__)

CHANNELS = (LineChannel, MessengerChannel)


def attach_channels(app: Flask, bot, routes: Flask | None = None) -> dict:
    """Create the queue, the channels and their sender pool, and register the webhooks on ``routes``
    (the app serving webhooks, :func:`bot.web.lanes.webhook_app`; ``app`` itself when not given).

    The sender threads are not started here: the server starts them in each serving process
    (:func:`bot.background.start_background`)."""
    settings = bot.settings
    window = settings.DEDUP_WINDOW
    queue = EventQueue(bot.store, claim_idle=settings.QUEUE_CLAIM_IDLE, window=window)
    ledger = Ledger(bot.store, window=window)
    handlers: dict = {}
    senders = SenderPool(queue, handlers, threads=settings.SENDER_THREADS)
    channels = {}
    for cls in CHANNELS:
        channel = cls(bot, queue, ledger, senders, settings)
        channels[channel.name] = channel
        handlers[channel.name] = channel.handle
        (routes or app).register_blueprint(channel.blueprint())
    app.extensions["channels"] = channels
    app.extensions["senders"] = senders
    return channels
