"""The durable event queue between webhooks and senders: a Redis Stream with a consumer group.

A webhook verifies and de-duplicates its events (one atomic ``SET NX EX`` per event id, shared by all
workers), appends them to the stream and answers the platform at once. Sender threads in every worker
read the stream (``XREADGROUP``), handle each event and acknowledge it (``XACK``). An event whose worker
died before acknowledging it stays pending and is claimed by another worker (``XAUTOCLAIM``) once it has
been idle for ``claim_idle`` seconds; a worker busy with a slow platform API keeps its events (heartbeat).

The :class:`Ledger` records, per event, that a reply is being sent and that it was sent, so a reclaimed or
redelivered event is never answered twice.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

import redis

from . import metrics
from .logs import request_id
from .storage import Store, StoreUnavailable

__all__ = ["EventQueue", "QueuedEvent", "Ledger", "SenderPool"]

log = logging.getLogger(__name__)

STREAM = "{events}:stream"
GROUP = "senders"
DEAD = "{events}:dead"
SEEN_TTL = 24 * 3600  # the default de-duplication window (DEDUP_WINDOW): platforms redeliver within hours
# Keys outlive the window by this much: the age check reads the platform's clock, the key's TTL starts on
# ours, and a redelivery must never find its key gone while its age still passes (see common.event_age).
CLOCK_MARGIN = 300
MAX_ATTEMPTS = 5  # an event that keeps failing goes to the dead-letter stream


@dataclass
class QueuedEvent:
    """One platform event as queued: channel, its id, the raw payload, when it arrived."""

    channel: str
    event_id: str
    payload: dict
    received: float
    message_id: str = ""  # the stream entry id
    reclaimed: bool = False  # taken over from a worker that did not acknowledge it


class Ledger:
    """Per-event send state in Redis: ``sending`` just before a platform call, ``sent`` after it."""

    def __init__(self, store: Store, window: int = SEEN_TTL):
        self.store = store
        self.ttl = window + CLOCK_MARGIN

    @staticmethod
    def _key(channel: str, event_id: str) -> str:
        return f"{{events}}:sent:{channel}:{event_id}"

    def state(self, channel: str, event_id: str) -> str | None:
        """The recorded state, or None (also when Redis is down: sending is then a best effort)."""
        try:
            return self.store.run(lambda r: r.get(self._key(channel, event_id)))
        except StoreUnavailable:
            return None

    def mark(self, channel: str, event_id: str, state: str | None) -> None:
        key = self._key(channel, event_id)
        try:
            if state is None:
                self.store.run(lambda r: r.delete(key))
            else:
                self.store.run(lambda r: r.set(key, state, ex=self.ttl))
        except StoreUnavailable:
            log.warning("send state of %s/%s not recorded (redis unavailable)", channel, event_id)


class EventQueue:
    """Enqueue (with de-duplication) and consume platform events."""

    BLOCK_MS = 1000

    def __init__(self, store: Store, claim_idle: float = 10.0, window: int = SEEN_TTL):
        self.store = store
        self.ttl = window + CLOCK_MARGIN  # how long an event id is remembered (and its attempts counted)
        self.reader = store.blocking(self.BLOCK_MS / 1000 + 2.0)  # XREADGROUP BLOCK outlasts normal timeouts
        self.claim_idle_ms = int(claim_idle * 1000)
        self._group_ready = False

    # De-duplicate and enqueue in one atomic round trip: SET NX EX, and XADD only if the SET won.
    # Both keys carry the {events} hash tag, so the script never crosses Redis Cluster slots.
    _ACCEPT = """
    if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
        return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*',
                          'channel', ARGV[3], 'id', ARGV[4], 'payload', ARGV[5], 'received', ARGV[6])
    end
    return false
    """

    def accept(self, channel: str, event_id: str, payload: dict) -> bool:
        """Queue an event unless it was seen before; True if it was new. One atomic script call."""
        keys = [f"{{events}}:seen:{channel}:{event_id}", STREAM]
        argv = [self.ttl, 100_000, channel, event_id, json.dumps(payload, ensure_ascii=False), f"{time.time():.3f}"]
        return bool(self.store.run(lambda r: self._accept_script(r)(keys=keys, args=argv)))

    def _accept_script(self, client):
        script = getattr(self, "_script", None)
        if script is None or script.registered_client is not client:
            script = self._script = client.register_script(self._ACCEPT)
        return script

    def ensure_group(self) -> None:
        if self._group_ready:
            return

        def create(r):
            try:
                r.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
            except redis.ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

        self.store.run(create)
        self._group_ready = True

    @staticmethod
    def _decode(message_id: str, fields: dict, reclaimed: bool) -> QueuedEvent:
        return QueuedEvent(fields["channel"], fields["id"], json.loads(fields["payload"]),
                           float(fields.get("received", 0)), message_id, reclaimed)

    def read(self, consumer: str, count: int = 10, block_ms: int = BLOCK_MS) -> list[QueuedEvent]:
        self.ensure_group()
        block_ms = min(block_ms, self.BLOCK_MS)
        resp = self.reader.run(lambda r: r.xreadgroup(GROUP, consumer, {STREAM: ">"}, count=count, block=block_ms))
        out: list[QueuedEvent] = []
        for _, messages in resp or []:
            out.extend(self._decode(mid, f, False) for mid, f in messages if f)
        return out

    def reclaim(self, consumer: str, count: int = 10) -> list[QueuedEvent]:
        """Events another consumer took but did not acknowledge within ``claim_idle``."""
        self.ensure_group()
        resp = self.store.run(lambda r: r.xautoclaim(STREAM, GROUP, consumer, self.claim_idle_ms, "0-0", count=count))
        messages = resp[1] if resp else []
        return [self._decode(mid, f, True) for mid, f in messages if f]

    def heartbeat(self, consumer: str, message_id: str) -> None:
        """Tell the group this consumer is still working on ``message_id`` (resets its idle time)."""
        try:
            self.store.run(lambda r: r.xclaim(STREAM, GROUP, consumer, 0, [message_id], justid=True))
        except StoreUnavailable:
            pass

    def ack(self, message_id: str) -> None:
        self.store.run(lambda r: r.xack(STREAM, GROUP, message_id))

    def finish(self, event: QueuedEvent) -> None:
        """Acknowledge the event and drop its attempt counter, in one round trip."""
        def run(r):
            pipe = r.pipeline(transaction=False)
            pipe.xack(STREAM, GROUP, event.message_id)
            pipe.delete(f"{{events}}:attempts:{event.channel}:{event.event_id}")
            pipe.execute()

        self.store.run(run)

    def attempts(self, event: QueuedEvent) -> int:
        key = f"{{events}}:attempts:{event.channel}:{event.event_id}"

        def incr(r):
            pipe = r.pipeline(transaction=True)
            pipe.incr(key)
            pipe.expire(key, self.ttl)
            return pipe.execute()[0]

        return int(self.store.run(incr))

    def dead_letter(self, event: QueuedEvent, reason: str) -> None:
        fields = {"channel": event.channel, "id": event.event_id, "payload": json.dumps(event.payload),
                  "reason": reason[:500]}
        self.store.run(lambda r: r.xadd(DEAD, fields, maxlen=10_000, approximate=True))
        self.ack(event.message_id)


Handler = Callable[[QueuedEvent, Callable[[], None]], None]


class SenderPool:
    """Sender threads of one worker: consume the queue and hand each event to its channel's handler.

    Events whose enqueueing failed (Redis down) are handled at once by a small local thread pool, as a
    best effort, so nothing is dropped while the webhook still answers immediately.
    """

    def __init__(self, queue: EventQueue, handlers: dict[str, Handler], threads: int = 2):
        self.queue = queue
        self.handlers = handlers
        self.threads = threads
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._local = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sender-local")
        self._started_pid: int | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the threads (idempotent; restarts them in a forked child)."""
        with self._lock:
            if self._started_pid == os.getpid():
                return
            self._started_pid = os.getpid()
            self._stop.clear()
            base = f"{socket.gethostname()}-{os.getpid()}"
            self._workers = [threading.Thread(target=self._run, args=(f"{base}-{i}",), daemon=True,
                                              name=f"sender-{i}") for i in range(self.threads)]
            for t in self._workers:
                t.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        for t in self._workers:
            t.join(timeout)
        self._local.shutdown(wait=False)

    def handle_locally(self, event: QueuedEvent) -> None:
        """Best effort without the queue (Redis unavailable): handle in this process now."""
        self._local.submit(self._handle, event, "local", lambda: None)

    def _run(self, consumer: str) -> None:
        last_claim = 0.0
        while not self._stop.is_set():
            try:
                events: list[QueuedEvent] = []
                if time.monotonic() - last_claim > 1.0:
                    last_claim = time.monotonic()
                    events = self.queue.reclaim(consumer)
                if not events:
                    events = self.queue.read(consumer, count=10)
                for event in events:
                    self._process(event, consumer)
            except StoreUnavailable:
                self._stop.wait(1.0)
            except Exception:  # never let the thread die: log, count, go on
                log.exception("sender loop error")
                metrics.ERRORS.labels("sender").inc()
                self._stop.wait(1.0)

    def _process(self, event: QueuedEvent, consumer: str) -> None:
        if self.queue.attempts(event) > MAX_ATTEMPTS:
            log.error("event %s/%s failed %d times; moved to the dead-letter stream", event.channel,
                      event.event_id, MAX_ATTEMPTS)
            self.queue.dead_letter(event, "too many attempts")
            return
        ok = self._handle(event, consumer, lambda: self.queue.heartbeat(consumer, event.message_id))
        if ok:
            self.queue.finish(event)

    def _handle(self, event: QueuedEvent, consumer: str, heartbeat: Callable[[], None]) -> bool:
        handler = self.handlers.get(event.channel)
        if handler is None:
            log.error("no handler for channel %s; event dropped", event.channel)
            return True
        token = request_id.set(f"{event.channel}:{event.event_id}")  # log lines of this event carry its id
        try:
            handler(event, heartbeat)
            return True
        except Exception:
            log.exception("event %s/%s failed (it will be retried)", event.channel, event.event_id)
            metrics.ERRORS.labels(event.channel).inc()
            return False
        finally:
            request_id.reset(token)
