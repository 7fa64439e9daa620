"""The staff "try it" and preview: what the bot says now, and what it would say with an unsaved draft entry.

Shared by the staff JSON API (``POST /admin/api/try``, ``POST /admin/api/preview``), the editor page and the
``smartcity-bot faq try`` command. Everything runs the real dialogue and composer on a snapshot of the
knowledge with the draft applied, so what staff see is what people will get; nothing is saved.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Sequence

from knowledge.composer import Answer
from bot.faq_store import to_entry
from knowledge.schema import Fact
from knowledge.snapshot import Snapshot
from knowledge.suggestions import MORE

from ..context import Context
from ..dialogue import Dialogue
from ..reply import Reply

__all__ = ["try_question", "question_wins", "preview", "render_version", "rendered_lines", "MAX_QUESTIONS"]

MAX_QUESTIONS = 30  # the entry's own questions plus what staff type into the try box


def _snapshot_with(bot: Any, draft: dict) -> tuple[Snapshot, str]:
    """The live knowledge with ``draft`` applied (validated; raises ``Invalid``), and the draft's id."""
    current = bot.live.current()
    clean = bot.live.faq.validate(draft, draft.get("id") or None)
    entries = dict(current.entries)
    entries[clean["id"]] = to_entry(clean, bot.kb.entries.get(clean["id"]), bot.kb)
    staff = frozenset(bot.live.faq.staff_entries()) | {clean["id"]}
    return bot.live.build(entries, staff), clean["id"]


def _result(reply: Reply) -> dict:
    return {"intent": reply.intent, "confidence": reply.confidence, "fallback": reply.fallback,
            "entry": reply.entities.get("entry"), "answer": reply.text, "reply": _reply_view(reply)}


def _reply_view(reply: Reply) -> dict:
    """The reply as the channels get it (``/api/ask`` fields the preview draws)."""
    body = reply.to_api()
    return {k: body[k] for k in ("answer", "lang", "quick_replies", "sources", "source_links", "card") if k in body}


def _ask(bot: Any, snapshot: Snapshot, text: str) -> Reply:
    dialogue = Dialogue(bot.nlu, snapshot, bot.contexts, bot.inbox, vocabulary=bot.dialogue.vocabulary,
                        thresholds=bot.dialogue.thresholds)
    reply, _, _ = dialogue.answer(text, Context())
    return reply


def try_question(bot: Any, text: str, draft: dict | None = None, also: list[str] | None = None) -> dict:
    """What the bot answers to ``text`` now (``before``) and with the unsaved ``draft`` entry (``after``); with a
    draft and ``also``, which questions the draft answers (``questions``, see :func:`question_wins`)."""
    out: dict[str, Any] = {"before": _result(_ask(bot, bot.live.current(), text))}
    if draft is not None:
        snapshot, entry_id = _snapshot_with(bot, draft)  # built once: an index build takes about a second
        out["after"] = _result(_ask(bot, snapshot, text))
        if also is not None:
            out["questions"] = _wins(bot, snapshot, entry_id, draft, also)
    return out


def question_wins(bot: Any, draft: dict, extra: Sequence[str] = ()) -> list[dict]:
    """For each of the draft's own questions and the ``extra`` paraphrases: whether the draft entry answers it
    (``wins``), and if not, what answers instead (``by``: entry, intent, answer, or the fallback)."""
    snapshot, entry_id = _snapshot_with(bot, draft)
    return _wins(bot, snapshot, entry_id, draft, extra)


def _wins(bot: Any, snapshot: Snapshot, entry_id: str, draft: dict, extra: Sequence[str]) -> list[dict]:
    questions = draft.get("questions") or {}
    asked = [(q, lang) for lang in ("th", "en") for q in questions.get(lang) or [] if isinstance(q, str) and q.strip()]
    asked += [(q, "typed") for q in extra if q.strip()]
    out = []
    for text, kind in list(dict.fromkeys(asked))[:MAX_QUESTIONS]:
        reply = _ask(bot, snapshot, text)
        wins = reply.entities.get("entry") == entry_id and not reply.fallback
        out.append({"text": text, "kind": kind, "wins": wins,
                    "by": None if wins else {"entry": reply.entities.get("entry"), "intent": reply.intent,
                                             "fallback": reply.fallback, "answer": reply.text}})
    return out


def _draft_fact(bot: Any, draft: dict) -> Fact:
    """The draft as the fact the bot would answer with (validated; raises ``Invalid``), indexed as live entries
    are (a new entry is also about what its questions name)."""
    clean = bot.live.faq.validate(draft, draft.get("id") or None)
    fact = to_entry(clean, bot.kb.entries.get(clean["id"]), bot.kb)
    if clean["id"] not in bot.kb.entries and bot.live.reader is not None:
        fact, _ = Snapshot.read_entry(fact, bot.live.reader)
    return fact


def _render(snapshot: Snapshot, fact: Fact, lang: str) -> dict:
    """``fact`` as the bot sends it when it answers with it, and what "more details" then adds. The current
    snapshot's composer renders it (source names, dates, quick replies), without rebuilding any index."""
    answer = snapshot.composer.fact(fact, lang)
    view = _reply_view(_as_reply(answer, lang))
    if MORE[lang] in answer.quick_replies:
        view["more"] = _reply_view(_as_reply(snapshot.composer.more(fact, lang), lang))
    return view


def render_version(bot: Any, version: dict) -> dict | None:
    """One stored version of an entry (from its history) as the bot sends it, per language; None if deleted
    or no longer valid."""
    if version.get("deleted"):
        return None
    try:
        fact = to_entry(version, bot.kb.entries.get(version.get("id", "")), bot.kb)
    except (ValueError, KeyError, TypeError):
        return None
    snapshot = bot.live.current()
    return {lang: _render(snapshot, fact, lang) for lang in ("th", "en")}


def _as_reply(answer: Answer, lang: str) -> Reply:
    # As the dialogue builds it (Dialogue._reply) for a fact answer.
    return Reply(text=answer.text, lang=lang, intent=answer.intent, confidence=1.0,
                 quick_replies=answer.quick_replies, sources=answer.sources, card=answer.card,
                 source_links=answer.source_links, entities={"entry": answer.fact})


def rendered_lines(view: dict) -> list[str]:
    """The lines a person sees of one rendered reply: its text, the quick replies, and "more"."""
    lines = [line for line in view["answer"].splitlines() if line.strip()]
    lines += [f"[{q}]" for q in view.get("quick_replies", [])]
    if "more" in view:
        lines += [f"+ {line}" for line in view["more"]["answer"].splitlines() if line.strip()]
    return lines


def preview(bot: Any, draft: dict) -> dict:
    """The draft rendered in Thai and English as the bot will send it (``after``), the saved entry as it is sent
    now (``before``, when the entry exists), and per language the lines people would no longer see
    (``dropped``) or would newly see (``added``)."""
    fact = _draft_fact(bot, draft)
    current = bot.live.current()
    saved = current.facts.get(fact.id)
    out: dict = {"id": fact.id, "after": {}, "before": None, "dropped": {}, "added": {}, "lost": {}}
    if saved is not None:
        out["before"] = {lang: _render(current, saved, lang) for lang in ("th", "en")}
    for lang in ("th", "en"):
        out["after"][lang] = _render(current, fact, lang)
        if saved is None:
            continue
        old, new = rendered_lines(out["before"][lang]), rendered_lines(out["after"][lang])
        ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        dropped = [line for tag, i1, i2, _, _ in ops if tag in ("delete", "replace") for line in old[i1:i2]]
        added = [line for tag, _, _, j1, j2 in ops if tag in ("insert", "replace") for line in new[j1:j2]]
        out["dropped"][lang], out["added"][lang] = dropped, added
        # What goes without staff having edited it: not the answer's own line, and not only a moved particle.
        own = _plain(saved.answer.get(lang))[:40]
        kept = {_plain(line) for line in added}
        out["lost"][lang] = [line for line in dropped if own not in _plain(line) and _plain(line) not in kept]
    return out


def _plain(line: str) -> str:
    """A rendered line without the polite particle, which moves when staff write their own ("นะครับ")."""
    return re.sub(r"\s*(นะครับ|ครับ)(?=\s|$)", "", line).strip()
