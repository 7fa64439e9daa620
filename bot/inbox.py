"""The unanswered-question inbox: every fallback question, grouped with near-identical ones for staff.

Keys share the hash tag ``{inbox}`` so one transaction never crosses Redis Cluster slots. The number of
groups is capped (``INBOX_MAX_GROUPS``): when a new group would pass the cap, the groups asked least
recently are dropped, oldest first, in the script that records the question (so two workers never evict
the same group twice or leave a group listed without its record). The log is capped too (a stream
trimmed to ``LOG_MAXLEN``).

People who accepted the bot's offer to be told when a group is answered wait in one hash per group
(``{inbox}:w:<group>``; field ``<channel>:<user id>``, value JSON with language and time limit). The
hash expires with its latest time limit; an entry past its own limit is skipped and removed when read.
Joining the list and evicting a group are scripts (the eviction is in the recording script), so a waiting
list never outlives its group; a person is claimed for telling with one ``HDEL`` (only one worker gets 1),
so nobody is told twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from intents.entities import compact
from intents.normalize import normalize

from .storage import Store, StoreUnavailable

__all__ = ["Inbox", "Waiting", "group_key", "is_group_id"]

log = logging.getLogger(__name__)

_PARTICLES = re.compile(r"(ครับ|คับ|ค่ะ|คะ|ค้ะ|จ้ะ|จ้า|จ๊ะ|นะ|น้า|อ่ะ|อะ|ล่ะ|หรอ|เหรอ|มั้ย|ไหม|ป่ะ|please|pls)")
GROUPS = "{inbox}:groups"
LOG = "{inbox}:log"
LOG_MAXLEN = 10_000
GROUP = "{inbox}:g:"
WAIT = "{inbox}:w:"
_GROUP_ID = re.compile(r"[0-9a-f]{16}")

#: One unanswered question, recorded atomically, in one call (so it can share the round trip of the other
#: writes of a message). KEYS: the groups sorted set (score: last asked), the log stream, the group's
#: record. ARGV: group id, time, text, language, channel, reason, log length, groups cap, group key prefix,
#: waiting-list key prefix. A new group may pass the cap: then the groups asked least recently are dropped,
#: oldest first, with the people waiting for them. The dropped groups' records and waiting lists are
#: addressed from inside the script: they share the hash tag, hence the slot.
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
  redis.call('DEL', ARGV[9] .. oldest[i], ARGV[10] .. oldest[i])
end
return extra
"""

#: KEYS[1]: the waiting list; KEYS[2]: the group record (it must exist: an evicted group takes no one);
#: ARGV: the field, the value, the entry's time limit (epoch seconds), now. The list expires with its
#: latest time limit (EXPIREAT with a time already past deletes it, as it should).
_WAIT = """
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local ttl = redis.call('TTL', KEYS[1])
local at = math.ceil(tonumber(ARGV[3]))
if ttl < 0 or tonumber(ARGV[4]) + ttl < at then redis.call('EXPIREAT', KEYS[1], at) end
return 1
"""

#: KEYS[1]: a waiting list; ARGV: field, value pairs read as past their limit. Each is removed only if it
#: still holds that value: someone who tapped again in the meantime keeps their new place.
_DROP_EXPIRED = """
local n = 0
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then n = n + redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return n
"""


def is_group_id(value: object) -> bool:
    """Whether ``value`` has the shape of a group id (it may still be unknown)."""
    return isinstance(value, str) and bool(_GROUP_ID.fullmatch(value))


@dataclass(frozen=True)
class Waiting:
    """Someone who asked to be told when a group is answered."""

    channel: str
    user_id: str
    lang: str
    since: float  # when they accepted the offer
    until: float  # their time limit
    recipient: Any = None  # where their channel writes to them (its own format); None: ``user_id``

    @property
    def field(self) -> str:
        return f"{self.channel}:{self.user_id}"


@lru_cache(maxsize=4096)  # normalising again costs as much as the rest of a fallback's bookkeeping
def group_key(text: str) -> str:
    """Questions that differ only in spacing, case, punctuation, typos that normalisation fixes, or
    polite particles share a key."""
    core = _PARTICLES.sub("", compact(normalize(text)))
    return hashlib.sha1(core.encode()).hexdigest()[:16]


class Inbox:
    def __init__(self, store: Store, max_groups: int = 10_000):
        self.store = store
        self.max_groups = max(1, int(max_groups))
        self._wait: Any = None  # registered scripts, made on first use
        self._drop: Any = None

    def queue_record(self, pipe: Any, text: str, lang: str, channel: str, reason: str = "fallback",
                     now: float | None = None, key: str | None = None) -> None:
        """Queue the recording of one unanswered question on ``pipe`` (one script call); its result is the
        number of groups dropped to stay under the cap (see :meth:`dropped`). ``key``: the text's
        :func:`group_key`, when the caller has it already."""
        now = time.time() if now is None else now
        key = key or group_key(text)
        pipe.execute_command("EVAL", _RECORD, 3, GROUPS, LOG, GROUP + key,
                  key, repr(now), text[:500], lang, channel, reason, LOG_MAXLEN, self.max_groups, GROUP, WAIT)

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

    # -- people waiting for an answer ------------------------------------------------------------------
    def wait(self, group_id: str, channel: str, user_id: str, lang: str, ttl: float,
             now: float | None = None, since: float | None = None, recipient: Any = None) -> bool:
        """Put someone on a group's waiting list for ``ttl`` seconds (again: their limit starts over);
        ``recipient`` is where their channel writes to them, when that is not ``user_id`` itself. False when
        there is no such group (evicted, or never asked). Raises StoreUnavailable."""
        now = time.time() if now is None else now
        if not is_group_id(group_id):
            return False
        until = now + ttl
        data = {"lang": lang, "since": now if since is None else since, "until": until}
        if recipient is not None and recipient != user_id:
            data["to"] = recipient
        value = json.dumps(data)

        def run(r):
            if self._wait is None:
                self._wait = r.register_script(_WAIT)
            return self._wait(keys=[WAIT + group_id, GROUP + group_id],
                              args=[f"{channel}:{user_id}", value, until, now], client=r)

        return bool(self.store.run(run))

    def waiting(self, group_id: str, now: float | None = None) -> list[Waiting]:
        """Who waits for ``group_id`` now (entries past their time limit are removed on the way)."""
        now = time.time() if now is None else now
        raw = self.store.run(lambda r: r.hgetall(WAIT + group_id))
        people, expired = [], []
        for field, value in raw.items():
            person = _parse_waiting(field, value)
            if person is None or person.until <= now:
                expired += [field, value]
            else:
                people.append(person)
        if expired:
            def drop(r):
                if self._drop is None:
                    self._drop = r.register_script(_DROP_EXPIRED)
                return self._drop(keys=[WAIT + group_id], args=expired, client=r)

            self.store.run(drop)
        return sorted(people, key=lambda p: p.since)

    def waiting_counts(self, group_ids: list[str], now: float | None = None) -> dict[str, int]:
        """How many people wait for each group (within their time limit)."""
        now = time.time() if now is None else now

        def read(pipe: Any) -> None:
            for gid in group_ids:
                pipe.hvals(WAIT + gid)

        values = self.store.batch(read) if group_ids else []
        return {gid: sum(1 for v in vals if _until(v) > now) if isinstance(vals, list) else 0
                for gid, vals in zip(group_ids, values)}

    def claim(self, group_id: str, person: Waiting) -> bool:
        """Take ``person`` off the waiting list to tell them; True for exactly one caller (one HDEL)."""
        return bool(self.store.run(lambda r: r.hdel(WAIT + group_id, person.field)))

    def put_back(self, group_id: str, person: Waiting) -> None:
        """Return a claimed person whose message could not be sent, within their original time limit."""
        remaining = person.until - time.time()
        if remaining > 0:
            self.wait(group_id, person.channel, person.user_id, person.lang, remaining, since=person.since,
                      recipient=person.recipient)

    def question(self, group_id: str) -> str | None:
        """The first question asked in ``group_id`` (None: no such group)."""
        if not is_group_id(group_id):
            return None
        text = self.store.run(lambda r: r.hget(GROUP + group_id, "text"))
        return str(text) if text is not None else None

    def exists(self, group_id: str) -> bool:
        """Whether ``group_id`` is a group in the inbox."""
        return is_group_id(group_id) and bool(self.store.run(lambda r: r.exists(GROUP + group_id)))


def _until(value: Any) -> float:
    try:
        return float(json.loads(value).get("until", 0))
    except (ValueError, AttributeError, TypeError):
        return 0.0


def _parse_waiting(field: Any, value: Any) -> Waiting | None:
    channel, _, user_id = field.partition(":")
    try:
        data = json.loads(value)
        return Waiting(channel, user_id, str(data.get("lang") or "th"), float(data["since"]), float(data["until"]),
                       data.get("to"))
    except (ValueError, KeyError, AttributeError, TypeError):
        return None
