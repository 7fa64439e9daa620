"""The staff-editable FAQ store: edits over the curated entries, with full history, in Redis.

Curated entries (``knowledge/data/faq``) are version 0. A staff change writes a new version of the entry,
appends it to the entry's history and the audit log, and bumps a global stamp that tells every worker to
reload; a rollback is itself a new version, and a delete is a tombstone version, so nothing is ever lost.
Saves are optimistic: a save names the version it was based on, and a save based on an older version is
refused with :class:`Conflict` (WATCH/MULTI: no read-then-write race between workers). All keys share the
``{faq}`` hash tag, so each transaction stays in one Redis Cluster slot.
"""

from __future__ import annotations

import builtins  # FaqStore.list shadows the builtin in the class body
import json
import logging
import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

import redis
import yaml
from pydantic import ValidationError

from .loader import KnowledgeBase
from .schema import Entry, FaqEntry, Text
from .sources import source_label

__all__ = ["FaqStore", "Conflict", "NotFound", "Invalid", "to_entry", "from_entry"]

log = logging.getLogger(__name__)

ENTRY = "{faq}:entry:"
HISTORY = "{faq}:history:"
IDS = "{faq}:ids"
AUDIT = "{faq}:audit"
STAMP = "{faq}:stamp"


class Conflict(Exception):
    """The entry changed since the caller read it."""

    def __init__(self, current: dict):
        super().__init__(f"entry {current.get('id')} is at version {current.get('version')}")
        self.current = current


class NotFound(KeyError):
    pass


class Invalid(ValueError):
    """Validation failed; ``errors`` maps a field (or ``entry <id>``) to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def from_entry(entry: Entry, kb: KnowledgeBase, lang: str = "en") -> dict:
    """A curated :class:`Entry` in the staff JSON shape (version 0)."""
    labels = [source_label(kb.sources[s], lang) for s in entry.sources if s in kb.sources]
    if entry.source_note:
        labels.append(entry.source_note)
    return {"id": entry.id, "intent": entry.intent, "questions": entry.questions.model_dump(),
            "answer": {"th": entry.answer.th, "en": entry.answer.en}, "cities": list(entry.about),
            "topics": list(entry.topics), "source": "; ".join(labels), "version": 0}


def to_entry(data: dict, curated: Entry | None = None) -> Entry:
    """The staff JSON as an :class:`Entry` (a fact) the bot answers with. A missing language falls back to the
    other one; a curated entry keeps its source ids and detail unless staff changed the answer."""
    answer = data["answer"]
    th, en = answer.get("th", "").strip(), answer.get("en", "").strip()
    kept = curated if curated is not None and curated.answer.th == th and curated.answer.en == en else None
    return Entry(id=data["id"], intent=data.get("intent") or "faq", about=data.get("cities", []),
                 aspect=curated.aspect if curated else "what", date=curated.date if curated else None,
                 topics=data.get("topics", []), questions=data["questions"], answer=Text(th=th or en, en=en or th),
                 sources=list(kept.sources) if kept else [],
                 source_note=None if kept else data.get("source"),
                 detail=kept.detail if kept else None, as_of=kept.as_of if kept else None,
                 priority=curated.priority if curated else 5)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-")
    return slug or f"entry-{int(time.time() * 1000) % 10**9}"


@dataclass
class FaqStore:
    """Reads and writes staff edits; ``kb`` supplies the curated baseline."""

    client: redis.Redis
    kb: KnowledgeBase
    intents: frozenset[str] = frozenset()

    # -- reading -----------------------------------------------------------------------------------------
    def stamp(self) -> int:
        return int(self.client.get(STAMP) or 0)

    def _staff(self, entry_id: str) -> dict | None:
        raw = self.client.get(ENTRY + entry_id)
        return json.loads(raw) if raw else None

    def staff_entries(self) -> dict[str, dict]:
        """Every entry staff have touched, deleted ones included (``deleted: true``)."""
        ids = sorted(self.client.smembers(IDS))
        values = self.client.mget([ENTRY + i for i in ids]) if ids else []
        return {i: json.loads(v) for i, v in zip(ids, values) if v}

    def get(self, entry_id: str, include_deleted: bool = False) -> dict:
        staff = self._staff(entry_id)
        if staff is not None:
            if staff.get("deleted") and not include_deleted:
                raise NotFound(entry_id)
            return staff
        if entry_id in self.kb.entries:
            return {**from_entry(self.kb.entries[entry_id], self.kb), "origin": "curated"}
        raise NotFound(entry_id)

    def list(self) -> list[dict]:
        """The merged list: curated entries (with staff edits applied) and staff-created entries."""
        staff = self.staff_entries()
        merged = {i: {**from_entry(e, self.kb), "origin": "curated"} for i, e in self.kb.entries.items()}
        merged.update(staff)
        return sorted((e for e in merged.values() if not e.get("deleted")), key=lambda e: e["id"])

    def entries(self, staff: dict[str, dict] | None = None) -> dict[str, Entry]:
        """The merged entries (facts) as the bot answers with them (``staff``: from :meth:`staff_entries`, if read)."""
        out = dict(self.kb.entries)
        for entry_id, data in (self.staff_entries() if staff is None else staff).items():
            if data.get("deleted"):
                out.pop(entry_id, None)
                continue
            try:
                out[entry_id] = to_entry(data, self.kb.entries.get(entry_id))
            except (ValidationError, KeyError, TypeError) as exc:
                # One stored entry that no longer validates (say, saved before a rule was tightened)
                # must not take every answer down: skip it, keep the curated version, and say so.
                log.error("FAQ entry %r in Redis is invalid and is skipped until staff fix it: %s",
                          entry_id, str(exc).splitlines()[0])
        return out

    def history(self, entry_id: str) -> builtins.list[dict]:
        versions = [json.loads(v) for v in self.client.lrange(HISTORY + entry_id, 0, -1)]
        if not versions:
            return [self.get(entry_id)] if entry_id in self.kb.entries else []
        return versions

    def audit(self, limit: int = 100) -> builtins.list[dict]:
        return [fields for _, fields in self.client.xrevrange(AUDIT, count=limit)]

    # -- validation --------------------------------------------------------------------------------------
    def validate(self, data: Any, entry_id: str | None = None) -> dict:
        """Check staff JSON; return it normalised, or raise :class:`Invalid` naming each field."""
        if not isinstance(data, dict):
            raise Invalid({"entry": "must be a JSON object"})
        data = dict(data)
        if data.get("id") is not None and not isinstance(data["id"], str):
            raise Invalid({"id": "an id is a string of lower-case letters, digits and hyphens"})
        if entry_id:
            data["id"] = entry_id
        elif not data.get("id"):
            questions = data.get("questions")
            phrasings = [q for lang in ("en", "th") if isinstance(questions, dict)
                         and isinstance(questions.get(lang), list) for q in questions[lang] if isinstance(q, str)]
            data["id"] = slugify(phrasings[0] if phrasings else "")  # a bad shape is reported below
        try:
            entry = FaqEntry.model_validate(data)
        except ValidationError as exc:
            errors = {}
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or "entry"
                errors[field] = err["msg"].removeprefix("Value error, ")
            raise Invalid(errors) from exc
        errors = {}
        unknown = [c for c in entry.cities if self.kb.subject_name(c, "en") is None]
        if unknown:
            errors["cities"] = f"unknown city ids: {', '.join(unknown)}"
        if entry.intent and self.intents and entry.intent not in self.intents:
            errors["intent"] = f"unknown intent {entry.intent!r}"
        if errors:
            raise Invalid(errors)
        out = entry.model_dump()
        out["questions"] = {k: [q.strip() for q in v] for k, v in out["questions"].items()}
        return out

    # -- writing -----------------------------------------------------------------------------------------
    def create(self, data: Any, user: str) -> dict:
        clean = self.validate(data)
        base = clean["id"]
        for n in range(2, 100):
            if not self._exists(clean["id"]):
                break
            clean["id"] = f"{base}-{n}"
        return self._write(clean["id"], clean, expected=None, user=user, action="create")

    def update(self, entry_id: str, data: Any, expected_version: int, user: str) -> dict:
        clean = self.validate(data, entry_id)
        return self._write(entry_id, clean, expected=expected_version, user=user, action="edit")

    def delete(self, entry_id: str, expected_version: int | None, user: str) -> dict:
        current = self.get(entry_id)
        tomb = {**current, "deleted": True}
        return self._write(entry_id, tomb, expected=current["version"] if expected_version is None else expected_version,
                           user=user, action="delete")

    def rollback(self, entry_id: str, version: int, user: str) -> dict:
        """Make ``version`` current again, as a new version."""
        target = next((v for v in self.history(entry_id) if v.get("version") == version), None)
        if target is None:
            raise NotFound(f"{entry_id} version {version}")
        current = self.get(entry_id, include_deleted=True)
        data = {k: target[k] for k in ("id", "intent", "questions", "answer", "cities", "topics", "source")
                if k in target}
        return self._write(entry_id, data, expected=current["version"], user=user, action=f"rollback to {version}",
                           validate=False)

    def import_entries(self, items: Iterable[Any], user: str) -> builtins.list[dict]:
        """Validate every entry first; apply all of them, or none if any is invalid."""
        items = list(items)
        errors: dict[str, str] = {}
        cleaned = []
        for i, raw in enumerate(items):
            label = raw.get("id", f"#{i + 1}") if isinstance(raw, dict) else f"#{i + 1}"
            try:
                cleaned.append(self.validate(_staff_shape(raw, self.kb)))
            except Invalid as exc:
                errors[f"entry {label}"] = str(exc)
        if errors:
            raise Invalid(errors)
        results = []
        for clean in cleaned:
            if self._exists(clean["id"]):
                current = self.get(clean["id"])
                if _same(current, clean):
                    continue
                results.append(self._write(clean["id"], clean, current["version"], user, "import"))
            else:
                results.append(self._write(clean["id"], clean, None, user, "import"))
        return results

    def export_yaml(self) -> str:
        """The merged entries as YAML in the schema of ``knowledge/data/facts`` (reviewable in git)."""
        out = []
        for entry in sorted(self.entries().values(), key=lambda e: e.id):
            out.append(entry.model_dump(exclude_defaults=True, mode="json"))
        return yaml.safe_dump({"facts": out}, allow_unicode=True, sort_keys=False, width=120)

    def _exists(self, entry_id: str) -> bool:
        try:
            self.get(entry_id)
            return True
        except NotFound:
            return False

    def _write(self, entry_id: str, data: dict, expected: int | None, user: str, action: str,
               validate: bool = True) -> dict:
        key, hkey = ENTRY + entry_id, HISTORY + entry_id
        with self.client.pipeline(transaction=True) as pipe:
            while True:
                try:
                    pipe.watch(key, hkey)
                    raw = pipe.get(key)
                    staff = json.loads(raw) if raw else None
                    curated = self.kb.entries.get(entry_id)
                    if staff is not None:
                        current_version = staff["version"]
                    elif curated is not None:
                        current_version = 0
                    else:
                        current_version = None
                    if expected is None and current_version is not None and not (staff or {}).get("deleted"):
                        raise Conflict(self.get(entry_id))
                    if expected is not None and current_version != expected:
                        raise Conflict(self.get(entry_id, include_deleted=True) if current_version is not None
                                       else {"id": entry_id, "version": None})
                    now = time.time()
                    record = {**data, "id": entry_id, "version": (current_version or 0) + 1, "updated_by": user,
                              "updated_at": now, "action": action,
                              "origin": "edited" if curated is not None else "staff"}
                    pipe.multi()
                    if staff is None and curated is not None:
                        pipe.rpush(hkey, json.dumps({**from_entry(curated, self.kb), "origin": "curated",
                                                     "action": "curated", "updated_by": "knowledge/data",
                                                     "updated_at": None}, ensure_ascii=False))
                    pipe.set(key, json.dumps(record, ensure_ascii=False))
                    pipe.rpush(hkey, json.dumps(record, ensure_ascii=False))
                    pipe.sadd(IDS, entry_id)
                    pipe.xadd(AUDIT, {"id": entry_id, "version": record["version"], "action": action, "user": user,
                                      "at": f"{now:.3f}"}, maxlen=100_000, approximate=True)
                    pipe.incr(STAMP)
                    pipe.execute()
                    return record
                except redis.WatchError:
                    continue  # someone wrote in between: re-read and check the version again


def _staff_shape(raw: Any, kb: KnowledgeBase) -> Any:
    """Accept both the staff JSON shape and the ``knowledge/data`` entry shape (for import)."""
    if isinstance(raw, dict) and "source" not in raw and ("sources" in raw or "source_note" in raw):
        labels = [source_label(kb.sources[s], "en") for s in raw.get("sources", []) if s in kb.sources]
        if raw.get("source_note"):
            labels.append(raw["source_note"])
        raw = {**raw, "source": "; ".join(labels)}
    return raw


def _same(a: dict, b: dict) -> bool:
    keys = ("intent", "questions", "answer", "cities", "topics", "source")
    return all(a.get(k) == b.get(k) for k in keys)
