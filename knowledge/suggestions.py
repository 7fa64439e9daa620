"""Quick replies: the natural next questions, as texts the bot itself answers."""

from __future__ import annotations

from typing import Callable

from .catalogue import INTENTS
from .loader import KnowledgeBase
from .schema import Fact

__all__ = ["Suggester", "MORE"]

MAX_REPLIES = 4
MAX_LABEL = 40  # a quick reply is a question a person would tap, not a paragraph
MORE = {"th": "รายละเอียดเพิ่มเติม", "en": "More details"}
#: The order in which people explore a subject: what it is, its plan, when, where, who...
_ORDER = {i: n for n, i in enumerate(["city_overview", "about_depa", "city_plan", "city_focus", "city_date",
                                      "city_location", "city_developer", "rankings", "city_why_now", "city_smarts",
                                      "city_history", "meeting_2021", "certification_about", "seven_smarts"])}
_GENERAL = {
    "th": ["มีเมืองอัจฉริยะที่ไหนบ้าง", "7 Smarts คืออะไร", "ทำไมขอนแก่นเพิ่งได้รับรอง", "ดีป้าคืออะไร"],
    "en": ["Which cities are certified?", "What are the 7 Smarts?", "Why was Khon Kaen certified only now?",
           "What is depa?"],
}


class Suggester:
    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact],
                 finds: Callable[[str, str | None, Fact], bool] = lambda q, subject, fact: True):
        """``finds(question, subject, fact)`` tells whether the bot answers ``question``, asked in a
        conversation about ``subject``, with ``fact``: only such questions are offered."""
        self.kb = kb
        self.facts = facts
        self.finds = finds
        self._cache: dict[tuple[str | None, str, frozenset[str]], list[str]] = {}
        # Each button question costs a retrieval search or more; the lists above differ only in the intent they
        # skip, so they share most of these (a miss of ``_cache`` was the slowest answer of all).
        self._questions: dict[tuple[str, str, str | None], str | None] = {}
        self._own: dict[str, list[Fact]] = {}
        self._topics: dict[tuple[str, str], str] = {}  # topics() by subject and language (the facts never change)
        self.by_subject: dict[str, list[Fact]] = {}
        for f in sorted(facts.values(), key=lambda f: (-f.priority, f.id)):
            for s in f.about:
                self.by_subject.setdefault(s, []).append(f)

    def question(self, fact: Fact, lang: str, subject: str | None = None) -> str | None:
        """The first example question of ``fact`` in ``lang`` (the curated, cleanly written ones come first)
        that fits a button and that the bot answers with this fact."""
        key = (fact.id, lang, subject)
        if key not in self._questions:
            self._questions[key] = self._question(fact, lang, subject)
        return self._questions[key]

    def _question(self, fact: Fact, lang: str, subject: str | None) -> str | None:
        qs = [q for q in (fact.questions.th if lang == "th" else fact.questions.en)[:4] if len(q) <= MAX_LABEL]
        return next((q for q in qs if self.finds(q, subject, fact)), None)

    def own(self, subject: str) -> list[Fact]:
        """The facts whose main subject is ``subject``, in the order a person explores a subject."""
        if subject not in self._own:
            facts = [f for f in self.by_subject.get(subject, []) if f.about[0] == subject]
            self._own[subject] = sorted(facts, key=lambda f: (_ORDER.get(f.intent, len(_ORDER)), -f.priority, f.id))
        return list(self._own[subject])

    def related(self, fact: Fact) -> list[Fact]:
        """Facts about the same main subject: the same intent first, then the others."""
        if not fact.about:
            return [f for f in self.facts.values() if f.intent == fact.intent and f.id != fact.id and not f.about]
        others = [f for f in self.own(fact.about[0]) if f.id != fact.id]
        return sorted(others, key=lambda f: f.intent != fact.intent)

    def for_subject(self, subject: str | None, lang: str, skip: set[str] | None = None) -> list[str]:
        """Questions about ``subject`` of different intents, then general ones."""
        key = (subject, lang, frozenset(skip or ()))
        if key not in self._cache:
            self._cache[key] = self._for_subject(subject, lang, skip)
        return list(self._cache[key])

    def _for_subject(self, subject: str | None, lang: str, skip: set[str] | None) -> list[str]:
        out: list[str] = []
        seen = set(skip or ())
        for f in self.own(subject) if subject else []:
            if f.intent in seen:
                continue
            q = self.question(f, lang, subject)
            if q and q not in out:
                out.append(q)
                seen.add(f.intent)
            if len(out) >= MAX_REPLIES - 1:
                break
        for g in _GENERAL[lang]:
            if len(out) >= MAX_REPLIES:
                break
            if g not in out:
                out.append(g)
        return out

    def after(self, fact: Fact, lang: str, subjects: list[str], offer_more: bool = True) -> list[str]:
        """After answering with ``fact``: more of it, then other questions about its subject."""
        out = [MORE[lang]] if offer_more and (fact.detail is not None or self.related(fact)) else []
        subject = subjects[0] if subjects else None
        out.extend(q for q in self.for_subject(subject, lang, {fact.intent}) if q not in out)
        return out[:MAX_REPLIES]

    def topics(self, subject: str, lang: str) -> str:
        """What the bot can say about ``subject``, in words ("its plan, when it was certified...")."""
        key = (subject, lang)
        if key not in self._topics:
            self._topics[key] = self._topics_of(subject, lang)
        return self._topics[key]

    def _topics_of(self, subject: str, lang: str) -> str:
        intents: list[str] = []
        for f in self.by_subject.get(subject, []):
            if f.intent not in intents and f.intent in INTENTS:
                intents.append(f.intent)
        names = [INTENTS[i].th if lang == "th" else INTENTS[i].topic for i in intents[:4]]
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        joiner = " และ" if lang == "th" else " and "
        return (" " if lang == "th" else ", ").join(names[:-1]) + joiner + names[-1]
