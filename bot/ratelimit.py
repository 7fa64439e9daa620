"""Rate limits shared by every worker through Redis (one pipelined round trip per hit).

A limit is written ``"N/S"``: N hits per S seconds, the window starting at the first hit (so a burst
is never split across a clock boundary and let through twice). When Redis is unreachable the limiter lets requests
through (failing closed would silence the bot exactly when it is already degraded).
"""

from __future__ import annotations

from dataclasses import dataclass

from .storage import Store, StoreUnavailable

__all__ = ["RateLimiter", "Limit"]


@dataclass(frozen=True)
class Limit:
    hits: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Limit":
        hits, seconds = str(text).split("/")
        return cls(int(hits), int(seconds))


class RateLimiter:
    def __init__(self, store: Store):
        self.store = store

    @staticmethod
    def _key(key: str, limit: Limit) -> str:
        return f"{{rl}}:{key}:{limit.hits}/{limit.seconds}"

    def hit(self, key: str, limit: Limit) -> int:
        """Count one hit; return the number of hits in the current window (0 if Redis is down)."""
        rkey = self._key(key, limit)

        def run(r):
            pipe = r.pipeline(transaction=True)
            pipe.set(rkey, 0, ex=limit.seconds, nx=True)  # the window starts at the first hit
            pipe.incr(rkey)
            return pipe.execute()[1]

        try:
            return int(self.store.run(run))
        except StoreUnavailable:
            return 0

    def allowed(self, key: str, limit: Limit) -> bool:
        return self.hit(key, limit) <= limit.hits

    def retry_after(self, key: str, limit: Limit) -> int:
        """Whole seconds until the current window of ``key`` ends (at least 1), for a ``Retry-After``
        header; the whole window when Redis cannot tell."""
        try:
            ms = int(self.store.run(lambda r: r.pttl(self._key(key, limit))))
        except StoreUnavailable:
            return limit.seconds
        return max(1, -(-ms // 1000)) if ms > 0 else 1  # rounded up: retrying at once would be refused again
