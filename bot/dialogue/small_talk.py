"""Small talk (greetings, thanks, help) and what a smart city is."""

# The methods below take self: Dialogue (the class that inherits them all), which mypy accepts only
# with this check off (it wants a supertype of the mixin there, or a Protocol).
# mypy: disable-error-code="misc"
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from intents.features import tokenize
from intents.normalize import normalize
from intents.question import is_definition
from intents.training_data import load_training_data
from knowledge.catalogue import SMALL_TALK
from knowledge.schema import Fact

from ..messages import say

from .reading import (_NOW_ONLY, _REFERS_BACK, _asks_before, _asks_after, _asks_the_list, _SMART_CITY_CONCEPT,
                      _ACK_WORDS, _ACK_TOO)
from .turn import _Turn, _Asked, _Result

if TYPE_CHECKING:
    from . import Dialogue


@lru_cache(maxsize=1)
def _small_talk_words() -> frozenset[str]:
    """Every word the examples of greetings, thanks, goodbyes and requests for help use."""
    return frozenset(t for ex in load_training_data().examples if ex.intent in SMALL_TALK
                     for t in tokenize(normalize(ex.text)))


def _unlike_small_talk(text: str) -> bool:
    """Whether a message has a word no greeting, thanks, goodbye or request for help uses ("second?",
    "opening?", "still running?"): read as small talk only for want of a better reading."""
    # (English words only: Thai is cut into words by a dictionary, and a chat word it lacks, "โอเคขอบใจ", would
    # read as unknown)
    return any(t not in _small_talk_words() for t in tokenize(text) if t.isascii() and any(c.isalpha() for c in t))


# "ชื่ออะไร", "ชื่อเต็มว่าอะไร", "what is it called": the name of what the question points at.
# "what is a smart city": the notion itself, which the programme's certification defines (knowledge/data concept).
_SMART_CITY_WORDS = re.compile(r"smart ?cit(?:y|ies)|เมืองอัจฉริยะ|สมาร์ท ?ซิตี้|สมาท ?ซิตี้")
_ARTICLES = re.compile(r"\b(?:a|an)\b")

# A question about the bot itself ("who are you", "บอทชื่ออะไร"): small talk, though it asks who or what.
_ABOUT_THE_BOT = re.compile(r"\b(who|what) (are|r) (you|u)\b|\byour name\b|\bwho (made|built|created) (you|u)\b|"
                            # "hey, how are you?", "ฮัลโหล มีใครอยู่มั้ย": a greeting, though it asks how or whether
                            r"\bhow (are|r) (you|u|ya)\b|\bhow'?s it going\b|สบายดี(ไหม|มั้ย|มั๊ย|ป่ะ|รึเปล่า)|มีใครอยู่|"
                            r"\bare (you|u) (a )?(bot|robot|human|real|person)\b|"
                            r"(บอท|คุณ|เธอ)(ตัวนี้|ตัวนี่|นี้|นี่|เนี่ย|เนี้ย)?\s*(มี)?(ชื่อ(อะไร|ไร|ว่า)|เป็นใคร|คือใคร|เป็นคนหรือ"
                            r"|เป็นคนจริง|(ใคร|ที่ไหน|หน่วยงานไหน)(ทำ|สร้าง|พัฒนา|ดูแล))", re.I)


# A message that opens with thanks ("thanks, that helps", "ขอบคุณค่ะ เข้าใจแล้ว").
_THANKS_FIRST = re.compile(r"^\s*(?:ok(?:ay)?,? |โอเค\s*)?(?:thanks|thank you|thx|ty\b|cheers|ขอบคุณ|ขอบใจ|ขอบคุน|ขอบคุง|"
                           # praise: "บอทเก่งจัง", "good bot", "you're awesome"
                           r"(?:น้อง)?บอท(?:นี้|นี่)?เก่ง|เก่ง(?:จัง|มาก)|(?:good|great|nice|smart) bot\b|"
                           r"(?:you'?re|you are|u r) (?:great|awesome|amazing|smart|helpful)\b)")


# Asking which languages the bot speaks: "can you speak thai", "do you understand english", "พูดไทยได้ไหม".
_LANGUAGES_ASKED = re.compile(r"\b(speak|understand|reply|answer|talk|chat|write|respond)\w*\b.{0,20}\b(thai|english)\b|"
                              r"\b(thai|english)\b.{0,6}\b(ok|okay|possible|fine)\b|"
                              r"(พูด|คุย|ตอบ|พิมพ์|เข้าใจ)\S{0,8}(ภาษา)?(ไทย|อังกฤษ|อิงลิช)\S{0,6}(ได้|ไหม|มั้ย|ป่ะ|เปล่า)|"
                              r"(ภาษาอังกฤษ|ภาษาไทย|english)\s*ได้(ไหม|มั้ย|ป่ะ|เปล่า|บ่)|"
                              # "ขอเป็นภาษาไทย", "in english please", "english pls"
                              r"(ขอ|เป็น)\s*ภาษา\s*(ไทย|อังกฤษ)|^\s*(in\s+)?(thai|english)(\s+(please|pls|plz))?[\s?!.]*$|"
                              r"\bin (thai|english),? (please|pls|plz)\b", re.I)
_ENGLISH_NAMED = re.compile(r"english|อังกฤษ|อิงลิช", re.I)


class SmallTalkSteps:
    """Dialogue's methods for this job: small talk (greetings, thanks, help) and what a smart city is."""

    def _smart_city_defined(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """"What is a smart city?", "เมืองอัจฉริยะคืออะไร": what a certified smart city is (the programme's own
        notion; no official one-line definition exists), not whichever "X คืออะไร" fact fits the asking words."""
        u = turn.u
        if a.subjects or a.ent.places or not _SMART_CITY_WORDS.search(u.normalized) \
                or not is_definition(_ARTICLES.sub(" ", u.normalized)):
            return None
        fact = turn.snap.index.overview(_SMART_CITY_CONCEPT)
        if fact is None:
            return None
        answer = turn.snap.composer.fact(fact, turn.lang, a.kind)
        return (self._reply(turn, answer, u.confidence),
                self._remember(turn, answer, a.remainder, a.kind, False, a.qualifier), None)

    def _small_talk(self: Dialogue, turn: _Turn, a: _Asked) -> _Result | None:
        """Greetings and thanks, unless the message continues the conversation or asks something."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # (A greeting with an off-topic word, "hi, weather today?", asks about the weather: not small talk.)
        a.off_topic = self.nlu.cues.find(u.normalized)
        small_talk = not a.off_topic and (u.intent in SMALL_TALK or (u.top_intent in SMALL_TALK and not a.qt.yes_no and (
            u.confidence >= 0.6 or (a.short and u.confidence >= 0.35))))
        # In a conversation, a pronoun or a yes/no question ("เยอะกว่ามาตรฐานป่ะ") continues it: not small talk.
        # So does "before that", "ก่อนนั้นอีก", "any more later on": a step in time from what was just said.
        refers_back = bool(ctx.subjects) and bool(_REFERS_BACK.search(u.normalized) or a.qt.yes_no or (
            ctx.last_fact and (_asks_before(u.normalized) or _asks_after(u.normalized)))) or (
            # "ตำบลอะไรนะ" right after an answer that names the subdistrict: a question about that answer
            turn.told is not None and a.short and self._all_told(turn.told, u.normalized)) or (
            # "มีไรบ้าง" right after an answer: which ones it counted, not a request for help
            turn.told is not None and _asks_the_list(u.normalized)) or (
            # "second?", "opening?" right after an answer, read as small talk without much confidence: a fragment
            # of a question about that answer
            turn.told is not None and a.short and u.confidence < 0.9 and _unlike_small_talk(u.normalized)) or (
            # "and now?" right after an answer: the same question of today
            turn.told is not None and bool(_NOW_ONLY.match(u.normalized.strip())))
        about_the_bot = bool(_ABOUT_THE_BOT.search(u.normalized))
        words = [w for w in tokenize(u.normalized.casefold()) if w.strip("!?.~,")]
        acknowledged = any(w in _ACK_WORDS for w in words) and all(w in _ACK_WORDS or w in _ACK_TOO for w in words) \
            and not a.qt.yes_no
        u_talk = None
        if _THANKS_FIRST.match(u.normalized) and not a.qt.kind and not a.qt.yes_no and not a.off_topic:
            # "thanks, that helps", "ขอบคุณครับ อันนี้ชัดเลย": thanks, though "that" / "อันนี้" refers back
            small_talk, u_talk, refers_back = True, "thanks", False
        elif acknowledged:
            # (every word only acknowledges, "ok noted thx": no fragment of a question, whatever the classifier read)
            small_talk, u_talk, refers_back = True, u_talk if small_talk else "thanks", False
        elif _LANGUAGES_ASKED.search(u.normalized) and not a.subjects and not a.ent.places:
            want = "en" if _ENGLISH_NAMED.search(u.normalized) else "th"
            if turn.told is not None and want != ctx.lang:
                # "answer in english please", "ขอเป็นภาษาไทย" right after an answer: that answer in the language asked
                again = _Turn(u, ctx, want, snap)
                answer = snap.composer.fact(turn.told, want)
                return (self._reply(again, answer, 1.0),
                        self._remember(again, answer, ctx.last_query, ctx.last_qtype), None)
            # "can you speak Thai?", "คุยภาษาอังกฤษได้ไหม": which languages it answers in (was the fallback)
            small_talk, u_talk, refers_back = True, "languages", False
        elif about_the_bot and not a.off_topic:
            # (who it is, whatever else the classifier read: "คุณคือใครอ่ะ" is no thanks)
            small_talk, u_talk = True, "help" if u.top_intent == "help" else "greet"
        if small_talk and not a.subjects and not a.ent.places and (not a.qt.kind or about_the_bot) and not refers_back:
            # Small talk read with low confidence may carry the intent "out_of_scope": reply as the small talk it
            # most likely is (its top intent), which has a phrase.
            talk = u_talk or (u.intent if u.intent in SMALL_TALK else u.top_intent)
            reply = self._simple(turn, "help" if talk == "languages" else talk, say(talk, reply_lang),
                                 snap.suggest.for_subject(ctx.subjects[0] if ctx.subjects else None, reply_lang))
            return reply, replace(ctx, lang=reply_lang), None
        return None

    def _all_told(self: Dialogue, told: Fact, query_text: str) -> bool:
        """Whether a message asks about at least one word of its own, and the answer just given says every one."""
        words = self._asked_words(query_text)
        text = told.answer_text().casefold()
        return bool(words) and all(w in text for w in words)
