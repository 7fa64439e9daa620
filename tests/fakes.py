"""Fake LINE and Graph (Messenger) APIs: real HTTP servers on 127.0.0.1 that check requests the way the
platforms document them (auth, paths, required fields, limits), record what they receive, and can be told
to fail or to be slow."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field

import regex
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    path: str
    headers: dict
    body: object
    query: dict = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)  # when the server received it
    status: int | None = None  # what the fake answered (None while it is still handling the call)


class FakeServer:
    """A threaded WSGI server; subclasses implement :meth:`route`."""

    def __init__(self, port: int = 0):
        self.calls: list[Call] = []
        self.errors: list[str] = []  # validation failures (each also answered 400)
        self.fail_next: list[int] = []  # statuses to answer for the next calls, in order
        self.delay = 0.0
        self.delay_next: list[float] = []  # seconds to wait before handling the next calls, in order
        self.lock = threading.Lock()
        self.server = make_server("127.0.0.1", port, self._wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _wsgi(self, environ, start_response):
        req = Request(environ)
        raw = req.get_data()
        body: object = raw
        if req.mimetype == "application/json":
            try:
                body = json.loads(raw)
            except ValueError:
                return Response(json.dumps({"message": "invalid JSON"}), 400)(environ, start_response)
        call = Call(req.method, req.path, dict(req.headers), body, dict(req.args))
        with self.lock:
            self.calls.append(call)
            status = self.fail_next.pop(0) if self.fail_next else None
            delay = self.delay_next.pop(0) if self.delay_next else self.delay
        if delay:
            time.sleep(delay)
        if status:
            call.status = status
            return Response(json.dumps({"message": "injected failure"}), status,
                            mimetype="application/json")(environ, start_response)
        try:
            code, payload, headers = self.route(call)
        except AssertionError as exc:
            with self.lock:
                self.errors.append(f"{call.method} {call.path}: {exc}")
            code, payload, headers = 400, {"message": f"The request body has 1 error(s): {exc}"}, {}
        call.status = code
        resp = Response(json.dumps(payload) if payload is not None else "", code,
                        mimetype="application/json", headers=headers)
        return resp(environ, start_response)

    def route(self, call: Call):  # pragma: no cover - overridden
        raise NotImplementedError

    def wait_for(self, predicate, timeout: float = 10.0) -> list[Call]:
        """Wait until ``predicate(calls)`` is true; return the calls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                calls = list(self.calls)
            if predicate(calls):
                return calls
            time.sleep(0.05)
        with self.lock:
            return list(self.calls)


class FakeLine(FakeServer):
    """The parts of the LINE Messaging API the bot uses."""

    DUMMY = {"00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"}

    def __init__(self, token: str, port: int = 0):
        self.token = token
        self.used_tokens: set[str] = set()
        self.retry_keys: set[str] = set()
        self.rich_menus: dict[str, dict] = {}
        self.images: dict[str, bytes] = {}
        self.default_menu: str | None = None
        super().__init__(port)

    # helpers for tests
    def sent(self, kind: str | None = None) -> list[Call]:
        """Accepted reply/push calls (not failures)."""
        paths = {"reply": ["/v2/bot/message/reply"], "push": ["/v2/bot/message/push"],
                 None: ["/v2/bot/message/reply", "/v2/bot/message/push"]}[kind]
        return [c for c in self.calls if c.path in paths and getattr(c, "accepted", False)]

    def route(self, call: Call):
        assert call.headers.get("Authorization") == f"Bearer {self.token}", "missing or wrong channel access token"
        path, body = call.path, call.body
        if path == "/v2/bot/message/reply":
            assert "X-Line-Retry-Key" not in call.headers, "X-Line-Retry-Key is not accepted on reply"
            assert isinstance(body, dict) and isinstance(body.get("replyToken"), str) and body["replyToken"], \
                "replyToken is required"
            self._check_messages(body.get("messages"))
            token = body["replyToken"]
            if token in self.DUMMY or token in self.used_tokens:
                return 400, {"message": "Invalid reply token"}, {}
            self.used_tokens.add(token)
            call.accepted = True  # type: ignore[attr-defined]
            return 200, {"sentMessages": [{"id": str(uuid.uuid4().int)[:18]}]}, {}
        if path == "/v2/bot/message/push":
            assert isinstance(body, dict) and isinstance(body.get("to"), str) and body["to"], "to is required"
            self._check_messages(body.get("messages"))
            key = call.headers.get("X-Line-Retry-Key")
            if key is not None:
                assert UUID_RE.match(key), "X-Line-Retry-Key must be a UUID"
                if key in self.retry_keys:
                    return 409, {"message": "The retry key is already accepted"}, \
                        {"x-line-accepted-request-id": "accepted"}
                self.retry_keys.add(key)
            call.accepted = True  # type: ignore[attr-defined]
            return 200, {"sentMessages": [{"id": str(uuid.uuid4().int)[:18]}]}, {}
        if path == "/v2/bot/chat/loading/start":
            assert isinstance(body.get("chatId"), str) and body["chatId"], "chatId is required"
            seconds = body.get("loadingSeconds", 20)
            assert isinstance(seconds, int) and 5 <= seconds <= 60 and seconds % 5 == 0, "loadingSeconds 5..60 by 5"
            return 202, {}, {}
        return self._rich_menu(call)

    def _check_messages(self, messages) -> None:
        assert isinstance(messages, list) and 1 <= len(messages) <= 5, "messages: 1 to 5 items"
        for m in messages:
            assert m.get("type") in ("text", "flex"), f"unexpected message type {m.get('type')}"
            if m["type"] == "text":
                assert isinstance(m.get("text"), str) and 1 <= utf16(m["text"]) <= 5000, "text: 1 to 5000 characters"
            else:
                assert isinstance(m.get("altText"), str) and 1 <= len(m["altText"]) <= 1500, "altText: 1 to 1500"
                assert m.get("contents", {}).get("type") in ("bubble", "carousel"), "flex contents"
            qr = m.get("quickReply")
            if qr is not None:
                items = qr.get("items")
                assert isinstance(items, list) and 1 <= len(items) <= 13, "quickReply.items: 1 to 13"
                for it in items:
                    a = it.get("action", {})
                    assert it.get("type") == "action" and a.get("type") in ("message", "postback"), \
                        "quick reply: a message or postback action"
                    assert 1 <= graphemes(a.get("label", "")) <= 20, f"action label over 20: {a.get('label')!r}"
                    if a["type"] == "message":
                        assert 1 <= len(a.get("text", "")) <= 300, "action text: 1 to 300"
                    else:  # postback: data is required; displayText optional (text is deprecated)
                        assert isinstance(a.get("data"), str) and 1 <= len(a["data"]) <= 300, "postback data: 1 to 300"
                        assert "displayText" not in a or 1 <= len(a["displayText"]) <= 300, "displayText: 1 to 300"
                        assert not ("displayText" in a and "text" in a), "displayText and text cannot both be set"

    def _rich_menu(self, call: Call):
        path, body = call.path, call.body
        if path == "/v2/bot/richmenu" and call.method == "POST":
            size = body.get("size", {})
            assert size in ({"width": 2500, "height": 1686}, {"width": 2500, "height": 843}), "rich menu size"
            assert isinstance(body.get("selected"), bool), "selected is required"
            assert 1 <= len(body.get("name", "")) <= 300, "name: 1 to 300"
            assert 1 <= graphemes(body.get("chatBarText", "")) <= 14, "chatBarText: 1 to 14"
            areas = body.get("areas")
            assert isinstance(areas, list) and 1 <= len(areas) <= 20, "areas: 1 to 20"
            for a in areas:
                b = a["bounds"]
                assert b["x"] + b["width"] <= size["width"] and b["y"] + b["height"] <= size["height"], "bounds"
                assert a["action"]["type"] in ("message", "uri", "postback"), "area action"
                if a["action"]["type"] == "uri":
                    assert a["action"]["uri"].startswith(("https://", "http://", "tel:", "line://")), "uri"
            menu_id = f"richmenu-{uuid.uuid4().hex}"
            self.rich_menus[menu_id] = {**body, "richMenuId": menu_id}
            return 200, {"richMenuId": menu_id}, {}
        if path == "/v2/bot/richmenu/list":
            return 200, {"richmenus": list(self.rich_menus.values())}, {}
        m = re.fullmatch(r"/v2/bot/richmenu/([\w-]+)/content", path)
        if m and call.method == "POST":
            assert m.group(1) in self.rich_menus, "unknown rich menu"
            assert call.headers.get("Content-Type") in ("image/png", "image/jpeg"), "image/png or image/jpeg"
            data = call.body if isinstance(call.body, bytes) else b""
            assert 0 < len(data) <= 1024 * 1024, "image over 1 MB"
            from PIL import Image

            w, h = Image.open(io.BytesIO(data)).size
            size = self.rich_menus[m.group(1)]["size"]
            assert (w, h) == (size["width"], size["height"]), "image size must match the rich menu"
            assert m.group(1) not in self.images, "an image can be uploaded only once"
            self.images[m.group(1)] = data
            return 200, {}, {}
        m = re.fullmatch(r"/v2/bot/richmenu/([\w-]+)", path)
        if m and call.method == "DELETE":
            self.rich_menus.pop(m.group(1), None)
            if self.default_menu == m.group(1):
                self.default_menu = None
            return 200, {}, {}
        m = re.fullmatch(r"/v2/bot/user/all/richmenu/([\w-]+)", path)
        if m and call.method == "POST":
            assert m.group(1) in self.rich_menus and m.group(1) in self.images, "menu must exist and have an image"
            self.default_menu = m.group(1)
            return 200, {}, {}
        if path == "/v2/bot/user/all/richmenu" and call.method == "GET":
            if not self.default_menu:
                return 404, {"message": "no default rich menu"}, {}
            return 200, {"richMenuId": self.default_menu}, {}
        return 404, {"message": f"Not found: {call.method} {path}"}, {}


class FakeGraph(FakeServer):
    """The Messenger Send API (``POST /vXX.X/me/messages?access_token=``)."""

    WINDOW = 24 * 3600

    def __init__(self, page_token: str, port: int = 0):
        self.page_token = page_token
        self.last_message: dict[str, float] = {}  # PSID -> when the person last wrote (tests tell the fake)
        super().__init__(port)

    def user_wrote(self, psid: str, when: float) -> None:
        """Tell the fake that a person wrote at ``when``: Graph then refuses RESPONSE/UPDATE messages to them
        more than 24 hours later, as the standard messaging window requires."""
        self.last_message[psid] = max(when, self.last_message.get(psid, 0.0))

    def messages(self) -> list[Call]:
        return [c for c in self.calls if getattr(c, "accepted", False) and "message" in c.body]

    def messages_to(self, recipient: dict) -> list[Call]:
        """Accepted messages to ``recipient`` (``{"id": PSID}`` or ``{"user_ref": ...}``), in arrival order."""
        return [c for c in self.messages() if c.body["recipient"] == recipient]

    def route(self, call: Call):
        if not re.fullmatch(r"/v\d+\.\d+/me/messages", call.path) or call.method != "POST":
            return 404, {"error": {"message": "Unknown path", "type": "GraphMethodException", "code": 100}}, {}
        # Graph accepts the token as ?access_token= or as an Authorization: Bearer header.
        bearer = call.headers.get("Authorization", "")
        token = bearer[7:] if bearer.startswith("Bearer ") else call.query.get("access_token")
        if token != self.page_token:
            return 400, {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}, {}
        body = call.body
        assert isinstance(body, dict) and isinstance(body.get("recipient"), dict), "recipient is required"
        # One of the documented ways to name the recipient: a PSID, or the chat plugin's user_ref.
        recipient = body["recipient"]
        assert len(recipient) == 1 and next(iter(recipient)) in ("id", "user_ref") and \
            isinstance(next(iter(recipient.values())), str), "recipient: one of id, user_ref"
        # "The Send API does not include recipient_id in the response for messages sent using recipient.user_ref".
        answer = {"recipient_id": recipient["id"]} if "id" in recipient else {}
        if "sender_action" in body:
            assert body["sender_action"] in ("typing_on", "typing_off", "mark_seen"), "sender_action"
            assert "message" not in body, "sender_action cannot be sent with a message"
            return 200, answer, {}
        assert body.get("messaging_type") in ("RESPONSE", "UPDATE", "MESSAGE_TAG"), "messaging_type is required"
        wrote = self.last_message.get(body["recipient"].get("id", ""))
        if body["messaging_type"] != "MESSAGE_TAG" and wrote is not None and time.time() - wrote > self.WINDOW:
            return 400, {"error": {"message": "(#10) This message is sent outside of allowed window.",
                                   "type": "OAuthException", "code": 10, "error_subcode": 2018278}}, {}
        msg = body.get("message")
        assert isinstance(msg, dict) and (("text" in msg) != ("attachment" in msg)), "message: text or attachment"
        if "text" in msg:
            assert 1 <= len(msg["text"]) <= 2000, "text: 1 to 2000 characters"
        else:
            payload = msg["attachment"]["payload"]
            assert payload["template_type"] == "generic", "template_type"
            els = payload["elements"]
            assert 1 <= len(els) <= 10, "elements: 1 to 10"
            for e in els:
                assert 1 <= len(e["title"]) <= 80 and len(e.get("subtitle", "")) <= 80, "title/subtitle: 80"
                assert len(e.get("buttons", [])) <= 3, "buttons: at most 3"
        qrs = msg.get("quick_replies")
        if qrs is not None:
            assert 1 <= len(qrs) <= 13, "quick_replies: 1 to 13"
            for q in qrs:
                assert q.get("content_type") == "text", "content_type"
                assert 1 <= len(q.get("title", "")) <= 20, f"quick reply title over 20: {q.get('title')!r}"
                assert 1 <= len(q.get("payload", "")) <= 1000, "payload: 1 to 1000"
        call.accepted = True  # type: ignore[attr-defined]
        return 200, {**answer, "message_id": f"m_{uuid.uuid4().hex}"}, {}


# -- webhook bodies, modelled on the platforms' documented examples --------------------------------------
def line_signature(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def line_event(text: str | None = "Hello, world", *, type_: str = "message", source: dict | None = None,
               message_type: str = "text", event_id: str | None = None, reply_token: str | None = None,
               timestamp_ms: int | None = None, mention: dict | None = None, redelivery: bool = False,
               postback: str | None = None, mode: str = "active", image_set: dict | None = None) -> dict:
    """A LINE webhook event shaped like those in line-bot-sdk-python's tests/v3/text/webhook.json.
    ``mode="standby"``: another module channel owns the chat; message and postback events then come without
    a reply token (the SDK's models have it optional for those, required for follow and join)."""
    ev: dict = {
        "type": type_,
        "mode": mode,
        "timestamp": timestamp_ms or int(time.time() * 1000),
        "source": source or {"type": "user", "userId": "U" + uuid.uuid4().hex},
        "webhookEventId": event_id or "01" + uuid.uuid4().hex[:24].upper(),
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if type_ in ("follow", "join") or (type_ in ("message", "postback") and mode == "active"):
        ev["replyToken"] = reply_token or uuid.uuid4().hex
    if type_ == "message":
        if message_type == "text":
            ev["message"] = {"type": "text", "id": str(uuid.uuid4().int)[:14], "text": text,
                             "quoteToken": "q3Plxr4AgKd..."}
            if mention:
                ev["message"]["mention"] = mention
        elif message_type == "sticker":
            ev["message"] = {"type": "sticker", "id": "1501597916", "packageId": "446", "stickerId": "1988",
                             "stickerResourceType": "ANIMATION", "keywords": ["hello"], "quoteToken": "yHAz4Ua2"}
        else:
            ev["message"] = {"type": message_type, "id": str(uuid.uuid4().int)[:18],
                             "contentProvider": {"type": "line"}, "quoteToken": "quoteToken"}
            if image_set:  # {"id", "index", "total"}: one of several images sent together
                ev["message"]["imageSet"] = image_set
    if type_ == "postback":
        ev["postback"] = {"data": postback or ""}
    if type_ == "follow":
        ev["follow"] = {"isUnblocked": False}
    return ev


def line_body(*events: dict) -> bytes:
    return json.dumps({"destination": "U" + "0" * 32, "events": list(events)}, ensure_ascii=False).encode()


def hub_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def messenger_body(*items: dict, page_id: str = "1234567890", batched: bool = False) -> bytes:
    """A page webhook body. ``batched``: one entry per item, as Meta documents batching ("messaging" holds
    one item, several entries come in one body); otherwise all items in one entry's ``messaging``."""
    now = int(time.time() * 1000)
    if batched:
        entries = [{"id": page_id, "time": now, "messaging": [item]} for item in items]
    else:
        entries = [{"id": page_id, "time": now, "messaging": list(items)}]
    return json.dumps({"object": "page", "entry": entries}, ensure_ascii=False).encode()


def messenger_postback(payload: str, sender: str | None = None, title: str = "Tap") -> dict:
    """A ``messaging_postbacks`` item as Meta documents it (title, payload, mid)."""
    return {"sender": {"id": sender or str(uuid.uuid4().int)[:16]}, "recipient": {"id": "1234567890"},
            "timestamp": int(time.time() * 1000),
            "postback": {"mid": f"m_{uuid.uuid4().hex}", "title": title, "payload": payload}}


def messenger_text(text: str, sender: str | None = None, mid: str | None = None, quick_payload: str | None = None,
                   user_ref: str | None = None, timestamp_ms: int | None = None) -> dict:
    """A ``messages`` item as in Meta's webhook reference; ``user_ref``: from the website chat plugin, whose
    items name the sender by ``sender.user_ref`` instead of ``sender.id``."""
    msg: dict = {"mid": mid or f"m_{uuid.uuid4().hex}", "text": text}
    if quick_payload:
        msg["quick_reply"] = {"payload": quick_payload}
    who = {"user_ref": user_ref} if user_ref else {"id": sender or str(uuid.uuid4().int)[:16]}
    return {"sender": who, "recipient": {"id": "1234567890"},
            "timestamp": timestamp_ms or int(time.time() * 1000), "message": msg}
