"""One turn's state: what the message asks (_Asked), what it is answered with (_Turn), and a step's result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intents.entities import Entities
from intents.nlu import Understanding
from intents.question import QuestionType
from knowledge.schema import Fact
from knowledge.retrieval import Hit
from knowledge.snapshot import Snapshot

from ..context import Context
from ..reply import Reply


@dataclass
class _Turn:
    u: Understanding
    ctx: Context
    lang: str
    snap: Snapshot
    told: Fact | None = field(init=False)  # the fact the last answer gave, if it is still in the knowledge
    claim: str | None = None  # the last yes/no question's claim, which a follow-up naming another area repeats

    def __post_init__(self) -> None:
        self.told = self.snap.facts.get(self.ctx.last_fact) if self.ctx.last_fact else None


@dataclass
class _Asked:
    """What one message asks, as the steps of :meth:`Dialogue.answer` read it: each step may refine it (a
    pronoun resolved, the last question asked again for a new name) before the next one reads it."""

    ent: Entities
    qt: QuestionType
    subjects: list[str] = field(default_factory=list)  # what it is about, resolved (at most 3)
    notions: set[str] = field(default_factory=set)  # the subjects that are dimensions or concepts
    nth: re.Match[str] | None = None  # "the second one"
    unresolved: bool = False  # "the second one" with no list to point into
    remainder: str = ""  # the question with its names removed, synonyms written out
    names_only: bool = False  # it only names something ("แล้วภูเก็ตล่ะ")
    short: bool = False
    off_topic: str | None = None  # an off-topic cue ("weather")
    query_text: str = ""  # the question searched for: the remainder, or the last question for a follow-up
    kind: str | None = None  # question type searched for
    yes_no: bool = False
    qualifier: str | None = None  # "first_five"
    asked_years: frozenset[int] = frozenset()
    year_only: bool = False  # "and in 2022?"
    now_only: bool = False  # "and now?", "แล้วตอนนี้ล่ะ"
    follow_up: bool = False  # the last question again, for another name or year
    context: list[str] = field(default_factory=list)  # the conversation's subjects, when the question names none
    cue: str | None = None  # an off-topic or unknown word: the question is about something the bot lacks
    listed: list[str] = field(default_factory=list)  # the areas of the last answer
    intents: dict[str, float] = field(default_factory=dict)
    years: frozenset[int] = frozenset()  # the years the search is for
    cities: list[str] = field(default_factory=list)  # the subjects that are areas
    person: str | None = None  # "who" right after an answer about one person: that person
    area_of: bool = False  # the area is named by its organisation: "the city that EGAT runs"
    post_of: tuple[Fact, str] | None = None  # the overview of the person named whose post is asked, and who
    asking_only: bool = False  # "by when?": only a question word, about the last answer
    hit: Hit | None = None  # the fact found
    placed: bool = False  # "ที่ 2 ใคร" right after a ranking: which area took that place in it
    event: str | None = None  # the event of the day of the fact just given, when "where?" or "who?" asks about it
    carried: list[str] = field(default_factory=list)  # what the last question named besides the areas a follow-up replaced


_Result = tuple[Reply, "Context | None", "str | None"]
