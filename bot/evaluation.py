"""Answer-level evaluation: does the bot give the right answer, or rightly say it does not know?

A question set (``tests/data/blind/*.yaml``) lists conversations; each turn says what a right answer must
contain (``any``/``all`` markers, ``polarity`` for yes/no questions), or that the right answer is the
honest fallback, or small talk. Every turn goes through the whole dialogue (normalisation, understanding,
retrieval, composition, context in Redis), exactly as a user's message would.

Outcomes: ``right`` (answered with the expected content, in the user's language or the one the turn asks
for), ``right_fallback``,
``wrong`` (answered, but not with the expected content, or answered where it should have refused) and
``wrongly_refused`` (fallback where the knowledge base has the answer).
"""

from __future__ import annotations

import re
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

__all__ = ["Turn", "Result", "load_set", "judge", "asked_language", "run_set", "summarise", "format_report"]

OUTCOMES = ("right", "right_fallback", "wrong", "wrongly_refused")

_SPACE = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
_YES = re.compile(r"^(ใช่|yes\b)", re.I)
# "ยังครับ" / "ยังไม่..." is the Thai "not yet", the no to "เปิดแล้วยัง" (the bot says "ไม่แล้วครับ" where
# something no longer goes on, so a "ยัง" lead is never the "still" of a yes)
_NO = re.compile(r"^(ไม่|ยัง(?:ครับ|ค่ะ|ไม่)|no\b|not\b)", re.I)


def _fold(text: str) -> str:
    """What markers are compared in: case, white space and thousands separators ignored."""
    return _THOUSANDS.sub("", _SPACE.sub("", text.casefold()))


@dataclass
class Turn:
    text: str
    expect: Any


@dataclass
class Result:
    set: str
    item: str
    lang: str
    turn: int
    text: str
    answer: str
    outcome: str
    fallback: bool
    intent: str
    multi_turn: bool
    reason: str = ""


@dataclass
class Item:
    id: str
    lang: str
    turns: list[Turn] = field(default_factory=list)


def load_set(path: Path | str) -> tuple[str, list[Item]]:
    """The set's name and items; raises ValueError naming the item that is malformed."""
    # (libyaml's safe loader where installed: five times faster on sets of a thousand turns)
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    items = []
    for raw in data["items"]:
        try:
            items.append(Item(raw["id"], raw.get("lang", "th"), [Turn(t["text"], t["expect"]) for t in raw["turns"]]))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}: item {raw.get('id', '?')}: {exc}") from exc
    return data.get("set", Path(path).stem), items


# A turn that asks for the other language ("in english pls", "ขอเป็นอังกฤษได้ไหม", "ตอบเป็นภาษาไทย") is answered
# rightly in that language too. Written here, apart from the bot's own reading of such requests, so the
# judge does not grade the bot by its own rules.
_ASKS_FOR = {"en": re.compile(r"\benglish\b|\beng\b|อังกฤษ|อิ้ง|อิงลิช|อิงลิด", re.I),
             "th": re.compile(r"\bthai\b|ภาษาไทย|เป็นไทย", re.I)}


def asked_language(text: str) -> str | None:
    """The language a turn asks the answer to be in, if it names one."""
    asked = [lang for lang, rx in _ASKS_FOR.items() if rx.search(text)]
    return asked[0] if len(asked) == 1 else None


def judge(expect: Any, answer: str, fallback: bool, reply_lang: str, lang: str,
          asked: str | None = None) -> tuple[str, str]:
    """The outcome of one turn and, when it is not right, why (``asked``: the language the turn asks for,
    right as well as the user's own)."""
    if expect == "fallback":
        return ("right_fallback", "") if fallback else ("wrong", "answered where it should have refused")
    if expect == "smalltalk":
        return ("right", "") if not fallback else ("wrongly_refused", "small talk got the fallback")
    if fallback:
        return "wrongly_refused", "fallback"
    folded = _fold(answer)
    any_of = [m for m in expect.get("any", [])]
    all_of = [m for m in expect.get("all", [])]
    if any_of and not any(_fold(str(m)) in folded for m in any_of):
        return "wrong", f"none of {any_of}"
    missing = [m for m in all_of if _fold(str(m)) not in folded]
    if missing:
        return "wrong", f"missing {missing}"
    polarity = expect.get("polarity")
    if isinstance(polarity, bool):  # YAML reads an unquoted yes/no as a boolean
        polarity = "yes" if polarity else "no"
    first = answer.strip()
    if polarity == "yes" and not _YES.search(first):
        return "wrong", "expected yes"
    if polarity == "no" and not _NO.search(first):
        return "wrong", "expected no"
    if reply_lang != lang and reply_lang != asked:
        return "wrong", f"answered in {reply_lang}"
    return "right", ""


def run_set(path: Path | str, respond: Callable[[str, str], Any]) -> list[Result]:
    """Every turn of the set at ``path`` through ``respond(text, user_id)`` (a new user per item)."""
    name, items = load_set(path)
    out = []
    for item in items:
        user = f"eval-{uuid.uuid4().hex[:12]}"
        for i, turn in enumerate(item.turns):
            reply = respond(turn.text, user)
            outcome, reason = judge(turn.expect, reply.text, reply.fallback, reply.lang, item.lang,
                                    asked_language(turn.text))
            out.append(Result(name, item.id, item.lang, i, turn.text, reply.text, outcome, reply.fallback,
                              reply.intent, len(item.turns) > 1, reason))
    return out


def summarise(results: list[Result]) -> dict:
    """Counts per outcome, the score (right answers and right fallbacks), and answer lengths."""
    counts = Counter(r.outcome for r in results)
    n = len(results) or 1
    lengths = sorted(len(r.answer) for r in results if not r.fallback and r.answer)
    by_lang = {}
    for lang in ("th", "en"):
        sub = [r for r in results if r.lang == lang]
        if sub:
            by_lang[lang] = round(sum(r.outcome in ("right", "right_fallback") for r in sub) / len(sub), 3)
    multi = [r for r in results if r.multi_turn and r.turn > 0]

    def pct(p: float) -> int:
        return lengths[min(len(lengths) - 1, int(p * len(lengths)))] if lengths else 0

    return {
        "turns": len(results),
        **{k: counts.get(k, 0) for k in OUTCOMES},
        "score": round((counts["right"] + counts["right_fallback"]) / n, 3),
        "by_lang": by_lang,
        "follow_ups": round(sum(r.outcome in ("right", "right_fallback") for r in multi) / len(multi), 3)
        if multi else None,
        "length": {"median": int(statistics.median(lengths)) if lengths else 0, "p75": pct(0.75),
                   "p90": pct(0.90), "max": lengths[-1] if lengths else 0,
                   "over_700": sum(1 for x in lengths if x > 700)},
    }


def format_report(name: str, results: list[Result], show_failures: bool = False) -> str:
    s = summarise(results)
    lines = [f"{name}: {s['turns']} turns, score {s['score']:.1%} "
             f"(right {s['right']}, right fallback {s['right_fallback']}, wrong {s['wrong']}, "
             f"wrongly refused {s['wrongly_refused']}); th {s['by_lang'].get('th', 0):.1%}, "
             f"en {s['by_lang'].get('en', 0):.1%}; follow-up turns "
             f"{(s['follow_ups'] or 0):.1%}",
             f"  answer length (characters, answered turns): median {s['length']['median']}, "
             f"p75 {s['length']['p75']}, p90 {s['length']['p90']}, max {s['length']['max']}, "
             f"over 700: {s['length']['over_700']}"]
    if show_failures:
        for r in results:
            if r.outcome in ("wrong", "wrongly_refused"):
                lines.append(f"  [{r.outcome}] {r.item}#{r.turn} {r.text!r} -> {r.answer[:160]!r} ({r.reason})")
    return "\n".join(lines)


def calibrate(dialogue, heldout: Path | str):
    """Grid-search the answerability thresholds on intent-labelled questions (``tests/data/heldout.yaml``).

    The best pair maximises right answers and right refusals minus wrong answers (a wrong confident answer
    costs as much as a right one gains; a refusal costs nothing but the lost answer). An in-scope question
    counts as answered right when the bot answers with a fact of its labelled intent
    (or a computed answer, or small talk for small-talk labels); an out-of-scope one when the bot falls back.
    Returns the best :class:`Thresholds` and the table, best first."""
    from dataclasses import replace as _replace

    from intents.evaluate import load_heldout
    from knowledge.retrieval import Thresholds

    from .context import Context

    questions = load_heldout(Path(heldout))
    original = dialogue.thresholds
    table = []
    try:
        for score in [x / 100 for x in range(20, 71, 4)]:
            for evidence in [x / 100 for x in range(8, 49, 4)]:
                dialogue.thresholds = _replace(original, score=score, evidence=evidence)
                counts: Counter[str] = Counter()
                for q in questions:
                    reply, _, _ = dialogue.answer(q.text, Context())
                    if q.intent == "out_of_scope":
                        counts["refused_right" if reply.fallback else "wrong"] += 1
                    elif reply.fallback:
                        counts["wrongly_refused"] += 1
                    elif reply.intent == q.intent or q.intent in ("followup", "find_city", "is_certified",
                                                                  "list_cities", "city_overview"):
                        counts["answered_right"] += 1  # these intents are answered by several kinds of fact
                    else:
                        counts["wrong"] += 1
                right = (counts["answered_right"] + counts["refused_right"]) / len(questions)
                # A wrong confident answer is worse than an honest "I don't know": it costs what a right one gains.
                utility = right - counts["wrong"] / len(questions)
                table.append({"score": score, "evidence": evidence, "right": right, "utility": utility, **counts})
    finally:
        dialogue.thresholds = original
    table.sort(key=lambda r: (-r["utility"], -r["right"]))
    best = table[0]
    return Thresholds(score=best["score"], evidence=best["evidence"]), table
