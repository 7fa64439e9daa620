"""The knowledge the bot answers from at one moment: curated facts plus the staff edits of that moment."""

from __future__ import annotations

from typing import Callable

from .composer import Composer
from .loader import KnowledgeBase
from .retrieval import FactIndex, Query, Thresholds
from .schema import Fact
from .suggestions import Suggester

__all__ = ["Snapshot"]


class Snapshot:
    """Facts, their retrieval index, the composer and the suggestions, built together."""

    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact] | None = None,
                 staff_ids: frozenset[str] = frozenset(), strip: Callable[[str], str] = lambda s: s,
                 words: Callable[[str], frozenset[str]] = lambda s: frozenset(s.casefold().split())):
        """``strip`` prepares fact texts as questions are prepared (normalised, names removed); ``words``
        gives a text's word tokens (for the words the knowledge uses)."""
        self.kb = kb
        self.facts = dict(kb.facts if facts is None else facts)
        self.staff_ids = staff_ids
        self.strip = strip
        concepts = frozenset(e.id for e in kb.entities.values() if e.kind == "concept")
        self.index = FactIndex(self.facts.values(), strip, frozenset(kb.cities), concepts | frozenset(kb.dimensions))
        self.suggest = Suggester(kb, self.facts, self._finds)
        self.composer = Composer(kb, self.facts, self.suggest)
        known: set[str] = set()
        for f in self.facts.values():
            for text in (*f.questions.th, *f.questions.en, f.answer.th, f.answer.en,
                         *((f.detail.th, f.detail.en) if f.detail else ())):
                known.update(words(text))
        self.known_words = frozenset(known)

    def _finds(self, question: str, subject: str | None, fact: Fact) -> bool:
        """Whether retrieval alone answers ``question`` (in a conversation about ``subject``) with ``fact``."""
        hits = self.index.search(Query(self.strip(question), "th", [], [subject] if subject else [], None, {}),
                                 limit=1)
        # Without the classifier's help the scores are lower than in a conversation: a safe test.
        t = Thresholds()
        return bool(hits) and hits[0].fact.id == fact.id and hits[0].score >= t.score and hits[0].evidence >= t.evidence

    @property
    def entries(self) -> dict[str, Fact]:
        """The facts under the name staff know them by."""
        return self.facts
