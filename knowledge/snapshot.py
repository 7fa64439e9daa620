"""The knowledge the bot answers from at one moment: curated facts plus the staff edits of that moment."""

from __future__ import annotations

from typing import Callable

from .composer import Composer
from .loader import KnowledgeBase
from .retrieval import FactIndex
from .schema import Fact
from .suggestions import Suggester

__all__ = ["Snapshot"]


class Snapshot:
    """Facts, their retrieval index, the composer and the suggestions, built together."""

    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact] | None = None,
                 staff_ids: frozenset[str] = frozenset(), strip: Callable[[str], str] = lambda s: s):
        """``strip`` prepares fact texts as questions are prepared (normalised, names removed)."""
        self.kb = kb
        self.facts = dict(kb.facts if facts is None else facts)
        self.staff_ids = staff_ids
        concepts = frozenset(e.id for e in kb.entities.values() if e.kind == "concept")
        self.index = FactIndex(self.facts.values(), strip, frozenset(kb.cities), concepts | frozenset(kb.dimensions))
        self.suggest = Suggester(kb, self.facts)
        self.composer = Composer(kb, self.facts, self.suggest)

    @property
    def entries(self) -> dict[str, Fact]:
        """The facts under the name staff know them by."""
        return self.facts
