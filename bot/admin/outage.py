"""Staff pages during a Redis outage: 503 with a clear message, never a 500.

Accounts, sessions and FAQ edits live only in Redis, so the staff pages cannot work without it (the bot
itself keeps answering). Every staff feature reaches Redis through the :class:`~bot.storage.Store`, so an
outage reaches a view as :class:`~bot.storage.StoreUnavailable`, which becomes this answer; so does a
session that could not be read or saved.
"""

from __future__ import annotations

import json

from flask import Flask, Response, render_template, request

from ..storage import StoreUnavailable

__all__ = ["init_outage", "outage_response", "make_outage_response", "RETRY_AFTER"]

RETRY_AFTER = 10  # seconds; the Store's breaker retries Redis every couple of seconds
MESSAGE_EN = ("The staff pages cannot reach their database (Redis) right now. Nothing you saved is lost: "
              "wait a moment and reload the page. The bot keeps answering people meanwhile.")
MESSAGE_TH = ("หน้าสำหรับเจ้าหน้าที่ติดต่อฐานข้อมูล (Redis) ไม่ได้ในขณะนี้ ข้อมูลที่บันทึกไว้ไม่หาย "
              "โปรดรอสักครู่แล้วโหลดหน้าใหม่ ระหว่างนี้บอตยังตอบคำถามผู้ใช้ตามปกติ")


def _body() -> tuple[str, str]:
    if not request.path.startswith("/admin/") or request.path.startswith("/admin/api"):
        detail = MESSAGE_EN if request.path.startswith("/admin/") else "the database is unreachable; try again shortly"
        return json.dumps({"error": "service unavailable", "detail": detail}), "application/json"
    # A page of its own, not base.html: the base template asks the session for a CSRF token.
    return render_template("admin/unavailable.html", message_en=MESSAGE_EN, message_th=MESSAGE_TH), "text/html"


def outage_response() -> Response:
    """A new 503 answer for the current request."""
    return make_outage_response(Response())


def make_outage_response(response: Response) -> Response:
    """Turn ``response`` (already built by a view) into the 503 answer, in place."""
    body, mimetype = _body()
    response.set_data(body)
    response.status_code = 503
    response.mimetype = mimetype
    for header in ("Location", "Set-Cookie", "ETag", "Last-Modified"):
        response.headers.pop(header, None)
    response.headers["Retry-After"] = str(RETRY_AFTER)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_outage(app: Flask) -> None:
    """503 for staff requests whose session Redis could not read, or whose view met a Redis outage.

    Registered before CSRF protection, so a form posted during an outage gets this answer rather than
    "the form expired"."""

    @app.before_request
    def _session_unavailable():
        from flask import session

        if getattr(session, "unavailable", False):
            return outage_response()
        return None

    @app.errorhandler(StoreUnavailable)
    def _redis_down(exc: StoreUnavailable) -> Response:
        return outage_response()
