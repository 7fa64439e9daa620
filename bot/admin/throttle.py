"""Login throttling that cannot be raced: an attempt is counted before its password is checked.

Checking "too many failures?" and then recording a failure after the (slow, deliberately) password
hash lets every concurrent attempt pass the check before any failure is counted. Here one Lua script
reserves the attempt against both the user's and the address's counters atomically: it refuses when
either is at its limit, and otherwise counts the attempt, starting the window at the first one. A
successful sign-in gives the reservation back (the user's counter is cleared, the address's lowered),
so only failures accumulate.

The keys share the ``{staff}`` hash tag, so the script runs on a Redis Cluster too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LoginThrottle"]

_RESERVE = """
local user = tonumber(redis.call('GET', KEYS[1]) or '0')
local addr = tonumber(redis.call('GET', KEYS[2]) or '0')
if user >= tonumber(ARGV[1]) or addr >= tonumber(ARGV[2]) then
  return 0
end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then
    redis.call('EXPIRE', key, ARGV[3])
  end
end
return 1
"""

_RELEASE = """
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 1
"""


@dataclass
class LoginThrottle:
    """Failed sign-ins allowed per user name and per client address in a window of ``window`` seconds."""

    client: Any  # a redis-py client (standalone or cluster)
    max_per_user: int = 5
    max_per_ip: int = 20
    window: int = 300
    _scripts: dict = field(default_factory=dict, init=False, repr=False)

    def _keys(self, name: str, ip: str) -> list[str]:
        return [f"{{staff}}:fails:user:{name}", f"{{staff}}:fails:ip:{ip}"]

    def _script(self, source: str):
        if source not in self._scripts:
            self._scripts[source] = self.client.register_script(source)
        return self._scripts[source]

    def reserve(self, name: str, ip: str) -> bool:
        """Count one attempt for ``name`` from ``ip``; False (nothing counted) when either is at its limit,
        in which case the password must not be checked."""
        return bool(self._script(_RESERVE)(keys=self._keys(name, ip),
                                           args=[self.max_per_user, self.max_per_ip, self.window]))

    def succeeded(self, name: str, ip: str) -> None:
        """The attempt was right: forget the user's failures and give the address its attempt back."""
        self._script(_RELEASE)(keys=self._keys(name, ip))
