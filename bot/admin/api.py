"""The staff JSON API (``/admin/api``): FAQ entries, history, rollback, the unanswered inbox, "try it"."""

from __future__ import annotations

from typing import TypeGuard

from flask import Blueprint, current_app, g, jsonify, request

from intents.entities import compact
from intents.features import tokenize
from intents.normalize import normalize
from knowledge.snapshot import Snapshot
from knowledge.faq_store import Conflict, FaqStore, Invalid, NotFound, to_entry

from ..context import Context
from ..dialogue import Dialogue
from .auth import api_auth, csrf

__all__ = ["bp", "search", "try_question", "inbox_groups"]

bp = Blueprint("admin_api", __name__, url_prefix="/admin/api")
csrf.exempt(bp)  # api_auth checks the CSRF header itself for session-authenticated writes


def _bot():
    return current_app.extensions["bot"]


def _store() -> FaqStore:
    return _bot().live.faq


def _changed():
    _bot().live.refresh_now()  # this worker at once; the others within a second through the stamp


def search(entries: list[dict], query: str) -> list[dict]:
    """Thai-aware search: every word of the query (tokenised, normalised) appears in the entry's
    questions, answer, id, cities or topics, compared without spaces or case."""
    words = [compact(t) for t in tokenize(normalize(query))] if query.strip() else []
    words = [w for w in words if w]
    if not words:
        return entries
    out = []
    for e in entries:
        hay = compact(normalize(" ".join([e["id"], *e["questions"].get("th", []), *e["questions"].get("en", []),
                                          e["answer"].get("th", ""), e["answer"].get("en", ""),
                                          *e.get("cities", []), *e.get("topics", [])])))
        if all(w in hay for w in words):
            out.append(e)
    return out


def try_question(text: str, draft: dict | None = None) -> dict:
    """What the bot answers to ``text`` now, and with the unsaved ``draft`` entry applied."""
    bot = _bot()

    def run(snapshot: Snapshot) -> dict:
        dialogue = Dialogue(bot.nlu, snapshot, bot.contexts, bot.inbox)
        reply, _, _ = dialogue.answer(text, Context())
        return {"intent": reply.intent, "confidence": reply.confidence, "fallback": reply.fallback,
                "entry": reply.entities.get("entry"), "answer": reply.text}

    current = bot.live.current()
    out = {"before": run(current)}
    if draft is not None:
        clean = _store().validate(draft, draft.get("id") or None)
        entries = dict(current.entries)
        entries[clean["id"]] = to_entry(clean, bot.kb.entries.get(clean["id"]))
        staff = frozenset(bot.live.faq.staff_entries()) | {clean["id"]}
        out["after"] = run(Snapshot(bot.kb, entries, staff, strip=bot.live.strip, words=bot.live.words))
    return out


def inbox_groups(limit: int = 200, include_dismissed: bool = False) -> list[dict]:
    """The unanswered groups, each marked ``answered`` when the bot now answers its question."""
    bot = _bot()
    dialogue = Dialogue(bot.nlu, bot.live.current(), bot.contexts, bot.inbox)
    out = []
    for group in bot.inbox.groups(limit):
        if group.get("dismissed") and not include_dismissed:
            continue
        reply, _, unanswered = dialogue.answer(group["text"], Context())
        group["answered"] = not reply.fallback and unanswered is None
        group["answered_by"] = reply.entities.get("entry") or (reply.intent if group["answered"] else None)
        out.append(group)
    return out


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
    return jsonify(entries=search(_store().list(), query))


@bp.post("/faq")
@api_auth
def create_faq():
    record = _store().create(_body(), g.user["name"])
    _changed()
    return jsonify(record), 201


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
    return jsonify(groups=inbox_groups(include_dismissed=show_all == "1"))


@bp.post("/unanswered/<group_id>/dismiss")
@api_auth
def dismiss(group_id: str):
    if not _bot().inbox.dismiss(group_id):
        raise NotFound(group_id)
    return jsonify(id=group_id, dismissed=True)


@bp.post("/try")
@api_auth
def try_it():
    body = _body()
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Invalid({"text": "type a question to try"})
    draft = body.get("draft")
    if draft is not None and not isinstance(draft, dict):
        raise Invalid({"draft": "send the draft entry as a JSON object"})
    return jsonify(try_question(text[:2000], draft))


@bp.get("/audit")
@api_auth
def audit():
    limit = request.args.get("limit", "100")
    if not _decimal(limit) or not 1 <= int(limit) <= 1000:
        raise Invalid({"limit": "a whole number from 1 to 1000"})
    return jsonify(events=_store().audit(int(limit)))
