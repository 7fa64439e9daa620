"""What every channel adapter shares.

An adapter only translates: a platform event into an :class:`Incoming` (a neutral incoming event), and a
:class:`~bot.reply.Reply` into the platform's messages (``render``, a pure function); it calls its platform's
API to deliver them. Everything else happens once, here: accepting webhook events into the queue
(:func:`accept_events`, one conversation's events in order), the pipeline that answers a queued event
(:class:`Channel.handle`: at most once, not when too old, the typing indicator when an answer is late),
what the bot does with each kind of event (:func:`respond`: questions, the bot's own postbacks, the welcome,
the note for things that are not text, once per image set, "tell me when you know"), deciding which events
are not answered (too old, another tool's postbacks), the bot's own postback format, writing to a person
later (:meth:`Channel.push`, within a platform's window since their last message), platform text limits,
and calling a platform API with timeouts and bounded retries."""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass, replace
from typing import Any, Callable, TypeVar

import regex
from pythainlp.tokenize import word_tokenize

from intents.features import ENGINE

from .. import metrics
from ..config import Settings
from ..inbox import is_group_id
from ..messages import say
from ..queue import EventQueue, Ledger, QueuedEvent, SenderPool
from ..reply import Reply
from ..storage import Store, StoreUnavailable

__all__ = ["Incoming", "Channel", "respond", "answer_is_late", "accept_events", "already_handled", "ignore",
           "event_age", "fresh", "first_of_set", "Postback", "parse_postback", "ask_payload", "ASK_PREFIX",
           "NOTIFY_PREFIX", "NotifyOffer", "notify_offer", "accept_notify", "note_contact", "last_contact",
           "utf16_len", "graphemes", "truncate_graphemes", "split_text", "call_with_retries", "Delivery",
           "Transient", "Ambiguous", "Rejected"]

log = logging.getLogger(__name__)
T = TypeVar("T")

#: An answer this many seconds after the person sent the message is late: show the typing indicator first.
LATE_AFTER = 1.5


def accept_events(queue: EventQueue, senders: SenderPool, channel: str,
                  events: list[tuple[str, str, dict]]) -> int:
    """De-duplicate and queue a webhook's events ``(event id, conversation, payload)``, in the order the
    platform sent them, in one round trip to Redis; with Redis down, handle them locally instead. A
    conversation (a user, group or room) has its events answered one at a time, in this order.

    Returns how many events were new. Never raises: a webhook must answer the platform with 200.
    """
    if not events:
        return 0
    try:
        queued = queue.accept_many(channel, events)
    except StoreUnavailable:
        # One atomic script for all of them: they are handled here together, in order, never some by the
        # queue and the rest here.
        log.warning("%s: %d event(s) handled without the queue (redis unavailable)", channel, len(events))
        now = time.time()
        for event_id, conversation, payload in events:
            senders.handle_locally(QueuedEvent(channel, event_id, payload, now, conversation=conversation))
        return len(events)
    duplicates = len(queued) - sum(queued)
    if duplicates:
        metrics.DUPLICATES.labels(channel).inc(duplicates)
    return len(queued) - duplicates


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
        if postback is not None and postback.action == "notify":
            if not incoming.private:  # the answer can only be written later to a one-to-one chat
                ignore(channel, "notify_outside_chat")
                return None
            return accept_notify(bot, incoming, postback.text)
        if postback is not None:
            return _offered(dialogue.respond(postback.text, user_id=user, channel=channel), incoming)
        if not incoming.text.strip():  # another tool's button or menu: not a question for the bot
            ignore(channel, "foreign_postback")
            return None
        # Another tool's quick reply: the person meant the text they tapped.
    if incoming.kind == "text" and incoming.text.strip():
        return _offered(dialogue.respond(incoming.text, user_id=user, channel=channel), incoming)
    return None


def _offered(reply: Reply, incoming: Incoming) -> Reply:
    """``reply`` with "tell me when you know" only where the answer can be written later: a one-to-one chat."""
    return reply if incoming.private or reply.inbox_group is None else replace(reply, inbox_group=None)


def answer_is_late(incoming: Incoming, now: float | None = None) -> bool:
    """Whether to show the typing indicator before the answer: a one-to-one chat, answered more than
    :data:`LATE_AFTER` seconds after the message was sent (a backlog, retries, earlier messages first)."""
    age = event_age(incoming.timestamp_ms, now)
    return incoming.private and age is not None and age > LATE_AFTER


class Channel:
    """The part of a channel adapter that is the same on every platform. A subclass sets ``name`` and
    implements :meth:`incoming`, :meth:`render`, :meth:`typing`, :meth:`deliver` and :meth:`send_later`."""

    name = ""
    enabled = False
    #: Seconds after a person's last message within which the platform lets the bot write to them on its
    #: own (Messenger: 24 hours); None: no such limit.
    contact_window: float | None = None

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

    def send_later(self, recipient: Any, messages: list, key: str) -> str:  # pragma: no cover - per platform
        """Send ``messages`` to ``recipient`` unprompted, ``key`` naming this sending for every attempt;
        ``"sent"``, ``"failed"`` (nothing delivered), ``"uncertain"`` or ``"refused"``."""
        raise NotImplementedError

    def push(self, user: str, recipient: Any, reply: Reply, key: str) -> str:
        """Write ``reply`` to a person (``user``, as in :class:`Incoming`; ``recipient``, where it goes) who
        is not waiting for an answer to a message: for example a staff answer they asked to be told. The
        same ``key`` for every attempt lets a platform that supports it drop a repeat. Returns the outcome:
        ``"sent"``, ``"outside_window"`` (more than :attr:`contact_window` since their last message: nothing
        is sent), ``"disabled"``, or what :meth:`send_later` says."""
        if not self.enabled:
            return "disabled"
        if self.contact_window is not None:
            seen = last_contact(self.bot.store, self.name, user)
            if seen is None or time.time() - seen >= self.contact_window:
                return "outside_window"
        return self.send_later(recipient, self.render(reply), key)

    def handle(self, qe: QueuedEvent, heartbeat: Callable[[], None]) -> None:
        """Answer one queued event at most once."""
        incoming = self.incoming(qe)
        metrics.EVENTS.labels(self.name, incoming.kind if incoming else "other").inc()
        if incoming is None or already_handled(self.ledger, self.name, qe.event_id):
            return
        if not fresh(self.name, incoming.timestamp_ms, self.window):
            return  # queued in time but not handled within the window (a long outage): too late now
        try:
            reply = respond(self.bot, incoming, self.window)
            messages = self.render(reply) if reply is not None else []
            if not messages:  # nothing to say (e.g. over the rate limit: silence after the note)
                return
            if answer_is_late(incoming):
                self.typing(incoming)
            self.deliver(qe, incoming, messages, heartbeat)
        finally:
            if self.contact_window is not None and incoming.kind != "forget":
                # After the answer, not before: it must not wait for this write.
                note_contact(self.bot.store, self.name, incoming.user, incoming.timestamp_ms, self.contact_window)


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
#: The bot writes every postback and quick-reply payload it creates as ``q=<question>``, or ``n=<group id>``
#: for "tell me when you know"; Messenger's Get Started button sends ``GET_STARTED``. Anything else (a rich
#: menu of another tool on the same account, ``action=buyItem&itemId=123``) is not the bot's to answer.
ASK_PREFIX = "q="
NOTIFY_PREFIX = "n="
GREET_PAYLOADS = frozenset({"GET_STARTED", "get_started"})


@dataclass(frozen=True)
class Postback:
    """A postback the bot made: ``action`` is ``"ask"`` (``text`` is the question), ``"notify"`` (``text`` is
    the inbox group whose answer the person wants) or ``"greet"``."""

    action: str
    text: str = ""


def parse_postback(data: object) -> Postback | None:
    """The bot's own postback in ``data``, or None when another tool made it (or it is not text)."""
    if not isinstance(data, str):
        return None
    if data.startswith(ASK_PREFIX) and data[len(ASK_PREFIX):].strip():
        return Postback("ask", data[len(ASK_PREFIX):])
    if data.startswith(NOTIFY_PREFIX) and is_group_id(data[len(NOTIFY_PREFIX):]):
        return Postback("notify", data[len(NOTIFY_PREFIX):])
    if data in GREET_PAYLOADS:
        return Postback("greet")
    return None


def ask_payload(question: str, limit: int) -> str:
    """The payload the bot gives a button or quick reply that asks ``question`` (cut to ``limit``)."""
    return (ASK_PREFIX + question)[:limit]


# -- "tell me when you know" -------------------------------------------------------------------------------
@dataclass(frozen=True)
class NotifyOffer:
    """The offer on a fallback: a button ``label`` (at most 20 characters), the ``text`` shown in the chat
    when tapped where the platform allows it, and the bot's own ``payload``."""

    label: str
    text: str
    payload: str


def notify_offer(reply: Reply) -> NotifyOffer | None:
    """The offer to add to ``reply``, or None when its question did not go to the inbox."""
    if not reply.inbox_group or not reply.fallback:
        return None
    return NotifyOffer(say("notify_label", reply.lang), say("notify_tapped", reply.lang),
                       NOTIFY_PREFIX + reply.inbox_group)


def _limit_words(seconds: float, lang: str) -> str:
    days, hours = int(seconds // 86400), max(1, int(seconds // 3600))
    if lang == "th":
        return f"{days} วัน" if days else f"{hours} ชั่วโมง"
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{hours} hour{'s' if hours != 1 else ''}"


def accept_notify(bot, incoming: Incoming, group_id: str) -> Reply:
    """Someone tapped "tell me when you know": put them on the group's waiting list for ``NOTIFY_TTL``
    seconds and confirm in one line (in the language of their conversation)."""
    channel, user = incoming.channel, incoming.user
    ttl = float(bot.settings.NOTIFY_TTL)
    try:
        lang = bot.contexts.load(channel, user).lang or "th"
        ok = bot.inbox.wait(group_id, channel, user, lang, ttl, recipient=incoming.recipient)
    except StoreUnavailable:
        log.warning("%s: could not keep a waiting asker (redis unavailable)", channel)
        lang, ok = "th", False
    metrics.NOTIFY_OFFERS.labels(channel, "accepted" if ok else "gone").inc()
    if not ok:
        return Reply(say("notify_gone", lang), lang, "notify_gone", 1.0)
    return Reply(say("notify_ok", lang, limit=_limit_words(ttl, lang)), lang, "notify_accepted", 1.0)


def _contact_key(channel: str, user: str) -> str:
    return f"contact:{channel}:{user}"


def note_contact(store: Store, channel: str, user: str, timestamp_ms: object, window: float) -> None:
    """Remember when someone last wrote (a platform event's ``timestamp``), for ``window`` seconds after it:
    Messenger lets a page write to a person only within 24 hours of their last message."""
    age = event_age(timestamp_ms)
    if age is None or age >= window or not isinstance(timestamp_ms, int):
        return
    try:
        store.run(lambda r: r.set(_contact_key(channel, user), timestamp_ms / 1000, ex=max(1, int(window - age))))
    except StoreUnavailable:
        log.warning("%s: last contact not recorded (redis unavailable)", channel)


def last_contact(store: Store, channel: str, user: str) -> float | None:
    """When the person last wrote (epoch seconds), if within the window :func:`note_contact` was given."""
    raw = store.run(lambda r: r.get(_contact_key(channel, user)))
    return float(raw) if raw else None


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
        if len(g) <= limit:
            return text
        kept = "".join(g[: limit - 1])
    else:
        if measure(text) <= limit:
            return text
        kept = ""
        for cluster in g:
            if measure(kept + cluster + "…") > limit:
                break
            kept += cluster
    return _at_a_word(text, kept).rstrip() + "…"


def _at_a_word(text: str, kept: str) -> str:
    """``kept`` (a start of ``text``) shortened to end at a whole word when one ends in its second half: "When
    did Samyan…" reads better than "When did Samyan bec…", and "รถไฟฟ้าขอนแก่นสร้าง…" than "…สร้างถึงไ…"
    (Thai has no spaces between words: pythainlp finds them)."""
    if text[len(kept):len(kept) + 1] in ("", " "):
        return kept  # it already ends at a word
    ends, at = [], 0
    for token in word_tokenize(text, engine=ENGINE, keep_whitespace=True):
        at += len(token)
        if at > len(kept):
            break
        ends.append(at)
    end = next((e for e in reversed(ends) if e >= len(kept) // 2), None)
    return kept[:end] if end else kept


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
