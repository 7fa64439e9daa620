"""Staff pages (``/admin``): FAQ list and search, create/edit/delete, history with diffs and rollback, the
unanswered inbox, the dashboard, the audit log. Server-rendered; every value is escaped by Jinja."""

from __future__ import annotations

from typing import Any

import regex
from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from markupsafe import Markup
from pythainlp.util import collate

from knowledge.catalogue import INTENTS, intent_label

from ..faq_store import Conflict, FaqStore, Invalid, NotFound
from ..services.dashboard import dashboard as dashboard_figures
from ..services.diff import diff_lines
from ..services.inbox import answer_group, group_exists, inbox_groups
from ..services.search import search, subject_names
from ..services.times import format_day, format_time
from ..services.try_it import render_version
from . import charts
from .auth import login_required
from .i18n import current_language
from .i18n import gettext as _
from .users import MIN_PASSWORD

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


def _picked(form, name: str) -> list[str]:
    """Ticked boxes (one value each) or, from older forms and scripts, comma-separated text."""
    return list(dict.fromkeys(x for value in form.getlist(name) for x in _csv(value)))


def _form_to_entry(form) -> dict:
    return {
        "id": form.get("id", "").strip() or None,
        "intent": form.get("intent") or None,
        "questions": {"th": _lines(form.get("questions_th", "")), "en": _lines(form.get("questions_en", ""))},
        "answer": {"th": form.get("answer_th", "").strip(), "en": form.get("answer_en", "").strip()},
        "detail": {"th": form.get("detail_th", "").strip(), "en": form.get("detail_en", "").strip()},
        "cities": _picked(form, "cities"),
        "topics": _csv(form.get("topics", "")),
        "source": form.get("source", "").strip(),
    }


def _sorted_by_name(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(value, name) pairs in dictionary order of the name: Thai order on Thai pages (leading vowels such as
    เ and แ are not the first letter), case-insensitive English otherwise."""
    if current_language() == "th":
        order = {name: i for i, name in enumerate(collate([name for _v, name in items]))}
        return sorted(items, key=lambda x: order[x[1]])
    return sorted(items, key=lambda x: x[1].casefold())


def _small_talk_names() -> dict[str, str]:
    return {"greet": _("Greeting"), "thanks": _("Thanks"), "goodbye": _("Goodbye"), "help": _("Help")}


def topic_name(intent: str | None) -> str:
    """The human name of a topic (intent) in the page's language."""
    if not intent:
        return ""
    if intent in INTENTS:
        return intent_label(intent, current_language())
    return _small_talk_names().get(intent, intent)


def _intents() -> list[tuple[str, str]]:
    """The topics staff can pick, as (id, human name)."""
    ids = [c for c in _bot().nlu.model.classes if c != "out_of_scope"]
    return _sorted_by_name([(i, topic_name(i)) for i in ids])


def subject_name(subject: str) -> str:
    """A city's or other subject's name in the page's language (its id if the knowledge base lacks it)."""
    return _bot().kb.subject_name(subject, current_language()) or subject


def _other_name(subject: str) -> str:
    other = "en" if current_language() == "th" else "th"
    name = _bot().kb.subject_name(subject, other) or ""
    return "" if name == subject_name(subject) else name


def _options(ids) -> list[dict]:
    return [{"id": i, "name": name, "other": _other_name(i)}
            for i, name in _sorted_by_name([(i, subject_name(i)) for i in ids])]


def _kind_names() -> dict[str, str]:
    return {"organisation": _("Organisations"), "project": _("Projects"), "person": _("People"),
            "event": _("Events"), "concept": _("Concepts"), "dimension": _("The 7 Smarts")}


def _subject_options(selected: list[str]) -> tuple[list[dict], list[tuple[str, list[dict]]], bool]:
    """The pickers: every city; the other subjects grouped by kind; whether one of those is selected."""
    kb = _bot().kb
    kinds: dict[str, list[str]] = {}
    for entity in kb.entities.values():
        kinds.setdefault(entity.kind, []).append(entity.id)
    kinds["dimension"] = list(kb.dimensions)
    known = set(kb.cities) | {i for ids in kinds.values() for i in ids}
    unknown = [s for s in selected if s not in known]  # kept visible (and ticked) rather than silently dropped
    names = _kind_names()
    groups = [(names.get(kind, kind), _options(ids)) for kind, ids in kinds.items()]
    if unknown:
        groups.append((_("Other"), _options(unknown)))
    other_selected = any(s not in kb.cities for s in selected)
    return _options(kb.cities), groups, other_selected


def action_name(action: str | None) -> str:
    """What a history or audit record did, in the page's language."""
    names = {"create": _("created"), "edit": _("edited"), "delete": _("deleted"), "import": _("imported"),
             "curated": _("curated")}
    restored = regex.fullmatch(r"rollback to (\d+)", action or "")
    if restored:
        return _("restored version {n}", n=restored.group(1))
    return names.get(action or "curated", action or "")


def role_name(role: str) -> str:
    return {"editor": _("editor"), "admin": _("administrator")}.get(role, role)


@bp.app_context_processor
def _helpers() -> dict:
    return {"topic_name": topic_name, "subject_name": subject_name, "action_name": action_name,
            "role_name": role_name}


@bp.app_template_filter("when")
def _when_filter(ts) -> str:
    """A stored time in Bangkok time, in the page's language (Buddhist Era on Thai pages)."""
    return format_time(ts, current_language())


@bp.app_template_filter("day")
def _day_filter(day: str) -> str:
    return format_day(day, current_language())


@bp.app_template_filter("truncate_text")
def _truncate_filter(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between grapheme clusters (never between a consonant and its
    vowel or tone mark), with "…" when cut."""
    if len(text or "") <= limit:
        return text or ""
    out = ""
    for cluster in regex.findall(r"\X", text):
        if len(out) + len(cluster) > limit - 1:
            break
        out += cluster
    return out + "…"


@bp.get("/")
@login_required()
def index():
    return redirect(url_for("admin_pages.faq_list"))


@bp.get("/faq")
@login_required()
def faq_list():
    query = request.args.get("q", "")
    entries = search(_store().list(), query, subject_names(_bot().kb))
    return render_template("admin/faq_list.html", entries=entries, query=query)


def _field_names() -> dict[str, str]:
    return {"questions": _("Questions"), "answer": _("Answer"), "source": _("Source"), "cities": _("Cities"),
            "intent": _("Topic"), "id": _("Id"), "version": _("Version"), "entry": _("Entry")}


#: The validation messages of bot.faq_store, marked for translation (shown through gettext).
VALIDATION_MESSAGES = ("add at least one question (Thai or English)", "write the answer in at least one language",
                       "name the source of the answer")


def _translate_errors(errors: dict) -> dict:
    fields = _field_names()
    out = {}
    for field, message in errors.items():
        label = fields.get(field.split(".")[0], field)
        out[label] = "; ".join(_(part) for part in str(message).split("; "))
    return out


def _render_form(entry: dict, errors: dict | None = None, new: bool = False, status: int = 200):
    cities, subjects, other_selected = _subject_options(entry.get("cities", []))
    return render_template("admin/faq_edit.html", entry=entry, errors=_translate_errors(errors or {}), new=new,
                           intents=_intents(), city_options=cities, subject_options=subjects,
                           subject_selected=other_selected), status


@bp.route("/faq/new", methods=["GET", "POST"])
@login_required()
def faq_new():
    if request.method == "POST":
        data = _form_to_entry(request.form)
        group_id = request.form.get("inbox_group") or None  # from "answer this" in the inbox
        try:
            if group_id is not None and not group_exists(_bot(), group_id):
                raise Invalid({"inbox_group": _("This question is no longer in the inbox.")})
            record = _store().create(data, g.user["name"])
        except Invalid as exc:
            return _render_form({**data, "version": 0, "inbox_group": group_id}, exc.errors, new=True, status=400)
        _bot().live.refresh_now()
        flash(_("Saved {id} (version {version}). The bot answers with it now.", id=record["id"],
                version=record["version"]))
        if group_id:
            told = answer_group(_bot(), current_app.extensions.get("channels", {}), group_id, record)
            if told["waiting"] and told["not_sent"]:
                flash(_("Sent the answer to {sent} of {waiting} people waiting for it ({not_sent} could not be "
                        "reached).", sent=told["sent"], waiting=told["waiting"], not_sent=told["not_sent"]))
            elif told["waiting"]:
                flash(_("Sent the answer to {sent} of {waiting} people waiting for it.", sent=told["sent"],
                        waiting=told["waiting"]))
        return redirect(url_for("admin_pages.faq_edit", entry_id=record["id"]))
    entry: dict[str, Any] = {"id": "", "intent": None, "questions": {"th": [], "en": []}, "answer": {"th": "", "en": ""},
             "cities": [], "topics": [], "source": "", "version": 0}
    group_id = request.args.get("group")
    if group_id:  # "answer this" from the inbox: prefill the phrasings people used
        group = next((x for x in _bot().inbox.groups(1000) if x["id"] == group_id), None)
        if group:
            entry["inbox_group"] = group_id
            entry["waiting"] = _bot().inbox.waiting_counts([group_id]).get(group_id, 0)
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
            errors = {"version": _("{who} saved version {version} after you opened this page. Your change was "
                                   "not saved: copy it, reload the page and apply it again.",
                                   who=exc.current.get("updated_by") or _("someone"),
                                   version=exc.current.get("version"))}
            return _render_form({**data, "id": entry_id, "version": version}, errors, status=409)
        _bot().live.refresh_now()
        flash(_("Saved version {version}. The bot answers with it now.", version=record["version"]))
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
            flash(_("The entry changed since you opened it; nothing was deleted."))
            return redirect(url_for("admin_pages.faq_edit", entry_id=entry_id))
        _bot().live.refresh_now()
        flash(_("Deleted {id}. Its history is kept: restore it from the history page.", id=entry_id))
        return redirect(url_for("admin_pages.faq_list"))
    return render_template("admin/faq_delete.html", entry=current)


def _as_text(v: dict) -> list[str]:
    """A version as labelled lines, with names instead of ids, for the history diff."""
    if v.get("deleted"):
        return [_("(deleted)")]
    detail = v.get("detail") or {}
    return [_("Topic: {name}", name=topic_name(v.get("intent")) or "-"),
            *(_("Question (Thai): {text}", text=q) for q in v.get("questions", {}).get("th", [])),
            *(_("Question (English): {text}", text=q) for q in v.get("questions", {}).get("en", [])),
            _("Answer (Thai): {text}", text=v.get("answer", {}).get("th", "")),
            _("Answer (English): {text}", text=v.get("answer", {}).get("en", "")),
            *([_("More details (Thai): {text}", text=detail.get("th", "")),
               _("More details (English): {text}", text=detail.get("en", ""))] if detail else []),
            _("Subjects: {names}", names=", ".join(subject_name(c) for c in v.get("cities", []))),
            _("Keywords: {words}", words=", ".join(v.get("topics", []))),
            _("Source: {text}", text=v.get("source", ""))]


@bp.get("/faq/<entry_id>/history")
@login_required()
def faq_history(entry_id: str):
    versions: list[dict] = _store().history(entry_id)
    if not versions:
        abort(404)
    rows: list[dict] = []
    for i, v in enumerate(versions):
        before = _as_text(versions[i - 1]) if i else []
        # What the bot sent with this version, as people saw it (source line, particle, dates, quick replies).
        rows.append({"v": v, "diff": diff_lines(before, _as_text(v), context=1 if i else 10_000),
                     "rendered": render_version(_bot(), v)})
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
    flash(_("Restored version {old} as version {new}.", old=version, new=record["version"]))
    return redirect(url_for("admin_pages.faq_history", entry_id=entry_id))


@bp.get("/inbox")
@login_required()
def inbox():
    show_all = request.args.get("all") == "1"
    return render_template("admin/inbox.html", groups=inbox_groups(_bot(), include_dismissed=show_all),
                           show_all=show_all)


@bp.post("/inbox/<group_id>/dismiss")
@login_required()
def inbox_dismiss(group_id: str):
    if not _bot().inbox.dismiss(group_id):
        abort(404)
    flash(_("Dismissed."))
    return redirect(url_for("admin_pages.inbox"))


@bp.get("/audit")
@login_required()
def audit():
    return render_template("admin/audit.html", events=_store().audit(200))


@bp.get("/dashboard")
@login_required()
def dashboard():
    bot = _bot()
    board = dashboard_figures(bot.store, {c: subject_name(c) for c in bot.kb.cities},
                              intent_names={i: topic_name(i) for i in {*INTENTS, *bot.nlu.model.classes}})
    intents = [(r.label, float(r.count)) for r in board.intents]
    cities = [(r.label, float(r.count)) for r in board.cities]
    lang = current_language()

    def per_day(counts: list) -> list[tuple[str, float]]:
        return list(zip(board.days, map(float, counts)))

    return render_template(
        "admin/dashboard.html", board=board, intents=intents, cities=cities,
        messages_svg=Markup(charts.line_chart({c: per_day(board.messages[c]) for c in board.channels},
                                              title=_("Messages per day, by channel"), lang=lang)),
        fallback_svg=Markup(charts.line_chart({_("fallback rate"): per_day(board.fallback_rates)},
                                              title=_("Fallback rate per day"), percent=True, lang=lang)),
        intents_svg=Markup(charts.bar_chart(intents, title=_("Top topics, last 30 days"), lang=lang)),
        cities_svg=Markup(charts.bar_chart(cities, title=_("Top cities, last 30 days"), lang=lang)))


@bp.get("/users")
@login_required(role="admin")
def users():
    return render_template("admin/users.html", users=current_app.extensions["staff_users"].list(),
                           password_rule=_("A password has at least {n} characters.", n=MIN_PASSWORD))
