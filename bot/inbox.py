"""The unanswered-question inbox: every fallback question, grouped with near-identical ones for staff.

Keys share the hash tag ``{inbox}`` so one transaction never crosses Redis Cluster slots.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time

from intents.entities import compact
from intents.normalize import normalize

from .storage import Store, StoreUnavailable

__all__ = ["Inbox", "group_key"]

log = logging.getLogger(__name__)

_PARTICLES = re.compile(r"(ครับ|คับ|ค่ะ|คะ|ค้ะ|จ้ะ|จ้า|จ๊ะ|นะ|น้า|อ่ะ|อะ|ล่ะ|หรอ|เหรอ|มั้ย|ไหม|ป่ะ|please|pls)")
GROUPS = "{inbox}:groups"
LOG = "{inbox}:log"
LOG_MAXLEN = 10_000


def group_key(text: str) -> str:
    """Questions that differ only in spacing, case, punctuation, typos that normalisation fixes, or
    polite particles share a key."""
    core = _PARTICLES.sub("", compact(normalize(text)))
    return hashlib.sha1(core.encode()).hexdigest()[:16]


class Inbox:
    def __init__(self, store: Store):
        self.store = store

    def record(self, text: str, lang: str, channel: str, reason: str = "fallback",
               now: float | None = None) -> bool:
        """Add one unanswered question; False if Redis is unavailable (the answer is not affected)."""
        now = time.time() if now is None else now
        key = group_key(text)
        gkey = f"{{inbox}}:g:{key}"

        def write(r):
            pipe = r.pipeline(transaction=True)
            pipe.hsetnx(gkey, "text", text[:500])
            pipe.hsetnx(gkey, "first", now)
            pipe.hset(gkey, mapping={"last": now, "last_text": text[:500], "reason": reason})
            pipe.hincrby(gkey, "count", 1)
            pipe.hincrby(gkey, f"channel:{channel}", 1)
            pipe.hincrby(gkey, f"lang:{lang}", 1)
            pipe.zadd(GROUPS, {key: now})
            pipe.xadd(LOG, {"text": text[:500], "lang": lang, "channel": channel, "time": now,
                            "group": key, "reason": reason}, maxlen=LOG_MAXLEN, approximate=True)
            pipe.execute()

        try:
            self.store.run(write)
            return True
        except StoreUnavailable:
            log.warning("unanswered question not recorded (redis unavailable)")
            return False

    def groups(self, limit: int = 100) -> list[dict]:
        """The groups, most recently asked first."""
        def read(r):
            keys = r.zrevrange(GROUPS, 0, limit - 1)
            pipe = r.pipeline(transaction=False)
            for k in keys:
                pipe.hgetall(f"{{inbox}}:g:{k}")
            return list(zip(keys, pipe.execute()))

        out = []
        for key, h in self.store.run(read):
            if not h:
                continue
            out.append({
                "id": key, "text": h.get("text", ""), "last_text": h.get("last_text", ""),
                "count": int(h.get("count", 0)), "first": float(h.get("first", 0)), "last": float(h.get("last", 0)),
                "reason": h.get("reason", "fallback"), "dismissed": h.get("dismissed") == "1",
                "channels": {k.split(":", 1)[1]: int(v) for k, v in h.items() if k.startswith("channel:")},
                "langs": {k.split(":", 1)[1]: int(v) for k, v in h.items() if k.startswith("lang:")},
            })
        return out

    def dismiss(self, group_id: str) -> bool:
        """Hide a group from the inbox (it stays in the log); False if there is no such group."""
        key = f"{{inbox}}:g:{group_id}"

        def run(r):
            if not r.exists(key):
                return False
            r.hset(key, "dismissed", "1")
            return True

        return bool(self.store.run(run))
