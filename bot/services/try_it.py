"""The staff "try it" and preview: what the bot says now, and what it would say with an unsaved draft entry.

Shared by the staff JSON API (``POST /admin/api/try``, ``POST /admin/api/preview``), the editor page and the
``smartcity-bot faq try`` command. Everything runs the real dialogue and composer on a snapshot of the
knowledge with the draft applied, so what staff see is what people will get; nothing is saved.
"""

from __future__ import annotations

import difflib
from typing import Any

from knowledge.composer import Answer
from knowledge.faq_store import to_entry
from knowledge.snapshot import Snapshot
from knowledge.suggestions import MORE

from ..context import Context
from ..dialogue import Dialogue
from ..reply import Reply

__all__ = ["try_question", "question_wins", "preview", "rendered_lines", "MAX_QUESTIONS"]

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


def try_question(bot: Any, text: str, draft: dict | None = None) -> dict:
    """What the bot answers to ``text`` now (``before``) and with the unsaved ``draft`` entry (``after``)."""
    out = {"before": _result(_ask(bot, bot.live.current(), text))}
    if draft is not None:
        snapshot, _ = _snapshot_with(bot, draft)
        out["after"] = _result(_ask(bot, snapshot, text))
    return out


def question_wins(bot: Any, draft: dict, extra: list[str] = ()) -> list[dict]:
    """For each of the draft's own questions and the ``extra`` paraphrases: whether the draft entry answers it
    (``wins``), and if not, what answers instead (``by``: entry, intent, answer, or the fallback)."""
    snapshot, entry_id = _snapshot_with(bot, draft)
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


def _render(snapshot: Snapshot, entry_id: str, lang: str) -> dict:
    """The entry as the bot sends it when it answers with it, and what "more details" then adds."""
    fact = snapshot.facts[entry_id]
    answer = snapshot.composer.fact(fact, lang)
    view = _reply_view(_as_reply(answer, lang))
    if MORE[lang] in answer.quick_replies:
        view["more"] = _reply_view(_as_reply(snapshot.composer.more(fact, lang), lang))
    return view


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
    snapshot, entry_id = _snapshot_with(bot, draft)
    current = bot.live.current()
    out: dict = {"id": entry_id, "after": {}, "before": None, "dropped": {}, "added": {}}
    if entry_id in current.facts:
        out["before"] = {lang: _render(current, entry_id, lang) for lang in ("th", "en")}
    for lang in ("th", "en"):
        out["after"][lang] = _render(snapshot, entry_id, lang)
        if out["before"] is not None:
            old, new = rendered_lines(out["before"][lang]), rendered_lines(out["after"][lang])
            ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
            out["dropped"][lang] = [line for tag, i1, i2, _, _ in ops if tag in ("delete", "replace")
                                    for line in old[i1:i2]]
            out["added"][lang] = [line for tag, _, _, j1, j2 in ops if tag in ("insert", "replace")
                                  for line in new[j1:j2]]
    return out
