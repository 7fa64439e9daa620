"""The hot path's Redis I/O: a batch of commands in one round trip, on a connection each thread keeps.

redis-py's pipeline borrows a connection from the pool for every execution and gives it back (a lock, a poll
of the socket to see that it is clean, connection-count bookkeeping for its metrics, a retry wrapper each
way); for the small batches of a message (:mod:`bot.turns`) that was about as much CPU as the round trip
itself. Here each thread keeps one connection taken from the client's own pool, so closing the client still
closes it and it goes back to the pool when the thread ends. The commands are queued on an ordinary redis-py
pipeline (its command methods, its replies and response callbacks, its error per failed command), only sent
and read on the kept connection, under the connection's own retry policy: a connection that a Redis restart
closed is dropped and made again once, as the pipeline does. Any other failure while a batch is on the wire
drops the connection, so the next batch never reads an old reply.

A batch whose replies nobody waits for (the writes after a message is answered: ``run(build, wait=False)``)
is sent at once and its replies are read with the thread's next batch, or next use of the store (they are
waiting in the socket by then): the reply to the user does not wait for Redis to confirm its statistics.
Redis runs a connection's commands in order, so the thread's next batch (the next message's context)
sees those writes; a reply that reports an error is logged when it is read. Before such a send, a kept
connection the server has closed is replaced (a dead socket takes one more write without an error), and
unread replies are always read before anything else reads the socket (redis-py's health-check PING
included). A connection lost with replies unread is dropped and logged, and is no outage by itself.

Plain Redis only (:func:`supported`): a cluster pipeline routes commands to nodes, and a Sentinel pool
checks on every return that a connection still goes to the master; both keep redis-py's pipeline.
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from typing import Any, Callable

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

__all__ = ["ThreadBatches", "supported"]

log = logging.getLogger(__name__)


def supported(client: object) -> bool:
    """Whether ``client`` is a plain ``redis.Redis`` over a plain connection pool."""
    pool = getattr(client, "connection_pool", None)
    # (client-side caching wraps connections in a proxy: keep redis-py's own pipeline there)
    return type(client) is redis.Redis and type(pool) is redis.ConnectionPool and getattr(pool, "cache", None) is None


class _Kept:
    """One thread's connection and the process it was made in (a forked child makes its own)."""

    __slots__ = ("connection", "pid", "unread", "__weakref__")

    def __init__(self, connection: Any):
        self.connection, self.pid = connection, os.getpid()
        # Batches sent by send() whose replies are still on the wire: (socket, pipeline, commands).
        self.unread: list[tuple[Any, Any, list[tuple[tuple, dict]]]] = []


def _give_back(pool: redis.ConnectionPool, connection: Any, unread: list) -> None:
    """Return a finished thread's connection to the pool; with replies still unread, closed first (the next
    user of the connection must never read them as its own)."""
    if unread:
        connection.disconnect()
    pool.release(connection)


class ThreadBatches:
    """Runs batches for :meth:`bot.storage.Store.batch` on a connection per thread; see the module docstring."""

    def __init__(self, client: redis.Redis):
        self.client = client
        self.pool = client.connection_pool
        self._local = threading.local()

    def _kept(self) -> _Kept:
        kept: _Kept | None = getattr(self._local, "kept", None)
        if kept is None or kept.pid != os.getpid():
            kept = _Kept(self.pool.get_connection())
            # When the thread ends its locals go, and the connection goes back to the pool.
            weakref.finalize(kept, _give_back, self.pool, kept.connection, kept.unread)
            self._local.kept = kept
        return kept

    def settle(self) -> None:
        """Read the replies of this thread's earlier unwaited batches, if any (so what this thread does
        next on another connection comes after them). A connection lost meanwhile is dropped and logged, not
        raised: the writes it carried are unconfirmed, and what comes next reconnects under its own retry."""
        kept: _Kept | None = getattr(self._local, "kept", None)
        if kept is not None and kept.unread:
            try:
                self._read_unread(kept)
            except BaseException as exc:
                self._drop(kept, exc)
                if not isinstance(exc, (RedisConnectionError, RedisTimeoutError, OSError)):
                    raise

    def run(self, build: Callable[[Any], None], wait: bool = True) -> list[Any]:
        """The replies to the commands ``build(pipeline)`` queues, in order; a command that failed on its own
        leaves its ``ResponseError`` in its place (``raise_on_error=False``). Connection errors raise.
        ``wait=False``: the commands are sent and their replies left for this thread's next batch (see the
        module docstring), and an empty list is returned (a batch with a script is still waited for)."""
        pipe = self.client.pipeline(transaction=False)
        build(pipe)
        commands = pipe.command_stack
        if not commands:
            return []
        if pipe.scripts:  # registered Script objects need loading first: the pipeline does that
            return list(pipe.execute(raise_on_error=False))
        kept = self._kept()
        conn = kept.connection
        return conn.retry.call_with_retry(lambda: self._send(kept, pipe, commands, wait),
                                          lambda _error: conn.disconnect())

    def _send(self, kept: _Kept, pipe: Any, commands: list[tuple[tuple, dict]], wait: bool) -> list[Any]:
        conn = kept.connection
        try:
            if kept.unread:  # (before anything else reads from the socket, redis-py's health check included)
                self._read_unread(kept)
            elif not wait:
                self._drop_if_closed(conn)
            conn.send_packed_command(conn.pack_commands([args for args, _ in commands]))
            if not wait:
                kept.unread.append((conn._sock, pipe, commands))
                return []
            return self._read(conn, pipe, commands)
        except BaseException as exc:
            self._drop(kept, exc)  # replies may be left unread: never read them as the next batch's
            raise

    @staticmethod
    def _drop_if_closed(conn: Any) -> None:
        """Close a kept connection the server has closed (a restart, an idle timeout) before writing to it: a
        socket whose peer is gone takes one more write without an error, and a write nobody waits for would be
        lost with it. Nothing is owed on this connection, so anything to read means it is closed."""
        if getattr(conn, "_sock", None) is None:
            return
        try:
            if conn.can_read(timeout=0):
                conn.disconnect()
        except (RedisConnectionError, RedisTimeoutError, OSError):
            conn.disconnect()

    @staticmethod
    def _drop(kept: _Kept, exc: BaseException) -> None:
        """Close the kept connection after ``exc``; batches sent on it without waiting stay unconfirmed."""
        kept.connection.disconnect()
        if kept.unread:
            log.warning("redis connection lost with %d batch(es) sent without waiting unconfirmed: %s",
                        len(kept.unread), exc)
            kept.unread.clear()

    @staticmethod
    def _read(conn: Any, pipe: Any, commands: list[tuple[tuple, dict]]) -> list[Any]:
        replies: list[Any] = []
        for args, options in commands:
            try:
                replies.append(pipe.parse_response(conn, args[0], **options))
            except ResponseError as exc:
                replies.append(exc)
        return replies

    def _read_unread(self, kept: _Kept) -> None:
        conn = kept.connection
        while kept.unread:
            sock, pipe, commands = kept.unread[0]
            if sock is not getattr(conn, "_sock", None):
                kept.unread.pop(0)
                continue  # sent on a socket since closed (the pool's disconnect, say): its replies went with it
            replies = self._read(conn, pipe, commands)
            kept.unread.pop(0)
            for (args, _options), reply in zip(commands, replies):
                if isinstance(reply, ResponseError):
                    log.warning("redis refused %s, sent without waiting: %s", args[0], reply)
