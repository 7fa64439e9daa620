"""Follow-ups on the answer just given: "which ones", "more", "before that", its figure against a standard, the last
question for a new name, and what the answer just given already says."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from intents.features import tokenize
from intents.normalize import has_latin
from intents.question import is_about_certification, is_bare_follow_up, is_only_asking
from knowledge.comparison import against_benchmark
from knowledge.polarity import counted, counts_things, is_unit_word, spelled_as_digits, units_asked, without_units
from knowledge.answerable import POSTS_ASKED, asks_to_come, counted_words, items_named, names_a_list, why_not
from knowledge.composer import Answer, names_listed
from knowledge.schema import Fact
from knowledge.retrieval import _HOLDS, Query, _asked_rank
from knowledge.snapshot import Snapshot

from .reading import (MAX_SUBJECTS_PER_ANSWER, _NOW_ONLY, _MONEY, _MONEY_ASKED, _REFERS_BACK, _PLACE_CLAIMED,
                      _TOTAL_ASKED, _NEW_ASKED, _asks_before, _asks_after, _RENEWAL, _IT, _asks_the_list,
                      _PERSON_PRONOUN, _A_YEAR, _years_in, _years_asked, _KIND_NOUN, _THAT_BATCH, _MEMBERSHIP, _ONE_OF,
                      _BEFORE_THAT_ASKED, _said_core, _verdict_word)
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

# a word said only as not so (yet): "not open yet", "yet to open", "ยังไม่เปิด"
_NEGATED_BEFORE = re.compile(r"(?:\bnot(?: yet)?|\byet to|\bno longer|ยังไม่|ไม่ได้|ไม่)\s*$")


def _counts_noun(text: str, query_text: str) -> bool:
    """Whether ``text`` (casefolded) gives a number with the English noun a "how many" question counts ("how
    many cameras" / "40 cameras", "1,200 CCTV cameras")."""
    nouns = [w for w in counted_words(tokenize(query_text.casefold())) if w.isascii() and w.isalpha() and len(w) >= 3]
    if not nouns or is_unit_word(nouns[-1]):  # (cities, provinces, percent: counted by the units' own rules)
        return False
    head = nouns[-1]
    head = head[:5] if len(head) > 5 else head.removesuffix("s")
    return re.search(rf"(?<![\d.,])\d[\d,]*\s+(?:[a-z-]+\s+){{0,2}}{re.escape(head)}", text) is not None


def _said_unnegated(word: str, text: str) -> bool:
    """Whether ``text`` (casefolded) says ``word`` at least once not as not so ("it is not open yet" says
    "open" only negated)."""
    return any(not _NEGATED_BEFORE.search(text, 0, m.start()) for m in re.finditer(re.escape(word), text))


# A year counted from the one just asked about: "the year before", "the previous year", "ปีถัดมา".
_REL_YEAR = re.compile(r"(?P<before>\bthe (year|one) before\b|\bthe previous year\b|\bthe year prior\b|ปีก่อนนั้น|"
                       r"ปีก่อนหน้านั้น|ปีก่อนหน้า)|\bthe (year|one) after\b|\bthe following year\b|\bthe next year\b|"
                       r"ปีถัดมา|ปีถัดไป|ปีต่อมา|ปีหลังจากนั้น")

# "อยู่ชลบุรีใช่มะ", "is it in rayong": where something is; "มีในชลบุรีไหม", "is there one in...": whether any is.
_IN_PLACE = re.compile(r"อยู่|จังหวัด|\b(in|located|based)\b")
_ANY_THERE = re.compile(r"มี|\bthere\b|\bany\b")

# "เรื่องนี้", "อันนั้น", "this", "those": the message points at what was just said.
# "that pilot", "this project", "โครงการนั้น": the one just told of, not another of its kind
_THAT_ONE = re.compile(r"\b(that|this|the same)\b|นั้น|นี้")
# "was songkhla one of them?", "is yala among those", "อุดรอยู่ในนั้นมั้ย": one of the things the last answer listed
_IN_THE_LIST = re.compile(r"\b(?:one|any) of (?:them|those|these|the \w+)\b|\bamong (?:them|those|these)\b|"
                          r"\b(?:was|is|were) (?:it|that|they) in\s*\??\s*$|\bin (?:that|the|this) (?:list|group|batch|round)\b|"
                          r"ในนั้น|ในรายชื่อ|ในลิสต์|ในกลุ่มนั้น|ในรอบนั้น")
# A list the sources leave partial: "9 of them known", "such as", "ทราบชื่อ 9 แห่ง", "เช่น"
_PARTIAL_LIST = re.compile(r"\bknown\b|\bsuch as\b|\bincluding\b|\bsome\b|\bamong them\b|\bpartial\b|"
                           r"ทราบชื่อ|เช่น|บางส่วน|ได้แก่บาง", re.I)


# A follow-up that asks only which one of a kind of thing it was ("which hotel was the venue", "at which event",
# "with which companies", "who were the partners", "which part of bangkok", "จัดที่โรงแรมไหน", "ร่วมกับบริษัทไหน"): the answer just given
# (or its detail) answers it when it names a thing of that kind, though not in the words asked.
_WHICH_KIND = {
    # (not "which province is it in", which asks for another fact than where an event was held)
    "where": re.compile(r"\b(which|what) (part|district|hotel|building|venue|room)\b|\bvenue\b|"
                        r"(โรงแรม|อาคาร|ตึก|ย่าน|สถานที่|ห้อง)\s*(ไหน|อะไร|ไร|ใด)"),
    # ("งานชื่อไร", "what was the event called", "the event's name": which event, by its name)
    "event": re.compile(r"\b(which|what) (event|occasion|conference|expo|show|fair)\b|(งาน|อีเวนต์)\s*(ชื่อ)?\s*(ไหน|อะไร|ไร|ใด)|"
                        r"\b(event|occasion|conference|expo|fair)\b.*\b(called|named|name)\b|"
                        r"\bname of (the|that) (event|occasion|conference|expo|fair)\b"),
    "partner": re.compile(r"\b(which|what) (compan(y|ies)|partners?|agenc(y|ies)|organi[sz]ations?|firms?|operators?)\b|"
                          r"\bwith (whom|who|which)\b|\bpartners?\b|พาร์[ทต]เนอร์|ร่วมกับ\s*(ใคร|ใด|ไหน)|ทำกับใคร|"
                          r"(บริษัท|หน่วยงาน|พันธมิตร|องค์กร)\s*(ไหน|อะไร|ไร|ใด)"),
}
# What is left of such a follow-up once its kind words and asking words are gone must be nothing of its own.
_KIND_WORDS = re.compile(r"\b(which|what|part|area|district|hotel|building|venue|room|place|city|province|event|occasion|"
                         r"conference|expo|show|fair|compan(y|ies)|partners?|agenc(y|ies)|organi[sz]ations?|firms?|"
                         r"operators?|with|whom|who|other|was|were|is|are|it|the|of|at|in|held|did|they|work|worked|"
                         r"there|that|this|called|named|name|and|so|then|about|its|their)\b|ชื่อ|โรงแรม|อาคาร|ตึก|ย่าน|เขต|แถว|สถานที่|ห้อง|งาน|อีเวนต์|บริษัท|หน่วยงาน|"
                         r"พันธมิตร|พาร์[ทต]เนอร์|องค์กร|ร่วมกับ|ทำกับ|ทำ|จัด(ที่|ขึ้นที่)?|ไหน|อะไร|ไร|ใด|ใคร|เป็น|มี|ที่|ได้|บ้าง|นะ|คะ|ค่ะ|ครับ|คับ|อ่ะ|อะ")
# A text that names a partner: "with MEA and True", "ร่วมกับการไฟฟ้านครหลวงและทรู", "in partnership with".
_WITH_PARTNER = re.compile(r"\bwith (the )?[A-Z]|ร่วมกับ|\bpartner|พันธมิตร|\bjointly\b")

# A start asked ("when did it start", "when was it launched", as _asked_words cuts them) and a text that tells one.
_START_ASKED = frozenset({"start", "begin", "began", "launc", "kick", "เริ่ม"})
_START_SAID = re.compile(r"\bfrom \d|\bsince\b|\bstart|\bbegan\b|\bbegun\b|\blaunch|\bopened\b|\bkicked off\b|เริ่ม|ตั้งแต่")

# A follow-up that is only the kind of thing asked: "date?", "the exact day?"; "how long?", "within how long?".
_BARE_WHEN = re.compile(r"^\s*(and |so |ok |okay )?(the |its |exact |the exact )?(date|day|month|year|opening date|start date|"
                        r"launch date|opening day)\s*[?!.]*\s*$")
_BARE_HOW_LONG = re.compile(r"^\s*(and |so |ok |okay )?(within |in |for |over )?how (long|far)\s*[?!.]*\s*$")

# "...meeting of 2020, at depa in Lat Phrao": a place something happened at, in a named part of a city (the
# English detail, as written: its capital letters mark the names)
_AT_A_PLACE = re.compile(r"\b(?:held )?at (?:the )?[\w.&'-]+(?: [\w.&'-]+){0,3},? in [A-Z][a-z]+")
# "where is it", "อยู่ที่ไหน": where a thing lies, not where something took place.
_LOCATED = re.compile(r"อยู่|ตั้ง|\b(located|based|lies|is it|is that|where's|where is)\b")
# "who announced it", "ใครเป็นประธาน": someone who did what an event does (not "who runs it": the area's owner)
_EVENT_ACT = re.compile(r"ประกาศ|ประธาน|จัด|ประชุม|มอบ|อนุมัติ|เห็นชอบ|รับรอง|\b(announc\w*|chair\w*|held|host\w*|"
                        r"hand\w*|present\w*|approv\w*|certif\w*|declar\w*)\b")

# Renewing a logo ("ต่ออายุ", "ต่อตราแล้วยัง", "renewed"), and what a fact about an area's logo term says.
_WILL_ASKED = re.compile(r"จะ|\b(?:will|going to|gonna)\b", re.I)

# "กี่ที่", "มีทั้งหมดกี่แห่ง", "how many?", "how many of them" right after a list of areas: how many it listed
_COUNT_OF_LISTED = re.compile(r"^(?:แล้ว|และ|ทั้งหมด|รวม|มี|\s)*กี่\s*(?:ที่|แห่ง|พื้นที่|เมือง|โครงการ|ราย)(?:ทั้งหมด|ครับ|คะ|ค่ะ|"
                              r"อ่ะ|อะ|นะ|ล่ะ|หรอ|\?|\s)*$|^(?:so |and )?how many(?: (?:are there|of them|in all|in total|"
                              r"areas|places|cities|projects|is that|are they))*\s*\??$", re.I)
_WHICH_N = re.compile(r"^\s*(?:which|what are the|what were the|name the|list the)\s+(\d{1,2})\s*(?:ones?|of them)?\s*\??\s*$|"
                      r"^\s*(\d{1,2})\s*(?:ด้าน|อย่าง|อัน|แห่ง|เมือง|ข้อ)?\s*(?:นั้น|ที่ว่า)?\s*(?:มี)?(?:อะไรบ้าง|ไหนบ้าง|ได้แก่อะไร)", re.I)
# "which 16 were those", "the other eight": how many things a list question asks for
_N_ASKED = re.compile(r"(?<![\d.,/])(\d{1,3})(?![\d.,/])")
_PAST = re.compile(r"\b(was|were|did|had)\b|เคย|ที่แล้ว")


_PROJECTS = re.compile(r"โครงการ|\bprojects?\b")
_PROJECTS_COUNTED = re.compile(r"\d+\s*(โครงการ|ข้อเสนอ|(projects?|proposals?)\b)", re.I)

# How long something takes or is meant to take, asked with nothing else ("over how long?", "ภายในกี่ปี"), and a
# span an answer gives ("within 20 years", "ภายใน 20 ปี"; not "within 2020").
_SPAN_ASKED = re.compile(r"\b(?:over |in |within )?how (?:long|many years)\b|\bover what (?:period|time(?:frame)?)\b"
                         r"|\bwhat (?:time ?frame|timeline)\b|(?:ภายใน|ใน)?(?:กี่ปี|นานแค่ไหน|นานเท่าไ\S*|ระยะเวลาเท่าไ\S*)")
_SPAN_GIVEN = re.compile(r"\b(?:within|over|in) \d{1,3} (?:years?|months?)\b|ภายใน\s*\d{1,3}\s*(?:ปี|เดือน)")
# "who did?", "who was it then?", "แล้วใครล่ะ": who it was, when the one just asked about was not.
_WHO_INSTEAD = re.compile(r"^\s*(?:(?:so|and|then|ok|okay),? )?(?:who|which (?:one|city|area|person)) ?(?:did|was it|is it|then|"
                          r"instead|did it|did then|was it then)?\s*[?!.]*\s*$|^\s*(?:แล้ว)?(?:ใคร|คนไหน|ที่ไหน|เมืองไหน)"
                          r"(?:ล่ะ|ละ|หล่ะ|อ่ะ|อะ|ครับ|คะ|คับ|เหรอ|หรอ|เป็นคน(?:ทำ|ได้)|ได้)*\s*[?]*\s*$")

# "who chaired it", "ใครเป็นประธาน", "who opened it": an act a person did at an event, asked of; each with what
# an answer says when it tells who did it ("presided", "เป็นประธาน"; "handed" is what a ceremony's chair did)
_ACTS_ASKED = (
    (re.compile(r"\b(chair\w*|presid\w*|head(ed)?)\b|ประธาน"), re.compile(r"\bchair\w*|\bpresid\w*|ประธาน", re.I)),
    (re.compile(r"\b(open\w*|launch\w*|inaugurat\w*)\b|เปิด"), re.compile(r"\bopen\w*|\blaunch\w*|เปิด", re.I)),
    (re.compile(r"\b(hand\w*|gave|give\w*|award\w*|present\w*)\b|มอบ"), re.compile(r"\bhand\w*|\bpresent\w*|มอบ", re.I)),
    (re.compile(r"\b(announc\w*|declar\w*)\b|ประกาศ"), re.compile(r"\bannounc\w*|\bdeclar\w*|ประกาศ", re.I)),
    (re.compile(r"\b(sign\w*)\b|ลงนาม"), re.compile(r"\bsign\w*|ลงนาม", re.I)),
)
_SAID_ASKED = re.compile(r"\b(say|said|says|explain|explained|explains|quoted|mean|meant)\b|พูด|บอก|อธิบาย|ให้สัมภาษณ์")


def _acted_in(snap: Snapshot, fact: Fact, act: re.Pattern[str], people_names: dict[str, tuple[str, ...]],
              named: bool = False) -> tuple[Fact, bool] | None:
    """``fact`` and whether its detail says it, when it names one person (one it is about, or with ``named``
    one its detail names; ``people_names``: :func:`_people_names`) and says that they did ``act``."""
    people = [x for x in fact.about if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
    detail = f"{fact.detail.th} {fact.detail.en}".casefold() if fact.detail is not None else ""
    if named and not people and detail:
        people = [x for x, names in people_names.items() if any(n in detail for n in names)]
    if len(people) != 1:
        return None
    names = people_names[people[0]]
    said = fact.answer_text()
    if any(n in said.casefold() for n in names):
        return (fact, False) if act.search(said) else None
    if any(n in detail for n in names) and (act.search(said) or act.search(detail)):
        return fact, True
    return None


def _people_names(snap: Snapshot) -> dict[str, tuple[str, ...]]:
    """Every person of the catalogue with their names and aliases, casefolded."""
    return {x: tuple(n.casefold() for n in (e.name.th, e.name.en, *e.aliases) if len(n) >= 4)
            for x, e in snap.kb.entities.items() if e.kind == "person"}


# Words a follow-up asks with, which say nothing about what it asks ("and", "what about", "แล้ว...ล่ะ").
# Only "any others?", "มีที่ไหนอีก": who or what else, after an answer that names some
_OTHERS_ONLY = re.compile(r"^\W*(and\s+)?(any|are there( any)?|anyone|anything|who|what|which)?\s*(others?|more|else)\s*(ones?)?"
                          r"\W*$|^(แล้ว)?มี(ที่ไหน|อะไร|ใคร|เมืองไหน|ไร|อันไหน)?อีก(ไหม|มั้ย|ป่ะ|บ้าง)?\W*$", re.I)
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
# "in it", "part of it": a yes/no about an area and what the answer just given was about
_IN_IT = re.compile(r"\b(in|part of|a member of|members? of|joined|join) (it|them)\b", re.I)

_FORMERLY = re.compile(r"เดิมเป็น|เดิมที|แต่เดิม|เคยเป็น|\bformerly\b|\bpreviously\b|\boriginally\b", re.I)


class FollowUpSteps:
    """Dialogue's methods for this job: follow-ups on the answer just given: "which ones", "more", "before that", its
    figure against a standard, the last question for a new name, and what the answer just given already says."""

    def _before_or_after(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ก่อนหน้านั้นล่ะ": the same kind of fact, a period earlier or later."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        # "ก่อนหน้านั้นล่ะ", "and after that?": the same kind of fact about the same subject, a period earlier or later.
        # (nothing named: "and before him?" reads "him" as the chair just told of, who is what the step is from;
        # "him" is read in the message as written, the question without it says only "and before")
        him = bool(a.subjects) and not a.ent.subjects and not a.ent.places and all(
            x in snap.kb.entities and snap.kb.entities[x].kind == "person" for x in a.subjects) \
            and bool(_PERSON_PRONOUN.search(turn.u.normalized)) and not _SAID_ASKED.search(turn.u.normalized)
        said = a.ent.remainder if him else a.remainder
        when = _asks_before(said) or _asks_after(said)
        if when and (not a.subjects or him) and turn.told is not None and len(said) <= 40:
            other = snap.index.next_in_time(turn.told.id, before=_asks_before(said))
            if other is not None and asks_to_come(said) and not _PAST.search(said) \
                    and (other.date or "0")[:4] < str(date.today().year):
                other = None  # "when's the next one": one still to come, not the next event of the past
            if other is not None:
                answer = snap.composer.fact(other, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _against_standard(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "is that more than the WHO recommends?": the last answer's own figure and standard."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "is that more than the WHO recommends?", "เยอะกว่ามาตรฐานป่ะ": the last answer's own figure and standard.
        if not a.subjects and turn.told is not None and len(a.remainder) <= 60:
            last = turn.told
            held = against_benchmark(u.normalized, last.answer.get(reply_lang), a.qt.yes_no)
            if held is not None:
                lead = "" if held < 0 else _verdict_word(held == 1, reply_lang)
                answer = snap.composer.fact(last, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _which_n(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which 3" right after an answer that counts 3: the fact that names them. On "กี่ที่", "how many?"
        right after an answer that listed areas: how many it listed."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        if not a.subjects and not a.ent.places and len(ctx.listed) >= 2 and turn.told is not None \
                and _COUNT_OF_LISTED.match(turn.u.normalized.strip()) and not counted(turn.told.answer_text()):
            # (an answer that counts them already says how many: "the 5 pilot cities..." is asked again below)
            listed = [snap.kb.cities[x] for x in ctx.listed if x in snap.kb.cities]
            if len(listed) == len(ctx.listed):
                n, names = len(listed), names_listed([c.name.get(reply_lang) for c in listed], reply_lang)
                answer = snap.composer.computed(f"{n} พื้นที่ครับ ได้แก่ {names}",
                                                f"{n} areas: {names}.", reply_lang, [turn.told], list(ctx.listed))
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, "how_many"), None)
        # "which 3", "6 ด้านมีอะไรบ้าง" right after "Mae Moh's plan covers 3 Smarts": the fact that names them.
        asked_n = _WHICH_N.match(a.remainder)  # (both its alternatives start at ^: match, not search every position)
        if asked_n and not a.subjects and turn.told is not None:
            listing = self._the_counted(snap, turn.told, next(g for g in asked_n.groups() if g),
                                        reply_lang)
            if listing is not None:
                answer = snap.composer.fact(listing, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _which_ones(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which ones?" right after a count: the things counted, or honestly not known."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "which ones?", "มีไรบ้าง", "name them" right after an answer that counts things: the things it counted,
        # named by that answer, by the list it gave, or by the one fact that names them; else honestly not known
        # (never another fact's list: "the 6 added in 2023" are not the 5 pilots).
        if set(a.subjects) <= a.notions and not a.ent.places and turn.told is not None \
                and _asks_the_list(u.normalized) and self._lists_what_was_told(turn, turn.told):
            told_list = turn.told
            named_again = self._named_again(turn, told_list, ctx.listed)
            if named_again is not None:
                return (self._reply(turn, named_again, 1.0),
                        self._remember(turn, named_again, ctx.last_query, ctx.last_qtype,
                                       first=next((x for x in ctx.subjects if x not in a.notions), None)), None)
            # (whatever it counted: "25 new startups" are named by no fact, and the pilot cities are not them)
            if counts_things(told_list.answer_text()):
                answer = snap.composer.fallback(reply_lang, [x for x in ctx.subjects if x not in a.notions][:1])
                return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
        return None

    def _more(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "tell me more": more of the last answer."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "รายละเอียดเพิ่มเติม", "tell me more": more of the last answer.
        if a.qt.more and not a.subjects and turn.told is not None and len(a.remainder) <= 40 \
                and not ("how_many" in a.qt.kinds and _TOTAL_ASKED.search(u.normalized)):  # ("รวมทั้งหมดกี่พื้นที่")
            answer = snap.composer.more(turn.told, reply_lang)
            return self._reply(turn, answer, 1.0), self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None
        return None

    def _resolve_follow_up(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """The question a follow-up asks: the last one again for a new name or year; its type, qualifier and context."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        # A follow-up that only names something ("แล้วภูเก็ตล่ะ") asks the last question again.
        a.query_text, a.kind, a.yes_no = a.remainder, a.qt.kind, a.qt.yes_no
        if a.kind is None and not a.subjects and turn.told is not None:
            # "date?", "within how long?" right after an answer: the kind of thing asked, about that answer
            a.kind = "when" if _BARE_WHEN.match(u.normalized) else "how_many" if _BARE_HOW_LONG.match(u.normalized) \
                else None
        a.qualifier = "first_five" if a.ent.first_five else None
        # "แล้วปี 2568", "and in 2022?": the last question again, for another year.
        a.asked_years = _years_asked(u.normalized, a.ent.numbers)
        relative = _REL_YEAR.search(u.normalized) if not a.asked_years and ctx.last_query else None
        if relative is not None and ctx.last_query:
            # "what about the year before", "ปีถัดมาล่ะ": a year from the one just asked about (or told).
            base = _years_in(ctx.last_query)
            told_date = turn.told.date if turn.told is not None else None
            step = -1 if relative.group("before") else 1
            start = (min(base) if step < 0 else max(base)) if base else (int(told_date[:4]) if told_date else None)
            a.asked_years = frozenset({start + step}) if start else frozenset()
        a.year_only = not a.subjects and not a.ent.places and ctx.last_query is not None \
            and bool(a.asked_years) and is_bare_follow_up(_A_YEAR.sub(" ", _REL_YEAR.sub(" ", a.remainder)))
        a.now_only = now_only = not a.subjects and not a.ent.places and ctx.last_query is not None and not a.asked_years \
            and turn.told is not None and bool(_NOW_ONLY.match(u.normalized.strip()))
        a.follow_up = (a.names_only or a.year_only or now_only) and ctx.last_query is not None
        if a.follow_up and ctx.last_query is not None:  # (follow_up implies it; said again for the type checker)
            a.query_text, a.kind, a.yes_no = ctx.last_query, ctx.last_qtype, ctx.yes_no
            if now_only:
                # "and now?" after "how many in 2022": the last question without its year, of today
                a.query_text = _A_YEAR.sub(" ", a.query_text) + (" ตอนนี้" if turn.lang == "th" else " now")
            if a.yes_no and ctx.claim and not a.year_only:
                turn.claim = ctx.claim  # ("does Mae Moh?" claims a 7 Smarts plan, as the question before did)
            if a.year_only:
                a.query_text = _A_YEAR.sub(" ", a.query_text)  # the year asked before is not asked now
            if any(x in snap.kb.entities and snap.kb.entities[x].kind == "person" for x in a.subjects):
                # "แล้วนายกเทศมนตรีนครขอนแก่นล่ะ" after "ผู้ว่าขอนแก่นชื่ออะไร": the person named (by the post's
                # name) is asked about, not the post the last question asked for
                a.query_text = POSTS_ASKED.sub(" ", a.query_text)
            a.qualifier = a.qualifier or ctx.qualifier
        elif not a.subjects and a.kind in ("list", "how_many") and ctx.qualifier:
            a.qualifier = a.qualifier or ctx.qualifier  # "มีที่ไหนบ้าง" after a question about the first five
        # ("แล้วกระบี่ล่ะ" after Phuket's CCTV: the question is about Krabi now, not Phuket)
        a.context = [] if a.subjects or (a.follow_up and a.ent.places) else list(ctx.subjects)
        if now_only:
            # (of what the user named, not what the answer for the year named: that year's committee, its batch)
            a.context = [x for x in a.context if x in ctx.named]
        told = turn.told
        if not a.follow_up and a.yes_no and len(a.subjects) == 1 and a.subjects[0] in snap.kb.cities \
                and a.subjects[0] in a.ent.subjects and told is not None and _IN_IT.search(u.normalized):
            # "is khon kaen in it too?" right after the ASEAN network's first members: "it" is the network (the
            # organisation or event the answer was about), asked of the area named
            a.carried = [x for x in told.about if x in snap.kb.entities
                         and snap.kb.entities[x].kind in ("organisation", "event", "project")][:1]
            a.subjects = [*a.subjects, *a.carried][:MAX_SUBJECTS_PER_ANSWER]
        if a.follow_up and a.names_only and a.subjects and all(x in snap.kb.cities for x in a.subjects):
            # "what about Khon Kaen?" after "is Phuket in the ASEAN Smart Cities Network?": the network the last
            # question named (its name was taken out of the question carried over) is still what is asked about
            a.carried = [x for x in ctx.named if x in snap.kb.entities and x not in a.subjects]
            a.subjects = [*a.subjects, *a.carried][:MAX_SUBJECTS_PER_ANSWER]
        if a.follow_up and a.names_only and a.subjects and all(x in snap.kb.dimensions for x in a.subjects) \
                and any(x in snap.kb.dimensions for x in ctx.subjects):
            # "smart environment?" right after what Mae Moh does for Smart Energy: the same question of another
            # dimension, of the same area (not some other area's environment idea)
            # (the area the user named: not the one an answer gave, "which area led Smart Energy" then "ด้านเศรษฐกิจล่ะ")
            a.subjects = [*a.subjects, *[x for x in ctx.subjects if x in snap.kb.cities and x in ctx.named][:1]
                          ][:MAX_SUBJECTS_PER_ANSWER]
        if not a.follow_up and not a.subjects and not a.ent.places and ctx.yes_no and ctx.last_query \
                and _WHO_INSTEAD.match(u.normalized):
            # "who did?", "แล้วใครล่ะ" right after a yes/no question ("did Prawit chair the January 2023 ceremony?",
            # "did Khon Kaen rank first?"): that question again, asking who, without the one it named.
            # (the area asked about stays, "run by Thammasat? - who then?", unless a ranking said it was not the one)
            ranked = turn.told is not None and turn.told.intent == "rankings"
            a.query_text, a.kind, a.yes_no = ctx.last_query, "who", False
            a.context = [s for s in ctx.subjects if not (ranked and s in snap.kb.cities) and not (
                s in snap.kb.entities and snap.kb.entities[s].kind in ("person", "organisation"))]
        a.cue = a.off_topic
        if a.cue is None and self.vocabulary is not None:
            # A word no fact uses ("พนักงาน", "password"): the question is about something the bot lacks.
            # (a unit's own words are no cue: "เปอร์เซ็น" is cut into "เปอร์" and "เซ็น", which no fact writes)
            a.cue = next(iter(self.vocabulary.unknown(tokenize(without_units(a.query_text)), snap.known_words)), None)
        talked_of = next((x for x in ctx.subjects if x in snap.kb.cities), None)
        if a.yes_no and not a.subjects and a.ent.places and not a.ent.cities and talked_of is not None \
                and (_IT.search(u.normalized) if has_latin(u.normalized) else "อยู่" in u.normalized) \
                and _IN_PLACE.search(u.normalized) and not _ANY_THERE.search(u.normalized) \
                and not _THAT_BATCH.search(u.normalized) and not _ONE_OF.search(u.normalized) \
                and not _MEMBERSHIP.search(u.normalized) and len(ctx.listed) < 2 and ctx.qualifier != "first_five":
            # "อยู่ชลบุรีใช่มะ", "is it in rayong?" right after Wangchan Valley: whether the area discussed is in
            # that province (not whether the one area of that province is). ("is chiang mai in that group as
            # well?" after the five asks about Chiang Mai.)
            a.subjects, a.context = [talked_of], []
        elif a.ent.places and not a.ent.cities:
            # "ยะลาเก่งด้านไหน": a province with one certified area is a question about that area.
            # (not a town, Pattaya: the one area of its province, Khan Song, is not said to be in it)
            place = snap.kb.places[a.ent.places[0]]
            only = snap.kb.areas_at(place.id)
            if len(only) == 1 and not is_about_certification(a.query_text, listing=True):
                a.subjects = [only[0].id, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
                a.context = []
        if not a.subjects and not a.ent.places and not a.follow_up and turn.told is not None \
                and turn.told.intent == "rankings" and a.kind in ("who", None) and not a.yes_no \
                and _asked_rank(u.normalized) is not None and len(a.remainder.split()) <= 4:
            # "ที่ 2 ใคร", "who was third?" right after an area's place in a ranking: which area took that place,
            # not who runs the area discussed (its developer is a "who" too).
            a.context, a.placed = [x for x in a.context if x not in snap.kb.cities], True
        event = a.event = self._event_of_the_day(turn, a)
        if event is not None:
            # "ประกาศที่ไหน", "who announced it?" right after the day Khon Kaen was certified: where and by whom the
            # day's event (the meeting that certified it) took place, not where Khon Kaen is.
            a.context = [event, *(x for x in a.context if x != event)]

    def _event_of_the_day(self: Dialogue, turn: _Turn, a: _Asked) -> str | None:
        """The event the conversation holds that took place on the day of the fact just given, when a follow-up
        naming nothing asks where it happened or who did it ("ประกาศที่ไหน", "who announced it?") right after an
        area's date: that event is what it asks about. None for "where is it", which asks about the area."""
        told = turn.told
        if told is None or a.subjects or a.ent.places or a.follow_up or a.yes_no or a.kind not in ("where", "who") \
                or not a.context or a.context[0] not in turn.snap.kb.cities or not told.date or len(told.date) != 10:
            return None
        text = turn.u.normalized.casefold()
        if a.kind == "where" and _LOCATED.search(text) or a.kind == "who" and not _EVENT_ACT.search(text):
            return None
        on_day = turn.snap.index.day_events.get(told.date, [])
        return next((x for x in a.context if x in on_day), None)

    def _about_the_last_answer(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """Follow-ups the last answer settles: the person it named, a ranking place claimed, the kind of thing it named."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "by when?" right after an answer: the words say nothing about what, so they must not pick a fact
        # that happens to share "when"; the conversation and the question type decide.
        # (after a fact about no one in particular, "เดือนไร" asks about that fact: the context is empty)
        a.asking_only = not a.subjects and bool(a.context or turn.told is not None) and not a.follow_up \
            and is_only_asking(a.query_text)
        a.person = None
        if a.kind == "who" and not a.subjects and not a.follow_up and turn.told is not None:
            # "ใครเป็นคนอธิบาย" after an answer about one person's words: that person is meant, unless the
            # question's words clearly ask for someone else ("ใครเป็นเลขาฯ" after the chair).
            people = [x for x in turn.told.about
                      if x in snap.kb.entities and snap.kb.entities[x].kind == "person" and x in a.context]
            a.person = people[0] if len(people) == 1 else None
        listed = self._named_in_list(turn, a)
        if listed is not None:
            return (self._reply(turn, listed, 1.0),
                    self._remember(turn, listed, ctx.last_query, ctx.last_qtype, True), None)
        acted = self._who_acted(turn, a)
        if acted is not None:
            # "who chaired it" right after "on 9 January 2023 PM Prayut handed the logos..." (the Thai: "เป็นประธาน"):
            # the one person that answer names as doing it did it; the chairs of a committee are another answer.
            # ("who announced them?" after the Takeoff event: its detail names the chair)
            fact, in_detail = acted
            answer = snap.composer.computed(fact.detail.th, fact.detail.en, reply_lang, [fact], list(fact.about)) \
                if in_detail and fact.detail is not None else snap.composer.fact(fact, reply_lang, a.kind)
            # (the event stays what the conversation is about when another of its facts said who)
            event = next((x for x in a.context[:2] if x in fact.about and x in turn.told.about), None) \
                if turn.told is not None and fact is not turn.told else None
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype,
                                   first=event or (ctx.subjects[0] if ctx.subjects else None)), None)
        if a.yes_no and turn.told is not None and turn.told.intent == "rankings" and not a.follow_up \
                and set(a.subjects) <= set(turn.told.about) and _PLACE_CLAIMED.search(u.normalized) \
                and not (asks_to_come(u.normalized) and _WILL_ASKED.search(u.normalized)):
            # (not "will it come first again next year?": a past ranking does not say what is still to come)
            # "so it came first, right?", "ขอนแก่นได้ที่ 1 ใช่ไหม" right after the area's place in a ranking: that
            # ranking says yes or no (not a fact about the first pilots that "came first" also finds)
            elsewhere_placed = self._other_place(snap, Query(a.query_text, reply_lang, a.subjects, list(ctx.subjects)),
                                                 turn.told, u.normalized)
            if elsewhere_placed is not None:
                lead = _verdict_word(not elsewhere_placed, reply_lang)
                answer = snap.composer.fact(turn.told, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, True), None)
        if a.person is None and not a.yes_no and not a.follow_up and turn.told is not None and len(a.subjects) == 1 \
                and a.subjects[0] in turn.told.about and a.subjects[0] not in a.ent.subjects \
                and _SAID_ASKED.search(u.normalized) and _SAID_ASKED.search(turn.told.text().casefold()):
            # "what did he say" right after an answer that gives one person's explanation (he was meant by "he",
            # not named, and the fact tells what he said): that answer, with its detail, is what he said; another
            # fact about him is not. (After the man who received a logo, it says nothing he said.)
            answer = snap.composer.fact(turn.told, reply_lang, a.kind, detail=True)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=a.subjects[0]), None)
        if turn.told is not None and not a.subjects and not a.follow_up and not a.yes_no \
                and _SPAN_ASKED.search(u.normalized) and is_only_asking(_SPAN_ASKED.sub(" ", a.query_text)) \
                and _SPAN_GIVEN.search(turn.told.text().casefold()):
            # "over how long?", "ภายในกี่ปี" right after an answer that gives a goal's span ("within 20 years"):
            # that answer is the answer, not the programme's timeline that "how long" finds.
            answer = snap.composer.fact(turn.told, reply_lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        if a.kind == "who" and not a.subjects and not a.follow_up and not a.yes_no and turn.told is not None \
                and _BEFORE_THAT_ASKED.search(u.normalized) and _FORMERLY.search(turn.told.text()):
            # "ก่อนหน้านั้นเป็นของใคร", "whose was it before that" right after an answer (or its detail) that says
            # whose it formerly was ("...the land was formerly IRPC's"): that, not another fact about the owner now
            told = turn.told
            answer = snap.composer.fact(told, reply_lang, a.kind) if _FORMERLY.search(told.answer_text()) or \
                told.detail is None else snap.composer.computed(told.detail.th, told.detail.en, reply_lang, [told],
                                                                list(told.about))
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        told_city = next((x for x in turn.told.about if x in snap.kb.cities), None) \
            if turn.told is not None and turn.told.intent == "city_date" else None
        named = list(dict.fromkeys(a.cities))
        if told_city is not None and len(named) == 1 and named[0] != told_city and not a.years \
                and set(a.subjects) <= set(named) and (a.yes_no or a.kind in (None, "when")):
            # "แล้วภูเก็ตได้พร้อมกันเลยป่ะ", "and khon kaen same day?" right after when Khon Kaen was certified: worked out
            # from the two areas' certification dates, not another fact about Phuket
            order = self._certified_order(turn, [named[0], told_city], True, told=True)
            if order is not None:
                return (self._reply(turn, order, 1.0),
                        self._remember(turn, order, ctx.last_query, ctx.last_qtype, True), None)
        told_kind = self._told_kind(turn, turn.told, a.subjects, ctx.subjects) \
            if turn.told is not None and not a.follow_up and not a.yes_no else None
        if told_kind is not None:
            # "which hotel was the venue", "at which event", "with which companies" right after an answer (or
            # its detail) that names the hotel, the event, the partners.
            return (self._reply(turn, told_kind, 1.0),
                    self._remember(turn, told_kind, ctx.last_query, ctx.last_qtype,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        return None

    def _named_in_list(self: Dialogue, turn: _Turn, a: _Asked) -> Answer | None:
        """"was songkhla one of them?", "is yala among them", "อุดรอยู่ในนั้นมั้ย" right after an answer that lists
        names: yes when that answer names the one asked about; no when it does not and the list is whole (not
        "9 of them known", "such as"); None otherwise (or when the question names more than one thing)."""
        told, snap, u = turn.told, turn.snap, turn.u
        if told is None or not a.yes_no or not _IN_THE_LIST.search(u.normalized.casefold()):
            return None
        named = list(dict.fromkeys([*a.ent.cities, *(p for p in a.ent.places if p not in a.ent.city_named_places),
                                    *(x for x in a.ent.subjects if x not in a.ent.cities)]))
        if len(named) != 1:
            return None
        x = named[0]
        # (a province's names, or an entity's, and an area's own)
        names = self._names(snap, x) + (self._area_names(snap, x) if x in snap.kb.cities else [])
        text = told.answer_text()
        if not names or text.count(",") + text.count("、") < 2 and len(self._in_order(snap, told)) < 3:
            return None  # (no list to look in)
        said = any(n in text.casefold() for n in names)
        if not said and _PARTIAL_LIST.search(text):
            return None  # (a list the sources leave partial says nothing of the others)
        return snap.composer.fact(told, turn.lang, lead=_verdict_word(said, turn.lang))

    @staticmethod
    def _who_acted(turn: _Turn, a: _Asked) -> tuple[Fact, bool] | None:
        """For "who chaired it", "ใครมอบ", "who opened it" (naming no one) right after a fact about an event or
        project the conversation is on: the fact that names one person as doing that act (in either language:
        the English "handed the logos" is the Thai "เป็นประธานพิธีมอบตรา"), and whether it is its detail that
        names them (then the act may be said by its answer: "the event announced the criteria", "chaired by
        Prajin"). The fact just given, when it is about that person; else, when the facts about the event (the
        one just given too) all name the same person, the one that names them soonest ("when was the logo
        unveiled" - "at the Takeoff event" - "who presided?": the event's facts say who; never the chair of
        some committee that a search for "presided" finds)."""
        told, snap = turn.told, turn.snap
        if told is None or a.kind != "who" or a.subjects or a.ent.places or a.follow_up or a.yes_no:
            return None
        events = [x for x in told.about if x in a.context[:2] and x in snap.kb.entities
                  and snap.kb.entities[x].kind in ("event", "project")]
        if not events:
            return None
        acts = [said_rx for asked_rx, said_rx in _ACTS_ASKED if asked_rx.search(turn.u.normalized.casefold())]
        if len(acts) != 1:
            return None
        named = _people_names(snap)
        own = _acted_in(snap, told, acts[0], named)
        if own is not None or any(snap.kb.entities[x].kind == "person" for x in told.about if x in snap.kb.entities):
            return own
        found: dict[str, tuple[Fact, bool]] = {}
        for event in events:
            for fid in snap.index.by_subject.get(event, ()):
                acted = _acted_in(snap, snap.facts[fid], acts[0], named, named=True)
                if acted is not None:
                    found[fid] = acted

        def saying(hit: tuple[Fact, bool]) -> str:
            fact, in_detail = hit
            said = fact.detail if in_detail and fact.detail is not None else fact.answer
            return (said.th if turn.lang == "th" else said.en).casefold()

        people = {x for hit in found.values() for x in named if any(n in saying(hit) for n in named[x])}
        if len(people) != 1:
            return None
        names = named[people.pop()]

        def said_first(hit: tuple[Fact, bool]) -> tuple[int, str]:
            # the fact that names the person soonest: its sentence answers "who" first
            text = saying(hit)
            return min((text.find(n) for n in names if n in text), default=len(text)), hit[0].id
        return min(found.values(), key=said_first)

    def _told_again(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """The answer just given (or its detail) when it already says what the follow-up asks."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # ("ต้องอยู่ภูเก็ตกี่คืน" right after the Phuket Sandbox names Phuket again: what the answer was about)
        named_told = turn.told is not None and set(a.subjects) <= set(turn.told.about) \
            and all(p in a.ent.city_named_places for p in a.ent.places)
        told_detail = self._told_in_detail(turn, turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None,
                                           a.years) \
            if turn.told is not None and named_told and not a.follow_up and not a.yes_no and a.cue is None else None
        if told_detail is not None:
            # "who chaired it", "where was it held" right after the Takeoff event: its detail says so (the
            # chair, the hotel), though its answer does not.
            return (self._reply(turn, told_detail, 1.0),
                    self._remember(turn, told_detail, a.query_text, a.kind, a.yes_no, a.qualifier,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        if turn.told is not None and not a.subjects and not a.ent.places and not a.follow_up \
                and _OTHERS_ONLY.match(u.normalized.strip()) and (a.hit is None or not set(a.hit.fact.about) & set(
                    turn.told.about)) and max(items_named(turn.told.answer.th), items_named(turn.told.answer.en)) >= 2:
            # "any others?", "มีที่ไหนอีก" right after an answer that names several ("Phuket, with Si Racha and
            # Phahon Yothin"): those it named are the others the bot knows, not another topic's fact or a refusal
            answer = snap.composer.fact(turn.told, reply_lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=ctx.subjects[0] if ctx.subjects else None), None)
        if turn.told is not None and not a.subjects and not a.ent.places and not a.follow_up and not a.yes_no \
                and a.cue is None and (a.hit is None or a.hit.fact.id != turn.told.id) \
                and ((self._told_counts(turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None) and not (
                    # ("what was its score" after "which came third": that one's score, not the three of the list;
                    # an answer that gives one score, the top area's, gives its score)
                    _REFERS_BACK.search(u.normalized) and len(set(turn.told.about) & set(snap.kb.cities)) >= 2
                    and len(_PERCENT.findall(turn.told.answer.en)) != 1))
                     or self._told_holds(snap, turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None,
                                         a.asking_only, a.years)):
            # "how many of them were municipalities", "and from the airport", "เพื่อสนับสนุนใคร": the answer
            # just given already says it (every word the follow-up asks about is in it), and the fact found
            # does not: that answer again.
            answer = snap.composer.fact(turn.told, reply_lang, a.kind)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    def _told_counts(self: Dialogue, told: Fact, query_text: str, kind: str | None, found: Fact | None = None) -> bool:
        """Whether a short follow-up that names nothing asks for a count or a figure ("กี่จังหวัด", "how many
        provinces?", "ได้กี่เปอร์เซ็นต์", "score?") that the answer just given states, in the unit asked, and
        asks about nothing else it does not say: "105 cities in 77 provinces by 2027" answers "กี่จังหวัด" better
        than another fact that counts provinces of another year."""
        if kind not in ("how_many", "how_much", None) or len(query_text.split()) > 6 or kind in told.unknown:
            return False
        if self._only_added(told, query_text) or self._only_renewed(told, query_text):
            return False
        asked_years = _years_in(query_text)
        if asked_years and not asked_years & self._fact_years(told):
            return False  # ("แล้วปี 69 จะมีกี่เมือง": a count of another year is no answer for that year)
        told_text = told.answer_text().casefold()
        about = self._asked_words(_MONEY_ASKED.sub(" ", query_text.casefold()))
        found_text = found.answer_text().casefold() if found is not None else ""
        if kind == "how_much" and _MONEY.search(told_text) and all(w in told_text for w in about) \
                and not (about and _MONEY.search(found_text) and all(w in found_text for w in about)
                         and not _THAT_ONE.search(query_text.casefold())):
            # "งบเท่าไหร่", "how much did it cost" right after a fact that states the sum; "the budget of that
            # pilot" right after "the one-year pilot, worth 97 million baht": what it asks about is what was told
            # (unless the fact found states a sum and says it too: "ทุนเท่าไหร่" finds the capital's own fact;
            # "that pilot", "โครงการนั้น" still points back to the one told)
            return True
        # (a word of the question the fact's own example questions use is how people ask what it tells: "how many
        # were ranked" of the TSCCI's release covering 30 cities, "จัดอันดับ")
        phrased = " ".join((told_text, *told.questions.th, *told.questions.en)).casefold()
        if kind == "how_many" and _counts_noun(told_text, query_text) \
                and all(w in phrased for w in self._asked_words(query_text)):
            # "how many cameras" right after "...a CCTV system (40 cameras covering 13 beaches)": the number it
            # gives with what is counted, not another fact's count of cameras (of another plan)
            return True
        asked = units_asked(query_text)
        if kind is None and asked != {"percent"}:
            return False  # ("score?": only a score is asked without a question word)
        stated = {unit for _, unit in counted(told.answer_text())}
        if not asked or not asked <= stated:
            return False
        return all(w in phrased for w in self._asked_words(without_units(query_text)) if not is_unit_word(w))

    @staticmethod
    def _only_renewed(told: Fact, query_text: str) -> bool:
        """Whether a question asks how many areas are new ("แล้วมีเมืองใหม่กี่เมือง", "and how many new ones") and
        the answer just given counts only logos renewed ("ต่ออายุตราสัญลักษณ์ 16 เมือง"), which are none of them."""
        text = told.answer_text().casefold()
        return bool(_NEW_ASKED.search(query_text) and not _RENEWAL.search(query_text) and _RENEWAL.search(text)
                    and not _NEW_ASKED.search(text))

    def _told_holds(self: Dialogue, snap: Snapshot, told: Fact, query_text: str, kind: str | None, found: Fact | None,
                    asking_only: bool = False, years: frozenset[int] = frozenset()) -> bool:
        """Whether the answer just given answers a follow-up that names nothing, better than ``found`` (the
        fact retrieval found, if any): the follow-up asks about at least one word of its own (not a question
        word, filler or pronoun), every such word is in that answer and not all of them in ``found``, the answer
        holds the kind of thing asked (a date for "when", a number for "how many") and does not say the sources
        leave it open, and nothing in the question rules it out (knowledge/answerable.py). A message that only
        asks ("when?", "ที่ไหน", "by whom") needs no word of its own: the kind of thing asked must be in the
        answer's own words (a date, a place, a name), not only in its aspect."""
        if self.vocabulary is None or len(query_text.split()) > 8 or (kind is not None and kind in told.unknown):
            return False
        words = self._asked_words(query_text)
        # "who" is held by a name, or by an organisation or person the fact is about ("PTT and NSTDA signed...").
        holds = snap.index.holds[told.id] | ({"who"} if any(
            x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person") for x in told.about)
            else set())
        if asking_only:  # ("between who?", "from whom")
            return kind is not None and kind in holds and why_not(query_text, told, kind, years=years) is None

        def says_all(fact: Fact) -> bool:
            text = fact.answer_text().casefold()
            # ("when did it start" is said by "from 1 July 2021", "launched in", "เริ่ม", "ตั้งแต่")
            return all(w in text or w in _START_ASKED and _START_SAID.search(text) for w in words)

        # ("when will it open" after "...it is not open yet...": a word the answer says only as not so yet does
        # not say when it will be)
        told_text = told.answer_text().casefold()
        if any(w in told_text and not _said_unnegated(w, told_text) for w in words):
            return False
        if not words or not says_all(told) or (found is not None and says_all(found)):
            return False
        # ("แล้วใครได้อันดับ 1" after "...อันดับ 3...": a number asked must be one the answer states)
        told_text = told.answer_text()
        if any(not re.search(rf"(?<![\d.]){n}(?![\d.])", told_text) for n in re.findall(r"\d+", query_text)):
            return False
        # ("เพื่อสนับสนุนใคร" after "...supports community enterprises": the words asked about are the answer's)
        if kind is not None and kind not in holds and told.aspect != kind and kind != "who":
            return False
        # ("what about the 2025 index?" after the 2023 index: the year asked rules it out)
        return why_not(query_text, told, kind, years=years) is None

    def _told_in_detail(self: Dialogue, turn: _Turn, told: Fact, query_text: str, kind: str | None,
                        found: Fact | None, years: frozenset[int] = frozenset()) -> Answer | None:
        """The detail of the fact just given as the answer to a follow-up that names nothing, when every word it
        asks about (not a question word or filler) is in that detail and not all of them in the fact's answer nor
        in the answer of the fact found (``found``)."""
        if told.detail is None or len(query_text.split()) > 8 or (kind is not None and kind in told.unknown):
            return None
        if is_only_asking(query_text):
            # ("by which year?" asks what the answer gives: a year, not the word "year")
            return self._detail_only_asked(turn, told, kind, found)
        # (a Thai word of two letters is inside too many others: "ทำ" in "ทำเนียบ"; an English one starts a word;
        # a noun of the kind asked, "year", "date", "name", says nothing of what is asked about)
        words = [w for w in self._asked_words(_KIND_NOUN.sub(" ", query_text.casefold())) if len(w) >= 3]
        detail = f"{told.detail.th} {told.detail.en}".casefold()
        answer = told.answer_text().casefold()

        def says_all(text: str) -> bool:
            return all(re.search(rf"\b{re.escape(w)}", text) if w.isascii() else w in text or _said_core(w, text)
                       for w in words)

        # (a fact found that says them is the answer when it is about the same thing: the chair of another
        # committee is not who chaired this event)
        same_thing = found is not None and bool(set(found.about) & set(told.about) - turn.snap.index.concepts)
        if not words or not says_all(detail) or says_all(answer) or (
                same_thing and found is not None and says_all(found.answer_text().casefold())):
            return None
        # a count or a sum the answer states (or the fact found states) is what "how many proposals were
        # screened", "how much will it cost" ask, in other words; the detail must state one itself
        found_text = found.answer_text().casefold() if found is not None else ""
        if kind == "how_many" and (counted(told.answer_text()) or counted(found_text) or not re.search(r"\d", detail)) \
                or kind == "how_much" and (_MONEY.search(answer) or _MONEY.search(found_text)
                                           or not _MONEY.search(detail)):
            return None
        if why_not(query_text, told, kind, years=years) is not None:
            return None
        return turn.snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))

    @staticmethod
    def _detail_only_asked(turn: _Turn, told: Fact, kind: str | None, found: Fact | None) -> Answer | None:
        """The detail of the fact just given, for a message that only asks "where?", "ที่ไหน", "who?" right after
        it, when that detail holds a place (a name) and the answer does not: "ที่ไหน" after "the logo was unveiled
        in March 2019 at the Takeoff event" asks where the event was held, which its detail says. A fact found
        about the same thing that holds it in its own answer comes first; so does one that the answer holds."""
        if kind not in ("where", "who") or told.detail is None:
            return None
        holds = _HOLDS[kind]
        # ("at depa in Lat Phrao": a place named as where it happened, which the Thai says as "ที่ดีป้า ลาดพร้าว")
        placed = kind == "where" and _AT_A_PLACE.search(told.detail.en) is not None
        if holds.search(told.answer_text()) or not (placed or holds.search(told.detail.th) and holds.search(told.detail.en)):
            return None
        snap = turn.snap
        if found is not None and found.id != told.id and holds.search(found.answer_text()) \
                and set(found.about) & set(told.about) - snap.index.concepts:
            return None
        return snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))

    def _told_kind(self: Dialogue, turn: _Turn, told: Fact, subjects: list[str], talked_of: list[str]) -> Answer | None:
        """The answer just given again, or its detail, for a follow-up that asks only which one of a kind of
        thing it was ("which hotel was the venue", "at which event", "with which companies", "which part of
        bangkok"), when that text names a thing of that kind; None otherwise. What the follow-up names must be
        what the conversation is about, or be named in that answer (Bangkok in "...in Lat Phrao, Bangkok")."""
        u, snap = turn.u, turn.snap
        text = u.normalized.casefold()
        kind = next((k for k, rx in _WHICH_KIND.items() if rx.search(text)), None)
        if kind is None or not set(subjects) <= set(told.about) | set(talked_of):
            return None
        told_text = told.text().casefold()
        if any(not any(n in told_text for n in self._names(snap, p)) for p in u.entities.places):
            return None
        # (a name's possessive is left behind when the name is taken out: "who is EGAT's partner" → "who is 's partner")
        rest = _KIND_WORDS.sub(" ", re.sub(r"['’]s\b", " ", u.entities.remainder.casefold()))
        if rest.strip(" ?!.,") and not is_only_asking(rest):
            return None  # ("which hotel is cheapest" asks something the answer does not say)

        # (an event's names without "งาน" and the date in brackets: "Digital Thailand Big Bang 2019")
        events = [n for x in told.about if x in snap.kb.entities and snap.kb.entities[x].kind == "event"
                  for n in self._names(snap, x)]

        def says(t: str) -> bool:
            if kind == "where":
                return bool(_HOLDS["where"].search(t))
            if kind == "partner":
                return bool(_WITH_PARTNER.search(t))
            return any(re.sub(r"^งาน\s*|\s*\(.*\)$", "", n) in t.casefold() for n in events)

        if says(told.answer.th) or says(told.answer.en):
            return snap.composer.fact(told, turn.lang)
        if told.detail is not None and (says(told.detail.th) or says(told.detail.en)):
            return snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))
        return None

    @staticmethod
    def _the_counted(snap: Snapshot, last: Fact, n: str, lang: str) -> Fact | None:
        """The one fact about a subject of ``last`` that states the count ``n`` of a unit ``last`` counts ("3
        Smarts") and names the things counted; None when there is none, or more than one."""
        units = {u for num, u in counted(last.answer_text()) if num == n}
        if not units:
            return None
        found = {f.id: f for x in last.about if x in snap.kb.cities or x in snap.kb.entities
                 for f in snap.index.about(x) if f.id != last.id
                 and {(n, u) for u in units} & counted(f.answer.get(lang)) and names_a_list(f.answer.get(lang))
                 # (names as many as it counts: "renewed the logos of 16 cities" names none of the 16)
                 and max(items_named(f.answer.th), items_named(f.answer.en)) >= int(n)}
        # the most specific: the fact about one city names that city's three, a fact about all five less plainly
        ranked = sorted(found.values(), key=lambda f: len(set(f.about) & set(snap.kb.cities)))
        if not ranked or (len(ranked) > 1 and len(set(ranked[0].about) & set(snap.kb.cities)) == len(
                set(ranked[1].about) & set(snap.kb.cities))):
            return None
        return ranked[0]

    @staticmethod
    def _lists_what_was_told(turn: _Turn, told: Fact) -> bool:
        """Whether a list question ("มีไรบ้าง", "มีเมืองไหนบ้าง") asks for what the answer just given listed or
        counted: it names no kind of thing, or one that answer counts, or areas after a list of areas.
        "มีโครงการอะไรบ้าง" after "Phuket is 1 of the 5 pilot cities" asks for projects, not the five."""
        text = turn.u.normalized.casefold()
        asked = units_asked(text) | ({"project"} if _PROJECTS.search(text) else set())
        if not asked:
            return True
        if asked <= {"city", "area", "province"} and len([x for x in turn.ctx.listed if x in turn.snap.kb.cities]) >= 2:
            return True
        told_text = told.text()
        units = {unit for _, unit in counted(told_text)}
        if _PROJECTS_COUNTED.search(told_text):  # (counted() has no unit for projects)
            units.add("project")
        if asked & units:
            return True
        return "project" not in asked and (names_a_list(told.answer.en) or names_a_list(told.answer.th))

    def _named_again(self: Dialogue, turn: _Turn, told: Fact, listed: list[str]) -> Answer | None:
        """For "which ones?" right after ``told``: the areas the last answer listed (``listed``), else ``told``
        again when it names a list, else the one fact that names the things ``told`` counts first; None when
        ``told`` counts nothing or no fact names what it counts."""
        snap, lang = turn.snap, turn.lang
        answer = told.answer.get(lang)
        areas = [x for x in listed if x in snap.kb.cities]
        if len(areas) >= 2:  # (first: a list worked out from the areas, "the areas in Chiang Mai", has no fact)
            names = names_listed([snap.kb.cities[x].name.get(lang) for x in areas], lang)
            return snap.composer.computed(f"ได้แก่ {names}", f"They are {names}.", lang,
                                          [f for x in areas for f in self._certified_facts(snap, x)][:2], areas)
        asked_n = _N_ASKED.search(spelled_as_digits(turn.u.normalized))
        if (names_a_list(told.answer.en) or names_a_list(told.answer.th)) and (
                # ("which 16 were those" / "granted one new logo, to Phuket Tinicon Valley, and renewed 16": no list of 16)
                asked_n is None or max(items_named(told.answer.th), items_named(told.answer.en)) >= int(asked_n.group(1))):
            return snap.composer.fact(told, lang, "list")
        counts = counted(answer)
        if not counts:
            return None
        # the count the answer states first is the one it answers with ("50 zones, alongside the 15 logos")
        first = min(counts, key=lambda c: (m.start() if (m := re.search(rf"(?<![\d.,]){re.escape(c[0])}(?![\d.,])",
                                                                         answer)) else len(answer)))
        listing = self._the_counted(snap, told, first[0], lang)
        return snap.composer.fact(listing, lang, "list") if listing is not None else None
