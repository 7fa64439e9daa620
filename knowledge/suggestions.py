"""Quick replies: the natural next questions, as texts the bot itself answers."""

from __future__ import annotations

import re
from typing import Callable, Iterable

from .catalogue import INTENTS
from .loader import KnowledgeBase
from .schema import Fact

__all__ = ["Suggester", "MORE", "much_alike"]

MAX_REPLIES = 4
MAX_LABEL = 40  # a quick reply is a question a person would tap, not a paragraph
MORE = {"th": "รายละเอียดเพิ่มเติม", "en": "More details"}
#: The order in which people explore a subject: what it is, its plan, when, where, who...
_ORDER = {i: n for n, i in enumerate(["city_overview", "about_depa", "city_plan", "city_focus", "city_date",
                                      "city_location", "city_developer", "rankings", "city_why_now", "city_smarts",
                                      "city_history", "meeting_2021", "certification_about", "seven_smarts"])}
#: A Thai question that ends on a chat particle or slang ("…ป่ะ", "ชื่อไร"): fine from a user, but a button
#: speaks for everyone, so a plainer phrasing is preferred when there is one (a closing ครับ/คะ is just dropped).
_CHATTY_TH = re.compile(r"(?:ป่ะ|ปะ|มั้ย|อ่ะ|อะ|จ้า|จ้ะ|(?<!อะ)(?<!เมื่อ)ไร)\s*$")
_POLITE_END_TH = re.compile(r"\s*(?:ครับ|คะ|ค่ะ)\s*$")
#: Chat shorthand and telegraphic English ("wats…", "…pls", "wangchan valley location"): a button reads better as a
#: question or a request in whole words.
_CHATTY_EN = re.compile(r"\b(?:wats|whats|wat|abt|pls|plz|thx|u|ur|r|info|dont|doesnt|didnt|isnt|cant|wont|vs)\b", re.I)
_ASKS_EN = re.compile(r"^(?:what|when|where|who|whose|which|why|how|is|are|was|were|do|does|did|can|could|will|"
                      r"would|has|have|had|should|tell|give|list|name|show|explain|describe)\b", re.I)
_QUESTION_EN = re.compile(r"^(?:what|when|where|who|whose|which|why|how|is|are|was|were|do|does|did|can|could|will|"
                          r"would|has|have|had|should)\b", re.I)
#: Topics about the programme as a whole, which a fact may file under while it mentions an area.
_PROGRAMME_WIDE = frozenset({"about_depa", "certification_about", "certification_process", "certification_benefits",
                             "list_cities", "seven_smarts", "faq"})
_GENERAL = {
    "th": ["มีเมืองอัจฉริยะที่ไหนบ้าง", "7 Smarts คืออะไร", "ทำไมขอนแก่นเพิ่งได้รับรอง", "ดีป้าคืออะไร"],
    "en": ["Which cities are certified?", "What are the 7 Smarts?", "Why was Khon Kaen certified only now?",
           "What is depa?"],
}


class Suggester:
    def __init__(self, kb: KnowledgeBase, facts: dict[str, Fact],
                 finds: Callable[[str, str | None, Fact], bool] = lambda q, subject, fact: True):
        """``finds(question, subject, fact)`` tells whether the bot answers ``question``, asked in a
        conversation about ``subject``, with ``fact``: only such questions are offered."""
        self.kb = kb
        self.facts = facts
        self.finds = finds
        self._cache: dict[tuple[str | None, str, frozenset[str]], list[str]] = {}
        # Each button question costs a retrieval search or more; the lists above differ only in the intent they
        # skip, so they share most of these (a miss of ``_cache`` was the slowest answer of all).
        self._questions: dict[tuple[str, str, str | None], str | None] = {}
        self._own: dict[str, list[Fact]] = {}
        self._topics: dict[tuple[str, str], str] = {}  # topics() by subject and language (the facts never change)
        self._more: dict[tuple[str, str], bool] = {}  # _more_to_tell() by fact and language
        self._cased = {**_acronyms(facts.values()), **_ALWAYS_CAPITAL, **_proper_names(kb)}
        # Names the catalogue itself writes in lower case ("Digital Economy Promotion Agency (depa)").
        self._lower = {w for e in kb.entities.values() for w in re.findall(r"[a-z]+", e.name.en)
                       if w in e.aliases}
        self._names = (re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(self._cased, key=len, reverse=True))
                                  + r")\b", re.I) if self._cased else None)
        self.by_subject: dict[str, list[Fact]] = {}
        for f in sorted(facts.values(), key=lambda f: (-f.priority, f.id)):
            for s in f.about:
                self.by_subject.setdefault(s, []).append(f)

    def question(self, fact: Fact, lang: str, subject: str | None = None) -> str | None:
        """The first example question of ``fact`` in ``lang`` (the curated, cleanly written ones come first)
        that fits a button and that the bot answers with this fact."""
        key = (fact.id, lang, subject)
        if key not in self._questions:
            self._questions[key] = self._question(fact, lang, subject)
        return self._questions[key]

    def _question(self, fact: Fact, lang: str, subject: str | None) -> str | None:
        qs = [q for q in (fact.questions.th if lang == "th" else fact.questions.en) if len(q) <= MAX_LABEL]
        # Example questions are written the way people type; the tidiest one wins (the curated ones come first
        # among equals), and shorthand ("wats", "เเ") never: a fact without a better phrasing offers no button.
        ranked = sorted((_untidiness(q, lang), i) for i, q in enumerate(qs))
        labels = (self.label(qs[i], lang) for untidy, i in ranked if untidy < 2)
        # The label is what a tap sends, so it is the label that must find the fact.
        return next((label for label in labels if self.finds(label, subject, fact)), None)

    def label(self, question: str, lang: str) -> str:
        """``question`` as a button shows it: Thai without a closing ครับ/คะ (a button speaks for anyone); English
        with names as the catalogue writes them, a capital and a question mark ("when did samyan become…" →
        "When did Samyan become…?")."""
        if lang != "en":
            return _POLITE_END_TH.sub("", question) or question
        text = self._names.sub(lambda m: self._cased[m.group(0).casefold()], question) if self._names else question
        first = re.match(r"[a-z]*", text)
        if not first or first.group(0) not in self._lower:  # depa writes its name in lower case
            text = text[:1].upper() + text[1:]
        if _QUESTION_EN.match(text) and not text.rstrip().endswith(("?", ".", "!")) and len(text) < MAX_LABEL:
            text = text.rstrip() + "?"
        return text

    def own(self, subject: str) -> list[Fact]:
        """The facts whose main subject is ``subject``, in the order a person explores a subject."""
        if subject not in self._own:
            facts = [f for f in self.by_subject.get(subject, []) if f.about[0] == subject]
            self._own[subject] = sorted(facts, key=lambda f: (_ORDER.get(f.intent, len(_ORDER)), -f.priority, f.id))
        return list(self._own[subject])

    def related(self, fact: Fact) -> list[Fact]:
        """Facts about the same main subject, those that share more of its other subjects first (after a fact
        about Khon Kaen's light rail, the rail's other facts before the city's think tank), then the same
        intent, then the others."""
        if not fact.about:
            return [f for f in self.facts.values() if f.intent == fact.intent and f.id != fact.id and not f.about]
        others = [f for f in self.own(fact.about[0]) if f.id != fact.id]
        rest = set(fact.about[1:])
        seen = {f.id for f in others} | {fact.id}
        for subject in fact.about[1:]:  # facts filed under the other subject that name the main one too
            for f in self.by_subject.get(subject, []):
                if f.id not in seen and fact.about[0] in f.about:
                    seen.add(f.id)
                    others.append(f)
        return sorted(others, key=lambda f: (-len(rest.intersection(f.about)), f.intent != fact.intent))

    def for_subject(self, subject: str | None, lang: str, skip: set[str] | None = None) -> list[str]:
        """Questions about ``subject`` of different intents, then general ones."""
        key = (subject, lang, frozenset(skip or ()))
        if key not in self._cache:
            self._cache[key] = self._for_subject(subject, lang, skip)
        return list(self._cache[key])

    def _for_subject(self, subject: str | None, lang: str, skip: set[str] | None) -> list[str]:
        out: list[str] = []
        seen = set(skip or ())
        for f in self.own(subject) if subject else []:
            if f.intent in seen:
                continue
            q = self.question(f, lang, subject)
            if q and q not in out:
                out.append(q)
                seen.add(f.intent)
            if len(out) >= MAX_REPLIES - 1:
                break
        for g in _GENERAL[lang]:
            if len(out) >= MAX_REPLIES:
                break
            if g not in out:
                out.append(g)
        return out

    def after(self, fact: Fact, lang: str, subjects: list[str], offer_more: bool = True) -> list[str]:
        """After answering with ``fact``: more of it, then other questions about its subject."""
        out = [MORE[lang]] if offer_more and self._more_to_tell(fact, lang) else []
        subject = subjects[0] if subjects else None
        out.extend(q for q in self.for_subject(subject, lang, {fact.intent}) if q not in out)
        return out[:MAX_REPLIES]

    def _more_to_tell(self, fact: Fact, lang: str) -> bool:
        """Whether "more" would add something: a detail, or a related fact that does not say the same thing."""
        key = (fact.id, lang)
        if key not in self._more:
            said = fact.answer.get(lang)
            self._more[key] = fact.detail is not None or any(not much_alike(f.answer.get(lang), said)
                                                             for f in self.related(fact)[:8])
        return self._more[key]

    def topics(self, subject: str, lang: str) -> str:
        """What the bot can say about ``subject``, in words ("its plan, when it was certified...")."""
        key = (subject, lang)
        if key not in self._topics:
            self._topics[key] = self._topics_of(subject, lang)
        return self._topics[key]

    def _topics_of(self, subject: str, lang: str) -> str:
        # For an area: what its own facts say, in the order people explore a city, then facts that only mention
        # it; programme-wide topics (depa, what certification means...) only when nothing else is known, since
        # "about Phuket I can tell you about depa" reads as a non sequitur.
        area = subject in self.kb.cities
        intents: list[str] = []
        for f in [*(self.own(subject) if area else []), *self.by_subject.get(subject, [])]:
            if f.intent not in intents and f.intent in INTENTS:
                intents.append(f.intent)
        if area:
            intents = [i for i in intents if i not in _PROGRAMME_WIDE] or intents
        # (a topic that is the subject itself goes: "no information about the 7 Smarts, but I can tell you
        # about the 7 Smarts" contradicts itself)
        own = {_plain(self.kb.subject_name(subject, lang, short) or subject) for short in (True, False)}
        names = [n for n in (INTENTS[i].topic_in_thai if lang == "th" else INTENTS[i].topic for i in intents)
                 if _plain(n) not in own][:4]
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        joiner = " และ" if lang == "th" else " and "
        return (" " if lang == "th" else ", ").join(names[:-1]) + joiner + names[-1]


def _plain(name: str) -> str:
    """A name as compared with another: case, spaces and a leading "the" ignored."""
    return re.sub(r"^the|\s+", "", name.casefold())


def _untidiness(question: str, lang: str) -> int:
    """0 when ``question`` reads well on a button, 1 when it will do, 2 when it must not be one. English: chat
    shorthand ("wats", "pls") must not; keywords that do not ask ("wangchan valley location") will do. Thai:
    "เเ" typed for "แ" must not; slang endings will do (a closing ครับ/คะ is dropped from the label instead)."""
    if lang == "en":
        return 2 if _CHATTY_EN.search(question) else int(not _ASKS_EN.match(question))
    if "เเ" in question:
        return 2
    return int(bool(_CHATTY_TH.search(_POLITE_END_TH.sub("", question))))


_ALWAYS_CAPITAL = {w.casefold(): w for w in ("Thai", "Thailand", "English")}
# Capitals in the facts' English that are words, not acronyms ("IT wristbands" is no reason to write "it").
_CAPITAL_WORDS = frozenset("a am an as at be by do go he i if in is it me my no of ok on or pm so to up us we".split())


def _acronyms(facts: Iterable[Fact]) -> dict[str, str]:
    """The acronyms the facts' English writes in capitals ("MOU", "DLA", "ASCN", "LRT"), by their case-folded
    form: a button typed as "depa dla mou date" shows them as the answers write them."""
    found: dict[str, str] = {}
    for fact in facts:
        told = " ".join((fact.answer.en, fact.detail.en if fact.detail else ""))
        for word in re.findall(r"\b[A-Z]{2,6}\b", told):
            if word.casefold() not in _CAPITAL_WORDS:
                found.setdefault(word.casefold(), word)
    return found


def _proper_names(kb: KnowledgeBase) -> dict[str, str]:
    """Latin-script names as the catalogue writes them, by their case-folded form: areas, provinces, towns,
    organisations, people, events, projects, the 7 Smarts, and the acronyms of concepts ("TSCCI"); only names
    with a capital letter (a concept's full name, "City developer", is an ordinary phrase in a question)."""
    names: list[str] = []
    for city in kb.cities.values():
        names += [city.name.en, city.short_name.en, *city.aliases]
    for place in kb.places.values():
        names += [place.en, *place.aliases]
    names += [dim.name.en for dim in kb.dimensions.values()]
    for entity in kb.entities.values():
        named = [entity.name.en, *([entity.short.en] if entity.short else []), *entity.aliases]
        if entity.kind == "concept":  # only its acronyms
            named = [w.strip("()") for n in named for w in n.split() if w.strip("()").isupper() and len(w) > 2]
        names += named
    cased: dict[str, str] = {}
    for name in (n.strip() for n in names):
        if name.isascii() and any(c.isupper() for c in name):
            cased.setdefault(name.casefold(), name)
    return cased


def much_alike(one: str, other: str, share: float = 0.7) -> bool:
    """Whether two sentences share most of their character trigrams (Thai has no spaces to count words by):
    two facts that say the same thing, as a company's overview and its chairman's can."""
    def grams(text: str) -> set[str]:
        t = "".join(text.casefold().split())
        return {t[i:i + 3] for i in range(len(t) - 2)}

    a, b = grams(one), grams(other)
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= share
