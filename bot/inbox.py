"""The unanswered-question inbox: every fallback question, grouped with near-identical ones for staff.

Keys share the hash tag ``{inbox}`` so one transaction never crosses Redis Cluster slots. The number of
groups is capped (``INBOX_MAX_GROUPS``): when a new group would pass the cap, the groups asked least
recently are dropped, oldest first, in one script (so two workers never evict the same group twice or
leave a group listed without its record). The log is capped too (a stream trimmed to ``LOG_MAXLEN``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from typing import Any

from intents.entities import compact
from intents.normalize import normalize

from .storage import Store, StoreUnavailable

__all__ = ["Inbox", "group_key"]

log = logging.getLogger(__name__)

_PARTICLES = re.compile(r"(ครับ|คับ|ค่ะ|คะ|ค้ะ|จ้ะ|จ้า|จ๊ะ|นะ|น้า|อ่ะ|อะ|ล่ะ|หรอ|เหรอ|มั้ย|ไหม|ป่ะ|please|pls)")
GROUPS = "{inbox}:groups"
LOG = "{inbox}:log"
LOG_MAXLEN = 10_000
GROUP = "{inbox}:g:"

#: KEYS[1]: the groups sorted set (score: last asked); ARGV[1]: the cap; ARGV[2]: the group key prefix.
#: The group records are addressed from inside the script: they share the hash tag, hence the slot.
_EVICT = """
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if extra <= 0 then return 0 end
local oldest = redis.call('ZPOPMIN', KEYS[1], extra)
for i = 1, #oldest, 2 do
  redis.call('DEL', ARGV[2] .. oldest[i])
end
return extra
"""


def group_key(text: str) -> str:
    """Questions that differ only in spacing, case, punctuation, typos that normalisation fixes, or
    polite particles share a key."""
    core = _PARTICLES.sub("", compact(normalize(text)))
    return hashlib.sha1(core.encode()).hexdigest()[:16]


class Inbox:
    def __init__(self, store: Store, max_groups: int = 10_000):
        self.store = store
        self.max_groups = max(1, int(max_groups))
        self._evict: Any = None  # the eviction script, registered on first use

    def record(self, text: str, lang: str, channel: str, reason: str = "fallback",
               now: float | None = None) -> bool:
        """Add one unanswered question; False if Redis is unavailable (the answer is not affected)."""
        now = time.time() if now is None else now
        key = group_key(text)
        gkey = GROUP + key

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
            if pipe.execute()[6]:  # a new group: the cap may be passed
                self._trim(r)

        try:
            self.store.run(write)
            return True
        except StoreUnavailable:
            log.warning("unanswered question not recorded (redis unavailable)")
            return False

    def _trim(self, r) -> int:
        """Drop the least recently asked groups beyond the cap; how many went."""
        if self._evict is None:
            self._evict = r.register_script(_EVICT)
        dropped = int(self._evict(keys=[GROUPS], args=[self.max_groups, GROUP], client=r))
        if dropped:
            log.info("inbox full (%d groups): dropped the %d asked least recently", self.max_groups, dropped)
        return dropped

    def groups(self, limit: int = 100) -> list[dict]:
        """The groups, most recently asked first."""
        def read(r):
            keys = r.zrevrange(GROUPS, 0, limit - 1)
            pipe = r.pipeline(transaction=False)
            for k in keys:
                pipe.hgetall(GROUP + k)
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
        key = GROUP + group_id

        def run(r):
            if not r.exists(key):
                return False
            r.hset(key, "dismissed", "1")
            return True

        return bool(self.store.run(run))
