"""The unanswered-question inbox: every fallback question, grouped with near-identical ones for staff.

Keys share the hash tag ``{inbox}`` so one transaction never crosses Redis Cluster slots. The number of
groups is capped (``INBOX_MAX_GROUPS``): when a new group would pass the cap, the groups asked least
recently are dropped, oldest first, in the script that records the question (so two workers never evict
the same group twice or leave a group listed without its record). The log is capped too (a stream
trimmed to ``LOG_MAXLEN``).
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

#: One unanswered question, recorded atomically, in one call (so it can share the round trip of the other
#: writes of a message). KEYS: the groups sorted set (score: last asked), the log stream, the group's
#: record. ARGV: group id, time, text, language, channel, reason, log length, groups cap, group key prefix.
#: A new group may pass the cap: then the groups asked least recently are dropped, oldest first. The
#: dropped groups' records are addressed from inside the script: they share the hash tag, hence the slot.
_RECORD = """
local g, now, text = KEYS[3], ARGV[2], ARGV[3]
redis.call('HSETNX', g, 'text', text)
redis.call('HSETNX', g, 'first', now)
redis.call('HSET', g, 'last', now, 'last_text', text, 'reason', ARGV[6])
redis.call('HINCRBY', g, 'count', 1)
redis.call('HINCRBY', g, 'channel:' .. ARGV[5], 1)
redis.call('HINCRBY', g, 'lang:' .. ARGV[4], 1)
local new = redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[7], '*', 'text', text, 'lang', ARGV[4], 'channel', ARGV[5],
           'time', now, 'group', ARGV[1], 'reason', ARGV[6])
if new == 0 then return 0 end
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[8])
if extra <= 0 then return 0 end
local oldest = redis.call('ZPOPMIN', KEYS[1], extra)
for i = 1, #oldest, 2 do
  redis.call('DEL', ARGV[9] .. oldest[i])
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

    def queue_record(self, pipe: Any, text: str, lang: str, channel: str, reason: str = "fallback",
                     now: float | None = None) -> None:
        """Queue the recording of one unanswered question on ``pipe`` (one script call); its result is the
        number of groups dropped to stay under the cap (see :meth:`dropped`)."""
        now = time.time() if now is None else now
        key = group_key(text)
        pipe.execute_command("EVAL", _RECORD, 3, GROUPS, LOG, GROUP + key,
                  key, repr(now), text[:500], lang, channel, reason, LOG_MAXLEN, self.max_groups, GROUP)

    def dropped(self, result: Any) -> bool:
        """Log what :meth:`queue_record`'s result says; False if the script failed."""
        if isinstance(result, Exception):
            log.error("unanswered question not recorded: %s", result)
            return False
        if result:
            log.info("inbox full (%d groups): dropped the %d asked least recently", self.max_groups, int(result))
        return True

    def record(self, text: str, lang: str, channel: str, reason: str = "fallback",
               now: float | None = None) -> bool:
        """Add one unanswered question; False if Redis is unavailable (the answer is not affected)."""
        try:
            results = self.store.batch(lambda pipe: self.queue_record(pipe, text, lang, channel, reason, now))
        except StoreUnavailable:
            log.warning("unanswered question not recorded (redis unavailable)")
            return False
        return self.dropped(results[0])

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
