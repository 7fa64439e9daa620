"""The dialogue: text plus the user's context in, a platform-neutral :class:`Reply` out.

One message (see docs/dialogue.md for the diagram): understand it (normalise, language, names of every kind,
question type, the classifier's intent probabilities), then, in order: small talk; "more" about the last
fact; answers worked out from structured data (yes/no about the first five or a certification, which
areas are in a province); one line per subject when several are named; otherwise the best fact above the
calibrated thresholds; otherwise the honest fallback, which goes to the staff inbox.

The context (30 minutes) keeps the subjects of the last answer, the last question with its names removed,
its type and qualifier: "แล้วภูเก็ตล่ะ" asks the last question about Phuket, "ตั้งขึ้นเมื่อไหร่" asks about
the last subject, "and Korat?" keeps "one of the first five".
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from intents.features import tokenize
from intents.nlu import NLU, OUT_OF_SCOPE, Understanding
from intents.question import COMPARE as _COMPARE
from intents.question import (is_about_certification, is_bare_follow_up, is_definition, is_only_asking,
                              question_type)
from intents.synonyms import expand
from intents.vocabulary import RARE_SHARE, Vocabulary
from knowledge.catalogue import SMALL_TALK
from knowledge.comparison import against_benchmark, asks_to_compare, direction, figures, winner
from knowledge.dates import format_date
from knowledge.polarity import counted, verdict
from knowledge.answerable import asks_to_come, counted_words, names_a_list, uncovered, why_not
from knowledge.composer import Answer
from knowledge.schema import Fact
from knowledge.retrieval import OWN_PHRASING, S_ALL, S_MATCH, Hit, Query, Thresholds
from knowledge.snapshot import Snapshot

from . import metrics
from .context import Context, ContextStore
from .inbox import Inbox, group_key
from .messages import say
from .ratelimit import Limit, RateLimited, RateLimiter
from .reply import Reply
from .stats import Stats
from .turns import Closing, Turns

__all__ = ["Dialogue", "SMALL_TALK"]

log = logging.getLogger(__name__)

MAX_SUBJECTS_PER_ANSWER = 3
VERDICT_MARGIN = 0.1  # runner-up facts this close to the best one are read for a yes/no verdict too
SPECIFIC_VERDICT_MARGIN = 0.3  # ...and this close, when about the specific thing named and the best settles nothing
CLOSE_WORDS = 0.45  # a fact this close to the question's words may deny it with another number or year
PERSON_MIN_WORDS = 0.4  # words a "who" follow-up needs to point past the one person of the last answer
CUE_MIN_WORDS = 0.35  # lexical similarity a question with an off-topic or unknown word needs to be answered
# A fact this far from the question's words, which mentions none of the words that say what the question is
# about ("festival", "ติดตั้งกล้อง"), was found by its subject and question type alone: a neighbour, not the answer.
COVER_MIN_WORDS = 0.15
#: Words that make a yes/no question one about being certified ("โคราชเป็นเมืองอัจฉริยะไหม").
_CERTIFIED = ("เมืองอัจฉริยะ", "สมาร์ทซิตี้", "สมาร์ตซิตี้", "รับรอง", "ได้ตรา", "ตราสัญลักษณ์", "โลโก้", "smart city",
              "certified", "certification", "logo")


# A question that asks which city ("which city scored highest", "เมืองไหนได้ที่ 1") is answered by a fact about
# one city without naming it: that is no reason to ask "which city?".
_ASKS_WHICH = re.compile(r"\bwhich (city|cities|area|areas|place|places|one|ones)\b|\bwho\b|เมืองใด|เมืองไหน|"
                         r"พื้นที่ใด|พื้นที่ไหน|(ใด|ไหน)บ้าง|รายชื่อ|ใคร|อันดับ 1|ที่ 1|"
                         r"สูงสุด|\bhighest\b|\btop\b|\bbest\b|\bfirst\b")
# A pronoun that points at what the conversation was about: "whats his name" is a follow-up, not small talk.
_REFERS_BACK = re.compile(r"\b(he|his|him|she|her|it|its|they|their|them|that|there)\b|เขา|เค้า|มัน|ท่าน|ที่นั่น|ตอนนั้น|"
                          r"ก่อนหน้านั้น|หลังจากนั้น")
# "before that", "after that": each split in two, the English words tried only on text with a Latin letter.
_BEFORE_TH = re.compile(r"ก่อนหน้านั้น|ก่อนหน้า|ก่อนนั้น|ช่วงก่อน")
_BEFORE_EN = re.compile(r"\bbefore (that|then|him|her)\b|\bprior to that\b|\bearlier\b|\bpreviously\b|\bthe one before\b")
_AFTER_TH = re.compile(r"หลังจากนั้น|หลังนั้น|ต่อจากนั้น|ถัดมา|คนต่อมา")
_AFTER_EN = re.compile(r"\bafter (that|him|her)\b|\bthen who\b|\blater\b|\bnext one\b|\bthe one after\b")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _asks_before(text: str) -> bool:
    """"ก่อนหน้านั้นล่ะ", "and before that?"."""
    return bool(_BEFORE_TH.search(text) or _LATIN_LETTER.search(text) and _BEFORE_EN.search(text))


def _asks_after(text: str) -> bool:
    """"หลังจากนั้นล่ะ", "and after that?"."""
    return bool(_AFTER_TH.search(text) or _LATIN_LETTER.search(text) and _AFTER_EN.search(text))
_IT = re.compile(r"\b(it|its|it's|they|them|their)\b|มัน")  # (not "that": "that day")
_WHICH_N = re.compile(r"^\s*(?:which|what are the|what were the|name the|list the)\s+(\d{1,2})\s*(?:ones?|of them)?\s*\??\s*$|"
                      r"^\s*(\d{1,2})\s*(?:ด้าน|อย่าง|อัน|แห่ง|เมือง|ข้อ)?\s*(?:นั้น|ที่ว่า)?\s*(?:มี)?(?:อะไรบ้าง|ไหนบ้าง|ได้แก่อะไร)", re.I)
_PAST = re.compile(r"\b(was|were|did|had)\b|เคย|ที่แล้ว")
_PERSON_PRONOUN = re.compile(r"\b(he|his|him|she|her)\b|ท่าน|เขา|เค้า")
# "which of those", "which one of them", "อันไหน", "ที่ไหนในนั้น": one of the things the last answer listed.
_WHICH_OF = re.compile(r"\bwhich (one |ones )?of (those|them|these|the five|the 5)\b|\bwhich one\b|\bwhich ones\b|"
                       r"\bany of (them|those)\b|อันไหน|เมืองไหน(ใน|จาก)|ที่ไหน(ใน|จาก)|ในนั้น|ในบรรดา|ในจำนวนนั้น")
_BACK_THEN = re.compile(r"ตอนนั้น|ช่วงนั้น|สมัยนั้น|ขณะนั้น|ในเวลานั้น|ปีนั้น|\b(back then|at (that|the) time|in those days|"
                        r"that year)\b")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_OR_ELSE = re.compile(r"\s+or\s+|\s*หรือว่า|\s*หรือแค่|\s*หรือเป็นแค่")
# "ปี 66", "พ.ศ. 66", and a Thai month with the short year: "มกรา 66", "ธ.ค. 64".
_SHORT_BE_YEAR = re.compile(r"(?:ปี|พ\.ศ\.|มกรา\S*|กุมภา\S*|มีนา\S*|เมษา\S*|พฤษภา\S*|มิถุนา\S*|กรกฎา\S*|สิงหา\S*|"
                            r"กันยา\S*|ตุลา\S*|พฤศจิกา\S*|ธันวา\S*|[มกพสตธ]\.[คพยย]\.|มี\.ค\.|เม\.ย\.|มิ\.ย\.)"
                            r"\s*([5-7]\d)(?!\d)")


# A year as a follow-up says it ("ข้อมูลล่าสุดปี 2568", "ช่วงปี 2566–2567 เล่า", "in 2022"), with the words around it.
_A_YEAR = re.compile(r"(ข้อมูล|ล่าสุด|ช่วง|ตอน)*\s*(ปี|พ\.ศ\.|ค\.ศ\.)?\s*((19|20|25)\d\d|(?<=ปี)\s*\d\d)"
                     r"(\s*[-–]\s*(\d{4}|\d\d))?|\b(in|year)\b|เล่า")


def _years_asked(text: str, numbers: list[int]) -> frozenset[int]:
    """The years (CE) a question names: 2563 and 2020 alike, and the short Thai "ปี67"."""
    years = {n - 543 for n in numbers if 2400 <= n <= 2700} | {n for n in numbers if 1990 <= n <= 2100}
    years.update(2500 + int(m) - 543 for m in _SHORT_BE_YEAR.findall(text))
    return frozenset(years)


_STATE_Q = re.compile(r"ยัง|อยู่ไหม|อยู่มั้ย|อยู่ป่ะ|อยู่ป่าว|อยู่รึเปล่า|อยู่หรือเปล่า|\b(yet|still|already|anymore)\b")
_NOT_YET = re.compile(r"ยังไม่|หยุดให้บริการ|หยุดเดินรถ|ไม่ได้ให้บริการ|ปิดไปแล้ว|\bnot (running |built |open |started )?yet\b|"
                      r"\bno longer\b|\bstopped\b|\bhad not started\b|\bhas not started\b", re.I)
_STILL = re.compile(r"อยู่ไหม|อยู่มั้ย|อยู่ป่ะ|อยู่ป่าว|อยู่รึเปล่า|อยู่หรือเปล่า|ยัง\S*อยู่|\bstill\b|\banymore\b")


def _not_yet(question: str, answer: str) -> str:
    """"ยังครับ" / "No." before a fact that says something has not happened yet or has stopped, when the
    question asks whether it has happened yet or still goes on ("LRT ขอนแก่นเปิดยัง", "is it still running?").
    Nothing otherwise: the bot never says yes or no that it cannot read from the fact."""
    if not _STATE_Q.search(question) or not _NOT_YET.search(answer):
        return ""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in answer):
        return "No."
    return "ไม่แล้วครับ" if _STILL.search(question) else "ยังครับ"


def _lead(question: str, asked: str, hit: Hit, lang: str, subjects: list[str], years: frozenset[int],
          known: frozenset[str] | None = None) -> str:
    """The verdict before a fact that answers a yes/no question: "ยังครับ" for something not done yet, else
    ใช่/ไม่ใช่ (yes/no) when the fact's answer settles it (``asked`` is the question with its names removed)."""
    fact = hit.fact
    answer = fact.answer.get(lang)
    lead = _not_yet(question, answer)
    if lead:
        return lead
    names_agree = len(subjects) >= 2 and set(subjects) <= set(fact.about)
    # The event's date and the years its answer names: TSCCI 2023 results were announced in 2024.
    fact_years = _years_asked(fact.answer.th, [int(n) for n in re.findall(r"\d{4}", fact.answer.th)]) | (
        {int(fact.date[:4])} if fact.date else set())
    said = verdict(question, tokenize(asked), f"{fact.answer.th} {fact.answer.en}", names_agree, years, fact_years,
                   close=hit.words >= CLOSE_WORDS, known=known)
    if said is None:
        return ""
    return {("th", "yes"): "ใช่ครับ", ("th", "no"): "ไม่ใช่ครับ", ("en", "yes"): "Yes.", ("en", "no"): "No."}[(lang, said)]


@dataclass
class _Turn:
    u: Understanding
    ctx: Context
    lang: str
    snap: Snapshot


class Dialogue:
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
        (``"fallback"``) or None. No I/O beyond checking for staff edits."""
        if self._refresh is not None:
            self.knowledge = self._refresh()
        snap = self.knowledge
        u = self.nlu.parse(text)
        has_letters = any(ch.isalpha() for ch in u.normalized)
        reply_lang = lang if lang in ("th", "en") else (u.lang if has_letters else (ctx.lang or "th"))
        turn = _Turn(u, ctx, reply_lang, snap)
        if not u.normalized:
            return self._simple(turn, "empty", say("empty", reply_lang)), None, None
        ent = u.entities
        qt = question_type(u.normalized)
        subjects = ent.subjects[:MAX_SUBJECTS_PER_ANSWER]
        if not subjects and not ent.places and _PERSON_PRONOUN.search(u.normalized):
            # "what was his name?", "ท่านเป็นใคร": the person the conversation was about.
            person = next((x for x in ctx.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"),
                          None)
            subjects = [person] if person else []
        notions = {x for x in subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")}
        if subjects and set(subjects) <= notions and _IT.search(u.normalized):
            # "was it part of the certification?" after the sandbox: "it" is the sandbox, asked about a notion
            meant = [x for x in ctx.subjects if x not in notions and x not in subjects][:1]
            subjects = [*meant, *subjects][:MAX_SUBJECTS_PER_ANSWER]
        remainder = expand(ent.remainder if (subjects or ent.places) else u.normalized)
        if subjects and not ent.subjects:
            remainder = _PERSON_PRONOUN.sub(" ", remainder)
        names_only = bool(subjects or ent.places) and is_bare_follow_up(remainder)
        short = len(u.normalized.split()) <= 5
        # (A greeting with an off-topic word, "hi, weather today?", asks about the weather: not small talk.)
        off_topic = self.nlu.cues.find(u.normalized)
        small_talk = u.intent in SMALL_TALK or (u.top_intent in SMALL_TALK and not qt.yes_no and (
            u.confidence >= 0.6 or (short and u.confidence >= 0.35)) and not off_topic)
        # In a conversation, a pronoun or a yes/no question ("เยอะกว่ามาตรฐานป่ะ") continues it: not small talk.
        refers_back = bool(ctx.subjects) and bool(_REFERS_BACK.search(u.normalized) or qt.yes_no)
        if small_talk and not subjects and not ent.places and not qt.kind and not refers_back:
            # Small talk read with low confidence may carry the intent "out_of_scope": reply as the small talk it
            # most likely is (its top intent), which has a phrase.
            talk = u.intent if u.intent in SMALL_TALK else u.top_intent
            reply = self._simple(turn, talk, say(talk, reply_lang),
                                 snap.suggest.for_subject(ctx.subjects[0] if ctx.subjects else None, reply_lang))
            return reply, replace(ctx, lang=reply_lang), None
        # "ก่อนหน้านั้นล่ะ", "and after that?": the same kind of fact about the same subject, a period earlier or later.
        when = _asks_before(remainder) or _asks_after(remainder)
        if when and not subjects and ctx.last_fact in snap.facts and len(remainder) <= 40:
            other = snap.index.next_in_time(ctx.last_fact, before=_asks_before(remainder))
            if other is not None and asks_to_come(remainder) and not _PAST.search(remainder) \
                    and (other.date or "0")[:4] < str(date.today().year):
                other = None  # "when's the next one": one still to come, not the next event of the past
            if other is not None:
                answer = snap.composer.fact(other, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        # "is that more than the WHO recommends?", "เยอะกว่ามาตรฐานป่ะ": the last answer's own figure and standard.
        if not subjects and ctx.last_fact in snap.facts and len(remainder) <= 60:
            last = snap.facts[ctx.last_fact]
            held = against_benchmark(u.normalized, last.answer.get(reply_lang), qt.yes_no)
            if held is not None:
                lead = "" if held < 0 else {("th", 1): "ใช่ครับ", ("th", 0): "ไม่ใช่ครับ", ("en", 1): "Yes.",
                                            ("en", 0): "No."}[(reply_lang, held)]
                answer = snap.composer.fact(last, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        # "มีด้านพลังงานด้วยไหม" right after a list of dimensions (a plan's pillars): that list says yes or no.
        dims = [x for x in subjects if x in snap.kb.dimensions]
        last_about = set(snap.facts[ctx.last_fact].about) if ctx.last_fact in snap.facts else set()
        asks_yes_no = qt.yes_no or (ctx.yes_no and is_bare_follow_up(remainder))  # ("and smart energy?")
        if asks_yes_no and dims and set(subjects) - set(dims) <= last_about and ctx.last_fact in snap.facts:
            named_dims = self._dimensions_named(snap, snap.facts[ctx.last_fact])
            if len(named_dims) >= 3:
                held = all(d in named_dims for d in dims)
                lead = {("th", True): "ใช่ครับ", ("th", False): "ไม่ใช่ครับ", ("en", True): "Yes.",
                        ("en", False): "No."}[(reply_lang, held)]
                answer = snap.composer.fact(snap.facts[ctx.last_fact], reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, True), None)
        # "which 3", "6 ด้านมีอะไรบ้าง" right after "Mae Moh's plan covers 3 Smarts": the fact that names them.
        asked_n = _WHICH_N.match(remainder)  # (both its alternatives start at ^: match, not search every position)
        if asked_n and not subjects and ctx.last_fact in snap.facts:
            listing = self._the_counted(snap, snap.facts[ctx.last_fact], next(g for g in asked_n.groups() if g),
                                        reply_lang)
            if listing is not None:
                answer = snap.composer.fact(listing, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        # "รายละเอียดเพิ่มเติม", "tell me more": more of the last answer.
        if qt.more and not subjects and ctx.last_fact in snap.facts and len(remainder) <= 40:
            answer = snap.composer.more(snap.facts[ctx.last_fact], reply_lang)
            return self._reply(turn, answer, 1.0), self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None
        # A follow-up that only names something ("แล้วภูเก็ตล่ะ") asks the last question again.
        query_text, kind, yes_no = remainder, qt.kind, qt.yes_no
        qualifier = "first_five" if ent.first_five else None
        # "แล้วปี 2568", "and in 2022?": the last question again, for another year.
        year_only = not subjects and not ent.places and ctx.last_query is not None \
            and bool(_years_asked(u.normalized, ent.numbers)) and is_bare_follow_up(_A_YEAR.sub(" ", remainder))
        follow_up = (names_only or year_only) and ctx.last_query is not None
        if follow_up and ctx.last_query is not None:  # (follow_up implies it; said again for the type checker)
            query_text, kind, yes_no = ctx.last_query, ctx.last_qtype, ctx.yes_no
            if year_only:
                query_text = _A_YEAR.sub(" ", query_text)  # the year asked before is not asked now
            qualifier = qualifier or ctx.qualifier
        elif not subjects and kind in ("list", "how_many") and ctx.qualifier:
            qualifier = qualifier or ctx.qualifier  # "มีที่ไหนบ้าง" after a question about the first five
        context = [] if subjects else list(ctx.subjects)
        cue = off_topic
        if cue is None and self.vocabulary is not None:
            # A word no fact uses ("พนักงาน", "password"): the question is about something the bot lacks.
            cue = next(iter(self.vocabulary.unknown(tokenize(query_text), snap.known_words)), None)
        if ent.places and not ent.cities:
            # "ยะลาเก่งด้านไหน": a province with one certified area is a question about that area.
            place = snap.kb.places[ent.places[0]]
            only = snap.kb.cities_in(place.province or place.id)
            if len(only) == 1 and not is_about_certification(query_text, listing=True):
                subjects = [only[0].id, *subjects][:MAX_SUBJECTS_PER_ANSWER]
                context = []
        listed = [c for c in ctx.subjects if c in snap.kb.cities]
        if not subjects and len(listed) >= 2 and _WHICH_OF.search(u.normalized):
            # "which of those is in Bangkok", "อันไหนทำแค่ 3 ด้าน": the items of the last answer, each asked.
            picked = self._which_of(turn, listed, query_text, kind)
            if picked is not None:
                return (self._reply(turn, picked, 1.0),
                        self._remember(turn, picked, query_text, kind, yes_no, qualifier), None)
        computed = None if cue else self._computed(turn, subjects, yes_no, qualifier, query_text, kind)
        if computed is not None:
            return (self._reply(turn, computed, 1.0),
                    self._remember(turn, computed, query_text, kind, yes_no, qualifier), None)
        # "แล้วภูเก็ตล่ะ" asks the same kind of question as before: the last answer's intent, not the
        # classifier's reading of a bare name.
        intents = {ctx.last_intent: 1.0} if follow_up and ctx.last_intent else dict(u.ranking)
        years = _years_asked(u.normalized, ent.numbers)
        told = snap.facts[ctx.last_fact].date if ctx.last_fact in snap.facts else None
        if not years and told and _BACK_THEN.search(u.normalized):
            years = frozenset({int(told[:4])})  # "who chaired it back then": the year of what was just told
        cities = [s for s in subjects if s in snap.kb.cities]
        general = [x for x in subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")]  # "smart city", "the 7 Smarts"
        if ent.places and not cities and len(general) == len(subjects) and is_about_certification(query_text,
                                                                                                    listing=True):
            answer = snap.composer.fallback(reply_lang, [], place=ent.places[0])
            return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
        comparing = asks_to_compare(u.normalized, yes_no)
        if comparing and not cities and not follow_up and len(listed) >= 2:
            cities = listed[:2]  # "ใครคะแนนดีกว่ากัน" right after two cities: the question compares them
        if len(cities) > 1:
            pairs: list[tuple[str, Fact]] = []
            hits: list[str] = []  # each city's verdict, for a yes/no question
            each = None if comparing else kind  # ("which scored higher" asks for a figure, not a person)
            for s in cities:
                if kind == "compare" and is_bare_follow_up(_COMPARE.sub(" ", query_text)):
                    overview = [f for f in snap.index.about(s) if f.intent == "city_overview"]
                    if overview:
                        pairs.append((s, overview[0]))
                        continue
                # (with what else the question names: "do both have a 7 Smarts plan" asks about the 7 Smarts)
                also = [x for x in subjects if x not in cities]
                hit = self._best(snap, Query(query_text, reply_lang, [s, *also], [], each, intents), cue, only=s)
                if hit is not None:
                    said = ""
                    if yes_no and not comparing:  # (a runner-up that settles it, as for one city)
                        hit, said = self._verdict(snap, Query(query_text, reply_lang, [s, *also], [], each, intents,
                                                              years), hit, u.normalized)
                    pairs.append((s, hit.fact))
                    hits.append(said)
            if len(pairs) > 1:
                lead = self._comparison(snap, u.normalized, pairs, reply_lang, yes_no)
                if yes_no and not lead and len(hits) == len(pairs):
                    # "แม่เมาะได้ 7 ด้านเหมือนภูเก็ตใช่ไหม": a claim about the first city named, which its own
                    # fact settles; a yes needs every city's fact to say yes.
                    lead = hits[0] if hits[0] in ("ไม่ใช่ครับ", "No.") or len(set(hits)) == 1 else ""
                answer = snap.composer.per_subject(pairs, reply_lang, lead=lead)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, query_text, kind, yes_no, qualifier), None)
        # "by when?" right after an answer: the words say nothing about what, so they must not pick a fact
        # that happens to share "when"; the conversation and the question type decide.
        asking_only = not subjects and bool(context) and not follow_up and is_only_asking(query_text)
        person = None
        if kind == "who" and not subjects and not follow_up and ctx.last_fact in snap.facts:
            # "ใครเป็นคนอธิบาย" after an answer about one person's words: that person is meant, unless the
            # question's words clearly ask for someone else ("ใครเป็นเลขาฯ" after the chair).
            people = [x for x in snap.facts[ctx.last_fact].about
                      if x in snap.kb.entities and snap.kb.entities[x].kind == "person" and x in context]
            person = people[0] if len(people) == 1 else None
        hit = self._best(snap, Query("" if asking_only else query_text, reply_lang, subjects, context, kind,
                                     intents, years, None if subjects or year_only else ctx.last_fact), cue)
        if person is not None and (hit is None or (person not in hit.fact.about and hit.words < PERSON_MIN_WORDS)):
            hit = next((h for h in snap.index.search(Query(query_text, reply_lang, [person], [], kind, intents), 3)
                        if person in h.fact.about), hit)
        # "the Khon Kaen light rail": the project is the subject, the city only says which one.
        focus = [s for s in subjects if not (s in snap.kb.cities and any(
            s in snap.kb.entities[e].areas for e in subjects if e in snap.kb.entities))]
        # (A question that is nearly one of a fact's own phrasings is that fact's: "แทรมน้อยคือไร" is Tram Noy's
        # own fact, not the light rail's overview.)
        defining = len(focus) == 1 and is_definition(remainder) and not follow_up and not (
            hit is not None and hit.words >= OWN_PHRASING and focus[0] in hit.fact.about)
        if defining or (hit is None and names_only and len(focus) == 1 and ctx.last_query is None):
            # "KKTS ทำอะไร", "what are the 7 Smarts", or just a name: what the bot knows about it, first.
            overview_fact = snap.index.overview(focus[0])
            if overview_fact is not None:
                answer = snap.composer.fact(overview_fact, reply_lang, kind, subjects=subjects)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, "" if names_only else query_text, kind, False, qualifier), None)
        if hit is None:
            named = subjects or [c for c in (ctx.subjects if not ent.places else []) if c in snap.kb.cities][:1]
            answer = snap.composer.fallback(reply_lang, named)
            reply = self._reply(turn, answer, u.confidence)
            # What was named stays the subject ("ขอนแก่นมีโรงแรมไหม" → "เป้าหมายเค้าคือไร" is still Khon Kaen), and
            # "แล้วภูเก็ตล่ะ" asks this question again, not the last one answered.
            kept = replace(ctx, lang=reply_lang, last_query=query_text, last_qtype=kind, yes_no=yes_no,
                           last_fact=None, last_intent=None,
                           subjects=list(dict.fromkeys([*subjects, *ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER])
            return reply, kept, "fallback"
        if hit.ambiguous:
            # "อยู่จังหวัดไหน" with nothing to go on: ask which city, then answer the question for it.
            reply = Reply(text=say("clarify_city", reply_lang), lang=reply_lang, intent=hit.fact.intent,
                          confidence=turn.u.confidence, entities=ent.as_dict(),
                          quick_replies=[c.short_name.get(reply_lang) for c in snap.kb.pilot_cities()])
            return reply, Context(lang=reply_lang, last_query=query_text, last_qtype=kind, yes_no=yes_no,
                                  qualifier=qualifier), None
        lead = ""
        if yes_no:
            hit, lead = self._verdict(snap, Query(query_text, reply_lang, subjects, context, kind, intents, years),
                                      hit, u.normalized)
        # "การประชุม 2/2564 จัดวันไหน": the fact that answers says the sources do not give the date. The bot says
        # so, with what is known, and staff get the question (an honest fallback, not an answer).
        not_given = kind in hit.fact.unknown and not yes_no
        if not_given:
            lead = say("not_given", reply_lang)
        extra = [] if not_given else self._second_part(
            snap, Query(query_text, reply_lang, subjects, context, None, intents), hit, qt)
        answer = snap.composer.fact(hit.fact, reply_lang, kind, also=extra, lead=lead)
        answer.complete = not not_given
        # A follow-up that names nothing moves the thread to what its answer was about ("ใครเป็นประธาน" →
        # the meeting, so "จัดที่ไหน" asks where the meeting was), keeping the earlier subjects after it.
        first = subjects or [s for s in hit.fact.about if s not in snap.kb.cities] or context
        answer.subjects = list(dict.fromkeys([*first, *(subjects or context), *hit.fact.about]))[:MAX_SUBJECTS_PER_ANSWER]
        return (self._reply(turn, answer, round(min(1.0, hit.score), 4)),
                self._remember(turn, answer, query_text, kind, yes_no, qualifier), "fallback" if not_given else None)

    # -- steps -----------------------------------------------------------------------------------------
    def _best(self, snap: Snapshot, q: Query, cue: str | None, only: str | None = None) -> Hit | None:
        """The best fact for ``q`` if it passes the thresholds (and is about ``only``, when given)."""
        topic = self.vocabulary.distinctive(tokenize(q.text), snap.word_facts, len(snap.facts)) \
            if self.vocabulary is not None and q.text.strip() else []
        q.topic = tuple(topic)
        # "how many bts stops": what is counted, when few facts or none ever say it, must be in the answering fact
        rare_share = RARE_SHARE * len(snap.facts)
        counted = [w for w in counted_words(tokenize(q.text)) if len(w) >= 3 and snap.word_facts.get(w, 0) <= rare_share
                   and (self.vocabulary is None or w not in self.vocabulary.stop)] if q.qtype == "how_many" else []
        hits = snap.index.search(q, limit=3)
        named = q.subjects or q.context
        focus = named[0] if named else None
        passed_over = False
        for rank, hit in enumerate(hits):
            if only is not None and only not in hit.fact.about:
                continue
            if passed_over and focus is not None and focus not in hit.fact.about:
                return None  # the fare of the light rail is not known: not the bus's fare instead
            if not q.subjects and not q.context and not _ASKS_WHICH.search(q.text) \
                    and self._needs_a_city(snap, hit, hits[rank + 1:]):
                hit.ambiguous = True
            # A fact about every one of two or more things the question names ("แม่นบ่ว่าขอนแก่นเป็นเมือง 7 ด้าน"):
            # the names say what is asked even when the other words say little.
            named_all = len(q.subjects) >= 2 and hit.subjects >= S_MATCH + S_ALL - 1e-9
            if hit.score < self.thresholds.score or (hit.evidence < self.thresholds.evidence and not named_all):
                return None
            # An off-topic or unknown word ("โรงแรม", "weather", "พนักงาน") needs a close match in words, not just
            # a known name; and with no city named ("is hua hin certified?") it is never answered with some
            # city's fact.
            # ...unless the fact is about every one of two or more things the question names (then the word is
            # more likely a paraphrase: "สัมภาษณ์" of the person the depa-and-Khon-Kaen question is about).
            # (Two of three things named, "the logo", Wangchan Valley and PTT, are as telling.)
            named_two = len(set(q.subjects) & snap.index.about_sets[hit.fact.id]) >= 2
            # (A ranking matches "best", "top" in any question: "the best museum" is about no ranking.)
            if cue is not None and not named_all and not named_two and (hit.words < CUE_MIN_WORDS or (
                    not q.subjects and not q.context and set(hit.fact.about) & set(snap.kb.cities))
                    or hit.fact.intent == "rankings"):
                return None
            # (A question that is a fact's own phrasing is that fact's: it is not second-guessed. A staff entry
            # is, with its questions read as part of what it says: "ขอเบอร์โทรร้าน..." written for a shop's
            # phone number is no answer to "ขอเบอร์โทรดีป้า..." unless it gives a number.)
            staff = hit.fact.id in snap.index.staff
            if hit.words < OWN_PHRASING and (
                    why_not(q.text, hit.fact, q.qtype, years=q.years, staff=staff) is not None
                    # (a question about what is to come, "the next expo", is answered only by a fact about it)
                    or (not staff and counted and uncovered(counted, hit.fact) == counted)
                    or (not staff and topic and (hit.words < COVER_MIN_WORDS or asks_to_come(q.text))
                        and uncovered(topic, hit.fact) == topic
                        and not named_two)):  # (a fact about two of the things named is what is asked)
                passed_over = True
                continue  # near the question, but not holding what it asks for: the next one may
            return hit
        return None

    def _verdict(self, snap: Snapshot, q: Query, hit: Hit, question: str) -> tuple[Hit, str]:
        """The fact and the verdict for a yes/no question. A close runner-up about the same subjects that
        confirms what the user asks wins over a best fact that would deny it: "แผนขอนแก่นมี 7 ด้านใช่ไหม" is
        a yes (the 2021 plan covers the 7 Smarts), though the 2018 master plan has 6 pillars."""
        specific = {x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind != "concept"}
        lead = _lead(question, q.text, hit, q.lang, q.subjects, q.years, snap.known_words)
        if specific and not specific & snap.index.about_sets[hit.fact.id]:
            lead = ""  # a fact about none of the specific things asked about settles nothing about them
        if lead in ("ใช่ครับ", "Yes."):
            return hit, lead
        for other in snap.index.search(q, limit=4):
            if other.fact.id == hit.fact.id or other.score < hit.score - VERDICT_MARGIN \
                    or not set(other.fact.about) & set(hit.fact.about):
                continue
            other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
            if other_lead in ("ใช่ครับ", "Yes."):
                return other, other_lead
        if not lead:
            # The best fact settles nothing; a close runner-up about the specific thing named (not only the
            # general notion: "is the sandbox part of the certification?" is about the sandbox) that does, wins.
            for other in snap.index.search(q, limit=4):
                if other.fact.id == hit.fact.id or other.score < hit.score - SPECIFIC_VERDICT_MARGIN \
                        or not specific & set(other.fact.about) or specific & set(hit.fact.about):
                    continue
                other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
                if other_lead:
                    return other, other_lead
        return hit, lead

    @staticmethod
    def _the_counted(snap: Snapshot, last: Fact, n: str, lang: str) -> Fact | None:
        """The one fact about a subject of ``last`` that states the count ``n`` of a unit ``last`` counts ("3
        Smarts") and names the things counted; None when there is none, or more than one."""
        units = {u for num, u in counted(f"{last.answer.th} {last.answer.en}") if num == n}
        if not units:
            return None
        found = {f.id: f for x in last.about if x in snap.kb.cities or x in snap.kb.entities
                 for f in snap.index.about(x) if f.id != last.id
                 and {(n, u) for u in units} & counted(f.answer.get(lang)) and names_a_list(f.answer.get(lang))}
        # the most specific: the fact about one city names that city's three, a fact about all five less plainly
        ranked = sorted(found.values(), key=lambda f: len(set(f.about) & set(snap.kb.cities)))
        if not ranked or (len(ranked) > 1 and len(set(ranked[0].about) & set(snap.kb.cities)) == len(
                set(ranked[1].about) & set(snap.kb.cities))):
            return None
        return ranked[0]

    @staticmethod
    def _dimensions_named(snap: Snapshot, fact: Fact) -> set[str]:
        """The 7 Smarts a fact's answer names, by any of their names ("เศรษฐกิจ", "mobility", "Smart Energy")."""
        text = f"{fact.answer.th} {fact.answer.en}".casefold()
        named = set()
        for d in snap.kb.dimensions.values():
            forms = {d.name.th.replace("อัจฉริยะ", ""), d.name.en.casefold().replace("smart ", ""),
                     *(a.casefold().replace("smart ", "").replace("ด้าน", "") for a in d.aliases)}
            if any(len(f.strip()) >= 4 and f.strip() in text for f in forms):
                named.add(d.id)
        return named

    @staticmethod
    def _comparison(snap: Snapshot, question: str, pairs: list[tuple[str, Fact]], lang: str, yes_no: bool) -> str:
        """The verdict before two subjects' facts when the question compares them ("did X score higher than
        Y?" → "Yes."; "which scored higher" → "X is higher: 76.78% against 53.81%."), else ""."""
        if len(pairs) != 2 or not asks_to_compare(question, yes_no):
            return ""
        answers = [f.answer.get(lang) for _, f in pairs]
        best = winner(question, answers)
        values = figures(answers)
        if best is None or values is None:
            return ""
        if yes_no:
            return ("ใช่ครับ" if lang == "th" else "Yes.") if best == 0 else ("ไม่ใช่ครับ" if lang == "th" else "No.")
        name = snap.composer.name(pairs[best][0], lang)
        unit = "%" if "%" in answers[0] and "%" in answers[1] else ""
        mine, theirs = (f"{v:g}{unit}" for v in (values[best], values[1 - best]))
        if lang == "th":
            return f"{name}{'สูงกว่า' if direction(question) > 0 else 'ต่ำกว่า'} ({mine} ต่อ {theirs}) ครับ"
        return f"{name}, with {mine} against {theirs}."

    def _second_part(self, snap: Snapshot, q: Query, hit: Hit, qt) -> list:
        """For a question that asks two things ("จัดวันไหน ใครเป็นประธาน"), the fact that answers the second
        when the first fact does not."""
        extra = []
        for kind in qt.kinds[1:2]:
            if kind in snap.index.holds[hit.fact.id] or hit.fact.aspect == kind:
                continue
            q.qtype = kind
            for other in snap.index.search(q, limit=3):
                if other.fact.id != hit.fact.id and other.aspect > 0 and other.score >= self.thresholds.score \
                        and (set(other.fact.about) & set(hit.fact.about) or not hit.fact.about):
                    extra.append(other.fact)
                    break
        return extra

    @staticmethod
    def _needs_a_city(snap: Snapshot, hit: Hit, rest: list[Hit]) -> bool:
        """A question that names no city, answered best by a fact about one city while another city's fact
        fits as well (or the words barely fit): the bot must ask which city, not pick one."""
        areas = set(snap.kb.cities)
        mine = set(hit.fact.about) & areas
        if not mine:
            return False
        rival = any(set(h.fact.about) & areas and not set(h.fact.about) & mine and h.score >= hit.score - 0.1
                    for h in rest)
        return rival or hit.words < 0.35

    def _computed(self, turn: _Turn, subjects: list[str], yes_no: bool, qualifier: str | None,
                  query_text: str, kind: str | None) -> Answer | None:
        """Answers worked out from structured data: yes/no about the first five or a certification,
        a city's province, and which certified areas a province has."""
        snap, lang, ent = turn.snap, turn.lang, turn.u.entities
        kb, composer = snap.kb, snap.composer
        cities = [s for s in subjects if s in kb.cities]
        asked = f"{turn.u.normalized} {query_text}"  # names are gone from query_text; "ตราเมืองอัจฉริยะ" is one
        # Only about being certified: "โคราชเป็นเมืองอัจฉริยะไหม", not "ฉะเชิงเทราติดอันดับเมืองอัจฉริยะมั้ย".
        # The question is the last sentence: "going to phuket next month. is it certified?"
        last = _SENTENCE_END.split(query_text.strip())[-1]
        # "is phuket an official smart city or is that just marketing lol": the alternative asks the same.
        first_part = _OR_ELSE.split(last)[0]
        certified_q = any(w in asked for w in _CERTIFIED) and (is_about_certification(last)
                                                               or is_about_certification(first_part))
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
        where_q = any(w in asked for w in ("อยู่", "จังหวัด", " in ", "province", "located"))
        if qualifier == "first_five" and not cities and not yes_no and not ent.places and \
                kind in (None, "list", "how_many"):
            pilots = kb.pilot_cities()
            names = ", ".join(c.name.get(lang) for c in pilots)
            when = format_date(pilots[0].certified.date, lang)
            # (the approval of the five comes first: "when was that", "who chaired it" ask about that event)
            event = [snap.facts[i] for i in snap.index.events_on.get(pilots[0].certified.date, [])][:1]
            return composer.computed(f"เมืองนำร่อง 5 เมืองแรกที่ได้รับการรับรองเมื่อ {when} ได้แก่ {names}",
                                     f"The first five pilot cities, certified on {when}, are {names}.", lang,
                                     [*event, *self._certified_facts(snap, pilots[0].id)],
                                     [*(x for e in event for x in e.about if x not in kb.cities
                                        and x in kb.entities and kb.entities[x].kind == "event"),
                                      *(c.id for c in pilots)])
        other_places = [p for p in ent.places if p not in ent.city_named_places]
        if yes_no and qualifier == "first_five" and not cities and other_places:
            # "was chiang mai among the 5 pilot cities?": a province, not an area; any pilot area in it?
            place = kb.places[other_places[0]]
            pname = place.th if lang == "th" else place.en
            pilots = kb.pilot_cities()
            there = [c for c in pilots if c.province in (place.province or place.id, place.id)]
            when = format_date(pilots[0].certified.date, lang)
            facts = self._certified_facts(snap, (there or pilots)[0].id)
            if there:
                names = ", ".join(c.name.get(lang) for c in there)
                return composer.computed(f"ใช่ครับ {names} ใน{pname} เป็น 1 ใน 5 เมืองนำร่องที่ได้รับการรับรองเมื่อ {when}",
                                         f"Yes. {names} in {pname} is one of the first five pilot cities, "
                                         f"certified on {when}.", lang, facts, [c.id for c in there])
            names = ", ".join(c.name.get(lang) for c in pilots)
            return composer.computed(f"ไม่ใช่ครับ 5 เมืองนำร่องชุดแรก ({when}) ไม่มีพื้นที่ใน{pname} ได้แก่ {names}",
                                     f"No. None of the first five pilot cities ({when}) is in {pname}; they are "
                                     f"{names}.", lang, facts, [c.id for c in pilots])
        if yes_no and cities and other_places and where_q:
            city, place = kb.cities[cities[0]], kb.places[other_places[0]]
            where = composer.province_phrase(city, lang)
            inside = place.id == city.province or place.province == city.province
            lead_th, lead_en = ("ใช่ครับ", "Yes.") if inside else ("ไม่ใช่ครับ", "No.")
            return composer.computed(f"{lead_th} {city.name.th}อยู่ใน{where}", f"{lead_en} {city.name.en} is in {where}.",
                                     lang, [f for f in snap.index.about(city.id) if f.aspect == "where"][:1],
                                     [city.id])
        # "Is EGAT's project in Lampang certified?": an organisation of that city does not change the question.
        specific = [e for e in ent.entities if e in kb.entities and kb.entities[e].kind != "concept"
                    and not set(kb.entities[e].areas) & set(cities)]
        if yes_no and cities and certified_q and not specific and kind is None:
            city = kb.cities[cities[0]]
            when = format_date(city.certified.date, lang)
            years = _years_asked(turn.u.normalized, ent.numbers)
            if years and int(city.certified.date[:4]) not in years:  # "ขอนแก่นได้รับรองปี 2563 ใช่ไหม"
                return composer.computed(f"ไม่ใช่ครับ {city.name.th}ได้รับการรับรองเป็นเมืองอัจฉริยะเมื่อ {when}",
                                         f"No. {city.name.en} was certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            return composer.computed(f"ใช่ครับ {city.name.th}ได้รับการรับรองเป็นเมืองอัจฉริยะ (ได้รับตราสัญลักษณ์) เมื่อ {when}",
                                     f"Yes. {city.name.en} is a certified smart city; it received the logo on {when}.",
                                     lang, self._certified_facts(snap, city.id), [city.id])
        if ent.places and not cities and (certified_q or is_about_certification(query_text, listing=True)) \
                and not [x for x in subjects if x in kb.cities]:
            place = kb.places[ent.places[0]]
            province = place.province or place.id
            found = kb.cities_in(province)
            pname = place.th if lang == "th" else place.en
            if not found:
                # Not among the areas the bot knows by name, but a fact may report it ("Krabi and Pattani are
                # reported among the new locations"): that report, said as a report.
                return self._reported(snap, place, lang, yes_no)
            names = ", ".join(c.name.get(lang) for c in found)
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes. " if yes_no else ""
            return composer.computed(f"{lead_th}พื้นที่ใน{pname}ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ: {names}",
                                     f"{lead_en}Certified smart city areas in {pname}: {names}.", lang,
                                     [f for c in found for f in self._certified_facts(snap, c.id)][:2],
                                     [c.id for c in found])
        return None

    def _which_of(self, turn: _Turn, listed: list[str], query_text: str, kind: str | None) -> Answer | None:
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
            names = ", ".join(kb.cities[c].name.get(lang) for c in inside)
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

    @staticmethod
    def _reported(snap: Snapshot, place, lang: str, yes_no: bool) -> Answer | None:
        """A certification list fact whose text names ``place`` though no known area is in it, or None."""
        for fact in snap.index.mentioning((place.th, place.en), intent="list_cities"):
            text = f"{fact.answer.get(lang)} {fact.detail.get(lang) if fact.detail else ''}"
            said = next((s.strip() for s in re.split(r"(?<=[.;])\s+" if lang == "en" else r"\s+", text)
                         if (place.th if lang == "th" else place.en).casefold() in s.casefold()), None)
            if said is None:
                continue
            said = said.rstrip(";.")
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes, reportedly: " if yes_no else ""
            return snap.composer.computed(f"{lead_th}{said}\n{fact.answer.th}", f"{lead_en}{said}.\n{fact.answer.en}",
                                          lang, [fact], list(fact.about))
        return None

    @staticmethod
    def _certified_facts(snap: Snapshot, city: str) -> list:
        return [f for f in snap.index.about(city) if f.intent == "city_date"][:1]

    def _remember(self, turn: _Turn, answer: Answer, query: str | None, qtype: str | None,
                  yes_no: bool = False, qualifier: str | None = None) -> Context:
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
        subjects = list(dict.fromkeys([*named, *answer.subjects])) or turn.ctx.subjects
        city = next((s for s in subjects if s in turn.snap.kb.cities), None)
        return Context(last_city=city or turn.ctx.last_city, last_intent=answer.intent, lang=turn.lang,
                       subjects=list(subjects), last_fact=answer.fact, last_query=query, last_qtype=qtype,
                       qualifier=qualifier, yes_no=yes_no)

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
