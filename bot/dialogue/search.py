"""Retrieval: the years searched for, the best fact for the question, the checks that pass a candidate over (a province
with no known area, another subject), and a subject's overview."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from intents.features import tokenize
from intents.normalize import has_latin, has_thai
from intents.question import is_bare_yes_no_follow_up, is_definition, is_yes_no
from intents.vocabulary import RARE_SHARE
from knowledge.polarity import counted, days_named, months_named, units_asked
from knowledge.answerable import (NEED_REASONS, POSTS_ASKED, asks_to_come, counted_words, stem, uncovered, unstated,
                                  why_not)
from knowledge.schema import Fact
from knowledge.retrieval import _EITHER_OR, MANY_AREAS, OWN_PHRASING, S_ALL, S_MATCH, Hit, Query
from knowledge.snapshot import Snapshot

from .reading import (CLOSE_WORDS, _picked, _MONEY, _MONEY_ASKED, _REFERS_BACK, _TOTAL_ASKED, _PLACE_OR_SCORE, _IT,
                      _PERSON_PRONOUN, _WHICH_OF, _years_in, _TOLD_FILLER, _KIND_NOUN, _TH_ASKING, _EN_STOP,
                      SEVEN_SMARTS)
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

PERSON_MIN_WORDS = 0.4  # words a "who" follow-up needs to point past the one person of the last answer
CUE_MIN_WORDS = 0.35  # lexical similarity a question with an off-topic or unknown word needs to be answered
SHARED_MARGIN = 0.25  # how far below a city's fact of an event the event's own fact may score and still answer
BEST_LIMIT = 3  # the facts a question is tried against, best first (several may not hold what it asks)
# ...and this many when each one passed over was the right kind of fact for another instance (another year's count,
# a count where a list is asked): "ปี 2568 มีเมืองใหม่กี่เมือง" passes over the totals of other years for that year's
DEEPER_LIMIT = 5
# ...and this many when each one passed over lacked the very thing asked for (a chair, kinds, a fare): "เมืองอัจฉริยะ
# มีกี่แบบ" is nearer the counts of areas than the fact that there are two types, which the counts do not give.
NEEDS_LIMIT = 8
# (a fact that far down must be near the question's words and of no other kind than asked: "who holds Khon Kaen's
# logo" is not answered by the fact that Khon Kaen holds it, nor "Mae Moh's overall rank" by its budget)
NEEDS_MIN_WORDS = 0.3
# ("it gives no superlative": a top-three list of another year's index is passed over for that before its year
# is read; the facts further down must still be of the kind passed over and hold the first place themselves)
_ANOTHER_INSTANCE = frozenset({"it names no list", "it tells of another year", "it is about another year's index",
                               "it gives a running total, not those added", "it gives no count added that year",
                               "it gives no superlative"})
# A fact this far from the question's words, which mentions none of the words that say what the question is
# about ("festival", "ติดตั้งกล้อง"), was found by its subject and question type alone: a neighbour, not the answer.
COVER_MIN_WORDS = 0.15
ALL_NAMED_MARGIN = 0.15  # how far below the best a fact about every thing the question names may score and win

# an amount on top of one given: "how much more", "any extra funding requested", "ขอเพิ่มอีกเท่าไหร่"
_MORE_AMOUNT_ASKED = re.compile(r"\bhow (much|many) more\b|\b(more|extra|additional|further)\b.{0,20}\b(request|ask|sought|want|need)|"
                          r"\b(request|ask|sought|want|need)\w*\b.{0,12}\b(more|extra|additional|further)\b|"
                          r"ขอ(งบ)?เพิ่ม|เพิ่มอีก|อีกเท่า")
_MORE_AMOUNT_SAID = re.compile(r"\bmore\b|\bfurther\b|\badditional\b|\bextra\b|เพิ่ม")


# A question that asks which city ("which city scored highest", "เมืองไหนได้ที่ 1") is answered by a fact about
# one city without naming it: that is no reason to ask "which city?".
_ASKS_WHICH = re.compile(r"\bwhich ([\w-]+ )?(city|cities|area|areas|place|places|one|ones)\b|\bwho\b|เมืองใด|เมืองไหน|"
                         r"พื้นที่ใด|พื้นที่ไหน|(ใด|ไหน)บ้าง|รายชื่อ|ใคร|อันดับ 1|ที่ 1|"
                         r"สูงสุด|\bhighest\b|\btop\b|\bbest\b|\bfirst\b")
_WHO = re.compile(r"\bwho\b|ใคร")
# A place in a ranking: "ใครได้ที่ 2", "who came second", "who won", "อันดับ 3".
_RANKED = re.compile(r"(ได้ที่|อันดับ|ลำดับ|ที่)\s*\d|\b(first|second|third|fourth|fifth|\d(st|nd|rd|th)|top|best|highest|"
                     r"lowest|won|win|wins|beat|led|leads?|ranked|came)\b|สูงสุด|ต่ำสุด|ชนะ|นำด้าน|เป็นผู้นำ", re.I)


def _asks_which_area(text: str) -> bool:
    """Whether a question asks which area ("which city scored highest", "ใครได้ที่ 2"), not for an owner or a
    person ("ใครเป็นเจ้าของโครงการ")."""
    return bool(_ASKS_WHICH.search(_WHO.sub(" ", text)) or (_WHO.search(text) and _RANKED.search(text)))


# "how long is it", "ยาวกี่กิโล" about a route or a line: its length (not how long something lasts or takes)
_LENGTH_ASKED = re.compile(r"ความยาว|ยาว\s*(กี่|เท่า|ประมาณ|ราว)|กี่\s*(กม|กิโล)|ระยะทาง(?!จาก)|\blength\b|"
                           r"\bhow many (km|kms|kilomet(er|re)s)\b|\bhow long\b(?!.*\b(take|took|takes|ago|last|lasts|lasted|"
                           r"valid|stay|stayed|wait|since|until|before|after|term|run for)\b)")
_LENGTH = re.compile(r"\d\s*(กม\.|กิโลเมตร|km\b)")

_THERE_IS = re.compile(r"\b(is|are|was|were) there\b|\bthere (is|are|was|were)\b")  # ("how many are there")

_THIS = re.compile(r"นี้|นั้น|\b(this|these|those)\b")
# "แล้วใครได้อันดับ 1 ล่ะ", "and who came first?": a message that goes on from the last answer.
_GOES_ON = re.compile(r"^\s*(แล้ว|และ)|ล่ะ\s*\??\s*$|^\s*(and|what about|how about)\b")

# A budget asked, and a fact that tells of one (not only what a project costs).
# ("how much did the city's programme cost": what it spent, which one project's cost is not)
_BUDGET_ASKED = re.compile(r"งบ|ใช้เงิน|ลงทุน|\bbudget|\bfunding\b|\bfunded\b|\bspen[dt]|\binvest|\bcost(?:s|ed)?\b", re.I)
_BUDGET_SAID = re.compile(r"งบ|ลงทุน|\bbudget|\bfund|จัดสรร|\ballocat|\bslated\b|\binvest", re.I)

_TOTAL_SAID = re.compile(r"รวม|ทั้งหมด|\b(total|in all|altogether|bringing|cumulative\w*)\b")

# "which one is about …", "อันไหนเกี่ยวกับ…" with the thing named removed: which of a kind is that thing.
_WHICH_ONE_IS = re.compile(r"^\s*(?:so |and |ok |okay )?(?:which(?: one)?(?: of them| of the (?:7|seven) smarts)?"
                           r"(?: is| deals with| covers| has to do with)?(?: about| for)?|(?:แล้ว)?(?:อัน|ข้อ|ด้าน)ไหน"
                           r"(?:ที่)?(?:เป็น|คือ)?(?:เรื่อง|เกี่ยวกับ|ว่าด้วย)?)\s*[?]*\s*$")
# "what cities got the smart city logo": which places, not what the thing named is.
_PLACES_ASKED = re.compile(r"\b(?:what|which) (?:cities|areas|places|provinces|towns)\b")
_NAME_ASKED = re.compile(r"ชื่อ\S{0,8}(อะไร|ไร|ว่า|ใด)|\b(is it|it is|it's|is that|is this) called\b|"
                         r"\b(what|which)('s|s| is) (its|the) name\b|\bname it\b")


# "who runs it", "ใครดูแล": the bodies behind an area, not a person ("ใครเป็นนายก" names a post: not this)
_RUNS_ASKED = re.compile(r"ดูแล|ขับเคลื่อน|รับผิดชอบ|(?<!ผู้)บริหาร|ดำเนินการ|\b(runs?|running|in charge|behind|manages?|managing|"
                         r"operates?|drives?|driving|responsible)\b", re.I)


# A person named in an answer by a title ("ผู้ดูแลงานของดีป้าในภูเก็ตคือ ประชา อัศวธีระ" is said with none: by its
# verb, "is ... who oversees")
_PERSON_TITLED = re.compile(r"นาย|นาง|ดร\.|รศ\.|ผศ\.|ศ\.|พล\.|ผู้ดูแลงาน|ผู้อำนวยการ|\b(mr|mrs|ms|dr|prof|gen|director|"
                            r"chairman|president|head|heads|mayor|governor)\b", re.I)
# ...unless a person is what is asked for ("who's the main person", "ผู้บริหารคนไหน", "รองอธิการฯ")
_PERSON_ASKED = re.compile(r"คนไหน|ผู้บริหาร|รองอธิการ|อธิการ|ผู้รับ|ขึ้นรับ|\b(person|people|guy|man|woman|name)\b", re.I)

_BACK_THEN = re.compile(r"ตอนนั้น|ช่วงนั้น|สมัยนั้น|ขณะนั้น|ในเวลานั้น|ปีนั้น|\b(back then|at (that|the) time|in those days|"
                        r"that year)\b")

# Where a preface ends and the question begins: a sentence's end, or ", so why...", ", but what...".
# (English only: Thai has no sentence marks, and the point of "7 พ.ย. 64" ends nothing)
_PREFACE_END = re.compile(r"(?<=[a-z0-9)\"'][.?!])\s+(?=[a-z])|,\s*(?:so|but|then)\s+(?=[a-z])", re.I)
_WH_WORD = re.compile(r"\b(?:what|whats|what's|which|when|where|who|why|how)\b", re.I)


def _asking_weighed(text: str) -> str:
    """``text`` with its asking clause said twice when a statement comes before it ("people in Khon Kaen say it
    has been a smart city for years. why was it only certified in 2021?"): the question's words weigh more than
    the preface's, which another fact (why people said so) matches as well."""
    if has_thai(text):
        return text
    parts = [p for p in _PREFACE_END.split(text.strip()) if p.strip()]
    if len(parts) < 2 or not _WH_WORD.search(parts[-1]) or any(_WH_WORD.search(p) for p in parts[:-1]):
        return text
    return f"{text} {parts[-1]}"


def _plural_unsaid(head: str, fact: Fact) -> bool:
    """Whether an English plural a count question counts ("how many bus stops": "stops", the last word) is
    neither in what the fact says nor, as written, in its phrasings: those that ask when the bus stopped
    ("when did the bus stop") are close in words, but the fact counts no stops."""
    if not (head.isascii() and head.endswith("s") and not head.endswith("ss")) or not unstated([head], fact):
        return False
    return re.search(rf"\b{re.escape(head)}\b", fact.text(questions=True).casefold()) is None


# Words that ask where something is, not what about it: "where is it located", "ตั้งอยู่ตรงไหน"
_WHERE_LOCATED = re.compile(r"ตั้งอยู่|\b(located|location|situated|based)\b")
_SCORE_ASKED = re.compile(r"คะแนน|เปอร์เซ็น|ร้อยละ|%|\b(scores?|scored|percent|percentage)\b", re.I)


def units_stated(text: str) -> set[str]:
    """The units of the figures ``text`` states ("76.78%" gives "percent")."""
    return {unit for _, unit in counted(text)}


# What asks what something is, in a definition question ("คือไรหรอ", "what is it?").
_WHAT_IT_IS = re.compile(r"คือ|อะไร|ไร|หมายถึง|\bwhat\b|\bwho\b|\bmeans?\b|\bmeaning\b", re.I)


#: Why a fact gives no figure a "how many" or "how much" question asks for.
_NO_FIGURE = frozenset({"it gives no count", "it gives no sum of money"})


class SearchSteps:
    """Dialogue's methods for this job: retrieval: the years searched for, the best fact for the question, the checks
    that pass a candidate over (a province with no known area, another subject), and a subject's overview."""

    def _read_years(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """The intents and years the search is for: a follow-up's, "back then", the year of a running total."""
        u, ctx = turn.u, turn.ctx
        # "แล้วภูเก็ตล่ะ" asks the same kind of question as before: the last answer's intent, not the
        # classifier's reading of a bare name.
        a.intents = {ctx.last_intent: 1.0} if a.follow_up and ctx.last_intent else dict(u.ranking)
        last = turn.told
        if a.year_only and ctx.last_query and last is not None and last.about[0] in turn.snap.kb.entities \
                and turn.snap.kb.entities[last.about[0]].kind == "person":
            # "and 2023-24?" after who chaired in 2020-22, answered by that chair's own fact: the question asked
            # again is of the kind the question was, not of the kind of that person's fact (another person's
            # fact of that kind may not be the one that answers for the other years)
            a.intents = dict(self.nlu.parse(ctx.last_query).ranking)
        if a.now_only:
            # "and now?": the question asked again of today reads as that question does (the intent of the
            # year's answer, a meeting's, is not today's)
            a.intents = dict(self.nlu.parse(a.query_text).ranking)
        a.years = a.asked_years
        if a.names_only and a.follow_up and not a.years and ctx.last_query:
            # "Samyan's score in 2566" then "แล้ววังจันทร์ล่ะ": the year asked is asked again, with the question.
            a.years = _years_in(ctx.last_query)
        if not a.years and ctx.last_query and (a.placed or (
                turn.told is not None and turn.told.intent == "rankings" and not a.ent.subjects and not a.ent.places
                and not a.follow_up and _PLACE_OR_SCORE.search(u.normalized))):
            # ("วังจันทร์ได้ที่ 1 ปี 2024 ไหม" then "ที่ 2 ใคร", "who won TSCCI 2024?" then "what was its score":
            # in 2024, the ranking just given, not the one of another year; a new topic, "green space per person",
            # keeps no year)
            a.years = _years_in(ctx.last_query)
        told = turn.told.date if turn.told is not None else None
        if not a.years and told and _BACK_THEN.search(u.normalized):
            a.years = frozenset({int(told[:4])})  # "who chaired it back then": the year of what was just told
        if not a.years and not a.subjects and not a.ent.places and "how_many" in a.qt.kinds and ctx.last_query \
                and _TOTAL_ASKED.search(u.normalized):
            # "รวมเป็นกี่เมืองแล้ว" right after the 2022 batch: the total as of the year just asked about
            told_years = self._fact_years(turn.told) if turn.told is not None else frozenset()
            a.years = _years_in(ctx.last_query) or (frozenset({int(told[:4])}) if told else frozenset()) or (
                told_years if len(told_years) == 1 else frozenset())  # ("the 2022 batch": the year its answer says)

    def _search(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """The best fact for the question, then checks that it answers this question in this conversation."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "and in 2024?" after an answer about 2023: the fact just given is about another year, not an answer.
        said_years = _years_in(ctx.last_query) \
            if ctx.last_query and a.years else frozenset()
        other_year = bool(said_years) and not a.years & said_years
        # "and how much more was requested?", "ขอเพิ่มอีกเท่าไหร่" right after a sum: an amount beyond the one just
        # given, which that answer does not hold unless it tells of one added
        beyond_told = turn.told is not None and not a.subjects and bool(_MORE_AMOUNT_ASKED.search(u.normalized.casefold())) \
            and not _MORE_AMOUNT_SAID.search(turn.told.answer_text().casefold())
        # "แม่เมาะมี 7 smarts ใช่มั้ย": with the names gone, "มี ใช่มั้ย" says nothing of what is asked; its words
        # would pick whichever fact's example questions say "มี...ใช่มั้ย" most (the developer), not the Smarts
        bare = len(a.subjects) == 2 and SEVEN_SMARTS in a.subjects and not a.follow_up \
            and is_bare_yes_no_follow_up(re.sub(r"จริง|\b(really|true)\b", " ", a.query_text))
        a.hit = self._best(snap, Query("" if a.asking_only or bare else _asking_weighed(a.query_text), reply_lang, a.subjects,
                                     a.context, a.kind,
                                     a.intents, a.years, None if a.subjects or a.year_only or a.now_only or beyond_told
                                     else ctx.last_fact),
                         a.cue, skip=ctx.last_fact if other_year or a.now_only or beyond_told or (
                             "how_many" in a.qt.kinds and turn.told is not None and not a.subjects
                             and self._only_added(turn.told, u.normalized)) else None)
        if beyond_told and a.hit is not None and not _MORE_AMOUNT_SAID.search(a.hit.fact.answer_text().casefold()):
            # (the next facts that pass, for one that tells of an amount added: "a further 1,000 million requested")
            passed = {ctx.last_fact or "", a.hit.fact.id}
            for _ in range(2):
                added = self._best(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years),
                                   a.cue, skip=passed)
                if added is None:
                    break
                if _MORE_AMOUNT_SAID.search(added.fact.answer_text().casefold()):
                    a.hit = added
                    break
                passed.add(added.fact.id)
        if a.carried and (a.hit is None or not set(a.carried) & set(a.hit.fact.about)):
            # ("how about Khon Kaen then?" after the ASEAN network: Khon Kaen's fact of that network, when there is
            # one, not another of its facts that shares a word of the question)
            # (the fact about both may share no word with the question carried over, "does include?": being
            # about both is what it has to go on)
            both = [f for f in snap.index.about(a.subjects[0]) if set(a.subjects) <= set(f.about)
                    and why_not(a.query_text, f, a.kind, years=a.years) is None]
            own = [f for f in both if f.about[0] == a.subjects[0]] or both  # (its own, not the network's overview)
            if len(own) == 1:
                a.hit = _picked(own[0])
        told = turn.told
        if a.follow_up and a.names_only and a.hit is not None and told is not None and len(a.subjects) == 1 \
                and a.subjects[0] in snap.kb.cities and set(told.about) & set(snap.kb.cities) \
                and (a.hit.fact.intent, a.hit.fact.aspect) != (told.intent, told.aspect):
            # "แล้วภูเก็ตล่ะ" right after Khon Kaen's certification date: Phuket's own fact of that kind (its
            # certification), not whichever of its facts shares the most words with the question asked again
            # (the ICT ministry's 2003 project "since" it)
            same = [f for f in snap.index.about(a.subjects[0])
                    if (f.intent, f.aspect) == (told.intent, told.aspect) and f.about[0] == a.subjects[0]]
            if len(same) == 1:
                a.hit = _picked(same[0])
        if a.kind == "list" and a.subjects == [SEVEN_SMARTS] and not a.yes_no and a.hit is not None \
                and len(self._dimensions_named(snap, a.hit.fact)) < len(snap.kb.dimensions):
            # "list the 7 smarts": the fact that names all seven, not one about other lists that share the word
            # "list" ("criteria that do not match the standard 7")
            whole = [f for f in snap.index.about(SEVEN_SMARTS) if f.aspect == "list" and f.about[0] == SEVEN_SMARTS
                     and len(self._dimensions_named(snap, f)) == len(snap.kb.dimensions)]
            if whole:
                a.hit = _picked(whole[0])
        area = a.subjects[0] if len(a.subjects) == 1 and a.subjects[0] in snap.kb.cities \
            else a.context[0] if not a.subjects and a.context and a.context[0] in snap.kb.cities else None
        person_told = a.hit is not None and (any(x in snap.kb.entities and snap.kb.entities[x].kind == "person"
                                                 and x not in a.subjects for x in a.hit.fact.about)
                                             or _PERSON_TITLED.search(a.hit.fact.answer_text()) is not None)
        if area is not None and a.kind == "who" and not a.yes_no and person_told and _RUNS_ASKED.search(u.normalized) \
                and not POSTS_ASKED.search(u.normalized) and not _PERSON_ASKED.search(u.normalized):
            # "who runs Phuket smart city?": the bodies that drive it (depa, the province, PKCD), not one
            # chairman of one of them whose own overview names the area too
            def kinds(fact: Fact) -> list[str]:
                return [snap.kb.entities[x].kind for x in fact.about if x in snap.kb.entities]

            runners = [f for f in snap.index.about(area) if f.intent == "city_developer" and f.aspect == "who"
                       and f.about[0] == area and "person" not in kinds(f)]
            if runners:  # (the one naming the most of the bodies: the area's developers, not one of them)
                a.hit = _picked(max(runners, key=lambda f: (kinds(f).count("organisation"), f.id == f"{area}-developer")))
        money_only = a.kind == "how_much" and not a.subjects and not a.follow_up \
            and not self._asked_words(_MONEY_ASKED.sub(" ", a.query_text.casefold()))
        if a.hit is None and (a.asking_only or money_only) and a.kind is not None and a.context:
            # "how much?", "who opened it?" right after an answer about a project: with no words of its own to
            # match, the conversation's own subject is searched alone, and a fact of it that holds the kind of
            # thing asked (a sum, a name, a date) answers. So does "งบเท่าไหร่", "what did it cost" (only a sum).
            focus = next((x for x in a.context if x not in snap.index.concepts and x not in snap.kb.dimensions), None)
            found = self._best(snap, Query(a.query_text, reply_lang, [], a.context, a.kind, a.intents, a.years),
                               a.cue, only=focus) if focus is not None else None
            if found is not None and self._holds_kind(snap, found.fact, a.kind):
                a.hit = found
        if a.hit is None and money_only and a.context:
            # "งบเท่าไหร่" right after Tram Noy's opening year: the one fact of the project (or event, or
            # organisation) discussed, mainly about it, that states a sum is what it cost; none, or several, and
            # the question stays unanswered.
            thing = next((x for x in a.context[:1] if x in snap.kb.entities
                          and snap.kb.entities[x].kind in ("project", "event", "organisation")), None)
            sums = [f for f in snap.index.about(thing) if f.about[0] == thing and "how_much" not in f.unknown
                    and _MONEY.search(f.answer_text().casefold())] if thing is not None else []
            if len(sums) == 1:
                a.hit = _picked(sums[0])
        if not a.subjects and not a.ent.places and a.context and a.context[0] in snap.kb.cities and a.kind == "why" \
                and not a.yes_no and (a.hit is None or a.context[0] not in a.hit.fact.about):
            # "ทำไปทำไมอ่ะ" right after who develops Mae Moh: why Mae Moh does it (its own reason), not why the state
            # awards the logo at all
            own = [f for f in snap.index.about(a.context[0]) if f.aspect == "why" and f.about[0] == a.context[0]]
            if len(own) == 1:
                a.hit = _picked(own[0])
        if a.hit is not None and not a.subjects and a.context and a.kind == "why" and a.hit.words < NEEDS_MIN_WORDS \
                and not set(a.hit.fact.about) & {y for x in a.context for y in (x, *snap.index.related.get(x, ()))}:
            # "ทำไมไม่ได้ที่ 1" right after an area's rank: a reason about none of what the conversation is on, and
            # far from the question's words, is another question's ("why certification began only in 2021")
            a.hit = None
        if a.hit is not None and self._in_another_province(snap, a, a.hit.fact, u.normalized):
            # "เชียงใหม่เมืองเก่าได้คะแนนเท่าไหร่" (a province named, no area of it known by that name): Phuket's
            # score is no answer about anywhere in Chiang Mai
            a.hit = None
        if a.person is not None and (a.hit is None or (a.person not in a.hit.fact.about and a.hit.words < PERSON_MIN_WORDS)):
            # (one that holds what is asked: "who sits on it?" after the chair's fact is not the chair's fact again)
            a.hit = next((h for h in snap.index.search(Query(a.query_text, reply_lang, [a.person], [], a.kind, a.intents), 3)
                        if a.person in h.fact.about and (h.words >= OWN_PHRASING or why_not(
                            a.query_text, h.fact, a.kind, years=a.years, yes_no=a.yes_no) not in NEED_REASONS)), a.hit)
        if a.hit is not None and a.context and not a.subjects and not a.follow_up and not a.asking_only and not a.years \
                and len(set(a.hit.fact.about) & set(snap.kb.cities)) >= 3 and set(a.hit.fact.about) & set(a.context) \
                and not _REFERS_BACK.search(_THERE_IS.sub(" ", u.normalized)) and not _THIS.search(u.normalized) \
                and not _GOES_ON.search(u.normalized.casefold()):
            # "how many smart cities are there now" after Phuket: a fact about many areas, found because the one
            # discussed is among them, is no answer when a fact about none fits the words as well: a new question.
            alone = self._best(snap, Query(a.query_text, reply_lang, [], [], a.kind, a.intents), a.cue)
            if alone is not None and alone.fact.id != a.hit.fact.id and not alone.ambiguous \
                    and alone.words >= a.hit.words and not set(alone.fact.about) & set(snap.kb.cities):
                a.hit, a.context = alone, []
        # (the things meant: the person "he" was read as, or the conversation's subjects)
        meant = a.subjects or a.context
        # (Thai leaves "it" out: "ใครมาเปิด" right after the bus's opening day asks who opened the bus)
        # (a project or organisation the conversation is on; an event only when the user named it: an answer's
        # meeting or ceremony is often only when something happened, and "how long is it valid" is about the logo)
        thing_meant = bool(meant) and meant[0] in snap.kb.entities and (
            snap.kb.entities[meant[0]].kind in ("project", "organisation")
            or snap.kb.entities[meant[0]].kind == "event" and meant[0] in ctx.named)
        if not a.ent.subjects and not a.ent.places and meant and not a.follow_up \
                and not a.asking_only and (a.hit is None or a.hit.words < OWN_PHRASING) \
                and (_IT.search(_THERE_IS.sub(" ", u.normalized)) or _PERSON_PRONOUN.search(u.normalized)
                     or thing_meant and not a.subjects and not has_latin(u.normalized) and meant[0] in ctx.named):
            # "when did it end" after the Phuket Sandbox, "when does it open" after a Samyan block, "when did his
            # term end" after depa's president: "it" ("he") is what the conversation is about, so a fact about
            # none of it (the National Strategy's years, when applications opened) answers another question.
            near = set(meant) | {r for x in meant for r in snap.index.related.get(x, ())}
            # (the thing "it" stands for, when it is one the knowledge base has facts of: a project, an event, an
            # organisation; not an area, where "it" may be a block or a building of it the bot knows nothing of)
            focus = meant[0] if thing_meant else None
            if a.hit is None or not set(a.hit.fact.about) & near or (
                    focus is not None and focus not in a.hit.fact.about
                    and snap.kb.entities[focus].kind in ("project", "event")):
                # ("when did it first start" after the smart bus's fare: the general programme's start is not
                # the bus's; "who opened it" after the 2018 expo: not who opened the city's bus; "who owns it"
                # after KKTS: not the city's mayor. The question is asked of that thing, as if named: the best
                # fact about it may answer, when it passes on its own.)
                found = self._best(snap, Query(a.query_text, reply_lang, [focus], [], a.kind, a.intents, a.years),
                                   a.cue, only=focus) if focus is not None and not a.subjects else None
                if found is not None and not self._holds_kind(snap, found.fact, a.kind) or found is not None \
                        and turn.told is not None and found.fact.id == turn.told.id \
                        and self._asks_beyond(turn.told, a.query_text):
                    # ("where's its office" after the office's overview, which gives no place; "when did it end"
                    # after the sandbox's start: the answer just given does not say it)
                    found = None
                # (a fact about the city of the project or event meant, and not about it, answers for another
                # thing of the city: the light rail's length is not Tram Noy's)
                # (unless it is about no other project and says every word few facts use that the question asks
                # about, and nothing of the thing meant answers: "what do they do with the gypsum" after the Mae Moh
                # plant's closing is Mae Moh's gypsum, a fact of the area and EGAT; "how many stations" after Tram
                # Noy is not the main line's)
                topic = self.vocabulary.distinctive(tokenize(a.query_text), snap.word_facts, len(snap.facts)) \
                    if self.vocabulary is not None and a.hit is not None and found is None \
                    and not set(a.hit.fact.about) & snap.index.projects else []
                says_all = bool(topic) and a.hit is not None and not unstated(topic, a.hit.fact)
                a.hit = found if found is not None or a.hit is None or not set(a.hit.fact.about) & near or (
                    focus is not None and snap.kb.entities[focus].kind == "project" and not says_all) else a.hit
        if a.hit is not None and set(a.subjects) <= a.notions and not a.ent.places and ctx.subjects \
                and ctx.subjects[0] not in snap.index.concepts and ctx.subjects[0] not in snap.kb.dimensions \
                and not a.follow_up and not _asks_which_area(a.query_text) \
                and not _WHICH_OF.search(u.normalized):
            # "ได้คะแนน TSCCI เท่าไหร่" right after Si Trang: a fact about other areas only (Phuket's score) is
            # about someone else, not an answer about the area the conversation is on. So is one about another
            # area after an organisation, project or event ("where's its office" after the Smart City Thailand
            # Office is not where Khan Song is). ("ใครเป็นเจ้าของ" asks for an owner, not which area:
            # "who came first" asks which area by its ranking words.)
            areas = set(a.hit.fact.about) & set(snap.kb.cities)
            near = set(ctx.subjects) | {a for x in ctx.subjects for a in snap.index.related.get(x, ())}
            if areas and len(areas) <= MANY_AREAS and not areas & near and (
                    ctx.subjects[0] in snap.kb.cities or not set(a.hit.fact.about) & set(ctx.subjects)):
                a.hit = None
        if a.hit is not None and a.follow_up and turn.told is not None and a.hit.fact.id != turn.told.id:
            if a.names_only and self.vocabulary is not None:
                # "what about khon kaen?" after Samyan's green space per person: the words of the question that few
                # facts use and the answer just given says ("green", "space") must be in the new name's fact too;
                # a bus fare is not its green space.
                told_text = turn.told.answer_text().casefold()
                words = [w for w in self.vocabulary.distinctive(tokenize(a.query_text), snap.word_facts, len(snap.facts))
                         if w.casefold() in told_text]
                said = a.hit.fact.text(questions=True).casefold()
                if words and not any(w in said for w in words):
                    a.hit = None
            elif a.year_only and a.years and not a.years & self._fact_years(a.hit.fact):
                a.hit = None  # "and in 2024?": a fact that is of no year asked is no answer for that year
        if a.hit is not None and turn.told is not None and a.hit.fact.id == turn.told.id and not a.subjects \
                and not a.follow_up and not a.asking_only and self._asks_beyond(turn.told, a.query_text, not a.yes_no, a.yes_no) \
                and not (a.kind == "how_much" and re.search(r"บาท|baht", turn.told.answer_text())):
            # "will it have wifi on board", "แล้วค่าฝุ่นที่นั่นล่ะ" right after the light rail's route or the green
            # space: the answer just given does not say it (a word the question asks about is not in it), so
            # saying it again answers nothing. (A sum it states answers "what budget".)
            # (nor does the next fact of the same thing, when it does not say it either; the one after may)
            told_hit, passed = a.hit, {turn.told.id}
            for _ in range(3):
                a.hit = self._best(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years), a.cue,
                                 skip=passed)
                if a.hit is None or not self._asks_beyond(a.hit.fact, a.query_text, not a.yes_no, a.yes_no):
                    break
                passed.add(a.hit.fact.id)
                a.hit = None
            if not a.yes_no and a.cue is None and (a.hit is None or a.kind is not None and a.hit.fact.aspect != a.kind):
                # An open question in words the knowledge base knows ("which is mandatory", "how many passed")
                # may ask in other words what the answer just given says; no other fact of that kind says it.
                a.hit = told_hit

        if a.hit is None and a.event is not None and a.kind == "where" and turn.told is not None:
            # ("ประกาศที่ไหน": a chat question the words of no fact match well; the day's event has one place)
            held = [f for f in snap.index.about(a.event) if f.aspect == "where" and f.date == turn.told.date]
            if len(held) == 1:
                a.hit = _picked(held[0])
        if a.hit is None and not a.subjects and not a.ent.places and a.context and not a.yes_no \
                and _LENGTH_ASKED.search(u.normalized.casefold()):
            # "ยาวกี่กิโล", "how long is it" right after an answer about a line or route (a project): its length,
            # from the answer just given when it states one, else from the project's own facts that do
            thing = next((x for x in a.context[:1] if x in snap.kb.entities and snap.kb.entities[x].kind == "project"),
                         None)
            told = turn.told
            if thing is not None and told is not None and thing in told.about and _LENGTH.search(told.answer_text()):
                a.hit = _picked(told)
            elif thing is not None:
                stated = [f for f in snap.index.about(thing) if _LENGTH.search(f.answer_text())]
                own = [f for f in stated if f.about[0] == thing] or stated
                if own:
                    a.hit = _picked(own[0])
        same_topic = self._count_of_same_topic(turn, a)
        if same_topic is not None:
            a.hit = same_topic
        if a.hit is None and a.yes_no and a.subjects and not a.follow_up:
            # "samyan is run by kasetsart uni, isn't it": a body no fact knows, claimed to run the area, whose own
            # fact of who runs it names another: that fact says no
            runner = self._developer_claimed(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind,
                                                         a.intents, a.years), u.normalized)
            if runner is not None and not runner[1]:
                a.hit = _picked(runner[0])
        if a.hit is None and a.kind == "where" and not a.subjects and not a.ent.places and not a.yes_no and a.context \
                and a.context[0] in snap.kb.entities and snap.kb.entities[a.context[0]].kind == "project" \
                and not self._asked_words(_WHERE_LOCATED.sub(" ", a.query_text.casefold())):
            # "where is it?", "อยู่ที่ไหน" right after what a project is (the 5G drone sandbox): its overview, when it
            # tells the area it is in ("at Wangchan Valley Smart City in Rayong"), though its words are not the
            # question's. (Not "where can I buy tickets": a word of its own asks for something else.)
            overview = snap.index.overview(a.context[0])
            if overview is not None and a.context[0] in overview.about and "where" not in overview.unknown \
                    and set(overview.about) & set(snap.kb.cities):
                a.hit = _picked(overview)

    @staticmethod
    def _holds_kind(snap: Snapshot, fact: Fact, kind: str | None) -> bool:
        """Whether ``fact`` can answer a question of ``kind``: its aspect is that kind or its answer holds that kind
        of thing (a sum, a date, a place); "who" is held by an organisation or person it is about too. Not when the
        sources leave that kind open about it."""
        if kind is None:
            return True
        if kind in fact.unknown:
            return False
        return fact.aspect == kind or kind in snap.index.holds[fact.id] or kind == "who" and any(
            x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person") for x in fact.about)

    def _count_of_same_topic(self: Dialogue, turn: _Turn, a: _Asked) -> Hit | None:
        """For "in how many provinces?" right after the target of 105 cities (an answer that counts no provinces),
        found answered by a fact of another topic (today's count of certified cities): the fact of the topic
        just discussed, the target, that counts what is asked (105 cities in 77 provinces), if there is one."""
        told, snap = turn.told, turn.snap
        if a.hit is None or told is None or a.ent.subjects or a.ent.places or a.follow_up or a.yes_no \
                or a.kind != "how_many" or len(a.query_text.split()) > 6 or a.hit.fact.intent == told.intent:
            return None
        asked = units_asked(a.query_text)
        if not asked or asked <= {unit for _, unit in counted(told.answer_text())}:
            return None
        same = self._best(snap, Query(a.query_text, turn.lang, a.subjects, a.context, a.kind, {told.intent: 1.0},
                                      a.years, told.id), a.cue, skip=told.id)
        if same is None or same.fact.intent != told.intent \
                or not asked <= {unit for _, unit in counted(same.fact.answer_text())}:
            return None
        return same

    def _elsewhere(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """A province with no known area: a fact about an area in another province is no answer."""
        u, snap = turn.u, turn.snap
        # (a place named as written, not read by a fuzzy match: "หัวหน้า" is no "หัวหิน")
        elsewhere = [p for p in a.ent.places if p not in a.ent.city_named_places and p in snap.kb.places
                     and not snap.kb.areas_at(p)
                     and any(n in u.normalized.casefold() for n in self._names(snap, p))]
        if a.hit is not None and elsewhere and not a.cities and not a.follow_up:
            # "กระบี่ได้คะแนนเท่าไหร่" (a province with no area the bot knows of): a fact about an area in another
            # province, that never names the one asked about, is about somewhere else.
            provinces = {snap.kb.places[p].province or p for p in elsewhere}
            areas = set(a.hit.fact.about) & set(snap.kb.cities)
            told = a.hit.fact.text().casefold()
            if areas and len(areas) <= MANY_AREAS and not any(snap.kb.cities[a].province in provinces for a in areas) \
                    and not any(n in told for p in elsewhere for n in self._names(snap, p)):
                a.hit = None

    def _overview(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "KKTS ทำอะไร", or just a name: what the bot knows about it, first."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "the Khon Kaen light rail": the project is the subject, the city only says which one.
        focus = [s for s in a.subjects if not (s in snap.kb.cities and any(
            s in snap.kb.entities[e].areas for e in a.subjects if e in snap.kb.entities))]
        # (A question that is nearly one of the own phrasings of a fact mainly about the thing asked is that
        # fact's: "แทรมน้อยคือไร" is Tram Noy's own fact, not the light rail's overview.)
        # (not a yes/no claim: "is VISTEC in Wangchan Valley?" is settled by the fact found, verdict first; but
        # "SCOPC คือไรหรอ" asks what it is)
        defining = len(focus) == 1 and is_definition(a.remainder) and not a.follow_up \
            and not (a.qt.yes_no and not _WHAT_IT_IS.search(a.remainder)) and not (
            a.hit is not None and a.hit.words >= OWN_PHRASING and a.hit.fact.about[0] == focus[0]) \
            and not _PLACES_ASKED.search(a.remainder)
        # "the smart city that hosts VISTEC, what is it called": the area's overview names it
        defining = defining or (a.area_of and not a.qt.yes_no and bool(_NAME_ASKED.search(u.normalized)))
        # "อันไหนเกี่ยวกับพลังงาน", "which one is about energy": the one of the 7 Smarts named is the answer
        defining = defining or (len(focus) == 1 and focus[0] in snap.index.dimensions
                                and _WHICH_ONE_IS.match(a.remainder) is not None)
        if defining or (a.hit is None and a.names_only and len(focus) == 1 and ctx.last_query is None):
            # "KKTS ทำอะไร", "what are the 7 Smarts", or just a name: what the bot knows about it, first.
            overview_fact = snap.index.overview(focus[0])
            if overview_fact is not None:
                answer = snap.composer.fact(overview_fact, reply_lang, a.kind, subjects=a.subjects)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, "" if a.names_only else a.query_text, a.kind, False, a.qualifier), None)
        return None

    # -- steps -----------------------------------------------------------------------------------------
    def _best(self: Dialogue, snap: Snapshot, q: Query, cue: str | None, only: str | None = None,
              skip: str | set[str] | None = None) -> Hit | None:
        """The best fact for ``q`` if it passes the thresholds (and is about ``only``, when given; not
        ``skip`` nor one of them, when given)."""
        skipped = {skip} if isinstance(skip, str) else skip or set()
        topic = self.vocabulary.distinctive(tokenize(q.text), snap.word_facts, len(snap.facts)) \
            if self.vocabulary is not None and q.text.strip() else []
        q.topic = tuple(topic)
        # "how many bts stops": what is counted, when few facts or none ever say it, must be in the answering fact
        rare_share = RARE_SHARE * len(snap.facts)
        counted = [w for w in counted_words(tokenize(q.text)) if len(w) >= 3 and snap.word_facts.get(w, 0) <= rare_share
                   and (self.vocabulary is None or w not in self.vocabulary.stop)] if q.qtype == "how_many" else []
        hits = snap.index.search(q, limit=NEEDS_LIMIT + len(skipped))
        if len(set(q.subjects) - snap.index.concepts) >= 2 and hits and not is_yes_no(q.text):
            # "which agencies ran the logo contest with depa": a fact about every thing named, nearly as close as
            # the best (about one of them), is tried first
            every = [h for h in hits if h.subjects >= S_MATCH + S_ALL - 1e-9 and h.score >= hits[0].score - ALL_NAMED_MARGIN]
            if every and hits[0] not in every:
                hits = every + [h for h in hits if h not in every]
        instances_only = True  # every fact passed over so far was of the kind asked, for another instance
        # ...or lacked the thing asked for (a chair, kinds): one further down that states it may answer (an open
        # question: a yes or a no read from a fact that far from the question's words is a guess)
        needs_only = not is_yes_no(q.text)
        passed_kinds: set[tuple[str, str]] = set()  # ...and of these intents and aspects
        months = months_named(q.text)  # ("in May 2021": further down, only a fact of that month)
        days = days_named(q.text) if q.years else set()  # (day, month)
        yes_no = is_yes_no(q.text)  # (a fact of another year answers "in 2020, right?" with a no)
        named = q.subjects or q.context
        # (the specific thing named, not a notion named with it: "Mae Moh's TSCCI score" is about Mae Moh)
        # (and none when only notions are named: "which cities got the logo in May 2021" may be answered by the
        # list of the five, which is not about the logo)
        focus = next((x for x in q.subjects if x not in snap.index.concepts), None if q.subjects else named[0]) \
            if named else None
        passed_over = False
        budget_asked = _BUDGET_ASKED.search(q.text) is not None
        projects_named = set(q.subjects) & snap.index.projects
        # a score or a percentage asked for ("คะแนนเท่าไหร่", "what % did it get"): the answer must state one
        # ("how many wifi points" counts points, no score)
        score_asked = not yes_no and q.qtype in ("how_many", "how_much") and _SCORE_ASKED.search(q.text) is not None
        # (only notions named: the answering fact must be about one of them, or name it)
        notions_only = set(q.subjects) if q.subjects and all(x in snap.index.concepts for x in q.subjects) \
            else set()
        named_here = set(named)
        own = self._dimension_defined(snap, q, yes_no)
        if own is not None and hits and own.id not in skipped and (only is None or only in own.about) \
                and set(hits[0].fact.about) != set(own.about):
            # "What does Smart Living mean in depa's framework?": Smart Living's own definition, not the 7 Smarts
            # that depa's framework and the question's other words are nearer
            return _picked(own)
        # (a fact about none of the things the question names is no try at it: "what does smart energy mean for
        # mae moh" matches "what does X mean" of other notions best, and Mae Moh's energy plan is further down)
        unnamed = 0
        counted_over = 0.0  # how close in words a fact passed over for giving no count or no sum of money was
        for at, hit in enumerate(hits):
            rank = at - unnamed
            if q.subjects and not set(q.subjects) & snap.index.about_sets[hit.fact.id]:
                unnamed += 1
            deeper = rank >= BEST_LIMIT + len(skipped)
            if deeper and not (passed_over and (instances_only or needs_only)):
                break
            if deeper and needs_only and not instances_only and (
                    hit.words < NEEDS_MIN_WORDS or hit.aspect < 0
                    or q.subjects and not set(q.subjects) & snap.index.about_sets[hit.fact.id]):
                # (nor one about none of the things named: "who holds Khon Kaen's logo" / the count of holders)
                continue
            if deeper and not needs_only and rank >= DEEPER_LIMIT + len(skipped) and not (
                    days and hit.fact.date and len(hit.fact.date) == 10 and int(hit.fact.date[:4]) in q.years
                    and (int(hit.fact.date[8:]), int(hit.fact.date[5:7])) in days):
                # (that far down, for another instance, only a fact of the very day the question names: "วันที่ 29
                # ก.ย. 63 ประชุมอะไร" passes over the meetings of 2021 for the one of that day)
                continue
            if (only is not None and only not in hit.fact.about) or hit.fact.id in skipped:
                continue
            if hit.words < NEEDS_MIN_WORDS and hit.words < counted_over / 2:
                # a fact near the question's words passed over for giving no count or no sum: one much further from
                # them is no answer for giving some figure ("ค่าเทอมวิทยาลัยเท่าไหร่" after the firm's partner college /
                # the firm's registered capital)
                continue
            if deeper and not needs_only and not any(hit.fact.intent == intent and hit.fact.aspect in (aspect, "list", q.qtype)
                                                     for intent, aspect in passed_kinds) \
                    and (q.subjects or not q.years or not hit.fact.date or int(hit.fact.date[:4]) not in q.years):
                # (further down, only a fact of the kind passed over (or its list), or one of a day of the year asked)
                continue
            if deeper and months and not (hit.fact.date and len(hit.fact.date) >= 7 and int(hit.fact.date[5:7]) in months):
                continue  # "which cities got the logo in May 2021": not the list of the year's batch
            if passed_over and focus is not None and focus not in hit.fact.about:
                # the fare of the light rail is not known: not the bus's fare instead (a later fact about the
                # light rail may still hold it)
                continue
            if passed_over and not named and q.qtype == "how_much" and set(hit.fact.about) & snap.index.areas:
                # "how much does it cost to apply": the facts about applying give no sum; one city's project cost,
                # further down, is about something the question never named
                continue
            if not q.subjects and not q.context and not _ASKS_WHICH.search(q.text) \
                    and self._needs_a_city(snap, hit, (h for h in hits[at + 1:max(at + 1, BEST_LIMIT + len(skipped))] if why_not(
                        q.text, h.fact, q.qtype, years=q.years, yes_no=yes_no) is None), q.years):
                shared = self._shared_fact(snap, q, hit, skipped)
                if shared is not None:
                    # "when was the logo ceremony for 15 cities": each city's fact of that ceremony fits, and so
                    # does the ceremony's own fact, about no city: the question needs no city.
                    hit = shared
                else:
                    hit.ambiguous = True
            if not q.subjects and not q.context and self._one_of_several_smarts(snap, hit, hits[at + 1:at + 4]):
                # "smart city คืออะไร" matches every "smart X คืออะไร" alike: no one Smart's definition answers it
                return None
            # A fact about every one of two or more things the question names ("แม่นบ่ว่าขอนแก่นเป็นเมือง 7 ด้าน"):
            # the names say what is asked even when the other words say little.
            named_all = len(q.subjects) >= 2 and hit.subjects >= S_MATCH + S_ALL - 1e-9 or (
                # (or about the place and one of the choices it is asked between: "is Mae Moh a livable city or a
                # new city" is about Mae Moh's type, whatever its other words)
                len(q.subjects) >= 3 and _EITHER_OR.search(q.text) is not None
                and len(set(q.subjects) & snap.index.about_sets[hit.fact.id]) >= 2)
            if hit.score < self.thresholds.score or (hit.evidence < self.thresholds.evidence and not named_all):
                return None
            # An off-topic or unknown word ("โรงแรม", "weather", "พนักงาน") needs a close match in words, not just
            # a known name; and with no city named ("is hua hin certified?") it is never answered with some
            # city's fact.
            # ...unless the fact is about every one of two or more things the question names (then the word is
            # more likely a paraphrase: "สัมภาษณ์" of the person the depa-and-Khon-Kaen question is about).
            # (Two of three things named, "the logo", Wangchan Valley and PTT, are as telling.)
            named_two = len(set(q.subjects) & snap.index.about_sets[hit.fact.id]) >= 2
            # (A ranking matches "best", "top" in any question: "the best museum" is about no ranking.)
            # (An unknown word that is no off-topic one, "มีปัญหา", in a question whose distinctive words the fact
            # says, "เรือล่ม", is more likely a paraphrase: the fact tells what is asked.)
            weak = hit.words < CUE_MIN_WORDS and not (
                topic and not unstated(topic, hit.fact) and not self.nlu.cues.find(cue or "")) and not (
                cue and cue.casefold() in hit.fact.text().casefold())  # (the fact itself says it: "the hotel")
            if cue is not None and not named_all and not named_two and (weak or (
                    not q.subjects and not q.context and set(hit.fact.about) & set(snap.kb.cities))
                    or hit.fact.intent == "rankings"):
                return None
            # (A question that is a fact's own phrasing is that fact's: it is not second-guessed. A staff entry
            # is, with its questions read as part of what it says: "ขอเบอร์โทรร้าน..." written for a shop's
            # phone number is no answer to "ขอเบอร์โทรดีป้า..." unless it gives a number.)
            staff = hit.fact.id in snap.index.staff
            # "งบสมาร์ทซิตี้ขอนแก่นปีนี้เท่าไหร่": the city's budget, which the cost of one of its projects (the
            # light rail's 26,963 million baht) is not, unless the question names that project (or the
            # conversation is about it), or names no city ("รถรางรอบบึง...ใช้งบเท่าไหร่" asks about the tram)
            if budget_asked and not staff and set(hit.fact.about) & snap.index.projects \
                    and named_here & snap.index.areas and not named_here & snap.index.projects \
                    and not _BUDGET_SAID.search(hit.fact.text()):
                passed_over, instances_only, needs_only = True, False, False
                continue
            if score_asked and not staff and "percent" not in units_stated(hit.fact.answer_text()):
                # "Mae Moh's TSCCI score?": a fact that it led one dimension gives no score
                passed_over, instances_only, needs_only = True, False, False
                continue
            if notions_only and not notions_only & snap.index.about_sets[hit.fact.id] and hit.words < OWN_PHRASING \
                    and (hit.words < CLOSE_WORDS or snap.index.about_sets[hit.fact.id] & snap.index.concepts) \
                    and not staff and not any(n in " ".join((*hit.fact.questions.th, *hit.fact.questions.en,
                                                             hit.fact.answer_text())).casefold()
                                              for x in notions_only for n in self._names(snap, x)):
                # "when did Thailand 4.0 start": a fact about another notion (the 20-year National Strategy),
                # which names the one asked about in neither its answer nor its questions, is no answer about it
                passed_over, instances_only, needs_only = True, False, False
                continue
            if projects_named and not projects_named & snap.index.about_sets[hit.fact.id] \
                    and hit.words < CLOSE_WORDS and not staff and not any(
                        n in hit.fact.text(questions=True).casefold()
                        for x in projects_named for n in self._names(snap, x)):
                # "ภูเก็ตจะมีรถไฟฟ้ารางเบาเมื่อไหร่": a Phuket fact that says nothing of a light rail is no answer
                passed_over, instances_only, needs_only = True, False, False
                continue
            if not yes_no and not staff and hit.words < OWN_PHRASING and self._of_nothing_named(snap, q, hit.fact):
                # "how do I apply to KVIS": a fact about applying for the logo, about nothing the question names
                # and naming the school nowhere, is no answer about the school
                passed_over, needs_only = True, False
                continue
            if not yes_no and not staff and self._of_another_person(snap, q, hit.fact):
                # "what was Chaiwut's role at the meeting": the secretary's role, told of Nuttapon and never
                # naming Chaiwut, is no answer about him (however close its phrasing, names removed)
                passed_over, instances_only, needs_only = True, False, False
                continue
            if not yes_no and not staff and hit.words < OWN_PHRASING and self._of_another(snap, q, hit.fact):
                # "ภูเก็ตพัฒนาเมืองมีทุนจดทะเบียนเท่าไหร่": KKTT's capital is no answer about PKCD; the asked detail
                # must be told of the one named
                passed_over, instances_only, needs_only = True, False, False
                continue
            reason = why_not(q.text, hit.fact, q.qtype, years=q.years, staff=staff, yes_no=yes_no) \
                if hit.words < OWN_PHRASING else None
            if hit.words < OWN_PHRASING and (
                    reason is not None
                    # (a question about what is to come, "the next expo", is answered only by a fact about it)
                    # (said in its answer, unless the question is close to its phrasings: "กี่คัน" is not the
                    # (staff entries too: opening hours are no count of cameras)
                    # bus's hours though one phrasing asks about "รถคันแรก")
                    or (counted and (uncovered(counted, hit.fact) == counted or (
                        hit.words < CLOSE_WORDS and unstated(counted, hit.fact) == counted)
                        or _plural_unsaid(counted[-1], hit.fact)))
                    or (not staff and topic and (hit.words < COVER_MIN_WORDS or asks_to_come(q.text))
                        and uncovered(topic, hit.fact) == topic
                        and not named_two)):  # (a fact about two of the things named is what is asked)
                passed_over = True
                counted_over = max(counted_over, hit.words if reason in _NO_FIGURE else 0.0)
                instances_only = instances_only and reason in _ANOTHER_INSTANCE
                needs_only = needs_only and reason in NEED_REASONS
                passed_kinds.add((hit.fact.intent, hit.fact.aspect))
                continue  # near the question, but not holding what it asks for: the next one may
            if len(q.subjects) >= 2 and not yes_no and hit.subjects < S_MATCH + S_ALL - 1e-9 and hit.words < OWN_PHRASING:
                # "when did Mae Moh get its promotion zone certificate": a fact about Mae Moh only (its logo) is
                # no nearer than one about both things named (its certificate) that scores almost as well
                both = next((h for h in hits[at + 1:] if h.subjects >= S_MATCH + S_ALL - 1e-9
                             and h.score >= hit.score - ALL_NAMED_MARGIN and h.fact.id not in skipped
                             and (only is None or only in h.fact.about)
                             and why_not(q.text, h.fact, q.qtype, years=q.years, yes_no=yes_no) is None), None)
                if both is not None:
                    return both
            return hit
        return None

    def _asked_words(self: Dialogue, query_text: str) -> list[str]:
        """The words a follow-up asks about: not question words, fillers, pronouns or common words (English
        words cut to five letters, as facts' words are compared)."""
        if self.vocabulary is None:
            return []
        stop = self.vocabulary.stop
        # (without its ending first: "closing" is looked for as "clos", which "close" has)
        return [stem(w)[:5] if w.isascii() and len(w) > 5 else w
                for w in tokenize(_TOLD_FILLER.sub(" ", query_text.casefold()))
                if w not in stop and w not in _EN_STOP and w not in _TH_ASKING and not w.isdigit() and len(w) >= 2]

    @staticmethod
    def _only_added(told: Fact, query_text: str) -> bool:
        """Whether a question asks for a running total ("รวมเป็นกี่เมืองแล้ว") and the answer just given counts
        only what was added ("เพิ่ม 15 พื้นที่", "the 2022 batch has 15"), without the total."""
        text = told.answer_text()
        return bool(_TOTAL_ASKED.search(query_text.casefold())) and not _TOTAL_SAID.search(text.casefold())

    def _asks_beyond(self: Dialogue, told: Fact, query_text: str, every: bool = False, phrasings: bool = False) -> bool:
        """Whether a follow-up asks about a word (one most facts do not use) that the answer just given does
        not contain; with ``every``, whether it asks about such words only ("แล้วค่าฝุ่นล่ะ" after green space,
        but not "ตั้งเป้าตอนไหน" after the target: an open question's other words may be how it asks). With
        ``phrasings`` (a yes/no question), the fact's own example questions count as what it says: they are the words
        people ask what it tells in ("was any of them mandatory" / "Smart Environment required", "โดนยกเลิกไหม" /
        "ถูกเพิกถอนได้"), and the verdict is read from the fact. (Not for an open question: "what's the newest
        target" is no phrasing of the 2017 goal's, though "target" is.)"""
        text = " ".join((told.answer_text(), *((*told.questions.th, *told.questions.en) if phrasings else ()))).casefold()
        beyond = [w not in text for w in self._asked_words(_KIND_NOUN.sub(" ", query_text.casefold()))]
        return bool(beyond) and (all(beyond) if every else any(beyond))

    def _of_another(self: Dialogue, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one specific thing (an area, or an organisation, project or event) and
        ``fact`` is about another of its kind instead, naming the one asked about nowhere: the registered
        capital of another company, the score of another area."""
        specific = [x for x in q.subjects if x in snap.kb.cities or x in snap.kb.entities
                    and snap.kb.entities[x].kind in ("organisation", "project", "event")]
        if len(specific) != 1 or any(y not in specific and y not in snap.index.concepts for y in q.subjects):
            return False  # (one specific thing, perhaps with a notion: "Yala's TSCCI score")
        x = specific[0]
        about = snap.index.about_sets[fact.id]
        if x in about or snap.index.related.get(x, frozenset()) & about:
            return False
        if x in snap.kb.cities:
            others = [y for y in about if y in snap.kb.cities]
        else:
            kind = snap.kb.entities[x].kind
            others = [y for y in about if y in snap.kb.entities and snap.kb.entities[y].kind == kind]
        text = fact.text(questions=True).casefold()
        names = self._names(snap, x) or [n.casefold() for n in (snap.kb.cities[x].short_name.th,
                                                                 snap.kb.cities[x].short_name.en,
                                                                 *snap.kb.cities[x].aliases) if len(n) >= 3]
        return bool(others) and not any(n in text for n in names)

    def _of_another_person(self: Dialogue, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one person and ``fact`` is about another person instead (or about nothing
        the question names), naming the one asked about nowhere (its questions included)."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        if len(people) != 1 or people[0] in snap.index.about_sets[fact.id]:
            return False
        others = [y for y in fact.about if y in snap.kb.entities and snap.kb.entities[y].kind == "person"]
        text = fact.text(questions=True).casefold()
        # (or about nothing the question names: "ณัฐพลอายุกี่ปี" is not asked of the logo, whose term is its อายุ)
        return (bool(others) or not set(q.subjects) & snap.index.about_sets[fact.id]) \
            and not any(n in text for n in self._names(snap, people[0]))

    def _of_nothing_named(self: Dialogue, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one organisation or project, alone, and ``fact`` is about neither it nor
        what it is related to, and names it nowhere (its questions included)."""
        named = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "project")]
        if len(named) != 1 or len(q.subjects) != 1:
            # ...or two or more things, one of them no notion ("smart energy in Mae Moh": not what a certified
            # smart city is, about neither)
            named = list(q.subjects) if len(q.subjects) >= 2 and set(q.subjects) - snap.index.concepts else []
            if not named:
                return False
        # (a fact about what it runs or belongs to is about it too: Chula's green space is Samyan's)
        near = set(named) | {r for x in named for r in snap.index.related.get(x, ())}
        if near & snap.index.about_sets[fact.id]:
            return False
        text = fact.text(questions=True).casefold()
        return not any(n in text for x in named for n in self._names(snap, x))

    def _shared_fact(self: Dialogue, snap: Snapshot, q: Query, hit: Hit, skipped: set[str]) -> Hit | None:
        """For a question that names no city, answered best by one city's fact of an event, a batch or a
        product that other cities' facts share too (each area's fact of the 24 December 2021 ceremony): the
        near fact about that same thing and about no city at all, when it holds what is asked; else None."""
        areas = set(snap.kb.cities)
        shared = set(hit.fact.about) - areas - snap.index.concepts
        if not shared:
            return None
        for other in snap.index.search(q, limit=8):
            about = set(other.fact.about)
            if other.fact.id in skipped or about & areas or not about & shared:
                continue
            if other.score < self.thresholds.score or other.evidence < self.thresholds.evidence \
                    or other.score < hit.score - SHARED_MARGIN:
                return None
            if why_not(q.text, other.fact, q.qtype, years=q.years, yes_no=is_yes_no(q.text)) is None:
                return other
        return None

    @staticmethod
    def _needs_a_city(snap: Snapshot, hit: Hit, rest: Iterable[Hit], years: frozenset[int] = frozenset()) -> bool:
        """A question that names no city, answered best by a fact about one city while another city's fact
        fits as well (or the words barely fit): the bot must ask which city, not pick one. A year asked that
        the fact is of tells which ("the new logo of August 2025"), unless another city's fact of that year fits
        as well. (``rest`` is read only when the fact is about one city or two: the others need no check.)"""
        areas = set(snap.kb.cities)
        mine = set(hit.fact.about) & areas
        if not mine or len(mine) > MANY_AREAS:  # (a fact about many cities is about none in particular)
            return False
        if years and years & snap.index.years[hit.fact.id]:
            return any(set(h.fact.about) & areas and not set(h.fact.about) & mine and h.score >= hit.score - 0.1
                       and years & snap.index.years[h.fact.id] for h in rest)
        rival = any(set(h.fact.about) & areas and not set(h.fact.about) & mine and h.score >= hit.score - 0.1
                    for h in rest)
        return rival or hit.words < 0.35
