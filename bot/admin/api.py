"""The staff JSON API (``/admin/api``): FAQ entries, history, rollback, the unanswered inbox, "try it"."""

from __future__ import annotations

from typing import TypeGuard

from flask import Blueprint, current_app, g, jsonify, request

from ..faq_store import Conflict, FaqStore, Invalid, NotFound
from ..services import try_it
from ..inbox import is_group_id
from ..services.inbox import answer_group, group_exists, inbox_groups
from ..services.search import search, subject_names
from .auth import api_auth, csrf

__all__ = ["bp"]

bp = Blueprint("admin_api", __name__, url_prefix="/admin/api")
csrf.exempt(bp)  # api_auth checks the CSRF header itself for session-authenticated writes


def _bot():
    return current_app.extensions["bot"]


def _store() -> FaqStore:
    return _bot().live.faq


def _changed():
    _bot().live.refresh_now()  # this worker at once; the others within a second through the stamp


def _error(status: int, error: str, **extra):
    return jsonify(error=error, **extra), status


@bp.errorhandler(Invalid)
def _invalid(exc: Invalid):
    return _error(400, "invalid", fields=exc.errors)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound):
    return _error(404, "not found", detail=f"no entry {exc.args[0]}")


@bp.errorhandler(Conflict)
def _conflict(exc: Conflict):
    return _error(409, "conflict", detail="someone else changed this entry since you opened it; reload it, "
                                          "reapply your change and save again", current=exc.current)


def _decimal(text: str) -> bool:
    """ASCII digits only, and not absurdly many ("²".isdigit() is True, but int("²") fails)."""
    return text.isascii() and text.isdecimal() and len(text) <= 12


def _whole(value: object) -> TypeGuard[int]:
    """A JSON whole number >= 0 (``true`` is not a version)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Invalid({"body": "send a JSON object"})
    return body


MAX_QUERY = 200


@bp.get("/faq")
@api_auth
def list_faq():
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY:
        raise Invalid({"q": f"a search is at most {MAX_QUERY} characters"})
    return jsonify(entries=search(_store().list(), query, subject_names(_bot().kb)))


@bp.post("/faq")
@api_auth
def create_faq():
    body = _body()
    answers_group = "inbox_group" in body
    group = body.pop("inbox_group", None)  # the entry answers this inbox group: tell those who wait
    if answers_group and not (is_group_id(group) and group_exists(_bot(), group)):
        raise Invalid({"inbox_group": "not a group in the inbox (GET /admin/api/unanswered lists them)"})
    record = _store().create(body, g.user["name"])
    _changed()
    if not answers_group:
        return jsonify(record), 201
    told = answer_group(_bot(), current_app.extensions.get("channels", {}), group, record)
    return jsonify({**record, "notified": told}), 201


@bp.get("/faq/<entry_id>")
@api_auth
def get_faq(entry_id: str):
    return jsonify(_store().get(entry_id))


@bp.put("/faq/<entry_id>")
@api_auth
def update_faq(entry_id: str):
    body = _body()
    if not _whole(body.get("version")):
        raise Invalid({"version": "send the version you edited (optimistic check)"})
    record = _store().update(entry_id, body, body["version"], g.user["name"])
    _changed()
    return jsonify(record)


@bp.delete("/faq/<entry_id>")
@api_auth
def delete_faq(entry_id: str):
    raw = request.args.get("version")
    if raw is not None and not _decimal(raw):
        raise Invalid({"version": "the version you saw, a whole number"})
    version = int(raw) if raw is not None else None
    record = _store().delete(entry_id, version, g.user["name"])
    _changed()
    return jsonify(record)


@bp.get("/faq/<entry_id>/history")
@api_auth
def faq_history(entry_id: str):
    history = _store().history(entry_id)
    if not history:
        raise NotFound(entry_id)
    return jsonify(id=entry_id, versions=history)


@bp.post("/faq/<entry_id>/rollback")
@api_auth
def faq_rollback(entry_id: str):
    version = _body().get("version")
    if not _whole(version):
        raise Invalid({"version": "send the version number to restore"})
    record = _store().rollback(entry_id, version, g.user["name"])
    _changed()
    return jsonify(record)


@bp.get("/unanswered")
@api_auth
def unanswered():
    show_all = request.args.get("all", "0")
    if show_all not in ("0", "1"):
        raise Invalid({"all": "use 1 to include dismissed groups, or 0"})
    return jsonify(groups=inbox_groups(_bot(), include_dismissed=show_all == "1"))


@bp.post("/unanswered/<group_id>/dismiss")
@api_auth
def dismiss(group_id: str):
    if not _bot().inbox.dismiss(group_id):
        raise NotFound(group_id)
    return jsonify(id=group_id, dismissed=True)


def _draft(body: dict, required: bool = False) -> dict | None:
    draft = body.get("draft")
    if (draft is None and required) or (draft is not None and not isinstance(draft, dict)):
        raise Invalid({"draft": "send the draft entry as a JSON object"})
    return draft


@bp.post("/try")
@api_auth
def try_question():
    """The answer to the first line of ``text`` now and with the draft; with a draft, for each of its questions
    and each line of ``text``, whether the draft answers it and what does if not."""
    body = _body()
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Invalid({"text": "type a question to try"})
    draft = _draft(body)
    cap = current_app.config["MAX_TEXT_CHARS"]
    lines = [line.strip()[:cap] for line in text.splitlines() if line.strip()][:try_it.MAX_QUESTIONS]
    return jsonify(try_it.try_question(_bot(), lines[0], draft, also=lines))


@bp.post("/preview")
@api_auth
def preview():
    """The draft entry rendered as the bot sends it, next to the saved version, with what people would lose."""
    draft = _draft(_body(), required=True)
    assert draft is not None  # required=True refuses a missing draft
    return jsonify(try_it.preview(_bot(), draft))


@bp.get("/audit")
@api_auth
def audit():
    limit = request.args.get("limit", "100")
    if not _decimal(limit) or not 1 <= int(limit) <= 1000:
        raise Invalid({"limit": "a whole number from 1 to 1000"})
    return jsonify(events=_store().audit(int(limit)))
