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

Plain Redis only (:func:`supported`): a cluster pipeline routes commands to nodes, and a Sentinel pool
checks on every return that a connection still goes to the master; both keep redis-py's pipeline.
"""

from __future__ import annotations

import os
import threading
import weakref
from typing import Any, Callable

import redis
from redis.exceptions import ResponseError

__all__ = ["ThreadBatches", "supported"]


def supported(client: object) -> bool:
    """Whether ``client`` is a plain ``redis.Redis`` over a plain connection pool."""
    return type(client) is redis.Redis and type(getattr(client, "connection_pool", None)) is redis.ConnectionPool


class _Kept:
    """One thread's connection and the process it was made in (a forked child makes its own)."""

    __slots__ = ("connection", "pid", "__weakref__")

    def __init__(self, connection: Any):
        self.connection, self.pid = connection, os.getpid()


class ThreadBatches:
    """Runs batches for :meth:`bot.storage.Store.batch` on a connection per thread; see the module docstring."""

    def __init__(self, client: redis.Redis):
        self.client = client
        self.pool = client.connection_pool
        self._local = threading.local()

    def _connection(self) -> Any:
        kept: _Kept | None = getattr(self._local, "kept", None)
        if kept is None or kept.pid != os.getpid():
            kept = _Kept(self.pool.get_connection())
            # When the thread ends its locals go, and the connection goes back to the pool.
            weakref.finalize(kept, self.pool.release, kept.connection)
            self._local.kept = kept
        return kept.connection

    def run(self, build: Callable[[Any], None]) -> list[Any]:
        """The replies to the commands ``build(pipeline)`` queues, in order; a command that failed on its own
        leaves its ``ResponseError`` in its place (``raise_on_error=False``). Connection errors raise."""
        pipe = self.client.pipeline(transaction=False)
        build(pipe)
        commands = pipe.command_stack
        if not commands:
            return []
        if pipe.scripts:  # registered Script objects need loading first: the pipeline does that
            return list(pipe.execute(raise_on_error=False))
        conn = self._connection()
        return conn.retry.call_with_retry(lambda: self._send(pipe, conn, commands), lambda _error: conn.disconnect())

    @staticmethod
    def _send(pipe: Any, conn: Any, commands: list[tuple[tuple, dict]]) -> list[Any]:
        try:
            conn.send_packed_command(conn.pack_commands([args for args, _ in commands]))
            replies: list[Any] = []
            for args, options in commands:
                try:
                    replies.append(pipe.parse_response(conn, args[0], **options))
                except ResponseError as exc:
                    replies.append(exc)
            return replies
        except BaseException:
            conn.disconnect()  # replies may be left unread: never read them as the next batch's
            raise
