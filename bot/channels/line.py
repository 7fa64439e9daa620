"""LINE Messaging API channel (line-bot-sdk v3).

Webhook: ``WebhookParser``'s validator checks ``X-Line-Signature`` (constant-time, in the SDK); the events
are de-duplicated on ``webhookEventId`` and queued, all in one round trip; LINE gets 200 at once. The SDK's
models check each event when a sender takes it. Senders then answer each event: with the reply token while
it is fresh, otherwise (or when the token is refused) with a push message whose ``X-Line-Retry-Key`` is
derived from the event id, so LINE itself drops a repeated push.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from typing import Any, Callable

import urllib3
from flask import Blueprint, abort, request
from linebot.v3.messaging import (ApiClient, ApiException, Configuration, FlexBox, FlexBubble, FlexButton,
                                  FlexMessage, FlexSeparator, FlexText, MessageAction, MessagingApi,
                                  MessagingApiBlob, PostbackAction, PushMessageRequest, QuickReply,
                                  QuickReplyItem, ReplyMessageRequest, ShowLoadingAnimationRequest, TextMessage,
                                  URIAction)
from linebot.v3.webhook import WebhookParser
from linebot.v3.webhooks import Event

from .. import jsonsafe, metrics
from ..config import Settings
from ..queue import QueuedEvent
from ..reply import Card, Reply
from .common import (Ambiguous, Channel, Delivery, Incoming, Rejected, Transient, accept_events, call_with_retries,
                     fresh, ignore, notify_offer, split_text, truncate_graphemes, utf16_len)

__all__ = ["LineChannel", "LIMITS", "render", "conversation"]

log = logging.getLogger(__name__)

#: LINE's documented limits.
LIMITS = {"messages": 5, "text_utf16": 5000, "quick_replies": 13, "label_graphemes": 20, "action_text": 300,
          "alt_text": 1500}
#: The console's "Verify" button sends these reply tokens; replying to them can only fail.
DUMMY_TOKENS = {"00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"}
REPLY_TOKEN_LIFE = 50.0  # seconds; LINE documents "about one minute", keep a margin
RETRY_NAMESPACE = uuid.UUID("6f1d8a53-5b0c-4c8e-9a53-8f4d7c1e2b90")
NOT_TEXT = {"sticker", "image", "video", "audio", "file", "location"}


def retry_key(event_id: str) -> str:
    """The X-Line-Retry-Key for an event: the same for every attempt, by any worker."""
    return str(uuid.uuid5(RETRY_NAMESPACE, f"line:{event_id}"))


def _classify(exc: Exception) -> Exception:
    """Map SDK / urllib3 errors to retry semantics (see :mod:`bot.channels.common`)."""
    if isinstance(exc, ApiException):
        status = exc.status or 0
        if status == 0:
            return Ambiguous(str(exc.reason))
        if status >= 500 or status == 429:
            return Transient(f"HTTP {status}")
        body = exc.body.decode() if isinstance(exc.body, bytes) else str(exc.body or "")
        return Rejected(status, body)
    if isinstance(exc, (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.NewConnectionError)):
        return Transient(str(exc))
    if isinstance(exc, urllib3.exceptions.MaxRetryError):
        return _classify(exc.reason) if isinstance(exc.reason, Exception) else Transient(str(exc))
    if isinstance(exc, (urllib3.exceptions.ReadTimeoutError, urllib3.exceptions.ProtocolError, TimeoutError)):
        return Ambiguous(str(exc))
    if isinstance(exc, ConnectionError):
        return Transient(str(exc))
    return exc


def make_clients(token: str, base_url: str | None = None) -> tuple[MessagingApi, MessagingApiBlob]:
    """The SDK clients (one connection pool each), redirected to ``base_url`` when given (tests: a fake
    LINE API). urllib3's own retries are off: retries are ours, with backoff inside the reply token's life."""
    base = (base_url or "").rstrip("/")
    clients = []
    for default in ("https://api.line.me", "https://api-data.line.me"):  # uploads go to the data host
        conf = Configuration(access_token=token, host=base or default)
        conf.retries = False
        clients.append(ApiClient(conf))
    return MessagingApi(clients[0]), MessagingApiBlob(clients[1])


class LineChannel(Channel):
    """The LINE adapter: webhook view, translation of events, rendering and delivery of :class:`Reply`."""

    name = "line"

    def __init__(self, bot, queue, ledger, senders, settings: Settings):
        super().__init__(bot, queue, ledger, senders, settings)
        secret, token = settings.LINE_CHANNEL_SECRET, settings.LINE_CHANNEL_ACCESS_TOKEN
        self.enabled = bool(secret and token)
        self.prefix = settings.GROUP_PREFIX.strip().casefold()
        self.timeout = (settings.LINE_CONNECT_TIMEOUT, settings.LINE_READ_TIMEOUT)
        self.policy = Delivery(attempts=settings.LINE_ATTEMPTS)
        if not self.enabled:
            log.warning("LINE channel disabled: LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are not both set")
            return
        assert secret and token  # enabled
        self.parser = WebhookParser(secret)
        self.api, self.blob = make_clients(token, settings.LINE_API_BASE_URL)  # one pool per worker
        log.info("LINE channel enabled (API %s)", self.api.api_client.configuration.host)

    # -- webhook -----------------------------------------------------------------------------------------
    def blueprint(self) -> Blueprint:
        bp = Blueprint("line", __name__)
        bp.add_url_rule("/webhooks/line", "webhook", self.webhook, methods=["POST"])
        return bp

    def webhook(self):
        if not self.enabled:
            abort(404)
        started = time.perf_counter()
        signature = request.headers.get("X-Line-Signature", "")
        body = request.get_data(as_text=True)
        if not signature:
            return self._reject("missing X-Line-Signature", "signature")
        # WebhookParser.parse would drop the whole batch when one event does not fit its models, so its
        # signature validator runs first and each event is then parsed (and rejected) on its own.
        if not self.parser.signature_validator.validate(body, signature):
            return self._reject("invalid X-Line-Signature", "signature")
        try:
            raw_events = jsonsafe.loads(body)["events"]
            if not isinstance(raw_events, list):
                raise TypeError("events is not a list")
        except (ValueError, KeyError, TypeError) as exc:
            return self._reject(f"malformed body: {type(exc).__name__}", "body")
        events = []
        for raw in raw_events:
            # Only what queueing needs is checked here; the SDK's models check the rest of the event when a
            # sender takes it (``incoming``): that costs more than everything else a webhook does.
            event_id = raw.get("webhookEventId") if isinstance(raw, dict) else None
            if not isinstance(raw, dict) or not isinstance(event_id, (str, type(None))):
                self._skip("not an object" if not isinstance(raw, dict) else "webhookEventId is not a string")
                continue
            if raw.get("mode") == "standby":
                # Another module channel owns the chat: LINE says the bot must not send anything, so the
                # event is not even queued (no answer, no context, no inbox entry).
                ignore(self.name, "standby")
                continue
            if not fresh(self.name, raw.get("timestamp"), self.window):
                continue
            event_id = event_id or _fallback_id(raw)
            events.append((event_id, conversation(raw) or f"event:{event_id}", raw))
        accept_events(self.queue, self.senders, self.name, events)
        metrics.WEBHOOK_SECONDS.labels(self.name).observe(time.perf_counter() - started)
        return "OK", 200

    def _skip(self, why: str) -> None:
        """Count an event that cannot be answered (a signed body can still carry one): the others in its
        body are answered."""
        log.warning("LINE event skipped: %s", why)
        metrics.WEBHOOK_REJECTED.labels(self.name, "event").inc()

    def _reject(self, why: str, reason: str):
        # Never log the body: it carries users' messages.
        log.warning("LINE webhook refused from %s: %s", request.remote_addr, why)
        metrics.WEBHOOK_REJECTED.labels(self.name, reason).inc()
        return {"error": "bad request", "detail": why}, 400

    # -- events ------------------------------------------------------------------------------------------
    def incoming(self, qe: QueuedEvent) -> Incoming | None:
        """The LINE event as a neutral :class:`Incoming` (None: nothing the bot answers, such as an event
        that does not match the SDK's models)."""
        ev = qe.payload
        try:
            # The SDK's event model validates the event's shape, ids' types (a userId must be a string) and
            # the timestamp (a whole number); here rather than in the webhook, which only queues.
            Event.from_dict(ev)
        except Exception as exc:  # noqa: BLE001 - one bad event must not cost the others
            self._skip(f"does not match the SDK models ({type(exc).__name__})")
            return None
        etype = ev.get("type")
        source = ev.get("source") or {}
        user_id = source.get("userId") or ""
        chat = source.get("type", "user")
        ctx_user = user_id if chat == "user" else f"{source.get('groupId') or source.get('roomId')}:{user_id}"

        def event(kind: str, **fields: Any) -> Incoming:
            return Incoming(self.name, qe.event_id, kind, ctx_user, recipient=conversation(ev),
                            private=chat == "user", timestamp_ms=ev.get("timestamp"), **fields)

        if etype in ("follow", "join"):
            return event("greet")
        if etype == "unfollow":
            return event("forget") if user_id else None
        if etype == "postback":
            return event("postback", postback=(ev.get("postback") or {}).get("data"))
        if etype != "message":
            return None
        msg = ev.get("message") or {}
        if msg.get("type") == "text":
            text = str(msg.get("text", ""))
            if chat != "user":
                addressed = self._addressed_text(text, msg)
                if addressed is None:
                    return None  # a group conversation not addressed to the bot
                text = addressed
            return event("text", text=text) if text.strip() else event("greet")
        if msg.get("type") in NOT_TEXT and chat == "user":
            image_set = msg.get("imageSet")  # {id, index, total}: images sent together, one event each
            set_id = image_set.get("id") if isinstance(image_set, dict) else None
            return event("not_text", set_id=set_id if isinstance(set_id, str) else None)
        return None

    def _addressed_text(self, text: str, msg: dict) -> str | None:
        """In a group or room: the text without the bot's mention or prefix, or None if not for the bot."""
        mentionees = ((msg.get("mention") or {}).get("mentionees")) or []
        own = [m for m in mentionees if m.get("isSelf")]
        if own:
            for m in sorted(own, key=lambda m: m.get("index", 0), reverse=True):
                i, n = int(m.get("index", 0)), int(m.get("length", 0))
                text = text[:i] + text[i + n:]
            return text.strip()
        stripped = text.lstrip()
        if stripped.casefold().startswith(self.prefix):
            return stripped[len(self.prefix):].strip(" :,")
        return None

    @staticmethod
    def render(reply: Reply) -> list:
        return render(reply)

    def typing(self, incoming: Incoming) -> None:
        self.loading(incoming.recipient)

    # -- delivery ----------------------------------------------------------------------------------------
    def deliver(self, qe: QueuedEvent, incoming: Incoming, messages: list, heartbeat: Callable[[], None]) -> None:
        """Reply with the token while it is fresh, else (or when LINE refuses it) push with a retry key."""
        ev = qe.payload
        token = ev.get("replyToken")
        if token in DUMMY_TOKENS:
            log.info("LINE verification event (dummy reply token): nothing to send")
            self.ledger.mark(self.name, qe.event_id, "sent")
            return
        sent_at = float(ev.get("timestamp", qe.received * 1000)) / 1000
        reply_deadline = sent_at + REPLY_TOKEN_LIFE
        if token and time.time() < reply_deadline:
            outcome = self._reply(qe, token, messages, reply_deadline, heartbeat)
            if outcome != "push":
                return
        self._push(qe, incoming.recipient, messages, heartbeat)

    def _reply(self, qe, token, messages, deadline, heartbeat) -> str:
        """Reply with the token; ``"done"`` when settled, ``"push"`` when the token cannot be used."""
        uncertain = False

        def call():
            nonlocal uncertain
            try:
                self.api.reply_message(ReplyMessageRequest(reply_token=token, messages=messages),
                                       _request_timeout=self.timeout)
            except Exception as exc:  # noqa: BLE001 - classified below
                mapped = _classify(exc)
                if isinstance(mapped, Ambiguous):
                    uncertain = True
                raise mapped from exc

        self.ledger.mark(self.name, qe.event_id, "sending")
        try:
            call_with_retries(self.name, "reply", call, self.policy, deadline, heartbeat, retry_ambiguous=True)
        except Rejected as exc:
            if exc.status == 400 and "reply token" in exc.body.lower():
                if uncertain:
                    # A timed-out attempt most likely used the token: the reply was delivered.
                    self.ledger.mark(self.name, qe.event_id, "sent")
                    return "done"
                self.ledger.mark(self.name, qe.event_id, None)
                return "push"
            log.error("LINE reply refused for event %s: HTTP %s %s", qe.event_id, exc.status, exc.body[:500])
            self.ledger.mark(self.name, qe.event_id, "sent")  # a refused message will not succeed later
            return "done"
        except Transient:
            self.ledger.mark(self.name, qe.event_id, None)  # nothing reached LINE: the push is safe
            return "push"
        except Ambiguous:
            metrics.AMBIGUOUS.labels(self.name).inc()
            return "done"  # stays "sending": never risk a second message
        self.ledger.mark(self.name, qe.event_id, "sent")
        metrics.REPLIES.labels(self.name, "reply").inc()
        return "done"

    def _push(self, qe: QueuedEvent, to: str | None, messages: list, heartbeat) -> None:
        if not to:
            log.error("LINE event %s has no recipient to push to", qe.event_id)
            return
        call = self._pusher(to, messages, retry_key(qe.event_id))
        try:
            # The retry key makes a repeated push harmless (409), so timeouts are retried too.
            call_with_retries(self.name, "push", call, self.policy, time.time() + 60, heartbeat,
                              retry_ambiguous=True)
        except Rejected as exc:
            if exc.status == 409:
                log.info("LINE push for event %s was already accepted (409)", qe.event_id)
                self.ledger.mark(self.name, qe.event_id, "sent")
                return
            log.error("LINE push refused for event %s: HTTP %s %s", qe.event_id, exc.status, exc.body[:500])
            self.ledger.mark(self.name, qe.event_id, "sent")  # a 4xx will not succeed later
            return
        # Transient/Ambiguous after every attempt: raise, the event stays queued and is retried later.
        self.ledger.mark(self.name, qe.event_id, "sent")
        metrics.REPLIES.labels(self.name, "push").inc()

    def _pusher(self, to: str, messages: list, key: str) -> Callable[[], None]:
        """One push call with ``key`` as its X-Line-Retry-Key, raising our delivery errors (for retries)."""

        def call() -> None:
            try:
                self.api.push_message(PushMessageRequest(to=to, messages=messages), x_line_retry_key=key,
                                      _request_timeout=self.timeout)
            except Exception as exc:  # noqa: BLE001 - classified by _classify
                raise _classify(exc) from exc

        return call

    def send_later(self, recipient: Any, messages: list, key: str) -> str:
        """Push ``messages`` with ``key`` as the X-Line-Retry-Key (the same for every attempt, so LINE drops
        a repeat: 409, which counts as sent)."""
        call = self._pusher(recipient, messages, key)
        try:
            call_with_retries(self.name, "notify", call, self.policy, time.time() + 60, retry_ambiguous=True)
        except Rejected as exc:
            if exc.status == 409:  # an earlier attempt with this key was accepted
                return "sent"
            log.error("LINE push refused: HTTP %s %s", exc.status, exc.body[:500])
            return "refused"
        except (Transient, Ambiguous):
            return "failed"
        return "sent"

    def loading(self, user_id: str | None, seconds: int = 5) -> None:
        """Show LINE's loading animation in a 1:1 chat (best effort)."""
        if not user_id:
            return
        try:
            self.api.show_loading_animation(ShowLoadingAnimationRequest(chat_id=user_id, loading_seconds=seconds),
                                            _request_timeout=(1.0, 2.0))
        except Exception as exc:  # noqa: BLE001 - cosmetic: never fail an answer for it
            log.debug("loading animation failed: %s", _classify(exc))


def conversation(event: dict) -> str | None:
    """Where a LINE event's answer goes, which is also whose events are answered in order: the group, the
    room, or the user of a one-to-one chat."""
    source = event.get("source") or {}
    to = source.get("groupId") or source.get("roomId") or source.get("userId")
    return to if isinstance(to, str) and to else None


# -- rendering (pure) ------------------------------------------------------------------------------------------
def render(reply: Reply) -> list:
    """LINE messages for a reply: text (split to LINE's limits) plus an optional Flex card; quick replies on
    the last message, with "tell me when you know" as a postback when the reply offers it. An empty reply
    renders to no message."""
    if not reply.text.strip() and not reply.card:
        return []
    room = LIMITS["messages"] - (1 if reply.card else 0)
    parts = split_text(reply.text, LIMITS["text_utf16"], utf16_len, max_parts=room)
    messages: list[Any] = [TextMessage(text=p) for p in parts]
    if reply.card:
        messages.append(flex(reply.card))
    items = [QuickReplyItem(action=MessageAction(label=truncate_graphemes(q, LIMITS["label_graphemes"]),
                                                 text=q[: LIMITS["action_text"]]))
             for q in reply.quick_replies[: LIMITS["quick_replies"]] if q.strip()]
    offer = notify_offer(reply)
    if offer:
        items = items[: LIMITS["quick_replies"] - 1]
        items.append(QuickReplyItem(action=PostbackAction(
            label=truncate_graphemes(offer.label, LIMITS["label_graphemes"]), data=offer.payload,
            display_text=offer.text[: LIMITS["action_text"]])))
    if items:
        messages[-1].quick_reply = QuickReply(items=items)
    return messages


def flex(card: Card) -> FlexMessage:
    """A city card as a Flex bubble: title, subtitle, one row per field, a link to the source."""
    rows = [FlexBox(layout="baseline", spacing="sm", contents=[
        FlexText(text=k, color="#5f6b66", size="sm", flex=2),
        FlexText(text=v or "-", wrap=True, size="sm", flex=5)]) for k, v in card.fields]
    body = FlexBox(layout="vertical", spacing="md", contents=[
        FlexText(text=card.title, weight="bold", size="lg", wrap=True, color="#0b6e4f"),
        FlexText(text=card.subtitle or " ", size="sm", color="#5f6b66", wrap=True),
        FlexSeparator(),
        FlexBox(layout="vertical", spacing="sm", contents=rows)])
    footer = None
    if card.url:
        footer = FlexBox(layout="vertical", contents=[
            FlexButton(style="link", action=URIAction(label="Source / ที่มา", uri=card.url))])
    alt = "; ".join([card.title, *(f"{k}: {v}" for k, v in card.fields)])
    return FlexMessage(alt_text=truncate_graphemes(alt, LIMITS["alt_text"]),
                       contents=FlexBubble(body=body, footer=footer))


def _fallback_id(event: dict) -> str:
    """An id for an event without ``webhookEventId`` (older payloads): a hash of its content."""
    return "h" + hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()[:32]
