"""What a fact says, read the same way by every step: its names, its areas in order, its years, its Smarts, an area's
certification facts."""

from __future__ import annotations

from intents.entities import Entities
from knowledge.schema import Fact
from knowledge.snapshot import Snapshot

from .reading import _years_in


class FactReading:
    """Dialogue's methods for this job: what a fact says, read the same way by every step: its names, its areas in
    order, its years, its Smarts, an area's certification facts."""

    @staticmethod
    def _place_asked(ent: Entities) -> str:
        """The place a question names by itself, not by an area's own name ("besides Phuket, which areas in
        Bangkok": Bangkok)."""
        return next((p for p in ent.places if p not in ent.city_named_places), ent.places[0])

    @staticmethod
    def _fact_years(fact: Fact) -> frozenset[int]:
        """The years (CE) a fact's answer names, with the year of its date and of its as-of date."""
        years = set(_years_in(fact.answer_text()))
        years.update(int(d[:4]) for d in (fact.date, fact.as_of) if d and d[:4].isdigit())
        return frozenset(years)

    @staticmethod
    def _in_order(snap: Snapshot, fact: Fact) -> list[str]:
        """The areas a fact is about, in the order its answer names them; none when it names fewer than two
        or one cannot be found in it."""
        areas = [x for x in fact.about if x in snap.kb.cities]
        text = fact.answer.en.casefold()
        where = {}
        for a in areas:
            city = snap.kb.cities[a]
            found = [i for i in (text.find(n.casefold()) for n in (city.name.en, city.short_name.en)) if i >= 0]
            if not found:
                return []
            where[a] = min(found)
        return sorted(areas, key=where.__getitem__) if len(areas) >= 2 else []

    @staticmethod
    def _names(snap: Snapshot, x: str) -> list[str]:
        """The names of an entity or a place, casefolded (three letters or more)."""
        if x in snap.kb.entities:
            e = snap.kb.entities[x]
            names = [e.name.th, e.name.en, *((e.short.th, e.short.en) if e.short else ()), *e.aliases]
        elif x in snap.kb.places:
            p = snap.kb.places[x]
            names = [p.th, p.en, *p.aliases]
        else:
            return []
        return [n.casefold() for n in names if len(n) >= 3]

    @staticmethod
    def _dimensions_named(snap: Snapshot, fact: Fact) -> set[str]:
        """The 7 Smarts a fact's answer names, by any of their names ("เศรษฐกิจ", "mobility", "Smart Energy")."""
        text = fact.answer_text().casefold()
        named = set()
        for d in snap.kb.dimensions.values():
            forms = {d.name.th.replace("อัจฉริยะ", ""), d.name.en.casefold().replace("smart ", ""),
                     *(a.casefold().replace("smart ", "").replace("ด้าน", "") for a in d.aliases)}
            if any(len(f.strip()) >= 4 and f.strip() in text for f in forms):
                named.add(d.id)
        return named

    @staticmethod
    def _certified_facts(snap: Snapshot, city: str) -> list:
        return [f for f in snap.index.about(city) if f.intent == "city_date"][:1]
