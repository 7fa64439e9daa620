"""``POST /api/ask``: the JSON API of the dialogue (docs/architecture.md, "Contracts")."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from .. import metrics
from ..ratelimit import Limit, RateLimited

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_USER_ID = 128


def _bad(message: str, status: int = 400):
    return jsonify(error="bad request", detail=message), status


def _too_many(retry_after: int, **body):
    """429 with the wait in seconds, in the body and as ``Retry-After``, so a client can tell "wait N s"
    from a failure (the web chat counts down instead of showing an error)."""
    resp = jsonify({**body, "error": "too many requests", "retry_after": retry_after})
    resp.status_code = 429
    resp.headers["Retry-After"] = str(retry_after)
    return resp


@bp.post("/ask")
def ask():
    """``{"text", "user_id"?, "lang"?}`` → the reply as JSON; multi-turn by ``user_id``."""
    if not request.is_json:
        return _bad("send a JSON body with Content-Type: application/json", 415)
    body = request.get_json(silent=True)
    if body is None:
        return _bad("the body is not valid JSON")
    if not isinstance(body, dict):
        return _bad("the body must be a JSON object")
    text, user_id, lang = body.get("text"), body.get("user_id"), body.get("lang")  # lang null: detect
    if not isinstance(text, str) or not text.strip():
        return _bad("'text' must be a non-empty string")
    if user_id is not None and (not isinstance(user_id, str) or not 0 < len(user_id) <= MAX_USER_ID):
        return _bad(f"'user_id' must be a string of 1 to {MAX_USER_ID} characters")
    if lang is not None and lang not in ("th", "en"):
        return _bad("'lang' must be \"th\" or \"en\"")
    bot = current_app.extensions["bot"]
    limit = Limit.parse(current_app.config["API_IP_RATE_LIMIT"])
    text = text[: current_app.config["MAX_TEXT_CHARS"]]
    try:
        # The address's limit is counted with the user's and the context load: one round trip.
        reply = bot.dialogue.respond(text, user_id=user_id, channel="web", lang=lang,
                                     limits=[(f"ip:api:{request.remote_addr}", limit)])
    except RateLimited as exc:
        metrics.RATE_LIMITED.labels("api").inc()
        wait = exc.count.retry_after
        return _too_many(wait, detail=f"too many requests from this address; wait {wait} s")
    if reply.intent == "rate_limited":
        # The reply's fields stay (its note is the answer) for clients that show the text.
        return _too_many(reply.retry_after or 1, **{**reply.to_api(), "answer": reply.text or "Please wait a moment."})
    return jsonify(reply.to_api())
