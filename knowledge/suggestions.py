"""Quick replies: the natural next questions, as texts the bot itself answers."""

from __future__ import annotations

from .catalogue import INTENTS
from .loader import KnowledgeBase
from .schema import Fact

__all__ = ["Suggester", "MORE"]

MAX_REPLIES = 4
MAX_LABEL = 40  # a quick reply is a question a person would tap, not a paragraph
MORE = {"th": "รายละเอียดเพิ่มเติม", "en": "More details"}
_GENERAL = {
    "th": ["มีเมืองอัจฉริยะที่ไหนบ้าง", "7 Smarts คืออะไร", "ทำไมขอนแก่นเพิ่งได้รับรอง", "ดีป้าคืออะไร"],
    "en": ["Which cities are certified?", "What are the 7 Smarts?", "Why was Khon Kaen certified only now?",
           "What is depa?"],
}


class Suggester:
    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact]):
        self.kb = kb
        self.facts = facts
        self.by_subject: dict[str, list[Fact]] = {}
        for f in sorted(facts.values(), key=lambda f: (-f.priority, f.id)):
            for s in f.about:
                self.by_subject.setdefault(s, []).append(f)

    @staticmethod
    def question(fact: Fact, lang: str) -> str | None:
        """The shortest example question of ``fact`` in ``lang`` that fits a button."""
        qs = [q for q in (fact.questions.th if lang == "th" else fact.questions.en) if len(q) <= MAX_LABEL]
        return min(qs, key=len) if qs else None

    def related(self, fact: Fact) -> list[Fact]:
        """Facts about the same subject: the same intent first, then the others."""
        if not fact.about:
            return [f for f in self.facts.values() if f.intent == fact.intent and f.id != fact.id and not f.about]
        others = [f for f in self.by_subject.get(fact.about[0], []) if f.id != fact.id]
        return sorted(others, key=lambda f: f.intent != fact.intent)

    def for_subject(self, subject: str | None, lang: str, skip: set[str] | None = None) -> list[str]:
        """Questions about ``subject`` of different intents, then general ones."""
        out: list[str] = []
        seen = set(skip or ())
        for f in self.by_subject.get(subject, []) if subject else []:
            if f.intent in seen:
                continue
            q = self.question(f, lang)
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
        intents: list[str] = []
        for f in self.by_subject.get(subject, []):
            if f.intent not in intents and f.intent in INTENTS:
                intents.append(f.intent)
        names = [INTENTS[i].th if lang == "th" else INTENTS[i].en.lower() for i in intents[:4]]
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        joiner = " และ" if lang == "th" else " and "
        return (" " if lang == "th" else ", ").join(names[:-1]) + joiner + names[-1]
