"""Staff pages (``/admin``): FAQ list and search, create/edit/delete, history with diffs and rollback, the
unanswered inbox, the dashboard, the audit log. Server-rendered; every value is escaped by Jinja."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from markupsafe import Markup

from knowledge.faq_store import Conflict, FaqStore, Invalid, NotFound

from ..stats import Stats
from . import charts
from .api import inbox_groups, search
from .auth import login_required

__all__ = ["bp"]

bp = Blueprint("admin_pages", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")


def _bot():
    return current_app.extensions["bot"]


def _store() -> FaqStore:
    return _bot().live.faq


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _csv(text: str) -> list[str]:
    return [x.strip() for x in (text or "").replace("\n", ",").split(",") if x.strip()]


def _form_to_entry(form) -> dict:
    return {
        "id": form.get("id", "").strip() or None,
        "intent": form.get("intent") or None,
        "questions": {"th": _lines(form.get("questions_th", "")), "en": _lines(form.get("questions_en", ""))},
        "answer": {"th": form.get("answer_th", "").strip(), "en": form.get("answer_en", "").strip()},
        "cities": _csv(form.get("cities", "")),
        "topics": _csv(form.get("topics", "")),
        "source": form.get("source", "").strip(),
    }


def _intents() -> list[str]:
    return sorted(c for c in _bot().nlu.model.classes if c != "out_of_scope")


def _when(ts) -> str:
    return dt.datetime.fromtimestamp(float(ts)).strftime("%Y-%m-%d %H:%M") if ts else ""


@bp.app_template_filter("when")
def _when_filter(ts) -> str:
    return _when(ts)


@bp.get("/")
@login_required()
def index():
    return redirect(url_for("admin_pages.faq_list"))


@bp.get("/faq")
@login_required()
def faq_list():
    query = request.args.get("q", "")
    entries = search(_store().list(), query)
    return render_template("admin/faq_list.html", entries=entries, query=query)


def _render_form(entry: dict, errors: dict | None = None, new: bool = False, status: int = 200):
    return render_template("admin/faq_edit.html", entry=entry, errors=errors or {}, new=new, intents=_intents(),
                           cities=sorted(_bot().kb.cities)), status


@bp.route("/faq/new", methods=["GET", "POST"])
@login_required()
def faq_new():
    if request.method == "POST":
        data = _form_to_entry(request.form)
        try:
            record = _store().create(data, g.user["name"])
        except Invalid as exc:
            return _render_form({**data, "version": 0}, exc.errors, new=True, status=400)
        _bot().live.refresh_now()
        flash(f"Saved {record['id']} (version {record['version']}). The bot answers with it now.")
        return redirect(url_for("admin_pages.faq_edit", entry_id=record["id"]))
    entry: dict[str, Any] = {"id": "", "intent": None, "questions": {"th": [], "en": []}, "answer": {"th": "", "en": ""},
             "cities": [], "topics": [], "source": "", "version": 0}
    group_id = request.args.get("group")
    if group_id:  # "answer this" from the inbox: prefill the phrasings people used
        group = next((x for x in _bot().inbox.groups(1000) if x["id"] == group_id), None)
        if group:
            for text in dict.fromkeys([group["text"], group["last_text"]]):
                lang = "th" if any("\u0e00" <= ch <= "\u0e7f" for ch in text) else "en"
                entry["questions"][lang].append(text)
    return _render_form(entry, new=True)


@bp.route("/faq/<entry_id>", methods=["GET", "POST"])
@login_required()
def faq_edit(entry_id: str):
    store = _store()
    try:
        current = store.get(entry_id)
    except NotFound:
        abort(404)
    if request.method == "POST":
        data = _form_to_entry(request.form)
        version = request.form.get("version", type=int)
        try:
            record = store.update(entry_id, data, version if version is not None else -1, g.user["name"])
        except Invalid as exc:
            return _render_form({**data, "id": entry_id, "version": version}, exc.errors)
        except Conflict as exc:
            errors = {"version": f"{exc.current.get('updated_by', 'someone')} saved version "
                                 f"{exc.current.get('version')} after you opened this page. Your change was not "
                                 f"saved: copy it, reload the page and apply it again."}
            return _render_form({**data, "id": entry_id, "version": version}, errors, status=409)
        _bot().live.refresh_now()
        flash(f"Saved version {record['version']}. The bot answers with it now.")
        return redirect(url_for("admin_pages.faq_edit", entry_id=entry_id))
    return _render_form(current)


@bp.route("/faq/<entry_id>/delete", methods=["GET", "POST"])
@login_required()
def faq_delete(entry_id: str):
    try:
        current = _store().get(entry_id)
    except NotFound:
        abort(404)
    if request.method == "POST":
        try:
            _store().delete(entry_id, request.form.get("version", type=int), g.user["name"])
        except Conflict:
            flash("The entry changed since you opened it; nothing was deleted.")
            return redirect(url_for("admin_pages.faq_edit", entry_id=entry_id))
        _bot().live.refresh_now()
        flash(f"Deleted {entry_id}. Its history is kept: restore it from the history page.")
        return redirect(url_for("admin_pages.faq_list"))
    return render_template("admin/faq_delete.html", entry=current)


def _as_text(v: dict) -> list[str]:
    if v.get("deleted"):
        return ["(deleted)"]
    return [f"intent: {v.get('intent') or '-'}",
            *(f"Q (th): {q}" for q in v.get("questions", {}).get("th", [])),
            *(f"Q (en): {q}" for q in v.get("questions", {}).get("en", [])),
            f"A (th): {v.get('answer', {}).get('th', '')}", f"A (en): {v.get('answer', {}).get('en', '')}",
            f"cities: {', '.join(v.get('cities', []))}", f"topics: {', '.join(v.get('topics', []))}",
            f"source: {v.get('source', '')}"]


@bp.get("/faq/<entry_id>/history")
@login_required()
def faq_history(entry_id: str):
    versions = _store().history(entry_id)
    if not versions:
        abort(404)
    differ = difflib.HtmlDiff(wrapcolumn=60)
    rows = []
    for i, v in enumerate(versions):
        before = _as_text(versions[i - 1]) if i else []
        diff = differ.make_table(before, _as_text(v), f"version {versions[i - 1]['version']}" if i else "",
                                 f"version {v['version']}", context=bool(i), numlines=1)
        rows.append({"v": v, "diff": Markup(diff)})  # HtmlDiff escapes the text it shows
    current = versions[-1]["version"]
    return render_template("admin/faq_history.html", entry_id=entry_id, rows=list(reversed(rows)), current=current)


@bp.post("/faq/<entry_id>/rollback")
@login_required()
def faq_rollback(entry_id: str):
    version = request.form.get("version", type=int)
    if version is None:
        abort(404)
    try:
        record = _store().rollback(entry_id, version, g.user["name"])
    except (NotFound, TypeError):
        abort(404)
    _bot().live.refresh_now()
    flash(f"Restored version {version} as version {record['version']}.")
    return redirect(url_for("admin_pages.faq_history", entry_id=entry_id))


@bp.get("/inbox")
@login_required()
def inbox():
    show_all = request.args.get("all") == "1"
    return render_template("admin/inbox.html", groups=inbox_groups(include_dismissed=show_all), show_all=show_all)


@bp.post("/inbox/<group_id>/dismiss")
@login_required()
def inbox_dismiss(group_id: str):
    if not _bot().inbox.dismiss(group_id):
        abort(404)
    flash("Dismissed.")
    return redirect(url_for("admin_pages.inbox"))


@bp.get("/audit")
@login_required()
def audit():
    return render_template("admin/audit.html", events=_store().audit(200))


@bp.get("/dashboard")
@login_required()
def dashboard():
    days = Stats(_bot().store).days(30)
    channels = sorted({k.split(":", 1)[1] for _, row in days for k in row if k.startswith("msgs:")}) or ["web"]
    messages = {c: [(d, row.get(f"msgs:{c}", 0)) for d, row in days] for c in channels}
    totals = [(d, sum(v for k, v in row.items() if k.startswith("msgs:"))) for d, row in days]
    fallbacks = [(d, sum(v for k, v in row.items() if k.startswith("fallback:"))) for d, row in days]
    rate = [(d, (f / t) if t else 0.0) for (d, t), (_, f) in zip(totals, fallbacks)]
    intents: Counter = Counter()
    cities: Counter = Counter()
    for _, row in days:
        for k, v in row.items():
            if k.startswith("intent:"):
                intents[k[7:]] += v
            elif k.startswith("city:"):
                cities[k[5:]] += v
    names = {c.id: c.short_name.en for c in _bot().kb.cities.values()}
    top_cities = [(names.get(c, c), float(n)) for c, n in cities.most_common(10)]
    return render_template(
        "admin/dashboard.html",
        messages_svg=Markup(charts.line_chart({c: [(d, float(v)) for d, v in s] for c, s in messages.items()},
                                              title="Messages per day, by channel")),
        fallback_svg=Markup(charts.line_chart({"fallback rate": rate}, title="Fallback rate per day", percent=True)),
        intents_svg=Markup(charts.bar_chart([(k, float(v)) for k, v in intents.most_common(10)],
                                            title="Top intents, last 30 days")),
        cities_svg=Markup(charts.bar_chart(top_cities, title="Top cities, last 30 days")),
        totals=totals, fallbacks=fallbacks, intents=intents.most_common(10), cities=top_cities,
        total=sum(t for _, t in totals), total_fallbacks=sum(f for _, f in fallbacks))


@bp.get("/users")
@login_required(role="admin")
def users():
    return render_template("admin/users.html", users=current_app.extensions["staff_users"].list())
