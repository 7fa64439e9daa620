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

from .schema import City, Dimension, Entry, Fact, Programme, Province, Source

DATA_DIR = Path(__file__).parent / "data"

M = TypeVar("M", bound=BaseModel)

_CE_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
_BE_YEAR = re.compile(r"(?<!\d)(24[89]\d|25\d\d|26[0-3]\d)(?!\d)")


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
    entries: dict[str, Entry]
    programme: Programme
    places: dict[str, Province]
    origin: dict[str, str] = field(default_factory=dict)  # object id -> file it came from

    def entries_for(self, intent: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.intent == intent]

    def pilot_cities(self) -> list[City]:
        return [c for c in self.cities.values() if c.pilot]

    def cities_in(self, province: str) -> list[City]:
        return [c for c in self.cities.values() if c.province == province]


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
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


def iter_facts(obj: BaseModel, path: str = "") -> Iterable[tuple[str, Fact]]:
    """Every :class:`Fact` inside a model, with a dotted path to it."""
    if isinstance(obj, Fact):
        yield path or "(entry)", obj
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        sub = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from iter_facts(value, sub)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_facts(item, f"{sub}[{i}]")


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

    sources = parse_file(root / "sources.yaml", "sources", Source)
    dimensions = parse_file(root / "dimensions.yaml", "dimensions", Dimension)
    places = parse_file(root / "places.yaml", "places", Province)
    cities: list[City] = []
    for path in sorted((root / "cities").glob("*.yaml")):
        cities.extend(parse_file(path, "cities", City))
    entries: list[Entry] = []
    for path in sorted((root / "faq").glob("*.yaml")):
        entries.extend(parse_file(path, "entries", Entry))

    programme = None
    prog_path = root / "programme.yaml"
    data = _read_yaml(prog_path, problems)
    if data is not None:
        try:
            programme = Programme.model_validate(data)
        except ValidationError as exc:
            problems.append(f"{_rel(prog_path, root)}: {_format_validation(exc)}")

    def index(items: list[M], kind: str) -> dict[str, M]:
        out: dict[str, M] = {}
        for item in items:
            key = getattr(item, "id")
            if key in out:
                problems.append(f"{origin.get(f'{kind}:{key}', kind)}: entry {key}: duplicate id")
            out[key] = item
        return out

    kb_sources = index(sources, "sources")
    kb_cities = index(cities, "cities")
    kb_dimensions = index(dimensions, "dimensions")
    kb_entries = index(entries, "entries")
    kb_places = index(places, "places")

    # Cross-references: every source id exists, every city's province is a known place, eras are right.
    def check_refs(kind: str, obj: BaseModel) -> None:
        where = f"{origin.get(f'{kind}:{obj.id}', kind)}: entry {obj.id}"  # type: ignore[attr-defined]
        for path, fact in iter_facts(obj):
            for sid in fact.sources:
                if sid not in kb_sources:
                    problems.append(f"{where}: {path}: unknown source id {sid!r}")
            problems.extend(check_era(f"{where}: {path}", fact.th, fact.en))
        for sid in getattr(obj, "sources", []):
            if sid not in kb_sources:
                problems.append(f"{where}: sources: unknown source id {sid!r}")

    for city in kb_cities.values():
        check_refs("cities", city)
        if city.province not in kb_places:
            problems.append(f"{origin[f'cities:{city.id}']}: entry {city.id}: unknown province {city.province!r}")
    for dim in kb_dimensions.values():
        check_refs("dimensions", dim)
    for entry in kb_entries.values():
        check_refs("entries", entry)
        problems.extend(check_era(f"{origin[f'entries:{entry.id}']}: entry {entry.id}: answer",
                                  entry.answer.th, entry.answer.en))
        for cid in entry.cities:
            if cid not in kb_cities:
                problems.append(f"{origin[f'entries:{entry.id}']}: entry {entry.id}: unknown city {cid!r}")
    if programme is not None:
        for i, fact in enumerate([*programme.timeline, *programme.totals]):
            for sid in fact.sources:
                if sid not in kb_sources:
                    problems.append(f"programme.yaml: item #{i + 1}: unknown source id {sid!r}")
            problems.extend(check_era(f"programme.yaml: item #{i + 1}", fact.th, fact.en))
    for place in kb_places.values():
        if place.province and place.province not in kb_places:
            problems.append(f"places.yaml: entry {place.id}: unknown province {place.province!r}")
    missing_dims = set(("environment", "economy", "mobility", "energy", "people", "living", "governance")) - set(
        kb_dimensions)
    if dimensions and missing_dims:
        problems.append(f"dimensions.yaml: missing dimensions: {', '.join(sorted(missing_dims))}")

    problems.extend(alias_conflicts(kb_cities.values(), origin))

    if problems or programme is None:
        raise KnowledgeError(problems or ["programme.yaml: missing"])
    return KnowledgeBase(kb_sources, kb_cities, kb_dimensions, kb_entries, programme, kb_places, origin)


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
