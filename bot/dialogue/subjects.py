"""Reading what a message is about: its subjects, what its words refer back to, and the person, post or full name it
asks for."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from intents.features import tokenize
from intents.normalize import has_latin, normalize
from intents.entities import Entities, compact
from intents.nlu import Understanding
from intents.question import is_bare_follow_up, is_bare_yes_no_follow_up, is_definition, is_only_asking, is_yes_no
from intents.synonyms import expand
from knowledge.answerable import why_not
from knowledge.composer import Answer
from knowledge.schema import Fact
from knowledge.retrieval import Query
from knowledge.snapshot import Snapshot

from ..context import Context

from .facts import FactReading
from .reading import (MAX_SUBJECTS_PER_ANSWER, _NTH, _asks_before, _asks_after, _PLACE_OR_SCORE, _IT, _PERSON_PRONOUN,
                      _years_asked, _EN_STOP, _verdict_word)
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

# "the second one", "the last one", "อันที่ 2", "เมืองสุดท้าย": one of the things the last answer listed, by place
# ("the first city certified" asks a question of its own).
_NTH_ONE = re.compile(r"\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) one\b|"
                      r"(?:อัน|เมือง|แห่ง|พื้นที่)ที่\s*(\d|หนึ่ง|สอง|สาม|สี่|ห้า)(?!\d)|(?:อัน|เมือง|แห่ง|พื้นที่)(สุดท้าย)")

# "ตำแหน่งไร", "what was his ministerial position", "เขาเป็นรัฐมนตรีกระทรวงอะไร": a person's post
_POSITION = re.compile(r"ตำแหน่ง(?!ที่ตั้ง)|\b(position|title|job|role|post)\b|\b(what|which) ministry\b|\bministerial\b|"
                       r"\bminister of\b|กระทรวง\s*(อะไร|ไหน|ไร|ใด)")
# What a post is called: "Minister of...", "depa's president", "รองนายกรัฐมนตรี", "ผู้อำนวยการ", "SEVP".
_POST = re.compile(r"รัฐมนตรี|ผู้อำนวยการ|ประธาน|หัวหน้า|นายก|ผู้บริหาร|ผู้ว่า|เลขา|ผู้จัดการ|อธิการ|รองผู้|"
                   r"\b(minister|director|president|ceo|chair\w*|head\w*|mayor|sevp|secretary|governor|manager)\b", re.I)
# A deputy's or vice-'s post ("Deputy Prime Minister", "รองนายกรัฐมนตรี"): not the post it is the deputy of
_DEPUTY = re.compile(r"\b(deputy|vice)[\s-]+(\w+\s+){0,2}?(prime minister|minister|president|governor|mayor|director|chair\w*)\b|"
                     r"รอง(นายกรัฐมนตรี|นายก\S*|ผู้อำนวยการ\S*|ผู้ว่า\S*|ประธาน\S*|อธิการบดี|รัฐมนตรี\S*)", re.I)
# The words that only ask yes or no ("ใช่มั้ย", "right", "was")
_YES_NO_WORD = re.compile(r"ใช่|ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|มะ|เปล่า|หรือ|รึ|ครับ|คับ|ค่ะ|คะ|นะ|เป็น|right|correct|true|really|ever|once")
# "ตอนนี้เขาตำแหน่งอะไร", "what is his current role": the post now, which a fact of some years ago does not tell
_NOW_ASKED = re.compile(r"ตอนนี้|ปัจจุบัน|ล่าสุด|\b(now|current\w*|today|still|these days|anymore)\b")

_ONE_OF_THEM = re.compile(r"\bones?\b|^อัน")

# "it" as what a yes/no question asks about ("was it in the first five?", "is it certified?")
_IT_SUBJECT = re.compile(r"\b(is|was|does|did|has) it\b(?!')", re.I)
_THEN_TH = re.compile(r"^\s*(แล้ว|และ)\s*")


# "เมืองที่กฟผ.ทำ", "พื้นที่ซึ่งปตท.ดูแล", "the smart city that hosts VISTEC", "the area run by PMCU": the area of
# the organisation or project named, not that organisation itself.
# ("โครงการเมืองอัจฉริยะของจุฬาฯ", "the smart city of PTT" may ask about the organisation's project itself)
_AREA_OF = re.compile(r"(เมือง|พื้นที่)(อัจฉริยะ)?\s*(ที่|ซึ่ง)(?!ได้|ไหน|ใด)|"
                      r"\b(smart )?(city|cities|area|town|district)\s+(that|which|where|run by|hosting)\b")
# "according to depa", "ตามที่ดีป้าระบุ": who says it, not what is asked about.
_ACCORDING_TO = re.compile(r"\baccording to\b|\bas (stated|said|described) by\b|ตามที่|ตามข้อมูล(ของ)?|อ้างอิงจาก")

# An area's full certified name or slogan asked ("what's its slogan", "ชื่อเต็มว่าอะไร", "สโลแกนว่าไร").
_FULL_NAME = re.compile(r"\b(full|official|certified) name\b|\bslogan\b|\bmotto\b|ชื่อเต็ม|ชื่อทางการ|ชื่อที่ได้รับ|"
                        r"สโลแกน|คำขวัญ|"
                        # (the name its area was certified under: "what is the X project called", "ได้ตราในชื่อ...",
                        # "what's the yala project called", "ชื่อโครงการว่าไร"; not the names of its projects:
                        # "ชื่อโครงการอะไรบ้าง", "names of the projects")
                        r"\bproject(?! names)(?:'s)? (?:is |was )?(?:called|named)\b|\bproject\b.{0,20}\bcalled\b|"
                        r"\b(?:its|the) project name\b|\bproject's name\b|"
                        r"\bname of (?:its|the|their|this|that) (?:smart city )?project\b|ในชื่อ|ชื่อโครงการ(?!\S{0,12}บ้าง)", re.I)


_WHEN_WORD = re.compile(r"ตอน|ช่วง|สมัย|ปี|พ\.ศ\.?|ค\.ศ\.?|year|during|back")


class SubjectSteps:
    """Dialogue's methods for this job: reading what a message is about: its subjects, what its words refer back to, and
    the person, post or full name it asks for."""

    @staticmethod
    def _said_of_place(u: Understanding, ctx: Context, snap: Snapshot) -> str | None:
        """A follow-up about the province the last question named (not an area: "Is Chiang Mai a certified
        smart city?"), which names nothing itself, written with the province's name for "it": "was it in the first
        five?" is "was Chiang Mai in the first five?", "แล้วเป็น 1 ใน 5 เมืองแรกมั้ย" is asked of Chiang Mai. None
        when it is no such follow-up."""
        place = snap.kb.places.get(ctx.place) if ctx.place else None
        if place is None or u.entities.subjects or u.entities.places or not u.normalized:
            return None
        if has_latin(u.normalized):
            said = _IT_SUBJECT.sub(lambda m: f"{m.group(1)} {place.en}", u.normalized, count=1)
            return said if said != u.normalized else None
        if is_yes_no(u.normalized) and not _IT.search(u.normalized) and not _PERSON_PRONOUN.search(u.normalized):
            return f"{place.th} {_THEN_TH.sub('', u.normalized)}"
        return None

    # -- the steps of answer(), in order: each may answer (and end the turn) or refine what was asked ----------
    def _read_subjects(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """Who the question is about: the names it gives, or the person the conversation was about ("ท่านเป็นใคร")."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        a.subjects = a.ent.subjects[:MAX_SUBJECTS_PER_ANSWER]
        a.subjects = self._without_the_source(snap, a.subjects, u.normalized)
        area = self._area_of_named(snap, a.ent, u.normalized)
        if area is not None:
            a.subjects = [area]  # (what the organisation named does is not asked: which area it is)
            a.area_of = True
        if not a.subjects and not a.ent.places and _PERSON_PRONOUN.search(u.normalized):
            # "what was his name?", "ท่านเป็นใคร": the person the conversation was about.
            person = next((x for x in ctx.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"),
                          None)
            # (the person the last answer is mainly about, when it is about one: "was it Prayut?" - "No, Chaiwut
            # chaired it" - "which ministry was he at?" asks about Chaiwut, not the one the user guessed)
            told = [x for x in (turn.told.about if turn.told is not None else [])
                    if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
            if told:
                person = told[0]
            a.subjects = [person] if person else []
        elif a.subjects and _PERSON_PRONOUN.search(u.normalized) and all(
                x in snap.kb.entities and snap.kb.entities[x].kind == "organisation" for x in a.subjects):
            # "what was his position at depa": the person the conversation was about, at that organisation.
            person = next((x for x in ctx.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"),
                          None)
            a.subjects = [person, *a.subjects][:MAX_SUBJECTS_PER_ANSWER] if person else a.subjects

    @staticmethod
    def _without_the_source(snap: Snapshot, subjects: list[str], text: str) -> list[str]:
        """``subjects`` without the organisation a question names only as who says it: "how many industries is
        Thailand 4.0 built on according to depa" asks about Thailand 4.0, as depa describes it."""
        said = _ACCORDING_TO.search(text.casefold())
        if said is None or len(subjects) < 2:
            return subjects
        after = compact(text[said.end():])
        sources = [x for x in subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"
                   and any(k and k in after for k in map(compact, FactReading._names(snap, x)))]
        kept = [x for x in subjects if x not in sources]
        return kept or subjects

    @staticmethod
    def _area_of_named(snap: Snapshot, ent: Entities, text: str) -> str | None:
        """The one area of the one organisation or project a question names as "the city that X runs"
        ("เมืองที่กฟผ.ทำชื่อเต็มว่าอะไร" is about Mae Moh), when it names no area or place itself."""
        if ent.cities or ent.places or len(ent.entities) != 1 or not _AREA_OF.search(text.casefold()):
            return None
        named = snap.kb.entities.get(ent.entities[0])
        if named is None or named.kind not in ("organisation", "project") or len(named.areas) != 1:
            return None
        return named.areas[0]

    def _post_of_person(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ตำแหน่งไร" right after an answer about a person, or naming one: who that person is."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # ("his post at depa": "his" is the person the answer was about, though depa is named)
        people = [x for x in ([*a.subjects] if a.subjects and not _PERSON_PRONOUN.search(u.normalized) else [
            *a.subjects, *(turn.told.about if turn.told is not None else ()), *ctx.subjects])
            if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        # (the person may be named: "คุณ... ตำแหน่งอะไร", "what ministry is Chaiwut from"; nothing else may be)
        # (or the organisation the post is at, when the person's overview is about it: "his post at depa")
        only_people = all(x in people or people and x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"
                          and (overview := snap.index.overview(people[0])) is not None and x in overview.about
                          for x in a.ent.subjects)
        if people and not a.ent.places and only_people and not a.qt.yes_no \
                and _POSITION.search(u.normalized) and a.qt.kind not in ("when", "where", "how_many", "how_much") \
                and not _asks_before(u.normalized) and not _asks_after(u.normalized):
            # "ตำแหน่งไร", "what was his ministerial position?" right after an answer about a person (who received
            # the logo, who chaired): who that person is, when that says the post (not "the one who received
            # it"), and not the post now when the fact is of some years ago (knowledge/answerable.py).
            who_is = snap.index.overview(people[0])
            if who_is is not None and people[0] in who_is.about and _POST.search(who_is.answer.get(reply_lang)) \
                    and why_not(u.normalized, who_is, "who") is None and not _NOW_ASKED.search(u.normalized) \
                    and not any(y > max(self._fact_years(who_is), default=0)
                                for y in _years_asked(u.normalized, a.ent.numbers)):
                if any(x in people for x in a.ent.subjects):
                    # named ("คุณ... ตำแหน่งอะไร"): a fact found about the post asked may say it better ("which
                    # ministry", spelt out); the overview is what is left when none is found (_compose)
                    a.post_of = (who_is, people[0])
                    return None
                return self._post_told(turn, who_is, people[0])
        if people and a.ent.subjects and only_people and len(people) == 1 and not a.ent.places and a.qt.yes_no \
                and a.qt.kind is None and _POST.search(expand(a.ent.remainder)) and self.vocabulary is not None:
            # "Was Chaiwut the prime minister?", "ชัยวุฒิเป็นรัฐมนตรีคลังใช่มั้ย": the post claimed, against the post
            # the person's overview says: no, with the overview, when it does not say every word of the claim
            who_is = snap.index.overview(people[0])
            if who_is is not None and people[0] in who_is.about and _POST.search(who_is.answer.get(reply_lang)) \
                    and not _NOW_ASKED.search(u.normalized) \
                    and not set(_years_asked(u.normalized, a.ent.numbers)) - self._fact_years(who_is):
                # (only the no is told here: a yes needs the claim read as the person's own post, not as a post
                # the overview names of someone else, "on behalf of the Prime Minister"; retrieval answers it)
                # (a role at an event of a day, "chair of the 6 May 2021 meeting?": the fact of that day that gives
                # the role to someone else says no better than the person's post)
                told = self._role_on_the_day(snap, Query(a.query_text, reply_lang, a.subjects, [], a.kind, a.intents,
                                                   frozenset(_years_asked(u.normalized, a.ent.numbers))),
                                             who_is, u.normalized) or who_is
                if told is not who_is or self._post_claim_held(expand(a.ent.remainder), who_is) is False:
                    answer = snap.composer.fact(told, reply_lang, subjects=[people[0]], lead=_verdict_word(False, reply_lang))
                    answer.subjects = list(dict.fromkeys([people[0], *ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER]
                    return (self._reply(turn, answer, 1.0),
                            self._remember(turn, answer, a.query_text, a.kind, True, first=people[0]), None)
        return None

    def _post_claim_held(self: Dialogue, claim: str, who_is: Fact) -> bool | None:
        """Whether the post claimed ("the prime minister", "รัฐมนตรีคลัง") is the one ``who_is`` says: every word of
        the claim in it (a deputy's or vice-'s post is not the post itself); None when the claim names no word."""
        assert self.vocabulary is not None
        stop = self.vocabulary.stop | _EN_STOP
        # (the time of the claim, "ตอนปี 64", "in 2021", is no word of the post: its years are checked apart)
        words = [w for w in tokenize(normalize(claim)) if w not in stop and len(w) >= 2 and not w.isdigit()
                 and not _YES_NO_WORD.fullmatch(w) and not _WHEN_WORD.fullmatch(w)]
        if not words:
            return None
        text = normalize(f"{who_is.answer.th} {who_is.answer.en}")
        if not _DEPUTY.search(claim):
            text = _DEPUTY.sub(" ", text)
        return all(w in text for w in words)

    def _post_told(self: Dialogue, turn: _Turn, who_is: Fact, person: str) -> _Result:
        """The overview of ``person`` (``who_is``), which says the post asked about."""
        answer = turn.snap.composer.fact(who_is, turn.lang, subjects=[person])
        answer.subjects = list(dict.fromkeys([person, *turn.ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER]
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype, first=person), None)

    def _full_name_asked(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "what's its motto", "ชื่อเต็ม": an area's full certified name, when that says more than its short name."""
        u, ctx, kb = turn.u, turn.ctx, turn.snap.kb
        subjects = a.subjects
        general = all(x in kb.entities and kb.entities[x].kind == "concept" for x in subjects)  # ("the logo")
        if a.ent.places and general and len(a.ent.places) == 1:
            subjects = []
            # ("ยะลาได้ตราในชื่อโครงการว่าไร": a province with one certified area names that area)
            place = kb.places[a.ent.places[0]]
            only = kb.areas_at(place.id)
            subjects = [only[0].id] if len(only) == 1 else subjects
            if not only and not a.qt.yes_no and _FULL_NAME.search(u.normalized):
                # ("กระบี่ได้ตราในชื่อว่าอะไร" with no area known there: no name to give, not today's count)
                answer = turn.snap.composer.fallback(turn.lang, [], place=a.ent.places[0])
                kept = replace(ctx, lang=turn.lang, last_fact=None, last_intent=None, claim=None)
                return self._reply(turn, answer, u.confidence), kept, "fallback"
        full_name = self._full_name(turn, subjects) if (not a.ent.places or subjects) and not a.qt.yes_no \
            and _FULL_NAME.search(u.normalized) else None
        if full_name is not None:
            return (self._reply(turn, full_name, 1.0),
                    self._remember(turn, full_name, ctx.last_query, ctx.last_qtype, first=full_name.subjects[0]), None)
        return None

    def _read_references(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """On "it", "the second one": what the words that point back stand for; the question with its names removed."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        a.notions = {x for x in a.subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")}
        agents = {x for x in a.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person")}
        if a.subjects and (set(a.subjects) <= a.notions or a.qt.yes_no and set(a.subjects) <= a.notions | agents) \
                and _IT.search(u.normalized):
            # "was it part of the certification?" after the sandbox: "it" is the sandbox, asked about a notion;
            # "and it's run by PTT right?" after Mae Moh: Mae Moh, asked about PTT.
            meant = [x for x in ctx.subjects if x not in a.notions and x not in a.subjects][:1]
            a.subjects = [*meant, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        elif a.subjects and not u.entities.places and a.qt.kind in ("who", "when", "where") and not a.qt.yes_no \
                and ctx.subjects and ctx.subjects[0] in snap.kb.cities and not is_definition(u.entities.remainder) \
                and len(ctx.listed) < 2 \
                and all(x in snap.kb.entities and snap.kb.entities[x].kind == "concept" for x in a.subjects):
            # "แล้วใครขึ้นไปรับโลโก้", "when did they get the logo" right after Mae Moh: who received Mae Moh's logo,
            # a notion asked of the area discussed, not of every area that has one (after two areas, "which
            # scored better in the TSCCI" asks of both)
            a.subjects = [ctx.subjects[0], *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        elif a.subjects and set(a.subjects) <= a.notions and set(a.subjects) & snap.index.rankers and not a.ent.places \
                and a.qt.kind in ("how_many", None) and not a.qt.yes_no and _PLACE_OR_SCORE.search(u.normalized):
            # "ได้อันดับเท่าไหร่ใน TSCCI 2023" right after an area (Thai leaves out "it"): that area's place, when
            # the index ranked it at all (else a fact about the index alone is no answer about the area).
            meant = [x for x in ctx.subjects if x in snap.kb.cities][:1]
            if meant and any(set(a.subjects) <= snap.index.about_sets[f.id] for f in snap.index.about(meant[0])):
                a.subjects = [*meant, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        a.nth = _NTH_ONE.search(u.normalized) if not a.subjects and not a.ent.places and ctx.subjects else None
        if a.nth is not None:
            # "what about the second one", "อันที่ 3 ล่ะ": the area at that place in the list just given.
            listed_areas = [x for x in ctx.listed if x in snap.kb.cities]
            word = next(g for g in a.nth.groups() if g)
            at = _NTH.get(word, int(word) if word.isdigit() else 0)
            if listed_areas and (at == -1 or 1 <= at <= len(listed_areas)):
                a.subjects = [listed_areas[at - 1 if at > 0 else -1]]
        # ("who runs the last one" after a list of places the bot knows no facts about: not the city discussed)
        # ("which was the first city certified" is a question of its own; "the second one" points back)
        a.unresolved = a.nth is not None and not a.subjects and bool(_ONE_OF_THEM.search(a.nth.group(0)))
        a.remainder = expand(a.ent.remainder if (a.subjects or a.ent.places) else u.normalized)

    def _nth_one_named(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "อันที่ 2 คืออะไร": what the one at that place in the last list is."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        if a.nth is not None and a.subjects:
            a.remainder = _NTH_ONE.sub(" ", a.remainder)
            what_it_is = snap.index.overview(a.subjects[0])
            rest = re.sub(r"\b(one|ones)\b|อัน|คือ|เป็น", " ", a.remainder)
            if what_it_is is not None and (not rest.strip() or is_only_asking(rest)):
                # "which one is the fourth one", "อันที่ 2 คืออะไร": what that one is.
                answer = snap.composer.fact(what_it_is, reply_lang, subjects=a.subjects)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=a.subjects[0]), None)
        return None

    def _read_the_rest(self: Dialogue, turn: _Turn, a: _Asked) -> None:
        """Whether the question only names something ("แล้วภูเก็ตล่ะ") and is short."""
        u = turn.u
        if a.subjects and not a.ent.subjects:
            a.remainder = _PERSON_PRONOUN.sub(" ", a.remainder)
        # ("does Mae Moh?" right after "does Samyan have a 7 Smarts plan?": the same yes/no question, about Mae Moh)
        a.names_only = bool(a.subjects or a.ent.places) and (is_bare_follow_up(a.remainder) or (
            turn.ctx.yes_no and turn.ctx.last_query is not None and is_bare_yes_no_follow_up(a.remainder)))
        a.short = len(u.normalized.split()) <= 5

    @staticmethod
    def _full_name(turn: _Turn, subjects: list[str]) -> Answer | None:
        """"What is its slogan", "ชื่อเต็มว่าอะไร" about an area (named, or the one the conversation is on)
        whose certified name says more than its short name ("Chachoengsao: livable, worth visiting, worth
        investing in"): that name. None when the question names something else or the name says no more."""
        kb, ctx = turn.snap.kb, turn.ctx
        if subjects and not all(x in kb.cities for x in subjects[:1]):
            return None
        area = subjects[0] if subjects else next((x for x in ctx.subjects if x in kb.cities), None)
        if area is None:
            return None
        city = kb.cities[area]
        said = re.sub(r"\bsmart\b|\bcity\b|[^\w\s]", " ", city.name.en.replace(city.short_name.en, " "), flags=re.I)
        if len(said.split()) < 2:
            return None  # ("Khon Kaen Smart City" says no more than "Khon Kaen")
        answer = turn.snap.composer.computed(f"ชื่อเต็มที่ได้รับตราสัญลักษณ์คือ \"{city.name.th}\"",
                                             f'Its full certified name is "{city.name.en}".', turn.lang,
                                             FactReading._certified_facts(turn.snap, area), [area])
        answer.subjects = [area, *(x for x in ctx.subjects if x != area)][:MAX_SUBJECTS_PER_ANSWER]
        return answer
