"""Pydantic schema of the curated knowledge base (``knowledge/data``).

Every statement the bot can make is a :class:`Fact`: a Thai and an English text plus the ids of the sources
it comes from and, where it can change, the date it was true as of. Thai texts write dates in the Buddhist
Era, English texts in the Common Era; structured dates are ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and
are rendered per language by :mod:`knowledge.dates`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
IntentName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: What a fact tells about its subject; question types map onto these (knowledge.catalogue).
ASPECTS = ("what", "when", "where", "who", "why", "how", "how_many", "how_much", "status", "plan", "focus",
           "result", "benefit", "target", "list")
Aspect = Literal[ASPECTS]  # type: ignore[valid-type]

DIMENSIONS = ("environment", "economy", "mobility", "energy", "people", "living", "governance")

_THAI = re.compile(r"[\u0e00-\u0e7f]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """The same text in Thai and English."""

    th: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.th if lang == "th" else self.en


class Sourced(Text):
    """A statement with its sources and, when it can change, the date it was true as of."""

    sources: list[NonEmpty] = Field(min_length=1)
    as_of: PartialDate | None = None


class Source(_Strict):
    id: NonEmpty
    publisher: NonEmpty
    title: str | None = None
    url: str | None = None
    date: str | None = None
    note: str | None = None


class Certification(_Strict):
    """When a city received the smart city logo, and in which batch (the statements are facts)."""

    date: PartialDate
    batch: Slug


class Smarts(_Strict):
    """How many of the 7 Smarts a city's plan covers, and which ones when the sources name them."""

    count: int = Field(ge=1, le=7)
    dimensions: list[Literal[DIMENSIONS]] = []  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _count_matches(self) -> "Smarts":
        if self.dimensions and len(self.dimensions) != self.count:
            raise ValueError(f"count is {self.count} but {len(self.dimensions)} dimensions are listed")
        return self


class City(_Strict):
    """A certified smart city area (the holder of one smart city logo): its identity, not its facts."""

    id: Slug
    name: Text
    short_name: Text
    aliases: list[NonEmpty] = Field(min_length=1)
    province: Slug
    pilot: bool = False
    coverage: Literal["province", "area"] = "area"
    certified: Certification
    smarts: Smarts | None = None
    website: str | None = None
    sources: list[NonEmpty] = Field(min_length=1)


class Dimension(_Strict):
    """One of depa's 7 smart city dimensions (what each means is a fact)."""

    id: Literal[DIMENSIONS]  # type: ignore[valid-type]
    name: Text
    aliases: list[NonEmpty] = []


EntityKind = Literal["organisation", "person", "event", "project", "concept"]
#: The kinds of question (intents/question.py) a fact can leave unanswered.
QuestionKind = Literal["who", "when", "where", "how_many", "how_much", "why", "how", "list"]


class Entity(_Strict):
    """Something facts are about, other than an area, a province or a dimension: its names and acronyms."""

    id: Slug
    kind: EntityKind
    name: Text
    short: Text | None = None
    aliases: list[NonEmpty] = []
    areas: list[Slug] = []
    # What an event belongs to (a meeting of the sub-committee): a fact about the meeting is about the
    # sub-committee too, so "เลขานุการคณะอนุกรรมการฯ ในการประชุม 6 พ.ค. 2564" finds the meeting's secretary.
    part_of: list[Slug] = []
    sources: list[NonEmpty] = []

    def label(self, lang: str) -> str:
        return (self.short or self.name).get(lang)


class Questions(_Strict):
    th: list[NonEmpty] = []
    en: list[NonEmpty] = []

    @field_validator("th")
    @classmethod
    def _thai_is_thai(cls, v: list[str]) -> list[str]:
        for q in v:
            if not _THAI.search(q):
                raise ValueError(f"Thai question has no Thai letters: {q!r}")
        return v


class Fact(_Strict):
    """One answerable statement: the unit the bot retrieves, curated here or written by staff.

    ``about`` names its subject entities (areas, organisations, people, events, projects, concepts,
    dimensions); ``answer`` is the direct answer, one or two short sentences; ``detail`` an optional longer
    explanation given when the user asks for more. Curated facts cite source ids; staff facts may instead
    carry ``source_note`` (free text, e.g. a press release and its address).
    """

    id: Slug
    intent: IntentName
    aspect: Aspect = "what"
    about: list[Slug] = []
    topics: list[NonEmpty] = []
    date: PartialDate | None = None
    questions: Questions = Questions()
    answer: Text
    detail: Text | None = None
    sources: list[NonEmpty] = []
    source_note: str | None = None
    as_of: PartialDate | None = None
    priority: int = 0
    # What the sources do not give about this fact's subject ("the date of meeting 2/2564 was not found"):
    # asked exactly that, the bot says it does not know, gives what is known, and the question reaches staff.
    unknown: list[QuestionKind] = []

    def answer_text(self) -> str:
        """Its answer sentences, Thai then English, as one text: what the fact states."""
        return f"{self.answer.th} {self.answer.en}"

    def texts(self, questions: bool = True) -> tuple[str, ...]:
        """Every text it is written in: its example questions (unless ``questions`` is false), its answer and
        its detail, each language apart."""
        told = (self.answer.th, self.answer.en, *((self.detail.th, self.detail.en) if self.detail else ()))
        return (*self.questions.th, *self.questions.en, *told) if questions else told

    def text(self, questions: bool = False) -> str:
        """What it tells (answer and detail), with its example questions when ``questions`` is true, as one
        text: what the checks of whether it holds something read."""
        return " ".join(self.texts(questions))

    @model_validator(mode="after")
    def _has_a_source(self) -> "Fact":
        if not self.sources and not (self.source_note or "").strip():
            raise ValueError("a fact needs sources (ids) or a source_note")
        return self


#: Staff edit facts under the name they know: an FAQ entry.
Entry = Fact


class FaqAnswer(_Strict):
    th: str = ""
    en: str = ""


class FaqEntry(BaseModel):
    """An entry as staff edit it (the ``/admin/api/faq`` JSON contract)."""

    model_config = ConfigDict(extra="ignore")

    id: Slug
    intent: IntentName | None = None
    questions: Questions = Questions()
    answer: FaqAnswer = FaqAnswer()
    detail: FaqAnswer | None = None  # given when someone asks for more ("รายละเอียดเพิ่มเติม")
    cities: list[Slug] = []
    topics: list[NonEmpty] = []
    source: str = ""
    version: Annotated[int, Field(ge=0, strict=True)] = 0

    @model_validator(mode="after")
    def _complete(self) -> "FaqEntry":
        problems = []
        if not self.questions.th and not self.questions.en:
            problems.append("add at least one question (Thai or English)")
        if not self.answer.th.strip() and not self.answer.en.strip():
            problems.append("write the answer in at least one language")
        if not self.source.strip():
            problems.append("name the source of the answer")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Province(_Strict):
    """A place name the bot recognises (a province or a well-known town), not a fact to state."""

    id: Slug
    th: NonEmpty
    en: NonEmpty
    aliases: list[NonEmpty] = []
    kind: Literal["province", "town", "district", "area"] = "province"
    province: Slug | None = None  # the province a town belongs to
