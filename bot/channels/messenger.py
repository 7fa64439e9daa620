"""Facebook Messenger channel (Graph API Send API).

Webhook: ``GET`` answers Meta's verification handshake; ``POST`` checks ``X-Hub-Signature-256`` (HMAC-SHA256
of the raw body with the app secret, compared in constant time), walks every ``entry[]`` and every
``messaging[]`` item, de-duplicates on the message ``mid`` and queues. Senders answer with the Send API.
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
from ..messages import say
from ..queue import SEEN_TTL, QueuedEvent
from ..reply import Card, Reply
from .common import (Ambiguous, Delivery, Rejected, Transient, accept_events, already_handled, ask_payload,
                     call_with_retries, fresh, ignore, parse_postback, split_text)

__all__ = ["MessengerChannel", "LIMITS"]

log = logging.getLogger(__name__)

#: Messenger's documented limits.
LIMITS = {"text": 2000, "quick_replies": 13, "quick_reply_title": 20, "payload": 1000, "title": 80,
          "subtitle": 80, "button_title": 20, "messages": 5}
GRAPH_VERSION = "v21.0"


class MessengerChannel:
    """The Messenger adapter: webhook views, event handling and rendering of :class:`Reply`."""

    name = "messenger"

    def __init__(self, bot, queue, ledger, senders, config: dict):
        self.bot, self.queue, self.ledger, self.senders = bot, queue, ledger, senders
        self.secret = config.get("MESSENGER_APP_SECRET") or ""
        self.page_token = config.get("MESSENGER_PAGE_ACCESS_TOKEN") or ""
        self.verify_token = config.get("MESSENGER_VERIFY_TOKEN") or ""
        self.enabled = bool(self.secret and self.page_token and self.verify_token)
        base = (config.get("MESSENGER_API_BASE_URL") or "https://graph.facebook.com").rstrip("/")
        self.send_url = f"{base}/{GRAPH_VERSION}/me/messages"
        self.timeout = (float(config.get("MESSENGER_CONNECT_TIMEOUT", 3.0)),
                        float(config.get("MESSENGER_READ_TIMEOUT", 10.0)))
        self.policy = Delivery(attempts=int(config.get("MESSENGER_ATTEMPTS", 4)))
        self.window = int(config.get("DEDUP_WINDOW", SEEN_TTL))
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
                    events.append((event_id, item))
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
        sender id or ``mid`` is not a string (a signed body can still carry a list or an object there)."""
        message, postback = item.get("message"), item.get("postback")
        if not isinstance(message, dict) and not isinstance(postback, dict):
            return None
        if isinstance(message, dict) and message.get("is_echo"):
            return None
        sender = item.get("sender")
        sender_id = sender.get("id") if isinstance(sender, dict) else None
        carrier = message if isinstance(message, dict) else postback
        mid = carrier.get("mid") if isinstance(carrier, dict) else None
        if not isinstance(sender_id, str) or not sender_id or not isinstance(mid, (str, type(None))):
            ignore(self.name, "bad_id")
            return None
        if isinstance(message, dict):
            return mid or None
        return mid or f"pb:{sender_id}:{item.get('timestamp', '')}"

    # -- events ------------------------------------------------------------------------------------------
    def handle(self, qe: QueuedEvent, heartbeat: Callable[[], None]) -> None:
        item = qe.payload
        sender = str((item.get("sender") or {}).get("id", ""))
        kind = "message" if "message" in item else "postback"
        metrics.EVENTS.labels(self.name, kind).inc()
        if not sender:
            return
        if already_handled(self.ledger, self.name, qe.event_id):
            return
        if not fresh(self.name, item.get("timestamp"), self.window):
            return  # queued in time but not handled within the window (a long outage): too late now
        reply = self.respond(item, sender)
        if reply is None or not reply.text.strip():
            return  # nothing to say (e.g. over the rate limit)
        self.send(qe, sender, reply, heartbeat)

    def respond(self, item: dict, sender: str) -> Reply | None:
        message = item.get("message")
        if isinstance(message, dict):
            # A quick reply the bot made carries the whole question (its title, sent as the text, is cut to
            # 20 characters); any other payload belongs to another tool, and the person meant what they tapped.
            quick = message.get("quick_reply")
            own = parse_postback(quick.get("payload")) if isinstance(quick, dict) else None
            text = own.text if own and own.action == "ask" else message.get("text")
            if isinstance(text, str) and text.strip():
                return self.bot.dialogue.respond(text, user_id=sender, channel=self.name)
            if message.get("attachments") or message.get("sticker_id"):
                lang = self.bot.contexts.load(self.name, sender).lang or "th"
                return Reply(say("not_text", lang), lang, "not_text", 1.0,
                             quick_replies=self.bot.dialogue.knowledge.suggest.for_subject(None, lang))
            return None
        postback = parse_postback((item.get("postback") or {}).get("payload"))
        if postback is None:  # another tool's button or menu: not a question for the bot
            ignore(self.name, "foreign_postback")
            return None
        if postback.action == "greet":
            suggest = self.bot.dialogue.knowledge.suggest
            return Reply(f"{say('greet', 'th')}\n\n{say('greet', 'en')}", "th", "greet", 1.0,
                         quick_replies=suggest.for_subject(None, "th")[:2] + suggest.for_subject(None, "en")[:2])
        return self.bot.dialogue.respond(postback.text, user_id=sender, channel=self.name)

    # -- rendering ---------------------------------------------------------------------------------------
    def render(self, reply: Reply) -> list[dict]:
        """Send API ``message`` objects: text parts within the limit, an optional generic template card;
        quick replies on the last message."""
        room = LIMITS["messages"] - (1 if reply.card else 0)
        messages: list[dict[str, Any]] = [{"text": p} for p in split_text(reply.text, LIMITS["text"], max_parts=room)]
        if reply.card:
            messages.append(self.generic_template(reply.card))
        # The payload is the bot's own format with the whole question: the title is cut, and a payload in
        # any other format is another tool's (see respond).
        quick = [{"content_type": "text", "title": _cut(q, LIMITS["quick_reply_title"]),
                  "payload": ask_payload(q, LIMITS["payload"])}
                 for q in reply.quick_replies[: LIMITS["quick_replies"]] if q.strip()]
        if quick:
            messages[-1]["quick_replies"] = quick
        return messages

    @staticmethod
    def generic_template(card: Card) -> dict:
        subtitle = " · ".join(f"{k}: {v}" for k, v in card.fields)
        element: dict[str, Any] = {"title": _cut(card.title, LIMITS["title"]),
                                   "subtitle": _cut(subtitle or card.subtitle, LIMITS["subtitle"])}
        if card.url:
            element["buttons"] = [{"type": "web_url", "url": card.url, "title": "Source / ที่มา"}]
        return {"attachment": {"type": "template",
                               "payload": {"template_type": "generic", "elements": [element]}}}

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

    def send(self, qe: QueuedEvent, recipient: str, reply: Reply, heartbeat: Callable[[], None]) -> None:
        messages = self.render(reply)
        sent_at = float(qe.payload.get("timestamp", qe.received * 1000)) / 1000
        if time.time() - sent_at > 1.5:  # the answer is late (a backlog or retries): show typing
            self._typing(recipient)
        done = int(self.ledger.state(self.name, f"{qe.event_id}:parts") or 0)
        for i, message in enumerate(messages):
            if i < done:
                continue  # sent by an earlier attempt
            body = {"recipient": {"id": recipient}, "messaging_type": "RESPONSE", "message": message}
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

    def _typing(self, recipient: str) -> None:
        """``typing_on`` before the answer (best effort, short timeout)."""
        try:
            self.http.post(self.send_url, json={"recipient": {"id": recipient}, "sender_action": "typing_on"},
                           timeout=(1.0, 2.0))
        except requests.RequestException as exc:
            log.debug("typing_on failed: %s", type(exc).__name__)


def _items(entry: dict, field: str) -> list[dict]:
    """The objects in ``entry[field]`` (anything else there is skipped)."""
    items = entry.get(field)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
