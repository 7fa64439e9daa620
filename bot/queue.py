"""The durable event queue between webhooks and senders: per-conversation mailboxes woken through a Redis
Stream with a consumer group.

One conversation's events (a LINE user, group or room; a Messenger user) are answered one at a time, in the
order they were sent, each after the previous one's answer was sent and its context saved: people type fast
and LINE and Meta put several messages of one person into one webhook. Different conversations are answered
in parallel by every sender thread of every worker.

How: a webhook verifies its events, de-duplicates each and appends it to its conversation's *mailbox* (a
Redis list), all of the webhook's events in one atomic script, one round trip (``SET NX EX`` on each event
id, ``RPUSH``); when a mailbox was empty, the same script adds one *wake-up* entry for the conversation to
the stream. Sender threads read wake-ups (``XREADGROUP``); the thread that holds a conversation's wake-up is
the only one answering that conversation: it answers the mailbox's first event, removes it and takes the
next, and acknowledges the wake-up when the mailbox is empty (again one script, so an event arriving at that
moment either finds the mailbox non-empty and is answered by the same thread, or wakes the conversation
anew). A worker that dies keeps its wake-up pending; another worker claims it (``XAUTOCLAIM``) once it has
been idle for ``claim_idle`` seconds and goes on with the mailbox where the dead one stopped. A worker busy
with a slow platform API keeps its wake-up (heartbeat; taking the next event counts as one), and every step
checks that the wake-up is still its own, so two threads never answer one conversation at once.

The :class:`Ledger` records, per event, that a reply is being sent and that it was sent, so an event taken
over from a dead worker, or redelivered by the platform, is never answered twice.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

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
    """One platform event as queued: channel, its id, the raw payload, when it arrived, its conversation."""

    channel: str
    event_id: str
    payload: dict
    received: float
    message_id: str = ""  # the stream entry (wake-up) under which it is answered
    reclaimed: bool = False  # taken over from a worker that did not finish its conversation
    conversation: str = ""  # whose events are answered in order (a user, group or room)


@dataclass
class WakeUp:
    """A stream entry: the conversation ``channel:conversation`` has events in its mailbox."""

    message_id: str
    channel: str
    conversation: str
    reclaimed: bool
    legacy: QueuedEvent | None = None  # an entry written by a version without mailboxes

    @property
    def mailbox(self) -> str:
        return mailbox_key(self.channel, self.conversation)


def mailbox_key(channel: str, conversation: str) -> str:
    """The Redis list holding a conversation's events not yet answered, oldest first."""
    return f"{{events}}:conv:{channel}:{conversation}"


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
    """Enqueue (with de-duplication) into conversation mailboxes, and consume them through wake-ups."""

    # How long a sender thread's read waits for a wake-up: a stopping process waits for its threads this long
    # at most (SIGTERM within 2 s, sender process and Redis included); an idle thread reads 4 times a second.
    BLOCK_MS = 250

    def __init__(self, store: Store, claim_idle: float = 10.0, window: int = SEEN_TTL):
        self.store = store
        self.ttl = window + CLOCK_MARGIN  # how long an event id is remembered (and its attempts counted)
        self.reader = store.blocking(self.BLOCK_MS / 1000 + 2.0)  # XREADGROUP BLOCK outlasts normal timeouts
        self.claim_idle_ms = int(claim_idle * 1000)
        self._group_ready = False
        self._scripts: dict[str, object] = {}

    # De-duplicate and enqueue a webhook's events in one atomic round trip, in the order given; for each:
    # SET NX EX on its id; RPUSH to its conversation's mailbox only if the SET won; a wake-up only if the
    # mailbox was empty (otherwise a sender already holds one for it, or an earlier event of this call added
    # it). KEYS: the stream, then per event its seen key and its mailbox; ARGV: ttl, stream length, channel,
    # then per event its conversation and item. Returns 1 (queued) or 0 (a duplicate) per event. Every key
    # carries the {events} hash tag, so the script never crosses Redis Cluster slots.
    _ACCEPT = """
    local out = {}
    for i = 1, (#KEYS - 1) / 2 do
        local box = KEYS[2 * i + 1]
        if redis.call('SET', KEYS[2 * i], '1', 'NX', 'EX', ARGV[1]) then
            local n = redis.call('RPUSH', box, ARGV[2 * i + 3])
            redis.call('EXPIRE', box, ARGV[1])
            if n == 1 then
                redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'channel', ARGV[3], 'conv', ARGV[2 * i + 2])
            end
            out[i] = 1
        else
            out[i] = 0
        end
    end
    return out
    """

    # The next event of a conversation for the holder of its wake-up: -1 when the wake-up is no longer this
    # consumer's (another worker claimed it), 0 when the mailbox is empty (the wake-up is then acknowledged
    # and deleted, in the same step), else the first event, with the wake-up's idle time reset as a
    # heartbeat does (so none is needed right after). ARGV[4], when given, is the event just answered: it is
    # removed first (only if it is still first: a takeover may have removed it already).
    _NEXT = """
    local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
    if #p == 0 or p[1][2] ~= ARGV[3] then
        return -1
    end
    if ARGV[4] ~= '' and redis.call('LINDEX', KEYS[2], 0) == ARGV[4] then
        redis.call('LPOP', KEYS[2])
    end
    local head = redis.call('LINDEX', KEYS[2], 0)
    if not head then
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 0
    end
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
    return head
    """

    # A heartbeat that never takes a wake-up back from a worker that has claimed it in the meantime.
    _HEARTBEAT = """
    local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
    if #p == 0 or p[1][2] ~= ARGV[3] then
        return 0
    end
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
    return 1
    """

    def _script(self, client, source: str):
        script = self._scripts.get(source)
        if script is None or script.registered_client is not client:  # type: ignore[attr-defined]
            script = self._scripts[source] = client.register_script(source)
        return script

    def accept(self, channel: str, event_id: str, payload: dict, conversation: str = "") -> bool:
        """Queue an event unless it was seen before; True if it was new. One atomic script call.

        ``conversation`` names whose events are answered in order (without one, the event is its own)."""
        return self.accept_many(channel, [(event_id, conversation, payload)])[0]

    def accept_many(self, channel: str, events: Sequence[tuple[str, str, dict]]) -> list[bool]:
        """Queue a webhook's events ``(event id, conversation, payload)`` in this order, each unless it was
        seen before: one atomic script call (one round trip) for all of them. Per event, True if it was new.

        A conversation names whose events are answered in order (an empty one: the event is its own)."""
        if not events:
            return []
        received = round(time.time(), 3)
        keys = [STREAM]
        argv: list[object] = [self.ttl, 100_000, channel]
        for event_id, conversation, payload in events:
            conversation = conversation or f"event:{event_id}"
            keys += (f"{{events}}:seen:{channel}:{event_id}", mailbox_key(channel, conversation))
            argv += (conversation, json.dumps({"id": event_id, "payload": payload, "received": received},
                                              ensure_ascii=False))
        got = self.store.run(lambda r: self._script(r, self._ACCEPT)(keys=keys, args=argv))
        return [bool(n) for n in got]

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
    def _decode(message_id: str, fields: dict, reclaimed: bool) -> WakeUp:
        if "payload" in fields:  # queued by a version without mailboxes (a rolling upgrade): one event
            event = QueuedEvent(fields["channel"], fields["id"], json.loads(fields["payload"]),
                                float(fields.get("received", 0)), message_id, reclaimed)
            return WakeUp(message_id, fields["channel"], "", reclaimed, legacy=event)
        return WakeUp(message_id, fields["channel"], fields["conv"], reclaimed)

    def read(self, consumer: str, count: int = 1, block_ms: int = BLOCK_MS) -> list[WakeUp]:
        """New wake-ups for this consumer (blocking up to ``block_ms``)."""
        self.ensure_group()
        block_ms = min(block_ms, self.BLOCK_MS)
        resp = self.reader.run(lambda r: r.xreadgroup(GROUP, consumer, {STREAM: ">"}, count=count, block=block_ms))
        out: list[WakeUp] = []
        for _, messages in resp or []:
            out.extend(self._decode(mid, f, False) for mid, f in messages if f)
        return out

    def reclaim(self, consumer: str, count: int = 1) -> list[WakeUp]:
        """Wake-ups another consumer took and did not heartbeat within ``claim_idle`` (it died or hangs)."""
        self.ensure_group()
        resp = self.store.run(lambda r: r.xautoclaim(STREAM, GROUP, consumer, self.claim_idle_ms, "0-0", count=count))
        messages = resp[1] if resp else []
        return [self._decode(mid, f, True) for mid, f in messages if f]

    def next_event(self, wake: WakeUp, consumer: str, done: str = "") -> str | None | bool:
        """The raw next event of ``wake``'s conversation, None when it has none left (the wake-up is then
        acknowledged), False when the wake-up is no longer this consumer's. ``done``: the raw event just
        answered, removed first. Returning an event counts as a heartbeat."""
        keys = [STREAM, wake.mailbox]
        argv = [GROUP, wake.message_id, consumer, done]
        got = self.store.run(lambda r: self._script(r, self._NEXT)(keys=keys, args=argv))
        if got == -1:
            return False
        if got == 0:
            return None
        return got

    def event(self, wake: WakeUp, raw: str) -> QueuedEvent:
        data = json.loads(raw)
        return QueuedEvent(wake.channel, data["id"], data["payload"], float(data.get("received", 0)),
                           wake.message_id, wake.reclaimed, wake.conversation)

    def heartbeat(self, consumer: str, message_id: str) -> bool:
        """Tell the group this consumer is still working on ``message_id`` (resets its idle time); False
        when another consumer has claimed it meanwhile."""
        try:
            return bool(self.store.run(lambda r: self._script(r, self._HEARTBEAT)(
                keys=[STREAM], args=[GROUP, message_id, consumer])))
        except StoreUnavailable:
            return True

    def ack(self, message_id: str) -> None:
        self.store.run(lambda r: r.xack(STREAM, GROUP, message_id))

    def attempts(self, event: QueuedEvent) -> int:
        key = f"{{events}}:attempts:{event.channel}:{event.event_id}"

        def incr(r):
            pipe = r.pipeline(transaction=True)
            pipe.incr(key)
            pipe.expire(key, self.ttl)
            return pipe.execute()[0]

        return int(self.store.run(incr))

    def dead_letter(self, event: QueuedEvent, reason: str) -> None:
        """Keep a failing event in the dead-letter stream (for people to look at)."""
        fields = {"channel": event.channel, "id": event.event_id, "payload": json.dumps(event.payload),
                  "reason": reason[:500]}
        self.store.run(lambda r: r.xadd(DEAD, fields, maxlen=10_000, approximate=True))


Handler = Callable[[QueuedEvent, Callable[[], None]], None]


class SenderPool:
    """Sender threads of one worker: take a conversation's wake-up, answer its events one at a time in
    order through their channel's handler, then take the next wake-up.

    Events whose enqueueing failed (Redis down) are handled at once in this worker, as a best effort, so
    nothing is dropped while the webhook still answers immediately; one conversation's events are still
    handled one at a time, in the order they came (within this worker).
    """

    def __init__(self, queue: EventQueue, handlers: dict[str, Handler], threads: int = 2):
        self.queue = queue
        self.handlers = handlers
        self.threads = threads
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._local = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sender-local")
        self._local_lock = threading.Lock()
        self._local_waiting: dict[tuple[str, str], deque[QueuedEvent]] = {}
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
        """Ask the threads to stop and wait for them at most ``timeout`` seconds in all (a thread blocked
        in a read returns within ``EventQueue.BLOCK_MS``)."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        for t in self._workers:
            t.join(max(0.0, deadline - time.monotonic()))
        self._local.shutdown(wait=False)

    # -- without Redis ------------------------------------------------------------------------------------
    def handle_locally(self, event: QueuedEvent) -> None:
        """Best effort without the queue (Redis unavailable): handle in this process now, after the
        conversation's earlier events that are still waiting here."""
        key = (event.channel, event.conversation or event.event_id)
        with self._local_lock:
            waiting = self._local_waiting.get(key)
            if waiting is not None:  # a task is draining this conversation: it takes this event too
                waiting.append(event)
                return
            self._local_waiting[key] = deque([event])
        self._local.submit(self._drain_locally, key)

    def _drain_locally(self, key: tuple[str, str]) -> None:
        while True:
            with self._local_lock:
                waiting = self._local_waiting[key]
                if not waiting:
                    del self._local_waiting[key]
                    return
                event = waiting.popleft()
            self._handle(event, lambda: None)

    # -- from the queue -----------------------------------------------------------------------------------
    def _run(self, consumer: str) -> None:
        last_claim = 0.0
        while not self._stop.is_set():
            try:
                wakes = []
                if time.monotonic() - last_claim > 1.0:
                    last_claim = time.monotonic()
                    wakes = self.queue.reclaim(consumer)
                if not wakes:
                    wakes = self.queue.read(consumer)
                for wake in wakes:
                    self._conversation(wake, consumer)
            except StoreUnavailable:
                self._stop.wait(1.0)
            except Exception:  # never let the thread die: log, count, go on
                log.exception("sender loop error")
                metrics.ERRORS.labels("sender").inc()
                self._stop.wait(1.0)

    def _conversation(self, wake: WakeUp, consumer: str) -> None:
        """Answer the conversation's events in order until its mailbox is empty. A failing event stops the
        conversation (its wake-up stays pending, so it is retried after ``claim_idle``, and the events after
        it wait: answering them first would break the order)."""
        if wake.legacy is not None:
            if self._attempt(wake.legacy, consumer):
                self.queue.ack(wake.message_id)
            return
        asked = time.monotonic()  # before the call: the idle time it resets is at most this old
        raw = self.queue.next_event(wake, consumer)
        first = True
        while isinstance(raw, str):
            event = self.queue.event(wake, raw)
            if first and wake.reclaimed and self.queue.attempts(event) > MAX_ATTEMPTS:
                log.error("event %s/%s failed %d times; moved to the dead-letter stream", event.channel,
                          event.event_id, MAX_ATTEMPTS)
                self.queue.dead_letter(event, "too many attempts")
            elif not self._attempt(event, consumer, asked):
                return
            if self._stop.is_set():
                return  # shutting down: the wake-up stays pending; another worker goes on after claim_idle
            first = False
            asked = time.monotonic()
            raw = self.queue.next_event(wake, consumer, done=raw)
        if raw is False:
            log.warning("conversation %s/%s was taken over by another worker", wake.channel, wake.conversation)

    def _attempt(self, event: QueuedEvent, consumer: str, reset: float | None = None) -> bool:
        """Handle one event; ``reset``: when (``time.monotonic()``) its wake-up's idle time was last reset."""
        recent = self.queue.claim_idle_ms / 10_000  # seconds: a tenth of the time before a claim

        def heartbeat() -> None:
            nonlocal reset
            # The first platform call usually comes moments after next_event reset the idle time: a
            # heartbeat then would be a round trip for nothing. Later ones (retries) are always sent.
            if reset is not None and time.monotonic() - reset < recent:
                reset = None
                return
            reset = None
            self.queue.heartbeat(consumer, event.message_id)

        return self._handle(event, heartbeat)

    def _handle(self, event: QueuedEvent, heartbeat: Callable[[], None]) -> bool:
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
