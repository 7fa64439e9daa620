"""Fact retrieval: which facts answer a question, and how sure the bot can be.

Every fact is scored on four signals, each visible in :class:`Hit` for tests and the staff try-it box:

- **words**: TF-IDF cosine between the question and the fact's example questions (best one) and its answer
  text, over English words and Thai character trigrams (Thai is unspaced; trigrams survive typos). Names are
  removed from both sides first, so the words say *what* is asked and the subjects say *about what*;
- **subjects**: the fact is about what the question names (or, for a follow-up without a name, what the
  conversation was about); a fact about something else is pushed down hard;
- **intent**: the intent classifier's probability for the fact's intent (a prior learnt from many phrasings);
- **aspect**: the question type (when, who, how much...) fits the fact's aspect.

A fact answers only when its evidence (words and intent, not the subject alone) and its total both pass
calibrated thresholds, so "ขอนแก่นมีโรงแรมอะไรบ้าง" names a known city but finds no fact, and falls back.
Staff entries are facts like any other: a saved entry is found by the same index at once. An entry staff
created may also carry the intents the classifier reads in its own questions (when staff chose no topic), and
it leads curated facts that fit no better by :data:`STAFF_LEAD`: staff write an entry because the curated
answer is not the one they want given.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

import numpy as np
from scipy import sparse

from .answerable import mentions
from .polarity import days_named, months_named
from .catalogue import QTYPE_ASPECTS
from .schema import Fact
from .script import has_latin

__all__ = ["Query", "Hit", "FactIndex", "Thresholds", "features"]

_LATIN_WORD = re.compile(r"[a-z0-9]+")
# What kind of answer a text holds, whatever its aspect: "how much will it cost" is answered by a plan
# fact that gives the cost.
_HOLDS = {
    "how_much": re.compile(r"บาท|baht|ดอลลาร์|us\$|\$\d|ทุน|capital|budget|งบประมาณ|มูลค่า|ค่าโดยสาร|fare", re.I),
    "when": re.compile(r"(?<!\d)(19|20|25)\d\d(?!\d)|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|"
                       r"สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|january|february|march|april|may|june|july|"
                       r"august|september|october|november|december", re.I),
    "how_many": re.compile(r"\d"),
    "where": re.compile(r"ตั้งอยู่|อยู่ที่|อยู่ใน|จังหวัด|อำเภอ|ทำเนียบ|อาคาร|โรงแรม|ศูนย์ประชุม|ห้องประชุม|\blocated\b|"
                        r"\bprovince\b|\bdistrict\b|\bheld (at|in)\b|\bGovernment House\b|\bbuilding\b|\bhotel\b",
                        re.I),
    "who": re.compile(r"นาย|นาง|พล\.|ดร\.|ผศ\.|รศ\.|รัฐมนตรี|นายกฯ|ประธาน|\b(Mr|Mrs|Ms|Gen|Dr|Prof)\.|\bMinister\b|"
                      r"\bPM\b|\bchair|\bpresid", re.I),
}
_THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
_EN_STOP = frozenset("a an the is are was were be been of in on at to for and or do does did it its this that what "
                     "which about me tell please can you i my your there their they with by as from".split())
# Polite particles and chat fillers carry no meaning for matching.
_TH_FILLER = re.compile(r"ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|นะ|อ่ะ|อะ|หน่อย|ป่ะ|ปะ|เหรอ|หรอ|ล่ะ|หละ|หล่ะ")
# Phrasings that ask the same thing, written one way before matching, on both sides (questions and facts):
# "จะเปิดใช้ปีไหน" is "จะเปิดให้บริการเมื่อไหร่", "what year does it start running" is "when does it open".
_SAME_MEANING_TH = [(re.compile(p, re.I), r) for p, r in [
    (r"ปีไหน|ปีอะไร|ปีใด|พ\.ศ\.ไหน|เมื่อไร|เมื่อใด|ตอนไหน|ช่วงไหน|เมื่อไหร่", " เมื่อไหร่ "),
    (r"เปิดให้บริการ|เปิดบริการ|เปิดใช้งาน|เปิดใช้|เปิดวิ่ง|เริ่มวิ่ง|เริ่มเดินรถ|เริ่มให้บริการ", " เปิดให้บริการ "),
    # the route asked: "วิ่งจากไหนไปไหน", "วิ่งสายไหน" / "มีเส้นทางยังไง"
    (r"(วิ่ง)?จาก(ไหน|ที่ไหน)(ไป|ถึง)(ไหน|ที่ไหน)|วิ่ง(สาย|เส้นทาง)(ไหน|อะไร)|เส้นทาง(ไหน|อะไร|ยังไง|อย่างไร)", " เส้นทาง "),
    # how long it lasts: "ตราอยู่ได้กี่ปี", "ใช้ได้นานแค่ไหน" / "มีอายุ 2 ปี"
    (r"(อยู่|ใช้|มีผล)ได้\s*(กี่ปี|นานเท่าไ(หร่|ร)|นานแค่ไหน|นานไหม|นานมั้ย)", " มีอายุกี่ปี "),
    # the kind asked: "แม่เมาะเป็นแบบไหน" / "เมืองอัจฉริยะประเภทไหน", "จัดเป็นประเภทเมืองเดิมน่าอยู่"
    (r"(?:เป็น)?(?:แบบ|ประเภท|ชนิด)(?:ไหน|ใด|อะไร|ไร)", " ประเภท "),
]]
# The English ones: each of their words has a Latin letter that only a Latin letter matches (even with
# IGNORECASE), so they are tried only on a text with one.
_SAME_MEANING_EN = [(re.compile(p, re.I), r) for p, r in [
    (r"\b(what|which) year\b|\bwhen\b", " when "),
    # "what's X all about" asks what X is, not about "all" of something ("covers all 7 Smarts")
    (r"\ball about\b", " about "),
    # the Latin plural of an index is its English one ("what indices does it publish" / "the TSCCI and SCPRI indexes")
    (r"\bindices\b|\bindexes\b", " index "),
    (r"\bcategor(y|ies)\b|\bkinds?\b|\bsorts?\b|\btypes?\b", " type "),
    # how long it lasts: "does it last forever", "is it permanent", "when does it expire" / "valid for 2 years"
    (r"\b(forever|permanent(ly)?|for good|expir(e|es|ed|y))\b|\bhow long (does|do|will|would)(\s+(it|they|the)(\s+\w+){0,3})?\s+last\b|"
     r"\blast(s)? how long\b", " valid "),
    (r"\b(start|starts|started|begin|begins|began) (running|operating|operations?|service)\b|"
     r"\bopen(s|ed|ing)?\b|\bin service\b|\boperational\b", " open "),
    # built and ready: "when is it done", "when will it be finished" / "planned to be ready in 2028"
    (r"\b(done|finished|complete|completed)\b", " ready "),  # (not "built": "how long will it be when built" is a length)
    # a size asked ("how big is it") is a size stated in rai or square kilometres
    (r"\bhow (big|large|wide)\b|\bwhat size\b|\bsize\b|\b(land )?area of\b|\brai\b|\bsq(uare)? ?(km|kilomet(re|er)s?)\b|"
     r"\bhectares?\b", " size "),
]]
_SAME_MEANING = [*_SAME_MEANING_TH, *_SAME_MEANING_EN]


# Nearly every question and fact says "smart city": the words say nothing about which fact is meant, and
# their many trigrams drown the few that do ("เป็นเมืองอัจฉริยะกี่ด้าน" is about "กี่ด้าน").
_DOMAIN = re.compile(r"เมืองอัจฉริยะ|สมาร์[ทต]\s*ซิตี้?|สมาทซิตี้|\bsmart\s*cit(y|ies)\b")


def features(text: str) -> Counter:
    """English words (a plural s dropped) and Thai character trigrams of normalised text."""
    text = _DOMAIN.sub(" ", text.casefold())
    for rx, same in _SAME_MEANING if has_latin(text) else _SAME_MEANING_TH:
        text = rx.sub(same, text)
    feats: Counter = Counter()
    for w in _LATIN_WORD.findall(text):
        if len(w) > 1 and w not in _EN_STOP:
            feats[f"w:{w[:-1] if len(w) > 3 and w.endswith('s') else w}"] += 1
    for run in _THAI_RUN.findall(_TH_FILLER.sub(" ", text)):
        if len(run) < 3:
            feats[f"t:{run}"] += 1
        feats.update(f"t:{run[i:i + 3]}" for i in range(len(run) - 2))
    return feats


# Facts' texts are indexed again after every staff edit (and for every draft tried): most are unchanged.
# The counters are shared, so the index only reads them.
_text_features = lru_cache(maxsize=65536)(features)


@dataclass
class Query:
    """What retrieval needs to know about a message (filled by the dialogue from the understanding)."""

    text: str  # normalised, with names removed
    lang: str
    subjects: list[str] = field(default_factory=list)  # named in the message
    context: list[str] = field(default_factory=list)  # from the conversation, when the message names none
    qtype: str | None = None
    intents: dict[str, float] = field(default_factory=dict)  # classifier probabilities
    years: frozenset[int] = frozenset()  # years (CE) the question names: "ปี 2563", "in 2025"
    last_fact: str | None = None  # the fact that answered the conversation's last question
    topic: tuple[str, ...] = ()  # the words few facts use that say what is asked about ("died", "festival")


@dataclass
class Hit:
    fact: Fact
    score: float
    words: float
    subjects: float
    intent: float
    aspect: float
    ambiguous: bool = False  # another subject's fact fits as well: the dialogue asks which one

    @property
    def evidence(self) -> float:
        """What the question says, apart from the names in it: its words, its intent, its type."""
        return self.words + self.intent + max(0.0, self.aspect)


#: Search results an index keeps: a message searches two to four times, and the questions asked most (quick
#: replies, first questions of a conversation) come again and again.
SEARCH_CACHE_SIZE = 2048
SEARCH_KEPT = 8  # the hits a search keeps at least, whatever the limit asked (callers ask for 1 to 8)


@dataclass(frozen=True)
class Thresholds:
    """Calibrated by ``smartcity-bot calibrate`` (README "How well it answers")."""

    score: float = 0.40
    evidence: float = 0.16


# Weights of the signals in the total.
W_WORDS, W_INTENT = 0.7, 0.3
S_MATCH, S_ALL, S_OTHER, S_GENERAL, S_CONTEXT, S_CONTEXT_OTHER, S_NONE = 0.3, 0.1, -0.6, -0.12, 0.2, -0.35, -0.25
S_ALL_SPECIFIC = 0.08  # more for a fact about every one of two or more specific things the question names
S_LAST = 0.2  # the fact that answered the last question, for a follow-up that names nothing new
S_NOT_PROJECT = 0.15  # the fact is about the city of the project the question names, not that project
S_UNNAMED_PROJECT = 0.15  # the fact is about a project of the area a when-question names alone, and says none of its words
SHORT_FOLLOW_UP = 24  # characters: a follow-up this short leans on the conversation for what it is about
OOS_FOLLOW_UP = 0.5  # the weight of an out-of-scope reading for a follow-up that names nothing
S_PART = 0.1  # the fact is about a part of the project the question names (Tram Noy of the light rail), not it
S_EXTRA_AREA = 0.2  # the fact is also about an area the question does not name ("Phuket Tinicon Valley")
MANY_AREAS = 2  # a fact about more areas than this is about all of them, not one city
S_RELATED = -0.1  # the fact is about the area of an organisation the question names, not the organisation itself
S_RELATED_TOLD = 0.1  # ...and mentions what the question is about (its distinctive words)
# The fact is first about a thing the question names ("what is the Smart City Thailand Office under": the
# office's own fact, not depa's indexes that it publishes): between facts that fit alike, the one on that thing.
S_PRIMARY = 0.004
S_OTHER_NOTION = 0.2  # the fact is about the place asked and the other of two alternative notions, not the one named
# Notions that are each other's alternative: a smart city's logo and a promotion zone's certificate are two statuses,
# and the TSCCI ranks the one as the SCPRI ranks the other.
ALTERNATIVE_NOTIONS = (frozenset({"smart-city-logo", "smart-city-promotion-zone"}), frozenset({"tscci", "scpri"}))
# A question that is (nearly) one of the fact's own phrasings: staff wrote it for exactly this question.
OWN_PHRASING, OWN_PHRASING_BONUS = 0.9, 0.25
# A staff-created entry whose subjects agree and whose own evidence would pass leads curated facts by this much.
STAFF_LEAD, STAFF_MIN_EVIDENCE = 0.15, 0.16
A_MATCH, A_MISMATCH = 0.12, -0.14
A_LIST_DATED = -0.07  # a fact that tells when or how much, for a question asking what the things are
A_YEAR = 0.2  # the fact is of the year the question names
A_DAY = 0.1  # the fact is of the day (and month) the question names
A_OTHER_MONTH = -0.2  # the fact is of another month than the one the question names ("the May 2021 meeting")
A_FIRST_OF_YEAR = -0.2  # the fact tells the first of a year ("its first meeting of 2019"), asked the first ever
EVENT_DAY_SHARE = 2 / 3  # an event took place on the day of at least this share of its dated facts
A_RECENT = 0.1  # for counts and lists without a year: the more recent, the better
ANSWER_WEIGHT = 0.8
MAX_WORD_CANDIDATES = 60  # facts scored in full: the best by words, plus those of the question's subjects
# Question types whose facts must fit: a "when" question is not answered by a "who" fact.
STRICT_TYPES = frozenset({"when", "who", "where", "how_much", "how_many"})


# a time named as a bound ("after May 2021", "ก่อนเดือนธันวาคม"), not the time of the event asked about
_AROUND_A_TIME = re.compile(r"\b(before|after|since|until|till|between|prior|later|earlier|following)\b|ก่อน|หลัง|ตั้งแต่|จนถึง|ระหว่าง",
                            re.I)
# "the first certification meeting", "รอบแรก": the first ever; "its first meeting of 2019", "ครั้งที่ 1/2562": the
# first of a year only
# whether something is one of a counted list: "one of the 7 pilot areas", "7 พื้นที่นำร่องมี ... ด้วยไหม"
_MEMBER_ASKED = re.compile(r"\bamong\b|\bone of\b|\bincluded\b|หนึ่งใน|(?<![\d.])1\s*ใน|อยู่ใน|มี\s*ด้วย", re.I)
_COUNT_SAID = re.compile(r"(?<![\d.])(?!1(?!\d))\d{1,2}(?![\d.])|\b(two|three|four|five|six|seven|eight|nine|ten)\b|"
                         r"สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด", re.I)
_LOGO_ASKED = re.compile(r"ตรา|รับรอง|\blogos?\b|\bcertifi", re.I)  # (the logo given, not "ตราด": a name is removed)
_FIRST_ASKED = re.compile(r"\bfirst\b|ครั้งแรก|รอบแรก|แรกสุด")
_FIRST_OF_YEAR = re.compile(r"\bfirst \w+ of (19|20)\d\d\b|ครั้งแรกของปี|ครั้งที่ 1/25\d\d")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d|25\d\d)(?!\d)")
# a choice between two things: "a livable city or a new city", "เมืองเดิมหรือเมืองใหม่" (not "หรือไม่", "หรือเปล่า")
_EITHER_OR = re.compile(r"\bor\b|หรือ(?!ไม่|เปล่า|ป่าว|ปล่าว)", re.I)
# A question about a ranking at all ("the best month to see the flowers" is not).
# (Split in two: the English words are tried only on text with a Latin letter, as _SAME_MEANING_EN.)
_RANKING_Q_TH = re.compile(r"คะแนน|อันดับ|ดัชนี|ที่\s*\d|นำ(?!ร่อง)|เก่ง|ชนะ")
_RANKING_Q_EN = re.compile(r"rank|index|score|\bled\b|\blead|\btop\b|\bwon\b|\bwin", re.I)
# "ตอนแรกตั้งเป้าไว้กี่เมือง", "originally": the earliest figure, not the latest.
_EARLIEST_TH = re.compile(r"ตอนแรก|แรกเริ่ม|เริ่มแรก|ตอนเริ่ม|ในตอนต้น|เดิมที|ครั้งแรก")
_LATEST_TH = re.compile(r"ล่าสุด|ปัจจุบัน|ตอนนี้|ขณะนี้|ทุกวันนี้")
_LATEST_EN = re.compile(r"\b(latest|now|current(ly)?|to date|so far|as of today|most recent)\b", re.I)
LATEST_WEIGHT = 3.0  # how much more the recency of a count counts when the question asks for the latest
_EARLIEST_EN = re.compile(r"\boriginal(ly)?\b|\bat first\b|\binitial(ly)?\b|\bfirst target\b", re.I)
A_RANK = 0.15  # the fact states the place the question asks about (first, 2nd, "อันดับ 3")
# The fact mentions a word few facts use that the question asks about ("how many died" / "47 tourists died"):
# what a long answer says counts, though the question's frame ("how many people") matches short phrasings better.
A_TOPIC = 0.1
A_TOPIC_ALL = 0.05  # ...and more when it mentions every one of two or more such words
A_OTHER_RANK = -0.15  # a ranking fact that states only other places than the one asked
# A ranking's category: the TSCCI ranks province-based and city-based smart cities separately, so "ที่ 2 ใคร"
# after a province's first place asks about the province-based second, unless the question names a category.
_CATEGORIES = {
    "province": re.compile(r"province-based|ประเภทจังหวัด|ระดับจังหวัด|province level", re.I),
    "city": re.compile(r"city-based|ประเภทเมือง|ระดับเมือง|city level", re.I),
}
A_CATEGORY = 0.1  # a ranking fact of the category of the ranking just given
RANKER_SHARE = 0.6  # a subject this share of whose facts are rankings is an index (the TSCCI)
_WHICH_PLACE = re.compile(r"\bwhich (city|cities|area|one)\b|\bwho\b|เมืองไหน|เมืองใด|ที่ไหน|พื้นที่ไหน|พื้นที่ใด|ใคร")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "1st": 1, "2nd": 2, "3rd": 3, "หนึ่ง": 1, "สอง": 2, "สาม": 3}
_ASKED_RANK = re.compile(r"(?:อันดับ|ที่)\s*(\d|หนึ่ง|สอง|สาม)(?!\d)|\b(1st|2nd|3rd|first|second|third)\b|"
                         r"\b(best|highest|top|number one|won|led|leads?)\b|(สูงสุด|ดีที่สุด|เก่งสุด|ดีสุด|นำ(?!ร่อง)|ชนะ)", re.I)
_STATED_RANK = re.compile(r"อันดับ\s*(\d)(?!\d)|\b(?:ranked|came)\s+(\d)(?:st|nd|rd|th)\b|\b(\d)(?:st|nd|rd|th)\b|"
                          r"\b(first|second|third)\b|(\bled\b|\btop\b|\bhighest\b|เป็นผู้นำ|นำด้าน|สูงสุด)", re.I)


def _asked_rank(text: str) -> int | None:
    """The place a question asks about: 1 for "who scored best", 2 for "ที่ 2 ใคร"; None when it asks none."""
    m = _ASKED_RANK.search(text)
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    return int(word) if word.isdigit() else _ORDINALS.get(word.casefold(), 1)


def _stated_ranks(text: str) -> frozenset[int]:
    """The places a fact's answer states ("ได้อันดับ 3" → {3}; "led the Smart Governance dimension" → {1})."""
    out = set()
    for m in _STATED_RANK.finditer(text):
        word = next(g for g in m.groups() if g)
        out.add(int(word) if word.isdigit() else _ORDINALS.get(word.casefold(), 1))
    return frozenset(out)


# "the 7 pilot areas", "15 พื้นที่": a small number and the word after it (not a year, a date's day or a time).
_COUNTED = re.compile(r"(?<![\d.,:/])(\d{1,3})(?![\d.,:/])\s*([a-z]+|[\u0e00-\u0e7f]+)", re.I)
_MONTHS = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|"
                     r"ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)|(มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)",
                     re.I)
_YEAR_BEFORE = re.compile(r"(ปี|พ\.ศ\.|ค\.ศ\.|year)\s*$")
# Thai nouns a number counts, longest first where one starts another; and the ones that count the same things.
_THAI_COUNTED = ("พื้นที่", "เมือง", "จังหวัด", "ขั้นตอน", "ข้อ", "ด้าน", "แห่ง", "สถานี", "โครงการ", "เสาหลัก",
                 "หน่วยงาน", "บริษัท", "ประเภท", "ธีม", "คน", "ราย")
_SAME_COUNTED = (frozenset({"citie", "city", "area", "areas", "place", "town", "towns", "เมือง", "พื้นที่"}),)
_NUMBER_IN_FACT = re.compile(r"(?<![\d.,:/])(\d{1,3})(?![\d.,:/])")
_OF_NUMBER = re.compile(r"(?:of|out of|จาก|ใน)\s*\d{1,3}(?![\d.,:/])\s*")
_NOUN_REACH = 5  # English words after a number where its noun may come ("7 early smart city pilot areas")
# A number the question claims ("is the target 100 cities?", "มี 36 เมืองใช่ไหม"), not one that names a group
# ("the 7 pilot areas", "ใน 7 พื้นที่"): whether it holds is the verdict's to say, not a reason to prefer a fact.
_CLAIMED = re.compile(r"(\b(is|are|was|were|be|been|has|have|had|got|get|gets|target|targets|about|over|than|only|"
                      r"exactly|around|nearly|almost)|มี|ได้|เป็น|ครบ|กว่า|เกิน|แค่|เพียง|ประมาณ|เป้า)\s*$")
_COUNT_STOP = frozenset("of the a an and or more in on at to by is are was were".split())
A_NUMBER = 0.10  # the fact states the number the question gives with the same noun ("the 7 pilot areas")
A_OTHER_NUMBER = -0.15  # ...and a fact that gives that noun another number only ("the 5 pilot cities")
_NUMBER_REACH = 48  # characters after a number in a fact where its noun may come


_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10"}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b")


def _in_digits(text: str) -> str:
    """Casefolded ``text`` with English number words in digits: "which two types" counts what "2 ประเภท" does."""
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1)], text.casefold())


def _counted_asked(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The numbers a question gives with what they count: "the 7 pilot areas" → (("7", {"pilot"}),); an
    English noun cut to its first five letters (facts may inflect it), a Thai one of :data:`_THAI_COUNTED`,
    with the words of the same meaning ("areas" / "cities"). No day of a month ("6 may"), no year ("ปี 64")."""
    out = []
    text = _in_digits(text)
    for m in _COUNTED.finditer(text):
        word = m.group(2)
        if _MONTHS.match(text, m.start(2)) or _YEAR_BEFORE.search(text, 0, m.start()) or _CLAIMED.search(
                text, 0, m.start()):
            continue
        if word.isascii():
            if word in _COUNT_STOP or len(word) < 3:
                continue
            noun = word[:5]
        else:
            noun = next((n for n in _THAI_COUNTED if word.startswith(n)), "")
            if not noun:
                continue
        out.append((m.group(1), next((g for g in _SAME_COUNTED if noun in g), frozenset({noun}))))
    return tuple(out)


@lru_cache(maxsize=4096)
def _number_places(text: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each number ``text`` (a fact's, casefolded) gives, with the characters after it and the English words
    before the next number (where its noun may be). Kept per text: a fact's text never changes, and every
    question with a counted noun looks at the same candidates' numbers again."""
    out = []
    for m in _NUMBER_IN_FACT.finditer(text):
        after = text[m.end():m.end() + _NUMBER_REACH].lstrip()
        # "4 of 7 proposals", "4 จาก 7 ข้อเสนอ": the first number counts the noun of the second too
        of = _OF_NUMBER.match(after)
        counted = after[of.end():] if of else after
        words = tuple(_LATIN_WORD.findall(re.split(r"\d", counted, maxsplit=1)[0])[:_NOUN_REACH])
        out.append((m.group(1), counted.lstrip() if of else after, words))
    return tuple(out)


@lru_cache(maxsize=16384)
def _numbers_with(text: str, nouns: frozenset[str]) -> frozenset[str]:
    """The numbers ``text`` (casefolded) gives with one of ``nouns``: an English one among the next few words,
    a Thai one right after the number."""
    return frozenset(number for number, after, words in _number_places(text)
                     if any(after.startswith(n) if not n.isascii() else any(w.startswith(n) for w in words)
                            for n in nouns))


def _years(f: Fact) -> frozenset[int]:
    """The years (CE) a fact is about: its date, its as-of, the years its answer names."""
    years = {int(d[:4]) for d in (f.date, f.as_of) if d}
    years.update(int(y) for y in _YEAR.findall(f.answer.en) if y.startswith(("19", "20")))
    years.update(int(y) - 543 for y in _YEAR.findall(f.answer.th) if y.startswith("25"))
    return frozenset(years)


def _event_years(f: Fact) -> frozenset[int]:
    """The years a fact tells of: its date, or the years its Thai answer names (not when it was checked)."""
    if f.date:
        return frozenset({int(f.date[:4])})
    return frozenset(int(y) - 543 for y in _YEAR.findall(f.answer.th) if y.startswith("25"))


class FactIndex:
    """TF-IDF over facts' example questions and answers, as one sparse matrix (one row per text): a question
    is scored against every text in one sparse product, then each fact takes its best text."""

    def __init__(self, facts: Iterable[Fact], strip: Callable[[str], str] = lambda s: s,
                 areas: frozenset[str] = frozenset(), concepts: frozenset[str] = frozenset(),
                 staff: frozenset[str] = frozenset(), intents: dict[str, frozenset[str]] | None = None,
                 names: dict[str, list[str]] | None = None, parents: dict[str, list[str]] | None = None,
                 dimensions: frozenset[str] = frozenset(), projects: frozenset[str] = frozenset(),
                 related: dict[str, frozenset[str]] | None = None, events: frozenset[str] = frozenset(),
                 organisations: frozenset[str] = frozenset()):
        """``strip`` prepares a fact's texts like questions are prepared: normalised, names removed.
        ``areas`` are the ids of cities (a fact about another city is never the answer); ``concepts`` the
        ids of general notions (the logo, the 7 Smarts) that do not make a fact specific. ``staff`` are the
        entries staff created (they lead curated facts, :data:`STAFF_LEAD`); ``intents`` the intents a fact
        answers besides its own (a staff entry without a topic: what the classifier reads in its questions);
        ``names`` the names of each concept, to tell which facts mention a concept they are not about;
        ``parents`` what each event is part of (a fact about a meeting is about the committee that met);
        ``dimensions`` the ids of the 7 Smarts (a fact about another dimension is about something else), and
        ``projects`` the ids of projects (the bus route's facts do not answer for the light rail); ``related``
        the areas of each organisation or person (a fact about Samyan may answer a question about Chulalongkorn
        University, whose land it is); ``events`` the ids of events (naming one names the day it took place) and
        ``organisations`` those of organisations (after one, a fact about another thing of its city is not about it)."""
        self.dimensions = dimensions
        self.related = {x: areas for x, areas in (related or {}).items() if areas}
        self.projects = projects
        self.organisations = organisations
        self.facts: dict[str, Fact] = {f.id: f for f in facts}
        self.staff = staff & frozenset(self.facts)
        self.intents_of = {fid: frozenset({f.intent}) | (intents or {}).get(fid, frozenset())
                           for fid, f in self.facts.items()}
        self.sole_intent = {fid: next(iter(i)) if len(i) == 1 else None for fid, i in self.intents_of.items()}
        self.areas, self.concepts = areas, concepts
        self.ids = list(self.facts)
        self.position = {fid: i for i, fid in enumerate(self.ids)}
        rows: list[Counter] = []
        starts: list[int] = []
        weights: list[float] = []
        for f in self.facts.values():
            starts.append(len(rows))
            for q in (*f.questions.th, *f.questions.en):
                rows.append(_text_features(strip(q)))
                weights.append(1.0)
            answer = f.answer_text()
            if f.detail is not None:
                answer += f" {f.detail.th} {f.detail.en}"
            rows.append(_text_features(strip(answer)))
            weights.append(ANSWER_WEIGHT)
        df: Counter = Counter()
        for feats in rows:
            df.update(feats.keys())
        n = max(1, len(rows))
        self.vocab = {k: i for i, k in enumerate(df)}
        self.idf = np.array([math.log((1 + n) / (1 + df[k])) + 1.0 for k in df])
        self.default_idf = math.log(1 + n) + 1.0
        # Every row's sublinear TF times IDF at once, then each row scaled to unit length times its weight.
        vocab = self.vocab
        indices = np.fromiter((vocab[k] for feats in rows for k in feats), dtype=np.int64)
        counts = np.fromiter((c for feats in rows for c in feats.values()), dtype=np.float64, count=len(indices))
        sizes = np.fromiter((len(feats) for feats in rows), dtype=np.int64, count=len(rows))
        indptr = np.concatenate(([0], np.cumsum(sizes)))
        data = (1.0 + np.log(counts)) * self.idf[indices] if len(indices) else counts
        row_of = np.repeat(np.arange(len(rows)), sizes)
        norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=len(rows)))
        norms[norms == 0.0] = 1.0
        data = data * (np.asarray(weights) / norms)[row_of]
        # Column-major: for each feature, the texts that have it and their weights (the posting list).
        by_feature = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(self.vocab))).tocsc()
        self.postings = [(by_feature.indices[by_feature.indptr[i]:by_feature.indptr[i + 1]],
                          by_feature.data[by_feature.indptr[i]:by_feature.indptr[i + 1]]) for i in range(len(self.vocab))]
        self.posting_sizes = np.diff(by_feature.indptr)
        self._idf = self.idf.tolist()
        self.n_texts = len(rows)
        self.starts = np.array(starts, dtype=np.int64)
        parents = parents or {}
        self.about_sets = {fid: frozenset(f.about) | {p for a in f.about for p in parents.get(a, ())}
                           for fid, f in self.facts.items()}
        self.fact_areas = {fid: about & self.areas for fid, about in self.about_sets.items()}
        # the parts of projects (Tram Noy of the light rail): a question naming the whole asks about the whole first
        self._parts = {child: frozenset(of) for child, of in parents.items() if child in self.projects}
        self.specific = {fid: bool(about - self.concepts) for fid, about in self.about_sets.items()}
        self.years = {f.id: _years(f) for f in self.facts.values()}
        self.ranks = {f.id: _stated_ranks(f.answer_text()) for f in self.facts.values()}
        # the timeline's event of each day ("2021-05-06": the first five approved), for answers worked out from data
        self.events_on: dict[str, list[str]] = {}
        for f in sorted(self.facts.values(), key=lambda f: f.id):
            if f.date and f.intent == "programme_timeline":
                self.events_on.setdefault(f.date, []).append(f.id)
        self.category = {f.id: next((c for c, rx in _CATEGORIES.items() if rx.search(f.answer_text())),
                                    None) for f in self.facts.values()}
        # The concepts each fact's texts name: "who chaired the logo ceremony" may be answered by a fact that
        # mentions the logo, but "what does TSCCI stand for" not by one that never says TSCCI.
        self.named = frozenset(names or ())
        self.mentions: dict[str, frozenset[str]] = {}
        self.texts: dict[str, str] = {}  # every text of a fact, casefolded: which words it mentions at all
        for f in self.facts.values():
            text = f.text(questions=True).casefold()
            self.texts[f.id] = text
            self.mentions[f.id] = frozenset(c for c, aliases in (names or {}).items()
                                            if any(a in text for a in aliases))
        # the (day, month) of each fact's event, if it has a full date
        self._day_of = [(int(f.date[8:10]), int(f.date[5:7])) if f.date and len(f.date) >= 10 else None
                        for f in self.facts.values()]
        # whether each fact's answer tells the first of a year (not the first ever)
        self._first_of_year = np.array([_FIRST_OF_YEAR.search(f.answer_text()) is not None for f in self.facts.values()])
        # the month of each fact's event, if its date gives one
        self._month_of = [int(f.date[5:7]) if f.date and len(f.date) >= 7 else None for f in self.facts.values()]
        # what each fact says (answer and detail, both languages), casefolded: the numbers it gives
        self._said = {f.id: _in_digits(f.text()) for f in self.facts.values()}
        # The day each event took place: the day of most facts about it ("where was the meeting of 6 May 2021
        # held" names that day, though the name is removed: the venue, not what came after it, undated)
        self.event_day: dict[str, tuple[int, int]] = {}
        self.events = events
        for e in events:
            days = Counter(d for fid, d in zip(self.ids, self._day_of) if d is not None and e in self.about_sets[fid])
            if days:
                (day, most), = days.most_common(1)
                if most >= EVENT_DAY_SHARE * sum(days.values()):
                    self.event_day[e] = day
        # ...and the other way round, the events each full date's facts are about ("2021-12-24": the logo
        # ceremony), the one most of them are about (a fact that recalls another event names both), or several
        # when tied: an answer dated that day is about that event ("who chaired it" next asks of the ceremony)
        on_day: dict[str, Counter[str]] = {}
        for f in self.facts.values():
            if f.date and len(f.date) == 10:
                on_day.setdefault(f.date, Counter()).update(x for x in f.about if x in events)
        self.day_events: dict[str, list[str]] = {
            d: [x for x, n in c.most_common() if n == c.most_common(1)[0][1]] for d, c in on_day.items() if c}
        self.holds = {f.id: frozenset(k for k, rx in _HOLDS.items() if rx.search(f.answer_text()))
                      for f in self.facts.values()}
        self._searched: dict[tuple, tuple[int, list[Hit]]] = {}  # search() results by query, with their limit (never changed once made)
        self.by_subject: dict[str, list[str]] = {}
        self.by_intent: dict[str, list[str]] = {}
        for f in self.facts.values():
            for s in sorted(self.about_sets[f.id]):
                self.by_subject.setdefault(s, []).append(f.id)
            self.by_intent.setdefault(f.intent, []).append(f.id)
        # The indices themselves (the TSCCI): a question that names one asks about a ranking even without a
        # ranking word ("who was 2nd province-based in TSCCI 2023": the name is removed before matching).
        self.rankers = frozenset(x for x, fids in self.by_subject.items() if x not in self.areas and len(fids) >= 3
                                 and sum(self.facts[f].intent == "rankings" for f in fids) >= RANKER_SHARE * len(fids))
        self._arrays()

    def _arrays(self) -> None:
        """What scoring reads of every fact, as NumPy arrays in ``self.ids`` order: search() scores every
        fact in a few array operations (then keeps its candidates) instead of a Python loop over them."""
        ids, n = self.ids, len(self.ids)

        def mask(test: Callable[[str], object]) -> np.ndarray:
            return np.fromiter((bool(test(fid)) for fid in ids), dtype=bool, count=n)

        def member(x: object, sets: dict[str, frozenset]) -> np.ndarray:
            return np.fromiter((x in sets[fid] for fid in ids), dtype=bool, count=n)

        self._about = {x: member(x, self.about_sets)  # subject -> the facts about it
                       for x in sorted({x for about in self.about_sets.values() for x in about})}
        firsts = [self.facts[fid].about[0] if self.facts[fid].about else None for fid in ids]
        self._first_about = {x: np.array([f == x for f in firsts], dtype=bool)  # subject -> the facts first about it
                             for x in sorted({f for f in firsts if f is not None})}
        self._mentioned = {c: member(c, self.mentions)  # concept -> the facts that name it
                           for c in sorted({c for m in self.mentions.values() for c in m})}
        self._none = np.zeros(n, dtype=bool)
        self._has_area = mask(lambda fid: self.fact_areas[fid])
        self._area_count = np.fromiter((len(self.fact_areas[fid]) for fid in ids), dtype=np.int64, count=n)
        # first about an event (a ceremony, a meeting), with the areas it concerned after it
        self._of_event = mask(lambda fid: self.facts[fid].about and self.facts[fid].about[0] in self.events)
        self._has_dim = mask(lambda fid: self.about_sets[fid] & self.dimensions)
        self._has_project = mask(lambda fid: self.about_sets[fid] & self.projects)
        # about an organisation, person, event or project (not only areas, concepts and the 7 Smarts)
        self._has_thing = mask(lambda fid: self.about_sets[fid] - self.areas - self.concepts - self.dimensions)
        self._specific = mask(self.specific.__getitem__)
        self._rankings = mask(lambda fid: self.facts[fid].intent == "rankings")
        self._has_ranks = mask(self.ranks.__getitem__)
        self._staff = mask(lambda fid: fid in self.staff)
        # qtype -> the facts whose aspect fits it or whose answer holds that kind of thing
        self._fit = {k: np.fromiter((self.facts[fid].aspect in fits or k in self.holds[fid] for fid in ids),
                                    dtype=bool, count=n) for k, fits in QTYPE_ASPECTS.items() if fits}
        self._ranked = {r: member(r, self.ranks) for r in {r for ranks in self.ranks.values() for r in ranks}}
        self._of_category = {c: np.fromiter((self.category[fid] == c for fid in ids), dtype=bool, count=n)
                             for c in _CATEGORIES}
        self._of_year = {y: member(y, self.years) for y in {y for years in self.years.values() for y in years}}
        self._has_as_of = mask(lambda fid: self.facts[fid].as_of)
        self._dated_aspect = mask(lambda fid: self.facts[fid].aspect in ("when", "how_much"))
        recency = [min(1.0, max(0.0, (int(as_of[:4]) - 2019) / 6)) if (as_of := self.facts[fid].as_of) else 0.0
                   for fid in ids]
        # "how many are there" means now: the latest count first; "ตอนแรก", "originally": the first.
        self._recent = {False: np.array([A_RECENT * r for r in recency]),
                        True: np.array([A_RECENT * (1.0 - r) for r in recency])}
        self._bias = np.array([0.002 * self.facts[fid].priority for fid in ids])
        self._intent_names = sorted({i for fid in ids if (i := self.sole_intent[fid]) is not None})
        code = {name: j for j, name in enumerate(self._intent_names)}
        # -1: a fact that answers several intents (a staff entry), scored with its best one in Python.
        self._intent_code = np.array([-1 if (sole := self.sole_intent[fid]) is None else code[sole] for fid in ids],
                                     dtype=np.int64)
        self._several = np.flatnonzero(self._intent_code < 0).tolist()
        self._id_order = np.empty(n, dtype=np.int64)  # rank of each id as a string: ties go to the smaller id
        self._id_order[sorted(range(n), key=ids.__getitem__)] = np.arange(n)
        self._subject_rows = {x: np.array([self.position[fid] for fid in fids], dtype=np.int64)
                              for x, fids in self.by_subject.items()}
        self._intent_rows = {x: np.array([self.position[fid] for fid in fids], dtype=np.int64)
                             for x, fids in self.by_intent.items()}

    def _any_of(self, names: Iterable[str]) -> np.ndarray:
        """Whether each fact is about any of ``names``."""
        out = self._none
        for x in names:
            if x in self._about:
                out = out | self._about[x]
        return out

    def _count_of(self, names: Iterable[str]) -> np.ndarray:
        """How many of ``names`` each fact is about."""
        out = np.zeros(len(self.ids), dtype=np.int64)
        for x in names:
            if x in self._about:
                out = out + self._about[x]
        return out

    def _per_fact(self, text: str) -> np.ndarray | None:
        """Lexical similarity of ``text`` to every fact, in ``self.ids`` order (None: nothing in common)."""
        feats = features(text)
        if not self.ids:
            return None
        cols, vals = [], []
        idf, get = self._idf, self.vocab.get  # Python floats: the same products as NumPy's, without its scalars
        for k, c in feats.items():
            i = get(k)
            if i is not None:  # a feature no fact has adds only to the query's norm
                cols.append(i)
                vals.append((1 + math.log(c)) * idf[i])
        if not cols:
            return None
        unknown = sum(((1 + math.log(c)) * self.default_idf) ** 2 for k, c in feats.items() if k not in self.vocab)
        norm = math.sqrt(sum(v * v for v in vals) + unknown)
        # All posting lists of the query's features at once: one gather, one weighted bincount (a text appears
        # once per posting list), instead of a NumPy call per feature.
        texts = np.concatenate([self.postings[i][0] for i in cols])
        scale = np.repeat(np.array([v / norm for v in vals]), self.posting_sizes[cols])
        weights = np.concatenate([self.postings[i][1] for i in cols]) * scale
        per_text = np.bincount(texts, weights=weights, minlength=self.n_texts)
        return np.maximum.reduceat(per_text, self.starts)

    def _unnamed_part(self, wholes: frozenset[str], named: frozenset[str]) -> np.ndarray | float:
        """:data:`S_PART` for each fact about a part of ``wholes`` (Tram Noy of the light rail) that ``named``
        does not name: a question about the whole asks about the whole first."""
        parts = [x for x, of in self._parts.items() if of & wholes and x not in named]
        return np.where(self._any_of(parts), S_PART, 0.0) if parts else 0.0

    def _told(self, topic: tuple[str, ...], rows: np.ndarray, every: bool = False) -> np.ndarray:
        """Which of ``rows`` (the candidates) mention any of ``topic`` (a question's distinctive words), or with
        ``every`` all of them, as a mask over every fact."""
        out = np.zeros(len(self.ids), dtype=bool)
        if topic:
            ids, texts = self.ids, self.texts  # (as answerable.unmentioned looks for them)
            test = all if every else any
            out[[k for k in rows.tolist() if test(mentions(texts[ids[k]], w) for w in topic)]] = True
        return out

    def _number_fit(self, counted: tuple[tuple[str, frozenset[str]], ...], rows: np.ndarray) -> np.ndarray:
        """For each fact of ``rows``, :data:`A_NUMBER` when its answer or detail gives a number the question
        gives with the same noun ("the 7 pilot areas" / "the 7 early pilot areas"), :data:`A_OTHER_NUMBER` when
        it gives that noun only other numbers ("the 5 pilot cities"): the question says which of them it means."""
        out = np.zeros(len(self.ids))
        for k in rows.tolist():
            text = self._said[self.ids[k]]
            for number, nouns in counted:
                given = _numbers_with(text, nouns)
                if number in given:
                    out[k] = A_NUMBER
                    break
                if given:
                    out[k] = A_OTHER_NUMBER
        return out

    def search(self, q: Query, limit: int = 5) -> list[Hit]:
        """The best facts for ``q``, best first (no threshold applied).

        Kept by query (see :data:`SEARCH_CACHE_SIZE`) for the life of this index: an index is never changed
        once built (a staff edit builds a new snapshot and index, :mod:`bot.live`), so a kept result is never
        stale. Each call gets its own :class:`Hit` objects (callers mark them ``ambiguous``). The best few are
        the first of the best more, so a query is scored once for every ``limit`` up to :data:`SEARCH_KEPT`
        (a yes/no question is searched again for the rivals of the fact found)."""
        key = (q.text, q.lang, tuple(q.subjects), tuple(q.context), q.qtype, tuple(q.intents.items()), q.years, q.last_fact,
               q.topic)
        kept = self._searched.get(key)
        if kept is None or kept[0] < limit:
            kept = (max(limit, SEARCH_KEPT), self._search(q, max(limit, SEARCH_KEPT)))
            if len(self._searched) >= SEARCH_CACHE_SIZE:
                self._searched.clear()  # (bounded simply: the questions asked often are back in at once)
            self._searched[key] = kept
        return [Hit(h.fact, h.score, h.words, h.subjects, h.intent, h.aspect) for h in kept[1][:limit]]

    def _search(self, q: Query, limit: int) -> list[Hit]:
        per_fact = self._per_fact(q.text) if q.text.strip() else None
        n = len(self.ids)
        candidate = np.zeros(n, dtype=bool)
        if per_fact is not None:
            top = np.flatnonzero(per_fact > 0.0)
            if len(top) > MAX_WORD_CANDIDATES:
                top = top[np.argpartition(per_fact[top], -MAX_WORD_CANDIDATES)[-MAX_WORD_CANDIDATES:]]
            candidate[top] = True
            raw = per_fact  # every fact's word score (>= 0: no candidate's is taken from elsewhere)
        else:
            raw = np.zeros(n)
        # A fact of the question's subjects is scored on its own words even when many facts about other
        # things share more of the question's (generic) words.
        for subject in q.subjects or q.context:
            if subject in self._subject_rows:
                candidate[self._subject_rows[subject]] = True
        for subject in q.subjects:  # (and those of the areas of an organisation named)
            for area in self.related.get(subject, ()):
                if area in self._subject_rows:
                    candidate[self._subject_rows[area]] = True
        if not candidate.any():  # no word and no subject in common with any fact: the intent alone
            for intent, p in q.intents.items():
                if p >= 0.5 and intent in self._intent_rows:
                    candidate[self._intent_rows[intent]] = True
        rows = np.flatnonzero(candidate)
        if not len(rows):
            return []
        # Every fact is scored below with the formulas of the signals over arrays (what is cheaper than
        # picking out the candidates first); only candidates are ranked.
        subjects = frozenset(q.subjects)
        context = frozenset(q.context) if not subjects else frozenset()
        asked_areas = subjects & self.areas
        asked_dims = subjects & self.dimensions
        asked_projects = subjects & self.projects
        latin = has_latin(q.text)
        earliest = bool(_EARLIEST_TH.search(q.text) or latin and _EARLIEST_EN.search(q.text))
        ranking_q = _RANKING_Q_TH.search(q.text) or latin and _RANKING_Q_EN.search(q.text)
        # ("who was third?" right after a ranking of one category: the place asked is in that ranking)
        asked_rank = _asked_rank(q.text) if ranking_q or subjects & (self.dimensions | self.rankers) or (
            not subjects and context & self.rankers and q.last_fact is not None
            and self.category.get(q.last_fact) is not None) else None
        who_ranked = asked_rank is not None and q.qtype in ("who", "list") or bool(
            asked_rank is not None and _WHICH_PLACE.search(q.text))
        context_areas = context & self.areas
        primary = q.context[0] if context else None
        qtype = q.qtype
        has_area, specific = self._has_area, self._specific
        if subjects:
            shared = self._count_of(subjects)
            other = has_area & ~self._any_of(asked_areas) if asked_areas else self._none  # about another city
            # "was Korat one of the 7 pilot areas?": the list of the seven (other areas) says whether it was
            member = bool(asked_areas) and bool(_MEMBER_ASKED.search(q.text)) and bool(_COUNT_SAID.search(q.text))
            if member:
                other = other & (self._area_count <= MANY_AREAS)
            if asked_dims:  # about another of the 7 Smarts ("who led governance" / Yala led environment)
                other = other | self._has_dim & ~self._any_of(asked_dims)
                # (or a ranking of no dimension: "who came first in Smart Living" / Phuket's overall place)
                other = other | self._rankings & ~self._has_dim
            if asked_projects:  # about another project of the city ("when does the light rail open" / the bus)
                other = other | self._has_project & ~self._any_of(asked_projects)
            all_shared = shared == len(subjects) if all(x in self._about for x in subjects) else self._none
            only_concepts_shared = ~self._any_of(subjects - self.concepts)
            # (and, for a question that names two things but no area, "which agencies ran the logo contest with
            # depa": a fact about a city that neither is tied to, Phuket's depa branch, is about something else)
            tied = {a for x in subjects for a in self.related.get(x, ())}
            extra_area = self._area_count - self._count_of(asked_areas) > 0 if asked_areas else (
                (self._area_count > 0) & (self._area_count <= MANY_AREAS) & ~self._any_of(tied)
                if len(subjects - self.concepts) >= 2 else self._none)
            # (a choice between things named, "is Mae Moh a livable city or a new city": no fact is about all three;
            # one about the place and one of the choices fits better than one about the place only, a share of
            # the bonus for each named thing it is about)
            most_shared = S_ALL * np.maximum(0, shared - 1) / (len(subjects) - 1) \
                if len(subjects) >= 3 and _EITHER_OR.search(q.text) else 0.0
            matched = S_MATCH + np.where(all_shared, S_ALL, most_shared) - np.where(
                only_concepts_shared & specific, 0.15, 0.0) - np.where(extra_area, S_EXTRA_AREA, 0.0)
            if len(subjects - self.concepts) >= 2:
                # two specific things named ("ran the logo contest with depa"): a fact about both is about what is
                # asked; one about either alone, however alike its words, tells of something else of it (when the
                # question's words touch it: "is he still there now?" of depa's president asks what no fact says)
                matched = matched + np.where(all_shared & (raw > 0.0), S_ALL_SPECIFIC, 0.0)
            # A question that names only a general notion ("the smart city logo") may be about any fact that
            # touches it ("who chaired the logo ceremony"): not pushed down as hard.
            if subjects <= self.concepts:
                touches = self._none
                for x in subjects:
                    if x in self._mentioned:
                        touches = touches | self._mentioned[x]
                if not subjects & self.named:
                    touches = ~self._none
                unshared = np.where(specific & ~touches, S_OTHER, S_GENERAL)
            else:
                unshared = np.where(specific, S_OTHER, S_GENERAL)
            if member:
                unshared = np.where(self._area_count > MANY_AREAS, S_MATCH, unshared)
            if qtype == "when" and not asked_projects and asked_areas and not subjects - asked_areas - self.concepts:
                # "ภูเก็ตเริ่มสมาร์ทซิตี้ปีไหน" asks when of the area alone: a fact about one of its projects that the
                # question neither names nor describes (the Phuket Sandbox's start; not the airport bus for "when
                # did airport buses start") is less likely what it asks about
                matched = matched - np.where(self._has_project & ~self._told(q.topic, rows), S_UNNAMED_PROJECT, 0.0)
            if asked_projects:  # "the khon kaen light rail's route": the city's own facts do not tell it
                matched = matched - np.where(self._any_of(asked_projects), 0.0, S_NOT_PROJECT)
                # ("when will the light rail open": the main line's date before Tram Noy's, a part not named)
                matched = matched - self._unnamed_part(asked_projects, subjects)
            s = np.where(other, S_OTHER, np.where(shared > 0, matched, unshared))
            # "when did Mae Moh become a promotion zone": its logo's date is of another status, however alike the
            # words once the names are removed (a fact about the place and another notion, not the one named)
            for pair in ALTERNATIVE_NOTIONS:
                named_notions = subjects & pair
                if len(named_notions) == 1 and subjects - self.concepts:
                    told_notion = self._any_of(named_notions)
                    for x in named_notions:
                        if x in self._mentioned:
                            told_notion = told_notion | self._mentioned[x]
                    other_notion = self._any_of(pair - named_notions) & ~told_notion
                    s = np.where((shared > 0) & other_notion & ~other, s - S_OTHER_NOTION, s)
            for x in subjects:
                if x in self._first_about:
                    s = np.where(self._first_about[x] & ~other, s + S_PRIMARY, s)
            # (a fact about the area of an organisation named, and about no other city: "จุฬาจัดประกวดฝาท่อ" / Samyan's)
            near = {a for x in subjects if x in self.related for a in self.related[x]} - subjects
            if near and not asked_areas:
                # (higher when it says what the question is about: "จุฬาจัดประกวดฝาท่อ" / Samyan's manhole contest)
                related = np.where(self._told(q.topic, rows), S_RELATED_TOLD, S_RELATED)
                # (not one about another organisation of that area: "and KKTS?" after KKTT's capital is not KKTT's)
                other_org = self._any_of(sorted(self.organisations - subjects))
                s = np.where((shared == 0) & self._any_of(near) & ~(has_area & ~self._any_of(near)) & ~other_org,
                             related, s)
        elif context:
            # The most specific subject of the conversation comes first ("KKTT" before "Khon Kaen"); "แล้วใครได้ที่
            # 1" after a city's place asks about whichever city came first.
            other_city = has_area & ~self._any_of(context_areas) & ~(
                self._rankings if who_ranked else self._none) if context_areas else self._none
            # (after a project, a fact about another thing of its city, the city's bus company, is not about it)
            other_project = (self._has_project | self._has_thing) & ~self._any_of(
                list(context - self.areas - self.concepts - self.dimensions)) if primary in self.projects else self._none
            s = np.where(other_city, S_OTHER, np.where(other_project, S_CONTEXT_OTHER, np.where(
                self._any_of([primary]), S_CONTEXT, np.where(  # type: ignore[list-item]
                    self._any_of(context), S_CONTEXT / 2, np.where(specific, S_CONTEXT_OTHER, 0.0)))))
            # ("how much did it cost" after the light rail: the main line's cost before Tram Noy's, a part of it
            # the conversation has not named)
            if primary is not None:
                s = s - self._unnamed_part(frozenset({primary}), context)
        else:
            # A fact about one city, for a question that names none: unlikely, unless the question is (nearly)
            # one of the fact's own phrasings (a staff entry written without the city's name).
            # (A fact about many cities, "the 7 early pilot areas", is about none of them in particular.)
            # (A fact first about an event, "1 new logo on 27 August 2025, to Phuket Tinicon Valley", for a question
            # about the logo, is about the award, which the question need not name: the area is what it tells.)
            awarded = self._of_event if _LOGO_ASKED.search(q.text) else self._none
            # (Nor one that says every one of two or more words few facts use that the question says: "น้ำเสีย
            # รีไซเคิลเอาไปรดที่ไหน" is about Samyan's recycled waste water, whichever area it names.)
            told_all = self._told(q.topic, rows, every=True) if len(q.topic) >= 2 else self._none
            s = np.where(has_area & (self._area_count <= MANY_AREAS) & ~awarded & ~told_all,
                         S_NONE * (1.0 - np.minimum(1.0, raw)), 0.0)
        if qtype in self._fit:
            a = np.where(self._fit[qtype], A_MATCH, A_MISMATCH if qtype in STRICT_TYPES else 0.0)
            if qtype == "list":  # "เกณฑ์มีอะไรบ้าง": the criteria, not the date they were announced
                a = np.where(self._dated_aspect & ~self._fit[qtype], a + A_LIST_DATED, a)
        else:
            a = np.zeros(n)
        kept = self.category.get(q.last_fact) if q.last_fact is not None and not any(
            rx.search(q.text) for rx in _CATEGORIES.values()) else None
        if asked_rank is not None and kept is not None:
            # "ที่ 2 ใคร" after a ranking of one category: that category's place, and "who" asks which city
            of_kept = self._rankings & self._of_category[kept]
            a = np.where(of_kept, (A_MATCH if who_ranked else a) + np.where(
                self._ranked.get(asked_rank, self._none), A_CATEGORY, 0.0), a)
        if asked_rank is not None:
            placed = self._rankings & self._ranked.get(asked_rank, self._none)
            if not asked_dims:  # (a dimension's leader is first in that dimension only)
                placed = placed & ~self._has_dim
            a = np.where(placed, a + A_RANK, a)  # "which city scored best": the fact that says who came first
            # "ใครได้ที่ 1" after Khon Kaen's third place: not that third place again
            a = np.where(~placed & self._rankings & self._has_ranks, a + A_OTHER_RANK, a)
        if q.topic:
            a = np.where(self._told(q.topic, rows), a + A_TOPIC, a)
            if len(q.topic) >= 2:  # ("the short-term focus of the master plan": the fact that says both words)
                a = np.where(self._told(q.topic, rows, every=True), a + A_TOPIC_ALL, a)
        # (not for "who" or "when": "who chaired it when the 5 pilot cities were announced" names the event by
        # its count, and the fact that says who may not count them again)
        counted = _counted_asked(q.text) if qtype not in ("who", "when") else ()
        if counted:
            a = a + self._number_fit(counted, rows)
        days = days_named(q.text) or {self.event_day[x] for x in q.subjects if x in self.event_day}
        if days:
            # "พิธีมอบตรา 24 ธ.ค. 64 จัดที่ไหน": the event of that day, not another event of the same thing
            a = np.where(np.array([d in days for d in self._day_of]), a + A_DAY, a)
        months = months_named(q.text)
        if months and not _AROUND_A_TIME.search(q.text):
            # "where was the May 2021 meeting held", "ประธานประชุม 6 พ.ค.": an event of another month (the
            # December ceremony) is another event, however close its words ("before May" may mean any other)
            a = np.where(np.array([m is not None and m not in months for m in self._month_of]), a + A_OTHER_MONTH, a)
        if not q.years and _FIRST_ASKED.search(q.text):
            a = np.where(self._first_of_year, a + A_FIRST_OF_YEAR, a)
        if q.years:
            of_year = self._none
            for y in q.years:
                if y in self._of_year:
                    of_year = of_year | self._of_year[y]
            a = np.where(of_year, a + A_YEAR, a)
        elif qtype in ("how_many", "list"):
            # ("ล่าสุด", "the latest count": said outright, the most recent count wins more clearly)
            latest = not earliest and bool(_LATEST_TH.search(q.text) or latin and _LATEST_EN.search(q.text))
            a = np.where(self._has_as_of, a + self._recent[earliest] * (LATEST_WEIGHT if latest else 1.0), a)
        last = self.position.get(q.last_fact) if q.last_fact is not None else None
        if context and last is not None and candidate[last]:
            # "by when?", "how many provinces", "on whose behalf?" right after an answer: often that same fact
            # holds it ("105 smart cities in 77 provinces by 2027").
            if qtype is None or self._fit.get(qtype, self._none)[last] or self.facts[self.ids[last]].aspect in \
                    QTYPE_ASPECTS.get(qtype or "", frozenset()):
                a = a.copy()
                a[last] += S_LAST  # counts as evidence: what is asked fits what was just said
        # Names are removed before matching, so "ภูเก็ตทินิคอนวัลเลย์ได้ตราเมื่อไหร่" becomes generic: the bonus
        # needs the subjects to agree too (or none to be named or implied).
        own = candidate & (raw >= OWN_PHRASING) & ((s >= S_MATCH) | (not (subjects or context)))
        w = W_WORDS * raw + np.where(own, OWN_PHRASING_BONUS if np.count_nonzero(own) == 1 else 0.0, 0.0)
        probs = np.array([q.intents.get(x, 0.0) for x in self._intent_names] + [0.0])
        prior = probs[self._intent_code]
        for k in self._several:  # answers several intents: its best one
            prior[k] = max(q.intents.get(x, 0.0) for x in self.intents_of[self.ids[k]])
        # (a follow-up that names nothing, "how much did it cost", reads as out of scope on its own words: the
        # conversation says what it is about, so that reading counts for less)
        # (only for a fact about the conversation's own subject that holds the kind of answer asked: its cost)
        oos: float | np.ndarray = q.intents.get("out_of_scope", 0.0)
        if context and not subjects and qtype in self._fit and len(q.text.strip()) <= SHORT_FOLLOW_UP:
            # (and says what the question is about, if it says anything: "and the prize money?" after the light
            # rail is not the light rail's cost)
            fits = (s >= S_CONTEXT) & self._fit[qtype] & (self._told(q.topic, rows) if q.topic else ~self._none)
            oos = np.where(fits, oos * OOS_FOLLOW_UP, oos)
        i = W_INTENT * (prior - oos)
        # Staff wrote their entries for such questions: one wins over a curated fact that fits as well. (Without
        # staff entries every lead is 0.0, added as a number: the same sums.)
        lead = np.where(self._staff & (w + i + np.maximum(0.0, a) >= STAFF_MIN_EVIDENCE) & (
            s >= S_MATCH + S_ALL if subjects else s >= 0.0), STAFF_LEAD, 0.0) if self.staff else 0.0
        total = w + i + s + a + lead + self._bias
        # Best first, ties to the smaller id; only the few best become Hits.
        best = rows[np.lexsort((self._id_order[rows], -total[rows]))[:limit]].tolist()
        facts, ids = self.facts, self.ids
        # (each signal's values of the best as Python floats at once: the same numbers as float() of each)
        signals = zip(*(x[best].tolist() for x in (total, w, s, i, a)))
        return [Hit(facts[ids[k]], *values) for k, values in zip(best, signals)]

    def mentioning(self, names: Iterable[str], intent: str | None = None) -> list[Fact]:
        """Facts (of ``intent``, when given) whose answer or detail names any of ``names``."""
        # (a Thai name is not the start of a longer syllable: "เลย" is not in "วัลเลย์")
        found = [re.compile(re.escape(n.casefold()) + r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])") for n in names if n]
        out = []
        for f in self.facts.values():
            if intent is not None and f.intent != intent:
                continue
            text = f.text().casefold()
            if any(rx.search(text) for rx in found):
                out.append(f)
        return out

    def next_in_time(self, fact_id: str, before: bool = True) -> Fact | None:
        """The fact that tells the same kind of thing about the same subject, just before (or after) the
        years of ``fact_id``: "ก่อนหน้านั้นล่ะ" after the 2023–24 chair is the 2020–22 chair."""
        f = self.facts.get(fact_id)
        years = _event_years(f) if f else frozenset()
        if f is None or not years:
            return None
        about = self.about_sets[fact_id] - self.areas - self.concepts or self.about_sets[fact_id]
        # (an area's place in a ranking, of the same area: "and the year before?" after Wangchan Valley's TSCCI 2024
        # score is its 2023 score, not Khon Kaen's, another TSCCI fact of 2023; "were more proposed later?" after
        # Phuket joined a network may well be about other areas)
        areas = self.about_sets[fact_id] & self.areas if f is not None and f.intent == "rankings" else frozenset()
        areas = areas if len(areas) <= MANY_AREAS else frozenset()
        best: tuple[int, Fact] | None = None
        for other_id in sorted({o for s in about for o in self.by_subject.get(s, ())}):  # sorted: same answer every run
            other = self.facts[other_id]
            other_years = _event_years(other)
            if other_id == fact_id or other.aspect != f.aspect or not other_years \
                    or not areas <= self.about_sets[other_id]:
                continue
            if before and max(other_years) < min(years):
                key = max(other_years)
            elif not before and min(other_years) > max(years):
                key = -min(other_years)
            else:
                continue
            if best is None or key > best[0]:
                best = (key, other)
        return best[1] if best else None

    def overview(self, subject: str) -> Fact | None:
        """The fact that says what ``subject`` is: its overview, or its most general fact."""
        facts = self.about(subject)
        if not facts:
            return None
        return min(facts, key=lambda f: (f.about[0] != subject, -f.priority, f.aspect not in ("what", "who", "list"),
                                         len(f.about), f.id))

    def about(self, subject: str) -> list[Fact]:
        """Every fact about ``subject``, most general first."""
        facts = [self.facts[f] for f in self.by_subject.get(subject, ())]
        return sorted(facts, key=lambda f: (-f.priority, len(f.about), f.id))
