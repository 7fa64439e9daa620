"""Load and validate the curated knowledge base from YAML.

Broken content fails loudly: :class:`KnowledgeError` names the file, the entry and what is wrong, and
:func:`load` collects every problem before raising so one run shows them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .catalogue import INTENTS
from .schema import City, Dimension, Entity, Fact, Province, Source

DATA_DIR = Path(__file__).parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster

M = TypeVar("M", bound=BaseModel)

_CE_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
# (a meeting's official number keeps its Thai year in English too: "meeting no. 1/2564")
_BE_YEAR = re.compile(r"(?<!\d)(?<!no\. \d/)(24[89]\d|25\d\d|26[0-3]\d)(?!\d)")


class KnowledgeError(ValueError):
    """The knowledge base content is invalid; ``problems`` lists each one as 'file: entry: message'."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid knowledge base:\n  " + "\n  ".join(problems))


@dataclass
class KnowledgeBase:
    """The validated content, indexed for lookup."""

    sources: dict[str, Source]
    cities: dict[str, City]
    dimensions: dict[str, Dimension]
    entities: dict[str, Entity]
    facts: dict[str, Fact]
    places: dict[str, Province]
    origin: dict[str, str] = field(default_factory=dict)  # "kind:id" -> file it came from

    @property
    def entries(self) -> dict[str, Fact]:
        """The facts under the name staff know them by (FAQ entries)."""
        return self.facts

    def pilot_cities(self) -> list[City]:
        return [c for c in self.cities.values() if c.pilot]

    def cities_in(self, province: str) -> list[City]:
        return [c for c in self.cities.values() if c.province == province]

    def areas_at(self, place: str) -> list[City]:
        """The certified areas at a place: a province's, or its province's for a district; none for a town
        (Pattaya: the one area of Chonburi, Khan Song, is not said to be in it)."""
        p = self.places[place]
        return [] if p.kind == "town" else self.cities_in(p.province or p.id)

    def subject_name(self, subject: str, lang: str, short: bool = True) -> str | None:
        """How to name an area, entity or dimension in a sentence."""
        if subject in self.cities:
            city = self.cities[subject]
            return (city.short_name if short else city.name).get(lang)
        if subject in self.entities:
            return self.entities[subject].label(lang)
        if subject in self.dimensions:
            return self.dimensions[subject].name.get(lang)
        return None


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path.name}: cannot read YAML: {exc}")
        return None


def _format_validation(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(entry)"
        parts.append(f"{loc}: {err['msg']}")
    return "; ".join(parts)


def _parse_list(items: Any, model: type[M], where: str, problems: list[str]) -> list[M]:
    if not isinstance(items, list):
        problems.append(f"{where}: expected a list of entries, got {type(items).__name__}")
        return []
    out = []
    for i, raw in enumerate(items):
        label = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
        try:
            out.append(model.model_validate(raw))
        except ValidationError as exc:
            problems.append(f"{where}: entry {label}: {_format_validation(exc)}")
    return out


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def check_era(where: str, text_th: str, text_en: str) -> list[str]:
    """Thai text carries Buddhist Era years, English text Common Era years; flag the other era."""
    problems = []
    m = _CE_YEAR.search(text_th)
    if m:
        problems.append(f"{where}: Thai text has a CE year {m.group(0)} (write it in the Buddhist Era)")
    m = _BE_YEAR.search(text_en)
    if m:
        problems.append(f"{where}: English text has a BE year {m.group(0)} (write it in the Common Era)")
    return problems


def load(data_dir: Path | str = DATA_DIR) -> KnowledgeBase:
    """Load, validate and cross-check ``data_dir``; raise :class:`KnowledgeError` listing every problem."""
    root = Path(data_dir)
    problems: list[str] = []
    origin: dict[str, str] = {}

    def parse_file(path: Path, key: str, model: type[M]) -> list[M]:
        data = _read_yaml(path, problems)
        if data is None:
            return []
        where = _rel(path, root)
        if not isinstance(data, dict) or key not in data:
            problems.append(f"{where}: expected a top-level '{key}:' list")
            return []
        items = _parse_list(data[key], model, where, problems)
        for item in items:
            origin[f"{key}:{getattr(item, 'id', '')}"] = where
        return items

    def index(items: list[M], kind: str) -> dict[str, M]:
        out: dict[str, M] = {}
        for item in items:
            key = getattr(item, "id")  # noqa: B009 - M is bound to BaseModel, which declares no id
            if key in out:
                problems.append(f"{origin.get(f'{kind}:{key}', kind)}: entry {key}: duplicate id")
            out[key] = item
        return out

    sources = index(parse_file(root / "sources.yaml", "sources", Source), "sources")
    dimensions = index(parse_file(root / "dimensions.yaml", "dimensions", Dimension), "dimensions")
    places = index(parse_file(root / "places.yaml", "places", Province), "places")
    entities = index(parse_file(root / "entities.yaml", "entities", Entity), "entities")
    cities = index([c for p in sorted((root / "cities").glob("*.yaml")) for c in parse_file(p, "cities", City)],
                   "cities")
    facts = index([f for p in sorted((root / "facts").glob("*.yaml")) for f in parse_file(p, "facts", Fact)],
                  "facts")

    def where(kind: str, key: str) -> str:
        return f"{origin.get(f'{kind}:{key}', kind)}: entry {key}"

    # One namespace for everything a fact can be about.
    subjects: dict[str, str] = {}
    for kind, items in (("cities", cities), ("entities", entities), ("dimensions", dimensions)):
        for key in items:
            if key in subjects:
                problems.append(f"{where(kind, key)}: id is also used by {subjects[key]}")
            subjects.setdefault(key, kind)

    def check_sources(at: str, ids: Iterable[str]) -> None:
        for sid in ids:
            if sid not in sources:
                problems.append(f"{at}: unknown source id {sid!r}")

    for city in cities.values():
        check_sources(where("cities", city.id), city.sources)
        if city.province not in places:
            problems.append(f"{where('cities', city.id)}: unknown province {city.province!r}")
    for entity in entities.values():
        check_sources(where("entities", entity.id), entity.sources)
        for area in entity.areas:
            if area not in cities:
                problems.append(f"{where('entities', entity.id)}: unknown area {area!r}")
        for whole in entity.part_of:
            if whole not in entities:
                problems.append(f"{where('entities', entity.id)}: part_of: unknown entity {whole!r}")
    for fact in facts.values():
        at = where("facts", fact.id)
        check_sources(at, fact.sources)
        if fact.intent not in INTENTS:
            problems.append(f"{at}: unknown intent {fact.intent!r} (see knowledge/catalogue.py)")
        for subject in fact.about:
            if subject not in subjects:
                problems.append(f"{at}: about: unknown area, entity or dimension {subject!r}")
        problems.extend(check_era(f"{at}: answer", fact.answer.th, fact.answer.en))
        if fact.detail is not None:
            problems.extend(check_era(f"{at}: detail", fact.detail.th, fact.detail.en))
    for place in places.values():
        if place.province and place.province not in places:
            problems.append(f"places.yaml: entry {place.id}: unknown province {place.province!r}")
    missing_dims = set(("environment", "economy", "mobility", "energy", "people", "living", "governance")) - set(
        dimensions)
    if dimensions and missing_dims:
        problems.append(f"dimensions.yaml: missing dimensions: {', '.join(sorted(missing_dims))}")
    problems.extend(alias_conflicts(cities.values(), origin))
    problems.extend(entity_alias_conflicts(entities.values(), cities.values(), origin))

    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(sources, cities, dimensions, entities, facts, places, origin)


def alias_key(alias: str) -> str:
    """The form two aliases are compared in: case, spaces and hyphens ignored."""
    return re.sub(r"[\s\-_.]+", "", alias.casefold())


def alias_conflicts(cities: Iterable[City], origin: dict[str, str] | None = None) -> list[str]:
    """Aliases (or names) claimed by two different cities."""
    owner: dict[str, str] = {}
    problems = []
    for city in cities:
        names = {alias_key(a) for a in (*city.aliases, city.name.th, city.name.en)}
        for key in names:
            other = owner.setdefault(key, city.id)
            if other != city.id:
                where = (origin or {}).get(f"cities:{city.id}", "cities")
                problems.append(f"{where}: entry {city.id}: alias {key!r} is also an alias of {other}")
    return problems


def entity_alias_conflicts(entities: Iterable[Entity], cities: Iterable[City],
                           origin: dict[str, str] | None = None) -> list[str]:
    """Entity aliases claimed by another entity or by a city (a name must point to one thing)."""
    owner: dict[str, str] = {}
    for city in cities:
        for a in (*city.aliases, city.name.th, city.name.en):
            owner.setdefault(alias_key(a), city.id)
    problems = []
    for entity in entities:
        for a in {alias_key(x) for x in (*entity.aliases, entity.name.th, entity.name.en)}:
            other = owner.setdefault(a, entity.id)
            if other != entity.id:
                where = (origin or {}).get(f"entities:{entity.id}", "entities")
                problems.append(f"{where}: entry {entity.id}: alias {a!r} is also a name of {other}")
    return problems
