"""Per-user conversation context in Redis (last city, last intent, language, a pending question).

One JSON value per user, written with a single ``SET ... EX`` so it expires after ``ttl`` seconds of
silence. The key includes the channel, so a LINE user and a Messenger user never share a thread.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from .storage import Store, StoreUnavailable

__all__ = ["Context", "ContextStore"]

log = logging.getLogger(__name__)


@dataclass
class Context:
    """What a conversation is about: enough to answer "แล้วภูเก็ตล่ะ", "who runs it?" or "more"."""

    last_city: str | None = None
    last_intent: str | None = None
    lang: str | None = None
    subjects: list[str] = field(default_factory=list)  # areas, organisations, people, events, projects
    last_fact: str | None = None
    last_query: str | None = None  # the last question with its names removed ("ได้รับรองเมื่อไหร่")
    last_qtype: str | None = None
    qualifier: str | None = None  # carried to follow-ups: "first_five" ("and Korat?")
    yes_no: bool = False
    listed: list[str] = field(default_factory=list)  # the areas the last answer listed, in its order ("the second one")
    # a yes/no question's words besides its areas' names ("does have a 7 smarts plan?"): what "does Mae Moh?" claims
    claim: str | None = None
    named: list[str] = field(default_factory=list)  # what the user named (or kept talking of): "it" most likely
    place: str | None = None  # the province the last question named with no area of its own name ("Is Chiang Mai...?")

    @classmethod
    def from_json(cls, raw: object) -> "Context":
        """The context stored as ``raw``; an empty one for nothing, broken JSON or a failed read."""
        if not raw or not isinstance(raw, str):
            return cls()
        try:
            data = json.loads(raw)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        ctx = cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})
        if not isinstance(ctx.subjects, list):
            ctx.subjects = []
        if not isinstance(ctx.listed, list):
            ctx.listed = []
        if not isinstance(ctx.named, list):
            ctx.named = []
        return ctx


class ContextStore:
    """Loads and saves :class:`Context`; degrades to 'no context' when Redis is down."""

    def __init__(self, store: Store, ttl: int = 1800):
        self.store = store
        self.ttl = ttl

    @staticmethod
    def key(channel: str, user_id: str) -> str:
        return f"ctx:{channel}:{user_id}"

    def queue_load(self, pipe: Any, channel: str, user_id: str) -> None:
        """Queue the read of a context on ``pipe`` (its result goes to :meth:`Context.from_json`)."""
        pipe.get(self.key(channel, user_id))

    def queue_save(self, pipe: Any, channel: str, user_id: str, ctx: Context) -> None:
        """Queue the write of a context (with its TTL) on ``pipe``."""
        # vars(), not asdict(): the fields are flat (a list of ids at most), and asdict's deep copy costs
        # more than the rest of the write on the hot path.
        pipe.set(self.key(channel, user_id), json.dumps(vars(ctx), ensure_ascii=False), ex=self.ttl)

    def load(self, channel: str, user_id: str) -> Context:
        try:
            return Context.from_json(self.store.run(lambda r: r.get(self.key(channel, user_id))))
        except StoreUnavailable:
            return Context()

    def save(self, channel: str, user_id: str, ctx: Context) -> bool:
        try:
            self.store.batch(lambda pipe: self.queue_save(pipe, channel, user_id, ctx))
            return True
        except StoreUnavailable:
            return False

    def delete(self, channel: str, user_id: str) -> None:
        try:
            self.store.run(lambda r: r.delete(self.key(channel, user_id)))
        except StoreUnavailable:
            log.warning("could not delete context (redis unavailable)")
