"""Searching FAQ entries the way staff type: Thai without spaces, words inside compounds, any case.

Both the query and the entries are normalised (:func:`intents.normalize.normalize`: ``เเ``→``แ``, Thai digits,
zero-width marks...) and compacted (case, spaces and punctuation removed). An entry matches when the whole
query is a substring of it (``รถไฟฟ้า`` inside ``รถไฟฟ้ารางเบา``), or when every word of the tokenised query is
(``รางเบาขอนแก่น`` finds "รถไฟฟ้ารางเบาที่ขอนแก่น"). Besides its questions, answer, id and topics, an entry is
searched by the names and aliases of its subjects and the names of its topic, so "light rail" finds an entry
about the Khon Kaen LRT that only says "LRT". Whole-query matches in the entry's own text come first.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from intents.entities import compact
from intents.features import tokenize
from intents.normalize import normalize
from knowledge.catalogue import INTENTS
from knowledge.loader import KnowledgeBase

__all__ = ["search", "subject_names", "searchable"]


@functools.lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    # Normalising a long answer costs milliseconds (pythainlp's vowel rules); entries change rarely, so each
    # text is folded once per worker and a search over ~500 entries then takes milliseconds.
    return compact(normalize(text))


def subject_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    """For every subject id (area, entity, dimension) and intent: its names and aliases, to search by."""
    names: dict[str, list[str]] = {}
    for city in kb.cities.values():
        names[city.id] = [city.name.th, city.name.en, city.short_name.th, city.short_name.en, *city.aliases]
    for entity in kb.entities.values():
        names[entity.id] = [entity.label("th"), entity.label("en"), entity.name.th, entity.name.en, *entity.aliases]
    for dim in kb.dimensions.values():
        names[dim.id] = [dim.name.th, dim.name.en]
    for intent, info in INTENTS.items():
        names[intent] = [info.th, info.en]
    return names


def searchable(entry: dict, names: Mapping[str, Iterable[str]] | None = None) -> tuple[str, str]:
    """The entry's own text and the names of its subjects and topic, each normalised and compacted."""
    own = [entry.get("id") or "", *entry.get("questions", {}).get("th", []), *entry.get("questions", {}).get("en", []),
           entry.get("answer", {}).get("th", ""), entry.get("answer", {}).get("en", ""), *entry.get("topics", [])]
    names = names or {}
    related = [n for key in [*entry.get("cities", []), entry.get("intent") or ""] for n in [key, *names.get(key, [])]]
    # Each piece on its own (joined by a separator no query can contain), so an edit re-folds only its texts.
    return "\x00".join(_fold(t) for t in own), "\x00".join(_fold(t) for t in related)


def search(entries: list[dict], query: str, names: Mapping[str, Iterable[str]] | None = None) -> list[dict]:
    """The entries that match ``query`` (all of them for an empty query), best matches first.

    ``names`` (from :func:`subject_names`) lets an entry be found by its subjects' and topic's names.
    """
    whole = _fold(query)
    if not whole:
        return entries
    words = [w for w in (compact(t) for t in tokenize(normalize(query))) if w] or [whole]
    ranked = []
    for i, entry in enumerate(entries):
        own, related = searchable(entry, names)
        if whole in own:
            rank = 0
        elif whole in related:
            rank = 1
        elif all(w in own or w in related for w in words):
            rank = 2
        else:
            continue
        ranked.append((rank, i, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda x: x[:2])]
