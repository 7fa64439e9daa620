"""Facebook Messenger channel (Graph API Send API).

Webhook: ``GET`` answers Meta's verification handshake; ``POST`` checks ``X-Hub-Signature-256`` (HMAC-SHA256
of the raw body with the app secret, compared in constant time), walks every ``entry[]`` and every
``messaging[]`` item, de-duplicates on the message ``mid`` and queues. Senders answer with the Send API.

Senders are people with a Page-scoped id (``sender.id``) or, from the website chat plugin, a ``user_ref``
(``sender.user_ref``); answers go to the same kind of recipient (``recipient.id`` or ``recipient.user_ref``,
both documented for the Send API).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import time
from typing import Any, Callable

import requests
from flask import Blueprint, Response, abort, request

from .. import jsonsafe, metrics
from ..config import Settings
from ..queue import QueuedEvent
from ..reply import Card, Reply
from .common import (Ambiguous, Channel, Delivery, Incoming, Rejected, Transient, accept_events, ask_payload,
                     call_with_retries, fresh, ignore, notify_offer, split_text, truncate_graphemes)

__all__ = ["MessengerChannel", "LIMITS", "render", "recipient_of"]

log = logging.getLogger(__name__)

#: Messenger's documented limits.
LIMITS = {"text": 2000, "quick_replies": 13, "quick_reply_title": 20, "payload": 1000, "title": 80,
          "subtitle": 80, "button_title": 20, "messages": 5}
GRAPH_VERSION = "v21.0"
#: Meta's standard messaging window: a page may write to a person within 24 hours of their last message.
STANDARD_WINDOW = 24 * 3600


class MessengerChannel(Channel):
    """The Messenger adapter: webhook views, translation of events, rendering and delivery of :class:`Reply`."""

    name = "messenger"
    contact_window = STANDARD_WINDOW

    def __init__(self, bot, queue, ledger, senders, settings: Settings):
        super().__init__(bot, queue, ledger, senders, settings)
        self.secret = settings.MESSENGER_APP_SECRET or ""
        self.page_token = settings.MESSENGER_PAGE_ACCESS_TOKEN or ""
        self.verify_token = settings.MESSENGER_VERIFY_TOKEN or ""
        self.enabled = bool(self.secret and self.page_token and self.verify_token)
        base = settings.MESSENGER_API_BASE_URL
        self.send_url = f"{base}/{GRAPH_VERSION}/me/messages"
        self.timeout = (settings.MESSENGER_CONNECT_TIMEOUT, settings.MESSENGER_READ_TIMEOUT)
        self.policy = Delivery(attempts=settings.MESSENGER_ATTEMPTS)
        self.http = requests.Session()  # one connection pool per worker
        # The token goes in a header, not the URL's query: URLs end up in access and debug logs.
        self.http.headers["Authorization"] = f"Bearer {self.page_token}"
        if not self.enabled:
            log.warning("Messenger channel disabled: MESSENGER_APP_SECRET, MESSENGER_PAGE_ACCESS_TOKEN and "
                        "MESSENGER_VERIFY_TOKEN are not all set")
        else:
            log.info("Messenger channel enabled (API %s)", base)

    # -- webhook -----------------------------------------------------------------------------------------
    def blueprint(self) -> Blueprint:
        bp = Blueprint("messenger", __name__)
        bp.add_url_rule("/webhooks/messenger", "verify", self.verify, methods=["GET"])
        bp.add_url_rule("/webhooks/messenger", "webhook", self.webhook, methods=["POST"])
        return bp

    def verify(self):
        """Meta's subscription handshake: echo ``hub.challenge`` when the verify token matches."""
        if not self.enabled:
            abort(404)
        mode = request.args.get("hub.mode", "")
        token = request.args.get("hub.verify_token", "")
        challenge = request.args.get("hub.challenge", "")
        if mode == "subscribe" and hmac.compare_digest(token.encode(), self.verify_token.encode()):
            return Response(challenge, mimetype="text/plain")
        log.warning("Messenger verification refused (mode=%r)", mode)
        return Response("forbidden", status=403, mimetype="text/plain")

    def webhook(self):
        if not self.enabled:
            abort(404)
        started = time.perf_counter()
        body = request.get_data()
        header = request.headers.get("X-Hub-Signature-256", "")
        if not header:
            return self._reject("missing X-Hub-Signature-256", "signature", 401)
        expected = "sha256=" + hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(header.encode(), expected.encode()):
            return self._reject("invalid X-Hub-Signature-256", "signature", 403)
        try:
            data = jsonsafe.loads(body)
            entries = data["entry"] if isinstance(data, dict) else None
            if data.get("object") != "page" or not isinstance(entries, list):
                raise TypeError("not a page webhook")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            return self._reject(f"malformed body: {type(exc).__name__}", "body", 400)
        events = []
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            # Items under "standby" arrive while another app owns the conversation (handover protocol):
            # they are for reading only, so they are counted and never queued.
            for _ in _items(entry, "standby"):
                ignore(self.name, "standby")
            for item in _items(entry, "messaging"):
                if (event_id := self._event_id(item)) and fresh(self.name, item.get("timestamp"), self.window):
                    events.append((event_id, _user_key(recipient_of(item) or {}), item))
        accept_events(self.queue, self.senders, self.name, events)
        metrics.WEBHOOK_SECONDS.labels(self.name).observe(time.perf_counter() - started)
        return "EVENT_RECEIVED", 200

    def _reject(self, why: str, reason: str, status: int):
        log.warning("Messenger webhook refused from %s: %s", request.remote_addr, why)
        metrics.WEBHOOK_REJECTED.labels(self.name, reason).inc()
        return {"error": "refused", "detail": why}, status

    def _event_id(self, item: dict) -> str | None:
        """The message ``mid`` for messages; for postbacks their ``mid`` or sender+timestamp.
        Echoes, deliveries and reads are not events the bot answers (None); neither is an item whose
        sender id (or chat-plugin ``user_ref``) or ``mid`` is not a string (a signed body can still carry a
        list or an object there)."""
        message, postback = item.get("message"), item.get("postback")
        if not isinstance(message, dict) and not isinstance(postback, dict):
            return None
        if isinstance(message, dict) and message.get("is_echo"):
            return None
        sender = recipient_of(item)
        mid = message.get("mid") if isinstance(message, dict) else postback.get("mid")  # type: ignore[union-attr]
        if sender is None or not isinstance(mid, (str, type(None))):
            ignore(self.name, "bad_id")
            return None
        if isinstance(message, dict):
            return mid or None
        return mid or f"pb:{_user_key(sender)}:{item.get('timestamp', '')}"

    # -- events ------------------------------------------------------------------------------------------
    def incoming(self, qe: QueuedEvent) -> Incoming | None:
        """The messaging item as a neutral :class:`Incoming` (None: nothing the bot answers)."""
        item = qe.payload
        to = recipient_of(item)
        if to is None:
            return None

        def event(kind: str, **fields: Any) -> Incoming:
            return Incoming(self.name, qe.event_id, kind, _user_key(to), recipient=to,
                            timestamp_ms=item.get("timestamp"), **fields)

        message = item.get("message")
        if isinstance(message, dict):
            # A quick reply carries its payload (the bot's own holds the whole question; its title, sent as
            # the text, is cut to 20 characters) and the text the person tapped.
            quick = message.get("quick_reply")
            payload = quick.get("payload") if isinstance(quick, dict) else None
            raw_text = message.get("text")
            text = raw_text if isinstance(raw_text, str) else ""
            if text.strip() or isinstance(payload, str):
                return event("text", text=text, postback=payload if isinstance(payload, str) else None)
            if message.get("attachments") or message.get("sticker_id"):
                return event("not_text")
            return None
        postback = item.get("postback")
        if isinstance(postback, dict):
            payload = postback.get("payload")
            return event("postback", postback=payload if isinstance(payload, str) else "")
        return None

    @staticmethod
    def render(reply: Reply) -> list:
        return render(reply)

    def typing(self, incoming: Incoming) -> None:
        """``typing_on`` before the answer (best effort, short timeout)."""
        try:
            self.http.post(self.send_url, json={"recipient": incoming.recipient, "sender_action": "typing_on"},
                           timeout=(1.0, 2.0))
        except requests.RequestException as exc:
            log.debug("typing_on failed: %s", type(exc).__name__)

    # -- delivery ----------------------------------------------------------------------------------------
    def _post(self, body: dict) -> None:
        try:
            resp = self.http.post(self.send_url, json=body, timeout=self.timeout)
        except (requests.ConnectTimeout, requests.exceptions.SSLError) as exc:
            raise Transient(type(exc).__name__) from exc
        except requests.ConnectionError as exc:
            # Refused before sending is safe to retry; a dropped connection may have been processed.
            if "refused" in str(exc).lower() or "NewConnectionError" in str(exc):
                raise Transient("connection refused") from exc
            raise Ambiguous(type(exc).__name__) from exc
        except requests.Timeout as exc:
            raise Ambiguous("read timeout") from exc
        if resp.status_code >= 500 or resp.status_code == 429:
            raise Transient(f"HTTP {resp.status_code}")
        if resp.status_code >= 400:
            raise Rejected(resp.status_code, resp.text)

    def deliver(self, qe: QueuedEvent, incoming: Incoming, messages: list, heartbeat: Callable[[], None]) -> None:
        """Send each message in order; a message already sent by an earlier attempt is not sent again."""
        done = int(self.ledger.state(self.name, f"{qe.event_id}:parts") or 0)
        for i, message in enumerate(messages):
            if i < done:
                continue  # sent by an earlier attempt
            body = {"recipient": incoming.recipient, "messaging_type": "RESPONSE", "message": message}
            self.ledger.mark(self.name, qe.event_id, "sending")
            try:
                call_with_retries(self.name, "send", functools.partial(self._post, body), self.policy,
                                  time.time() + 60, heartbeat)
            except Rejected as exc:
                log.error("Messenger send refused for event %s: HTTP %s %s", qe.event_id, exc.status,
                          exc.body[:500])
                self.ledger.mark(self.name, qe.event_id, "sent")
                return
            except Transient:
                self.ledger.mark(self.name, qe.event_id, None)
                raise  # nothing was delivered: the event stays queued and is retried
            except Ambiguous:
                metrics.AMBIGUOUS.labels(self.name).inc()
                return  # stays "sending": never risk a second message
            self.ledger.mark(self.name, f"{qe.event_id}:parts", str(i + 1))
            self.ledger.mark(self.name, qe.event_id, None)
        self.ledger.mark(self.name, qe.event_id, "sent")
        metrics.REPLIES.labels(self.name, "send").inc()

    def send_later(self, recipient: Any, messages: list, key: str) -> str:
        """Send ``messages`` as an ``UPDATE`` (:meth:`push` has checked the 24-hour window). The Send API
        has no idempotency key (``key`` is unused), so a timeout is not repeated: ``"uncertain"``; so is a
        failure after part of the messages arrived."""
        for i, message in enumerate(messages):
            body = {"recipient": recipient, "messaging_type": "UPDATE", "message": message}
            try:
                call_with_retries(self.name, "notify", functools.partial(self._post, body), self.policy,
                                  time.time() + 60)
            except Rejected as exc:
                log.error("Messenger message refused: HTTP %s %s", exc.status, exc.body[:500])
                return "refused"
            except Transient:
                return "failed" if i == 0 else "uncertain"  # part of it arrived: sending again would repeat it
            except Ambiguous:
                return "uncertain"
        return "sent"


def recipient_of(item: dict) -> dict | None:
    """Who sent a messaging item, as the Send API's ``recipient`` for the answer: ``{"id": PSID}``, or
    ``{"user_ref": ...}`` for a person writing through the website chat plugin. None when neither is a
    non-empty string."""
    sender = item.get("sender")
    if not isinstance(sender, dict):
        return None
    for field in ("id", "user_ref"):
        value = sender.get(field)
        if isinstance(value, str) and value:
            return {field: value}
    return None


def _user_key(recipient: dict) -> str:
    """The context and ordering key of a recipient: the PSID, or ``ref:<user_ref>`` (never the same)."""
    return recipient["id"] if "id" in recipient else f"ref:{recipient.get('user_ref', '')}"


# -- rendering (pure) ------------------------------------------------------------------------------------------
def render(reply: Reply) -> list[dict]:
    """Send API ``message`` objects: text parts within the limit, an optional generic template card; quick
    replies on the last message, with "tell me when you know" when the reply offers it. An empty reply
    renders to no message."""
    if not reply.text.strip() and not reply.card:
        return []
    room = LIMITS["messages"] - (1 if reply.card else 0)
    messages: list[dict[str, Any]] = [{"text": p} for p in split_text(reply.text, LIMITS["text"], max_parts=room)]
    if reply.card:
        messages.append(generic_template(reply.card))
    # The payload is the bot's own format with the whole question: the title is cut, and a payload in any
    # other format is another tool's (see common.respond).
    quick = [{"content_type": "text", "title": truncate_graphemes(q, LIMITS["quick_reply_title"], len),
              "payload": ask_payload(q, LIMITS["payload"])}
             for q in reply.quick_replies[: LIMITS["quick_replies"]] if q.strip()]
    offer = notify_offer(reply)
    if offer:
        quick = quick[: LIMITS["quick_replies"] - 1]
        title = truncate_graphemes(offer.label, LIMITS["quick_reply_title"], len)
        quick.append({"content_type": "text", "title": title, "payload": offer.payload})
    if quick and messages:
        messages[-1]["quick_replies"] = quick
    return messages


def generic_template(card: Card) -> dict:
    """A city card as a generic template with one element (and a link to the source)."""
    subtitle = " · ".join(f"{k}: {v}" for k, v in card.fields)
    element: dict[str, Any] = {"title": truncate_graphemes(card.title, LIMITS["title"], len),
                               "subtitle": truncate_graphemes(subtitle or card.subtitle, LIMITS["subtitle"], len)}
    if card.url:
        element["buttons"] = [{"type": "web_url", "url": card.url, "title": "Source / ที่มา"}]
    return {"attachment": {"type": "template", "payload": {"template_type": "generic", "elements": [element]}}}


def _items(entry: dict, field: str) -> list[dict]:
    """The objects in ``entry[field]`` (anything else there is skipped)."""
    items = entry.get(field)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
