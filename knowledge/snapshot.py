"""The knowledge the bot answers from at one moment: curated facts plus the staff edits of that moment."""

from __future__ import annotations

from collections import Counter
from typing import Callable

from .composer import Composer
from .loader import KnowledgeBase
from .retrieval import FactIndex, Query, Thresholds
from .schema import Fact
from .suggestions import Suggester

__all__ = ["Snapshot", "Reader"]

#: Reads one question: the subjects it names and the intent classifier's probabilities.
Reader = Callable[[str], tuple[list[str], dict[str, float]]]
#: A staff entry without a topic answers the intents its questions get at least this probability for, on average.
READ_INTENT_MIN = 0.25


class Snapshot:
    """Facts, their retrieval index, the composer and the suggestions, built together."""

    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact] | None = None,
                 staff_ids: frozenset[str] = frozenset(), strip: Callable[[str], str] = lambda s: s,
                 words: Callable[[str], frozenset[str]] = lambda s: frozenset(s.casefold().split()),
                 reader: Reader | None = None):
        """``strip`` prepares fact texts as questions are prepared (normalised, names removed); ``words``
        gives a text's word tokens (for the words the knowledge uses); ``reader`` reads a question's
        subjects and intents, to index the entries staff created by what their questions ask about."""
        self.kb = kb
        self.facts = dict(kb.facts if facts is None else facts)
        self.staff_ids = staff_ids
        self.strip = strip
        self._reader = reader
        created = frozenset(i for i in staff_ids if i in self.facts and i not in kb.facts)
        intents: dict[str, frozenset[str]] = {}
        if reader is not None:
            for fid in created:
                self.facts[fid], intents[fid] = self.read_entry(self.facts[fid], reader)
        concepts = frozenset(e.id for e in kb.entities.values() if e.kind == "concept")
        names = {e.id: sorted({e.name.th.casefold(), e.name.en.casefold(), *(a.casefold() for a in e.aliases)})
                 for e in kb.entities.values() if e.kind == "concept"}
        self.index = FactIndex(self.facts.values(), strip, frozenset(kb.cities), concepts | frozenset(kb.dimensions),
                               staff=created, intents=intents, names=names,
                               parents={e.id: e.part_of for e in kb.entities.values() if e.part_of},
                               dimensions=frozenset(kb.dimensions),
                               projects=frozenset(e.id for e in kb.entities.values() if e.kind == "project"),
                               events=frozenset(e.id for e in kb.entities.values() if e.kind == "event"),
                               organisations=frozenset(e.id for e in kb.entities.values() if e.kind == "organisation"),
                               related={e.id: frozenset(e.areas) for e in kb.entities.values()
                                        if e.kind in ("organisation", "person")})
        self.suggest = Suggester(kb, self.facts, self._finds)
        self.composer = Composer(kb, self.facts, self.suggest)
        known: set[str] = set()
        # In how many facts each word appears: a word few facts use says what a question is about.
        self.word_facts: Counter[str] = Counter()
        for f in self.facts.values():
            fact_words: set[str] = set()
            for text in f.texts():
                fact_words.update(words(text))
            known.update(fact_words)
            self.word_facts.update(fact_words)
        self.known_words = frozenset(known)

    @staticmethod
    def read_entry(fact: Fact, reader: Reader) -> tuple[Fact, frozenset[str]]:
        """A staff entry is about what its questions name too (staff may pick only the city, or none), and,
        without a topic, answers the intents its questions read as: "when will the Khon Kaen light rail
        open?" is about the light rail, and a question about a city's plans."""
        about = list(fact.about)
        totals: dict[str, float] = {}
        questions = [*fact.questions.th, *fact.questions.en]
        for q in questions:
            subjects, probabilities = reader(q)
            about.extend(s for s in subjects if s not in about)
            for intent, p in probabilities.items():
                totals[intent] = totals.get(intent, 0.0) + p
        read: frozenset[str] = frozenset()
        if fact.intent == "faq" and questions:
            read = frozenset(i for i, t in totals.items() if t / len(questions) >= READ_INTENT_MIN
                             and i != "out_of_scope")
        return fact.model_copy(update={"about": about}), read

    def _finds(self, question: str, subject: str | None, fact: Fact) -> bool:
        """Whether retrieval answers ``question`` (in a conversation about ``subject``) with ``fact``, given
        the subjects and intents the reader finds in it (none without a reader)."""
        named, intents = self._reader(question) if self._reader is not None else ([], {})
        context = [subject] if subject and not named else []
        hits = self.index.search(Query(self.strip(question), "th", named, context, None, intents), limit=1)
        # Without the classifier's help the scores are lower than in a conversation: a safe test.
        t = Thresholds()
        return bool(hits) and hits[0].fact.id == fact.id and hits[0].score >= t.score and hits[0].evidence >= t.evidence

    @property
    def entries(self) -> dict[str, Fact]:
        """The facts under the name staff know them by."""
        return self.facts
