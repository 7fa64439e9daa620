"""Answers from the knowledge base, rendered in the reader's language.

:class:`Answerer` turns a :class:`Query` (an intent plus the entities that were found) into an
:class:`Answer`: a short, direct first sentence, supporting detail after it, the sources named, and 2–4
suggestions for the natural next question. It states nothing that is not in the knowledge base; when the
base lacks what was asked, it says so and marks the answer incomplete.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable


from .dates import format_date
from .loader import KnowledgeBase
from .schema import City, Entry, Fact
from .sources import source_label

__all__ = ["Query", "Answer", "Card", "Answerer", "CITY_INTENTS", "TOPIC_INTENTS"]

#: Intents about one city: without a city (named or from context) the bot asks which one.
CITY_INTENTS = frozenset({"city_overview", "city_date", "city_plan", "city_location", "city_focus", "city_smarts",
                          "city_developer", "city_history"})
#: Intents answered from FAQ entries.
TOPIC_INTENTS = frozenset({"about_depa", "certification_about", "certification_process", "certification_benefits",
                           "programme_timeline", "meeting_2021", "promotion_zone", "targets", "rankings",
                           "seven_smarts", "city_why_now"})
MAX_DETAIL = 6
MAX_SOURCES_SHOWN = 3  # in the text; the reply's sources list has them all


@dataclass
class Query:
    """What the answerer needs to know about a question (filled by the dialogue from the NLU)."""

    intent: str
    lang: str
    text: str = ""
    cities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    topics: dict[str, list[str]] = field(default_factory=dict)
    numbers: list[int] = field(default_factory=list)
    yes_no: bool = False
    first_five: bool = False


@dataclass
class Card:
    """A platform-neutral overview card (LINE Flex, Messenger generic template)."""

    title: str
    subtitle: str
    fields: list[tuple[str, str]]
    url: str | None = None


@dataclass
class Answer:
    text: str
    quick_replies: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    card: Card | None = None
    complete: bool = True  # False when the knowledge base lacks what was asked
    city: str | None = None  # the city the answer is about, for follow-up questions
    entry: str | None = None  # the FAQ entry used, if any


def _t(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


_POLITE_END = re.compile(r"(ครับ|ค่ะ|คะ|ค่ะ)[\s.!?)\]]*(\([^()]*\))?[\s.!?]*$")


def _polite(text: str) -> str:
    """End a Thai sentence with the bot's polite particle, unless it already ends with one (possibly
    followed by a bracketed note)."""
    text = text.rstrip()
    if _POLITE_END.search(text):
        return text
    return text.rstrip(" .") + " ครับ"


class _Builder:
    """Collects lines and the sources behind them for one answer."""

    def __init__(self, kb: KnowledgeBase, lang: str):
        self.kb, self.lang = kb, lang
        self.lines: list[str] = []
        self.source_ids: list[str] = []
        self.notes: list[str] = []  # free-text sources of staff-written entries

    def lead(self, th: str, en: str) -> "_Builder":
        self.lines.append(_polite(th) if self.lang == "th" else en)
        return self

    def cite(self, ids: list[str]) -> None:
        for sid in ids:
            if sid not in self.source_ids:
                self.source_ids.append(sid)

    def dated(self, item) -> "_Builder":
        """A timeline item, led by its date unless its text already says when."""
        year = int(item.date[:4]) + (543 if self.lang == "th" else 0)
        text = item.get(self.lang)
        prefix = "" if str(year) in text[:40] else f"{format_date(item.date, self.lang)}: "
        return self.fact(item, prefix=prefix)

    def fact(self, fact: Fact | None, bullet: bool = True, prefix: str = "") -> "_Builder":
        if fact is None:
            return self
        text = fact.get(self.lang)
        if fact.as_of and "as_of" not in prefix:
            text += _t(self.lang, f" (ข้อมูล ณ {format_date(fact.as_of, 'th')})",
                       f" (as of {format_date(fact.as_of, 'en')})")
        self.lines.append(("• " if bullet else "") + prefix + text)
        self.cite(fact.sources)
        return self

    def line(self, text: str) -> "_Builder":
        self.lines.append(text)
        return self

    def build(self, quick_replies: list[str], **kw) -> Answer:
        labels = [source_label(self.kb.sources[s], self.lang) for s in self.source_ids if s in self.kb.sources]
        labels.extend(n for n in self.notes if n not in labels)
        text = "\n".join(self.lines)
        if labels:
            shown = "; ".join(labels[:MAX_SOURCES_SHOWN])
            more = len(labels) - MAX_SOURCES_SHOWN
            if more > 0:
                shown += _t(self.lang, f" และอีก {more} แหล่ง", f" and {more} more")
            text += "\n" + _t(self.lang, "ที่มา: ", "Source: " if len(labels) == 1 else "Sources: ") + shown
        return Answer(text=text, quick_replies=quick_replies[:4], sources=labels, **kw)


class Answerer:
    """Answers queries from one :class:`KnowledgeBase`."""

    #: How close a question must be to a staff entry's phrasing for that entry to answer it directly.
    STAFF_MATCH = 0.6

    def __init__(self, kb: KnowledgeBase, entries: dict[str, Entry] | None = None,
                 staff_ids: frozenset[str] = frozenset(), prepare: Callable[[str], str] = lambda s: s):
        """``prepare`` is the normalisation questions get before they reach :meth:`answer` and
        :meth:`match_staff`; entry phrasings are prepared the same way."""
        self.kb = kb
        self.entries = dict(kb.entries if entries is None else entries)
        self._index = PhrasingIndex(self.entries.values(), prepare)
        staff = [e for e in self.entries.values() if e.id in staff_ids]
        self._staff_index = PhrasingIndex(staff, prepare) if staff else None

    def entries_for(self, intent: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.intent == intent]

    def match_staff(self, text: str) -> tuple[Entry, float] | None:
        """The staff-written or staff-edited entry whose phrasings match ``text`` closely, if any.

        Staff changes answer at once through this match, before the classifier is retrained on them."""
        if self._staff_index is None or not text:
            return None
        best: tuple[Entry, float] | None = None
        for intent in self._staff_index.phrasings:
            for entry_id, score in self._staff_index.scores(text, intent).items():
                if score >= self.STAFF_MATCH and (best is None or score > best[1]):
                    best = (self.entries[entry_id], score)
        return best

    # -- names and suggestions -------------------------------------------------------------------------
    def city_name(self, city_id: str, lang: str, short: bool = False) -> str:
        city = self.kb.cities[city_id]
        return (city.short_name if short else city.name).get(lang)

    def place_name(self, place_id: str, lang: str) -> str:
        place = self.kb.places[place_id]
        return place.th if lang == "th" else place.en

    def suggestions(self, lang: str, city: str | None = None, exclude: str | None = None) -> list[str]:
        """Natural next questions, as texts the bot itself understands."""
        out: list[str] = []
        if city:
            s = self.city_name(city, lang, short=True)
            c = self.kb.cities[city]
            options = {
                "city_plan": _t(lang, f"แผนของ{s}มีอะไรบ้าง", f"What is {s} planning?"),
                "city_date": _t(lang, f"{s}ได้รับรองเมื่อไหร่", f"When was {s} certified?"),
                "city_location": _t(lang, f"{s}อยู่จังหวัดไหน", f"Where is {s}?"),
                "city_smarts": _t(lang, f"{s}มีกี่ Smarts", f"How many Smarts does {s} have?"),
            }
            if not c.plan:
                options.pop("city_plan")
            if not c.smarts:
                options.pop("city_smarts")
            out.extend(v for k, v in options.items() if k != exclude)
            out = out[:2]
        general = [
            _t(lang, "มีเมืองอัจฉริยะที่ไหนบ้าง", "Which cities are certified?"),
            _t(lang, "7 Smarts คืออะไร", "What are the 7 Smarts?"),
            _t(lang, "ทำไมขอนแก่นเพิ่งได้รับรอง", "Why was Khon Kaen certified only now?"),
            _t(lang, "ดีป้าคืออะไร", "What is depa?"),
        ]
        for g in general:
            if len(out) >= 4:
                break
            out.append(g)
        return out

    def city_buttons(self, lang: str) -> list[str]:
        """The first five cities, as quick replies for 'which city?'."""
        return [self.city_name(c.id, lang, short=True) for c in self.kb.pilot_cities()]

    # -- dispatch --------------------------------------------------------------------------------------
    def answer(self, q: Query) -> Answer | None:
        """The answer to ``q``, or None when this intent needs a city and none was given."""
        handler = getattr(self, f"_{q.intent}", None)
        if handler is not None:
            return handler(q)
        if q.intent in TOPIC_INTENTS:
            return self._entry_answer(q)
        return None

    # -- city questions --------------------------------------------------------------------------------
    def _city(self, q: Query) -> City | None:
        return self.kb.cities[q.cities[0]] if q.cities and q.cities[0] in self.kb.cities else None

    def _when(self, date: str, lang: str) -> str:
        if len(date) == 4:
            return _t(lang, f"ในปี {int(date) + 543}", f"in {date}")
        return _t(lang, f"เมื่อ {format_date(date, 'th')}", f"on {format_date(date, 'en')}")

    def _province_phrase(self, city: City, lang: str) -> str:
        place = self.kb.places[city.province]
        if lang == "th":
            return place.th if place.th.startswith("กรุงเทพ") else f"จังหวัด{place.th}"
        return place.en if place.id == "bangkok" else f"{place.en} province"

    def _missing(self, city: City, q: Query, what_th: str, what_en: str) -> Answer:
        """An honest 'not in my data' answer, with what is known about the city."""
        b = _Builder(self.kb, q.lang)
        name = city.name.get(q.lang)
        b.lead(f"ตอนนี้ผมยังไม่มีข้อมูล{what_th}ของ{name}ในฐานข้อมูลที่ตรวจสอบแหล่งที่มาแล้ว",
               f"I don't have verified information on {what_en} for {name} yet.")
        b.line(_t(q.lang, "สิ่งที่ผมทราบคือ:", "What I do know:"))
        b.fact(city.certified)
        return b.build(self.suggestions(q.lang, city.id), complete=False, city=city.id)

    def _city_overview(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        lang = q.lang
        name = city.name.get(lang)
        b = _Builder(self.kb, lang)
        when = self._when(city.certified.date, lang)
        if city.pilot:
            b.lead(f"{name} เป็น 1 ใน 5 เมืองนำร่องที่ได้รับการประกาศรับรองเป็นเมืองอัจฉริยะ{when}",
                   f"{name} is one of the first five pilot cities certified as smart cities, {when}.")
        else:
            b.lead(f"{name} เป็นพื้นที่ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ (ได้รับตราสัญลักษณ์) {when}",
                   f"{name} is a certified smart city area (it holds the smart city logo), {when}.")
        b.fact(city.area, prefix=_t(lang, "ที่ตั้ง: ", "Where: "))
        b.fact(city.focus, prefix=_t(lang, "เป้าหมาย: ", "Focus: "))
        b.fact(city.smarts, prefix=_t(lang, "แผน: ", "Plan: "))
        b.fact(city.developer, prefix=_t(lang, "ผู้ขับเคลื่อน: ", "Run by: "))
        b.cite(city.certified.sources)
        fields = [(_t(lang, "ที่ตั้ง", "Where"), self._province_phrase(city, lang)),
                  (_t(lang, "รับรอง", "Certified"), format_date(city.certified.date, lang))]
        if city.smarts:
            fields.append(("Smarts", f"{city.smarts.count}"))
        if city.focus:
            fields.append((_t(lang, "เป้าหมาย", "Focus"), _first_clause(city.focus.get(lang))))
        card = Card(title=name, subtitle=self._province_phrase(city, lang), fields=fields, url=_url(city.website))
        return b.build(self.suggestions(lang, city.id), card=card, city=city.id)

    def _city_date(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        lang, name = q.lang, city.name.get(q.lang)
        when = self._when(city.certified.date, lang)
        b = _Builder(self.kb, lang)
        b.lead(f"{name} ได้รับการรับรองเป็นเมืองอัจฉริยะ{when}", f"{name} was certified as a smart city {when}.")
        b.fact(city.certified)
        return b.build(self.suggestions(lang, city.id, exclude="city_date"), city=city.id)

    def _city_location(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        lang, name = q.lang, city.name.get(q.lang)
        where = self._province_phrase(city, lang)
        b = _Builder(self.kb, lang)
        asked = [p for p in q.places if p in self.kb.places]
        if q.yes_no and asked:
            ok = any(p == city.province or self.kb.places[p].province == city.province for p in asked)
            if ok:
                b.lead(f"ใช่ครับ {name} อยู่ใน{where}", f"Yes. {name} is in {where}.")
            else:
                b.lead(f"ไม่ใช่ครับ {name} อยู่ใน{where}", f"No. {name} is in {where}.")
        else:
            b.lead(f"{name} อยู่ใน{where}", f"{name} is in {where}.")
        b.fact(city.area)
        return b.build(self.suggestions(lang, city.id, exclude="city_location"), city=city.id)

    def _city_focus(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        if city.focus is None:
            return self._missing(city, q, "เรื่องจุดเน้นและเป้าหมาย", "its focus and goals")
        lang, name = q.lang, city.name.get(q.lang)
        b = _Builder(self.kb, lang)
        b.lead(f"เป้าหมายของ{name}: {city.focus.th}", f"{name}'s focus: {city.focus.en}")
        b.cite(city.focus.sources)
        return b.build(self.suggestions(lang, city.id), city=city.id)

    def _city_smarts(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        if city.smarts is None:
            return self._missing(city, q, "เรื่องจำนวน Smarts ในแผน", "how many Smarts its plan covers")
        lang, name, n = q.lang, city.name.get(q.lang), city.smarts.count
        dims = [self.kb.dimensions[d].name.get(lang) for d in city.smarts.dimensions if d in self.kb.dimensions]
        listed = _t(lang, f" ได้แก่ {', '.join(dims)}", f": {', '.join(dims)}") if dims else ""
        b = _Builder(self.kb, lang)
        asked = [x for x in q.numbers if 1 <= x <= 7]
        prefix_th = prefix_en = ""
        if q.yes_no and asked:
            prefix_th, prefix_en = ("ใช่ครับ ", "Yes. ") if n in asked else ("ไม่ใช่ครับ ", "No. ")
        b.lead(f"{prefix_th}แผนของ{name}ครอบคลุม {n} Smarts{listed}",
               f"{prefix_en}{name}'s plan covers {n} of the 7 Smarts{listed}.")
        b.fact(city.smarts)
        return b.build(self.suggestions(lang, city.id, exclude="city_smarts"), city=city.id)

    def _city_developer(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        if city.developer is None:
            return self._missing(city, q, "เรื่องผู้พัฒนาเมือง", "who runs the project")
        b = _Builder(self.kb, q.lang)
        name = city.name.get(q.lang)
        b.lead(f"ผู้ขับเคลื่อน{name}: {city.developer.th}", f"Who runs {name}: {city.developer.en}")
        b.cite(city.developer.sources)
        return b.build(self.suggestions(q.lang, city.id), city=city.id)

    def _city_plan(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        if not city.plan:
            return self._missing(city, q, "รายละเอียดแผน", "the contents of its plan")
        lang, name = q.lang, city.name.get(q.lang)
        b = _Builder(self.kb, lang)
        if city.focus:
            b.lead(f"แผนเมืองอัจฉริยะของ{name} มุ่งสู่ {city.focus.th}", f"{name} plans to become {city.focus.en}"
                   if not city.focus.en[:1].isupper() else f"{name}'s plan: {city.focus.en}")
            b.cite(city.focus.sources)
        else:
            b.lead(f"แผนเมืองอัจฉริยะของ{name}", f"{name}'s smart city plan:")
        b.fact(city.smarts)
        for fact in city.plan[:MAX_DETAIL]:
            b.fact(fact)
        return b.build(self.suggestions(lang, city.id, exclude="city_plan"), city=city.id)

    def _city_history(self, q: Query) -> Answer | None:
        city = self._city(q)
        if city is None:
            return None
        if not city.timeline:
            return self._missing(city, q, "เรื่องความเป็นมา", "its history")
        lang, name = q.lang, city.name.get(q.lang)
        b = _Builder(self.kb, lang)
        b.lead(f"ความเป็นมาของ{name}โดยสรุป", f"{name} so far:")
        items = sorted(city.timeline, key=lambda t: t.date)
        if len(items) > MAX_DETAIL + 2:
            items = items[: MAX_DETAIL + 2]
        for item in items:
            b.dated(item)
        return b.build(self.suggestions(lang, city.id), city=city.id)

    def _city_why_now(self, q: Query) -> Answer:
        city = self._city(q)
        if city is not None and city.why_now is not None:
            b = _Builder(self.kb, q.lang)
            b.fact(city.why_now, bullet=False)
            b.lines[0] = _polite(b.lines[0]) if q.lang == "th" else b.lines[0]
            b.cite(city.certified.sources)
            b.fact(city.certified)
            return b.build(self.suggestions(q.lang, city.id), city=city.id)
        return self._entry_answer(q)

    def _rankings(self, q: Query) -> Answer:
        city = self._city(q)
        if city is not None:
            if not city.ranking:
                return self._missing(city, q, "เรื่องอันดับ", "its ranking")
            b = _Builder(self.kb, q.lang)
            name = city.name.get(q.lang)
            b.lead(f"อันดับของ{name}ในดัชนีเมืองอัจฉริยะ", f"How {name} ranked:")
            for fact in city.ranking:
                b.fact(fact)
            return b.build(self.suggestions(q.lang, city.id), city=city.id)
        return self._entry_answer(q)

    # -- which / yes-no ---------------------------------------------------------------------------------
    def _in_province(self, place_id: str) -> tuple[str, list[City]]:
        place = self.kb.places[place_id]
        province = place.province or place.id
        return province, self.kb.cities_in(province)

    def _names(self, cities: list[City], lang: str) -> str:
        return ", ".join(c.name.get(lang) for c in cities)

    def _pilots_line(self, lang: str) -> str:
        names = self._names(self.kb.pilot_cities(), lang)
        return _t(lang, f"5 เมืองแรก (ได้รับความเห็นชอบเมื่อ 6 พฤษภาคม 2564) ได้แก่ {names}",
                  f"The first five (approved on 6 May 2021) are {names}.")

    def _is_certified(self, q: Query) -> Answer | None:
        lang = q.lang
        b = _Builder(self.kb, lang)
        city = self._city(q)
        if city is not None:
            name = city.name.get(lang)
            when = self._when(city.certified.date, lang)
            if q.first_five and not city.pilot:
                b.lead(f"ไม่ใช่ครับ {name} ไม่ได้อยู่ใน 5 เมืองแรก แต่ได้รับการรับรอง{when}",
                       f"No. {name} is not one of the first five, but it was certified {when}.")
                b.line(_polite(self._pilots_line(lang)) if lang == "th" else self._pilots_line(lang))
                b.cite(["seed"])
            elif city.pilot and q.first_five:
                b.lead(f"ใช่ครับ {name} เป็น 1 ใน 5 เมืองแรกที่ได้รับการประกาศรับรอง{when}",
                       f"Yes. {name} is one of the first five, certified {when}.")
            else:
                b.lead(f"ใช่ครับ {name} ได้รับการรับรองเป็นเมืองอัจฉริยะ (ได้รับตราสัญลักษณ์) {when}",
                       f"Yes. {name} is a certified smart city (it holds the smart city logo), certified {when}.")
            b.fact(city.certified)
            return b.build(self.suggestions(lang, city.id), city=city.id)
        places = [p for p in q.places if p in self.kb.places]
        if not places:
            return None
        place_id = places[0]
        place_name = self.place_name(place_id, lang)
        province, found = self._in_province(place_id)
        is_town = self.kb.places[place_id].kind != "province"
        if found and not is_town:
            pilots = [c for c in found if c.pilot]
            if q.first_five and not pilots:
                b.lead(f"ไม่ใช่ครับ {place_name} ไม่ได้อยู่ใน 5 เมืองแรก", f"No. {place_name} is not one of the first five.")
                b.line(self._pilots_line(lang))
                b.cite(["seed"])
            b.lead(f"{'' if q.first_five and not pilots else 'ใช่ครับ '}พื้นที่ใน{place_name}ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะ"
                   f"ตามข้อมูลที่ผมมี: {self._names(found, 'th')}",
                   f"{'' if q.first_five and not pilots else 'Yes. '}Certified smart city areas in {place_name} "
                   f"that I know of: {self._names(found, 'en')}.")
            for c in found[:MAX_DETAIL]:
                b.fact(c.certified, prefix=f"{c.name.get(lang)}: ")
            return b.build(self.suggestions(lang, found[0].id), city=found[0].id)
        # Not in the (partial) lists: say so honestly, never a confident "no".
        if q.first_five:
            b.lead(f"ไม่ใช่ครับ {place_name} ไม่ได้อยู่ใน 5 เมืองแรก", f"No. {place_name} is not one of the first five.")
            b.line(_polite(self._pilots_line(lang)) if lang == "th" else self._pilots_line(lang))
            b.cite(["seed"])
        b.line(_polite(f"ผมไม่พบ{place_name}ในรายชื่อพื้นที่ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะที่ผมมี "
                       f"แต่รายชื่อของผมยังไม่ครบทุกรอบการรับรอง จึงยืนยันไม่ได้ว่าไม่เคยได้รับ")
               if lang == "th" else
               f"I find no record of {place_name} among the certified smart cities I know of, but my lists of the "
               f"later batches are partial, so I cannot rule it out.")
        if is_town and found:
            b.line(_t(lang, f"ส่วนใน{self.place_name(province, 'th')} มีพื้นที่ที่ได้รับการรับรอง: {self._names(found, 'th')}",
                      f"In {self.place_name(province, 'en')} province, the certified areas I know of are: "
                      f"{self._names(found, 'en')}."))
            for c in found[:3]:
                b.cite(c.certified.sources)
        latest = self._latest_totals()
        for t in latest:
            b.fact(t)
        return b.build(self.suggestions(lang), complete=bool(found) or q.first_five)

    def _find_city(self, q: Query) -> Answer | None:
        lang = q.lang
        b = _Builder(self.kb, lang)
        places = [p for p in q.places if p in self.kb.places]
        if places:
            place_name = self.place_name(places[0], lang)
            _, found = self._in_province(places[0])
            if not found:
                b.lead(f"ผมไม่พบพื้นที่ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะใน{place_name}ตามข้อมูลที่ผมมี "
                       f"(รายชื่อรอบหลัง ๆ ที่ผมมียังไม่ครบ)",
                       f"I have no record of a certified smart city in {place_name} (my lists of the later "
                       f"batches are partial).")
                return b.build(self.suggestions(lang), complete=False)
            b.lead(f"พื้นที่ใน{place_name}ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ: {self._names(found, 'th')}",
                   f"Certified smart city areas in {place_name}: {self._names(found, 'en')}.")
            for c in found[:MAX_DETAIL]:
                b.fact(c.area, prefix=f"{c.name.get(lang)}: ")
            return b.build(self.suggestions(lang, found[0].id), city=found[0].id)
        if q.dimensions:
            dim = self.kb.dimensions[q.dimensions[0]]
            named = [c for c in self.kb.cities.values() if c.smarts and dim.id in c.smarts.dimensions]
            all7 = [c for c in self.kb.cities.values() if c.smarts and c.smarts.count == 7 and c not in named]
            dname = dim.name.get(lang)
            if not named and not all7:
                b.lead(f"ผมยังไม่มีข้อมูลว่าเมืองใดเน้น {dname}", f"I have no record of which city focuses on {dname}.")
                return b.build(self.suggestions(lang), complete=False)
            if named:
                b.lead(f"เมืองที่แผนระบุ {dname} ไว้ชัดเจน: {self._names(named, 'th')}",
                       f"Cities whose plans name {dname} explicitly: {self._names(named, 'en')}.")
                for c in named:
                    b.fact(c.smarts, prefix=f"{c.name.get(lang)}: ")
            if all7:
                b.line(_t(lang, f"เมืองที่มีแผนครบทั้ง 7 Smarts (จึงรวม {dname} ด้วย): {self._names(all7, 'th')}",
                          f"Cities with plans covering all 7 Smarts (so {dname} too): {self._names(all7, 'en')}."))
                for c in all7:
                    b.cite(c.smarts.sources)  # type: ignore[union-attr]
            return b.build(self.suggestions(lang, (named or all7)[0].id), city=(named or all7)[0].id)
        if q.topics:
            score: dict[str, int] = {}
            for cities in q.topics.values():
                for cid in cities:
                    score[cid] = score.get(cid, 0) + 1
            best = max(score.values())
            found = [self.kb.cities[c] for c, s in score.items() if s == best and c in self.kb.cities]
            words = ", ".join(sorted(q.topics))
            b.lead(f"เมืองที่เน้นเรื่อง{words}: {self._names(found, 'th')}",
                   f"The certified city focusing on {words}: {self._names(found, 'en')}." if len(found) == 1 else
                   f"Certified cities focusing on {words}: {self._names(found, 'en')}.")
            for c in found[:MAX_DETAIL]:
                b.fact(c.focus, prefix=f"{c.name.get(lang)}: ")
            return b.build(self.suggestions(lang, found[0].id), city=found[0].id)
        if q.first_five:
            return self._list_cities(q)
        return None

    # -- lists and topics ------------------------------------------------------------------------------
    def _latest_totals(self) -> list[Fact]:
        """The most recent totals; two when the two latest sources disagree."""
        totals = sorted(self.kb.programme.totals, key=lambda t: t.as_of)
        return totals[-2:] if len(totals) >= 2 else totals

    def _list_cities(self, q: Query) -> Answer:
        lang = q.lang
        b = _Builder(self.kb, lang)
        b.lead(self._pilots_line(lang), self._pilots_line(lang))
        b.cite(["seed"])
        b.line(_t(lang, "จำนวนพื้นที่ที่ได้รับตราสัญลักษณ์ตามรายงานล่าสุดที่ผมมี:", "The latest totals I have:"))
        for t in self._latest_totals():
            b.fact(t)
        others = [c for c in self.kb.cities.values() if not c.pilot]
        if others:
            b.line(_t(lang, f"พื้นที่อื่นที่ผมทราบชื่อ (รายชื่อยังไม่ครบ): {self._names(others, 'th')}",
                      f"Other certified areas I know by name (a partial list): {self._names(others, 'en')}."))
        buttons = [self.city_name(c.id, lang, short=True) for c in self.kb.pilot_cities()][:3]
        return b.build(buttons + [_t(lang, "7 Smarts คืออะไร", "What are the 7 Smarts?")])

    def _programme_timeline(self, q: Query) -> Answer:
        """A year in the question lists that year's milestones; otherwise the best entry, and for the
        general overview the key dates of the national timeline."""
        lang = q.lang
        timeline = sorted(self.kb.programme.timeline, key=lambda t: t.date)
        for n in q.numbers:
            year = n - 543 if 2400 <= n <= 2700 else n
            items = [t for t in timeline if t.date.startswith(f"{year:04d}")]
            if 1990 <= year <= 2100 and items:
                b = _Builder(self.kb, lang)
                b.lead(f"เหตุการณ์สำคัญของโครงการเมืองอัจฉริยะในปี {year + 543}",
                       f"Smart city programme milestones in {year}:")
                for item in items[: MAX_DETAIL + 2]:
                    b.dated(item)
                return b.build(self.suggestions(lang))
        entry = self._pick_entry(q)
        if entry is None:
            return self._entry_answer(q)
        answer = self.render_entry(entry, lang)
        if entry.priority < max(e.priority for e in self.entries_for(q.intent)):
            return answer
        b = _Builder(self.kb, lang)
        b.lead(entry.answer.th, entry.answer.en)
        b.cite(entry.sources)
        b.line(_t(lang, "วันสำคัญ:", "Key dates:"))
        step = max(1, len(timeline) // MAX_DETAIL)
        picked = timeline[::step][: MAX_DETAIL - 1] + [timeline[-1]]
        seen: set[int] = set()
        for item in picked:
            if id(item) not in seen:
                seen.add(id(item))
                b.dated(item)
        b.line(_t(lang, "ถามเป็นรายปีได้ เช่น \"ปี 2565 มีอะไรบ้าง\"", 'Ask about a year for more, e.g. "what happened in 2022?"'))
        return b.build(self.suggestions(lang), entry=entry.id)

    def _seven_smarts(self, q: Query) -> Answer:
        lang = q.lang
        b = _Builder(self.kb, lang)
        if q.dimensions:
            dim = self.kb.dimensions[q.dimensions[0]]
            b.lead(f"{dim.name.th} ({dim.name.en}) คือ{dim.description.th}",
                   f"{dim.name.en} ({dim.name.th}): {dim.description.en}")
            b.cite(dim.description.sources)
            return b.build(self.suggestions(lang))
        b.lead("7 Smarts คือ 7 ด้านของการพัฒนาเมืองอัจฉริยะ ได้แก่",
               "The 7 Smarts are the seven dimensions of a smart city:")
        for dim in self.kb.dimensions.values():
            b.line(f"• {dim.name.get(lang)} ({dim.name.en if lang == 'th' else dim.name.th}): "
                   f"{dim.description.get(lang)}")
            b.cite(dim.description.sources)
        entry = self._pick_entry(q)
        if entry is not None:
            b.line(entry.answer.get(lang))
            b.cite(entry.sources)
        return b.build(self.suggestions(lang), entry=entry.id if entry else None)

    def _pick_entry(self, q: Query) -> Entry | None:
        """The entry of this intent whose phrasings best match the question (ties: higher priority)."""
        entries = self.entries_for(q.intent)
        if q.cities:
            specific = [e for e in entries if set(e.cities) & set(q.cities)]
            entries = specific or [e for e in entries if not e.cities]
        if not entries:
            return None
        if len(entries) == 1 or not q.text:
            return max(entries, key=lambda e: e.priority)
        scores = self._index.scores(q.text, q.intent)

        def score(e: Entry) -> tuple[float, int]:
            best = scores.get(e.id, 0.0)
            return (best if best >= 0.2 else 0.0, e.priority)

        return max(entries, key=score)

    def _entry_answer(self, q: Query) -> Answer:
        entry = self._pick_entry(q)
        if entry is None:
            b = _Builder(self.kb, q.lang)
            b.lead("ขออภัยครับ เรื่องนี้ผมยังไม่มีข้อมูลที่ตรวจสอบแล้ว", "Sorry, I don't have verified information on that yet.")
            return b.build(self.suggestions(q.lang), complete=False)
        return self.render_entry(entry, q.lang, city=q.cities[0] if q.cities else None)

    def render_entry(self, entry: Entry, lang: str, city: str | None = None) -> Answer:
        b = _Builder(self.kb, lang)
        b.lead(entry.answer.th, entry.answer.en)
        if entry.as_of:
            b.lines[-1] += _t(lang, f" (ข้อมูล ณ {format_date(entry.as_of, 'th')})",
                              f" (as of {format_date(entry.as_of, 'en')})")
        for fact in entry.detail[:MAX_DETAIL]:
            b.fact(fact)
        b.cite(entry.sources)
        if entry.source_note:
            b.notes.append(entry.source_note)
        about = city or (entry.cities[0] if entry.cities else None)
        return b.build(self.suggestions(lang, about), entry=entry.id, city=about)


_LATIN_WORD = re.compile(r"[a-z0-9]+")
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


def _features(text: str) -> Counter:
    """English words and Thai character trigrams (Thai is unspaced) of a question."""
    text = text.casefold()
    feats: Counter = Counter(f"w:{w}" for w in _LATIN_WORD.findall(text) if len(w) > 1)
    for run in _THAI_RUN.findall(text):
        feats.update(f"t:{run[i:i + 3]}" for i in range(max(1, len(run) - 2)))
    return feats


class PhrasingIndex:
    """TF-IDF over every entry's question phrasings, to pick the entry a question is closest to.

    IDF over all phrasings makes the words that tell entries apart ("chaired", "ASEAN") count for more
    than the words they share ("smart city"); the entry's answer is a weaker second signal. An inverted
    index keeps scoring proportional to the question's features, not to the number of phrasings.
    """

    ANSWER_WEIGHT = 0.3

    def __init__(self, entries, prepare: Callable[[str], str] = lambda s: s):
        entries = list(entries)
        # Phrasings go through the same preparation (normalisation) as the questions they are matched with.
        docs = [(e, _features(prepare(x))) for e in entries for x in (*e.questions.th, *e.questions.en)]
        df: Counter = Counter()
        for _, f in docs:
            df.update(f.keys())
        n = max(1, len(docs))
        self.idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}
        self.default_idf = math.log(1 + n) + 1.0
        # Per intent (entries are only ever compared within one): feature -> [(entry id, phrasing, weight)]
        # and feature -> [(entry id, weight)] for the answers.
        self.phrasings: dict[str, dict[str, list[tuple[str, int, float]]]] = {}
        for i, (e, f) in enumerate(docs):
            postings = self.phrasings.setdefault(e.intent, {})
            for k, w in self._weigh(f).items():
                postings.setdefault(k, []).append((e.id, i, w))
        self.answers: dict[str, dict[str, list[tuple[str, float]]]] = {}
        for e in entries:
            postings_a = self.answers.setdefault(e.intent, {})
            for k, w in self._weigh(_features(f"{e.answer.th} {e.answer.en}")).items():
                postings_a.setdefault(k, []).append((e.id, w))

    def _weigh(self, feats: Counter) -> dict[str, float]:
        vec = {k: (1 + math.log(c)) * self.idf.get(k, self.default_idf) for k, c in feats.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {k: v / norm for k, v in vec.items()}

    def scores(self, text: str, intent: str) -> dict[str, float]:
        """Entry id -> how well an entry of ``intent`` matches ``text``: its closest phrasing, plus a
        share of its answer."""
        query = self._weigh(_features(text))
        phrasings = self.phrasings.get(intent, {})
        answers = self.answers.get(intent, {})
        per_phrasing: dict[int, float] = {}
        owner: dict[int, str] = {}
        answer: dict[str, float] = {}
        for k, qw in query.items():
            for entry_id, i, w in phrasings.get(k, ()):
                per_phrasing[i] = per_phrasing.get(i, 0.0) + qw * w
                owner[i] = entry_id
            for entry_id, w in answers.get(k, ()):
                answer[entry_id] = answer.get(entry_id, 0.0) + qw * w
        best: dict[str, float] = {}
        for i, score in per_phrasing.items():
            if score > best.get(owner[i], 0.0):
                best[owner[i]] = score
        keys = best.keys() | answer.keys()
        return {e: (1 - self.ANSWER_WEIGHT) * best.get(e, 0.0) + self.ANSWER_WEIGHT * answer.get(e, 0.0)
                for e in keys}


def _first_clause(text: str, limit: int = 60) -> str:
    """A short form of a long text for a card field."""
    for sep in (". ", "; ", " — ", ", "):
        if sep in text and text.index(sep) <= limit:
            return text[: text.index(sep)]
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,(") + "…"


def _url(url: str | None) -> str | None:
    if not url:
        return None
    return url if url.startswith(("http://", "https://")) else f"https://{url}"
