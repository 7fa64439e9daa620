"""The Redis side of one message: one round trip before answering, one after.

Before: the rate limits (the client's address for ``/api/ask``, then the user's) and the user's context,
pipelined. After: the new context, the day's statistics and, for an unanswered question, the inbox,
pipelined; for an answered question the reply does not wait for Redis's replies to these writes (they are
read with the thread's next use of Redis, :meth:`bot.storage.Store.send`), while an unanswered one waits
to learn whether the inbox took it. Understanding and answering need no Redis in between (the knowledge
stamp is checked at most every half second per worker, :mod:`bot.live`), so a message costs two round
trips, whatever its path:
``/api/ask``, the web chat, LINE or Messenger events. When Redis is down (the breaker in
:mod:`bot.storage`), the limits let the message through and it is answered without context; nothing is
written.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .context import Context, ContextStore
from .inbox import Inbox
from .ratelimit import Count, Limit, RateLimiter
from .stats import Stats
from .storage import StoreUnavailable

__all__ = ["Closing", "Opening", "Turns"]

log = logging.getLogger(__name__)


@dataclass
class Opening:
    """What a message needs from Redis before it is answered."""

    counts: list[Count] = field(default_factory=list)  # the limits checked, in order, up to the first passed
    context: Context = field(default_factory=Context)

    def over(self) -> Count | None:
        """The first limit this message passed, if any."""
        return next((c for c in self.counts if c.over), None)


@dataclass
class Closing:
    """What a message leaves in Redis after it is answered."""

    channel: str
    user_id: str | None
    context: Context | None  # None: keep the stored one
    intent: str
    lang: str
    fallback: bool
    city: str | None
    unanswered: str | None = None  # why the question goes to the inbox ("fallback"), or None
    text: str = ""
    group: str | None = None  # the text's inbox group (bot.inbox.group_key), when the caller has it already


class Turns:
    """Opens and closes a message's turn against Redis; see the module docstring."""

    def __init__(self, contexts: ContextStore, inbox: Inbox, stats: Stats | None = None,
                 limiter: RateLimiter | None = None):
        self.contexts, self.inbox, self.stats, self.limiter = contexts, inbox, stats, limiter
        self.store = contexts.store

    def open(self, channel: str, user_id: str | None, checks: Sequence[tuple[str, Limit]] = ()) -> Opening:
        """Count ``checks`` and load the user's context, in one round trip."""
        checks = list(checks) if self.limiter is not None else []
        if not checks and not user_id:
            return Opening()

        def build(pipe: Any) -> None:
            if self.limiter is not None:
                self.limiter.queue(pipe, checks)
            if user_id:
                self.contexts.queue_load(pipe, channel, user_id)

        try:
            results = self.store.batch(build)
        except StoreUnavailable:
            return Opening()  # through the limits, without context
        counts = RateLimiter.counts(checks, results.pop(0)) if checks else []
        return Opening(counts, Context.from_json(results[0]) if user_id else Context())

    def close(self, done: Closing) -> bool:
        """Save the context, count the message, and file an unanswered question, in one round trip; whether
        an unanswered question went to the inbox."""
        ctx, user_id = done.context, done.user_id
        save = bool(user_id) and ctx is not None

        def build(pipe: Any) -> None:
            if user_id and ctx is not None:
                self.contexts.queue_save(pipe, done.channel, user_id, ctx)
            if done.unanswered:
                self.inbox.queue_record(pipe, done.text, done.lang, done.channel, reason=done.unanswered,
                                        key=done.group)
            if self.stats is not None:
                self.stats.queue_record(pipe, done.channel, done.intent, done.fallback, done.city)

        try:
            if not done.unanswered:  # nothing to learn from the replies: the reply does not wait for them
                self.store.send(build)
                return False
            results = self.store.batch(build)
        except StoreUnavailable:
            if done.unanswered:
                log.warning("unanswered question not recorded (redis unavailable)")
            return False
        return self.inbox.dropped(results[int(save)])
