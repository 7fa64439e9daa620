"""The composer: facts in, a reply for a phone out, in natural polite Thai or plain English.

The first sentence answers (the fact's answer, or a computed ใช่/ไม่ใช่, yes/no); then at most two short
supporting sentences; then one compact source line (two names at most, with the as-of date; every source
stays in ``Answer.sources``). Thai dates are in the Buddhist Era, English in CE. The Thai polite particle
is added once, at the end of what the bot says, never after a particle that is already there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import format_date
from .loader import KnowledgeBase
from .schema import City, Fact
from .sources import note_links, short_label, source_label, source_link
from .suggestions import Suggester, much_alike

__all__ = ["Answer", "Card", "Composer", "names_listed", "polite"]

MAX_SOURCES_SHOWN = 2
MAX_CHARS = 700  # a longer answer only when the user asks for more
SUPPORT_CHARS = 220  # a fact's detail is added when it is this short and the question asks why or how
# ...and up to this long when what the question asks is only in the detail ("who explained it": the detail
# names the director; the answer gives the reason): a longer answer is better than one that does not answer
ASKED_DETAIL_CHARS = 340


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
    source_links: list[dict] = field(default_factory=list)  # {"label", "title", "url"} of sources with an address
    card: Card | None = None
    complete: bool = True  # False when the knowledge base lacks what was asked (a fallback)
    subjects: list[str] = field(default_factory=list)  # what the answer is about, for follow-ups
    fact: str | None = None  # the fact that answered, for "more" and the staff pages
    intent: str = "faq"


def _t(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


# The figures a sentence gives (37, 16, 2568, 84.85): a related fact whose figures were all said adds nothing.
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_PARTICLE = re.compile(r"(ครับ|ค่ะ|คะ|นะคะ)[\s.!?]*$")


def polite(text: str) -> str:
    """Thai text with the bot's polite particle exactly once: at the end, unless it is already there
    (a computed "ใช่ครับ" at the start counts)."""
    text = text.rstrip().rstrip(".")
    return text if "ครับ" in text or _PARTICLE.search(text) else f"{text} ครับ"


class Composer:
    """Writes answers from one :class:`KnowledgeBase` and its current facts."""

    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact], suggester: Suggester):
        self.kb = kb
        self.facts = facts
        self.suggest = suggester
        # Source lines by the ids of the facts and the language: the same few facts answer most questions,
        # and this composer's facts never change (a staff edit makes a new snapshot and composer).
        self._sourced: dict[tuple, tuple[str, list[str], list[dict]]] = {}

    # -- pieces ----------------------------------------------------------------------------------------
    def name(self, subject: str, lang: str, short: bool = True) -> str:
        return self.kb.subject_name(subject, lang, short) or subject

    def _links(self, ids: list[str], notes: list[str], lang: str) -> list[dict]:
        """Links to the sources that have a web address, in the order of the source line, each once."""
        links = [source_link(self.kb.sources[s], lang) for s in ids] + [x for n in notes for x in note_links(n)]
        return list({(x["label"], x["url"]): x for x in links if x}.values())

    def _source_line(self, facts: list[Fact], lang: str) -> tuple[str, list[str], list[dict]]:
        """The source line, every source's full label, and the links (fresh lists each call)."""
        mine = all(self.facts.get(f.id) is f for f in facts)  # (a computed answer may cite others: not kept)
        key = (*(f.id for f in facts), lang)
        made = self._sourced.get(key) if mine else None
        if made is None:
            made = self._make_source_line(facts, lang)
            if mine and len(self._sourced) < 4096:
                self._sourced[key] = made
        line, full, links = made
        return line, list(full), [dict(x) for x in links]

    def _make_source_line(self, facts: list[Fact], lang: str) -> tuple[str, list[str], list[dict]]:
        ids: list[str] = []
        notes: list[str] = []
        as_of = None
        for f in facts:
            ids.extend(s for s in f.sources if s not in ids and s in self.kb.sources)
            if f.source_note and f.source_note not in notes:
                notes.append(f.source_note)
            if f.as_of and (as_of is None or f.as_of > as_of):
                as_of = f.as_of
        full = [source_label(self.kb.sources[s], lang) for s in ids] + notes
        shown: list[str] = []
        for label in [short_label(self.kb.sources[s], lang) for s in ids] + notes:
            if label not in shown:
                shown.append(label)
        links = self._links(ids, notes, lang)
        if not shown:
            return "", full, links
        line = _t(lang, "ที่มา: ", "Source: " if len(shown) == 1 else "Sources: ") + "; ".join(
            shown[:MAX_SOURCES_SHOWN])
        if len(shown) > MAX_SOURCES_SHOWN:
            line += _t(lang, f" และอีก {len(shown) - MAX_SOURCES_SHOWN} แหล่ง", f" +{len(shown) - MAX_SOURCES_SHOWN} more")
        if as_of:
            line += _t(lang, f" (ข้อมูล ณ {format_date(as_of, 'th')})", f" (as of {format_date(as_of, 'en')})")
        return line, full, links

    def _finish(self, body: list[str], facts: list[Fact], lang: str, subjects: list[str], **kw) -> Answer:
        text = "\n".join(b for b in body if b)
        if lang == "th":
            text = polite(text)
        line, sources, links = self._source_line(facts, lang)
        if line:
            text += "\n" + line
        main = facts[0] if facts else None
        return Answer(text=text, sources=sources, source_links=links, subjects=subjects,
                      fact=main.id if main else None, intent=main.intent if main else "faq", **kw)

    # -- answers ---------------------------------------------------------------------------------------
    def fact(self, fact: Fact, lang: str, qtype: str | None = None, lead: str = "",
             subjects: list[str] | None = None, also: list[Fact] | None = None, detail: bool = False) -> Answer:
        """One fact as the answer; ``lead`` (a computed yes/no) goes before it; ``also`` answers the second
        part of a question that asks two things; ``detail``: the detail says what is asked (the app, the
        building), so it follows the answer."""
        body = [(lead + " " if lead else "") + fact.answer.get(lang).strip()]
        body.extend(f.answer.get(lang).strip() for f in also or ())
        if fact.detail is not None and (detail or qtype in ("why", "how")) \
                and len(fact.detail.get(lang)) <= (ASKED_DETAIL_CHARS if detail else SUPPORT_CHARS):
            body.append(fact.detail.get(lang).strip())
        about = subjects or list(fact.about)
        answer = self._finish(body, [fact, *(also or ())], lang, about, card=self.card(fact, lang))
        answer.quick_replies = self.suggest.after(fact, lang, about)
        return answer

    def more(self, fact: Fact, lang: str) -> Answer:
        """The detail of ``fact`` and the related facts, as much as fits a phone screen."""
        body = [fact.answer.get(lang).strip()]
        used = [fact]
        if fact.detail is not None:
            detail = fact.detail.get(lang).strip()
            # A detail that restates the answer in full (the five criteria, numbered) replaces it.
            body = [detail] if much_alike(detail, body[0]) else [*body, detail]
        for other in self.suggest.related(fact):
            text = other.answer.get(lang).strip()
            if any(much_alike(text, said.removeprefix("• ")) for said in body):
                continue  # two facts that say the same thing (a company's overview and its chairman's) read once
            figures = set(_FIGURE.findall(text))
            if len(figures) >= 2 and figures <= set(_FIGURE.findall(" ".join(body))):
                continue  # (the count of cities again, in other words, after an answer that gave it and its date)
            line = "• " + text
            if sum(len(b) + 1 for b in body) + len(line) > MAX_CHARS - 150:
                break
            body.append(line)
            used.append(other)
        answer = self._finish(body, used, lang, list(fact.about))
        answer.quick_replies = self.suggest.after(fact, lang, list(fact.about), offer_more=False)
        return answer

    def per_subject(self, pairs: list[tuple[str, Fact]], lang: str, lead: str = "") -> Answer:
        """One line per subject (a comparison, or one question about several cities); ``lead`` (a computed
        verdict: which has more) goes first."""
        body = [*([lead] if lead else []), *(f"• {self.name(s, lang)}: {f.answer.get(lang).strip()}" for s, f in pairs)]
        subjects = [s for s, _ in pairs]
        answer = self._finish(body, [f for _, f in pairs], lang, subjects)
        answer.quick_replies = self.suggest.after(pairs[0][1], lang, subjects)
        return answer

    def computed(self, text_th: str, text_en: str, lang: str, facts: list[Fact], subjects: list[str]) -> Answer:
        """An answer the bot works out from structured data (yes/no, cities in a province)."""
        answer = self._finish([_t(lang, text_th, text_en)], facts, lang, subjects)
        answer.quick_replies = self.suggest.for_subject(subjects[0] if subjects else None, lang)
        if facts:
            answer.fact = facts[0].id
            answer.intent = facts[0].intent
        return answer

    def fallback(self, lang: str, subjects: list[str], place: str | None = None, found_first: bool = False) -> Answer:
        """The honest 'I don't know that yet', naming what the bot can say about the subject (``found_first``:
        about a place, lead with what was found, "not found", as the answer to whether it is certified)."""
        subject = subjects[0] if subjects else None
        if place is not None and place in self.kb.places:
            p = self.kb.places[place]
            # ("ในจังหวัดเลย", not "ในเลย": a province is named as one in Thai)
            th = f"จังหวัด{p.th}" if p.kind == "province" and not p.th.startswith("กรุงเทพ") else p.th
            if found_first:
                # (what was found leads, "not found", which answers "is it certified?"; the doubt follows)
                text = _t(lang, f"ไม่พบครับ รายชื่อเมืองอัจฉริยะที่ได้รับการรับรองที่ผมมีไม่มีพื้นที่ใน{th} แต่รายชื่อรอบหลัง ๆ "
                                f"ของผมยังไม่ครบ จึงยืนยันไม่ได้ว่าไม่มี",
                          f"Not in the lists I have: I find no certified smart city in {p.en}, but my lists of the "
                          f"later batches are partial, so I cannot rule it out.")
            else:
                text = _t(lang, f"ผมไม่พบพื้นที่ใน{th}ในรายชื่อเมืองอัจฉริยะที่ได้รับการรับรองที่ผมมี แต่รายชื่อรอบหลัง ๆ "
                                f"ของผมยังไม่ครบ จึงยืนยันไม่ได้ว่าไม่มีครับ",
                          f"I find no certified smart city in {p.en} in the lists I have, but my lists of the later "
                          f"batches are partial, so I cannot rule it out.")
        elif subject:
            name = self.name(subject, lang)
            topics = self.suggest.topics(subject, lang)
            if topics:
                text = _t(lang, f"ขออภัยครับ ผมยังไม่มีข้อมูลเรื่องนี้ของ{_apart(name).rstrip()} แต่ตอบได้เรื่อง{_apart(topics).rstrip()}",
                          f"Sorry, I don't have that information about {name}. I can tell you about {topics}.")
            else:
                text = _t(lang, f"ขออภัยครับ ผมยังไม่มีข้อมูลเรื่องนี้ของ{_apart(name).rstrip()}",
                          f"Sorry, I don't have that information about {name}.")
        else:
            text = _t(lang, "ขออภัยครับ เรื่องนี้ผมยังไม่มีข้อมูลที่ตรวจสอบแล้ว เลยไม่อยากตอบผิด ๆ "
                            "ผมตอบได้เรื่องเมืองอัจฉริยะที่ได้รับการรับรองในประเทศไทย ลองเลือกคำถามด้านล่างดูได้เลย",
                      "Sorry, I don't know that yet, and I'd rather not guess. I can answer questions about "
                      "Thailand's certified smart cities. You could try one of these:")
        return Answer(text=text, quick_replies=self.suggest.for_subject(subject, lang), complete=False,
                      subjects=list(subjects), intent="out_of_scope")

    # -- cards -----------------------------------------------------------------------------------------
    def province_phrase(self, city: City, lang: str) -> str:
        place = self.kb.places[city.province]
        if lang == "th":
            return place.th if place.th.startswith("กรุงเทพ") else f"จังหวัด{place.th}"
        return place.en if place.id == "bangkok" else f"{place.en} province"

    def card(self, fact: Fact, lang: str) -> Card | None:
        """An overview card for a city overview fact."""
        if fact.intent != "city_overview" or not fact.about or fact.about[0] not in self.kb.cities:
            return None
        city = self.kb.cities[fact.about[0]]
        fields = [(_t(lang, "ที่ตั้ง", "Where"), self.province_phrase(city, lang)),
                  (_t(lang, "รับรอง", "Certified"), format_date(city.certified.date, lang))]
        if city.smarts:
            fields.append(("Smarts", str(city.smarts.count)))
        url = city.website if not city.website or city.website.startswith("http") else f"https://{city.website}"
        return Card(title=city.name.get(lang), subtitle=self.province_phrase(city, lang), fields=fields, url=url)



def _apart(words: str) -> str:
    """``words`` to set inside a Thai sentence: a space before and after where they start or end with a Latin
    letter or a digit ("เรื่องนี้ของ 7 Smarts ผม…", "…วันที่ 6 พฤษภาคม 2564 ผม…"), as Thai is typed."""
    if not words:
        return words
    before = " " if words[0].isascii() and words[0].isalnum() else ""
    after = " " if words[-1].isascii() and words[-1].isalnum() else ""
    return f"{before}{words}{after}"


def names_listed(names: list[str], lang: str) -> str:
    """Names as a sentence lists them: "A, B and C"; in Thai "A B และ C" (Thai separates with spaces), or
    "A, B และ C" when a name has spaces of its own ("เมืองอัจฉริยะย่านพระราม 4"), so each name stays whole."""
    if len(names) <= 1:
        return "".join(names)
    if lang == "th":
        between = ", " if any(" " in n for n in names) else " "
        return between.join(names[:-1]) + " และ" + names[-1]
    return ", ".join(names[:-1]) + " and " + names[-1]
