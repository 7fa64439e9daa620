"""Questions about the 7 Smarts: one asked after a list of them, which are missing, and whether something is one of
them."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from intents.features import tokenize
from intents.question import is_bare_follow_up
from knowledge.answerable import why_not
from knowledge.composer import Answer, names_listed
from knowledge.schema import Fact
from knowledge.retrieval import Hit, Query
from knowledge.snapshot import Snapshot

from .facts import FactReading
from .reading import _WHICH_OF, _TOLD_FILLER, _TH_ASKING, _EN_STOP, SEVEN_SMARTS, _ONE_OF, _verdict_word
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

# A group of areas, not of Smarts: "the seven pilot areas", "7 พื้นที่นำร่อง", "the 7 provinces".
_OF_AREAS = re.compile(r"\bpilots?\b|นำร่อง|\bareas?\b|พื้นที่|\bcities\b|\bprovinces?\b|จังหวัด", re.I)


def _says_word(text: str, word: str) -> bool:
    """Whether ``text`` says ``word``: a Thai word as it is, an English one in any form that shares its first
    eight letters ("transparency" / "transparent", not "transport") or all of a shorter one ("crime")."""
    word = word.casefold()
    if not word.isascii():
        return word in text
    head = word[:8]
    return re.search(rf"\b{re.escape(head)}", text) is not None


# "which smart is missing", "ขาดด้านไหน", "what's left out": which of the 7 Smarts a list just given does not name
_MISSING = re.compile(r"\bmissing\b|\bleft out\b|\blacking\b|\bnot (?:included|covered|there|in it|on it)\b|"
                      r"\b(?:isn't|aren't|wasn't|weren't) (?:there|included|covered|in it|on it)\b|"
                      r"ขาด(?!ทุน)|ไม่มีด้าน|ด้าน(?:ไหน|ใด)(?:ที่)?ไม่มี|ไม่ได้(?:รวม|ใส่|มี)|หายไป", re.I)

# "ด้านไหน", "which smart", "which of the 7 smarts", "which dimension": which of the seven a question asks for
_WHICH_DIMENSION = re.compile(r"ด้านไหน|ด้านใด|(smart|สมาร์ท)\s*(ตัว|อัน)?ไหน|\bwhich (one )?(of the (7|seven) )?(smart|smarts|"
                              r"dimension|dimensions|pillar|pillars)\b|\bwhich smart (dimension|area|pillar)\b")

# What a thing means or is about ("what does Smart Living mean", "how is it described", "หมายถึงอะไร").
_MEANING_ASKED = re.compile(r"\bmean(s|ing)?\b|\bdescri(bed?|ption)\b|\bdefin|\bwhat(?:'s| is| are) (?:\S+ ){0,6}about\b|"
                            r"หมายถึง|หมายความว่า|ความหมาย|นิยาม|คืออะไร|คือไร|คือ\s+อะไร", re.I)

_SMARTS_COUNTED = re.compile(r"(?<![\d.])(\d)\s*-?\s*(?:smarts?\b|ด้าน)", re.I)  # "3 Smarts", "3-Smarts plan", "3 ด้าน"


# "one of the 7 Smarts?", "ใน 7 ด้านของดีป้าไหม", "the official list?": the 7 Smarts asked about.
_SEVEN_ASKED = re.compile(r"(?:\b7|\bseven)\s*(?:smarts?|dimensions?)\b|(?<!\d)7\s*(?:ด้าน|สมาร์ท|สมาร์ต)|เจ็ดด้าน|"
                          r"\bofficial\s+(?:7|seven|smarts?|dimensions?|list)\b|ด้าน\S{0,6}ทางการ|"
                          # ("is smart health one of the 7?": the seven left to be understood, not areas)
                          r"\b(?:one of|among|part of) the (?:7|seven)\b(?!\s*(?:-|pilot|early|areas?|cit|provinces?|"
                          r"places?|first|original|in\b))", re.I)
# "smart healthcare", "สมาร์ทเฮลท์แคร์": something called smart, perhaps one of the 7 (not the smart city itself).
# "ด้านสุขภาพ": a dimension asked about by its side's name ("health side"), perhaps none of the 7
_SIDE_TERM = re.compile(r"ด้าน(?!ไหน|ใด|อะไร|ไร|บ้าง)(\S{2,})")
# "แล้ว...ล่ะ", "and ...?", "what about ...": the question before, asked of something else
_AGAIN_OF = re.compile(r"^(แล้ว|เเล้ว|และ|ส่วน)|ล่ะ|ละ\s*$|^(and|what about|how about)\b")
_SMART_TERM = re.compile(r"(?<!\d)(?<!\d\s)(?<!seven\s)(?:\bsmart\s+(?!cit(?:y|ies)\b|smarts?\b|thailand\b)[a-z]{3,}|"
                         r"(?:สมาร์ท|สมาร์ต)\s*(?!ซิตี|ซิตี้|ไหม|มั้ย|ใช่|หรือ|รึ|ป่ะ|ของ|ทาง|\s)(?=[ก-๙a-z]))", re.I)


class SmartsSteps:
    """Dialogue's methods for this job: questions about the 7 Smarts: one asked after a list of them, which are missing,
    and whether something is one of them."""

    def _dimension_listed(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "มีด้านพลังงานด้วยไหม" right after a list of dimensions: that list says yes or no."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        # "มีด้านพลังงานด้วยไหม" right after a list of dimensions (a plan's pillars): that list says yes or no.
        dims = [x for x in a.subjects if x in snap.kb.dimensions]
        last_about = set(turn.told.about) if turn.told is not None else set()
        asks_yes_no = a.qt.yes_no or (ctx.yes_no and is_bare_follow_up(a.remainder))  # ("and smart energy?")
        if asks_yes_no and dims and set(a.subjects) - set(dims) <= last_about and turn.told is not None:
            named_dims = self._dimensions_named(snap, turn.told)
            if len(named_dims) >= 3:
                held = all(d in named_dims for d in dims)
                # The verdict names what was asked: "No, Smart Energy is not among them." (the list may not say it)
                asked = [snap.kb.dimensions[d].name.get(reply_lang) for d in dims if d not in named_dims] or \
                    [snap.kb.dimensions[d].name.get(reply_lang) for d in dims]
                said = " และ".join(f"ด้าน{a}" for a in asked) if reply_lang == "th" else " and ".join(asked)
                lead = {("th", True): f"ใช่ครับ มี{said}", ("th", False): f"ไม่ใช่ครับ ไม่มี{said}",
                        ("en", True): f"Yes, {said} {'is' if len(asked) == 1 else 'are'} among them.",
                        ("en", False): f"No, {said} {'is' if len(asked) == 1 else 'are'} not among them."
                        }[(reply_lang, held)]
                answer = snap.composer.fact(turn.told, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, True), None)
        return None

    def _dimension_missing(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which smart is missing", "ขาดด้านไหน" right after a list of some of the 7 Smarts: the ones it lacks."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        if turn.told is None or a.qt.yes_no or len(a.remainder) > 60 or not _MISSING.search(turn.u.normalized) \
                or any(x not in snap.kb.dimensions for x in a.subjects) or a.ent.places:
            return None
        named_dims = self._dimensions_named(snap, turn.told)
        if not 3 <= len(named_dims) < len(snap.kb.dimensions):
            return None
        lacking = [d for d in snap.kb.dimensions.values() if d.id not in named_dims]
        names = names_listed([d.name.get(reply_lang) for d in lacking], reply_lang)
        th = f"ด้านที่ไม่มีเมื่อเทียบกับ 7 Smarts คือ {names} ครับ"
        en = f"Of the 7 Smarts, {names} {'is' if len(lacking) == 1 else 'are'} not among them."
        answer = snap.composer.computed(th, en, reply_lang, [turn.told], list(turn.told.about))
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)

    def _not_a_dimension(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """On "is smart healthcare one of the 7 Smarts?", "สมาร์ทเฮลท์แคร์อยู่ใน 7 ด้านไหม": the official list says
        (:meth:`_seven_smarts_member`), before any fact that merely mentions the Smarts."""
        answer = self._seven_smarts_member(turn, a.subjects) if a.qt.yes_no else None
        if answer is None:
            answer = self._seven_smarts_member_again(turn, a)
        if answer is None:
            return None
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, a.query_text or turn.u.normalized, a.qt.kind, True), None)

    def _dimension_meant(self: Dialogue, turn: _Turn, a: _Asked) -> Fact | None:
        """The fact of the one dimension, among those the answer just gave (the 7 Smarts), whose own fact says
        what "which one is about crime?" asks about; None when none or several do."""
        snap, told = turn.snap, turn.told
        if a.yes_no or self.vocabulary is None:
            return None
        if _WHICH_DIMENSION.search(turn.u.normalized) and set(a.subjects) <= set(snap.kb.dimensions) | {SEVEN_SMARTS}:
            # "ด้านไหนเกี่ยวกับความโปร่งใส", "which of the 7 smarts is about skills": asked of all seven (one named,
            # "which smart is about clean energy", is the one meant if its own fact says it)
            dims = set(a.subjects) & set(snap.kb.dimensions) or set(snap.kb.dimensions)
            asked_of_all = True
            if len(dims) == 1:  # ("which smart is about clean energy": the one its words name)
                return snap.index.overview(next(iter(dims)))
        elif a.subjects or told is None or not _WHICH_OF.search(turn.u.normalized):
            return None
        else:
            dims, asked_of_all = self._dimensions_named(snap, told), False
        # (a word no fact uses, "transparency", may still be said in another form: "transparent")
        topic = self.vocabulary.distinctive(tokenize(a.query_text), snap.word_facts, len(snap.facts)) or (
            [a.cue] if a.cue else [])
        says = all
        if not topic:
            # (a word many facts use, "transport", is what the question asks about all the same: one of its
            # words, said of one dimension only)
            stop = self.vocabulary.stop
            topic = [w for w in tokenize(_TOLD_FILLER.sub(" ", a.query_text.casefold())) if len(w) >= 4
                     and w not in stop and w not in _EN_STOP and w not in _TH_ASKING and not w.isdigit()]
            says = any
        if len(dims) < 3 and not (dims and set(a.subjects) & dims) or not topic:
            return None
        # (a fact about one dimension only, that says every word the question asks about: "low crime" of Living)
        saying = {f.id: f for d in dims for f in snap.index.about(d)
                  if set(f.about) & dims == {d} and says(_says_word(f.text().casefold(), w) for w in topic)}
        meant = {next(iter(set(f.about) & dims)) for f in saying.values()}
        if not saying and asked_of_all and len(topic) >= 2:
            # ("about low crime and healthcare access": the one dimension whose own fact says most of it)
            said = {f.id: sum(_says_word(f.text().casefold(), w) for w in topic) for d in dims for f in snap.index.about(d)
                    if set(f.about) & dims == {d}}
            most = max(said.values(), default=0)
            if 2 * most >= len(topic):
                saying = {i: snap.facts[i] for i, n in said.items() if n == most}
                meant = {next(iter(set(f.about) & dims)) for f in saying.values()}
        if len(meant) != 1:
            return None
        return min(saying.values(), key=lambda f: (f.aspect != "what", f.id))

    @staticmethod
    def _dimension_defined(snap: Snapshot, q: Query, yes_no: bool) -> Fact | None:
        """The one fact of what a dimension is, when the question asks what the one dimension it names means
        (and names no area, nor follows one: "smart energy in Mae Moh", "and its energy part?" are about Mae Moh's
        plan)."""
        dims = [x for x in q.subjects if x in snap.kb.dimensions]
        if yes_no or len(dims) != 1 or set(q.subjects) & set(snap.kb.cities) or set(q.context) & set(snap.kb.cities) \
                or not _MEANING_ASKED.search(q.text):
            return None
        own = [f for f in snap.index.about(dims[0]) if f.about == [dims[0]] and f.aspect == "what"
               and why_not(q.text, f, q.qtype, years=q.years) is None]
        return own[0] if len(own) == 1 else None

    @staticmethod
    def _all_dimensions_named(snap: Snapshot, fact: Fact) -> bool:
        """Whether a fact counts its Smarts and names that many ("a 3-Smarts plan, Environment, Energy and
        Economy", "แผน 3 Smarts (สิ่งแวดล้อม พลังงาน เศรษฐกิจ)"): then its list is the whole plan."""
        counts = {int(m.group(1)) for m in _SMARTS_COUNTED.finditer(fact.answer_text())}
        return len(FactReading._dimensions_named(snap, fact)) in counts

    @staticmethod
    def _one_of_several_smarts(snap: Snapshot, hit: Hit, rest: list[Hit]) -> bool:
        """Whether ``hit`` is about one of the 7 Smarts and a fact about another fits exactly as well."""
        dims = set(snap.kb.dimensions)
        mine = set(hit.fact.about) & dims
        return len(mine) == 1 and any(set(h.fact.about) & dims - mine and abs(h.score - hit.score) < 1e-6 for h in rest)

    @staticmethod
    def _seven_smarts_member(turn: _Turn, subjects: list[str]) -> Answer | None:
        """On "Is smart healthcare one of the 7 Smarts?" → No; "พลังงานอัจฉริยะเป็นหนึ่งใน 7 ด้านไหม" → Yes: the
        official list says, with the list itself. None when the question is not about being one of them."""
        snap, lang, text = turn.snap, turn.lang, turn.u.normalized
        kb = snap.kb
        folded = text.casefold()
        if not (SEVEN_SMARTS in subjects and _ONE_OF.search(text) or _SEVEN_ASKED.search(folded)) \
                or any(x in kb.cities for x in subjects) or turn.u.entities.places or _OF_AREAS.search(folded):
            return None  # ("is Rayong one of the seven pilot areas?" asks about seven areas, not the Smarts)
        listing = next((f for f in snap.index.about(SEVEN_SMARTS) if f.aspect == "list"), None)
        if listing is None:
            return None
        # "smart healthcare", "smart telecom", "สมาร์ทเฮลท์แคร์": a "smart ..." that names none of the seven
        names = {n.casefold() for d in kb.dimensions.values() for n in (d.name.th, d.name.en, *d.aliases)}
        other = [m.group(0) for m in _SMART_TERM.finditer(folded) if not any(folded.startswith(n, m.start()) for n in names)]
        dims = [x for x in subjects if x in kb.dimensions]
        if not other and not (dims and _ONE_OF.search(text)):
            return None
        lead = _verdict_word(not other, lang)
        return snap.composer.fact(listing, lang, lead=lead)

    @staticmethod
    def _seven_smarts_member_again(turn: _Turn, a: _Asked) -> Answer | None:
        """On "แล้วด้านการศึกษาล่ะ มีไหม", "and smart tourism?" right after a yes/no question about the 7 Smarts
        ("do the 7 Smarts include energy?"): the same question of another dimension, which the official list
        answers (no for one it does not name: education is no Smart of its own). None for any other follow-up."""
        snap, lang, ctx, text = turn.snap, turn.lang, turn.ctx, turn.u.normalized
        kb = snap.kb
        if not ctx.yes_no or SEVEN_SMARTS not in ctx.subjects or turn.u.entities.places \
                or any(x not in kb.dimensions for x in a.subjects) or _OF_AREAS.search(text.casefold()):
            return None
        if not (a.qt.yes_no or _AGAIN_OF.search(text.casefold())):
            return None
        folded = text.casefold()
        names = {n.casefold() for d in kb.dimensions.values() for n in (d.name.th, d.name.en, *d.aliases)}
        other = [m.group(0) for m in _SMART_TERM.finditer(folded) if not any(folded.startswith(n, m.start()) for n in names)]
        # ("ด้านสุขภาพ": a side no dimension's name is in; "ด้านพลังงาน" names Smart Energy)
        cores = {c for n in names if (c := n.replace("อัจฉริยะ", "").replace("ด้าน", "").strip())}
        other += [m.group(1) for m in _SIDE_TERM.finditer(folded)
                  if not a.subjects and not any(c in m.group(1) or m.group(1) in c for c in cores)]
        if not a.subjects and not other:
            return None
        listing = next((f for f in snap.index.about(SEVEN_SMARTS) if f.aspect == "list"), None)
        if listing is None:
            return None
        # ("มีด้านสุขภาพไหม" is answered "ไม่มีครับ", not "ไม่ใช่ครับ")
        lead = "ไม่มีครับ" if other and lang == "th" and "มี" in text else _verdict_word(not other, lang)
        return snap.composer.fact(listing, lang, lead=lead)
