"""Answers worked out from structured data: places in a ranking, batches, certification verdicts and orders, which of
the areas listed, promotion zones."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from intents.question import is_about_certification, is_definition, question_type
from knowledge.dates import format_date
from knowledge.polarity import WHOLE_ASKED, counted, days_named, disputed, spelled_as_digits
from knowledge.composer import Answer, names_listed
from knowledge.schema import Fact
from knowledge.retrieval import Query, _asked_rank, _stated_ranks
from knowledge.snapshot import Snapshot

from .facts import FactReading
from .reading import (_CITY_BASED, _PROVINCE_BASED, _category_of, _PLACEHOLDER, _SMART_CITY_CONCEPT, _WHICH_OF_TWO,
                      _WHICH_OF, _A_YEAR, _years_in, _years_asked, _THAT_BATCH, _MEMBERSHIP, SEVEN_SMARTS,
                      _BEFORE_ASKED, _verdict_word, _lead)
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

#: Words that make a yes/no question one about being certified ("โคราชเป็นเมืองอัจฉริยะไหม").
_CERTIFIED = ("เมืองอัจฉริยะ", "สมาร์ทซิตี้", "สมาร์ตซิตี้", "รับรอง", "ได้ตรา", "ตราสัญลักษณ์", "โลโก้", "smart city",
              "certified", "certification", "logo")

# The year of the index a ranking is of ("TSCCI 2023", "the 2024 index"), not the year it was released.
_INDEX_YEAR = re.compile(r"\bTSCCI\)?\s*((?:19|20)\d\d)\b|\b((?:19|20)\d\d) index\b")
# "ที่สอง", "อันดับ 2 3 ล่ะ", "and third?", "who came 2nd": all such a follow-up says, besides the places asked.
_PLACE_WORDS = re.compile(r"\b(and|what|about|how|who|which|one|ones|area|areas|city|cities|place|was|were|is|are|came|come|"
                          r"ranked|rank|got|get|the|then|in|of|next|after|at|number|no)\b|"
                          r"แล้ว|ล่ะ|ละ|หละ|ใคร|อันดับ|ลำดับ|ได้|ที่|เมือง|พื้นที่|ไหน|อะไร|ไร|คือ|เป็น|กับ|และ|ครับ|คับ|ค่ะ|คะ|นะ|อ่ะ|อะ|"
                          r"ปี|ล่า|ต่อมา|ถัดมา|ถัดไป|[?!.,]")


def _ranks_asked(text: str) -> list[int]:
    """The places a follow-up asks about, in order: [2] for "ที่สอง", [2, 3] for "อันดับ2 3 ล่ะ" or "2nd and 3rd",
    [4] for "and 4th"."""
    first = _asked_rank(text)
    if first is None and not _NTH_PLACE.search(text):
        return []
    more = [int(n) for n in re.findall(r"(?<![\d.,:/])([1-9])(?:st|nd|rd|th)?(?![\d.,:/%])", text)]
    words = [_ORDINAL_WORDS[w] for w in _NTH_PLACE.findall(text) for w in w if w and not w.isdigit()]
    return list(dict.fromkeys([*([first] if first is not None else []), *more, *words]))


_NTH_PLACE = re.compile(r"\b(?:[1-9](?:st|nd|rd|th)|(first|second|third|fourth|fifth))\b|(?<=ที่)\s*(หนึ่ง|สอง|สาม|สี่|ห้า)")
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4,
                  "ห้า": 5}

# "besides Samyan", "นอกจากสามย่าน": the areas named are left out of what is listed.
_BESIDES = re.compile(r"นอกจาก|นอกเหนือจาก|ยกเว้น|\b(besides|except|excluding|other than|apart from)\b")


def _certified_th(name: str) -> str:
    """"ได้รับการรับรองเป็นเมืองอัจฉริยะ" after an area's Thai name, without saying "เมืองอัจฉริยะ" twice when the
    name says it ("ภูเก็ตเมืองอัจฉริยะได้รับการรับรองเมื่อ ...")."""
    return "ได้รับการรับรอง" if "เมืองอัจฉริยะ" in name else "ได้รับการรับรองเป็นเมืองอัจฉริยะ"


# Which of two came first: "อันไหนได้ก่อน", "ใครได้ตราก่อน", "which was certified first", "earlier".
# (not "the first five", "ชุดแรก": a batch, not an order)
_FIRST_OF_TWO = re.compile(r"ก่อน(?!หน้า)|\b(?:first(?!\s+(?:five|5|batch|round|pilot|ones?|group|lot|wave|seven|7))|earlier|"
                           r"sooner|before)\b", re.I)


# "why did X get certified": the words of asking why, and of asking why only now (another fact's question)
_WHY_WORDS = re.compile(r"ทำไม(?!\u0e48)|เพราะอะไร|เหตุใด|ถึง|จึง|ล่ะ|ละ|หรอ|เหรอ|"
                        r"\b(why|how come|chosen|selected|picked|become|became|as)\b", re.I)
_WHY_LATE = re.compile(r"เพิ่ง|ช้า|นานแล้ว|ตั้งนาน|\b(only now|so late|late|just now|only in|finally|took so long)\b", re.I)

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")

_OR_ELSE = re.compile(r"\s+or\s+|\s*หรือว่า|\s*หรือแค่|\s*หรือเป็นแค่")

# A question about the areas certified (a batch, a round, the logos), not a ranking or a budget of that year.
_CERTIFYING = re.compile(r"ชุด|รุ่น|รอบ|รับรอง|ตรา|โลโก้|\b(batch|round|cohort|certif\w*|logos?|pilots?)\b", re.I)

# "the Thai term for Smart Governance", "ภาษาไทยเรียกว่าอะไร", "ชื่อภาษาอังกฤษ": the other language's name.
_OTHER_NAME = re.compile(r"\b(thai|english) (term|name|word|translation)\b|\b(called|say it|named) in (thai|english)\b|"
                         r"\bin thai\?*$|ภาษา(ไทย|อังกฤษ)\s*(เรียก|ใช้คำ|คือ|ว่า)|ชื่อ(ภาษา)?(ไทย|อังกฤษ)|เรียกเป็นภาษา")

_ANOTHER_NAME = re.compile(r"\b(other|another|alternative|alternate|different)\b|อื่น")

_BODY_ASKED = re.compile(r"\bwhich (?:\w+ )?(?:meeting|committee|sub-?committee|body|agency|ministry)\b|"
                         r"\bfull name of the (?:sub-?)?committee\b|\bcommittee'?s full name\b|\bmeeting (?:number|no)\b|"
                         r"(?:คณะ(?:อนุ)?กรรมการ|ประชุม|หน่วยงาน)\S{0,6}(?:ไหน|ใด|อะไร)|ชื่อเต็มของคณะ|คณะ(?:อนุ)?กรรมการ.{0,40}ชื่อเต็ม|"
                         r"ประชุมครั้ง")


# "is Pattani among the 2022 areas", "ยะลาอยู่ในชุดปี 64 ไหม": whether a place is in a year's batch.
_AMONG_BATCH = re.compile(r"\bamong\b|\bone of\b|\bpart of\b|\bin the\b[^?]{0,20}\b(batch|round|list|group)\b|"
                          r"อยู่ใน(ชุด|รอบ|รุ่น|กลุ่ม|รายชื่อ)|เป็นหนึ่งใน|เป็น\s*1\s*ใน", re.I)

_AFTER_ASKED = re.compile(r"after|later|หลัง", re.I)
_ORDER_ASKED = re.compile(r"\b(before|earlier than|sooner than|after|later than)\b|ก่อน(?!หน้า|ปี)|หลัง(?!จาก|ปี)|"
                          r"พร้อม(?:กัน|กับ)?|วันเดียวกั[นบ]|\b(?:on )?(?:the )?same (?:day|date|time)\b|\bat the same time\b|"
                          r"\btogether with\b", re.I)

# "7 smarts เหมือนภูเก็ต", "both 7 Smarts?", "as many Smarts": two areas' Smarts counts set side by side.
_SMARTS_WORD = re.compile(r"\bsmarts?\b|สมาร์ท|สมาร์ต|\d\s*smart|ด้าน", re.I)
_ALIKE = re.compile(r"เหมือน|เท่ากัน|เท่ากับ|ทั้งคู่|ทั้งสอง(?:เมือง|ที่)?|\bboth\b|\bsame\b|\blike\b|\bas many\b|"
                    r"\bas well\b|\btoo\b", re.I)
_DIFFER_LEAD = re.compile(r"\s*sources differ", re.I)
_BOTH = re.compile(r"ทั้งคู่|ทั้งสอง|\bboth\b", re.I)
_ALL_SMARTS = re.compile(r"ครบ|ทุกด้าน|ทั้งหมด|\ball\b|\bfull\b", re.I)
_MASTER_PLAN = re.compile(r"แม่บท|\bmaster\s*plan", re.I)
_CERTIFIED_WORD = re.compile(r"ตรา|รับรอง|ประกาศ|โลโก้|อนุมัติ|เห็นชอบ|เป็นเมืองอัจฉริยะ|certif|\blogo|\bannounced\b|\bapproved\b|"
                             r"\bbecame\b|\bnamed\b", re.I)
# A promotion zone asked about: the preliminary certificate, not the logo.
_ZONE_ASKED = re.compile(r"เขตส่งเสริม|promotion[- ]?(zone|area)|\bzone\b", re.I)


# A Thai claim denied, then "right?": "ภูเก็ตไม่ได้อยู่ใน 5 เมืองแรกใช่ไหม" claims Phuket is not among them, so a
# fact that it is says ไม่ใช่ (not "ไม่ได้มาเองเหรอ", a surprised question about the positive)
_NEGATED_CLAIM_TH = re.compile(r"(?:ไม่ได้|ไม่ใช่|ไม่เคย|ยังไม่|ไม่เป็น|ไม่มี)[^?]*ใช่\s*(?:ไหม|มั้ย|มั๊ย|มะ|ป่ะ|ปะ|ป่าว|"
                               r"หรือเปล่า|รึเปล่า|หรือไม่|มัย)")


def _flip_lead_th(text: str) -> str:
    """``text`` with its leading ใช่ครับ and ไม่ใช่ครับ swapped (for a claim that denies: see _NEGATED_CLAIM_TH)."""
    if text.startswith("ไม่ใช่ครับ"):
        return "ใช่ครับ" + text[len("ไม่ใช่ครับ"):]
    if text.startswith("ใช่ครับ"):
        return "ไม่ใช่ครับ" + text[len("ใช่ครับ"):]
    return text


#: Who certifies areas: named in "is X certified by depa?", they are not what the question is about.
_CERTIFIERS = frozenset({"depa", "smart-city-subcommittee", "smart-city-steering-committee", "smart-city-working-group"})


class WorkedOutSteps:
    """Dialogue's methods for this job: answers worked out from structured data: places in a ranking, batches,
    certification verdicts and orders, which of the areas listed, promotion zones."""
    _pilot_day: tuple[Snapshot, frozenset[str]] | None

    @staticmethod
    def _besides(turn: _Turn, cities: list[str]) -> set[str]:
        """The areas a question about a province leaves out: "which Bangkok areas besides Samyan", "นอกจากสามย่าน
        กรุงเทพมีที่ไหนอีก" (every area named, when all are in the province named after or before "besides")."""
        ent, kb = turn.u.entities, turn.snap.kb
        if not cities or not ent.places or not _BESIDES.search(turn.u.normalized.casefold()):
            return set()
        place = kb.places[FactReading._place_asked(ent)]
        there = {c.id for c in kb.areas_at(place.id)}
        return set(cities) if set(cities) <= there else set()

    def _place_in_ranking(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ที่สอง", "and third?", "อันดับ2 3 ล่ะ", "and province-based?" or "and in 2024?" right after an answer
        from a ranking (one area's place in it, or its top areas): the area at that place, of the same index, year
        and kind of areas (city- or province-based) as the answer just given, unless the follow-up names another."""
        told, snap, u = turn.told, turn.snap, turn.u
        text = u.normalized
        # ("and province-based?" reads as a yes/no question, "based" being a verb's form)
        yes_no = a.qt.yes_no and not re.match(r"\s*(and|what about|how about)\b", text)
        if told is None or told.intent != "rankings" or a.ent.places or yes_no or a.nth is not None \
                or not set(a.subjects) <= snap.index.rankers:
            return None
        ranks = _ranks_asked(text)
        asked_kind = _category_of(text)
        years = sorted(a.asked_years)
        rest = _PLACE_WORDS.sub(" ", _A_YEAR.sub(" ", _CITY_BASED.sub(" ", _PROVINCE_BASED.sub(" ", text))))
        rest = re.sub(r"\b(1st|2nd|3rd|[4-9]th|first|second|third|fourth|fifth|tscci)\b|หนึ่ง|สอง|สาม|สี่|ห้า|\d", " ", rest)
        if rest.strip() or not (ranks or asked_kind or len(years) == 1) or len(years) > 1:
            return None  # (it asks something besides a place, a kind or a year: not only which area)
        told_text = told.answer.en
        year_said = _INDEX_YEAR.search(told_text)
        year = years[0] if years else int(next(g for g in year_said.groups() if g)) if year_said else None
        kind = asked_kind or _category_of(turn.ctx.last_query or "") or _category_of(told_text)
        if year is None:
            return None

        def fits(fact: Fact, want: str | None) -> bool:
            said = _INDEX_YEAR.search(fact.answer.en)
            return fact.intent == "rankings" and said is not None and int(next(g for g in said.groups() if g)) == year \
                and not set(fact.about) & set(snap.kb.dimensions) and _category_of(fact.answer.en) == want

        lists = [f for f in snap.facts.values() if len(self._in_order(snap, f)) >= 2]
        # (a year whose index ranks all areas together has no kind: "and in 2024?" after the 2023 city-based top 3)
        ranking = next((f for want in dict.fromkeys([kind, None]) for f in sorted(
            (f for f in lists if fits(f, want)), key=lambda f: (f.id != told.id, -len(self._in_order(snap, f))))), None)
        if ranking is None or (kind is None and _category_of(told_text) is None and "city-based" in told_text):
            return None  # ("ที่สอง" after the top area of each kind: which kind is not known)
        order = self._in_order(snap, ranking)
        lang = turn.lang
        if not ranks:
            if ranking.id == told.id or len(self._in_order(snap, told)) < 2:
                return None  # ("and in 2024?" after one area's place asks about that area)
            answer = snap.composer.fact(ranking, lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype), None)
        if any(r > len(order) for r in ranks):
            if any(r in _stated_ranks(f.answer.en) and fits(f, _category_of(ranking.answer.en))
                   for r in ranks for f in snap.facts.values()):
                return None
            # ("and 4th?" after a top 3 that no fact goes past: not known, rather than the 3rd again)
            answer = snap.composer.fallback(lang, [])
            return self._reply(turn, answer, u.confidence), replace(turn.ctx, lang=lang), "fallback"
        placed = [order[r - 1] for r in ranks]
        own = None
        if len(placed) == 1:
            # The area's own fact, when it says that place in that ranking ("Samyan ranked second among city-based...")
            own = next((f for f in snap.index.about(placed[0]) if fits(f, _category_of(ranking.answer.en))
                        and ranks[0] in _stated_ranks(f.answer.en) and placed[0] in f.about), None)
        answer = snap.composer.fact(own or ranking, lang, subjects=placed if own is None else None)
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype, first=placed[0]), None)

    def _ranked_place(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which one came second" right after a ranking: the one at that place."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        a.listed = [c for c in ctx.subjects if c in snap.kb.cities]
        # (not "who came first in 2024" after the 2023 list: another year is another ranking)
        placed = self._placed(snap, turn.told, u.normalized) if turn.told is not None and not a.subjects \
            and not a.ent.places and not a.follow_up and not a.asked_years else None
        if placed is not None and turn.told is not None:
            # "which one came second" right after a ranking that lists several: the one at that place.
            own = self._best(snap, Query(a.query_text, reply_lang, [placed], [], a.kind, dict(u.ranking), frozenset()),
                             a.cue, only=placed)
            # (of the same ranking: the area's place in the 2023 index is not its place in the 2024 one just told)
            told_year, own_year = (_INDEX_YEAR.search(f.answer.en) if f is not None else None
                                   for f in (turn.told, own.fact if own is not None else None))
            same_year = told_year is None or own_year is not None and next(
                g for g in own_year.groups() if g) == next(g for g in told_year.groups() if g)
            answer = snap.composer.fact(own.fact if own is not None and own.fact.intent == "rankings" and same_year
                                        else turn.told, reply_lang, a.kind, subjects=[placed])
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier, first=placed), None)
        return None

    def _which_of_listed(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which of those is in Bangkok": each item of the last answer, asked."""
        u = turn.u
        if not a.subjects and len(a.listed) >= 2 and _WHICH_OF.search(u.normalized):
            # "which of those is in Bangkok", "อันไหนทำแค่ 3 ด้าน": the items of the last answer, each asked.
            picked = self._which_of(turn, a.listed, a.query_text, a.kind)
            if picked is not None:
                return (self._reply(turn, picked, 1.0),
                        self._remember(turn, picked, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        dimension = self._dimension_meant(turn, a)
        if dimension is not None:
            answer = turn.snap.composer.fact(dimension, turn.lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    def _that_batch(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """On "is Korat in that batch too?": the batch just asked about."""
        u, ctx = turn.u, turn.ctx
        if a.yes_no and _THAT_BATCH.search(u.normalized) and not a.asked_years and ctx.last_query \
                and (_CERTIFYING.search(ctx.last_query) or ctx.qualifier == "first_five"):
            # "is Korat in that batch too?" after "how many areas in the 2022 batch": the batch just asked about
            # (its year kept in the question, so "and Krabi?" next asks about that batch again).
            before = _years_in(ctx.last_query)
            if len(before) == 1:
                a.query_text = f"{a.query_text} {next(iter(before))}"
            elif ctx.qualifier == "first_five":
                a.qualifier = a.qualifier or ctx.qualifier

    def _batch_reported(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """A province with no known area, asked about a year's batch: what the reports of that batch say."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        others = [p for p in a.ent.places if p not in a.ent.city_named_places]
        batch_year = _years_in(a.query_text)
        no_city = a.yes_no and others and not [c for c in a.ent.cities if c in snap.kb.cities] and len(batch_year) == 1
        if no_city and not _THAT_BATCH.search(f"{u.normalized} {a.query_text}") and _AMONG_BATCH.search(u.normalized) \
                and not snap.kb.areas_at(others[0]):
            # "is Pattani among the 2022 areas?": no area the bot knows is there, but a report of that year's
            # batch may name the province
            reported = self._reported(snap, snap.kb.places[others[0]], reply_lang, a.yes_no, next(iter(batch_year)))
            if reported is not None:
                return (self._reply(turn, reported, 1.0),
                        self._remember(turn, reported, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        if no_city and _THAT_BATCH.search(f"{u.normalized} {a.query_text}"):
            # "and Krabi?" after "is Korat in that batch too?": the area the bot knows there, else what the
            # sources report of that province that year, else honestly that the later lists are partial (not the
            # last city's verdict).
            place = snap.kb.places[others[0]]
            known = snap.kb.areas_at(place.id)
            reported = self._batch_verdict(snap, known[0], next(iter(batch_year)), reply_lang) if len(known) == 1 \
                else None if known else self._reported(snap, place, reply_lang, a.yes_no, next(iter(batch_year)))
            if reported is not None:
                return (self._reply(turn, reported, 1.0),
                        self._remember(turn, reported, a.query_text, a.kind, a.yes_no, a.qualifier), None)
            answer = snap.composer.fallback(reply_lang, [], place=others[0])
            return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
        return None

    def _worked_out(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """Answers worked out from structured data (the first five, certification, areas in a province)."""
        # (a word few facts use is no off-topic cue when every word asked is one of listing certified areas:
        # "which entities in Chiang Mai hold logos")
        listing = is_about_certification(a.query_text, listing=True)
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        if not a.subjects and not a.ent.places and not a.qt.yes_no and turn.told is not None and ctx.subjects \
                and (ctx.subjects[0] in snap.kb.dimensions or ctx.subjects[0] in snap.kb.entities) \
                and _OTHER_NAME.search(u.normalized) and not _ANOTHER_NAME.search(u.normalized):
            # "ภาษาไทยเรียกว่าไร", "what's it called in thai" naming nothing, right after an answer about a Smart
            # or an organisation: its name in the other language
            named = self._other_name(snap, ctx.subjects[0], turn.lang,
                                     english=bool(re.search(r"อังกฤษ|english", u.normalized)))
            if named is not None:
                return (self._reply(turn, named, 1.0),
                        self._remember(turn, named, ctx.last_query, ctx.last_qtype, first=ctx.subjects[0]), None)
        why = self._why_certified(turn, a)
        if why is not None:
            return (self._reply(turn, why, 1.0),
                    self._remember(turn, why, a.query_text, a.kind, first=why.subjects[0] if why.subjects else None), None)
        computed = None if a.cue and not listing else self._computed(
            turn, a.subjects, a.yes_no, a.qualifier, a.query_text, a.kind)
        if computed is None and a.cue and a.yes_no:
            # "is smart health one of the 7 Smarts?": a word no fact uses is just what is not among the seven
            computed = self._seven_smarts_member(turn, a.subjects)
        if computed is not None:
            if a.yes_no and turn.lang == "th" and _NEGATED_CLAIM_TH.search(turn.u.normalized):
                computed.text = _flip_lead_th(computed.text)
            return (self._reply(turn, computed, 1.0),
                    self._remember(turn, computed, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    @staticmethod
    def _why_certified(turn: _Turn, a: _Asked) -> Answer | None:
        """"ทำไมภูเก็ตถึงได้เป็นเมืองอัจฉริยะ", "why did Samyan get the logo?", or "ทำไมถึงได้" right after an area's
        certification: the area's own reason where the sources give one, else that its smart city plan passed the
        assessment and what that plan aims at. None for anything else, and for "why only now" (another fact says)."""
        snap, ctx = turn.snap, turn.ctx
        if a.kind != "why" or a.yes_no or _WHY_LATE.search(turn.u.normalized):
            return None
        rest = _WHY_WORDS.sub(" ", a.query_text)
        if a.subjects:
            if len(a.subjects) != 1 or a.subjects[0] not in snap.kb.cities or not is_about_certification(rest):
                return None
            city = snap.kb.cities[a.subjects[0]]
        else:
            told = turn.told
            if told is None or told.intent != "city_date" or not ctx.subjects or ctx.subjects[0] not in snap.kb.cities \
                    or rest.strip() and not is_about_certification(rest):
                return None
            city = snap.kb.cities[ctx.subjects[0]]
        goals = sorted((f for f in snap.index.about(city.id) if f.intent == "city_focus"), key=lambda f: (-f.priority, f.id))
        if not goals:
            return None
        reasons = [f for f in goals if f.aspect == "why"]
        if reasons:  # (the sources give this area's own reason: Mae Moh's, a life after the mine and power plant)
            return snap.composer.fact(reasons[0], turn.lang, "why")
        goal = goals[0]
        return snap.composer.computed(
            f"{city.short_name.th}ได้รับการรับรองเพราะแผนพัฒนาเมืองอัจฉริยะผ่านการประเมิน {goal.answer.th}",
            f"{city.short_name.en} was certified because its smart city plan passed the assessment. {goal.answer.en}",
            turn.lang, [goal, *FactReading._certified_facts(snap, city.id)], [city.id])

    def _zone(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """A province asked about certification or a promotion zone."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        a.cities = [s for s in a.subjects if s in snap.kb.cities]
        certifying = is_about_certification(a.query_text, listing=True)
        general = [x for x in a.subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")  # "smart city", "the 7 Smarts"
            or certifying and x in _CERTIFIERS]  # ("certified by depa": who certifies, not what is asked about)
        if a.ent.places and not a.cities and len(general) == len(a.subjects) and (a.yes_no or a.kind in (None, "list")) \
                and (certifying or _ZONE_ASKED.search(u.normalized)):
            zone = self._zone_of(snap, a.ent.places[0], u.normalized, a.yes_no, reply_lang)
            if zone is not None:
                return (self._reply(turn, zone, 1.0),
                        self._remember(turn, zone, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        if a.ent.places and not a.cities and len(general) == len(a.subjects) and certifying:
            answer = snap.composer.fallback(reply_lang, [], place=a.ent.places[0])
            # ("แล้วหนองคายล่ะ" next asks this question again, of Nong Khai)
            # (and "what about Korat?" next asks whether Korat is certified: the claim, as an answer keeps it)
            claim = (_PLACEHOLDER.sub(" ", u.entities.masked).strip() or None) if a.yes_no else None
            kept = replace(ctx, lang=reply_lang, last_query=a.query_text, last_qtype=a.kind, yes_no=a.yes_no,
                           qualifier=a.qualifier, last_fact=None, last_intent=None, claim=claim)
            return self._reply(turn, answer, u.confidence), kept, "fallback"
        return None

    def _computed(self: Dialogue, turn: _Turn, subjects: list[str], yes_no: bool, qualifier: str | None,
                  query_text: str, kind: str | None) -> Answer | None:
        """Answers worked out from structured data: yes/no about the first five or a certification,
        a city's province, and which certified areas a province has."""
        snap, lang, ent = turn.snap, turn.lang, turn.u.entities
        kb, composer = snap.kb, snap.composer
        cities = [s for s in subjects if s in kb.cities]
        # ("what about Korat?" right after "Is Pattaya a certified smart city?": the claim the last question made,
        # with the names of notions it gave, "a certified smart city", which its remainder lost)
        claimed = turn.claim if yes_no and turn.claim else ""
        asked = f"{turn.u.normalized} {query_text}"  # names are gone from query_text; "ตราเมืองอัจฉริยะ" is one
        asked = f"{asked} {claimed}" if claimed else asked
        # Only about being certified: "โคราชเป็นเมืองอัจฉริยะไหม", not "ฉะเชิงเทราติดอันดับเมืองอัจฉริยะมั้ย".
        # The question is the last sentence: "going to phuket next month. is it certified?"
        last = _SENTENCE_END.split(query_text.strip())[-1]
        # "is phuket an official smart city or is that just marketing lol": the alternative asks the same.
        first_part = _OR_ELSE.split(last)[0]
        certified_q = any(w in asked for w in _CERTIFIED) and (
            is_about_certification(last) or is_about_certification(first_part)
            or bool(claimed) and is_about_certification(_SENTENCE_END.split(claimed.strip())[-1]))
        member = self._seven_smarts_member(turn, subjects) if yes_no else None
        if member is not None:
            return member
        if len(subjects) == 1 and kind in (None, "how") and question_type(query_text).kind in (None, "how") \
                and _OTHER_NAME.search(asked) and not _ANOTHER_NAME.search(asked):
            # (not "list them in Thai": "มีไรบ้าง ขอชื่อไทย"; nor "what other English name is used": the labels
            # other sources use, which a fact tells, not the standard name again)
            # (the question asked again counts: "and smart governance?" after the Thai name of Smart Mobility)
            named = self._other_name(snap, subjects[0], lang, english=bool(re.search(r"อังกฤษ|english", asked)),
                                     claimed=turn.u.normalized if yes_no else None)
            if named is not None:
                return named
        if yes_no and cities and qualifier == "first_five":
            city = kb.cities[cities[0]]
            name, when = city.name.get(lang), format_date(city.certified.date, lang)
            if city.pilot:
                return composer.computed(f"ใช่ครับ {name}เป็น 1 ใน 5 เมืองนำร่องที่ได้รับการรับรองเมื่อ {when}",
                                         f"Yes. {name} is one of the first five pilot cities, certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            return composer.computed(f"ไม่ใช่ครับ {name}ไม่ได้อยู่ใน 5 เมืองนำร่องชุดแรก แต่ได้รับตราสัญลักษณ์ในภายหลัง"
                                     f" ({when})",
                                     f"No. {name} is not one of the first five pilot cities; it received the logo "
                                     f"later ({when}).", lang, self._certified_facts(snap, city.id), [city.id])
        # (not "the whole province?": whether the area covers it, which its province does not say)
        where_q = any(w in asked for w in ("อยู่", "จังหวัด", " in ", "province", "located")) \
            and not re.search(WHOLE_ASKED, asked, re.I)
        # (not about a project: "the Siam Square cableless pilot" is no question about the five pilot cities)
        project = any(x in kb.entities and kb.entities[x].kind == "project" for x in subjects)
        # (nor about the Smarts of their plans: "which of the first round have all 7 Smarts" is not all five)
        smarts = any(x in kb.dimensions or x == SEVEN_SMARTS for x in subjects)
        # (nor about the body or meeting that approved them: "which sub-committee approved the first five", "ชื่อเต็ม
        # ของคณะอนุกรรมการที่อนุมัติ 5 เมืองนำร่อง" ask for the committee, not the five again)
        body = _BODY_ASKED.search(asked) is not None
        # (nor about the first members of something else: "ASCN's first Thai members" are not the five pilots;
        # an organisation, person or event the pilots' own approval does not involve asks about its own "first")
        involved = self._pilots_related(snap)
        elsewhere = any(x in kb.entities and kb.entities[x].kind in ("organisation", "person", "event")
                        and x not in involved for x in subjects)
        if qualifier == "first_five" and not cities and not yes_no and not ent.places and not project and \
                not smarts and not body and not elsewhere and kind in (None, "list", "how_many"):
            pilots = kb.pilot_cities()
            names = names_listed([c.name.get(lang) for c in pilots], lang)
            when = format_date(pilots[0].certified.date, lang)
            # (the approval of the five comes first: "when was that", "who chaired it" ask about that event)
            event = [snap.facts[i] for i in snap.index.events_on.get(pilots[0].certified.date, [])][:1]
            return composer.computed(f"เมืองนำร่อง 5 เมืองแรกที่ได้รับการรับรองเมื่อ {when} ได้แก่ {names}",
                                     f"The first five pilot cities, certified on {when}, are {names}.", lang,
                                     [*event, *self._certified_facts(snap, pilots[0].id)],
                                     [*(x for e in event for x in e.about if x not in kb.cities
                                        and x in kb.entities and kb.entities[x].kind == "event"),
                                      *(c.id for c in pilots)])
        if qualifier == "first_five" and smarts and not cities and not yes_no and not ent.places:
            # "which of the first round have all 7 Smarts", "ชุดแรกเมืองไหนไม่ครบ 7 ด้าน": the one fact about the
            # Smarts of all five pilots (the most general one, when several say it).
            pilots_ids = {c.id for c in kb.pilot_cities()}
            smarts_named = {x for x in subjects if x in kb.dimensions or x == SEVEN_SMARTS}
            of_all = [f for f in snap.facts.values() if pilots_ids | smarts_named <= set(f.about)]
            if of_all:
                return composer.fact(min(of_all, key=lambda f: (-f.priority, len(f.about), f.id)), lang, kind)
        other_places = [p for p in ent.places if p not in ent.city_named_places]
        if qualifier == "first_five" and not cities and other_places and (
                yes_no or not project and kind in (None, "list", "where", "who")):
            # A province, not an area: "was chiang mai among the 5 pilot cities?" (any pilot area in it?),
            # "which of the five pilots is in Rayong?" (the pilot areas in it, not all five).
            place = kb.places[other_places[0]]
            pname = place.th if lang == "th" else place.en
            pilots = kb.pilot_cities()
            there = [c for c in pilots if c.province in (place.province or place.id, place.id)]
            when = format_date(pilots[0].certified.date, lang)
            facts = self._certified_facts(snap, (there or pilots)[0].id)
            names = names_listed([c.name.get(lang) for c in (there or pilots)], lang)
            if there and yes_no:
                return composer.computed(f"ใช่ครับ {names} ใน{pname} เป็น 1 ใน 5 เมืองนำร่องที่ได้รับการรับรองเมื่อ {when}",
                                         f"Yes. {names} in {pname} is one of the first five pilot cities, "
                                         f"certified on {when}.", lang, facts, [c.id for c in there])
            if there:
                return composer.computed(f"เมืองนำร่องใน{pname}คือ {names} ซึ่งได้รับการรับรองเมื่อ {when}",
                                         f"The pilot city in {pname} is {names}, certified on {when}.",
                                         lang, facts, [c.id for c in there])
            return composer.computed(f"{'ไม่ใช่ครับ ' if yes_no else ''}5 เมืองนำร่องชุดแรก ({when}) ไม่มีพื้นที่ใน{pname} "
                                     f"ได้แก่ {names}",
                                     f"{'No. None' if yes_no else 'None'} of the first five pilot cities ({when}) is in "
                                     f"{pname}; they are {names}.", lang, facts, [c.id for c in pilots])
        order = self._certified_order(turn, cities, yes_no) if len(cities) == 2 else None
        if order is not None:
            return order
        alike = self._smarts_alike(turn, subjects, cities, yes_no)
        if alike is not None:
            return alike
        batch_years = _years_in(query_text)
        if yes_no and cities and len(batch_years) == 1 and _THAT_BATCH.search(asked):
            return self._batch_verdict(snap, kb.cities[cities[0]], next(iter(batch_years)), lang)
        if yes_no and where_q and len(cities) == 2 and not other_places:
            # "Is Wangchan Valley in Chachoengsao?": the area named after its province, said after "in" ("อยู่"),
            # is the province asked about.
            said = turn.u.normalized.casefold()
            after_in = [p for p in dict.fromkeys(ent.city_named_places) if p in kb.places and any(
                re.search(r"(\bin|อยู่(ใน|ที่)?|จังหวัด)\s*" + re.escape(n.casefold()), said) for n in self._names(snap, p))]
            named_area = next((c for c in cities if len(after_in) == 1 and kb.cities[c].province == after_in[0]), None)
            if named_area is not None:
                cities, other_places = [c for c in cities if c != named_area], after_in
        if yes_no and cities and other_places and where_q and not _MEMBERSHIP.search(query_text):
            city, place = kb.cities[cities[0]], kb.places[other_places[0]]
            where = composer.province_phrase(city, lang)
            inside = place.id == city.province or place.province == city.province
            lead_th, lead_en = _verdict_word(inside, "th"), _verdict_word(inside, "en")
            return composer.computed(f"{lead_th} {city.name.th}อยู่ใน{where}", f"{lead_en} {city.name.en} is in {where}.",
                                     lang, [f for f in snap.index.about(city.id) if f.aspect == "where"][:1],
                                     [city.id])
        # "Is EGAT's project in Lampang certified?": an organisation of that city does not change the question.
        specific = [e for e in ent.entities if e in kb.entities and kb.entities[e].kind != "concept"
                    and not set(kb.entities[e].areas) & set(cities)]
        # "แล้วขอนแก่นล่ะ" right after a certification verdict: the same question (the logo's name is gone from it)
        ctx = turn.ctx
        again = query_text == ctx.last_query and ctx.yes_no and turn.told is not None \
            and turn.told.intent == "city_date"
        if yes_no and cities and (certified_q or again) and not specific and kind is None:
            city = kb.cities[cities[0]]
            when = format_date(city.certified.date, lang)
            years = _years_asked(turn.u.normalized, ent.numbers) or (
                _years_in(query_text) if again
                else frozenset())
            if years and int(city.certified.date[:4]) not in years:  # "ขอนแก่นได้รับรองปี 2563 ใช่ไหม"
                return composer.computed(f"ไม่ใช่ครับ {city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                         f"No. {city.name.en} was certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            day = date.fromisoformat(city.certified.date)
            if days_named(turn.u.normalized) - {(day.day, day.month)}:
                # "ได้ตราวันที่ 24 ธ.ค. 64 ใช่มั้ย": another day than its certification, which may be the day a
                # ceremony handed the logo over: the date known, without a verdict
                return composer.computed(f"{city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                         f"{city.name.en} was certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            # ("certified on 6 May 2021": the day the first five were approved for the logo, which was handed over
            # later; "received the logo" that day was not so)
            return composer.computed(f"ใช่ครับ {city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                     f"Yes. {city.name.en} is a certified smart city; it was certified on {when}.",
                                     lang, self._certified_facts(snap, city.id), [city.id])
        besides = self._besides(turn, cities)
        # ("tell me about Chiang Mai", a province and nothing else named: its certified areas are what the bot
        # knows of it)
        if ent.places and not [c for c in cities if c not in besides] \
                and (certified_q or is_about_certification(query_text, listing=True)
                     or not ent.entities and is_definition(query_text)):
            place = kb.places[self._place_asked(ent) if besides else ent.places[0]]
            province = place.province or place.id
            found = [c for c in kb.cities_in(province) if c.id not in besides]
            if place.kind == "town":
                # "is Pattaya certified?": an area elsewhere in its province (Khan Song, in Chonburi) is not the
                # town, nor said to be in it; only an area that bears the town's name is
                found = [c for c in found if self._bears_name(c, place)]
            pname = place.th if lang == "th" else place.en
            asked_years = _years_asked(turn.u.normalized, ent.numbers)
            if asked_years and found:  # "ในชุดปี 2564 มีพื้นที่ใดในกรุงเทพฯ": those certified that year
                # (of the batch of that year too: the 2022 batch got its logos in January 2023)
                that_year = [c for c in found if int(c.certified.date[:4]) in asked_years
                             or int(c.certified.batch[:4]) in asked_years]
                if not that_year:  # none that year among those known: say which are, and when
                    names = names_listed([f"{c.name.get(lang)} ({format_date(c.certified.date, lang)})" for c in found], lang)
                    no_th, no_en = ("ไม่ใช่ครับ ", "No. ") if yes_no else ("", "")
                    return composer.computed(f"{no_th}ในรายชื่อที่ผมมี ไม่มีพื้นที่ใน{pname}ที่ได้รับการรับรองในปีนั้น ที่มีคือ {names}",
                                             f"{no_en}In the lists I have, no area in {pname} was certified that year; those "
                                             f"certified are {names}.", lang,
                                             [f for c in found for f in self._certified_facts(snap, c.id)][:2],
                                             [c.id for c in found])
                found = that_year
            if not found:
                # Not among the areas the bot knows by name, but a fact may report it ("Krabi and Pattani are
                # reported among the new locations"): that report, said as a report.
                return self._reported(snap, place, lang, yes_no)
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes. " if yes_no else ""
            facts = [f for c in found for f in self._certified_facts(snap, c.id)][:2]
            if (kind == "when" or yes_no) and len(found) == 1:
                # "ลำปางได้ตราปีไหน": when its one area was certified, which is what is asked
                c, when = found[0], format_date(found[0].certified.date, lang)
                return composer.computed(f"{lead_th}{c.name.th} ใน{pname} {_certified_th(c.name.th)}เมื่อ {when}",
                                         f"{lead_en}{c.name.en}, in {pname}, was certified on {when}.", lang, facts, [c.id])
            days = {c.certified.date for c in found}
            if kind == "when" and not yes_no and len(days) == 1:
                # "เชียงใหม่ได้ตราเมื่อไหร่": the one day its areas were certified, first
                when, n = format_date(days.pop(), lang), len(found)
                names = names_listed([c.name.get(lang) for c in found], lang)
                return composer.computed(f"พื้นที่ใน{pname}ทั้ง {n} แห่งได้รับการรับรองเป็นเมืองอัจฉริยะเมื่อ {when} ได้แก่ {names}",
                                         f"{pname}'s {n} smart city areas were certified on {when}: {names}.",
                                         lang, facts, [c.id for c in found])
            names = names_listed([c.name.get(lang) + (f" ({format_date(c.certified.date, lang)})" if kind == "when" else "")
                                  for c in found], lang)
            if kind == "how_many" and not yes_no:
                # "เชียงใหม่มีเมืองอัจฉริยะกี่แห่ง": the number first, then which; the lists of later batches are
                # not complete in the sources, so the count is of the areas known
                n = len(found)
                return composer.computed(f"{pname}มีพื้นที่ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ {n} แห่งตามรายชื่อที่ผมมี "
                                         f"{'ได้แก่' if n > 1 else 'คือ'} {names}",
                                         f"In the lists I have, {pname} has {n} certified smart city "
                                         f"area{'s' if n > 1 else ''}: {names}.", lang, facts, [c.id for c in found])
            return composer.computed(f"{lead_th}พื้นที่ใน{pname}ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ: {names}",
                                     f"{lead_en}Certified smart city areas in {pname}: {names}.", lang, facts,
                                     [c.id for c in found])
        return None

    @staticmethod
    def _other_name(snap: Snapshot, subject: str, lang: str, english: bool = False,
                    claimed: str | None = None) -> Answer | None:
        """On "What is the Thai term for Smart Governance?", "KKTT ชื่อภาษาอังกฤษคืออะไร" (``english``): its name in
        the other language. A yes/no question that says that very name (``claimed``: "ภาษาอังกฤษคือ smart energy
        ป่ะ") gets its yes first."""
        kb = snap.kb
        thing = kb.dimensions.get(subject) or kb.entities.get(subject) or kb.cities.get(subject)
        if thing is None or thing.name.th == thing.name.en:
            return None
        th, en = thing.name.th, thing.name.en
        facts = snap.index.about(subject)[:1]
        said = claimed is not None and (en if english else th).casefold() in claimed.casefold()
        yes_th, yes_en = ("ใช่ครับ ", "Yes. ") if said else ("", "")
        if english:
            gap = " " if th.endswith(")") or th[-1:].isascii() else ""  # ("จำกัด (KKTT) คือ", not "(KKTT)คือ")
            return snap.composer.computed(f"{yes_th}ชื่อภาษาอังกฤษของ{th}{gap}คือ {en}", f'{yes_en}The English name of "{th}" is {en}.',
                                          lang, facts, [subject])
        return snap.composer.computed(f"{yes_th}{en} ภาษาไทยเรียกว่า {th}", f'{yes_en}{en} is called "{th}" in Thai.', lang,
                                      facts, [subject])

    def _which_of(self: Dialogue, turn: _Turn, listed: list[str], query_text: str, kind: str | None) -> Answer | None:
        """The areas among ``listed`` (the last answer's) that the question picks: those in the place it
        names, or those whose own fact says yes to it ("which one only does 3 smarts"). None: no way to tell."""
        snap, lang, ent = turn.snap, turn.lang, turn.u.entities
        kb = snap.kb
        if ent.places:
            place = kb.places[ent.places[0]]
            province = place.province or place.id
            there = {c.id for c in kb.cities_in(province)}
            inside = [c for c in listed if c in there]
            pname = place.th if lang == "th" else place.en
            if not inside:
                return snap.composer.computed(f"ไม่มีครับ ไม่มีพื้นที่ใดในนั้นอยู่ใน{pname}",
                                              f"None of them is in {pname}.", lang, [], listed[:1])
            names = names_listed([kb.cities[c].name.get(lang) for c in inside], lang)
            verb = "is" if len(inside) == 1 else "are"
            return snap.composer.computed(f"{names} อยู่ใน{pname}ครับ", f"{names} {verb} in {pname}.", lang,
                                          [f for c in inside for f in snap.index.about(c) if f.aspect == "where"][:1],
                                          inside)
        pairs = []
        asked = _WHICH_OF.sub(" ", query_text)  # what is asked of each: "only does 3 smarts"
        for city in listed:
            hit = self._best(snap, Query(asked, lang, [city], [], kind, dict(turn.u.ranking)), None, only=city)
            if hit is not None and len(set(hit.fact.about) & set(listed)) >= 2:
                # One fact about them all answers which ("Among the 5 pilots, Mae Moh's plan covers 3 Smarts").
                return snap.composer.fact(hit.fact, lang, kind)
            if hit is not None and _lead(f"{turn.u.normalized} ใช่ไหม", query_text, hit, lang, [city], frozenset(),
                                         snap.known_words) in ("ใช่ครับ", "Yes."):
                pairs.append((city, hit.fact))
        if not pairs or len(pairs) == len(listed):
            return None  # every one, or none: the question does not pick among them
        if len(pairs) == 1:
            return snap.composer.fact(pairs[0][1], lang, kind, subjects=[pairs[0][0]])
        return snap.composer.per_subject(pairs, lang)

    def _batch_verdict(self: Dialogue, snap: Snapshot, city, year: int, lang: str) -> Answer:
        """Whether ``city`` is in the batch of ``year`` ("is Korat in that batch too?"): its own batch says so
        (the five pilots are among 2021's)."""
        when, own = format_date(city.certified.date, lang), int(city.certified.batch[:4])
        name_th, name_en = city.name.th, city.name.en
        if own == year:
            return snap.composer.computed(f"ใช่ครับ {name_th}อยู่ในชุดปี {year + 543} ได้รับการรับรองเมื่อ {when}",
                                          f"Yes. {name_en} is in the {year} batch; it was certified on {when}.",
                                          lang, self._certified_facts(snap, city.id), [city.id])
        return snap.composer.computed(f"ไม่ใช่ครับ {name_th}ไม่ได้อยู่ในชุดปี {year + 543} แต่อยู่ในชุดปี {own + 543}"
                                      f" (ได้รับการรับรองเมื่อ {when})",
                                      f"No. {name_en} is not in the {year} batch but in the {own} one (certified on "
                                      f"{when}).", lang, self._certified_facts(snap, city.id), [city.id])

    @staticmethod
    def _reported(snap: Snapshot, place, lang: str, yes_no: bool, year: int | None = None) -> Answer | None:
        """A certification list fact whose text names ``place`` though no known area is in it, or None."""
        for fact in snap.index.mentioning((place.th, place.en), intent="list_cities"):
            # (a report of another year's batch says nothing of this one: the batch of the areas it lists)
            batches = {int(snap.kb.cities[c].certified.batch[:4]) for c in fact.about if c in snap.kb.cities} \
                or ({int(fact.date[:4])} if fact.date else set())
            if year is not None and batches != {year}:
                continue
            text = f"{fact.answer.get(lang)} {fact.detail.get(lang) if fact.detail else ''}"
            name = re.compile(re.escape((place.th if lang == "th" else place.en).casefold()) +
                              r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")  # ("เลย" is not in "วัลเลย์")
            said = next((s.strip() for s in re.split(r"(?<=[.;])\s+" if lang == "en" else r"\s+", text)
                         if name.search(s.casefold())), None)
            if said is None:
                continue
            said = said.rstrip(";.")
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes, reportedly: " if yes_no else ""
            return snap.composer.computed(f"{lead_th}{said}\n{fact.answer.th}", f"{lead_en}{said}.\n{fact.answer.en}",
                                          lang, [fact], list(fact.about))
        return None

    @staticmethod
    def _zone_of(snap: Snapshot, place_id: str, question: str, yes_no: bool, lang: str) -> Answer | None:
        """For a place with no certified area the bot knows of: the promotion-zone fact that names it, or None.
        Asked whether it is a promotion zone ("พังงาเป็นเขตส่งเสริมไหม"), that fact answers (yes); asked whether it
        got the logo, the honest "not in my lists" comes first, then what the sources do say of it."""
        place = snap.kb.places.get(place_id)
        if place is None or snap.kb.areas_at(place.id):
            return None
        facts = [f for f in snap.index.mentioning((place.th, place.en), intent="promotion_zone")
                 if (place.th in f.answer.th) or (place.en.casefold() in f.answer.en.casefold())]
        if not facts:
            return None
        fact = facts[0]
        if _ZONE_ASKED.search(question):
            lead_th, lead_en = ("ใช่ครับ ", "Yes. ") if yes_no else ("", "")
            return snap.composer.computed(f"{lead_th}{fact.answer.th}", f"{lead_en}{fact.answer.en}", lang, [fact],
                                          list(fact.about))
        unknown = snap.composer.fallback(lang, [], place=place_id, found_first=True).text
        return snap.composer.computed(f"{unknown}\n{fact.answer.th}", f"{unknown}\n{fact.answer.en}", lang, [fact],
                                      list(fact.about))

    def _certified_order(self: Dialogue,
                         turn: _Turn, cities: list[str], yes_no: bool, told: bool = False) -> Answer | None:
        """"Did Khon Kaen get the logo before Phuket?", "สามย่านได้ตราพร้อมขอนแก่นไหม": ใช่/ไม่ใช่ from the two areas'
        certification dates (the first named is the one compared), or None when that is not what is asked. With
        ``told``, the other area is the one whose certification date was just given, and the message need not say
        certified ("แล้วภูเก็ตได้พร้อมกันไหม")."""
        text = turn.u.normalized
        m = _ORDER_ASKED.search(text)
        if not yes_no or m is None or not (told or _CERTIFIED_WORD.search(text)):
            return None
        kb, lang = turn.snap.kb, turn.lang
        first, second = sorted((kb.cities[c] for c in cities), key=lambda c: self._named_at(c, text))
        a, b = first.certified.date, second.certified.date
        word = m.group().casefold()
        held = a < b if _BEFORE_ASKED.match(word) else a > b if _AFTER_ASKED.match(word) else a == b
        if a == b:
            when = format_date(a, lang)
            th = f"{_verdict_word(held, 'th')} {first.short_name.th}และ{second.short_name.th}ได้รับการรับรองพร้อมกัน เมื่อ {when}"
            en = f"{_verdict_word(held, 'en')} {first.short_name.en} and {second.short_name.en} were certified on the " \
                 f"same day, {when}."
        else:
            th = f"{_verdict_word(held, 'th')} {first.short_name.th}ได้รับการรับรองเมื่อ {format_date(a, 'th')} ส่วน" \
                 f"{second.short_name.th}เมื่อ {format_date(b, 'th')}"
            en = f"{_verdict_word(held, 'en')} {first.short_name.en} was certified on {format_date(a, 'en')}, " \
                 f"{second.short_name.en} on {format_date(b, 'en')}."
        facts = [*self._certified_facts(turn.snap, first.id), *self._certified_facts(turn.snap, second.id)]
        return turn.snap.composer.computed(th, en, lang, facts, [first.id, second.id])

    def _smarts_alike(self: Dialogue,
                      turn: _Turn, subjects: list[str], cities: list[str], yes_no: bool) -> Answer | None:
        """"แม่เมาะมี 7 smarts เหมือนภูเก็ตไหม", "are Phuket and Mae Moh both 7 Smarts?", "do they have as many
        Smarts?": ใช่/ไม่ใช่ from the two areas' Smarts counts (a count claimed must be both areas'), not one area's
        fact beside the other's. None when that is not what is asked, or a count is not known."""
        text = turn.u.normalized
        kb, lang = turn.snap.kb, turn.lang
        if not yes_no or len(cities) != 2 or not _SMARTS_WORD.search(text) or not _ALIKE.search(text) \
                or set(subjects) - set(cities) - {_SMART_CITY_CONCEPT, "seven-smarts"} or _years_in(text) \
                or _MASTER_PLAN.search(text):
            return None  # (a Smart named, a year or the old master plan: another question than the counts)
        first, second = sorted((kb.cities[c] for c in cities), key=lambda c: self._named_at(c, text))
        if first.smarts is None or second.smarts is None:
            return None
        claimed = {int(n) for n, unit in counted(spelled_as_digits(text)) if unit == "smart" and n.isdigit()}
        if not claimed and _ALL_SMARTS.search(text):
            claimed = {7}  # ("ทำครบทุกด้านเหมือนขอนแก่นไหม": all of them)
        c1, c2 = first.smarts.count, second.smarts.count
        if len(claimed) > 1:
            return None
        if claimed and not _BOTH.search(text) and c1 in claimed and c2 not in claimed:
            return None  # ("does Mae Moh cover 3 like Samyan?": true of Mae Moh, the likeness wrong: no plain verdict)
        held = c1 == c2 and (not claimed or claimed == {c1})
        facts = [f for f in (self._smarts_fact(turn.snap, c) for c in (first, second)) if f is not None]
        if held and any(disputed(f.answer.en) or _DIFFER_LEAD.match(f.answer.en) for c in (first, second)
                        for f in turn.snap.index.about(c.id) if f.intent == "city_smarts"):
            return None  # (an area whose count the sources dispute, Khon Kaen's: no plain yes for both)
        lead_th, lead_en = _verdict_word(held, "th"), _verdict_word(held, "en")
        if c1 == c2:
            th = f"{lead_th} ทั้ง{first.short_name.th}และ{second.short_name.th}มีแผน {c1} Smarts"
            en = f"{lead_en} Both {first.short_name.en} and {second.short_name.en} have {c1}-Smarts plans."
        else:
            th = f"{lead_th} {first.short_name.th}มีแผน {c1} Smarts ส่วน{second.short_name.th}มี {c2} Smarts"
            en = f"{lead_en} {first.short_name.en}'s plan covers {c1} Smarts; {second.short_name.en}'s covers {c2}."
        return turn.snap.composer.computed(th, en, lang, facts, [first.id, second.id])

    @staticmethod
    def _smarts_fact(snap: Snapshot, city) -> Fact | None:
        """The area's fact that states its Smarts count (not one about an older plan's pillars, or a dispute)."""
        own = [f for f in snap.index.about(city.id) if f.intent == "city_smarts"]
        said = [f for f in own if re.search(rf"(?<!\d){city.smarts.count}\s*-?\s*Smarts", f.answer.en)
                and not disputed(f.answer.en)]
        return next(iter(said or own), None)

    @staticmethod
    def _named_at(city, text: str) -> int:
        """Where ``text`` first names ``city`` (its end when it does not)."""
        names = [n.casefold() for n in (city.name.th, city.name.en, city.short_name.th, city.short_name.en,
                                         *city.aliases) if len(n) >= 3]
        return min((i for i in (text.casefold().find(n) for n in names) if i >= 0), default=len(text))

    @staticmethod
    def _bears_name(city, place) -> bool:
        """Whether one of ``place``'s names is in one of ``city``'s ("Mueang Phuket" bears Phuket's)."""
        names = [n.casefold() for n in (place.th, place.en, *place.aliases) if len(n) >= 3]
        own = " ".join((city.name.th, city.name.en, city.short_name.th, city.short_name.en, *city.aliases)).casefold()
        return any(n in own for n in names)

    def _pilots_related(self: Dialogue, snap: Snapshot) -> frozenset[str]:
        """What the facts dated the day the first five were approved are about (the sub-committee, its chair,
        depa, the logo...): naming one of them still asks about the five. Worked out once per knowledge snapshot."""
        if self._pilot_day is not None and self._pilot_day[0] is snap:
            return self._pilot_day[1]
        pilots = snap.kb.pilot_cities()
        day = pilots[0].certified.date if pilots else None
        related = frozenset(x for f in snap.facts.values() if day and f.date == day for x in f.about)
        self._pilot_day = (snap, related)
        return related

    def _certified_in_order(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """"ขอนแก่นกับภูเก็ตอันไหนได้ก่อน", "which was certified first, X or Y?": which area was certified first, worked
        out from their certification dates (the same day said as such), not each one's fact side by side."""
        text = turn.u.normalized
        cities = list(dict.fromkeys(a.cities))
        if len(cities) != 2 or set(a.subjects) - set(cities) - {_SMART_CITY_CONCEPT} or a.years \
                or not _FIRST_OF_TWO.search(text) or not (_WHICH_OF_TWO.search(text) or a.yes_no):
            return None
        kb, lang = turn.snap.kb, turn.lang
        first, second = (kb.cities[x] for x in cities)
        d1, d2 = first.certified.date, second.certified.date
        if len(d1) < 10 or len(d2) < 10:
            return None
        facts = [f for x in cities for f in self._certified_facts(turn.snap, x)]
        if d1 == d2:
            when = format_date(d1, lang)
            th = f"ทั้ง{first.short_name.th}และ{second.short_name.th}ได้รับการรับรองวันเดียวกัน เมื่อ {when}"
            en = f"{first.short_name.en} and {second.short_name.en} were certified on the same day, {when}."
            th, en = (f"ไม่ใช่ครับ {th}", f"No. {en}") if a.yes_no else (f"{th} ครับ", f"Neither: {en}")
        else:
            early, late = (first, second) if d1 < d2 else (second, first)
            e_when, l_when = format_date(min(d1, d2), lang), format_date(max(d1, d2), lang)
            th = f"{early.short_name.th}ได้รับการรับรองก่อน เมื่อ {e_when} ส่วน{late.short_name.th}เมื่อ {l_when}"
            en = f"{early.short_name.en} was certified first, on {e_when}; {late.short_name.en} on {l_when}."
            if a.yes_no:  # "was X certified before Y?": X is the first named
                yes = early is first
                th, en = f"{'ใช่' if yes else 'ไม่ใช่'}ครับ {th}", f"{'Yes' if yes else 'No'}. {en}"
            else:
                th = f"{th} ครับ"
        answer = turn.snap.composer.computed(th, en, lang, facts, cities)
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
