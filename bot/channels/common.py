"""What every channel adapter shares.

An adapter only translates: a platform event into an :class:`Incoming` (a neutral incoming event), and a
:class:`~bot.reply.Reply` into the platform's messages (``render``, a pure function); it calls its platform's
API to deliver them. Everything else happens once, here: accepting webhook events into the queue
(:func:`accept_events`, one conversation's events in order), the pipeline that answers a queued event
(:class:`Channel.handle`: at most once, not when too old, the typing indicator when an answer is late),
what the bot does with each kind of event (:func:`respond`: questions, the bot's own postbacks, the welcome,
the note for things that are not text, once per image set), deciding which events are not answered (too old,
another tool's postbacks), the bot's own postback format, platform text limits, and calling a platform API
with timeouts and bounded retries."""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import regex

from .. import metrics
from ..config import Settings
from ..queue import EventQueue, Ledger, QueuedEvent, SenderPool
from ..reply import Reply
from ..storage import Store, StoreUnavailable

__all__ = ["Incoming", "Channel", "respond", "answer_is_late", "accept_events", "already_handled", "ignore",
           "event_age", "fresh", "first_of_set", "Postback", "parse_postback", "ask_payload", "ASK_PREFIX",
           "utf16_len", "graphemes", "truncate_graphemes", "split_text", "call_with_retries", "Delivery",
           "Transient", "Ambiguous", "Rejected"]

log = logging.getLogger(__name__)
T = TypeVar("T")

#: An answer this many seconds after the person sent the message is late: show the typing indicator first.
LATE_AFTER = 1.5


def accept_events(queue: EventQueue, senders: SenderPool, channel: str,
                  events: list[tuple[str, str, dict]]) -> int:
    """De-duplicate and queue a webhook's events ``(event id, conversation, payload)``, in the order the
    platform sent them; with Redis down, handle them locally instead. A conversation (a user, group or room)
    has its events answered one at a time, in this order.

    Returns how many events were new. Never raises: a webhook must answer the platform with 200.
    """
    new = 0
    for event_id, conversation, payload in events:
        try:
            if not queue.accept(channel, event_id, payload, conversation):
                metrics.DUPLICATES.labels(channel).inc()
                continue
            new += 1
        except StoreUnavailable:
            log.warning("%s event %s handled without the queue (redis unavailable)", channel, event_id)
            senders.handle_locally(QueuedEvent(channel, event_id, payload, time.time(), conversation=conversation))
            new += 1
    return new


def already_handled(ledger, channel: str, event_id: str) -> bool:
    """True if the event was answered, or an earlier attempt may have answered it (never send twice)."""
    state = ledger.state(channel, event_id)
    if state == "sending":
        metrics.AMBIGUOUS.labels(channel).inc()
        log.warning("%s event %s: an earlier send attempt's outcome is unknown; not sending again", channel, event_id)
    return state in ("sent", "sending")


# -- the neutral incoming event and what the bot does with it ----------------------------------------------
@dataclass(frozen=True)
class Incoming:
    """A platform event, translated by its adapter.

    ``kind``: ``"text"`` (a question; ``postback`` may carry a quick reply's payload), ``"postback"`` (a
    button, menu or quick reply: ``postback`` is its data), ``"greet"`` (a new follower, a join, a message
    that only mentions the bot), ``"not_text"`` (a sticker, image...; ``set_id`` groups images sent
    together), ``"forget"`` (the user left: drop their context). ``user`` is whose context it is;
    ``recipient`` is where the adapter delivers (its own format); ``private``: a one-to-one chat."""

    channel: str
    event_id: str
    kind: str
    user: str
    recipient: Any = None
    text: str = ""
    postback: str | None = None
    set_id: str | None = None
    private: bool = True
    timestamp_ms: object = None  # the platform's send time (milliseconds), unchecked


def respond(bot, incoming: Incoming, window: int) -> Reply | None:
    """What the bot says to ``incoming`` (None: nothing). The one place that acts on the bot's postbacks."""
    dialogue, channel, user = bot.dialogue, incoming.channel, incoming.user
    if incoming.kind == "forget":
        dialogue.forget(channel, user)
        return None
    if incoming.kind == "greet":
        return dialogue.greeting()
    if incoming.kind == "not_text":
        if incoming.set_id and not first_of_set(bot.store, channel, incoming.set_id, window):
            ignore(channel, "image_set")
            return None  # the set's first event to be handled got the note
        return dialogue.not_text(channel, user)
    if incoming.postback is not None:
        postback = parse_postback(incoming.postback)
        if postback is not None and postback.action == "greet":
            return dialogue.greeting()
        if postback is not None:
            return dialogue.respond(postback.text, user_id=user, channel=channel)
        if not incoming.text.strip():  # another tool's button or menu: not a question for the bot
            ignore(channel, "foreign_postback")
            return None
        # Another tool's quick reply: the person meant the text they tapped.
    if incoming.kind == "text" and incoming.text.strip():
        return dialogue.respond(incoming.text, user_id=user, channel=channel)
    return None


def answer_is_late(incoming: Incoming, now: float | None = None) -> bool:
    """Whether to show the typing indicator before the answer: a one-to-one chat, answered more than
    :data:`LATE_AFTER` seconds after the message was sent (a backlog, retries, earlier messages first)."""
    age = event_age(incoming.timestamp_ms, now)
    return incoming.private and age is not None and age > LATE_AFTER


class Channel:
    """The part of a channel adapter that is the same on every platform. A subclass sets ``name`` and
    implements :meth:`incoming`, :meth:`render`, :meth:`typing` and :meth:`deliver`."""

    name = ""
    enabled = False

    def __init__(self, bot, queue: EventQueue, ledger: Ledger, senders: SenderPool, settings: Settings):
        self.bot, self.queue, self.ledger, self.senders = bot, queue, ledger, senders
        self.window = settings.DEDUP_WINDOW

    def incoming(self, qe: QueuedEvent) -> Incoming | None:  # pragma: no cover - per platform
        """The queued platform event as an :class:`Incoming`, or None when it is nothing to answer."""
        raise NotImplementedError

    @staticmethod
    def render(reply: Reply) -> list:  # pragma: no cover - per platform
        raise NotImplementedError

    def typing(self, incoming: Incoming) -> None:  # pragma: no cover - per platform
        """Show the platform's typing (loading) indicator; best effort."""

    def deliver(self, qe: QueuedEvent, incoming: Incoming, messages: list,
                heartbeat: Callable[[], None]) -> None:  # pragma: no cover - per platform
        """Send ``messages`` answering ``qe`` exactly once (record it in the ledger)."""
        raise NotImplementedError

    def handle(self, qe: QueuedEvent, heartbeat: Callable[[], None]) -> None:
        """Answer one queued event at most once."""
        incoming = self.incoming(qe)
        metrics.EVENTS.labels(self.name, incoming.kind if incoming else "other").inc()
        if incoming is None or already_handled(self.ledger, self.name, qe.event_id):
            return
        if not fresh(self.name, incoming.timestamp_ms, self.window):
            return  # queued in time but not handled within the window (a long outage): too late now
        reply = respond(self.bot, incoming, self.window)
        messages = self.render(reply) if reply is not None else []
        if not messages:  # nothing to say (e.g. over the rate limit: silence after the note)
            return
        if answer_is_late(incoming):
            self.typing(incoming)
        self.deliver(qe, incoming, messages, heartbeat)


# -- events the bot does not answer ------------------------------------------------------------------------
def ignore(channel: str, reason: str) -> None:
    """Count (and log at debug) an event left unanswered on purpose. Never logs the event: it may carry a
    user's message."""
    log.debug("%s event not answered: %s", channel, reason)
    metrics.IGNORED.labels(channel, reason).inc()


#: Timestamps are whole milliseconds since the epoch; anything from 2^53 ms on (year 287,396) is not one.
_MAX_TIMESTAMP_MS = 2**53


def event_age(timestamp_ms: object, now: float | None = None) -> float | None:
    """Seconds since a platform event was sent (LINE ``timestamp``, Messenger ``timestamp``: milliseconds),
    or None when the value is not a plausible timestamp. A clock ahead of ours gives a negative age."""
    if isinstance(timestamp_ms, bool) or not isinstance(timestamp_ms, int):
        return None
    if not 0 <= timestamp_ms < _MAX_TIMESTAMP_MS:
        return None
    return (time.time() if now is None else now) - timestamp_ms / 1000


def fresh(channel: str, timestamp_ms: object, window: float) -> bool:
    """Whether an event may be answered: its timestamp is valid and within the de-duplication window.

    An event older than the window could be a replay whose de-duplication key has expired (a signed body
    stays valid forever), so it is never answered; such events are counted, not queued."""
    age = event_age(timestamp_ms)
    if age is None:
        ignore(channel, "bad_timestamp")
        return False
    if age > window:
        log.info("%s event sent %.0f s ago, beyond the %d s de-duplication window: not answered", channel,
                 age, window)
        ignore(channel, "too_old")
        return False
    return True


def first_of_set(store: Store, channel: str, set_id: str, ttl: int) -> bool:
    """True for exactly one event of a set (the images a user sent together), whichever worker gets it
    first: one atomic ``SET NX EX``. With Redis down every event counts as first (a note too many beats
    none)."""
    key = f"{{events}}:set:{channel}:{set_id}"
    try:
        return bool(store.run(lambda r: r.set(key, "1", nx=True, ex=ttl)))
    except StoreUnavailable:
        return True


# -- the bot's own postbacks ---------------------------------------------------------------------------------
#: The bot writes every postback and quick-reply payload it creates as ``q=<question>``; Messenger's
#: Get Started button sends ``GET_STARTED``. Anything else (a rich menu of another tool on the same account,
#: ``action=buyItem&itemId=123``) is not the bot's to answer.
ASK_PREFIX = "q="
GREET_PAYLOADS = frozenset({"GET_STARTED", "get_started"})


@dataclass(frozen=True)
class Postback:
    """A postback the bot made: ``action`` is ``"ask"`` (``text`` is the question) or ``"greet"``."""

    action: str
    text: str = ""


def parse_postback(data: object) -> Postback | None:
    """The bot's own postback in ``data``, or None when another tool made it (or it is not text)."""
    if not isinstance(data, str):
        return None
    if data.startswith(ASK_PREFIX) and data[len(ASK_PREFIX):].strip():
        return Postback("ask", data[len(ASK_PREFIX):])
    if data in GREET_PAYLOADS:
        return Postback("greet")
    return None


def ask_payload(question: str, limit: int) -> str:
    """The payload the bot gives a button or quick reply that asks ``question`` (cut to ``limit``)."""
    return (ASK_PREFIX + question)[:limit]


# -- text limits -----------------------------------------------------------------------------------------
_GRAPHEME = regex.compile(r"\X")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (how LINE counts message text)."""
    return len(text.encode("utf-16-le")) // 2


def graphemes(text: str) -> list[str]:
    """User-perceived characters: a Thai consonant with its vowel and tone marks is one."""
    return _GRAPHEME.findall(text)


def truncate_graphemes(text: str, limit: int, measure: Callable[[str], int] | None = None) -> str:
    """Cut to ``limit`` grapheme clusters (or ``limit`` units of ``measure``, such as ``len`` for a platform
    that counts code points), ending with … when cut; never splits a cluster (a Thai consonant keeps its
    vowel and tone marks)."""
    g = graphemes(text)
    if measure is None:
        return text if len(g) <= limit else "".join(g[: limit - 1]).rstrip() + "…"
    if measure(text) <= limit:
        return text
    kept = ""
    for cluster in g:
        if measure(kept + cluster + "…") > limit:
            break
        kept += cluster
    return kept.rstrip() + "…"


def split_text(text: str, limit: int, measure: Callable[[str], int] = len, max_parts: int = 5) -> list[str]:
    """Split at line breaks (else spaces, else clusters) into parts within ``limit``; at most ``max_parts``,
    the last one truncated with … if the text is longer still."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if measure(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        while measure(line) > limit:  # a single over-long line: cut at a space or cluster boundary
            cut, used = "", 0
            for g in graphemes(line):
                if measure(cut + g) > limit:
                    break
                cut += g
                used += len(g)
            space = cut.rfind(" ")
            if space > limit // 2:
                cut, used = cut[:space], space + 1
            parts.append(cut.rstrip())
            line = line[used:].lstrip()
        current = line
    if current:
        parts.append(current)
    if len(parts) > max_parts:
        last = "\n".join(parts[max_parts - 1:])
        parts = parts[: max_parts - 1] + [last]
        while measure(parts[-1]) > limit:
            parts[-1] = truncate_graphemes(parts[-1], max(1, len(graphemes(parts[-1])) - 20))
    return parts


# -- outbound calls ----------------------------------------------------------------------------------------
class Transient(Exception):
    """The call failed and certainly did not take effect (5xx, 429, connection refused): retry."""


class Ambiguous(Exception):
    """The call may or may not have taken effect (read timeout, connection dropped)."""


class Rejected(Exception):
    """The platform refused the call (4xx): do not retry. ``status`` and ``body`` say why."""

    def __init__(self, status: int, body: str):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status, self.body = status, body


@dataclass
class Delivery:
    """Retry policy: attempts, backoff and a deadline (a reply token's life)."""

    attempts: int = 4
    backoff: float = 0.5
    max_backoff: float = 4.0


def call_with_retries(channel: str, what: str, call: Callable[[], T], policy: Delivery, deadline: float,
                      heartbeat: Callable[[], None] = lambda: None, retry_ambiguous: bool = False) -> T:
    """Run ``call`` (which raises :class:`Transient`, :class:`Ambiguous` or :class:`Rejected`), retrying
    transient failures with jittered exponential backoff until ``policy.attempts`` or ``deadline``.

    Ambiguous failures are retried only when the call is idempotent (``retry_ambiguous``); otherwise
    they propagate, because a retry could deliver the message twice.
    """
    delay = policy.backoff
    for attempt in range(1, policy.attempts + 1):
        heartbeat()
        started = time.perf_counter()
        try:
            result = call()
            metrics.OUTBOUND_SECONDS.labels(channel, what).observe(time.perf_counter() - started)
            return result
        except Rejected as exc:
            metrics.OUTBOUND_ERRORS.labels(channel, what, str(exc.status)).inc()
            raise
        except (Transient, Ambiguous) as exc:
            kind = "transient" if isinstance(exc, Transient) else "ambiguous"
            metrics.OUTBOUND_ERRORS.labels(channel, what, kind).inc()
            final = attempt == policy.attempts or (isinstance(exc, Ambiguous) and not retry_ambiguous)
            wait = min(policy.max_backoff, delay) * (0.5 + random.random() / 2)
            if final or time.time() + wait >= deadline:
                log.warning("%s %s failed (%s) after %d attempt(s): %s", channel, what, kind, attempt, exc)
                raise
            log.info("%s %s failed (%s), retrying in %.1f s: %s", channel, what, kind, wait, exc)
            metrics.OUTBOUND_RETRIES.labels(channel, what).inc()
            time.sleep(wait)
            delay *= 2
    raise AssertionError("unreachable")
