"""The Redis connection: the server at ``REDIS_URL``, or an embedded one started by the app.

One code path, redis-py, in every case. The embedded server (:mod:`bot.embedded`) is a real
``redis-server`` persisted under ``BOT_DATA_DIR`` with append-only persistence and restarted if it
stops, so a fresh machine needs no set-up and staff data survive restarts. A Redis Cluster is used through redis-py's ``RedisCluster`` when
``REDIS_URL`` has a cluster scheme (``redis+cluster://host:port``) or ``REDIS_CLUSTER`` is on: every key
that one command, transaction or script touches shares a hash tag (``{faq}``, ``{events}``, ...), so
nothing crosses slots.

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
from urllib.parse import unquote, urlsplit

import redis
from redis.backoff import ExponentialWithJitterBackoff
from redis.cluster import RedisCluster
from redis.retry import Retry
from redis.sentinel import SentinelConnectionPool
from redis.exceptions import (ClusterDownError, CrossSlotTransactionError, InvalidPipelineStack,
                              RedisClusterException, SlotNotCoveredError)

from .batches import ThreadBatches, supported

__all__ = ["Store", "StoreUnavailable", "connect", "is_cluster_url"]

CLUSTER_SCHEMES = ("redis+cluster://", "rediss+cluster://")
SENTINEL_SCHEMES = ("redis+sentinel://",)
# What an outage looks like: a server that cannot be reached, or a cluster missing a slot's master.
# (MasterNotFoundError, during a Sentinel failover, is a ConnectionError.)
OUTAGE_ERRORS = (redis.ConnectionError, redis.TimeoutError, OSError, ClusterDownError, SlotNotCoveredError)
PROGRAMMING_ERRORS = (CrossSlotTransactionError, InvalidPipelineStack)

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoreUnavailable(RuntimeError):
    """Redis cannot be reached right now."""


def is_cluster_url(url: str | None) -> bool:
    """True for ``redis+cluster://`` and ``rediss+cluster://`` URLs."""
    return url is not None and url.startswith(CLUSTER_SCHEMES)


def connect(url: str | None, data_dir: str | Path, timeout: float = 0.5,
            cluster: bool = False) -> tuple[redis.Redis | RedisCluster, str]:
    """A redis-py client for ``url`` (a ``RedisCluster`` for a cluster URL or ``cluster=True``, the
    Sentinel-managed master for a ``redis+sentinel://`` URL), or for an embedded server when ``url`` is
    empty; and the mode: ``url``, ``cluster``, ``sentinel`` or ``embedded``."""
    if not url:
        from .embedded import start_embedded

        url = start_embedded(data_dir)
        return _client(url, timeout), "embedded"
    if cluster or is_cluster_url(url):
        return _cluster_client(url, timeout), "cluster"
    if url.startswith(SENTINEL_SCHEMES):
        return _sentinel_client(url, timeout), "sentinel"
    return _client(url, timeout), "url"


def _client(url: str, timeout: float) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                health_check_interval=30, decode_responses=True, retry=_quick_retry())


def _cluster_client(url: str, timeout: float) -> RedisCluster:
    url = url.replace("+cluster://", "://", 1)
    return RedisCluster.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout,
                                 decode_responses=True, retry=_quick_retry())


def _sentinel_client(url: str, timeout: float) -> redis.Redis:
    """``redis+sentinel://[:password@]host:port[,host:port...]/service[/db]``: the current master of
    ``service`` as the Sentinels report it; after a failover, reconnections go to the new master."""
    from redis.sentinel import Sentinel

    parts = urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2]
    service, _, db = parts.path.strip("/").partition("/")
    if not netloc or not service or parts.query:
        raise ValueError("REDIS_URL: use redis+sentinel://[user:password@]host:26379[,host:26379]/service-name[/db]")
    nodes = []
    for host in netloc.split(","):
        name, port = host.rsplit(":", 1) if ":" in host and not host.endswith("]") else (host, "")
        nodes.append((name.strip("[]"), int(port) if port else 26379))
    sentinel = Sentinel(nodes, sentinel_kwargs={"socket_timeout": timeout, "socket_connect_timeout": timeout})
    return sentinel.master_for(unquote(service), db=int(db or 0), username=unquote(parts.username or "") or None,
                               password=unquote(parts.password or "") or None, socket_timeout=timeout,
                               socket_connect_timeout=timeout, decode_responses=True, retry=_quick_retry())


def _quick_retry() -> Retry:
    """One quick retry: enough to replace a pooled connection that a Redis restart closed, or to follow
    a moved cluster slot. redis-py's default (3 retries, backoff up to 10 s) would hold every request
    for seconds during an outage; the Store's breaker decides when to try again instead."""
    return Retry(ExponentialWithJitterBackoff(base=0.01, cap=0.05), retries=1)


class Store:
    """Redis access with a circuit breaker; see the module docstring."""

    def __init__(self, client: redis.Redis | RedisCluster, mode: str = "url", retry_after: float = 2.0,
                 on_error: Callable[[], None] | None = None, on_state: Callable[[bool], None] | None = None):
        self.client = client
        self._on_state = on_state
        self.mode = mode
        self.retry_after = retry_after
        self._down_until = 0.0
        self._down_since: float | None = None
        self._lock = threading.Lock()
        self._on_error = on_error
        # The hot path's batches: on a connection each thread keeps, where the client allows it (bot.batches).
        self._batches = ThreadBatches(client) if supported(client) else None

    def blocking(self, timeout: float) -> "Store":
        """A store for blocking commands (``XREADGROUP BLOCK``): same server, longer socket timeout,
        its own connections, the same breaker settings."""
        if isinstance(self.client, RedisCluster):
            nodes = self.client.nodes_manager
            client = RedisCluster(startup_nodes=list(nodes.startup_nodes.values()),
                                  **{**nodes.connection_kwargs, "socket_timeout": timeout},
                                  retry=_quick_retry())
        elif isinstance(self.client.connection_pool, SentinelConnectionPool):
            pool = self.client.connection_pool
            kwargs = {**pool.connection_kwargs, "socket_timeout": timeout}
            client = pool.sentinel_manager.master_for(pool.service_name, **kwargs)
        else:
            kwargs = dict(self.client.connection_pool.connection_kwargs)
            kwargs["socket_timeout"] = timeout
            base = self.client.connection_pool
            client = redis.Redis(connection_pool=base.__class__(connection_class=base.connection_class, **kwargs))
        return Store(client, self.mode, self.retry_after, self._on_error, self._on_state)

    @property
    def available(self) -> bool:
        """False while the breaker is open after a recent failure."""
        return time.monotonic() >= self._down_until

    def run(self, fn: Callable[[redis.Redis], T], confirmed: bool = True) -> T:
        """Run ``fn(client)``; raise :class:`StoreUnavailable` if Redis is down or fails. ``confirmed=False``:
        ``fn`` only wrote without waiting for a reply, which is no sign that Redis is back after an outage."""
        if not self.available:
            raise StoreUnavailable("redis is unavailable (retrying shortly)")
        try:
            if self._batches is not None:
                self._batches.settle()  # this thread's writes sent without waiting come first
            result = fn(self.client)
        except OUTAGE_ERRORS as exc:
            self._trip(exc)
            raise StoreUnavailable(str(exc)) from exc
        except RedisClusterException as exc:
            if isinstance(exc, PROGRAMMING_ERRORS):
                raise  # a bug (keys in different slots), not an outage
            self._trip(exc)  # "Redis Cluster cannot be connected": every node is unreachable
            raise StoreUnavailable(str(exc)) from exc
        if self._down_since is not None and confirmed:
            with self._lock:
                if self._down_since is not None:
                    log.warning("redis is back after %.1f s", time.monotonic() - self._down_since)
                    self._down_since = None
                    self._state(True)
        return result

    def batch(self, build: Callable[[Any], None]) -> list[Any]:
        """Send the commands ``build(pipeline)`` queues together: one round trip (one per node on a
        cluster), for the hot path. The results come back in order; a command that failed on its own (a
        wrong type, a script error) leaves its exception in its place, while an outage raises
        :class:`StoreUnavailable` like :meth:`run`. Not a transaction: each command (or script) is atomic
        by itself, and on a cluster the commands may go to different slots. On a plain Redis the batch
        goes over a connection the calling thread keeps (:mod:`bot.batches`)."""
        batches = self._batches
        if batches is not None:
            return self.run(lambda _client: batches.run(build))

        def send(client: Any) -> list[Any]:
            pipe = client.pipeline(transaction=False)
            build(pipe)
            return list(pipe.execute(raise_on_error=False))

        return self.run(send)

    def send(self, build: Callable[[Any], None]) -> None:
        """Like :meth:`batch` for writes whose replies nobody needs: sent now, their replies read with this
        thread's next use of the store (:meth:`bot.batches.ThreadBatches.run`, ``wait=False``), so the caller
        does not wait for Redis. A write Redis refuses is logged then; an outage raises :class:`StoreUnavailable`."""
        batches = self._batches
        if batches is None:
            self.batch(build)
            return
        self.run(lambda _client: batches.run(build, wait=False), confirmed=False)

    def ping(self) -> bool:
        """True if Redis answers now (ignores the breaker, so health checks see recovery at once)."""
        try:
            self.client.ping()
        except (redis.RedisError, RedisClusterException, OSError) as exc:
            self._trip(exc)
            return False
        self._down_until = 0.0
        self._state(True)
        return True

    def _state(self, up: bool) -> None:
        if self._on_state:
            self._on_state(up)

    def _trip(self, exc: BaseException) -> None:
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            if self._down_since is None:
                self._down_since = time.monotonic()
                log.error("redis unavailable: %s; answering without context until it returns", exc)
        self._state(False)
        if self._on_error:
            self._on_error()
