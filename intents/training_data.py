"""Load and check the intent training examples in ``intents/data/*.yaml``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .normalize import detect_language, has_thai, normalize

DATA_DIR = Path(__file__).parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
OUT_OF_SCOPE = "out_of_scope"

__all__ = ["IntentFile", "Example", "TrainingData", "TrainingDataError", "load_training_data", "OUT_OF_SCOPE"]


class TrainingDataError(ValueError):
    """Training content is invalid; the message names the file and the example."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid training data:\n  " + "\n  ".join(problems))


class _Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    th: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class IntentFile(BaseModel):
    """One intent: its name, what it means, and its examples per language."""

    model_config = ConfigDict(extra="forbid")
    intent: str
    description: str
    examples: _Examples

    @field_validator("intent")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", v):
            raise ValueError("intent names are lower_snake_case")
        return v


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    lang: str
    source: str  # file the example came from


@dataclass
class TrainingData:
    intents: dict[str, IntentFile]
    examples: list[Example]

    def fingerprint(self) -> str:
        """A hash of every example, so a cached model is rebuilt when the data change."""
        h = hashlib.sha256()
        for ex in sorted(self.examples, key=lambda e: (e.intent, e.lang, e.text)):
            h.update(f"{ex.intent}\t{ex.lang}\t{ex.text}\n".encode())
        return h.hexdigest()[:16]

    def with_extra(self, extra: list[Example]) -> TrainingData:
        """These examples plus ``extra`` (staff entries' phrasings); curated data wins where a phrasing of
        ``extra`` is, once normalised, already an example of another intent."""
        if not extra:
            return self
        seen = {normalize(ex.text): ex.intent for ex in self.examples}
        examples = list(self.examples)
        for ex in extra:
            key = normalize(ex.text)
            if seen.setdefault(key, ex.intent) != ex.intent:
                continue
            examples.append(ex)
        return TrainingData(self.intents, examples)


def load_training_data(data_dir: Path | str = DATA_DIR, extra: list[Example] | None = None,
                       min_th: int = 1, min_en: int = 1) -> TrainingData:
    """Read every intent file and check it; raise :class:`TrainingDataError` listing every problem.

    Checks: schema, an intent without Thai or English examples (fewer than ``min_th``/``min_en``), Thai
    examples without Thai letters, and the same (normalised) example under two intents or twice in one.
    """
    problems: list[str] = []
    intents: dict[str, IntentFile] = {}
    examples: list[Example] = []
    seen: dict[str, tuple[str, str]] = {}
    for path in sorted(Path(data_dir).glob("*.yaml")):
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
            item = IntentFile.model_validate(raw)
        except (yaml.YAMLError, ValidationError, OSError) as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        if item.intent in intents:
            problems.append(f"{path.name}: intent {item.intent} is defined twice")
        intents[item.intent] = item
        if len(item.examples.th) < min_th:
            problems.append(f"{path.name}: intent {item.intent} has {len(item.examples.th)} Thai examples "
                            f"(needs {min_th})")
        if len(item.examples.en) < min_en:
            problems.append(f"{path.name}: intent {item.intent} has {len(item.examples.en)} English examples "
                            f"(needs {min_en})")
        for lang, texts in (("th", item.examples.th), ("en", item.examples.en)):
            for text in texts:
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"{path.name}: intent {item.intent}: empty example")
                    continue
                if lang == "th" and not has_thai(text):
                    problems.append(f"{path.name}: intent {item.intent}: Thai example has no Thai: {text!r}")
                if lang == "en" and detect_language(text) != "en":
                    problems.append(f"{path.name}: intent {item.intent}: English example is Thai: {text!r}")
                key = normalize(text)
                if key in seen:
                    other_intent, other_file = seen[key]
                    what = "twice" if other_intent == item.intent else f"also under {other_intent} ({other_file})"
                    problems.append(f"{path.name}: intent {item.intent}: example {text!r} appears {what}")
                    continue
                seen[key] = (item.intent, path.name)
                examples.append(Example(text, item.intent, lang, path.name))
    if OUT_OF_SCOPE not in intents and not problems:
        problems.append(f"no {OUT_OF_SCOPE} intent: the classifier needs negative examples")
    if problems:
        raise TrainingDataError(problems)
    return TrainingData(intents, examples).with_extra(extra or [])
