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

A batch whose replies nobody waits for (the writes after a message is answered: :meth:`ThreadBatches.send`)
is sent at once and its replies are read with the thread's next batch, or next use of the store (they are
waiting in the socket by then): the reply to the user does not wait for Redis to confirm its statistics.
Redis runs a connection's commands in order, so the thread's next batch (the next message's context)
sees those writes; a reply that reports an error is logged when it is read. Replies sent on a socket that
has since been replaced (a reconnect) are not waited for: they went with it.

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
from redis.exceptions import ResponseError

__all__ = ["ThreadBatches", "supported"]

log = logging.getLogger(__name__)

UNREAD_MAX = 16  # batches sent without a read before the thread reads their replies anyway


def supported(client: object) -> bool:
    """Whether ``client`` is a plain ``redis.Redis`` over a plain connection pool."""
    return type(client) is redis.Redis and type(getattr(client, "connection_pool", None)) is redis.ConnectionPool


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

    def _connection(self) -> Any:
        return self._kept().connection

    def settle(self) -> None:
        """Read the replies of this thread's earlier :meth:`send` batches, if any (so what this thread does
        next on another connection comes after them)."""
        kept: _Kept | None = getattr(self._local, "kept", None)
        if kept is not None and kept.unread:
            conn = kept.connection
            try:
                self._read_unread(kept)
            except BaseException:
                conn.disconnect()
                kept.unread.clear()
                raise

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
        kept = self._kept()
        conn = kept.connection
        return conn.retry.call_with_retry(lambda: self._send(kept, pipe, commands), lambda _error: conn.disconnect())

    def send(self, build: Callable[[Any], None]) -> None:
        """Send the commands ``build(pipeline)`` queues without waiting for their replies, which this
        thread reads with its next batch (see the module docstring). Connection errors raise."""
        pipe = self.client.pipeline(transaction=False)
        build(pipe)
        commands = pipe.command_stack
        if not commands:
            return
        if pipe.scripts:
            pipe.execute(raise_on_error=False)
            return
        kept = self._kept()
        conn = kept.connection
        conn.retry.call_with_retry(lambda: self._send(kept, pipe, commands, wait=False),
                                   lambda _error: conn.disconnect())

    def _send(self, kept: _Kept, pipe: Any, commands: list[tuple[tuple, dict]], wait: bool = True) -> list[Any]:
        conn = kept.connection
        try:
            if len(kept.unread) >= (1 if wait else UNREAD_MAX):
                self._read_unread(kept)
            conn.send_packed_command(conn.pack_commands([args for args, _ in commands]))
            if not wait:
                kept.unread.append((conn._sock, pipe, commands))
                return []
            return self._read(conn, pipe, commands)
        except BaseException:
            conn.disconnect()  # replies may be left unread: never read them as the next batch's
            kept.unread.clear()
            raise

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
            sock, pipe, commands = kept.unread.pop(0)
            if sock is not conn._sock:
                continue  # sent on a socket since closed: its replies went with it
            for (args, _options), reply in zip(commands, self._read(conn, pipe, commands)):
                if isinstance(reply, ResponseError):
                    log.warning("redis refused %s, sent without waiting: %s", args[0], reply)
