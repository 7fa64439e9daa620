"""The dialogue: text plus the user's context in, a platform-neutral :class:`Reply` out.

States (see docs/dialogue.md for the diagram): *idle* (no context), *in a thread* (last city and intent
remembered for 30 minutes), *awaiting a city* (a city question came without a city; the next message that
names one answers it). Follow-ups ("แล้วภูเก็ตล่ะ", "and Samyan?") repeat the last question for the new
city; questions without a city ("อยู่จังหวัดไหน") use the last one.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable

from intents.nlu import NLU, OUT_OF_SCOPE, Understanding
from knowledge.answers import CITY_INTENTS, Answer, Answerer, Query

from . import metrics
from .context import Context, ContextStore
from .inbox import Inbox
from .messages import say
from .ratelimit import Limit, RateLimiter
from .reply import Reply

__all__ = ["Dialogue", "SMALL_TALK"]

log = logging.getLogger(__name__)

SMALL_TALK = frozenset({"greet", "thanks", "goodbye", "help"})
#: Intents that a follow-up naming another city can repeat.
REPEATABLE = CITY_INTENTS | {"is_certified", "city_why_now", "rankings"}
#: Intents that may take their city from the conversation when the message names none.
USES_LAST_CITY = CITY_INTENTS | {"is_certified", "city_why_now"}
MAX_CITIES_PER_ANSWER = 3


@dataclass
class _Turn:
    u: Understanding
    ctx: Context
    lang: str
    channel: str


class Dialogue:
    """Answers one message at a time; all state lives in the :class:`ContextStore`."""

    def __init__(self, nlu: NLU, answerer: Answerer, contexts: ContextStore, inbox: Inbox,
                 refresh: Callable[[], Answerer] | None = None, stats=None,
                 limiter: RateLimiter | None = None, user_limit: Limit | None = None):
        self.nlu = nlu
        self.answerer = answerer
        self.contexts = contexts
        self.inbox = inbox
        self._refresh = refresh  # returns the answerer for the latest staff edits
        self.stats = stats  # daily counters for the staff dashboard
        self.limiter = limiter
        self.user_limit = user_limit or Limit(10, 10)

    def respond(self, text: str, user_id: str | None = None, channel: str = "web",
                lang: str | None = None) -> Reply:
        """Answer ``text`` from ``user_id`` on ``channel``; ``lang`` forces the reply language.

        Over the per-user rate limit the reply has intent ``rate_limited``: a polite note the first time,
        then empty text (channels send nothing) until the window passes."""
        started = time.perf_counter()
        if user_id and self.limiter is not None and channel != "cli":
            count = self.limiter.hit(f"user:{channel}:{user_id}", self.user_limit)
            if count > self.user_limit.hits:
                metrics.RATE_LIMITED.labels(channel).inc()
                # One polite note when the limit is first passed, then silence until the window ends.
                lang = lang or self.contexts.load(channel, user_id).lang or "th"
                text = say("slow_down", lang) if count == self.user_limit.hits + 1 else ""
                return Reply(text=text, lang=lang, intent="rate_limited", confidence=1.0)
        ctx = self.contexts.load(channel, user_id) if user_id else Context()
        reply, new_ctx, unanswered = self.answer(text, ctx, channel, lang)
        if user_id and new_ctx is not None:
            self.contexts.save(channel, user_id, new_ctx)
        if unanswered:
            self.inbox.record(text, reply.lang, channel, reason=unanswered)
        if self.stats is not None:
            self.stats.record(channel, reply.intent, reply.fallback, reply.entities.get("city"))
        metrics.ANSWER_SECONDS.observe(time.perf_counter() - started)
        metrics.MESSAGES.labels(channel, reply.lang).inc()
        metrics.INTENTS.labels(channel, reply.intent).inc()
        if reply.fallback:
            metrics.FALLBACKS.labels(channel).inc()
        return reply

    def answer(self, text: str, ctx: Context, channel: str = "web",
               lang: str | None = None) -> tuple[Reply, Context | None, str | None]:
        """The reply, the context to remember, and why the question belongs in the unanswered inbox
        (``"fallback"``, ``"no-data"``) or None. No I/O beyond checking for staff edits."""
        if self._refresh is not None:
            self.answerer = self._refresh()
        u = self.nlu.parse(text)
        has_letters = any(ch.isalpha() for ch in u.normalized)
        reply_lang = lang if lang in ("th", "en") else (u.lang if has_letters else (ctx.lang or "th"))
        turn = _Turn(u, ctx, reply_lang, channel)
        if not u.normalized:
            return self._simple(turn, "empty", say("empty", reply_lang)), None, None
        staff = self.answerer.match_staff(u.normalized)
        if staff is not None:
            entry, score = staff
            answer = self.answerer.render_entry(entry, reply_lang)
            reply = Reply(text=answer.text, lang=reply_lang, intent=entry.intent, confidence=round(score, 4),
                          quick_replies=answer.quick_replies, sources=answer.sources,
                          entities={**u.entities.as_dict(), "entry": entry.id})
            return reply, Context(answer.city or ctx.last_city, entry.intent, reply_lang), None
        intent, cities, from_context = self._resolve(turn)
        if intent == OUT_OF_SCOPE:
            return self._fallback(turn), Context(ctx.last_city, ctx.last_intent, reply_lang), "fallback"
        if intent in SMALL_TALK:
            reply = self._simple(turn, intent, say(intent, reply_lang),
                                 self.answerer.suggestions(reply_lang, ctx.last_city))
            return reply, Context(ctx.last_city, ctx.last_intent, reply_lang), None
        answers = [a for a in (self.answerer.answer(self._query(turn, intent, c)) for c in cities) if a]
        if not cities:
            single = self.answerer.answer(self._query(turn, intent, None))
            answers = [single] if single else []
        if not answers:
            return self._clarify(turn, intent), Context(ctx.last_city, ctx.last_intent, reply_lang,
                                                        pending_intent=intent), None
        reply = self._combine(turn, intent, answers, cities, from_context)
        unanswered = None if all(a.complete for a in answers) else "no-data"
        last_city = next((a.city for a in answers if a.city), None) or ctx.last_city
        return reply, Context(last_city, intent, reply_lang), unanswered

    # -- steps -----------------------------------------------------------------------------------------
    def _resolve(self, turn: _Turn) -> tuple[str, list[str], bool]:
        """The intent to answer and the cities it is about, using the context where the message is short."""
        u, ctx = turn.u, turn.ctx
        ent = u.entities
        cities = ent.cities[:MAX_CITIES_PER_ANSWER]
        intent = u.intent
        # An answer to "which city?": the pending question, now for the named city.
        if ctx.pending_intent and cities and intent in (OUT_OF_SCOPE, "followup", "city_overview", "is_certified"):
            return ctx.pending_intent, cities, False
        if intent == "followup" or (intent == OUT_OF_SCOPE and u.top_intent == "followup"
                                    and (cities or ent.dimensions)):
            if ent.dimensions and not cities:
                return "seven_smarts", [], False
            if ctx.last_intent in REPEATABLE and (cities or ent.places):
                return ctx.last_intent, cities, False
            if cities:
                return "city_overview", cities, False
            if ent.places:
                return "find_city", [], False
            return OUT_OF_SCOPE, [], False
        # "Which smart cities are in Rayong?" reads like a list or a location question; the place makes
        # it a search.
        if intent in ("list_cities", "city_location") and not cities and (ent.places or ent.topics):
            return "find_city", [], False
        if intent in USES_LAST_CITY and not cities and not ent.places and ctx.last_city:
            return intent, [ctx.last_city], True
        return intent, cities, False

    def _query(self, turn: _Turn, intent: str, city: str | None) -> Query:
        ent = turn.u.entities
        return Query(intent=intent, lang=turn.lang, text=turn.u.normalized, cities=[city] if city else [],
                     places=list(ent.places), dimensions=list(ent.dimensions), topics=dict(ent.topics),
                     numbers=list(ent.numbers), yes_no=ent.yes_no, first_five=ent.first_five)

    def _combine(self, turn: _Turn, intent: str, answers: list[Answer], cities: list[str],
                 from_context: bool) -> Reply:
        text = "\n\n".join(a.text for a in answers)
        sources: list[str] = []
        for a in answers:
            sources.extend(s for s in a.sources if s not in sources)
        entities = turn.u.entities.as_dict()
        if cities:
            entities["city"] = cities[0]
            if len(cities) > 1:
                entities["cities"] = list(cities)
        if from_context:
            entities["city_from_context"] = True
        return Reply(text=text, lang=turn.lang, intent=intent, confidence=turn.u.confidence,
                     quick_replies=answers[0].quick_replies, sources=sources, entities=entities,
                     card=answers[0].card if len(answers) == 1 else None)

    def _simple(self, turn: _Turn, intent: str, text: str, quick_replies: list[str] | None = None) -> Reply:
        return Reply(text=text, lang=turn.lang, intent=intent, confidence=turn.u.confidence,
                     quick_replies=quick_replies or self.answerer.suggestions(turn.lang),
                     entities=turn.u.entities.as_dict())

    def _clarify(self, turn: _Turn, intent: str) -> Reply:
        return Reply(text=say("clarify_city", turn.lang), lang=turn.lang, intent=intent,
                     confidence=turn.u.confidence, quick_replies=self.answerer.city_buttons(turn.lang),
                     entities=turn.u.entities.as_dict())

    def _fallback(self, turn: _Turn) -> Reply:
        u, lang = turn.u, turn.lang
        city = u.entities.city
        if city:
            text = say("fallback_city", lang, city=self.answerer.city_name(city, lang, short=True))
        else:
            text = say("fallback", lang)
        return Reply(text=text, lang=lang, intent=OUT_OF_SCOPE, confidence=u.confidence, fallback=True,
                     quick_replies=self.answerer.suggestions(lang, city), entities=u.entities.as_dict())
