"""Yes/no from the fact found: the verdict, and the claims a fact denies (another person, place, term, list or
developer)."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from intents.features import tokenize
from intents.question import is_about_certification
from knowledge.polarity import (_DAY_NUMBER, another_alternative, closed_list, days_named, leaders, months_named,
                                numbers, share_said, spelled_as_digits, stood_in_for, other_year_since, venue_asked,
                                venue_claimed)
from knowledge.answerable import index_years
from knowledge.schema import Fact
from knowledge.retrieval import Hit, Query, _stated_ranks
from knowledge.snapshot import Snapshot

from .facts import FactReading
from .reading import (CLOSE_WORDS, _picked, _NTH, _PLACE_CLAIMED, _CITY_BASED, _category_of, _years_in, _verdict_word,
                      _not_yet, _lead)
from .turn import _Asked

if TYPE_CHECKING:
    from . import Dialogue

VERDICT_MARGIN = 0.1  # runner-up facts this close to the best one are read for a yes/no verdict too
SPECIFIC_VERDICT_MARGIN = 0.3  # ...and this close, when about the specific thing named and the best settles nothing

# "was it held in Chiang Mai?", "run by PTT": a yes/no question about where it is or who does it
_ASKED_WHERE = re.compile(r"\b(held|located|based|hosted|take place|took place)\b|\bin\s*$|จัด(ที่|ขึ้นที่|ใน)|อยู่(ที่|ใน)|ตั้งอยู่")

# Who runs an area, claimed ("run by EGAT?", "ปตท.เป็นผู้พัฒนาใช่ไหม") and said by the area's own fact ("the city
# developer of", "is run by").
_RUN_BY_Q = re.compile(r"\b(?:run|managed|operated|developed|overseen)\s+by\b|\b(?:runs|manages|operates|develops)\b|"
                       # (whose it is, said otherwise: "does Samyan belong to PTT", "is it a PTT project?")
                       r"\bbelongs?\s+to\b|\b(?:an?|the)\s+\w+(?:'s)?\s+project\b|"
                       r"ผู้พัฒนา|ดูแลโดย|บริหารโดย|ดูแล|บริหาร", re.I)
# (wider, for who is named beside an area in a yes/no: "owned by", "เป็นของ", "ขับเคลื่อน" too; read against the area's
# own facts, where _RUN_BY_Q picks the area's developer fact. Made one with it, a set's answers changed.)
_RUN_BY_WIDE = re.compile(r"\b(?:run|managed|operated|developed|owned|led)\s+by\b|\b(?:runs|manages|operates|develops|owns)\b|"
                          r"ดูแล|บริหาร|ดำเนินการ|ผู้พัฒนา|พัฒนาโดย|ขับเคลื่อน|เป็นของ|เจ้าของ", re.I)
# the body claimed to run an area, when no known organisation is named: "run by kasetsart uni, isn't it"
_RUNNER_NAMED = re.compile(r"\b(?:run|managed|operated|developed|overseen)\s+by\s+((?:the\s+)?[a-z][a-z .'-]{3,60}?)"
                           r"(?:\s*(?:,|\?|$|\bisn't\b|\bisnt\b|\bright\b|\bcorrect\b|\bor\b|\band\b))", re.I)
_RUNNER_FILLER = frozenset({"uni", "university", "the", "office", "company", "group", "city", "smart", "thai", "thailand"})
_DEVELOPER_SAID = re.compile(r"\bcity developer\b|\bis run by\b|\bdeveloper of\b", re.I)

# Being one of a group, claimed: "among the five", "one of the 7 pilot areas", "เป็น 1 ใน 7 พื้นที่", "7 พื้นที่มีเชียงใหม่ด้วยไหม".
_MEMBER_Q = re.compile(r"\bamong\b|\bone of\b|\bin the (?:list|group|batch)\b|\bon the list\b|\bincluded\b|\bin the top\b|"
                       r"หนึ่งใน|1\s*ใน|อยู่ใน|ด้วย|รวมถึง", re.I)
# Leading something, claimed: "did it lead Economy?", "top for people", "เป็นผู้นำด้านพลังงานไหม", "ได้ที่ 1 ด้านพลังงาน".
_LEAD_Q = re.compile(r"\b(?:lead|leads|led|leader|leading|top|topped|best|first|highest|number one)\b|ผู้นำ|นำ|เด่น|สูงสุด|"
                     r"ที่\s*1(?!\d)|อันดับ\s*1(?!\d)|ที่หนึ่ง", re.I)
# ("ranked first among the province-based cities" claims a place: the first, among the cities of a kind)
_AMONG = re.compile(r"\btop\s*(?:\d|two|three|four|five|ten\b)|"
                    # (a place claimed before it is its ranking: "no.1 among city-based areas", "#2 among provinces")
                    r"(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\b1st\s)(?<!\b2nd\s)(?<!\b3rd\s)(?<!\d\s)"
                    r"(?<!\bone\s)\bamong\b|"
                    r"\d\s*อันดับแรก|ติด(ท็อป|อันดับ|\s*\d)|ใน\s*\d\s*อันดับ", re.I)

# A fact that lists dimensions (a plan's pillars, its Smarts): "มี 6 เสาหลัก คือ...", "covers 3 Smarts: ...".
_DIMENSIONS_LISTED = re.compile(r"คือ|ได้แก่|ประกอบด้วย|:|\bare\b|\bwere\b|\bcovers?\b|\bpillars?\b", re.I)

# "รึยัง", "yet?": whether something is there or done by now.
_YET_Q = re.compile(r"รึยัง|หรือยัง|\byet\b", re.I)
# What a plan says will be ("ตามแผนเดือนมีนาคม 2567", "the March 2024 plan puts it at"), not a plan something has.
_PLAN_TOLD = re.compile(r"ตามแผน|มีแผน|วางแผน|\bplanned\b|\bplans? (?:to|for)\b|\b\d{4} plan\b", re.I)


# A name and its term in a list of office holders: "Prajin Juntong (2018-19)", "Prawit Wongsuwon (2020-2022)".
_TERM = re.compile(r"((?:[A-Z][\w.]+ ){0,3}[A-Z][\w.]+) \((\d{4})(?:[-–](\d{2}|\d{4}))?\)")

# What comes before a name something is likened to: "เหมือนดีป้า", "like depa", "the same as depa's".
_LIKENED_TO = re.compile(r"(?:เหมือน(?:กับ)?|เช่นเดียวกับ|\blike|\bsame as)\s*$", re.I)


# What a person named in a yes/no question is said to have done, in the words a fact tells it with: "chaired by
# Prawit?", "ลุงตู่มาเปิดงานเองป่ะ", "signed by the minister?".
_ROLES = [re.compile(p, re.I) for p in (r"\bchair|\bpresid(?:ed|es|ing)\b|ประธาน", r"\bopen(?:ed|s)?\b|เปิดงาน|มาเปิด|เป็นผู้เปิด",
                                        r"\bsign(?:ed|s)?\b|ลงนาม|เซ็น", r"\bhand(?:ed|s)? (?:out|over)|\bhanded\b|มอบ")]


# "chair of the 6 May meeting?", "ประธานพิธีมอบตรา": a role at an event, which a person's post is not (retrieval
# finds who held that role there)
_AT_AN_EVENT = re.compile(r"ประชุม|พิธี|งาน|\bmeeting\b|\bceremon|\bexpo\b|\bevent\b|\bsession\b", re.I)


def _awards_the_logo(x: str, text: str) -> bool:
    """Whether ``x`` is depa named in a question only about certification ("is Khon Kaen certified by depa?"):
    depa awards every logo, so naming it says nothing about which area, or whether another body runs it."""
    return x == "depa" and is_about_certification(text, listing=True)


class VerdictSteps:
    """Dialogue's methods for this job: yes/no from the fact found: the verdict, and the claims a fact denies (another
    person, place, term, list or developer)."""

    @classmethod
    def _compared_with(cls: Dialogue, snap: Snapshot, x: str, text: str) -> bool:
        """Whether ``text`` names ``x`` only as what something is likened to ("เหมือนดีป้า", "like depa",
        "the same as depa's")."""
        low = text.casefold()
        for n in cls._names(snap, x):
            i = low.find(n)
            if i > 0 and _LIKENED_TO.search(low[max(0, i - 16):i]):
                return True
        return False

    def _someone_else(self: Dialogue, snap: Snapshot, q: Query, fact: Fact, places: Sequence[str], close: bool) -> bool:
        """Whether ``fact`` answers a yes/no question about who or where with another one than the question
        names: "is Mae Moh run by PTT?" / EGAT runs it; "was the meeting held in Chiang Mai?" / in Bangkok. The
        fact must be about every other specific thing the question names, never mention the one named, and
        tell who (or where), or match the question's words closely (``close``)."""
        about = snap.index.about_sets[fact.id]
        text = fact.text().casefold()
        ents = snap.kb.entities
        kinds = ("organisation", "person")
        named = [x for x in q.subjects if x in ents and ents[x].kind in kinds]
        rest = [x for x in q.subjects if x not in named and x not in snap.index.concepts]
        if any(x not in about for x in rest):
            return False
        # (or the role the question gives the person is the one the fact tells: "opened by Prayut?" / "opened by
        # Deputy PM Prajin Juntong", in a fact about when the expo was)
        role = any(rx.search(q.text) and rx.search(text) for rx in _ROLES)
        for x in [y for y in named if close or fact.aspect == "who" or role and ents[y].kind == "person"]:
            if x in about or any(n in text for n in self._names(snap, x)):
                continue
            if _awards_the_logo(x, q.text):
                continue  # ("certified by depa?": depa awards every logo, whoever else a certification fact names)
            if any(y in ents and ents[y].kind == ents[x].kind and y not in q.subjects for y in about):
                return True  # (another organisation, or another person, is what the fact says)

        asked_where = _ASKED_WHERE.search(q.text.casefold()) is not None
        if asked_where and "where" in snap.index.holds[fact.id] and rest and (close or fact.aspect == "where"):
            for p in places:
                if p in snap.kb.places and not any(n in text for n in self._names(snap, p)) and \
                        not any(c.province == p for c in snap.kb.cities.values() if c.id in about):
                    return True
        return False

    def _in_another_province(self: Dialogue, snap: Snapshot, a: _Asked, fact: Fact, text: str) -> bool:
        """Whether the question (``text``) names provinces (by name, not a misspelling that may be another word:
        "หัวหน้า" is no Hua Hin) and no area, and ``fact`` is about one or two areas, none of them in those provinces,
        and names none of them."""
        kb = snap.kb
        said = text.casefold()
        provinces = [p for p in a.ent.places if p not in a.ent.city_named_places and p in kb.places
                     and any(n in said for n in self._names(snap, p))]
        if not provinces or a.yes_no or any(x in kb.cities for x in a.subjects) or any(x in kb.cities for x in a.context):
            return False  # (a yes/no may be settled by a list the province is not in: "was Nonthaburi a pilot?")
        areas = [x for x in fact.about if x in kb.cities]
        if not areas or len(areas) > 2 or any(kb.cities[x].province in provinces for x in areas):
            return False
        told = fact.text().casefold()
        return not any(n in told for p in provinces for n in self._names(snap, p))

    def _role_on_the_day(self: Dialogue, snap: Snapshot, q: Query, fact: Fact, question: str) -> Fact | None:
        """The fact of the day (or month) of the event a yes/no question names that gives someone else than the
        one person it names the role it claims ("was Prayut the chair of the 6 May 2021 meeting?" / "the 6 May 2021
        meeting was chaired by Chaiwut"), when ``fact`` is of no such day; None when there is none, or the person
        named is named there too (the words decide)."""
        ents = snap.kb.entities
        people = [x for x in q.subjects if x in ents and ents[x].kind == "person"]
        roles = [rx for rx in _ROLES if rx.search(question)]
        if len(people) != 1 or not roles or not q.years or not _AT_AN_EVENT.search(question):
            return None
        days, months = days_named(question), months_named(question)
        if not days and not months:
            return None

        def of_the_day(f: Fact) -> bool:
            if not f.date or len(f.date) < 7 or int(f.date[:4]) not in q.years:
                return False
            month = int(f.date[5:7])
            return (int(f.date[8:10]), month) in days if days and len(f.date) == 10 else not days and month in months

        if of_the_day(fact):
            return None
        names = self._names(snap, people[0])
        # (the event's own facts first, then those of one area among others it concerns)
        for f in sorted((f for f in snap.facts.values() if of_the_day(f)),
                        key=lambda f: (len(set(f.about) & set(snap.kb.cities)), len(f.about), f.id)):
            told = f.answer_text().casefold()
            if not any(rx.search(told) for rx in roles):
                continue
            if people[0] in f.about or any(n in told for n in names):
                return None
            if any(y in ents and ents[y].kind == "person" and any(n in told for n in self._names(snap, y))
                   for y in f.about):
                return f
        return None

    def _other_term(self: Dialogue, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether ``fact`` gives the person the question names a term of office that leaves out every year
        it asks about, and someone else's term covers them: "was Prawit the chair in 2019?" / "Prajin Juntong
        (2018-19), Prawit Wongsuwon (2020-22)" is a no."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        if len(people) != 1 or not q.years:
            return False
        names = [n for n in self._names(snap, people[0]) if n.isascii()]
        terms = [(m.group(1).casefold(), int(m.group(2)), int(m.group(2)[:4 - len(m.group(3))] + m.group(3))
                  if m.group(3) else int(m.group(2))) for m in _TERM.finditer(fact.answer.en)]
        mine = [(a, b) for who, a, b in terms if any(n in who or who in n for n in names)]
        theirs = [(a, b) for who, a, b in terms if not any(n in who or who in n for n in names)]
        return bool(mine) and all(not a <= y <= b for a, b in mine for y in q.years) and \
            all(any(a <= y <= b for a, b in theirs) for y in q.years)

    @staticmethod
    def _other_place(snap: Snapshot, q: Query, fact: Fact, question: str) -> bool | None:
        """For "did Khon Kaen come first?" against a ranking fact about the area named: whether the place the
        fact gives it is another one (True), the same (False), or cannot be told (None)."""
        if fact.intent != "rankings" or _AMONG.search(question):
            return None
        if q.years and index_years(fact.text()) and not q.years & index_years(fact.text()):
            return None  # ("ได้ที่ 1 ปี 2566" / its place in the 2024 index: another ranking, settling nothing)
        m = _PLACE_CLAIMED.search(question)
        # ("was that the best province?" right after Phuket's score: Phuket, the area the conversation is on)
        areas = [x for x in q.subjects if x in snap.kb.cities] or [x for x in q.context if x in snap.kb.cities][:1]
        if m is None or len(areas) != 1 or areas[0] not in fact.about:
            return None
        if any(x in snap.kb.dimensions for x in fact.about) and not any(x in snap.kb.dimensions for x in q.subjects):
            return None  # ("led Smart Governance" is its place in one dimension, not in the ranking asked about)
        word = next((g for g in m.groups() if g), "1")
        asked = int(word) if word.isdigit() else _NTH.get(word.casefold(), 1)
        told = fact.answer.en
        # (the kind of ranking asked: "among provinces", "the top province", "city-based")
        kind = _category_of(question) or ("province" if re.search(r"\bprovinces?\b", question, re.I) else None)
        if kind is not None and _category_of(told.casefold()) not in (None, kind) and areas[0] in fact.about:
            return True  # ("was Wangchan Valley the top province?" / first among city-based: not in that ranking)
        if _CITY_BASED.search(told.casefold()) and re.search(r"\bprovinces?\b|province-based", told, re.I) \
                and _category_of(told.casefold()) is None:
            # ("the top city-based area was Wangchan Valley and the top province was Phuket": the top of each of
            # two rankings, not one order) the top of the kind asked, when the question asks the first place
            tops = {("city" if k.startswith("city") else "province"): who for k, who in
                    re.findall(r"\btop (city-based \w+|province-based \w+|province)\s+(?:was|is)\s+([^(;,.]+)", told)}
            if asked != 1 or kind not in tops:
                return None
            city = snap.kb.cities[areas[0]]
            return not any(n.casefold() in tops[kind].casefold() for n in (city.name.en, city.short_name.en) if n)
        order = FactReading._in_order(snap, fact)
        if areas[0] in order:
            return order.index(areas[0]) + 1 != asked
        stated = _stated_ranks(fact.answer.en)
        return None if len(stated) != 1 else asked not in stated

    def _area_names(self: Dialogue, snap: Snapshot, x: str) -> list[str]:
        """The names of an area (its full and short names, its aliases) or a place, casefolded."""
        if x in snap.kb.cities:
            c = snap.kb.cities[x]
            return [n.casefold() for n in (c.name.en, c.short_name.en, c.name.th, c.short_name.th, *c.aliases) if len(n) >= 3]
        return self._names(snap, x)

    def _in_closed_list(self: Dialogue,
                        snap: Snapshot, q: Query, fact: Fact, question: str, places: Sequence[str]) -> bool | None:
        """For "was Chiang Mai among the five approved?", "เป็น 1 ใน 7 พื้นที่นำร่องไหม", "is X one of the 7 pilot
        areas?" against a fact that names a closed list of that many (polarity.closed_list): whether the one area
        or place named is in it (by one of its own names); None when the question claims no such membership,
        names no count or another count than the list's, names several things, or the list names only the
        province of the area asked about (Samyan, in a list that says Bangkok)."""
        if not _MEMBER_Q.search(question):
            return None
        items = closed_list(fact.answer.en)
        if items is None:
            return None
        counts = {n for n in numbers(_DAY_NUMBER.sub(" ", spelled_as_digits(question))) if "." not in n}
        counts -= {str(y % 100) for y in q.years} | {str((y + 543) % 100) for y in q.years}
        counts.discard("1")  # ("1 ใน 7": one of them)
        if counts != {str(len(items))}:
            return None
        said = share_said(tokenize(q.text), fact.answer_text(), snap.known_words)
        if said is not None and said < 0.5:
            return None  # (a list of other things, as many: "is Rayong one of the seven pilot areas?" / the 7 Smarts)
        named = list(dict.fromkeys([x for x in q.subjects if x in snap.kb.cities] + [p for p in places if p in snap.kb.places]))
        provinces = {snap.kb.cities[x].province for x in named if x in snap.kb.cities}
        # (a province named with its area is the area's; an area and its province of one id, "nan", are the area)
        named = [x for x in named if x not in provinces or x in snap.kb.cities]
        if len(named) != 1 or any(x in snap.kb.entities for x in q.subjects):
            return None
        names = self._area_names(snap, named[0])
        if any(n in i for n in names for i in items):
            return True
        if named[0] in snap.kb.cities:
            province = snap.kb.cities[named[0]].province
            if any(n in i for n in self._names(snap, province) for i in items):
                return None  # (the list names its province: whether the area is meant, the list cannot tell)
        return False

    def _developer_claimed(self: Dialogue, snap: Snapshot, q: Query, question: str) -> tuple[Fact, bool] | None:
        """For "is Wangchan Valley run by EGAT?", "mae moh is run by PTT right?" (one organisation claimed to run
        one area, named or discussed): the area's own fact of who develops it, and whether it names that
        organisation; None for any other question, or an area with no such fact."""
        if not _RUN_BY_Q.search(question):
            return None
        orgs = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"]
        areas = [x for x in q.subjects if x in snap.kb.cities] or [x for x in q.context if x in snap.kb.cities][:1]
        claimed = _RUNNER_NAMED.search(question) if not orgs and len(areas) == 1 else None
        if claimed is not None:
            # "is samyan run by kasetsart uni?", "run by the provincial government?": a body the knowledge base
            # does not know, claimed to run the area; its own fact of who runs it, naming none of its words, says no
            # (not the names of the area or its province: "the Bangkok Metropolitan Administration" / Samyan)
            own = " ".join([*self._area_names(snap, areas[0]), *self._names(snap, snap.kb.cities[areas[0]].province)])
            words = [w for w in re.findall(r"[a-z]{4,}", claimed.group(1).casefold())
                     if w not in _RUNNER_FILLER and w not in own.casefold()]
            said = [f for f in snap.index.about(areas[0]) if f.aspect == "who" and _DEVELOPER_SAID.search(f.answer.en)
                    and areas[0] in f.about]
            if not words or len(said) != 1 or any(w in said[0].text().casefold() for w in words):
                return None
            return said[0], False
        if len(orgs) != 1 or len(areas) != 1 or any(
                x in snap.kb.entities and snap.kb.entities[x].kind in ("project", "event") for x in q.subjects):
            return None  # (who runs a project of the area is another question: "is the light rail run by KKTS?")
        said = [f for f in snap.index.about(areas[0]) if f.aspect == "who" and _DEVELOPER_SAID.search(f.answer.en)
                and areas[0] in f.about]
        if len(said) != 1:
            return None
        text = said[0].answer_text().casefold()
        held = orgs[0] in said[0].about or any(n in text for n in self._names(snap, orgs[0]))
        # ("run by PTT since 2017?" / "has managed it since 2013": the right one, from another year)
        return said[0], held and not other_year_since(question, said[0].answer.get(q.lang))

    def _led_by(self: Dialogue, snap: Snapshot, q: Query, fact: Fact, question: str) -> bool | None:
        """For "did Mae Moh lead the Economy dimension?" against a fact that lists who led each dimension
        (polarity.leaders): whether the one area named led the one dimension named; None otherwise."""
        dims = [x for x in q.subjects if x in snap.kb.dimensions]
        areas = [x for x in q.subjects if x in snap.kb.cities]
        if len(dims) != 1 or len(areas) != 1 or not _LEAD_Q.search(question):
            return None
        if q.years and index_years(fact.text()) and not q.years & index_years(fact.text()):
            return None
        word = snap.kb.dimensions[dims[0]].name.en.casefold().replace("smart", "").strip()
        led = [who for what, who in leaders(fact.answer.en) if re.search(rf"\b{re.escape(word)}\b", what)]
        if len(led) != 1:
            return None
        return any(n in led[0] for n in self._area_names(snap, areas[0]))

    def _stood_in_for(self: Dialogue, snap: Snapshot, q: Query, fact: Fact, question: str) -> bool:
        """Whether ``fact`` says someone stood in for the one person the question names (knowledge/polarity.py
        :func:`stood_in_for`): that person did not do what is asked about."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        return len(people) == 1 and stood_in_for(self._names(snap, people[0]), fact.answer.get(q.lang), question)

    @staticmethod
    def _one_area_for_all(snap: Snapshot, q: Query, fact: Fact, places: Sequence[str]) -> bool:
        """Whether a yes/no question names no area, organisation, project or place (nor does the conversation)
        and ``fact`` is about one area: what one area does confirms nothing about all of them ("must a smart
        city cover all 7 Smarts?" / "Wangchan Valley's plan covers all 7")."""
        if places or any(x in snap.kb.cities or x in snap.kb.places or x in snap.kb.entities
                         and snap.kb.entities[x].kind != "concept" for x in (*q.subjects, *q.context)):
            return False
        return len([x for x in fact.about if x in snap.kb.cities]) == 1

    def _verdict(self: Dialogue, snap: Snapshot, q: Query, hit: Hit, question: str,
                 places: Sequence[str] = ()) -> tuple[Hit, str]:
        """The fact and the verdict for a yes/no question. A close runner-up about the same subjects that
        confirms what the user asks wins over a best fact that would deny it: "แผนขอนแก่นมี 7 ด้านใช่ไหม" is
        a yes (the 2021 plan covers the 7 Smarts), though the 2018 master plan has 6 pillars. A fact that names
        another one than the one asked about ("run by PTT?" / EGAT; "came first?" / third) says no."""
        specific = {x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind != "concept"
                    or x in snap.kb.cities}
        notions = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "concept"
                   and x != "seven-smarts"]
        # (not one named only as what the claim is set against: "BOI splits it into 7 like depa?" is about BOI)
        named = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person")
                 and not _awards_the_logo(x, q.text) and not self._compared_with(snap, x, question)]

        def about_them(fact: Fact, venue: bool = False) -> bool:
            """Whether ``fact`` is about a specific thing the question names (or the area of an organisation
            named: Chulalongkorn University's is Samyan), or the question names none. (``venue``: the place
            named is the venue claimed, which a fact telling another venue does not name.)"""
            about = snap.index.about_sets[fact.id]
            text = fact.text().casefold()
            # (a place named, Phang Nga, must be in it too, or one of its areas: a yes about the province is
            # not read from a fact about others)
            if not venue and any(pl in snap.kb.places and not any(n in text for n in self._names(snap, pl))
                   and not any(c.province == pl for c in snap.kb.cities.values() if c.id in about) for pl in places):
                return False
            # (so must a notion named, the logo: "got the logo in 2546?" is not settled by what began in 2546)
            # (unless the notion is one of two alternatives and the fact tells of the other: "a new modern city
            # type?" / "an existing livable city")
            if any(x not in about and not any(n in text for n in self._names(snap, x)) for x in notions) \
                    and not another_alternative(question, fact.answer_text()):
                return False
            # (and an organisation or person named, or what it runs: "run by EGAT?" is not settled by a fact
            # about PTT's MoU, but Chulalongkorn's contest is Samyan's)
            # (not one named as the venue claimed: "at the depa building?" names depa as a place)
            place = (venue_asked(question) or "") if venue else ""
            if any(x not in about and not snap.index.related.get(x, frozenset()) & about
                   and not any(n in text or n in place for n in self._names(snap, x)) for x in named):
                return False
            # (an area named must be what it is about: "is Mae Moh run by depa?" is not settled by a fact about
            # depa's own office)
            areas = {x for x in specific if x in snap.kb.cities}
            if not venue and _RUN_BY_WIDE.search(question) and areas and len(specific) > len(areas) and not areas & about and not any(
                    snap.index.related.get(x, frozenset()) & about for x in areas):
                return False
            return not specific or bool(specific & about) or any(
                snap.index.related.get(x, frozenset()) & about for x in specific)

        no = _verdict_word(False, q.lang)
        told = hit.fact.answer.get(q.lang)
        if _YET_Q.search(question) and _PLAN_TOLD.search(told) and not _not_yet(question, told):
            # "มีรถไฟฟ้ารึยัง", "does it have one yet?" / its planned route: a plan says nothing is there yet, and
            # another fact about it says no more
            return hit, ""
        if self._stood_in_for(snap, q, hit.fact, question):
            return hit, no  # "was Prayut the chair of the 24 Dec ceremony?" / "Prawit stood in for him"
        if venue_claimed(question, hit.fact.answer.get(q.lang)) == "no" and about_them(hit.fact, venue=True):
            return hit, no  # "held at Government House?" / "held at the depa building" (another fact's venue is
            # another day's)
        on_the_day = self._role_on_the_day(snap, q, hit.fact, question)
        if on_the_day is not None:
            return _picked(on_the_day), no  # "was Prayut the chair of the 6 May 2021 meeting?" / Chaiwut chaired it
        if self._other_place(snap, q, hit.fact, question) is False and about_them(hit.fact):
            return hit, _verdict_word(True, q.lang)  # (the ranking gives it the very place claimed)
        if self._other_place(snap, q, hit.fact, question) or \
                self._someone_else(snap, q, hit.fact, places, close=hit.words >= CLOSE_WORDS) or \
                self._other_term(snap, q, hit.fact):
            return hit, no
        runner = self._developer_claimed(snap, q, question)
        if runner is not None:
            return Hit(runner[0], hit.score, 0.0, 1.0, 0.0, 1.0), _verdict_word(runner[1], q.lang)
        listed = self._in_closed_list(snap, q, hit.fact, question, places)
        if listed is not None:
            return hit, _verdict_word(listed, q.lang)  # "was Chiang Mai among the five?" / the five, named
        led = self._led_by(snap, q, hit.fact, question)
        if led is not None:
            return hit, _verdict_word(led, q.lang)  # "did Mae Moh lead Economy?" / "Economy, Mueang Yala; Energy, Mae Moh"
        dims = [x for x in q.subjects if x in snap.kb.dimensions]

        def dims_listed(fact: Fact) -> bool | None:
            """Whether the dimensions asked about are all in the list of them ``fact`` gives; None when it gives none."""
            if dims and about_them(fact) and len(self._dimensions_named(snap, fact)) >= 3 \
                    and (_DIMENSIONS_LISTED.search(fact.answer_text()) or self._all_dimensions_named(snap, fact)):
                return set(dims) <= self._dimensions_named(snap, fact)
            return None

        if dims_listed(hit.fact) is not None:
            # "แผนแม่บทขอนแก่นมี smart energy มั้ย" / the master plan's 6 pillars: the list says whether it is there
            return hit, _verdict_word(bool(dims_listed(hit.fact)), q.lang)
        def unnamed_dims(fact: Fact) -> bool:
            """Whether ``fact`` is neither about nor names a dimension the question asks about: it cannot confirm
            that dimension ("is Smart Living one of Mae Moh's Smarts?" / "Mae Moh was one of 15 areas...")."""
            return any(d not in snap.index.about_sets[fact.id] for d in dims) \
                and not set(dims) <= self._dimensions_named(snap, fact)

        lead = _lead(question, q.text, hit, q.lang, q.subjects, q.years, snap.known_words)
        if not about_them(hit.fact) or lead in ("ใช่ครับ", "Yes.") and unnamed_dims(hit.fact):
            lead = ""  # a fact about none of the specific things asked about settles nothing about them
        if lead in ("ใช่ครับ", "Yes."):
            return hit, lead
        for other in snap.index.search(q, limit=4):
            if other.fact.id == hit.fact.id or other.score < hit.score - VERDICT_MARGIN \
                    or not set(other.fact.about) & set(hit.fact.about) or not about_them(other.fact):
                continue
            if self._one_area_for_all(snap, q, other.fact, places):
                continue  # ("must a smart city cover all 7?" is not confirmed by the one area a fact is about)
            named_areas = {x for x in q.subjects if x in snap.kb.cities}
            if lead and named_areas and set(hit.fact.about) & set(snap.kb.cities) <= named_areas \
                    and len(set(other.fact.about) & set(snap.kb.cities) - named_areas) >= 1:
                # (the area's own fact denies it: one about other areas too does not confirm it, "Mae Moh has 7
                # Smarts?" / "Mae Moh's covers 3; the other pilots' cover all 7")
                continue
            if self._other_term(snap, q, other.fact):
                return other, no  # (the runner-up gives the terms of office: someone else held it then)
            if dims_listed(other.fact) is False:
                return other, no  # (a runner-up that lists the area's Smarts, without the one asked: "3 Smarts...")
            other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
            if other_lead in ("ใช่ครับ", "Yes.") and not unnamed_dims(other.fact):
                return other, other_lead
        if not lead and venue_claimed(question, hit.fact.answer.get(q.lang)) is None:
            # "took place at Government House?" answered by who chaired the meeting: a close runner-up about
            # the same thing, of the day asked, that says where it was held settles it
            for other in snap.index.search(q, limit=4):
                answer = other.fact.answer.get(q.lang)
                said = venue_claimed(question, answer)
                if other.fact.id == hit.fact.id or other.score < hit.score - SPECIFIC_VERDICT_MARGIN or said is None \
                        or not set(other.fact.about) & set(hit.fact.about) or not about_them(other.fact) \
                        or days_named(question) and not days_named(question) & days_named(answer):
                    continue
                return other, _verdict_word(said == "yes", q.lang)
        if not lead and venue_claimed(question, hit.fact.answer.get(q.lang)) is None:
            # "was the 6 May 2021 meeting held in Chiang Mai?" answered by what the meeting approved: the event's
            # own fact that says where it was held settles it, however far down the search it is (not one that
            # tells of another day)
            events = [x for x in (*q.subjects, *hit.fact.about)
                      if x in snap.kb.entities and snap.kb.entities[x].kind == "event"]
            for event in dict.fromkeys(events):
                for f in snap.index.about(event):
                    answer = f.answer.get(q.lang)
                    said = venue_claimed(question, answer)
                    if said is None or days_named(answer) and days_named(question) \
                            and not days_named(question) & days_named(answer):
                        continue
                    return Hit(f, hit.score, 0.0, 1.0, 0.0, 1.0), _verdict_word(said == "yes", q.lang)
        if not lead:
            # The best fact settles nothing; a close runner-up about the specific thing named (not only the
            # general notion: "is the sandbox part of the certification?" is about the sandbox) that does, wins.
            # (or, when the question claims a year, about the same thing as a best fact that dates nothing: "got
            # its logo in 2566?" / who handed it over, then the runner-up that gives the day)
            # (or about fewer areas than a best fact about several: "Mae Moh did all 7?" / the five pilots' Smarts,
            # then Mae Moh's own "3 Smarts")
            undated = bool(q.years) and not hit.fact.date and not _years_in(hit.fact.answer_text())
            areas = len([x for x in hit.fact.about if x in snap.kb.cities])
            for other in snap.index.search(q, limit=4):
                narrower = areas > 1 and 0 < len([x for x in other.fact.about if x in snap.kb.cities]) < areas
                if other.fact.id == hit.fact.id or other.score < hit.score - SPECIFIC_VERDICT_MARGIN \
                        or not specific & set(other.fact.about) or specific & set(hit.fact.about) and not (
                            _RUN_BY_WIDE.search(question) and not about_them(hit.fact)) and not undated \
                        and not narrower:
                    continue
                if _RUN_BY_WIDE.search(question) and not about_them(hit.fact) and about_them(other.fact) and self._someone_else(
                        snap, q, other.fact, places, close=other.words >= CLOSE_WORDS):
                    return other, no  # "is Mae Moh run by depa?" / EGAT runs it (the best fact was depa's own)
                other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
                if other_lead:
                    return other, other_lead
            # "ได้ที่ 1 ใช่ไหม" answered by a fact that the area led one dimension: a close runner-up ranking that
            # gives the area its place settles it
            if hit.fact.intent == "rankings" and self._other_place(snap, q, hit.fact, question) is None:
                for other in snap.index.search(q, limit=4):
                    if other.fact.id == hit.fact.id or other.score < hit.score - VERDICT_MARGIN:
                        continue
                    placed = self._other_place(snap, q, other.fact, question)
                    if placed is not None:
                        return other, no if placed else _verdict_word(True, q.lang)
        return hit, lead
