"""Rate limits shared by every worker through Redis (one script call per check).

A limit is written ``"N/S"``: N hits per S seconds, the window starting at the first hit (so a burst
is never split across a clock boundary and let through twice). Several limits of one request (the
client's address, then the user) are counted by one script in order, stopping at the first one passed,
so a refused request does not use up the later ones; the script can ride in the pipeline that also
loads the user's context (:mod:`bot.turns`). When Redis is unreachable the limiter lets requests through
(failing closed would silence the bot exactly when it is already degraded).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .storage import Store

__all__ = ["Count", "Limit", "RateLimited", "RateLimiter"]

#: KEYS: the counters, in the order they are checked; ARGV: each one's hits and seconds. For each: start
#: the window at the first hit (SET NX EX), count the hit, report the count and the milliseconds left;
#: stop after the first counter past its limit. Every key carries the ``{rl}`` hash tag: one slot.
_HIT = """
local out = {}
for i, key in ipairs(KEYS) do
  local hits, seconds = tonumber(ARGV[2 * i - 1]), ARGV[2 * i]
  redis.call('SET', key, 0, 'EX', seconds, 'NX')
  local n = redis.call('INCR', key)
  out[#out + 1] = n
  out[#out + 1] = redis.call('PTTL', key)
  if n > hits then break end
end
return out
"""


@dataclass(frozen=True)
class Limit:
    hits: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Limit":
        hits, seconds = str(text).split("/")
        return cls(int(hits), int(seconds))


@dataclass(frozen=True)
class Count:
    """One limit's counter after a hit."""

    key: str
    limit: Limit
    hits: int  # hits in the current window, this one included
    ms_left: int  # milliseconds until the window ends

    @property
    def over(self) -> bool:
        return self.hits > self.limit.hits

    @property
    def retry_after(self) -> int:
        """Whole seconds until the window ends (at least 1), for a ``Retry-After`` header."""
        return max(1, -(-self.ms_left // 1000)) if self.ms_left > 0 else 1  # rounded up: sooner is refused again


class RateLimited(Exception):
    """A request over one of the limits its caller asked to check (``count`` says which, and how long to wait)."""

    def __init__(self, count: Count):
        super().__init__(f"over the limit {count.limit.hits}/{count.limit.seconds}: {count.key}")
        self.count = count


class RateLimiter:
    def __init__(self, store: Store):
        self.store = store

    @staticmethod
    def _key(key: str, limit: Limit) -> str:
        return f"{{rl}}:{key}:{limit.hits}/{limit.seconds}"

    def queue(self, pipe: Any, checks: Sequence[tuple[str, Limit]]) -> None:
        """Queue one hit on each of ``checks`` (in order, up to the first one passed) on ``pipe``; read
        its result with :meth:`counts`."""
        if checks:
            # execute_command, not pipe.eval: a cluster pipeline's eval() runs queued scripts instead.
            args = [str(x) for _, limit in checks for x in (limit.hits, limit.seconds)]
            pipe.execute_command("EVAL", _HIT, len(checks), *(self._key(k, limit) for k, limit in checks), *args)

    @staticmethod
    def counts(checks: Sequence[tuple[str, Limit]], result: Any) -> list[Count]:
        """The counters :meth:`queue` reported (fewer than ``checks`` when one was passed); none when the
        script failed (the request goes through, as when Redis is down)."""
        if not checks or not isinstance(result, list):
            return []
        return [Count(key, limit, int(result[2 * i]), int(result[2 * i + 1]))
                for i, (key, limit) in enumerate(checks[: len(result) // 2])]
