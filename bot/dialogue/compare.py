"""Questions that name two or more subjects: side by side, or compared on what was asked."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from intents.question import COMPARE as _COMPARE
from intents.question import is_bare_follow_up, is_only_asking
from knowledge.comparison import OWN_UNITS, UNITS, asks_to_compare, direction, figures, winner, without_comparison
from knowledge.polarity import disputed
from knowledge.schema import Fact
from knowledge.retrieval import Query
from knowledge.snapshot import Snapshot

from .reading import _WHICH_OF_TWO, _verdict_word
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

_DIFFER = re.compile(r"\bdiffer|\bcompare|ต่างกัน|แตกต่าง|ต่างจาก|เทียบกับ")
# What is left of "how is it different", "ต่างกันตรงไหน" when the compare words are gone.
_DIFFERENT = re.compile(r"\bdifferent\b|\bit\b|\bis\b|\bare\b|\bthey\b|\bdo\b|\bdoes\b|ตรงไหน|ต่าง|อย่างไร")

# What else asking how two differ says: "what's the difference between", "ความแตกต่าง", "ยังไง".
_DIFFERENCE_WORDS = re.compile(r"ความ|ยังไง|อะไร|บ้าง|\b(what'?s|what|difference|differences|tell|me|explain)\b", re.I)

# What is left of a comparison that names nothing to compare on: "กับ", "ที่", "or", "is", "between".
_COMPARED_ON = re.compile(r"กับ|และ|หรือ|ที่|ระหว่าง|กัน|ล่ะ|ละ|ครับ|คับ|ค่ะ|คะ|นะ|อะ|อ่ะ|ป่ะ|[,?!.]|"
                          r"\b(or|and|is|are|vs|versus|between|the|two|of|them|overall|really)\b", re.I)


# Whether two figures are equal, asked: "the same number of Smarts as", "as many as", "ใช้กี่ด้านเท่ากันไหม".
_SAME_FIGURE = re.compile(r"\bsame (?:number|amount|count|score)\b|\bas many\b|\bequal\b|เท่ากัน|จำนวนเดียวกัน|"
                          r"เท่ากับ", re.I)


class CompareSteps:
    """Dialogue's methods for this job: questions that name two or more subjects: side by side, or compared on what was
    asked."""

    def _compare(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """Questions about two or more cities: side by side, compared on what was asked."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        comparing = asks_to_compare(u.normalized, a.yes_no)
        if comparing and not a.cities and not a.follow_up and (len(ctx.listed) == 2 or len(a.listed) >= 2):
            # "ใครคะแนนดีกว่ากัน" right after two cities (one answer about both, or "X..." then "and Y?"): the
            # question compares them, and when it says only that, on what was just asked about each.
            a.cities = ctx.listed if len(ctx.listed) == 2 else a.listed[:2]
            rest = without_comparison(a.query_text)
            if ctx.last_query and (not rest.strip() or is_only_asking(rest) or is_bare_follow_up(rest)):
                a.query_text = ctx.last_query
                a.intents = {ctx.last_intent: 1.0} if ctx.last_intent else a.intents
        previous = next((x for x in ctx.subjects if x not in a.subjects), None)
        rest = re.sub(r"[,;:.]", " ", _DIFFERENT.sub(" ", _COMPARE.sub(" ", a.query_text)))
        differ = "compare" in a.qt.kinds or _DIFFER.search(u.normalized)
        bare = is_bare_follow_up(rest) or is_only_asking(rest) or not _COMPARED_ON.sub(" ", _DIFFERENCE_WORDS.sub(" ", rest)).strip()
        two = [previous, a.subjects[0]] if len(a.subjects) == 1 and previous is not None else \
            a.subjects if len(a.subjects) == 2 and not a.cities else []
        if differ and len(two) == 2 and bare and self._same_kind(snap, two[0], two[1]):
            # "แล้ว KKTS ล่ะ ต่างกันยังไง" right after KKTT, or "KKTT กับ KKTS ต่างกันยังไง": the two side by side,
            # what each one is (not a fact of one of them that shares the most words with "different")
            sides = [(x, snap.index.overview(x)) for x in two]
            if all(f is not None for _, f in sides):
                answer = snap.composer.per_subject([(x, f) for x, f in sides if f is not None], reply_lang)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        order = self._certified_in_order(turn, a)
        if order is not None:
            return order
        if len(a.cities) > 1:
            pairs: list[tuple[str, Fact]] = []
            hits: list[str] = []  # each city's verdict, for a yes/no question
            each = None if comparing else a.kind  # ("which scored higher" asks for a figure, not a person)
            rated = False  # compared on the index, the question naming nothing to compare on
            for s in a.cities:
                if a.kind == "compare" and is_bare_follow_up(_COMPARE.sub(" ", a.query_text)):
                    overview = [f for f in snap.index.about(s) if f.intent == "city_overview"]
                    if overview:
                        pairs.append((s, overview[0]))
                        continue
                # (with what else the question names: "do both have a 7 Smarts plan" asks about the 7 Smarts)
                also = [x for x in a.subjects if x not in a.cities]
                # (compared on what the question names, not on its word asking which: "ที่ไหนคะแนนสูงกว่า" is
                # about scores, not about where)
                compared = _WHICH_OF_TWO.sub(" ", a.query_text) if comparing else a.query_text
                if comparing and not also and not _COMPARED_ON.sub(" ", without_comparison(compared)).strip() \
                        and "tscci" in snap.kb.entities:
                    # "ภูเก็ตกับขอนแก่นอันไหนดีกว่า", better on nothing named: the one measure the sources rate areas
                    # by, the smart city index (not whatever fact of each shares the most words with "better")
                    compared, also, rated = ("คะแนน" if reply_lang == "th" else "score"), ["tscci"], True
                q = Query(compared if compared.strip() else a.query_text, reply_lang, [s, *also], [], each, a.intents,
                          a.years if comparing else frozenset())  # (two scores of the year asked, not of two years)
                a.hit = self._best(snap, q, a.cue, only=s)
                if rated and a.hit is not None and "tscci" not in a.hit.fact.about:
                    a.hit = None
                if a.hit is not None and also and not set(also) <= set(a.hit.fact.about):
                    # each city's fact about what else is named, when one passes ("SCOPC" is not its 7 Smarts)
                    off = {h.fact.id for h in snap.index.search(q, limit=5) if not set(also) <= set(h.fact.about)}
                    a.hit = self._best(snap, q, a.cue, only=s, skip=off) or a.hit
                if a.hit is not None:
                    said = ""
                    if a.yes_no and not comparing:  # (a runner-up that settles it, as for one city)
                        a.hit, said = self._verdict(snap, Query(a.query_text, reply_lang, [s, *also], [], each, a.intents,
                                                              a.years), a.hit, u.normalized)
                    pairs.append((s, a.hit.fact))
                    hits.append(said)
            if rated and len(pairs) < 2:
                # (no index score of each: the sources do not say which is better, and a fact of one is no answer)
                answer = snap.composer.fallback(reply_lang, list(a.cities))
                return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
            if len(pairs) > 1:
                lead = self._comparison(snap, u.normalized, pairs, reply_lang, a.yes_no)
                if a.yes_no and not lead and len(hits) == len(pairs):
                    # "แม่เมาะได้ 7 ด้านเหมือนภูเก็ตใช่ไหม": a claim about the first city named, which its own
                    # fact settles; a yes needs every city's fact to say yes, and none to say that its sources
                    # disagree on it ("covers the 7 Smarts (sources differ: ...)").
                    any_disputed = any(disputed(f.answer.get(reply_lang)) for _, f in pairs)
                    lead = hits[0] if hits[0] in ("ไม่ใช่ครับ", "No.") or len(set(hits)) == 1 and not any_disputed else ""
                answer = snap.composer.per_subject(pairs, reply_lang, lead=lead)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    @staticmethod
    def _same_kind(snap: Snapshot, one: str, other: str) -> bool:
        """Whether two subjects are things of one kind (two areas, two organisations, two projects...)."""
        def kind(x: str) -> str | None:
            if x in snap.kb.cities:
                return "area"
            return snap.kb.entities[x].kind if x in snap.kb.entities else None
        return kind(one) is not None and kind(one) == kind(other)

    @staticmethod
    def _comparison(snap: Snapshot, question: str, pairs: list[tuple[str, Fact]], lang: str, yes_no: bool) -> str:
        """The verdict before two subjects' facts when the question compares them ("did X score higher than
        Y?" → "Yes."; "which scored higher" → "X is higher: 76.78% against 53.81%."), else ""."""
        if len(pairs) == 2 and yes_no and _SAME_FIGURE.search(question):
            # "does Mae Moh use the same number of Smarts as Samyan?": the two figures are equal, or not
            values = figures([f.answer.get(lang) for _, f in pairs])
            if values is not None:
                same = values[0] == values[1]
                return _verdict_word(same, lang)
        if len(pairs) != 2 or not asks_to_compare(question, yes_no):
            return ""
        answers = [f.answer.get(lang) for _, f in pairs]
        # (two areas compared by what each has, never by a count of the areas a shared event had)
        units = OWN_UNITS if all(x in snap.kb.cities for x, _ in pairs) else UNITS
        best = winner(question, answers, units)
        values = figures(answers, units)
        if best is None or values is None:
            return ""
        if yes_no:
            return _verdict_word(best == 0, lang)
        name = snap.composer.name(pairs[best][0], lang)
        unit = "%" if "%" in answers[0] and "%" in answers[1] else ""
        mine, theirs = (f"{v:g}{unit}" for v in (values[best], values[1 - best]))
        if lang == "th":
            scored = "คะแนน" if unit else ""  # ("ภูเก็ตคะแนนสูงกว่า (83.6% ต่อ 53.81%)": a percentage is a score)
            return f"{name}{scored}{'สูงกว่า' if direction(question) > 0 else 'ต่ำกว่า'} ({mine} ต่อ {theirs}) ครับ"
        return f"{name}, with {mine} against {theirs}."
