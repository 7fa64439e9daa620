"""The reply from the fact found (its yes/no verdict first), "which city?", or the honest fallback."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.answerable import held_then, why_not
from knowledge.schema import Fact
from knowledge.retrieval import _HOLDS, Hit, Query, _asked_rank
from knowledge.snapshot import Snapshot

from ..context import Context
from ..messages import say
from ..reply import Reply

from .facts import FactReading
from .reading import MAX_SUBJECTS_PER_ANSWER, _NEW_ASKED, _RENEWAL, _IT, _said_core, asks_other_sources
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue

#: Question types whose answer a fact's detail may hold when its answer does not (a venue, a chair, a sum).
_DETAIL_KINDS = frozenset({"where", "who", "how_much"})

# A question that asks which thing it is ("which area came third", "ใครได้ที่ 2"), not something about it.
_WHICH_ONE = re.compile(r"\bwhich\b|\bwho\b|ใคร|(เมือง|พื้นที่|ที่|อัน|แห่ง)(ใด|ไหน)")

_DEVELOPER_ASKED = re.compile(r"ผู้พัฒนาเมือง|\b(?:city )?developer\b|\bwho (?:runs|develops|developed)\b", re.I)
_TERM_SAID = re.compile(r"อายุ|\bvalid|\brenew|\bexpir", re.I)
# "ต่ออายุแล้วยัง", "was its logo renewed": whether a renewal took place, not whether one may ("ต่ออายุได้ไหม", "can it be
# renewed"); only a fact that reports a renewal done answers it (not the logo's 2-year term, nor that it can be renewed)
_RENEWAL_DONE = re.compile(r"(?:ต่ออายุ|ต่อตรา|ต่อ)\S{0,10}(?:แล้ว|รึยัง|หรือยัง|ยัง\s*$)|ได้ต่อ(?:อายุ)?\S{0,12}(?:แล้ว|ยัง|ไหม|มั้ย|หรือ|รึ)|"
                           r"\b(?:has|have|had|was|were|did|got|get|gets|been)\b(?:\s+\S+){0,5}?\s+renew(?:ed|al)?\b|"
                           r"(?<!be )\brenewed\s*(?:yet|already)\b", re.I)
_RENEWED_SAID = re.compile(r"ได้รับการต่ออายุ|ต่ออายุ\S{0,24}?(?:ให้|แล้ว)|(?<!be )\brenewed\b|\brenewal of\b", re.I)
_HOW_MANY_CITIES = re.compile(r"กี่เมือง|กี่แห่ง|กี่พื้นที่|เมืองไหนบ้าง|\bhow many\b|\bwhich (?:cities|areas)\b", re.I)


_SOURCE_WORD = re.compile(r"แหล่ง|ข่าว|\bsources?\b|\bnews\b|\breport", re.I)


def _keep_an_area(subjects: list[str], asked: list[str]) -> list[str]:
    """The first :data:`MAX_SUBJECTS_PER_ANSWER` subjects, with the first area the question named or the
    conversation was about (``asked``) among them even when more specific things come before it: after
    "มีด้านไรบ้าง" about Mae Moh's three Smarts, "ใครดูแลโครงการ" is still about Mae Moh."""
    kept = subjects[:MAX_SUBJECTS_PER_ANSWER]
    area = asked[0] if asked else None
    if area is not None and area not in kept:
        kept[-1] = area
    return kept


class ComposeSteps:
    """Dialogue's methods for this job: the reply from the fact found (its yes/no verdict first), "which city?", or the
    honest fallback."""

    def _compose(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """The honest fallback, "which city?", or the answer from the fact found (its yes/no verdict first)."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        if a.hit is not None and a.yes_no and not a.subjects and a.context and a.context[0] in snap.kb.cities \
                and not a.hit.ambiguous:
            checked, _ = self._verdict(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years),
                                       a.hit, u.normalized)
            areas = set(checked.fact.about) & set(snap.kb.cities)
            if a.context[0] not in areas and (areas or checked.fact.date):
                # "แล้วเขาต่ออายุรึยัง" about Mae Moh: a fact of a day about other areas (the 16 renewed in 2025)
                # neither says yes nor no about Mae Moh; saying it anyway answers something else.
                a.hit = None
        # (the area asked about: the one named, or the one the conversation is on)
        area = next((x for x in a.subjects if x in snap.kb.cities), None) if a.subjects else \
            a.context[0] if a.context and a.context[0] in snap.kb.cities else None
        if a.hit is not None and area is not None and _RENEWAL.search(u.normalized) \
                and a.kind not in ("how_many", "list") and not _HOW_MANY_CITIES.search(u.normalized):
            # "ขอนแก่นได้ต่ออายุตราปี 68 ไหม", "and was its logo renewed?": whether that area was renewed, which only a
            # fact about that area's logo term answers (the sources do not list the 16 renewed in 2025), not the
            # logo's 2-year term in general or another fact about the area
            if area not in a.hit.fact.about or not _TERM_SAID.search(a.hit.fact.text()):
                a.hit = None
        if a.hit is not None and a.yes_no and _RENEWAL.search(u.normalized) and _RENEWAL_DONE.search(u.normalized) \
                and a.kind not in ("how_many", "list") and not _HOW_MANY_CITIES.search(u.normalized) \
                and not _RENEWED_SAID.search(a.hit.fact.text()):
            # "ต่ออายุแล้วยัง" after the logo's term: a fact that the logo lasts 2 years and may be renewed does not
            # tell whether it was
            a.hit = None
        if a.hit is not None and area is not None and _DEVELOPER_ASKED.search(u.normalized):
            # "ภูเก็ตทินิคอนวัลเลย์ใครเป็นผู้พัฒนาเมือง": that area's developer, which what a city developer is in
            # general (a fact about no area) does not name
            if not set(a.hit.fact.about) & set(snap.kb.cities):
                a.hit = None
        if a.hit is not None and a.follow_up and a.ent.places and not a.subjects:
            # "แล้วที่กระบี่มีมั้ย" after Phuket's beach cameras: the question again, about Krabi; a fact that says
            # nothing of Krabi (Phuket's cameras) does not answer it.
            text, about = a.hit.fact.text().casefold(), set(a.hit.fact.about)
            if not any(any(n in text for n in self._names(snap, pl)) or any(
                    c.province == pl and c.id in about for c in snap.kb.cities.values()) for pl in a.ent.places):
                a.hit = None
        named_where = list(dict.fromkeys([*a.subjects, *a.ent.places]))
        if a.hit is not None and a.kind == "where" and not a.yes_no and len(named_where) >= 2 and any(
                x in snap.kb.entities and snap.kb.entities[x].kind == "organisation" for x in a.subjects):
            # "ดีป้าสาขาขอนแก่นอยู่ตรงไหน": where an organisation is in a place (its branch there), which only a fact
            # naming both answers (not its head office in Bangkok, nor where the Khon Kaen smart city lies)
            text = a.hit.fact.text().casefold()
            if not all(x in a.hit.fact.about or any(n in text for n in self._names(snap, x)) for x in named_where):
                a.hit = None
        if a.hit is None and a.post_of is not None:
            return self._post_told(turn, *a.post_of)
        if a.hit is None or a.unresolved:
            named = a.subjects or [c for c in (ctx.subjects if not a.ent.places else []) if c in snap.kb.cities][:1]
            answer = snap.composer.fallback(reply_lang, named)
            reply = self._reply(turn, answer, u.confidence)
            # What was named stays the subject ("ขอนแก่นมีโรงแรมไหม" → "เป้าหมายเค้าคือไร" is still Khon Kaen), and
            # "แล้วภูเก็ตล่ะ" asks this question again, not the last one answered.
            kept = replace(ctx, lang=reply_lang, last_query=a.query_text, last_qtype=a.kind, yes_no=a.yes_no,
                           last_fact=None, last_intent=None,
                           subjects=list(dict.fromkeys([*a.subjects, *ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER])
            return reply, kept, "fallback"
        if a.hit.ambiguous:
            # "อยู่จังหวัดไหน" with nothing to go on: ask which city, then answer the question for it.
            reply = Reply(text=say("clarify_city", reply_lang), lang=reply_lang, intent=a.hit.fact.intent,
                          confidence=turn.u.confidence, entities=a.ent.as_dict(),
                          quick_replies=[c.short_name.get(reply_lang) for c in snap.kb.pilot_cities()])
            return reply, Context(lang=reply_lang, last_query=a.query_text, last_qtype=a.kind, yes_no=a.yes_no,
                                  qualifier=a.qualifier), None
        lead = ""
        if a.yes_no:
            question = f"{turn.claim} {u.normalized}" if turn.claim else u.normalized
            a.hit, lead = self._verdict(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years),
                                      a.hit, question, [p for p in a.ent.places if p not in a.ent.city_named_places])
            if not a.subjects and a.context and a.context[0] in snap.kb.cities and a.context[0] not in a.hit.fact.about:
                lead = ""  # "แล้วได้ต่ออายุยัง" about Mae Moh: a fact that does not name Mae Moh settles nothing
            elif _IT.search(u.normalized) and ctx.subjects and ctx.subjects[0] in snap.kb.cities \
                    and ctx.subjects[0] not in a.hit.fact.about and not set(a.subjects) & set(snap.kb.cities):
                lead = ""  # "and it's run by PTT?" about Mae Moh: a fact about PTT's area says nothing of Mae Moh
        # "การประชุม 2/2564 จัดวันไหน": the fact that answers says the sources do not give the date. The bot says
        # so, with what is known, and staff get the question (an honest fallback, not an answer).
        # ("ผอ.ดีป้าคนปัจจุบันคือใคร" from a fact checked over a year ago: who held the post then, said as such)
        then = not a.yes_no and held_then(a.query_text, a.hit.fact, a.years)
        not_given = (a.kind in a.hit.fact.unknown or then) and not a.yes_no
        if not_given:
            lead = say("held_then" if then else "not_given", reply_lang)
        extra = [] if not_given else self._second_part(
            snap, Query(a.query_text, reply_lang, a.subjects, a.context, None, a.intents), a.hit, a.qt)
        # ("confirmed by another source?": the detail tells which source says it)
        sources_told = a.yes_no and asks_other_sources(u.normalized) and a.hit.fact.detail is not None \
            and _SOURCE_WORD.search(a.hit.fact.detail.get(reply_lang)) is not None
        answer = snap.composer.fact(a.hit.fact, reply_lang, a.kind, also=extra, lead=lead,
                                    detail=not extra and (sources_told or self._detail_asked(a.hit.fact, a.query_text,
                                                                                              a.kind)))
        answer.complete = not not_given
        # A follow-up that names nothing moves the thread to what its answer was about ("ใครเป็นประธาน" →
        # the meeting, so "จัดที่ไหน" asks where the meeting was), keeping the earlier subjects after it.
        # (but what the follow-up was about stays first when the fact is about it: "when will it open" after Tram
        # Noy is still about Tram Noy, though the fact names the light rail first)
        kept_first = [a.context[0]] if not a.subjects and a.context and a.context[0] in a.hit.fact.about \
            and a.context[0] not in snap.kb.cities else []
        first = a.subjects or [*kept_first, *(s for s in a.hit.fact.about if s not in snap.kb.cities)] or a.context
        answer.subjects = _keep_an_area(list(dict.fromkeys([*first, *(a.subjects or a.context), *a.hit.fact.about])),
                                        [x for x in a.subjects or a.context if x in snap.kb.cities])
        # "which area came third?": the third one is what "its score" asks about next.
        placed = None if any(x in snap.kb.cities for x in a.subjects) else self._placed(snap, a.hit.fact, a.query_text)
        if placed is not None:
            answer.subjects = [placed, *(x for x in answer.subjects if x != placed)][:MAX_SUBJECTS_PER_ANSWER]
        return (self._reply(turn, answer, round(min(1.0, a.hit.score), 4)),
                self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier, first=placed),
                "fallback" if not_given else None)

    def _detail_asked(self: Dialogue, fact: Fact, query_text: str, kind: str | None = None) -> bool:
        """Whether a word the question asks about is in the fact's detail and not in its answer: "ใช้แอปอะไร"
        of the sandbox, whose answer gives its dates and whose detail names the apps; or what a "where" or "who"
        question asks for is only in the detail ("where was the Takeoff held": its answer tells when, its
        detail the hotel)."""
        if fact.detail is None:
            return False
        answer, detail = fact.answer_text().casefold(), f"{fact.detail.th} {fact.detail.en}".casefold()
        if kind in _DETAIL_KINDS and not _HOLDS[kind].search(answer) and _HOLDS[kind].search(detail):
            return True
        if kind == "how_many" and _NEW_ASKED.search(query_text) and not _RENEWAL.search(query_text) \
                and not _NEW_ASKED.search(answer) and _NEW_ASKED.search(detail):
            return True  # ("แล้วมีเมืองใหม่กี่เมือง": a total whose detail counts the areas new that round)
        return any(len(w) >= 3 and w not in answer and w in detail or _said_core(w, detail) and not _said_core(w, answer)
                   for w in self._asked_words(query_text))

    @staticmethod
    def _placed(snap: Snapshot, fact: Fact | None, question: str) -> str | None:
        """The area at the place a question asks about ("which was third") in a ranking fact that names
        several areas in order, read from the order its answer names them; None when that cannot be told."""
        if fact is None:
            return None
        rank = _asked_rank(question) if fact.intent == "rankings" and _WHICH_ONE.search(question) else None
        areas = FactReading._in_order(snap, fact)
        return areas[rank - 1] if rank is not None and len(areas) >= max(2, rank) else None

    def _second_part(self: Dialogue, snap: Snapshot, q: Query, hit: Hit, qt) -> list:
        """For a question that asks two things ("จัดวันไหน ใครเป็นประธาน"), the fact that answers the second
        when the first fact does not."""
        extra = []
        for kind in qt.kinds[1:2]:
            if kind in snap.index.holds[hit.fact.id] or hit.fact.aspect == kind:
                continue
            if kind == "who" and qt.kinds[0] == "list":
                continue  # "มีใครบ้าง", "who are they all": one question, the list of who, not a second one
            q.qtype = kind
            for other in snap.index.search(q, limit=3):
                if other.fact.id != hit.fact.id and other.aspect > 0 and other.score >= self.thresholds.score \
                        and (set(other.fact.about) & set(hit.fact.about) or not hit.fact.about) \
                        and why_not(q.text, other.fact, kind, years=q.years) is None:  # (that meeting, that year)
                    extra.append(other.fact)
                    break
        return extra
