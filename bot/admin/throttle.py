"""Sign-in throttling, one atomic script: every post per address, and failures per user and per address.

Three limits guard ``/admin/login``: all sign-in posts from one client address (``LOGIN_IP_RATE_LIMIT``,
whatever their outcome), and failed sign-ins per user name and per address (``LOGIN_USER_FAILURES``,
``LOGIN_IP_FAILURES`` in ``LOGIN_FAILURE_WINDOW`` seconds). Checking "too many failures?" and recording a
failure after the (slow, deliberately) password hash would let every concurrent attempt pass the check
before any failure is counted. So one Lua script counts the post, and then reserves the attempt against
both failure counters atomically: it refuses when either is at its limit, and otherwise counts the
attempt, each window starting at its first hit. A successful sign-in gives the reservation back (the
user's counter is cleared, the address's lowered), so only failures accumulate.

The keys share the ``{staff}`` hash tag, so the script runs on a Redis Cluster too; Redis is reached
through the :class:`~bot.storage.Store` (an outage is a 503 on the sign-in page).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from redis.commands.core import Script

from ..ratelimit import Limit
from ..storage import Store

__all__ = ["LoginThrottle", "Verdict"]

# KEYS: posts of the address, then (for a possible user name) failures of the user, failures of the address.
# ARGV: posts allowed, posts window, failures per user, failures per address, failures window.
_RESERVE = """
local posts = redis.call('INCR', KEYS[1])
if posts == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
end
if posts > tonumber(ARGV[1]) then
  return 1
end
if #KEYS < 3 then
  return 0
end
local user = tonumber(redis.call('GET', KEYS[2]) or '0')
local addr = tonumber(redis.call('GET', KEYS[3]) or '0')
if user >= tonumber(ARGV[3]) or addr >= tonumber(ARGV[4]) then
  return 2
end
for i = 2, 3 do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('EXPIRE', KEYS[i], ARGV[5])
  end
end
return 0
"""

_RELEASE = """
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 1
"""


class Verdict(enum.Enum):
    """What the throttle says about one sign-in post."""

    ALLOWED = 0  # check the password (a user name's attempt is counted as a failure until it succeeds)
    TOO_MANY_POSTS = 1  # this address posted too often, whatever the outcome
    TOO_MANY_FAILURES = 2  # the user name or the address failed too often: the password must not be checked


@dataclass
class LoginThrottle:
    """The three sign-in limits (see the module docstring)."""

    store: Store
    posts: Limit = Limit(30, 300)
    max_per_user: int = 5
    max_per_ip: int = 20
    window: int = 300

    def __post_init__(self) -> None:
        # Registering only computes the script's SHA (no Redis call); each run goes through the Store.
        self._reserve: Script = self.store.client.register_script(_RESERVE)
        self._release: Script = self.store.client.register_script(_RELEASE)

    @staticmethod
    def _failure_keys(name: str, ip: str) -> list[str]:
        return [f"{{staff}}:fails:user:{name}", f"{{staff}}:fails:ip:{ip}"]

    def reserve(self, name: str | None, ip: str) -> Verdict:
        """Count one sign-in post from ``ip`` and, when ``name`` could be an account, reserve the attempt
        against the failure limits (counted as a failure until :meth:`succeeded`)."""
        keys = [f"{{staff}}:posts:ip:{ip}"] + (self._failure_keys(name, ip) if name is not None else [])
        args = [self.posts.hits, self.posts.seconds, self.max_per_user, self.max_per_ip, self.window]
        return Verdict(int(self.store.run(lambda r: self._reserve(keys=keys, args=args, client=r))))

    def succeeded(self, name: str, ip: str) -> None:
        """The attempt was right: forget the user's failures and give the address its attempt back."""
        keys = self._failure_keys(name, ip)
        self.store.run(lambda r: self._release(keys=keys, client=r))
