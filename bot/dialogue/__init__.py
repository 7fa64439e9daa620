"""The dialogue: text plus the user's context in, a platform-neutral :class:`Reply` out.

One message (see docs/dialogue.md for the diagram): understand it (normalise, language, names of every kind,
question type, the classifier's intent probabilities), then, in order: small talk; "more" about the last
fact; answers worked out from structured data (yes/no about the first five or a certification, which
areas are in a province); one line per subject when several are named; otherwise the best fact above the
calibrated thresholds; otherwise the honest fallback, which goes to the staff inbox.

:meth:`Dialogue.answer` runs that as a list of small steps, in order, over one :class:`_Asked` (what the
message asks, as read so far): a step either answers, which ends the turn, or refines what was asked (a
pronoun resolved, the last question taken up again for a new name) for the steps after it. To change how one
kind of message is answered, find its step by name (``_which_ones``, ``_resolve_follow_up``, ``_compose``...).

The context (30 minutes) keeps the subjects of the last answer, the last question with its names removed,
its type and qualifier: "แล้วภูเก็ตล่ะ" asks the last question about Phuket, "ตั้งขึ้นเมื่อไหร่" asks about
the last subject, "and Korat?" keeps "one of the first five".
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from datetime import date
from typing import Callable, Sequence

from intents.features import tokenize
from intents.normalize import has_latin, has_thai, normalize
from intents.nlu import NLU, OUT_OF_SCOPE
from intents.question import is_yes_no, question_type
from intents.vocabulary import Vocabulary
from knowledge.catalogue import SMALL_TALK
from knowledge.polarity import without_units
from knowledge.answerable import uncovered, why_not
from knowledge.comparison import asks_to_compare
from knowledge.composer import Answer
from knowledge.retrieval import Thresholds
from knowledge.snapshot import Snapshot

from .. import metrics
from ..context import Context, ContextStore
from ..inbox import Inbox, group_key
from ..messages import say
from ..ratelimit import Limit, RateLimited, RateLimiter
from ..reply import Reply
from ..stats import Stats
from ..turns import Closing, Turns

from .subjects import SubjectSteps
from .small_talk import SmallTalkSteps
from .smarts import SmartsSteps
from .follow_ups import FollowUpSteps
from .worked_out import WorkedOutSteps
from .compare import CompareSteps
from .search import _asking_weighed as _asking_weighed, SearchSteps
from .verdicts import VerdictSteps
from .compose import ComposeSteps
from .facts import FactReading
from .reading import _PLACEHOLDER, _ACK_WORDS, _ACK_TOO, _years_in, _years_asked as _years_asked
from .turn import _Turn, _Asked

__all__ = ["Dialogue", "SMALL_TALK"]

log = logging.getLogger(__name__)

# A greeting before the question ("hi is phuket a smart city", "สวัสดีครับ ขอนแก่นเป็นเมืองอัจฉริยะไหม") and laughter
# after it ("... lol", "... 555"): chat around the question, which is read without them (with them the classifier
# read the message as half greeting and refused it).
_GREETING_FIRST = re.compile(
    r"^\s*(?:(?:hi+|hello+|hey+|yo|hiya|howdy|good (?:morning|afternoon|evening)|greetings)(?: there| bot| admin)?"
    r"[\s,!.~]+|(?:สวัสดี|หวัดดี|ฮัลโหล|ดี)(?:ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|ค่า)(?:\s*(?:บอท|แอดมิน|น้องบอท|แอด))?[\s,!.~]*|"
    r"(?:สวัสดี|หวัดดี|ฮัลโหล)(?:\s*(?:บอท|แอดมิน|น้องบอท|แอด))?[\s,!.~]+)", re.I)
_LAUGHTER_LAST = re.compile(r"[\s,]+(?:lo+l|lmao|ha(?:ha)+|he(?:he)+|5{3,}|ฮ่า(?:ๆ|ฮ่า)*)[\s!.?~]*$", re.I)


def _only_acknowledges(part: str) -> bool:
    """Whether a part of a message only acknowledges ("fine", "ok got it")."""
    return set(part.casefold().split()) <= _ACK_WORDS | _ACK_TOO


def _without_chat(text: str) -> str | None:
    """``text`` without a greeting before it or laughter after it, when a question remains; else None."""
    rest = _LAUGHTER_LAST.sub("", _GREETING_FIRST.sub("", text, count=1), count=1).strip()
    return rest if rest != text.strip() and len(rest) >= 4 else None


# Where a message says more than its question: "whats mae moh? never heard of it", "expat here - who runs it?",
# "im writing a report, which cities...", "ตรังมีเมืองอัจฉริยะป่ะ ชื่อไร" (a space between Thai words ends a clause).
# (not a decimal point, a number's comma or an abbreviation's dot: "Thailand 4.0", "1,000", "ส.ค. 2568", "อนุฯ ครั้ง")
# (a polite particle ends a clause whatever follows it: "ทำรายงานส่งครูค่ะ 7 smart มีอะไรบ้าง")
_CLAUSE = re.compile(r"(.+?)(\s*(?:[?!;:]+|\.{2,}|…|(?<=[A-Za-z]{2})\.(?=\s)|\s[-–—]+\s|,(?!\d))\s*"
                     r"|(?<=[\u0e00-\u0e2e\u0e30-\u0e7f])\s+(?=[\u0e00-\u0e7f])"
                     r"|(?:(?<=ครับ)|(?<=คับ)|(?<=ค่ะ)|(?<=คะ)|(?<=จ้า))\s+|\s*$)", re.S)
# A clause that asks something: a question word or particle, or an English question's opening verb.
_CLAUSE_ASKS = re.compile(r"\b(?:what'?s?|whats|who'?s?|whom|whose|when|where|which|why|how)\b|^\s*(?:is|are|was|were|do|"
                          r"does|did|can|could|will|would|should|has|have|had)\b|อะไร|ไร|ไหน|ใคร|เมื่อไ|ยังไง|อย่างไร|ไหม|"
                          r"มั้ย|มั๊ย|ป่ะ|ปะ|บ้าง|กี่|เท่าไ|หรอ|เหรอ|เปล่า|ใช่", re.I)
# A clause that tells of the asker and asks nothing ("im writing a school report", "expat in phuket here", "sorry, I
# typed wrong", "บ้านชั้นอยู่ระยอง"): chatter, whatever its words
_OF_THE_ASKER = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|my|me|we|our|us)\b|\bhere$|ผม|ฉัน|ชั้น|หนู|ดิฉัน|เรา", re.I)
# (unless it says when: "im visiting khon kaen next month, ... like an expo?" asks about an expo then)
_WHEN_SAID = re.compile(r"\b(?:next|this|coming|tomorrow|tonight|soon)\b|หน้า|ปีนี้|เดือนนี้|พรุ่งนี้|เร็วๆ ?นี้", re.I)
# A clause that tells what the answer is for and asks nothing ("ทำรายงานส่งครู", "จะเอาไปทำป้าย", "พรุ่งนี้ประชุม
# ขอเช็คตัวเลข", "for my homework"): chatter too, even when it says when
_PURPOSE = re.compile(r"รายงาน|การบ้าน|ส่ง(?:ครู|อาจารย์)|เอาไป(?:ทำ|ใช้|ใส่|เขียน)|ขอ(?:เช็[คก]|ตรวจ|ถาม)|เช็[คก]ตัวเลข|"
                      r"ถามหน่อย|สงสัย|อยากรู้|ประชุม(?:พรุ่งนี้|วันนี้)|(?:พรุ่งนี้|วันนี้)(?:มี)?ประชุม|"
                      r"\b(?:for (?:a|my|our|the) (?:school |uni |class )?(?:report|homework|assignment|project|essay|"
                      r"presentation|meeting|slides?)|homework|assignment|school report)\b", re.I)
MAX_CLAUSES = 4  # clauses a refused message is asked again as, at most
# Who said what the message then claims ("my teacher says ...", "i heard ...", "ได้ยินว่า ..."): the claim is what is
# asked, whether it holds; the one who said it is not (with them, "teacher" read as something the bot lacks)
_HEARSAY = re.compile(r"^\s*(?:(?:my|a|some|our) \w+ (?:says|said|told me|tells me|thinks|claims|reckons)|"
                      r"(?:i|we) (?:heard|read|was told|were told)|heard|someone (?:says|said|told me)|people say|they say)"
                      r"(?: that)?[\s,:]+|^\s*(?:ได้ยิน(?:มา)?ว่า|เค้าว่า|เขาว่า|(?:ครู|เพื่อน|คน)\S{0,8}บอกว่า)\s*", re.I)

# A question corrected as it is typed ("who chaired the ... i mean who chaired the 6 may 2021 sub-committee",
# "ใครเปิดงานปี 61 เอ้ย งานปี 62 ใครเปิด"): what follows the last correction is what is asked
_CORRECTED = re.compile(r".*(?:\bi mean\b|\bi meant\b|\bscratch that\b|\bcorrection\b|(?:ผม|หนู|ฉัน|เรา)หมายถึง|เอ้ย|เอ๊ย)"
                        r"[\s,:.!]*", re.I | re.S)


def _clauses(text: str) -> list[tuple[str, bool]]:
    """The parts of ``text``, each with whether it asks something (a question word, or a question mark after it),
    when it has two parts or more; else none."""
    parts = [(m.group(1).strip(), "?" in m.group(2) or bool(_CLAUSE_ASKS.search(m.group(1))))
             for m in _CLAUSE.finditer(text) if sum(ch.isalpha() for ch in m.group(1)) >= 2]
    return parts if len(parts) >= 2 else []


_KEPT_ANSWERS = 4096


def _context_key(ctx: Context) -> tuple:
    """The context as a hashable key (its lists as tuples)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in vars(ctx).values())


def _copy_context(ctx: Context) -> Context:
    """A copy whose lists are its own (the fields of Context that are lists)."""
    return replace(ctx, subjects=list(ctx.subjects), listed=list(ctx.listed), named=list(ctx.named))


class Dialogue(SubjectSteps, SmallTalkSteps, SmartsSteps, FollowUpSteps, WorkedOutSteps, CompareSteps, SearchSteps,
               VerdictSteps, ComposeSteps, FactReading):
    """Answers one message at a time; all state lives in the :class:`ContextStore`."""

    def __init__(self, nlu: NLU, knowledge: Snapshot, contexts: ContextStore, inbox: Inbox,
                 refresh: Callable[[], Snapshot] | None = None, stats: Stats | None = None,
                 limiter: RateLimiter | None = None, user_limit: Limit | None = None,
                 thresholds: Thresholds = Thresholds(), vocabulary: Vocabulary | None = None):
        self.nlu = nlu
        self.knowledge = knowledge
        self.thresholds = thresholds
        self.vocabulary = vocabulary  # to notice words no fact uses
        self.contexts = contexts
        self.inbox = inbox
        self._refresh = refresh  # returns the knowledge with the latest staff edits
        self.stats = stats  # daily counters for the staff dashboard
        self.limiter = limiter
        self.user_limit = user_limit or Limit(10, 10)
        self.turns = Turns(contexts, inbox, stats, limiter)
        self._pilot_day: tuple[Snapshot, frozenset[str]] | None = None
        self._kept_owner: tuple[object, ...] | None = None
        self._kept: dict[tuple, tuple[Reply, Context | None, str | None]] = {}

    def respond(self, text: str, user_id: str | None = None, channel: str = "web",
                lang: str | None = None, limits: Sequence[tuple[str, Limit]] = ()) -> Reply:
        """Answer ``text`` from ``user_id`` on ``channel``; ``lang`` forces the reply language.

        Over the per-user rate limit the reply has intent ``rate_limited``: a polite note the first time,
        then empty text (channels send nothing) until the window passes. ``limits`` are checked first, in
        the same round trip (``/api/ask``: the client's address); over one of them, :class:`RateLimited`
        is raised and nothing else is counted. Redis is reached twice: before answering and after
        (:mod:`bot.turns`)."""
        started = time.perf_counter()
        checks = list(limits)
        user_key = f"user:{channel}:{user_id}"
        if user_id and channel != "cli":
            checks.append((user_key, self.user_limit))
        opening = self.turns.open(channel, user_id, checks)
        ctx = opening.context
        over = opening.over()
        if over is not None and over.key != user_key:
            raise RateLimited(over)
        if over is not None:
            metrics.RATE_LIMITED.labels(channel).inc()
            # One polite note when the limit is first passed, then silence until the window ends.
            lang = lang or ctx.lang or "th"
            text = say("slow_down", lang) if over.hits == self.user_limit.hits + 1 else ""
            return Reply(text=text, lang=lang, intent="rate_limited", confidence=1.0, retry_after=over.retry_after)
        reply, new_ctx, unanswered = self.answer(text, ctx, channel, lang)
        # Channels that can write later offer "tell me when you know" for this group: its id is a hash of
        # the question, so naming it costs no round trip (worked out once, for the inbox and the reply).
        group = group_key(text) if unanswered else None
        recorded = self.turns.close(Closing(channel, user_id, new_ctx, reply.intent, reply.lang, reply.fallback,
                                            reply.entities.get("city"), unanswered, text, group))
        if recorded:
            reply.inbox_group = group
        metrics.ANSWER_SECONDS.observe(time.perf_counter() - started)
        metrics.child(metrics.MESSAGES, channel, reply.lang).inc()
        metrics.child(metrics.INTENTS, channel, reply.intent).inc()
        if reply.fallback:
            metrics.child(metrics.FALLBACKS, channel).inc()
        return reply

    # -- what a chat platform adds to questions: welcome, things that are not text, leaving -----------------
    def greeting(self) -> Reply:
        """The bilingual welcome (a new follower, Get Started, a message that is only a mention)."""
        suggest = self.knowledge.suggest
        return Reply(f"{say('greet', 'th')}\n\n{say('greet', 'en')}", "th", "greet", 1.0,
                     quick_replies=suggest.for_subject(None, "th")[:2] + suggest.for_subject(None, "en")[:2])

    def not_text(self, channel: str, user_id: str) -> Reply:
        """The note that the bot reads text only (a sticker, an image...), in the user's language."""
        lang = self.contexts.load(channel, user_id).lang or "th"
        return Reply(say("not_text", lang), lang, "not_text", 1.0,
                     quick_replies=self.knowledge.suggest.for_subject(None, lang))

    def forget(self, channel: str, user_id: str) -> None:
        """Drop the user's context (they blocked or unfollowed the bot)."""
        self.contexts.delete(channel, user_id)

    def answer(self, text: str, ctx: Context, channel: str = "web",
               lang: str | None = None) -> tuple[Reply, Context | None, str | None]:
        """The reply, the context to remember, and why the question belongs in the unanswered inbox
        (``"fallback"``) or None. No I/O beyond checking for staff edits.

        An answer depends only on the text, the context, the channel, the language asked for, the knowledge
        snapshot, the model, the thresholds and the day, so the answers of the last few thousand such combinations are kept
        (quick replies and rich-menu buttons send the same texts in the same conversations again and again).
        A staff edit (a new snapshot) or a new model starts afresh; each caller gets its own copies."""
        if self._refresh is not None:
            self.knowledge = self._refresh()
        owner = (self.knowledge, self.nlu.model, self.vocabulary, self.thresholds, date.today())
        was = self._kept_owner
        if was is None or any(a is not b for a, b in zip(owner[:3], was[:3])) or owner[3:] != was[3:]:
            self._kept_owner, self._kept = owner, {}
        key = (text, channel, lang, *_context_key(ctx))
        kept = self._kept.get(key)
        if kept is None:
            reply, new_ctx, unanswered = self._answer(text, ctx, channel, lang)
            kept = (reply, _copy_context(new_ctx) if new_ctx is not None else None, unanswered)
            if len(self._kept) >= _KEPT_ANSWERS:
                try:  # the oldest (insertion order); another thread may have just dropped it
                    self._kept.pop(next(iter(self._kept)), None)
                except (RuntimeError, StopIteration):
                    pass
            self._kept[key] = kept
        reply, new_ctx, unanswered = kept
        return (replace(reply, quick_replies=list(reply.quick_replies), sources=list(reply.sources),
                        entities=dict(reply.entities), source_links=list(reply.source_links)),
                _copy_context(new_ctx) if new_ctx is not None else None, unanswered)

    def _answer(self, text: str, ctx: Context, channel: str,
                lang: str | None) -> tuple[Reply, Context | None, str | None]:
        # "hi is phuket a smart city", "yo whats samyan lol": read with the greeting, the question was half a
        # greeting (refused, greeted, or no longer a yes/no question); the question alone is answered, and a
        # greeting with no question the bot can answer in it stays a greeting
        rest = _without_chat(text)
        if rest is not None:
            again = self._answer_once(rest, ctx, channel, lang)
            if not again[0].fallback:
                return again
        whole = self._answer_once(text, ctx, channel, lang)
        if not whole[0].fallback or whole[0].sources:
            return whole  # (answered, or a fact found says its sources leave it open)
        # "whats mae moh? never heard of it", "expat in phuket here - who runs the smart city project? gov or
        # private?": the chatter around the question made it unanswerable; its clause that asks is asked alone,
        # with the names the rest of the message said (Phuket), in the message's language. ("my teacher says
        # X": X is asked, as a yes/no question.)
        corrected = _CORRECTED.sub("", text, count=1).strip()
        if corrected != text.strip() and _CLAUSE_ASKS.search(corrected):
            # (a whole question again; not a part of one: "who designed it... i mean the logo of khon kaen")
            again = self._answer_once(corrected, ctx, channel, lang or whole[0].lang)
            return again if not again[0].fallback else whole
        claim = _HEARSAY.sub("", text, count=1).strip()
        heard = [(claim if is_yes_no(claim) else f"{claim.rstrip('?!. ')}?", "")] \
            if claim != text.strip() and len(claim) >= 4 else []
        for clause, rest in heard or self._clauses_named(text):
            again = self._answer_once(clause, ctx, channel, lang or whole[0].lang)
            if not again[0].fallback and again[1] is not None and self._holds_the_rest(rest, again[1].last_fact):
                return again
        return whole

    def _holds_the_rest(self, rest: str, fact_id: str | None) -> bool:
        """Whether the fact that answered a clause holds what the ``rest`` of the message asks or says: every word
        of it that asks about something ("can i visit EGAT Park? opening hours?": the park's province tells no
        hours; "คณะทำงานประเมินแผน 7 ด้าน ชื่อเต็มว่าอะไร": not the other names of the 7 Smarts), and
        nothing it asks rules it out (knowledge/answerable.py: "ใครออกแบบโลโก้ ชนะประกวดคือใคร" asks a designer)."""
        snap = self.knowledge
        if not rest.strip():
            return True
        fact = snap.facts.get(fact_id) if fact_id else None
        if fact is None or self.vocabulary is None:
            return False
        u = self.nlu.parse(rest)
        said = u.entities.remainder
        if uncovered(self._asked_words(said), fact):
            return False
        qt = question_type(u.normalized)
        return why_not(said, fact, qt.kind, years=_years_in(u.normalized), yes_no=qt.yes_no) is None

    def _clauses_named(self, text: str) -> list[tuple[str, str]]:
        """The clauses of ``text`` that ask something (:func:`_clauses`), each with the names the others say
        and it does not, and the rest of the message that is not chatter about the asker."""
        parts = _clauses(text)
        # (only a message that says something besides its question, "whats mae moh? never heard of it", "fine.
        # what was ...", or asks two things, "ตรังมีเมืองอัจฉริยะป่ะ ชื่อไร". A question and a bare word, or a
        # comparison, was refused as a whole for a reason: "นายก อบจ. ขอนแก่นคือใคร" (a post no fact names),
        # "which is better, mae moh or samyan?" (one has no score to compare))
        chatter = any(not asks and (len(tokenize(normalize(p))) >= 2 or _only_acknowledges(p)) for p, asks in parts)
        if not chatter and sum(asks for _, asks in parts) < 2:
            return []
        whole = self.nlu.parse(text)
        if asks_to_compare(whole.normalized, is_yes_no(text)):
            return []
        snap = self.knowledge
        ent = whole.entities
        named = list(dict.fromkeys([*ent.subjects, *ent.places]))
        out = []
        for clause, asks in parts:
            if not asks:
                continue
            rest = " ".join(p for p, p_asks in parts if p != clause and (p_asks or not _PURPOSE.search(p) and (
                                                                           not _OF_THE_ASKER.search(p) or _WHEN_SAID.search(p)))
                            and not _only_acknowledges(p))  # ("fine. what was ...")
            # (the rest must say nothing the bot lacks: "any good seafood in phuket? where should i go")
            said = self.nlu.parse(rest)
            if self.nlu.cues.find(said.normalized) or self.vocabulary is not None and self.vocabulary.unknown(
                    tokenize(without_units(said.entities.remainder)), snap.known_words):
                continue
            own = self.nlu.parse(clause).entities
            missing = [x for x in named if x not in own.subjects and x not in own.places]
            lang = "th" if has_thai(clause) else "en"
            # (a place has no subject name: its own, in the clause's language)
            names = [n for n in (snap.kb.subject_name(x, lang) or getattr(snap.kb.places.get(x), lang, None)
                                 for x in missing) if n]
            out.append((" ".join([clause, *names]), rest))
        return out[:MAX_CLAUSES]

    def _answer_once(self, text: str, ctx: Context, channel: str,
                     lang: str | None) -> tuple[Reply, Context | None, str | None]:
        snap = self.knowledge
        u = self.nlu.parse(text)
        has_letters = any(ch.isalpha() for ch in u.normalized)
        reply_lang = lang if lang in ("th", "en") else (u.lang if has_letters else (ctx.lang or "th"))
        if lang not in ("th", "en") and reply_lang == "th" and u.entities.subjects \
                and has_latin(u.entities.remainder) and not has_thai(u.entities.remainder):
            # "what is พลเมืองอัจฉริยะ in english": a Thai name asked about in English is an English question
            reply_lang = "en"
        said_of = self._said_of_place(u, ctx, snap)
        if said_of is not None:
            u = self.nlu.parse(said_of)
        turn = _Turn(u, ctx, reply_lang, snap)
        if not u.normalized:
            return self._simple(turn, "empty", say("empty", reply_lang)), None, None
        a = _Asked(u.entities, question_type(u.normalized))
        for step in (
            self._read_subjects, self._post_of_person, self._full_name_asked, self._read_references, self._nth_one_named,
            self._read_the_rest, self._small_talk, self._smart_city_defined, self._before_or_after, self._against_standard,
            self._dimension_listed, self._dimension_missing, self._not_a_dimension, self._which_n, self._which_ones,
            self._more, self._resolve_follow_up,
            self._place_in_ranking, self._ranked_place, self._which_of_listed, self._that_batch, self._batch_reported, self._worked_out,
            self._read_years, self._zone, self._compare, self._about_the_last_answer, self._search, self._told_again,
            self._elsewhere, self._overview, self._compose,
        ):
            done = step(turn, a)
            if done is not None:
                return done
        raise AssertionError("_compose always answers")  # pragma: no cover

    def _remember(self, turn: _Turn, answer: Answer, query: str | None, qtype: str | None,
                  yes_no: bool = False, qualifier: str | None = None, first: str | None = None) -> Context:
        kb = turn.snap.kb

        def specific_first(subject: str) -> int:
            if subject in kb.entities:
                return 3 if kb.entities[subject].kind == "concept" else 0
            return 1 if subject in kb.dimensions else 2

        def kind(subject: str) -> str:
            return kb.entities[subject].kind if subject in kb.entities else ""

        named = sorted((x for x in turn.u.entities.subjects if x in answer.subjects), key=specific_first)
        # An event or project the answer was about is what "that meeting", "จัดที่ไหน" or "ใครเป็นเลขาฯ" refers
        # to next, even when the question named only the committee that held it.
        events = [x for x in answer.subjects if kind(x) in ("event", "project") and x not in named]
        if events and named and kind(named[0]) == "organisation":
            named = [*events[:1], *named]
        subjects = list(dict.fromkeys([*([first] if first else []), *named, *answer.subjects])) or turn.ctx.subjects
        city = next((s for s in subjects if s in turn.snap.kb.cities), None)
        told = turn.snap.facts.get(answer.fact or "")
        day = (told.date or told.as_of or "") if told is not None else ""
        if len(day) == 10 and not any(kind(x) in ("event", "project") for x in subjects):
            # "15 areas held the logo, handed over on 24 December 2021" names no event, but one took place that
            # day: "who chaired it", "where was it" ask about that ceremony.
            on_day = turn.snap.index.day_events.get(day, [])
            if len(on_day) == 1:  # (after an area the answer was about: "how did it do" is still about the area)
                subjects = [*subjects, on_day[0]] if city else [on_day[0], *subjects]
        listed = (self._in_order(turn.snap, told) if told is not None else []) or [
            x for x in answer.subjects if x in kb.cities]
        before = turn.ctx.last_city
        if len(listed) < 2 and city and before and before != city and city in turn.u.entities.subjects:
            listed = [city, before]  # "Phuket's score" then "and Khon Kaen?": the two a comparison is about next
        claim = (turn.claim or _PLACEHOLDER.sub(" ", turn.u.entities.masked).strip() or None) if yes_no else None
        # (the province asked about, with no area of its name: "was it one of the first five?" asks of it next)
        ent = turn.u.entities
        place = next((p for p in ent.places if p not in ent.city_named_places), None) if not ent.cities else None
        return Context(last_city=city or turn.ctx.last_city, last_intent=answer.intent, lang=turn.lang,
                       subjects=list(subjects), last_fact=answer.fact, last_query=query, last_qtype=qtype,
                       qualifier=qualifier, yes_no=yes_no, listed=listed if len(listed) >= 2 else [], claim=claim,
                       place=place,
                       named=list(ent.subjects) or [x for x in turn.ctx.named if x in subjects])

    def _reply(self, turn: _Turn, answer: Answer, confidence: float) -> Reply:
        entities = turn.u.entities.as_dict()
        cities = [s for s in answer.subjects if s in turn.snap.kb.cities]
        if cities:
            entities["city"] = cities[0]
            if len(cities) > 1:
                entities["cities"] = cities
        if answer.fact:
            entities["fact"] = answer.fact
            entities["entry"] = answer.fact
        return Reply(text=answer.text, lang=turn.lang, intent=answer.intent if answer.complete else OUT_OF_SCOPE,
                     confidence=confidence, fallback=not answer.complete, quick_replies=answer.quick_replies,
                     sources=answer.sources, entities=entities, card=answer.card,
                     source_links=answer.source_links)

    def _simple(self, turn: _Turn, intent: str, text: str, quick_replies: list[str] | None = None) -> Reply:
        return Reply(text=text, lang=turn.lang, intent=intent, confidence=turn.u.confidence,
                     quick_replies=quick_replies or turn.snap.suggest.for_subject(None, turn.lang),
                     entities=turn.u.entities.as_dict())
