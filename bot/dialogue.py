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
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from intents.features import tokenize
from intents.normalize import has_latin, has_thai, normalize
from intents.entities import Entities, compact
from intents.nlu import NLU, OUT_OF_SCOPE, Understanding
from intents.question import COMPARE as _COMPARE
from intents.question import (QuestionType, is_about_certification, is_bare_follow_up, is_bare_yes_no_follow_up,
                              is_definition, is_only_asking,
                              is_yes_no, question_type)
from intents.synonyms import expand
from intents.training_data import load_training_data
from intents.vocabulary import RARE_SHARE, Vocabulary
from knowledge.catalogue import SMALL_TALK
from knowledge.comparison import (OWN_UNITS, UNITS, against_benchmark, asks_to_compare, direction, figures, winner,
                                  without_comparison)
from knowledge.dates import format_date
from knowledge.polarity import (WHOLE_ASKED, _DAY_NUMBER, another_alternative, closed_list, counted, counts_things,
                                days_named, disputed, is_unit_word,
                                leaders, months_named, numbers, share_said, spelled_as_digits, stood_in_for, units_asked,
                                other_year_since, venue_asked, venue_claimed, verdict, without_units)
from knowledge.answerable import (NEED_REASONS, POSTS_ASKED, asks_to_come, counted_words, held_then, index_years, items_named,
                                  names_a_list,
                                  stem, uncovered, unstated, why_not)
from knowledge.composer import Answer, names_listed
from knowledge.schema import Fact
from knowledge.retrieval import (_EITHER_OR, _HOLDS, MANY_AREAS, OWN_PHRASING, S_ALL, S_MATCH, Hit, Query, Thresholds, _asked_rank,
                                 _stated_ranks)
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
SHARED_MARGIN = 0.25  # how far below a city's fact of an event the event's own fact may score and still answer
BEST_LIMIT = 3  # the facts a question is tried against, best first (several may not hold what it asks)
# ...and this many when each one passed over was the right kind of fact for another instance (another year's count,
# a count where a list is asked): "ปี 2568 มีเมืองใหม่กี่เมือง" passes over the totals of other years for that year's
DEEPER_LIMIT = 5
# ...and this many when each one passed over lacked the very thing asked for (a chair, kinds, a fare): "เมืองอัจฉริยะ
# มีกี่แบบ" is nearer the counts of areas than the fact that there are two types, which the counts do not give.
NEEDS_LIMIT = 8
# (a fact that far down must be near the question's words and of no other kind than asked: "who holds Khon Kaen's
# logo" is not answered by the fact that Khon Kaen holds it, nor "Mae Moh's overall rank" by its budget)
NEEDS_MIN_WORDS = 0.3
# ("it gives no superlative": a top-three list of another year's index is passed over for that before its year
# is read; the facts further down must still be of the kind passed over and hold the first place themselves)
_ANOTHER_INSTANCE = frozenset({"it names no list", "it tells of another year", "it is about another year's index",
                               "it gives a running total, not those added", "it gives no count added that year",
                               "it gives no superlative"})
# A fact this far from the question's words, which mentions none of the words that say what the question is
# about ("festival", "ติดตั้งกล้อง"), was found by its subject and question type alone: a neighbour, not the answer.
COVER_MIN_WORDS = 0.15
ALL_NAMED_MARGIN = 0.15  # how far below the best a fact about every thing the question names may score and win
#: Question types whose answer a fact's detail may hold when its answer does not (a venue, a chair, a sum).
_DETAIL_KINDS = frozenset({"where", "who", "how_much"})
# an amount on top of one given: "how much more", "any extra funding requested", "ขอเพิ่มอีกเท่าไหร่"
_MORE_AMOUNT_ASKED = re.compile(r"\bhow (much|many) more\b|\b(more|extra|additional|further)\b.{0,20}\b(request|ask|sought|want|need)|"
                          r"\b(request|ask|sought|want|need)\w*\b.{0,12}\b(more|extra|additional|further)\b|"
                          r"ขอ(งบ)?เพิ่ม|เพิ่มอีก|อีกเท่า")
_MORE_AMOUNT_SAID = re.compile(r"\bmore\b|\bfurther\b|\badditional\b|\bextra\b|เพิ่ม")
# a word said only as not so (yet): "not open yet", "yet to open", "ยังไม่เปิด"
_NEGATED_BEFORE = re.compile(r"(?:\bnot(?: yet)?|\byet to|\bno longer|ยังไม่|ไม่ได้|ไม่)\s*$")


def _picked(fact: Fact) -> Hit:
    """``fact`` as the hit when a rule, not the scores, chose it (full score, so no threshold passes it over)."""
    return Hit(fact, 1.0, 0.0, 1.0, 0.0, 1.0)


def _counts_noun(text: str, query_text: str) -> bool:
    """Whether ``text`` (casefolded) gives a number with the English noun a "how many" question counts ("how
    many cameras" / "40 cameras", "1,200 CCTV cameras")."""
    nouns = [w for w in counted_words(tokenize(query_text.casefold())) if w.isascii() and w.isalpha() and len(w) >= 3]
    if not nouns or is_unit_word(nouns[-1]):  # (cities, provinces, percent: counted by the units' own rules)
        return False
    head = nouns[-1]
    head = head[:5] if len(head) > 5 else head.removesuffix("s")
    return re.search(rf"(?<![\d.,])\d[\d,]*\s+(?:[a-z-]+\s+){{0,2}}{re.escape(head)}", text) is not None


def _said_unnegated(word: str, text: str) -> bool:
    """Whether ``text`` (casefolded) says ``word`` at least once not as not so ("it is not open yet" says
    "open" only negated)."""
    return any(not _NEGATED_BEFORE.search(text, 0, m.start()) for m in re.finditer(re.escape(word), text))
#: Words that make a yes/no question one about being certified ("โคราชเป็นเมืองอัจฉริยะไหม").
_CERTIFIED = ("เมืองอัจฉริยะ", "สมาร์ทซิตี้", "สมาร์ตซิตี้", "รับรอง", "ได้ตรา", "ตราสัญลักษณ์", "โลโก้", "smart city",
              "certified", "certification", "logo")


# A question that asks which city ("which city scored highest", "เมืองไหนได้ที่ 1") is answered by a fact about
# one city without naming it: that is no reason to ask "which city?".
_ASKS_WHICH = re.compile(r"\bwhich ([\w-]+ )?(city|cities|area|areas|place|places|one|ones)\b|\bwho\b|เมืองใด|เมืองไหน|"
                         r"พื้นที่ใด|พื้นที่ไหน|(ใด|ไหน)บ้าง|รายชื่อ|ใคร|อันดับ 1|ที่ 1|"
                         r"สูงสุด|\bhighest\b|\btop\b|\bbest\b|\bfirst\b")
_WHO = re.compile(r"\bwho\b|ใคร")
# A place in a ranking: "ใครได้ที่ 2", "who came second", "who won", "อันดับ 3".
_RANKED = re.compile(r"(ได้ที่|อันดับ|ลำดับ|ที่)\s*\d|\b(first|second|third|fourth|fifth|\d(st|nd|rd|th)|top|best|highest|"
                     r"lowest|won|win|wins|beat|led|leads?|ranked|came)\b|สูงสุด|ต่ำสุด|ชนะ|นำด้าน|เป็นผู้นำ", re.I)


def _asks_which_area(text: str) -> bool:
    """Whether a question asks which area ("which city scored highest", "ใครได้ที่ 2"), not for an owner or a
    person ("ใครเป็นเจ้าของโครงการ")."""
    return bool(_ASKS_WHICH.search(_WHO.sub(" ", text)) or (_WHO.search(text) and _RANKED.search(text)))
# "the second one", "the last one", "อันที่ 2", "เมืองสุดท้าย": one of the things the last answer listed, by place
# ("the first city certified" asks a question of its own).
_NTH_ONE = re.compile(r"\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) one\b|"
                      r"(?:อัน|เมือง|แห่ง|พื้นที่)ที่\s*(\d|หนึ่ง|สอง|สาม|สี่|ห้า)(?!\d)|(?:อัน|เมือง|แห่ง|พื้นที่)(สุดท้าย)")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
        "5th": 5, "last": -1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "สุดท้าย": -1}
_DIFFER = re.compile(r"\bdiffer|\bcompare|ต่างกัน|แตกต่าง|ต่างจาก|เทียบกับ")
# What is left of "how is it different", "ต่างกันตรงไหน" when the compare words are gone.
_DIFFERENT = re.compile(r"\bdifferent\b|\bit\b|\bis\b|\bare\b|\bthey\b|\bdo\b|\bdoes\b|ตรงไหน|ต่าง|อย่างไร")
# A year counted from the one just asked about: "the year before", "the previous year", "ปีถัดมา".
_REL_YEAR = re.compile(r"(?P<before>\bthe (year|one) before\b|\bthe previous year\b|\bthe year prior\b|ปีก่อนนั้น|"
                       r"ปีก่อนหน้านั้น|ปีก่อนหน้า)|\bthe (year|one) after\b|\bthe following year\b|\bthe next year\b|"
                       r"ปีถัดมา|ปีถัดไป|ปีต่อมา|ปีหลังจากนั้น")
# "and now?", "แล้วตอนนี้ล่ะ", "currently?": only the present asked, right after an answer (the last question again,
# of today rather than of the year it named; never a goodbye, though "bye for now" says "now")
_NOW_ONLY = re.compile(r"^(?:and|so|what about|how about|แล้ว|และ)?\s*(?:now|today|currently|right now|as of now|"
                       r"these days|at the moment|ตอนนี้|ปัจจุบัน|ล่าสุด|ณ ตอนนี้|ณ ปัจจุบัน|ขณะนี้)\s*"
                       r"(?:ล่ะ|หละ|อ่ะ|อะ|ครับ|คะ|ค่ะ|then)?\s*\??$")
# "อยู่ชลบุรีใช่มะ", "is it in rayong": where something is; "มีในชลบุรีไหม", "is there one in...": whether any is.
_IN_PLACE = re.compile(r"อยู่|จังหวัด|\b(in|located|based)\b")
_ANY_THERE = re.compile(r"มี|\bthere\b|\bany\b")
_MONEY = re.compile(r"บาท|ล้าน|\bbaht\b|\bmillion\b|\bbillion\b")
# "how long is it", "ยาวกี่กิโล" about a route or a line: its length (not how long something lasts or takes)
_LENGTH_ASKED = re.compile(r"ความยาว|ยาว\s*(กี่|เท่า|ประมาณ|ราว)|กี่\s*(กม|กิโล)|ระยะทาง(?!จาก)|\blength\b|"
                           r"\bhow many (km|kms|kilomet(er|re)s)\b|\bhow long\b(?!.*\b(take|took|takes|ago|last|lasts|lasted|"
                           r"valid|stay|stayed|wait|since|until|before|after|term|run for)\b)")
_LENGTH = re.compile(r"\d\s*(กม\.|กิโลเมตร|km\b)")
# "ตำแหน่งไร", "what was his ministerial position", "เขาเป็นรัฐมนตรีกระทรวงอะไร": a person's post
_POSITION = re.compile(r"ตำแหน่ง(?!ที่ตั้ง)|\b(position|title|job|role|post)\b|\b(what|which) ministry\b|\bministerial\b|"
                       r"\bminister of\b|กระทรวง\s*(อะไร|ไหน|ไร|ใด)")
# What a post is called: "Minister of...", "depa's president", "รองนายกรัฐมนตรี", "ผู้อำนวยการ", "SEVP".
_POST = re.compile(r"รัฐมนตรี|ผู้อำนวยการ|ประธาน|หัวหน้า|นายก|ผู้บริหาร|ผู้ว่า|เลขา|ผู้จัดการ|อธิการ|รองผู้|"
                   r"\b(minister|director|president|ceo|chair\w*|head\w*|mayor|sevp|secretary|governor|manager)\b", re.I)
# A deputy's or vice-'s post ("Deputy Prime Minister", "รองนายกรัฐมนตรี"): not the post it is the deputy of
_DEPUTY = re.compile(r"\b(deputy|vice)[\s-]+(\w+\s+){0,2}?(prime minister|minister|president|governor|mayor|director|chair\w*)\b|"
                     r"รอง(นายกรัฐมนตรี|นายก\S*|ผู้อำนวยการ\S*|ผู้ว่า\S*|ประธาน\S*|อธิการบดี|รัฐมนตรี\S*)", re.I)
# The words that only ask yes or no ("ใช่มั้ย", "right", "was")
_YES_NO_WORD = re.compile(r"ใช่|ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|มะ|เปล่า|หรือ|รึ|ครับ|คับ|ค่ะ|คะ|นะ|เป็น|right|correct|true|really|ever|once")
# "ตอนนี้เขาตำแหน่งอะไร", "what is his current role": the post now, which a fact of some years ago does not tell
_NOW_ASKED = re.compile(r"ตอนนี้|ปัจจุบัน|ล่าสุด|\b(now|current\w*|today|still|these days|anymore)\b")
# The words that ask for a sum and nothing else: "งบเท่าไหร่", "how much did it cost", "มูลค่าเท่าไร".
_MONEY_ASKED = re.compile(r"งบประมาณ|งบ|มูลค่า|ราคา|ค่าใช้จ่าย|ใช้เงิน|เท่าไหร่|เท่าไร|เท่าใด|ทั้งหมด|ประมาณ|"
                          r"\b(budget|cost|costs|price|worth|spend|spent|money|funding|total|again|did|does|was|it|its|"
                          r"the|how|much|what|is|of)\b")
_THERE_IS = re.compile(r"\b(is|are|was|were) there\b|\bthere (is|are|was|were)\b")  # ("how many are there")
# "เรื่องนี้", "อันนั้น", "this", "those": the message points at what was just said.
# "that pilot", "this project", "โครงการนั้น": the one just told of, not another of its kind
_THAT_ONE = re.compile(r"\b(that|this|the same)\b|นั้น|นี้")
# "was songkhla one of them?", "is yala among those", "อุดรอยู่ในนั้นมั้ย": one of the things the last answer listed
_IN_THE_LIST = re.compile(r"\b(?:one|any) of (?:them|those|these|the \w+)\b|\bamong (?:them|those|these)\b|"
                          r"\b(?:was|is|were) (?:it|that|they) in\s*\??\s*$|\bin (?:that|the|this) (?:list|group|batch|round)\b|"
                          r"ในนั้น|ในรายชื่อ|ในลิสต์|ในกลุ่มนั้น|ในรอบนั้น")
# A list the sources leave partial: "9 of them known", "such as", "ทราบชื่อ 9 แห่ง", "เช่น"
_PARTIAL_LIST = re.compile(r"\bknown\b|\bsuch as\b|\bincluding\b|\bsome\b|\bamong them\b|\bpartial\b|"
                           r"ทราบชื่อ|เช่น|บางส่วน|ได้แก่บาง", re.I)
_THIS = re.compile(r"นี้|นั้น|\b(this|these|those)\b")
# "แล้วใครได้อันดับ 1 ล่ะ", "and who came first?": a message that goes on from the last answer.
_GOES_ON = re.compile(r"^\s*(แล้ว|และ)|ล่ะ\s*\??\s*$|^\s*(and|what about|how about)\b")
_ONE_OF_THEM = re.compile(r"\bones?\b|^อัน")
# A question that asks which thing it is ("which area came third", "ใครได้ที่ 2"), not something about it.
_WHICH_ONE = re.compile(r"\bwhich\b|\bwho\b|ใคร|(เมือง|พื้นที่|ที่|อัน|แห่ง)(ใด|ไหน)")
# A pronoun that points at what the conversation was about: "whats his name" is a follow-up, not small talk.
_REFERS_BACK = re.compile(r"\b(he|his|him|she|her|it|its|they|their|them|that|there)\b|เขา|เค้า|มัน|ท่าน|ที่นั่น|ตอนนั้น|"
                          r"ก่อนหน้านั้น|หลังจากนั้น")
# "before that", "after that": each split in two, the English words tried only on text with a Latin letter.
_BEFORE_TH = re.compile(r"ก่อนหน้านั้น|ก่อนหน้า|ก่อนนั้น|ช่วงก่อน")
_BEFORE_EN = re.compile(r"\bbefore (that|then|him|her)\b|\bprior to that\b|\bearlier\b|\bpreviously\b|\bthe one before\b")
_AFTER_TH = re.compile(r"หลังจากนั้น|หลังนั้น|ต่อจากนั้น|ถัดมา|คนต่อมา")
_AFTER_EN = re.compile(r"\bafter (that|him|her)\b|\bthen who\b|\blater\b|\bnext one\b|\bthe one after\b")
# A budget asked, and a fact that tells of one (not only what a project costs).
# ("how much did the city's programme cost": what it spent, which one project's cost is not)
_BUDGET_ASKED = re.compile(r"งบ|ใช้เงิน|ลงทุน|\bbudget|\bfunding\b|\bfunded\b|\bspen[dt]|\binvest|\bcost(?:s|ed)?\b", re.I)
_BUDGET_SAID = re.compile(r"งบ|ลงทุน|\bbudget|\bfund|จัดสรร|\ballocat|\bslated\b|\binvest", re.I)
# "was it held in Chiang Mai?", "run by PTT": a yes/no question about where it is or who does it
_ASKED_WHERE = re.compile(r"\b(held|located|based|hosted|take place|took place)\b|\bin\s*$|จัด(ที่|ขึ้นที่|ใน)|อยู่(ที่|ใน)|ตั้งอยู่")
# "did it come first", "ได้ที่ 1 ใช่ไหม": a place in a ranking claimed (not "among the top 3", "ติดท็อป 5")
_PLACE_CLAIMED = re.compile(r"(?:ได้ที่|อันดับ(?:ที่)?|ลำดับที่|\bnumber\s*|\bno\.\s*|#|\brank(?:ed)?\s*(?:no\.?\s*|#\s*)?)\s*(\d)(?!\d)|"
                            r"\b(first|second|third|1st|2nd|3rd)\b(?!\s*\d)|"
                            r"\b(?:number one|highest|the top|the best|win|won|wins|winner)\b|สูงสุด|ชนะ|ที่หนึ่ง|"
                            # ("did it top the ranking?", "came top": the first place; not "in the top three")
                            r"\btop(?:s|ped)?\b(?!\s*(?:\d|two|three|four|five|ten)\b)", re.I)
# Who runs an area, claimed ("run by EGAT?", "ปตท.เป็นผู้พัฒนาใช่ไหม") and said by the area's own fact ("the city
# developer of", "is run by").
_RUN_BY_Q = re.compile(r"\b(?:run|managed|operated|developed|overseen)\s+by\b|\b(?:runs|manages|operates|develops)\b|"
                       # (whose it is, said otherwise: "does Samyan belong to PTT", "is it a PTT project?")
                       r"\bbelongs?\s+to\b|\b(?:an?|the)\s+\w+(?:'s)?\s+project\b|"
                       r"ผู้พัฒนา|ดูแลโดย|บริหารโดย|ดูแล|บริหาร", re.I)
# (wider, for who is named beside an area in a yes/no: "owned by", "เป็นของ", "ขับเคลื่อน" too; read against the area's
# own facts, where _RUN_BY_Q picks the area's developer fact. Made one with it, a set's answers changed.)
_RUN_BY_WIDE = re.compile(r"\b(?:run|managed|operated|developed|owned|led)\s+by\b|\b(?:runs|manages|operates|develops|owns)\b|"
                          r"ดูแล|บริหาร|ดำเนินการ|ผู้พัฒนา|พัฒนาโดย|ขับเคลื่อน|เป็นของ|เจ้าของ", re.I)
# the body claimed to run an area, when no known organisation is named: "run by kasetsart uni, isn't it"
_RUNNER_NAMED = re.compile(r"\b(?:run|managed|operated|developed|overseen)\s+by\s+((?:the\s+)?[a-z][a-z .'-]{3,60}?)"
                           r"(?:\s*(?:,|\?|$|\bisn't\b|\bisnt\b|\bright\b|\bcorrect\b|\bor\b|\band\b))", re.I)
_RUNNER_FILLER = frozenset({"uni", "university", "the", "office", "company", "group", "city", "smart", "thai", "thailand"})
_DEVELOPER_SAID = re.compile(r"\bcity developer\b|\bis run by\b|\bdeveloper of\b", re.I)
# A group of areas, not of Smarts: "the seven pilot areas", "7 พื้นที่นำร่อง", "the 7 provinces".
_OF_AREAS = re.compile(r"\bpilots?\b|นำร่อง|\bareas?\b|พื้นที่|\bcities\b|\bprovinces?\b|จังหวัด", re.I)
# Being one of a group, claimed: "among the five", "one of the 7 pilot areas", "เป็น 1 ใน 7 พื้นที่", "7 พื้นที่มีเชียงใหม่ด้วยไหม".
_MEMBER_Q = re.compile(r"\bamong\b|\bone of\b|\bin the (?:list|group|batch)\b|\bon the list\b|\bincluded\b|\bin the top\b|"
                       r"หนึ่งใน|1\s*ใน|อยู่ใน|ด้วย|รวมถึง", re.I)
# Leading something, claimed: "did it lead Economy?", "top for people", "เป็นผู้นำด้านพลังงานไหม", "ได้ที่ 1 ด้านพลังงาน".
_LEAD_Q = re.compile(r"\b(?:lead|leads|led|leader|leading|top|topped|best|first|highest|number one)\b|ผู้นำ|นำ|เด่น|สูงสุด|"
                     r"ที่\s*1(?!\d)|อันดับ\s*1(?!\d)|ที่หนึ่ง", re.I)
# ("ranked first among the province-based cities" claims a place: the first, among the cities of a kind)
_AMONG = re.compile(r"\btop\s*(?:\d|two|three|four|five|ten\b)|"
                    # (a place claimed before it is its ranking: "no.1 among city-based areas", "#2 among provinces")
                    r"(?<!\bfirst\s)(?<!\bsecond\s)(?<!\bthird\s)(?<!\b1st\s)(?<!\b2nd\s)(?<!\b3rd\s)(?<!\d\s)"
                    r"(?<!\bone\s)\bamong\b|"
                    r"\d\s*อันดับแรก|ติด(ท็อป|อันดับ|\s*\d)|ใน\s*\d\s*อันดับ", re.I)


# A follow-up that asks only which one of a kind of thing it was ("which hotel was the venue", "at which event",
# "with which companies", "who were the partners", "which part of bangkok", "จัดที่โรงแรมไหน", "ร่วมกับบริษัทไหน"): the answer just given
# (or its detail) answers it when it names a thing of that kind, though not in the words asked.
_WHICH_KIND = {
    # (not "which province is it in", which asks for another fact than where an event was held)
    "where": re.compile(r"\b(which|what) (part|district|hotel|building|venue|room)\b|\bvenue\b|"
                        r"(โรงแรม|อาคาร|ตึก|ย่าน|สถานที่|ห้อง)\s*(ไหน|อะไร|ไร|ใด)"),
    # ("งานชื่อไร", "what was the event called", "the event's name": which event, by its name)
    "event": re.compile(r"\b(which|what) (event|occasion|conference|expo|show|fair)\b|(งาน|อีเวนต์)\s*(ชื่อ)?\s*(ไหน|อะไร|ไร|ใด)|"
                        r"\b(event|occasion|conference|expo|fair)\b.*\b(called|named|name)\b|"
                        r"\bname of (the|that) (event|occasion|conference|expo|fair)\b"),
    "partner": re.compile(r"\b(which|what) (compan(y|ies)|partners?|agenc(y|ies)|organi[sz]ations?|firms?|operators?)\b|"
                          r"\bwith (whom|who|which)\b|\bpartners?\b|พาร์[ทต]เนอร์|ร่วมกับ\s*(ใคร|ใด|ไหน)|ทำกับใคร|"
                          r"(บริษัท|หน่วยงาน|พันธมิตร|องค์กร)\s*(ไหน|อะไร|ไร|ใด)"),
}
# What is left of such a follow-up once its kind words and asking words are gone must be nothing of its own.
_KIND_WORDS = re.compile(r"\b(which|what|part|area|district|hotel|building|venue|room|place|city|province|event|occasion|"
                         r"conference|expo|show|fair|compan(y|ies)|partners?|agenc(y|ies)|organi[sz]ations?|firms?|"
                         r"operators?|with|whom|who|other|was|were|is|are|it|the|of|at|in|held|did|they|work|worked|"
                         r"there|that|this|called|named|name|and|so|then|about|its|their)\b|ชื่อ|โรงแรม|อาคาร|ตึก|ย่าน|เขต|แถว|สถานที่|ห้อง|งาน|อีเวนต์|บริษัท|หน่วยงาน|"
                         r"พันธมิตร|พาร์[ทต]เนอร์|องค์กร|ร่วมกับ|ทำกับ|ทำ|จัด(ที่|ขึ้นที่)?|ไหน|อะไร|ไร|ใด|ใคร|เป็น|มี|ที่|ได้|บ้าง|นะ|คะ|ค่ะ|ครับ|คับ|อ่ะ|อะ")
# A text that names a partner: "with MEA and True", "ร่วมกับการไฟฟ้านครหลวงและทรู", "in partnership with".
_WITH_PARTNER = re.compile(r"\bwith (the )?[A-Z]|ร่วมกับ|\bpartner|พันธมิตร|\bjointly\b")


# "รวมเป็นกี่เมืองแล้ว", "how many in total by then": a running total, which an answer that counts only the areas
# added ("เพิ่ม 15 พื้นที่", "15 more") does not give.
# ("รวมเป็นกี่ที่ปีนั้น" asks how many that year's batch had in all: the batch's count answers it)
_TOTAL_ASKED = re.compile(r"(รวม|ทั้งหมด|\b(total|altogether|in all|overall)\b).*(แล้ว|ตอนนั้น|ขณะนั้น|"
                          r"\b(so far|by then|by that time|at that point|at the time)\b)|"
                          r"(ตอนนั้น|ขณะนั้น|\b(so far|by then|by that time)\b).*(รวม|ทั้งหมด|\b(total|altogether|in all)\b)|"
                          r"\bcumulative\w*|\brunning total\b")
# New areas asked ("เมืองใหม่", "new ones"), and logos renewed, which are none of them.
_NEW_ASKED = re.compile(r"ใหม่|\bnew\b", re.I)
_RENEWAL = re.compile(r"ต่ออายุ|\brenew", re.I)
_TOTAL_SAID = re.compile(r"รวม|ทั้งหมด|\b(total|in all|altogether|bringing|cumulative\w*)\b")


# The kind of areas a ranking ranks: "city-based", "แบบเมือง"; "province-based", "ประเภทจังหวัด".
_CITY_BASED = re.compile(r"\bcity[- ]?based\b|\bcity level\b|(แบบ|ประเภท|ระดับ)\s*เมือง")
_PROVINCE_BASED = re.compile(r"\bprovince[- ]?based\b|\btop province\b|\bprovincial\b|\bprovince level\b|(แบบ|ประเภท|ระดับ)\s*จังหวัด")
# The year of the index a ranking is of ("TSCCI 2023", "the 2024 index"), not the year it was released.
_INDEX_YEAR = re.compile(r"\bTSCCI\)?\s*((?:19|20)\d\d)\b|\b((?:19|20)\d\d) index\b")
# "ที่สอง", "อันดับ 2 3 ล่ะ", "and third?", "who came 2nd": all such a follow-up says, besides the places asked.
_PLACE_WORDS = re.compile(r"\b(and|what|about|how|who|which|one|ones|area|areas|city|cities|place|was|were|is|are|came|come|"
                          r"ranked|rank|got|get|the|then|in|of|next|after|at|number|no)\b|"
                          r"แล้ว|ล่ะ|ละ|หละ|ใคร|อันดับ|ลำดับ|ได้|ที่|เมือง|พื้นที่|ไหน|อะไร|ไร|คือ|เป็น|กับ|และ|ครับ|คับ|ค่ะ|คะ|นะ|อ่ะ|อะ|"
                          r"ปี|ล่า|ต่อมา|ถัดมา|ถัดไป|[?!.,]")


def _category_of(text: str) -> str | None:
    """Which kind of areas a text says a ranking is of: "city", "province", or None (neither, or both)."""
    city, province = bool(_CITY_BASED.search(text)), bool(_PROVINCE_BASED.search(text))
    return None if city == province else "city" if city else "province"


def _ranks_asked(text: str) -> list[int]:
    """The places a follow-up asks about, in order: [2] for "ที่สอง", [2, 3] for "อันดับ2 3 ล่ะ" or "2nd and 3rd",
    [4] for "and 4th"."""
    first = _asked_rank(text)
    if first is None and not _NTH_PLACE.search(text):
        return []
    more = [int(n) for n in re.findall(r"(?<![\d.,:/])([1-9])(?:st|nd|rd|th)?(?![\d.,:/%])", text)]
    words = [_ORDINAL_WORDS[w] for w in _NTH_PLACE.findall(text) for w in w if w and not w.isdigit()]
    return list(dict.fromkeys([*([first] if first is not None else []), *more, *words]))


_NTH_PLACE = re.compile(r"\b(?:[1-9](?:st|nd|rd|th)|(first|second|third|fourth|fifth))\b|(?<=ที่)\s*(หนึ่ง|สอง|สาม|สี่|ห้า)")
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4,
                  "ห้า": 5}


# The placeholders an area's or a place's name leaves in the masked text ("does zcity have a 7 smarts plan?").
_PLACEHOLDER = re.compile(r"\bz(city|place)\b")

# A start asked ("when did it start", "when was it launched", as _asked_words cuts them) and a text that tells one.
_START_ASKED = frozenset({"start", "begin", "began", "launc", "kick", "เริ่ม"})
_START_SAID = re.compile(r"\bfrom \d|\bsince\b|\bstart|\bbegan\b|\bbegun\b|\blaunch|\bopened\b|\bkicked off\b|เริ่ม|ตั้งแต่")

# A follow-up that is only the kind of thing asked: "date?", "the exact day?"; "how long?", "within how long?".
_BARE_WHEN = re.compile(r"^\s*(and |so |ok |okay )?(the |its |exact |the exact )?(date|day|month|year|opening date|start date|"
                        r"launch date|opening day)\s*[?!.]*\s*$")
_BARE_HOW_LONG = re.compile(r"^\s*(and |so |ok |okay )?(within |in |for |over )?how (long|far)\s*[?!.]*\s*$")

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

def _says_word(text: str, word: str) -> bool:
    """Whether ``text`` says ``word``: a Thai word as it is, an English one in any form that shares its first
    eight letters ("transparency" / "transparent", not "transport") or all of a shorter one ("crime")."""
    word = word.casefold()
    if not word.isascii():
        return word in text
    head = word[:8]
    return re.search(rf"\b{re.escape(head)}", text) is not None


def _asks_before(text: str) -> bool:
    """"ก่อนหน้านั้นล่ะ", "and before that?"."""
    return bool(_BEFORE_TH.search(text) or has_latin(text) and _BEFORE_EN.search(text))


def _asks_after(text: str) -> bool:
    """"หลังจากนั้นล่ะ", "and after that?"."""
    return bool(_AFTER_TH.search(text) or has_latin(text) and _AFTER_EN.search(text))
# A place or a score asked for ("ได้อันดับเท่าไหร่", "what score", "ได้กี่เปอร์เซ็นต์"), not which area took it.
_PLACE_OR_SCORE = re.compile(r"อันดับ\s*(ที่)?\s*(เท่า|อะไร|ไหน)|ได้ที่\s*(เท่า|อะไร|ไหน)|คะแนน|เปอร์เซ็น|ร้อยละ|%|"
                             r"\b(what|which) (rank|place|position|score)|\bscored?\b|\branks?\b|\bpercent")
# "...meeting of 2020, at depa in Lat Phrao": a place something happened at, in a named part of a city (the
# English detail, as written: its capital letters mark the names)
_AT_A_PLACE = re.compile(r"\b(?:held )?at (?:the )?[\w.&'-]+(?: [\w.&'-]+){0,3},? in [A-Z][a-z]+")
# "where is it", "อยู่ที่ไหน": where a thing lies, not where something took place.
_LOCATED = re.compile(r"อยู่|ตั้ง|\b(located|based|lies|is it|is that|where's|where is)\b")
# "who announced it", "ใครเป็นประธาน": someone who did what an event does (not "who runs it": the area's owner)
_EVENT_ACT = re.compile(r"ประกาศ|ประธาน|จัด|ประชุม|มอบ|อนุมัติ|เห็นชอบ|รับรอง|\b(announc\w*|chair\w*|held|host\w*|"
                        r"hand\w*|present\w*|approv\w*|certif\w*|declar\w*)\b")
# "it" as what a yes/no question asks about ("was it in the first five?", "is it certified?")
_IT_SUBJECT = re.compile(r"\b(is|was|does|did|has) it\b(?!')", re.I)
_THEN_TH = re.compile(r"^\s*(แล้ว|และ)\s*")
# Renewing a logo ("ต่ออายุ", "ต่อตราแล้วยัง", "renewed"), and what a fact about an area's logo term says.
_WILL_ASKED = re.compile(r"จะ|\b(?:will|going to|gonna)\b", re.I)
_RENEWAL = re.compile(r"ต่ออายุ|ต่อตรา|ต่อแล้วยัง|ต่อรึยัง|ต่อหรือยัง|\brenew", re.I)
_DEVELOPER_ASKED = re.compile(r"ผู้พัฒนาเมือง|\b(?:city )?developer\b|\bwho (?:runs|develops|developed)\b", re.I)
_TERM_SAID = re.compile(r"อายุ|\bvalid|\brenew|\bexpir", re.I)
# "ต่ออายุแล้วยัง", "was its logo renewed": whether a renewal took place, not whether one may ("ต่ออายุได้ไหม", "can it be
# renewed"); only a fact that reports a renewal done answers it (not the logo's 2-year term, nor that it can be renewed)
_RENEWAL_DONE = re.compile(r"(?:ต่ออายุ|ต่อตรา|ต่อ)\S{0,10}(?:แล้ว|รึยัง|หรือยัง|ยัง\s*$)|ได้ต่อ(?:อายุ)?\S{0,12}(?:แล้ว|ยัง|ไหม|มั้ย|หรือ|รึ)|"
                           r"\b(?:has|have|had|was|were|did|got|get|gets|been)\b(?:\s+\S+){0,5}?\s+renew(?:ed|al)?\b|"
                           r"(?<!be )\brenewed\s*(?:yet|already)\b", re.I)
_RENEWED_SAID = re.compile(r"ได้รับการต่ออายุ|ต่ออายุ\S{0,24}?(?:ให้|แล้ว)|(?<!be )\brenewed\b|\brenewal of\b", re.I)
_HOW_MANY_CITIES = re.compile(r"กี่เมือง|กี่แห่ง|กี่พื้นที่|เมืองไหนบ้าง|\bhow many\b|\bwhich (?:cities|areas)\b", re.I)
_IT = re.compile(r"\b(it|its|it's|they|them|their|there)\b|มัน|ที่นั่น|แถวนั้น")  # (not "that": "that day")
# "กี่ที่", "มีทั้งหมดกี่แห่ง", "how many?", "how many of them" right after a list of areas: how many it listed
_COUNT_OF_LISTED = re.compile(r"^(?:แล้ว|และ|ทั้งหมด|รวม|มี|\s)*กี่\s*(?:ที่|แห่ง|พื้นที่|เมือง|โครงการ|ราย)(?:ทั้งหมด|ครับ|คะ|ค่ะ|"
                              r"อ่ะ|อะ|นะ|ล่ะ|หรอ|\?|\s)*$|^(?:so |and )?how many(?: (?:are there|of them|in all|in total|"
                              r"areas|places|cities|projects|is that|are they))*\s*\??$", re.I)
_WHICH_N = re.compile(r"^\s*(?:which|what are the|what were the|name the|list the)\s+(\d{1,2})\s*(?:ones?|of them)?\s*\??\s*$|"
                      r"^\s*(\d{1,2})\s*(?:ด้าน|อย่าง|อัน|แห่ง|เมือง|ข้อ)?\s*(?:นั้น|ที่ว่า)?\s*(?:มี)?(?:อะไรบ้าง|ไหนบ้าง|ได้แก่อะไร)", re.I)
# "which 16 were those", "the other eight": how many things a list question asks for
_N_ASKED = re.compile(r"(?<![\d.,/])(\d{1,3})(?![\d.,/])")
_PAST = re.compile(r"\b(was|were|did|had)\b|เคย|ที่แล้ว")
# "which ones?", "มีไรบ้าง", "ขอรายชื่อทั้งหมดหน่อย", "name them pls": a message that only asks for the things the
# last answer counted (a word that lists, and nothing that says what else is asked).
_LIST_CUE = re.compile(r"บ้าง|รายชื่อ|ได้แก่|\bwhich (ones|are they|were they|cities|areas|places|provinces|projects)\b|"
                       # "which 16?", "which were the other eight": the things just counted, by their number
                       r"^\s*which (?:were |are )?(?:the )?(?:other |remaining )?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|"
                       r"ten|eleven|twelve)\b|"
                       r"\bname them\b|\blist them\b|\btheir names\b|^names\b|\bwhat (are|were) they\b|\bwho (are|were) they\b|"
                       # "name a few", "some of them?", "ยกตัวอย่างหน่อย": some of them, as the list gives them
                       r"\bname (some|a few|any|a couple)\b|\bsome of them\b|\bexamples?\b|ยกตัวอย่าง|ขอตัวอย่าง")
_LIST_ONLY = re.compile(r"^(มี|ชื่อ|รายชื่อ|เมือง|พื้นที่|ที่|ด้าน|โครงการ|จังหวัด|แห่ง|อัน|ไหน|ไร|อะไร|ใคร|ใด|บ้าง|ทั้งหมด|ทั้ง|"
                        r"\d{1,3}|ขอ|หน่อย|ได้แก่|คะ|ค่ะ|ครับ|คับ|นะ|อ่ะ|อะ|ล่ะ|แล้ว|และ|ส่วน|which|what|who|are|were|is|"
                        r"they|them|their|those|these|ones?|names?|list|all|of|the|cities|areas|places|provinces|"
                        r"projects|smarts|pls|please|plz|and|so|then|can|could|you|u|tell|give|show|me|name|some|few|a|any|"
                        r"couple|examples?|for|ยกตัวอย่าง|ตัวอย่าง|ได้ไหม|ได้มั้ย|ให้ฟัง|"
                        # ("ขอรายชื่อเมืองเหล่านั้นด้วย", "ขอทราบชื่อโครงการที่ผ่าน", "4 อันนั้น", "the other eight":
                        # those just counted, pointed at, or what the count said of them)
                        r"เหล่านั้น|เหล่านี้|พวกนั้น|พวกนี้|นั้น|นี้|ด้วย|ทราบ|ครบ|ทุก|ไหม|มั้ย|มั๊ย|ผ่าน|ได้รับ|ได้ตรา|เห็นชอบ|อนุมัติ|ต่ออายุ|"
                        r"other|remaining|rest|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"\?|!|\.|\s)*$")


# "which smart is missing", "ขาดด้านไหน", "what's left out": which of the 7 Smarts a list just given does not name
_MISSING = re.compile(r"\bmissing\b|\bleft out\b|\blacking\b|\bnot (?:included|covered|there|in it|on it)\b|"
                      r"\b(?:isn't|aren't|wasn't|weren't) (?:there|included|covered|in it|on it)\b|"
                      r"ขาด(?!ทุน)|ไม่มีด้าน|ด้าน(?:ไหน|ใด)(?:ที่)?ไม่มี|ไม่ได้(?:รวม|ใส่|มี)|หายไป", re.I)


_PROJECTS = re.compile(r"โครงการ|\bprojects?\b")
_PROJECTS_COUNTED = re.compile(r"\d+\s*(โครงการ|ข้อเสนอ|(projects?|proposals?)\b)", re.I)


def _asks_the_list(text: str) -> bool:
    """"which ones?", "มีไรบ้าง", "name them pls": only the things the last answer counted are asked for."""
    return bool(_LIST_CUE.search(text)) and bool(_LIST_ONLY.match(text.casefold()))


# "เมืองที่กฟผ.ทำ", "พื้นที่ซึ่งปตท.ดูแล", "the smart city that hosts VISTEC", "the area run by PMCU": the area of
# the organisation or project named, not that organisation itself.
# ("โครงการเมืองอัจฉริยะของจุฬาฯ", "the smart city of PTT" may ask about the organisation's project itself)
_AREA_OF = re.compile(r"(เมือง|พื้นที่)(อัจฉริยะ)?\s*(ที่|ซึ่ง)(?!ได้|ไหน|ใด)|"
                      r"\b(smart )?(city|cities|area|town|district)\s+(that|which|where|run by|hosting)\b")
# "according to depa", "ตามที่ดีป้าระบุ": who says it, not what is asked about.
_ACCORDING_TO = re.compile(r"\baccording to\b|\bas (stated|said|described) by\b|ตามที่|ตามข้อมูล(ของ)?|อ้างอิงจาก")
# "besides Samyan", "นอกจากสามย่าน": the areas named are left out of what is listed.
_BESIDES = re.compile(r"นอกจาก|นอกเหนือจาก|ยกเว้น|\b(besides|except|excluding|other than|apart from)\b")
# "ชื่ออะไร", "ชื่อเต็มว่าอะไร", "what is it called": the name of what the question points at.
# "what is a smart city": the notion itself, which the programme's certification defines (knowledge/data concept).
_SMART_CITY_WORDS = re.compile(r"smart ?cit(?:y|ies)|เมืองอัจฉริยะ|สมาร์ท ?ซิตี้|สมาท ?ซิตี้")
_ARTICLES = re.compile(r"\b(?:a|an)\b")
_SMART_CITY_CONCEPT = "smart-city-logo"
# "which one is about …", "อันไหนเกี่ยวกับ…" with the thing named removed: which of a kind is that thing.
_WHICH_ONE_IS = re.compile(r"^\s*(?:so |and |ok |okay )?(?:which(?: one)?(?: of them| of the (?:7|seven) smarts)?"
                           r"(?: is| deals with| covers| has to do with)?(?: about| for)?|(?:แล้ว)?(?:อัน|ข้อ|ด้าน)ไหน"
                           r"(?:ที่)?(?:เป็น|คือ)?(?:เรื่อง|เกี่ยวกับ|ว่าด้วย)?)\s*[?]*\s*$")
# "what cities got the smart city logo": which places, not what the thing named is.
_PLACES_ASKED = re.compile(r"\b(?:what|which) (?:cities|areas|places|provinces|towns)\b")
_NAME_ASKED = re.compile(r"ชื่อ\S{0,8}(อะไร|ไร|ว่า|ใด)|\b(is it|it is|it's|is that|is this) called\b|"
                         r"\b(what|which)('s|s| is) (its|the) name\b|\bname it\b")
# A question about the bot itself ("who are you", "บอทชื่ออะไร"): small talk, though it asks who or what.
_ABOUT_THE_BOT = re.compile(r"\b(who|what) (are|r) (you|u)\b|\byour name\b|\bwho (made|built|created) (you|u)\b|"
                            # "hey, how are you?", "ฮัลโหล มีใครอยู่มั้ย": a greeting, though it asks how or whether
                            r"\bhow (are|r) (you|u|ya)\b|\bhow'?s it going\b|สบายดี(ไหม|มั้ย|มั๊ย|ป่ะ|รึเปล่า)|มีใครอยู่|"
                            r"\bare (you|u) (a )?(bot|robot|human|real|person)\b|"
                            r"(บอท|คุณ|เธอ)(ตัวนี้|ตัวนี่|นี้|นี่|เนี่ย|เนี้ย)?\s*(มี)?(ชื่อ(อะไร|ไร|ว่า)|เป็นใคร|คือใคร|เป็นคนหรือ"
                            r"|เป็นคนจริง|(ใคร|ที่ไหน|หน่วยงานไหน)(ทำ|สร้าง|พัฒนา|ดูแล))", re.I)
# Only an acknowledgement ("ok cool", "โอเคครับ"): small talk, answered like thanks.
_ACK_WORDS = frozenset("ok okay k kk cool nice lol haha hahaha great alright sure fine noted gotcha "
                       "โอเค อ๋อ เข้าใจ รับทราบ".split())
# (words that say it only with one of the above; "ok noted thx", "cool ty": thanks said short after one)
_ACK_TOO = frozenset("got it i see แล้ว ครับ ค่ะ คะ จ้า ๆ thx thanks thank you ty tks tnx ขอบคุณ ขอบใจ".split())
_PERSON_PRONOUN = re.compile(r"\b(he|his|him|she|her)\b|ท่าน|เขา|เค้า")
# "what did he say", "เค้าพูดว่าไงบ้าง", "ท่านอธิบายว่าอะไร": the words of the person the conversation is about
# How long something takes or is meant to take, asked with nothing else ("over how long?", "ภายในกี่ปี"), and a
# span an answer gives ("within 20 years", "ภายใน 20 ปี"; not "within 2020").
_SPAN_ASKED = re.compile(r"\b(?:over |in |within )?how (?:long|many years)\b|\bover what (?:period|time(?:frame)?)\b"
                         r"|\bwhat (?:time ?frame|timeline)\b|(?:ภายใน|ใน)?(?:กี่ปี|นานแค่ไหน|นานเท่าไ\S*|ระยะเวลาเท่าไ\S*)")
_SPAN_GIVEN = re.compile(r"\b(?:within|over|in) \d{1,3} (?:years?|months?)\b|ภายใน\s*\d{1,3}\s*(?:ปี|เดือน)")
# "who did?", "who was it then?", "แล้วใครล่ะ": who it was, when the one just asked about was not.
_WHO_INSTEAD = re.compile(r"^\s*(?:(?:so|and|then|ok|okay),? )?(?:who|which (?:one|city|area|person)) ?(?:did|was it|is it|then|"
                          r"instead|did it|did then|was it then)?\s*[?!.]*\s*$|^\s*(?:แล้ว)?(?:ใคร|คนไหน|ที่ไหน|เมืองไหน)"
                          r"(?:ล่ะ|ละ|หล่ะ|อ่ะ|อะ|ครับ|คะ|คับ|เหรอ|หรอ|เป็นคน(?:ทำ|ได้)|ได้)*\s*[?]*\s*$")
# A greeting before the question ("hi is phuket a smart city", "สวัสดีครับ ขอนแก่นเป็นเมืองอัจฉริยะไหม") and laughter
# after it ("... lol", "... 555"): chat around the question, which is read without them (with them the classifier
# read the message as half greeting and refused it).
_GREETING_FIRST = re.compile(
    r"^\s*(?:(?:hi+|hello+|hey+|yo|hiya|howdy|good (?:morning|afternoon|evening)|greetings)(?: there| bot| admin)?"
    r"[\s,!.~]+|(?:สวัสดี|หวัดดี|ฮัลโหล|ดี)(?:ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|ค่า)(?:\s*(?:บอท|แอดมิน|น้องบอท|แอด))?[\s,!.~]*|"
    r"(?:สวัสดี|หวัดดี|ฮัลโหล)(?:\s*(?:บอท|แอดมิน|น้องบอท|แอด))?[\s,!.~]+)", re.I)
_LAUGHTER_LAST = re.compile(r"[\s,]+(?:lo+l|lmao|ha(?:ha)+|he(?:he)+|5{3,}|ฮ่า(?:ๆ|ฮ่า)*)[\s!.?~]*$", re.I)


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


def _certified_th(name: str) -> str:
    """"ได้รับการรับรองเป็นเมืองอัจฉริยะ" after an area's Thai name, without saying "เมืองอัจฉริยะ" twice when the
    name says it ("ภูเก็ตเมืองอัจฉริยะได้รับการรับรองเมื่อ ...")."""
    return "ได้รับการรับรอง" if "เมืองอัจฉริยะ" in name else "ได้รับการรับรองเป็นเมืองอัจฉริยะ"


# Which of two came first: "อันไหนได้ก่อน", "ใครได้ตราก่อน", "which was certified first", "earlier".
# (not "the first five", "ชุดแรก": a batch, not an order)
_FIRST_OF_TWO = re.compile(r"ก่อน(?!หน้า)|\b(?:first(?!\s+(?:five|5|batch|round|pilot|ones?|group|lot|wave|seven|7))|earlier|"
                           r"sooner|before)\b", re.I)


# A message that opens with thanks ("thanks, that helps", "ขอบคุณค่ะ เข้าใจแล้ว").
_THANKS_FIRST = re.compile(r"^\s*(?:ok(?:ay)?,? |โอเค\s*)?(?:thanks|thank you|thx|ty\b|cheers|ขอบคุณ|ขอบใจ|ขอบคุน|ขอบคุง|"
                           # praise: "บอทเก่งจัง", "good bot", "you're awesome"
                           r"(?:น้อง)?บอท(?:นี้|นี่)?เก่ง|เก่ง(?:จัง|มาก)|(?:good|great|nice|smart) bot\b|"
                           r"(?:you'?re|you are|u r) (?:great|awesome|amazing|smart|helpful)\b)")
# "who chaired it", "ใครเป็นประธาน", "who opened it": an act a person did at an event, asked of; each with what
# an answer says when it tells who did it ("presided", "เป็นประธาน"; "handed" is what a ceremony's chair did)
_ACTS_ASKED = (
    (re.compile(r"\b(chair\w*|presid\w*|head(ed)?)\b|ประธาน"), re.compile(r"\bchair\w*|\bpresid\w*|ประธาน", re.I)),
    (re.compile(r"\b(open\w*|launch\w*|inaugurat\w*)\b|เปิด"), re.compile(r"\bopen\w*|\blaunch\w*|เปิด", re.I)),
    (re.compile(r"\b(hand\w*|gave|give\w*|award\w*|present\w*)\b|มอบ"), re.compile(r"\bhand\w*|\bpresent\w*|มอบ", re.I)),
    (re.compile(r"\b(announc\w*|declar\w*)\b|ประกาศ"), re.compile(r"\bannounc\w*|\bdeclar\w*|ประกาศ", re.I)),
    (re.compile(r"\b(sign\w*)\b|ลงนาม"), re.compile(r"\bsign\w*|ลงนาม", re.I)),
)
_SAID_ASKED = re.compile(r"\b(say|said|says|explain|explained|explains|quoted|mean|meant)\b|พูด|บอก|อธิบาย|ให้สัมภาษณ์")


def _acted_in(snap: Snapshot, fact: Fact, act: re.Pattern[str], people_names: dict[str, tuple[str, ...]],
              named: bool = False) -> tuple[Fact, bool] | None:
    """``fact`` and whether its detail says it, when it names one person (one it is about, or with ``named``
    one its detail names; ``people_names``: :func:`_people_names`) and says that they did ``act``."""
    people = [x for x in fact.about if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
    detail = f"{fact.detail.th} {fact.detail.en}".casefold() if fact.detail is not None else ""
    if named and not people and detail:
        people = [x for x, names in people_names.items() if any(n in detail for n in names)]
    if len(people) != 1:
        return None
    names = people_names[people[0]]
    said = fact.answer_text()
    if any(n in said.casefold() for n in names):
        return (fact, False) if act.search(said) else None
    if any(n in detail for n in names) and (act.search(said) or act.search(detail)):
        return fact, True
    return None


def _people_names(snap: Snapshot) -> dict[str, tuple[str, ...]]:
    """Every person of the catalogue with their names and aliases, casefolded."""
    return {x: tuple(n.casefold() for n in (e.name.th, e.name.en, *e.aliases) if len(n) >= 4)
            for x, e in snap.kb.entities.items() if e.kind == "person"}


# "why did X get certified": the words of asking why, and of asking why only now (another fact's question)
_WHY_WORDS = re.compile(r"ทำไม(?!\u0e48)|เพราะอะไร|เหตุใด|ถึง|จึง|ล่ะ|ละ|หรอ|เหรอ|"
                        r"\b(why|how come|chosen|selected|picked|become|became|as)\b", re.I)
_WHY_LATE = re.compile(r"เพิ่ง|ช้า|นานแล้ว|ตั้งนาน|\b(only now|so late|late|just now|only in|finally|took so long)\b", re.I)


# Asking which languages the bot speaks: "can you speak thai", "do you understand english", "พูดไทยได้ไหม".
_LANGUAGES_ASKED = re.compile(r"\b(speak|understand|reply|answer|talk|chat|write|respond)\w*\b.{0,20}\b(thai|english)\b|"
                              r"\b(thai|english)\b.{0,6}\b(ok|okay|possible|fine)\b|"
                              r"(พูด|คุย|ตอบ|พิมพ์|เข้าใจ)\S{0,8}(ภาษา)?(ไทย|อังกฤษ|อิงลิช)\S{0,6}(ได้|ไหม|มั้ย|ป่ะ|เปล่า)|"
                              r"(ภาษาอังกฤษ|ภาษาไทย|english)\s*ได้(ไหม|มั้ย|ป่ะ|เปล่า|บ่)|"
                              # "ขอเป็นภาษาไทย", "in english please", "english pls"
                              r"(ขอ|เป็น)\s*ภาษา\s*(ไทย|อังกฤษ)|^\s*(in\s+)?(thai|english)(\s+(please|pls|plz))?[\s?!.]*$|"
                              r"\bin (thai|english),? (please|pls|plz)\b", re.I)
_ENGLISH_NAMED = re.compile(r"english|อังกฤษ|อิงลิช", re.I)
# What else asking how two differ says: "what's the difference between", "ความแตกต่าง", "ยังไง".
_DIFFERENCE_WORDS = re.compile(r"ความ|ยังไง|อะไร|บ้าง|\b(what'?s|what|difference|differences|tell|me|explain)\b", re.I)
# The words asking which of two: "ที่ไหน" is not "where" there.
_WHICH_OF_TWO = re.compile(r"ที่ไหน|อันไหน|ตัวไหน|เมืองไหน|ใคร|\b(which one|which|who)\b", re.I)
# What is left of a comparison that names nothing to compare on: "กับ", "ที่", "or", "is", "between".
_COMPARED_ON = re.compile(r"กับ|และ|หรือ|ที่|ระหว่าง|กัน|ล่ะ|ละ|ครับ|คับ|ค่ะ|คะ|นะ|อะ|อ่ะ|ป่ะ|[,?!.]|"
                          r"\b(or|and|is|are|vs|versus|between|the|two|of|them|overall|really)\b", re.I)


# "who runs it", "ใครดูแล": the bodies behind an area, not a person ("ใครเป็นนายก" names a post: not this)
_RUNS_ASKED = re.compile(r"ดูแล|ขับเคลื่อน|รับผิดชอบ|(?<!ผู้)บริหาร|ดำเนินการ|\b(runs?|running|in charge|behind|manages?|managing|"
                         r"operates?|drives?|driving|responsible)\b", re.I)


# A person named in an answer by a title ("ผู้ดูแลงานของดีป้าในภูเก็ตคือ ประชา อัศวธีระ" is said with none: by its
# verb, "is ... who oversees")
_PERSON_TITLED = re.compile(r"นาย|นาง|ดร\.|รศ\.|ผศ\.|ศ\.|พล\.|ผู้ดูแลงาน|ผู้อำนวยการ|\b(mr|mrs|ms|dr|prof|gen|director|"
                            r"chairman|president|head|heads|mayor|governor)\b", re.I)
# ...unless a person is what is asked for ("who's the main person", "ผู้บริหารคนไหน", "รองอธิการฯ")
_PERSON_ASKED = re.compile(r"คนไหน|ผู้บริหาร|รองอธิการ|อธิการ|ผู้รับ|ขึ้นรับ|\b(person|people|guy|man|woman|name)\b", re.I)


# "which of those", "which one of them", "อันไหน", "ที่ไหนในนั้น": one of the things the last answer listed.
_WHICH_OF = re.compile(r"\bwhich (one |ones )?of (those|them|these|the five|the 5)\b|\bwhich one\b|\bwhich ones\b|"
                       r"\bany of (them|those)\b|อันไหน|เมืองไหน(ใน|จาก)|ที่ไหน(ใน|จาก)|ในนั้น|ในบรรดา|ในจำนวนนั้น")
# "ด้านไหน", "which smart", "which of the 7 smarts", "which dimension": which of the seven a question asks for
_WHICH_DIMENSION = re.compile(r"ด้านไหน|ด้านใด|(smart|สมาร์ท)\s*(ตัว|อัน)?ไหน|\bwhich (one )?(of the (7|seven) )?(smart|smarts|"
                              r"dimension|dimensions|pillar|pillars)\b|\bwhich smart (dimension|area|pillar)\b")
_BACK_THEN = re.compile(r"ตอนนั้น|ช่วงนั้น|สมัยนั้น|ขณะนั้น|ในเวลานั้น|ปีนั้น|\b(back then|at (that|the) time|in those days|"
                        r"that year)\b")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Where a preface ends and the question begins: a sentence's end, or ", so why...", ", but what...".
# (English only: Thai has no sentence marks, and the point of "7 พ.ย. 64" ends nothing)
_PREFACE_END = re.compile(r"(?<=[a-z0-9)\"'][.?!])\s+(?=[a-z])|,\s*(?:so|but|then)\s+(?=[a-z])", re.I)
_WH_WORD = re.compile(r"\b(?:what|whats|what's|which|when|where|who|why|how)\b", re.I)


def _asking_weighed(text: str) -> str:
    """``text`` with its asking clause said twice when a statement comes before it ("people in Khon Kaen say it
    has been a smart city for years. why was it only certified in 2021?"): the question's words weigh more than
    the preface's, which another fact (why people said so) matches as well."""
    if has_thai(text):
        return text
    parts = [p for p in _PREFACE_END.split(text.strip()) if p.strip()]
    if len(parts) < 2 or not _WH_WORD.search(parts[-1]) or any(_WH_WORD.search(p) for p in parts[:-1]):
        return text
    return f"{text} {parts[-1]}"
_OR_ELSE = re.compile(r"\s+or\s+|\s*หรือว่า|\s*หรือแค่|\s*หรือเป็นแค่")
# "ปี 66", "พ.ศ. 66", and a Thai month with the short year: "มกรา 66", "ธ.ค. 64".
_SHORT_BE_YEAR = re.compile(r"(?:ปี|พ\.ศ\.|มกรา\S*|กุมภา\S*|มีนา\S*|เมษา\S*|พฤษภา\S*|มิถุนา\S*|กรกฎา\S*|สิงหา\S*|"
                            r"กันยา\S*|ตุลา\S*|พฤศจิกา\S*|ธันวา\S*|[มกพสตธ]\.[คพยย]\.|มี\.ค\.|เม\.ย\.|มิ\.ย\.)"
                            r"\s*([5-7]\d)(?!\d)")


# A year as a follow-up says it ("ข้อมูลล่าสุดปี 2568", "ช่วงปี 2566–2567 เล่า", "in 2022"), with the words around it.
_A_YEAR = re.compile(r"(ข้อมูล|ล่าสุด|ช่วง|ตอน)*\s*(ปี|พ\.ศ\.|ค\.ศ\.)?\s*((19|20|25)\d\d|(?:(?<=ปี)|(?<=ช่วง))\s*\d\d)"
                     r"(\s*[-–]\s*(\d{4}|\d\d))?|\b(in|year)\b|เล่า")


# A span of years: "2021-22", "2563–65", "ช่วง 63-65", "ปี 63 - 65" (every year in it is asked).
_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20|25)\d\d)\s*[-–]\s*(\d\d|\d{4})(?!\d)|"
                        r"(?:ปี|ช่วง|พ\.ศ\.)\s*([5-7]\d)\s*[-–]\s*([5-7]\d)(?!\d)")


@lru_cache(maxsize=4096)
def _years_in(text: str) -> frozenset[int]:
    """The years (CE) a text names, from its own numbers (for a text kept from before, which has no parse);
    kept by text, since a conversation's kept question is read again at every turn."""
    return _years_asked(text, [int(n) for n in re.findall(r"\d{2,4}", text)])


def _years_asked(text: str, numbers: list[int]) -> frozenset[int]:
    """The years (CE) a question names: 2563 and 2020 alike, the short Thai "ปี67", and every year of a span
    ("2021-22", "ช่วง 63-65")."""
    years = {n - 543 for n in numbers if 2400 <= n <= 2700} | {n for n in numbers if 1990 <= n <= 2100}
    years.update(2500 + int(m) - 543 for m in _SHORT_BE_YEAR.findall(text))
    for full, end, short_start, short_end in _YEAR_SPAN.findall(text):
        if full:
            start = int(full)
            stop = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        else:
            start, stop = 2500 + int(short_start), 2500 + int(short_end)
        if start >= 2400:
            start, stop = start - 543, stop - 543
        if 0 <= stop - start <= 10:
            years.update(range(start, stop + 1))
    return frozenset(y for y in years if 1990 <= y <= 2100)


# Words a follow-up asks with, which say nothing about what it asks ("and", "what about", "แล้ว...ล่ะ").
# Only "any others?", "มีที่ไหนอีก": who or what else, after an answer that names some
_OTHERS_ONLY = re.compile(r"^\W*(and\s+)?(any|are there( any)?|anyone|anything|who|what|which)?\s*(others?|more|else)\s*(ones?)?"
                          r"\W*$|^(แล้ว)?มี(ที่ไหน|อะไร|ใคร|เมืองไหน|ไร|อันไหน)?อีก(ไหม|มั้ย|ป่ะ|บ้าง)?\W*$", re.I)
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
# "in it", "part of it": a yes/no about an area and what the answer just given was about
_IN_IT = re.compile(r"\b(in|part of|a member of|members? of|joined|join) (it|them)\b", re.I)
_TOLD_FILLER = re.compile(r"\b(what|how|about|and|then|ok|okay|so|much|many|else|also|between|exactly|actually|really|"
                          r"supposed|meant|intended)\b|แล้ว|ล่ะ|เท่าไหร่|กี่|ใคร|ไหน|อะไร|ไร")
# Nouns that name the kind of thing asked, not what it is about ("what dates", "ชื่ออะไร", "ปีไหน"): an answer
# gives a date without saying "date".
_KIND_NOUN = re.compile(r"\b(dates?|days?|years?|times?|names?|places?|numbers?|amounts?|figures?)\b|วันที่|วัน|ปี|"
                        r"ชื่อ|เวลา|ตอน|จำนวน|ตัวเลข|ใด")
# The particles a Thai yes/no question ends with ("ต่ออายุได้ไหม", "จริงป่ะ"): they ask, they are not asked about.
_TH_ASKING = frozenset("ไหม มั้ย มั๊ย ไม๊ ป่ะ ปะ ป่าว เปล่า หรือเปล่า รึเปล่า หรือไม่ ใช่ไหม ใช่มั้ย หรอ เหรอ มะ ดิ".split())
_EN_STOP = frozenset("a an the is are was were be been of in on at to for and or do does did it its this that what which "
                     "who whom when where how many much there their they them with by as from".split())

# "ศรีราชาอยู่ในเครือข่ายอาเซียนไหม": in a network or a group, which is no question of where it is.
# "in that batch too", "อยู่ในชุดนั้นด้วย": the batch (round, group) the last question was about.
_THAT_BATCH = re.compile(r"\b(that|the same|this) (batch|round|group|list|lot|cohort)\b|\bamong (them|those)\b|"
                         r"(ชุด|รุ่น|รอบ|กลุ่ม)(นั้น|นี้|เดียวกัน)|ใน(นั้น|นี้|ลิสต์|รายชื่อ)(?!\S*ปี)|"
                         # "มีโคราชด้วยมั้ย" right after a list: is Korat among them too
                         r"^(?:แล้ว)?มี.{1,30}?ด้วย(?:ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|เปล่า|รึเปล่า|หรือเปล่า|มะ|หรอ|เหรอ)")
# A question about the areas certified (a batch, a round, the logos), not a ranking or a budget of that year.
_CERTIFYING = re.compile(r"ชุด|รุ่น|รอบ|รับรอง|ตรา|โลโก้|\b(batch|round|cohort|certif\w*|logos?|pilots?)\b", re.I)
_MEMBERSHIP = re.compile(r"เครือข่าย|สมาชิก|\bnetwork\b|\bmembers?\b|\bmembership\b|\balliance\b")
# "the Thai term for Smart Governance", "ภาษาไทยเรียกว่าอะไร", "ชื่อภาษาอังกฤษ": the other language's name.
_OTHER_NAME = re.compile(r"\b(thai|english) (term|name|word|translation)\b|\b(called|say it|named) in (thai|english)\b|"
                         r"\bin thai\?*$|ภาษา(ไทย|อังกฤษ)\s*(เรียก|ใช้คำ|คือ|ว่า)|ชื่อ(ภาษา)?(ไทย|อังกฤษ)|เรียกเป็นภาษา")
# What a thing means or is about ("what does Smart Living mean", "how is it described", "หมายถึงอะไร").
_MEANING_ASKED = re.compile(r"\bmean(s|ing)?\b|\bdescri(bed?|ption)\b|\bdefin|\bwhat(?:'s| is| are) (?:\S+ ){0,6}about\b|"
                            r"หมายถึง|หมายความว่า|ความหมาย|นิยาม|คืออะไร|คือไร|คือ\s+อะไร", re.I)
_ANOTHER_NAME = re.compile(r"\b(other|another|alternative|alternate|different)\b|อื่น")
# An area's full certified name or slogan asked ("what's its slogan", "ชื่อเต็มว่าอะไร", "สโลแกนว่าไร").
_FULL_NAME = re.compile(r"\b(full|official|certified) name\b|\bslogan\b|\bmotto\b|ชื่อเต็ม|ชื่อทางการ|ชื่อที่ได้รับ|"
                        r"สโลแกน|คำขวัญ|"
                        # (the name its area was certified under: "what is the X project called", "ได้ตราในชื่อ...",
                        # "what's the yala project called", "ชื่อโครงการว่าไร"; not the names of its projects:
                        # "ชื่อโครงการอะไรบ้าง", "names of the projects")
                        r"\bproject(?! names)(?:'s)? (?:is |was )?(?:called|named)\b|\bproject\b.{0,20}\bcalled\b|"
                        r"\b(?:its|the) project name\b|\bproject's name\b|"
                        r"\bname of (?:its|the|their|this|that) (?:smart city )?project\b|ในชื่อ|ชื่อโครงการ(?!\S{0,12}บ้าง)", re.I)
# "is smart healthcare one of the 7 Smarts?", "นับเป็นหนึ่งใน 7 ด้านไหม": whether something is one of them.
SEVEN_SMARTS = "seven-smarts"
_ONE_OF = re.compile(r"\bone of\b|\bpart of\b|\bamong\b|\bincluded\b|\bin the (?:official )?(?:7|seven)\b|"
                     r"หนึ่งใน|(?<![\d.])1\s*ใน|ส่วนหนึ่งของ|อยู่ใน|นับเป็น|รวมอยู่")
# A fact that lists dimensions (a plan's pillars, its Smarts): "มี 6 เสาหลัก คือ...", "covers 3 Smarts: ...".
_DIMENSIONS_LISTED = re.compile(r"คือ|ได้แก่|ประกอบด้วย|:|\bare\b|\bwere\b|\bcovers?\b|\bpillars?\b", re.I)
# A question about the body or meeting that did something ("which meeting approved...", "คณะอนุกรรมการชุดไหน").
# "before that", "ก่อนหน้านั้น": who it was before what was just said; an answer that says who it formerly was
_BEFORE_ASKED = re.compile(r"ก่อนหน้านั้น|ก่อนหน้านี้|ก่อนนั้น|แต่ก่อน|แต่เดิม|เดิมที|\bbefore( that| then)?\b|\bpreviously\b|"
                           r"\bformerly\b|\boriginally\b", re.I)
_FORMERLY = re.compile(r"เดิมเป็น|เดิมที|แต่เดิม|เคยเป็น|\bformerly\b|\bpreviously\b|\boriginally\b", re.I)
_BODY_ASKED = re.compile(r"\bwhich (?:\w+ )?(?:meeting|committee|sub-?committee|body|agency|ministry)\b|"
                         r"\bfull name of the (?:sub-?)?committee\b|\bcommittee'?s full name\b|\bmeeting (?:number|no)\b|"
                         r"(?:คณะ(?:อนุ)?กรรมการ|ประชุม|หน่วยงาน)\S{0,6}(?:ไหน|ใด|อะไร)|ชื่อเต็มของคณะ|คณะ(?:อนุ)?กรรมการ.{0,40}ชื่อเต็ม|"
                         r"ประชุมครั้ง")
_SMARTS_COUNTED = re.compile(r"(?<![\d.])(\d)\s*-?\s*(?:smarts?\b|ด้าน)", re.I)  # "3 Smarts", "3-Smarts plan", "3 ด้าน"
# "เปิดแล้วใช่มั้ย", "it has opened already, right?": a claim that something is done, to confirm
_DONE_CLAIM = re.compile(r"แล้ว\s*(ใช่|จริง|ป่ะ|ปะ|เหรอ|หรอ)|\balready\b")
_STATE_Q = re.compile(r"แล้ว\s*(ใช่|จริง|ป่ะ|ปะ|เหรอ|หรอ)|ยัง|อยู่ไหม|อยู่มั้ย|อยู่ป่ะ|อยู่ป่าว|อยู่รึเปล่า|อยู่หรือเปล่า|\b(yet|still|already|anymore)\b")
_NOT_YET = re.compile(r"ยังไม่|หยุดให้บริการ|หยุดเดินรถ|ไม่ได้ให้บริการ|ปิดไปแล้ว|\bnot (running |built |open |started )?yet\b|"
                      r"\bno longer\b|\bstopped\b|\bhad not started\b|\bhas not started\b", re.I)
_STILL = re.compile(r"อยู่ไหม|อยู่มั้ย|อยู่ป่ะ|อยู่ป่าว|อยู่รึเปล่า|อยู่หรือเปล่า|ยัง\S*อยู่|ยัง(?:มี|เปิด|วิ่ง|ให้บริการ)\S*(?:ไหม|มั้ย|มั๊ย|"
                    r"ป่ะ|ปะ|มะ|ป่าว|เปล่า|หรือ|รึ)|\bstill\b|\banymore\b")
# Whether something is there now: "ขอนแก่นมีรถไฟฟ้ามั้ย", "is there a light rail" (not "จะมี...ใช่มั้ย", "will
# there be", "did it have", nor one of the 7 Smarts: "มีด้านพลังงานมั้ย").
_HAS_Q = re.compile(r"^(?!.*(จะมี|ใช่|ด้าน|\bwill\b|\bdid\b|\bwas\b|\bwere\b|\bsmarts?\b)).*(มี\S{0,24}(ไหม|มั้ย|มั๊ย|ป่ะ|"
                    r"หรือเปล่า|รึเปล่า)|\b(is there|are there|(does|do) (it|they|\w+ \w+|\w+) have)\b)", re.I)
# A fact that tells of a plan, not of something there now: no "yes" to "is there one?" from it. (Not a plan a
# thing is done under: "promotes the flower fields under its Smart Economy plan", "ตามแผนเศรษฐกิจอัจฉริยะ".)
_PLANNED = re.compile(r"แผน|\bplan", re.I)
_UNDER_A_PLAN = re.compile(r"(?:ตาม|ภายใต้)แผน\S{0,16}อัจฉริยะ|\bunder (?:its |the )?smart \w+ plan\b", re.I)
# "รึยัง", "yet?": whether something is there or done by now.
_YET_Q = re.compile(r"รึยัง|หรือยัง|\byet\b", re.I)
# What a plan says will be ("ตามแผนเดือนมีนาคม 2567", "the March 2024 plan puts it at"), not a plan something has.
_PLAN_TOLD = re.compile(r"ตามแผน|มีแผน|วางแผน|\bplanned\b|\bplans? (?:to|for)\b|\b\d{4} plan\b", re.I)
# Not there yet (not "stopped": a bus that stopped was there).
_NOT_THERE_YET = re.compile(r"ยังไม่(เปิด|มี|ได้เริ่ม|ได้สร้าง|เริ่ม|สร้าง)|\bnot (open |built |running )?yet\b|"
                            r"\bha(s|d) not (started|opened)\b", re.I)


# A name and its term in a list of office holders: "Prajin Juntong (2018-19)", "Prawit Wongsuwon (2020-2022)".
_TERM = re.compile(r"((?:[A-Z][\w.]+ ){0,3}[A-Z][\w.]+) \((\d{4})(?:[-–](\d{2}|\d{4}))?\)")


# "is Pattani among the 2022 areas", "ยะลาอยู่ในชุดปี 64 ไหม": whether a place is in a year's batch.
_AMONG_BATCH = re.compile(r"\bamong\b|\bone of\b|\bpart of\b|\bin the\b[^?]{0,20}\b(batch|round|list|group)\b|"
                          r"อยู่ใน(ชุด|รอบ|รุ่น|กลุ่ม|รายชื่อ)|เป็นหนึ่งใน|เป็น\s*1\s*ใน", re.I)
# Which of two areas was certified first, or whether together: "before Phuket", "ได้ตราพร้อมขอนแก่น".
_BEFORE_ASKED = re.compile(r"before|earlier|sooner|first|ก่อน", re.I)
_AFTER_ASKED = re.compile(r"after|later|หลัง", re.I)
_ORDER_ASKED = re.compile(r"\b(before|earlier than|sooner than|after|later than)\b|ก่อน(?!หน้า|ปี)|หลัง(?!จาก|ปี)|"
                          r"พร้อม(?:กัน|กับ)?|วันเดียวกั[นบ]|\b(?:on )?(?:the )?same (?:day|date|time)\b|\bat the same time\b|"
                          r"\btogether with\b", re.I)
# What comes before a name something is likened to: "เหมือนดีป้า", "like depa", "the same as depa's".
_LIKENED_TO = re.compile(r"(?:เหมือน(?:กับ)?|เช่นเดียวกับ|\blike|\bsame as)\s*$", re.I)
# "7 smarts เหมือนภูเก็ต", "both 7 Smarts?", "as many Smarts": two areas' Smarts counts set side by side.
_SMARTS_WORD = re.compile(r"\bsmarts?\b|สมาร์ท|สมาร์ต|\d\s*smart|ด้าน", re.I)
_ALIKE = re.compile(r"เหมือน|เท่ากัน|เท่ากับ|ทั้งคู่|ทั้งสอง(?:เมือง|ที่)?|\bboth\b|\bsame\b|\blike\b|\bas many\b|"
                    r"\bas well\b|\btoo\b", re.I)
_DIFFER_LEAD = re.compile(r"\s*sources differ", re.I)
_BOTH = re.compile(r"ทั้งคู่|ทั้งสอง|\bboth\b", re.I)
_ALL_SMARTS = re.compile(r"ครบ|ทุกด้าน|ทั้งหมด|\ball\b|\bfull\b", re.I)
_MASTER_PLAN = re.compile(r"แม่บท|\bmaster\s*plan", re.I)
_CERTIFIED_WORD = re.compile(r"ตรา|รับรอง|ประกาศ|โลโก้|อนุมัติ|เห็นชอบ|เป็นเมืองอัจฉริยะ|certif|\blogo|\bannounced\b|\bapproved\b|"
                             r"\bbecame\b|\bnamed\b", re.I)
# A promotion zone asked about: the preliminary certificate, not the logo.
_ZONE_ASKED = re.compile(r"เขตส่งเสริม|promotion[- ]?(zone|area)|\bzone\b", re.I)


# A Thai word read with the verb or prefix it was written with ("ได้ประโยชน์", "เป็นประโยชน์", "การลงทุน"): its
# core ("ประโยชน์") is what a text says in its own words.
_THAI_LEAD = re.compile(r"^(?:ได้|เป็น|มี|ให้|การ|ความ)(?=[\u0e00-\u0e7f]{3,})")


def _said_core(word: str, text: str) -> bool:
    """Whether ``text`` says the core of a Thai ``word`` that starts with a verb or prefix it was written with."""
    core = _THAI_LEAD.sub("", word)
    return core != word and core in text


def _plural_unsaid(head: str, fact: Fact) -> bool:
    """Whether an English plural a count question counts ("how many bus stops": "stops", the last word) is
    neither in what the fact says nor, as written, in its phrasings: those that ask when the bus stopped
    ("when did the bus stop") are close in words, but the fact counts no stops."""
    if not (head.isascii() and head.endswith("s") and not head.endswith("ss")) or not unstated([head], fact):
        return False
    return re.search(rf"\b{re.escape(head)}\b", fact.text(questions=True).casefold()) is None


_WHEN_WORD = re.compile(r"ตอน|ช่วง|สมัย|ปี|พ\.ศ\.?|ค\.ศ\.?|year|during|back")


# A Thai claim denied, then "right?": "ภูเก็ตไม่ได้อยู่ใน 5 เมืองแรกใช่ไหม" claims Phuket is not among them, so a
# fact that it is says ไม่ใช่ (not "ไม่ได้มาเองเหรอ", a surprised question about the positive)
_NEGATED_CLAIM_TH = re.compile(r"(?:ไม่ได้|ไม่ใช่|ไม่เคย|ยังไม่|ไม่เป็น|ไม่มี)[^?]*ใช่\s*(?:ไหม|มั้ย|มั๊ย|มะ|ป่ะ|ปะ|ป่าว|"
                               r"หรือเปล่า|รึเปล่า|หรือไม่|มัย)")


def _flip_lead_th(text: str) -> str:
    """``text`` with its leading ใช่ครับ and ไม่ใช่ครับ swapped (for a claim that denies: see _NEGATED_CLAIM_TH)."""
    if text.startswith("ไม่ใช่ครับ"):
        return "ใช่ครับ" + text[len("ไม่ใช่ครับ"):]
    if text.startswith("ใช่ครับ"):
        return "ไม่ใช่ครับ" + text[len("ใช่ครับ"):]
    return text


def _verdict_word(held: bool, lang: str) -> str:
    """What a yes/no answer leads with: "ใช่ครับ" or "ไม่ใช่ครับ", "Yes." or "No."."""
    return ("ใช่ครับ" if held else "ไม่ใช่ครับ") if lang == "th" else ("Yes." if held else "No.")


# Something scheduled ("มีกำหนดปิดในปี 2594", "is due to close in 2051"): not done yet while its year is to come.
_SCHEDULED = re.compile(r"มีกำหนด|ตามแผน\S{0,12}จะ|\b(is|are) (due|scheduled|planned|expected) to\b|\bdue to (open|close)",
                        re.I)


def _still_to_come(answer: str) -> bool:
    """Whether ``answer`` tells of something scheduled for a year still to come, or names only years to come
    ("EGAT says 2051, while one local news outlet says 2050")."""
    years = [int(y) - 543 if int(y) > 2400 else int(y) for y in re.findall(r"(?<!\d)(?:20|25)\d\d(?!\d)", answer)]
    this_year = date.today().year
    return bool(years) and (min(years) > this_year or bool(_SCHEDULED.search(answer)) and max(years) > this_year)


def _not_yet(question: str, answer: str) -> str:
    """"ยังครับ" / "No." before a fact that says something has not happened yet or has stopped, when the
    question asks whether it has happened yet or still goes on ("LRT ขอนแก่นเปิดยัง", "is it still running?").
    Nothing otherwise: the bot never says yes or no that it cannot read from the fact."""
    # (a date to come says it has not happened yet, not that it no longer goes on: "is it still open?")
    to_come = not _STILL.search(question) and _still_to_come(answer)
    state = bool(_STATE_Q.search(question))
    has = not state and bool(_HAS_Q.search(question))  # ("is there one?": not yet there, not stopped)
    not_done = _NOT_YET.search(answer) and (not has or _NOT_THERE_YET.search(answer))
    if not (state or has) or not (not_done or to_come):
        return ""
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in answer):
        return "Not yet." if has else "No."
    if has:
        return "ยังไม่มีครับ"  # "มีรถไฟฟ้ามั้ย" / the light rail has not opened
    if _DONE_CLAIM.search(question):
        return "ไม่ใช่ครับ"  # "เปิดแล้วใช่มั้ย" claims it is done: not "ยัง", which answers "เปิดยัง"
    return "ไม่แล้วครับ" if _STILL.search(question) else "ยังครับ"


# Whether two figures are equal, asked: "the same number of Smarts as", "as many as", "ใช้กี่ด้านเท่ากันไหม".
_SAME_FIGURE = re.compile(r"\bsame (?:number|amount|count|score)\b|\bas many\b|\bequal\b|เท่ากัน|จำนวนเดียวกัน|"
                          r"เท่ากับ", re.I)


# Words that ask where something is, not what about it: "where is it located", "ตั้งอยู่ตรงไหน"
_WHERE_LOCATED = re.compile(r"ตั้งอยู่|\b(located|location|situated|based)\b")
_SCORE_ASKED = re.compile(r"คะแนน|เปอร์เซ็น|ร้อยละ|%|\b(scores?|scored|percent|percentage)\b", re.I)


def units_stated(text: str) -> set[str]:
    """The units of the figures ``text`` states ("76.78%" gives "percent")."""
    return {unit for _, unit in counted(text)}


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


# "is that confirmed by any other source?", "มีแหล่งอื่นยืนยันไหม": whether more than one source says it.
_ELSEWHERE_Q = re.compile(r"\b(?:confirm\w*|corroborat\w*|verif\w*|backed up|supported|reported)\b[^?]*"
                          r"\b(?:other|another|elsewhere|outside|independent\w*|second|more than one)\b|"
                          r"\b(?:other|another|independent|second|more) sources?\b|\belsewhere\b|"
                          r"แหล่งอื่น|ที่อื่น\S{0,6}ยืนยัน|ยืนยัน\S{0,12}(?:อื่น|นอกจาก)", re.I)


_SOURCE_WORD = re.compile(r"แหล่ง|ข่าว|\bsources?\b|\bnews\b|\breport", re.I)


def asks_other_sources(question: str) -> bool:
    """Whether a yes/no question asks if other sources than the one that says it confirm it."""
    return _ELSEWHERE_Q.search(question) is not None


def _lead(question: str, asked: str, hit: Hit, lang: str, subjects: list[str], years: frozenset[int],
          known: frozenset[str] | None = None) -> str:
    """The verdict before a fact that answers a yes/no question: "ยังครับ" for something not done yet, else
    ใช่/ไม่ใช่ (yes/no) when the fact's answer settles it (``asked`` is the question with its names removed)."""
    fact = hit.fact
    answer = fact.answer.get(lang)
    if asks_other_sources(question):
        # "is the venue confirmed elsewhere?" / a fact with one source; a fact with several may not give this
        # very point in each of them: no verdict
        return _verdict_word(False, lang) if len(set(fact.sources)) == 1 else ""
    lead = _not_yet(question, answer)
    if lead:
        return lead
    # "is the green space below the WHO benchmark?" / "19.8 m² ..., against the WHO benchmark of 9 m²"
    held = against_benchmark(question, answer, True)
    if held is not None and held >= 0:
        return _verdict_word(held == 1, lang)
    # (not a count claimed, "มี 7smart ป่ะ": the count said decides)
    if _HAS_Q.search(question) and _PLANNED.search(_UNDER_A_PLAN.sub(" ", answer)) and not _STATE_Q.search(question) \
            and not counted(question):
        return ""  # "is there a light rail?" / its planned route: there is a plan, not yet a light rail
    names_agree = len(subjects) >= 2 and set(subjects) <= set(fact.about)
    # The event's date and the years its answer names: TSCCI 2023 results were announced in 2024.
    fact_years = _years_asked(fact.answer.th, [int(n) for n in re.findall(r"\d{4}", fact.answer.th)]) | (
        {int(fact.date[:4])} if fact.date else set())
    said = verdict(question, tokenize(asked), fact.answer_text(), names_agree, years, fact_years,
                   close=hit.words >= CLOSE_WORDS, known=known)
    if said is None:
        return ""
    return _verdict_word(said == "yes", lang)


def _keep_an_area(subjects: list[str], asked: list[str]) -> list[str]:
    """The first :data:`MAX_SUBJECTS_PER_ANSWER` subjects, with the first area the question named or the
    conversation was about (``asked``) among them even when more specific things come before it: after
    "มีด้านไรบ้าง" about Mae Moh's three Smarts, "ใครดูแลโครงการ" is still about Mae Moh."""
    kept = subjects[:MAX_SUBJECTS_PER_ANSWER]
    area = asked[0] if asked else None
    if area is not None and area not in kept:
        kept[-1] = area
    return kept


# What a person named in a yes/no question is said to have done, in the words a fact tells it with: "chaired by
# Prawit?", "ลุงตู่มาเปิดงานเองป่ะ", "signed by the minister?".
_ROLES = [re.compile(p, re.I) for p in (r"\bchair|\bpresid(?:ed|es|ing)\b|ประธาน", r"\bopen(?:ed|s)?\b|เปิดงาน|มาเปิด|เป็นผู้เปิด",
                                        r"\bsign(?:ed|s)?\b|ลงนาม|เซ็น", r"\bhand(?:ed|s)? (?:out|over)|\bhanded\b|มอบ")]


# "chair of the 6 May meeting?", "ประธานพิธีมอบตรา": a role at an event, which a person's post is not (retrieval
# finds who held that role there)
_AT_AN_EVENT = re.compile(r"ประชุม|พิธี|งาน|\bmeeting\b|\bceremon|\bexpo\b|\bevent\b|\bsession\b", re.I)


# What asks what something is, in a definition question ("คือไรหรอ", "what is it?").
_WHAT_IT_IS = re.compile(r"คือ|อะไร|ไร|หมายถึง|\bwhat\b|\bwho\b|\bmeans?\b|\bmeaning\b", re.I)


#: Why a fact gives no figure a "how many" or "how much" question asks for.
_NO_FIGURE = frozenset({"it gives no count", "it gives no sum of money"})


_KEPT_ANSWERS = 4096
#: Who certifies areas: named in "is X certified by depa?", they are not what the question is about.
_CERTIFIERS = frozenset({"depa", "smart-city-subcommittee", "smart-city-steering-committee", "smart-city-working-group"})


def _awards_the_logo(x: str, text: str) -> bool:
    """Whether ``x`` is depa named in a question only about certification ("is Khon Kaen certified by depa?"):
    depa awards every logo, so naming it says nothing about which area, or whether another body runs it."""
    return x == "depa" and is_about_certification(text, listing=True)


def _context_key(ctx: Context) -> tuple:
    """The context as a hashable key (its lists as tuples)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in vars(ctx).values())


def _copy_context(ctx: Context) -> Context:
    """A copy whose lists are its own (the fields of Context that are lists)."""
    return replace(ctx, subjects=list(ctx.subjects), listed=list(ctx.listed), named=list(ctx.named))


@dataclass
class _Turn:
    u: Understanding
    ctx: Context
    lang: str
    snap: Snapshot
    told: Fact | None = field(init=False)  # the fact the last answer gave, if it is still in the knowledge
    claim: str | None = None  # the last yes/no question's claim, which a follow-up naming another area repeats

    def __post_init__(self) -> None:
        self.told = self.snap.facts.get(self.ctx.last_fact) if self.ctx.last_fact else None


@dataclass
class _Asked:
    """What one message asks, as the steps of :meth:`Dialogue.answer` read it: each step may refine it (a
    pronoun resolved, the last question asked again for a new name) before the next one reads it."""

    ent: Entities
    qt: QuestionType
    subjects: list[str] = field(default_factory=list)  # what it is about, resolved (at most 3)
    notions: set[str] = field(default_factory=set)  # the subjects that are dimensions or concepts
    nth: re.Match[str] | None = None  # "the second one"
    unresolved: bool = False  # "the second one" with no list to point into
    remainder: str = ""  # the question with its names removed, synonyms written out
    names_only: bool = False  # it only names something ("แล้วภูเก็ตล่ะ")
    short: bool = False
    off_topic: str | None = None  # an off-topic cue ("weather")
    query_text: str = ""  # the question searched for: the remainder, or the last question for a follow-up
    kind: str | None = None  # question type searched for
    yes_no: bool = False
    qualifier: str | None = None  # "first_five"
    asked_years: frozenset[int] = frozenset()
    year_only: bool = False  # "and in 2022?"
    now_only: bool = False  # "and now?", "แล้วตอนนี้ล่ะ"
    follow_up: bool = False  # the last question again, for another name or year
    context: list[str] = field(default_factory=list)  # the conversation's subjects, when the question names none
    cue: str | None = None  # an off-topic or unknown word: the question is about something the bot lacks
    listed: list[str] = field(default_factory=list)  # the areas of the last answer
    intents: dict[str, float] = field(default_factory=dict)
    years: frozenset[int] = frozenset()  # the years the search is for
    cities: list[str] = field(default_factory=list)  # the subjects that are areas
    person: str | None = None  # "who" right after an answer about one person: that person
    area_of: bool = False  # the area is named by its organisation: "the city that EGAT runs"
    post_of: tuple[Fact, str] | None = None  # the overview of the person named whose post is asked, and who
    asking_only: bool = False  # "by when?": only a question word, about the last answer
    hit: Hit | None = None  # the fact found
    placed: bool = False  # "ที่ 2 ใคร" right after a ranking: which area took that place in it
    event: str | None = None  # the event of the day of the fact just given, when "where?" or "who?" asks about it
    carried: list[str] = field(default_factory=list)  # what the last question named besides the areas a follow-up replaced


_Result = tuple[Reply, "Context | None", "str | None"]


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
        if not parts:
            return []
        snap = self.knowledge
        ent = self.nlu.parse(text).entities
        named = list(dict.fromkeys([*ent.subjects, *ent.places]))
        out = []
        for clause, asks in parts:
            if not asks:
                continue
            rest = " ".join(p for p, p_asks in parts if p != clause and (p_asks or not _PURPOSE.search(p) and (
                                                                           not _OF_THE_ASKER.search(p) or _WHEN_SAID.search(p)))
                            and not set(p.casefold().split()) <= _ACK_WORDS | _ACK_TOO)  # ("fine. what was ...")
            # (the rest must say nothing the bot lacks: "any good seafood in phuket? where should i go")
            said = self.nlu.parse(rest)
            if self.nlu.cues.find(said.normalized) or self.vocabulary is not None and self.vocabulary.unknown(
                    tokenize(without_units(said.entities.remainder)), snap.known_words):
                continue
            own = self.nlu.parse(clause).entities
            missing = [x for x in named if x not in own.subjects and x not in own.places]
            names = [n for n in (self._name_of(snap, x, has_thai(clause)) for x in missing) if n]
            out.append((" ".join([clause, *names]), rest))
        return out[:MAX_CLAUSES]

    @staticmethod
    def _name_of(snap: Snapshot, x: str, thai: bool) -> str | None:
        """The short name of an area, dimension, entity or place, in Thai or English."""
        if x in snap.kb.cities:
            t = snap.kb.cities[x].short_name
        elif x in snap.kb.dimensions:
            t = snap.kb.dimensions[x].name
        elif x in snap.kb.entities:
            e = snap.kb.entities[x]
            t = e.short or e.name
        elif x in snap.kb.places:
            p = snap.kb.places[x]
            return p.th if thai else p.en
        else:
            return None
        return t.th if thai else t.en

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

    @staticmethod
    def _said_of_place(u: Understanding, ctx: Context, snap: Snapshot) -> str | None:
        """A follow-up about the province the last question named (not an area: "Is Chiang Mai a certified
        smart city?"), which names nothing itself, written with the province's name for "it": "was it in the first
        five?" is "was Chiang Mai in the first five?", "แล้วเป็น 1 ใน 5 เมืองแรกมั้ย" is asked of Chiang Mai. None
        when it is no such follow-up."""
        place = snap.kb.places.get(ctx.place) if ctx.place else None
        if place is None or u.entities.subjects or u.entities.places or not u.normalized:
            return None
        if has_latin(u.normalized):
            said = _IT_SUBJECT.sub(lambda m: f"{m.group(1)} {place.en}", u.normalized, count=1)
            return said if said != u.normalized else None
        if is_yes_no(u.normalized) and not _IT.search(u.normalized) and not _PERSON_PRONOUN.search(u.normalized):
            return f"{place.th} {_THEN_TH.sub('', u.normalized)}"
        return None

    # -- the steps of answer(), in order: each may answer (and end the turn) or refine what was asked ----------
    def _read_subjects(self, turn: _Turn, a: _Asked) -> None:
        """Who the question is about: the names it gives, or the person the conversation was about ("ท่านเป็นใคร")."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        a.subjects = a.ent.subjects[:MAX_SUBJECTS_PER_ANSWER]
        a.subjects = self._without_the_source(snap, a.subjects, u.normalized)
        area = self._area_of_named(snap, a.ent, u.normalized)
        if area is not None:
            a.subjects = [area]  # (what the organisation named does is not asked: which area it is)
            a.area_of = True
        if not a.subjects and not a.ent.places and _PERSON_PRONOUN.search(u.normalized):
            # "what was his name?", "ท่านเป็นใคร": the person the conversation was about.
            person = next((x for x in ctx.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"),
                          None)
            # (the person the last answer is mainly about, when it is about one: "was it Prayut?" - "No, Chaiwut
            # chaired it" - "which ministry was he at?" asks about Chaiwut, not the one the user guessed)
            told = [x for x in (turn.told.about if turn.told is not None else [])
                    if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
            if told:
                person = told[0]
            a.subjects = [person] if person else []
        elif a.subjects and _PERSON_PRONOUN.search(u.normalized) and all(
                x in snap.kb.entities and snap.kb.entities[x].kind == "organisation" for x in a.subjects):
            # "what was his position at depa": the person the conversation was about, at that organisation.
            person = next((x for x in ctx.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"),
                          None)
            a.subjects = [person, *a.subjects][:MAX_SUBJECTS_PER_ANSWER] if person else a.subjects

    @staticmethod
    def _without_the_source(snap: Snapshot, subjects: list[str], text: str) -> list[str]:
        """``subjects`` without the organisation a question names only as who says it: "how many industries is
        Thailand 4.0 built on according to depa" asks about Thailand 4.0, as depa describes it."""
        said = _ACCORDING_TO.search(text.casefold())
        if said is None or len(subjects) < 2:
            return subjects
        after = compact(text[said.end():])
        sources = [x for x in subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"
                   and any(k and k in after for k in map(compact, Dialogue._names(snap, x)))]
        kept = [x for x in subjects if x not in sources]
        return kept or subjects

    @staticmethod
    def _besides(turn: _Turn, cities: list[str]) -> set[str]:
        """The areas a question about a province leaves out: "which Bangkok areas besides Samyan", "นอกจากสามย่าน
        กรุงเทพมีที่ไหนอีก" (every area named, when all are in the province named after or before "besides")."""
        ent, kb = turn.u.entities, turn.snap.kb
        if not cities or not ent.places or not _BESIDES.search(turn.u.normalized.casefold()):
            return set()
        place = kb.places[Dialogue._place_asked(ent)]
        there = {c.id for c in kb.areas_at(place.id)}
        return set(cities) if set(cities) <= there else set()

    @staticmethod
    def _place_asked(ent: Entities) -> str:
        """The place a question names by itself, not by an area's own name ("besides Phuket, which areas in
        Bangkok": Bangkok)."""
        return next((p for p in ent.places if p not in ent.city_named_places), ent.places[0])

    @staticmethod
    def _area_of_named(snap: Snapshot, ent: Entities, text: str) -> str | None:
        """The one area of the one organisation or project a question names as "the city that X runs"
        ("เมืองที่กฟผ.ทำชื่อเต็มว่าอะไร" is about Mae Moh), when it names no area or place itself."""
        if ent.cities or ent.places or len(ent.entities) != 1 or not _AREA_OF.search(text.casefold()):
            return None
        named = snap.kb.entities.get(ent.entities[0])
        if named is None or named.kind not in ("organisation", "project") or len(named.areas) != 1:
            return None
        return named.areas[0]

    def _post_of_person(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ตำแหน่งไร" right after an answer about a person, or naming one: who that person is."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # ("his post at depa": "his" is the person the answer was about, though depa is named)
        people = [x for x in ([*a.subjects] if a.subjects and not _PERSON_PRONOUN.search(u.normalized) else [
            *a.subjects, *(turn.told.about if turn.told is not None else ()), *ctx.subjects])
            if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        # (the person may be named: "คุณ... ตำแหน่งอะไร", "what ministry is Chaiwut from"; nothing else may be)
        # (or the organisation the post is at, when the person's overview is about it: "his post at depa")
        only_people = all(x in people or people and x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"
                          and (overview := snap.index.overview(people[0])) is not None and x in overview.about
                          for x in a.ent.subjects)
        if people and not a.ent.places and only_people and not a.qt.yes_no \
                and _POSITION.search(u.normalized) and a.qt.kind not in ("when", "where", "how_many", "how_much") \
                and not _asks_before(u.normalized) and not _asks_after(u.normalized):
            # "ตำแหน่งไร", "what was his ministerial position?" right after an answer about a person (who received
            # the logo, who chaired): who that person is, when that says the post (not "the one who received
            # it"), and not the post now when the fact is of some years ago (knowledge/answerable.py).
            who_is = snap.index.overview(people[0])
            if who_is is not None and people[0] in who_is.about and _POST.search(who_is.answer.get(reply_lang)) \
                    and why_not(u.normalized, who_is, "who") is None and not _NOW_ASKED.search(u.normalized) \
                    and not any(y > max(self._fact_years(who_is), default=0)
                                for y in _years_asked(u.normalized, a.ent.numbers)):
                if any(x in people for x in a.ent.subjects):
                    # named ("คุณ... ตำแหน่งอะไร"): a fact found about the post asked may say it better ("which
                    # ministry", spelt out); the overview is what is left when none is found (_compose)
                    a.post_of = (who_is, people[0])
                    return None
                return self._post_told(turn, who_is, people[0])
        if people and a.ent.subjects and only_people and len(people) == 1 and not a.ent.places and a.qt.yes_no \
                and a.qt.kind is None and _POST.search(expand(a.ent.remainder)) and self.vocabulary is not None:
            # "Was Chaiwut the prime minister?", "ชัยวุฒิเป็นรัฐมนตรีคลังใช่มั้ย": the post claimed, against the post
            # the person's overview says: no, with the overview, when it does not say every word of the claim
            who_is = snap.index.overview(people[0])
            if who_is is not None and people[0] in who_is.about and _POST.search(who_is.answer.get(reply_lang)) \
                    and not _NOW_ASKED.search(u.normalized) \
                    and not set(_years_asked(u.normalized, a.ent.numbers)) - self._fact_years(who_is):
                # (only the no is told here: a yes needs the claim read as the person's own post, not as a post
                # the overview names of someone else, "on behalf of the Prime Minister"; retrieval answers it)
                # (a role at an event of a day, "chair of the 6 May 2021 meeting?": the fact of that day that gives
                # the role to someone else says no better than the person's post)
                told = self._role_on_the_day(snap, Query(a.query_text, reply_lang, a.subjects, [], a.kind, a.intents,
                                                   frozenset(_years_asked(u.normalized, a.ent.numbers))),
                                             who_is, u.normalized) or who_is
                if told is not who_is or self._post_claim_held(expand(a.ent.remainder), who_is) is False:
                    answer = snap.composer.fact(told, reply_lang, subjects=[people[0]], lead=_verdict_word(False, reply_lang))
                    answer.subjects = list(dict.fromkeys([people[0], *ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER]
                    return (self._reply(turn, answer, 1.0),
                            self._remember(turn, answer, a.query_text, a.kind, True, first=people[0]), None)
        return None

    def _post_claim_held(self, claim: str, who_is: Fact) -> bool | None:
        """Whether the post claimed ("the prime minister", "รัฐมนตรีคลัง") is the one ``who_is`` says: every word of
        the claim in it (a deputy's or vice-'s post is not the post itself); None when the claim names no word."""
        assert self.vocabulary is not None
        stop = self.vocabulary.stop | _EN_STOP
        # (the time of the claim, "ตอนปี 64", "in 2021", is no word of the post: its years are checked apart)
        words = [w for w in tokenize(normalize(claim)) if w not in stop and len(w) >= 2 and not w.isdigit()
                 and not _YES_NO_WORD.fullmatch(w) and not _WHEN_WORD.fullmatch(w)]
        if not words:
            return None
        text = normalize(f"{who_is.answer.th} {who_is.answer.en}")
        if not _DEPUTY.search(claim):
            text = _DEPUTY.sub(" ", text)
        return all(w in text for w in words)

    def _post_told(self, turn: _Turn, who_is: Fact, person: str) -> _Result:
        """The overview of ``person`` (``who_is``), which says the post asked about."""
        answer = turn.snap.composer.fact(who_is, turn.lang, subjects=[person])
        answer.subjects = list(dict.fromkeys([person, *turn.ctx.subjects]))[:MAX_SUBJECTS_PER_ANSWER]
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype, first=person), None)

    def _full_name_asked(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "what's its motto", "ชื่อเต็ม": an area's full certified name, when that says more than its short name."""
        u, ctx, kb = turn.u, turn.ctx, turn.snap.kb
        subjects = a.subjects
        general = all(x in kb.entities and kb.entities[x].kind == "concept" for x in subjects)  # ("the logo")
        if a.ent.places and general and len(a.ent.places) == 1:
            subjects = []
            # ("ยะลาได้ตราในชื่อโครงการว่าไร": a province with one certified area names that area)
            place = kb.places[a.ent.places[0]]
            only = kb.areas_at(place.id)
            subjects = [only[0].id] if len(only) == 1 else subjects
            if not only and not a.qt.yes_no and _FULL_NAME.search(u.normalized):
                # ("กระบี่ได้ตราในชื่อว่าอะไร" with no area known there: no name to give, not today's count)
                answer = turn.snap.composer.fallback(turn.lang, [], place=a.ent.places[0])
                kept = replace(ctx, lang=turn.lang, last_fact=None, last_intent=None, claim=None)
                return self._reply(turn, answer, u.confidence), kept, "fallback"
        full_name = self._full_name(turn, subjects) if (not a.ent.places or subjects) and not a.qt.yes_no \
            and _FULL_NAME.search(u.normalized) else None
        if full_name is not None:
            return (self._reply(turn, full_name, 1.0),
                    self._remember(turn, full_name, ctx.last_query, ctx.last_qtype, first=full_name.subjects[0]), None)
        return None

    def _read_references(self, turn: _Turn, a: _Asked) -> None:
        """On "it", "the second one": what the words that point back stand for; the question with its names removed."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        a.notions = {x for x in a.subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")}
        agents = {x for x in a.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person")}
        if a.subjects and (set(a.subjects) <= a.notions or a.qt.yes_no and set(a.subjects) <= a.notions | agents) \
                and _IT.search(u.normalized):
            # "was it part of the certification?" after the sandbox: "it" is the sandbox, asked about a notion;
            # "and it's run by PTT right?" after Mae Moh: Mae Moh, asked about PTT.
            meant = [x for x in ctx.subjects if x not in a.notions and x not in a.subjects][:1]
            a.subjects = [*meant, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        elif a.subjects and not u.entities.places and a.qt.kind in ("who", "when", "where") and not a.qt.yes_no \
                and ctx.subjects and ctx.subjects[0] in snap.kb.cities and not is_definition(u.entities.remainder) \
                and len(ctx.listed) < 2 \
                and all(x in snap.kb.entities and snap.kb.entities[x].kind == "concept" for x in a.subjects):
            # "แล้วใครขึ้นไปรับโลโก้", "when did they get the logo" right after Mae Moh: who received Mae Moh's logo,
            # a notion asked of the area discussed, not of every area that has one (after two areas, "which
            # scored better in the TSCCI" asks of both)
            a.subjects = [ctx.subjects[0], *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        elif a.subjects and set(a.subjects) <= a.notions and set(a.subjects) & snap.index.rankers and not a.ent.places \
                and a.qt.kind in ("how_many", None) and not a.qt.yes_no and _PLACE_OR_SCORE.search(u.normalized):
            # "ได้อันดับเท่าไหร่ใน TSCCI 2023" right after an area (Thai leaves out "it"): that area's place, when
            # the index ranked it at all (else a fact about the index alone is no answer about the area).
            meant = [x for x in ctx.subjects if x in snap.kb.cities][:1]
            if meant and any(set(a.subjects) <= snap.index.about_sets[f.id] for f in snap.index.about(meant[0])):
                a.subjects = [*meant, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
        a.nth = _NTH_ONE.search(u.normalized) if not a.subjects and not a.ent.places and ctx.subjects else None
        if a.nth is not None:
            # "what about the second one", "อันที่ 3 ล่ะ": the area at that place in the list just given.
            listed_areas = [x for x in ctx.listed if x in snap.kb.cities]
            word = next(g for g in a.nth.groups() if g)
            at = _NTH.get(word, int(word) if word.isdigit() else 0)
            if listed_areas and (at == -1 or 1 <= at <= len(listed_areas)):
                a.subjects = [listed_areas[at - 1 if at > 0 else -1]]
        # ("who runs the last one" after a list of places the bot knows no facts about: not the city discussed)
        # ("which was the first city certified" is a question of its own; "the second one" points back)
        a.unresolved = a.nth is not None and not a.subjects and bool(_ONE_OF_THEM.search(a.nth.group(0)))
        a.remainder = expand(a.ent.remainder if (a.subjects or a.ent.places) else u.normalized)

    def _nth_one_named(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "อันที่ 2 คืออะไร": what the one at that place in the last list is."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        if a.nth is not None and a.subjects:
            a.remainder = _NTH_ONE.sub(" ", a.remainder)
            what_it_is = snap.index.overview(a.subjects[0])
            rest = re.sub(r"\b(one|ones)\b|อัน|คือ|เป็น", " ", a.remainder)
            if what_it_is is not None and (not rest.strip() or is_only_asking(rest)):
                # "which one is the fourth one", "อันที่ 2 คืออะไร": what that one is.
                answer = snap.composer.fact(what_it_is, reply_lang, subjects=a.subjects)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=a.subjects[0]), None)
        return None

    def _read_the_rest(self, turn: _Turn, a: _Asked) -> None:
        """Whether the question only names something ("แล้วภูเก็ตล่ะ") and is short."""
        u = turn.u
        if a.subjects and not a.ent.subjects:
            a.remainder = _PERSON_PRONOUN.sub(" ", a.remainder)
        # ("does Mae Moh?" right after "does Samyan have a 7 Smarts plan?": the same yes/no question, about Mae Moh)
        a.names_only = bool(a.subjects or a.ent.places) and (is_bare_follow_up(a.remainder) or (
            turn.ctx.yes_no and turn.ctx.last_query is not None and is_bare_yes_no_follow_up(a.remainder)))
        a.short = len(u.normalized.split()) <= 5

    def _smart_city_defined(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    def _small_talk(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    def _before_or_after(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ก่อนหน้านั้นล่ะ": the same kind of fact, a period earlier or later."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        # "ก่อนหน้านั้นล่ะ", "and after that?": the same kind of fact about the same subject, a period earlier or later.
        # (nothing named: "and before him?" reads "him" as the chair just told of, who is what the step is from;
        # "him" is read in the message as written, the question without it says only "and before")
        him = bool(a.subjects) and not a.ent.subjects and not a.ent.places and all(
            x in snap.kb.entities and snap.kb.entities[x].kind == "person" for x in a.subjects) \
            and bool(_PERSON_PRONOUN.search(turn.u.normalized)) and not _SAID_ASKED.search(turn.u.normalized)
        said = a.ent.remainder if him else a.remainder
        when = _asks_before(said) or _asks_after(said)
        if when and (not a.subjects or him) and turn.told is not None and len(said) <= 40:
            other = snap.index.next_in_time(turn.told.id, before=_asks_before(said))
            if other is not None and asks_to_come(said) and not _PAST.search(said) \
                    and (other.date or "0")[:4] < str(date.today().year):
                other = None  # "when's the next one": one still to come, not the next event of the past
            if other is not None:
                answer = snap.composer.fact(other, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _against_standard(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "is that more than the WHO recommends?": the last answer's own figure and standard."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "is that more than the WHO recommends?", "เยอะกว่ามาตรฐานป่ะ": the last answer's own figure and standard.
        if not a.subjects and turn.told is not None and len(a.remainder) <= 60:
            last = turn.told
            held = against_benchmark(u.normalized, last.answer.get(reply_lang), a.qt.yes_no)
            if held is not None:
                lead = "" if held < 0 else _verdict_word(held == 1, reply_lang)
                answer = snap.composer.fact(last, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _dimension_listed(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    def _dimension_missing(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    def _not_a_dimension(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "is smart healthcare one of the 7 Smarts?", "สมาร์ทเฮลท์แคร์อยู่ใน 7 ด้านไหม": the official list says
        (:meth:`_seven_smarts_member`), before any fact that merely mentions the Smarts."""
        answer = self._seven_smarts_member(turn, a.subjects) if a.qt.yes_no else None
        if answer is None:
            answer = self._seven_smarts_member_again(turn, a)
        if answer is None:
            return None
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, a.query_text or turn.u.normalized, a.qt.kind, True), None)

    def _which_n(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which 3" right after an answer that counts 3: the fact that names them. On "กี่ที่", "how many?"
        right after an answer that listed areas: how many it listed."""
        ctx, snap, reply_lang = turn.ctx, turn.snap, turn.lang
        if not a.subjects and not a.ent.places and len(ctx.listed) >= 2 and turn.told is not None \
                and _COUNT_OF_LISTED.match(turn.u.normalized.strip()) and not counted(turn.told.answer_text()):
            # (an answer that counts them already says how many: "the 5 pilot cities..." is asked again below)
            listed = [snap.kb.cities[x] for x in ctx.listed if x in snap.kb.cities]
            if len(listed) == len(ctx.listed):
                n, names = len(listed), names_listed([c.name.get(reply_lang) for c in listed], reply_lang)
                answer = snap.composer.computed(f"{n} พื้นที่ครับ ได้แก่ {names}",
                                                f"{n} areas: {names}.", reply_lang, [turn.told], list(ctx.listed))
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, "how_many"), None)
        # "which 3", "6 ด้านมีอะไรบ้าง" right after "Mae Moh's plan covers 3 Smarts": the fact that names them.
        asked_n = _WHICH_N.match(a.remainder)  # (both its alternatives start at ^: match, not search every position)
        if asked_n and not a.subjects and turn.told is not None:
            listing = self._the_counted(snap, turn.told, next(g for g in asked_n.groups() if g),
                                        reply_lang)
            if listing is not None:
                answer = snap.composer.fact(listing, reply_lang)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        return None

    def _which_ones(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which ones?" right after a count: the things counted, or honestly not known."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "which ones?", "มีไรบ้าง", "name them" right after an answer that counts things: the things it counted,
        # named by that answer, by the list it gave, or by the one fact that names them; else honestly not known
        # (never another fact's list: "the 6 added in 2023" are not the 5 pilots).
        if set(a.subjects) <= a.notions and not a.ent.places and turn.told is not None \
                and _asks_the_list(u.normalized) and self._lists_what_was_told(turn, turn.told):
            told_list = turn.told
            named_again = self._named_again(turn, told_list, ctx.listed)
            if named_again is not None:
                return (self._reply(turn, named_again, 1.0),
                        self._remember(turn, named_again, ctx.last_query, ctx.last_qtype,
                                       first=next((x for x in ctx.subjects if x not in a.notions), None)), None)
            # (whatever it counted: "25 new startups" are named by no fact, and the pilot cities are not them)
            if counts_things(told_list.answer_text()):
                answer = snap.composer.fallback(reply_lang, [x for x in ctx.subjects if x not in a.notions][:1])
                return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
        return None

    def _more(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "tell me more": more of the last answer."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "รายละเอียดเพิ่มเติม", "tell me more": more of the last answer.
        if a.qt.more and not a.subjects and turn.told is not None and len(a.remainder) <= 40 \
                and not ("how_many" in a.qt.kinds and _TOTAL_ASKED.search(u.normalized)):  # ("รวมทั้งหมดกี่พื้นที่")
            answer = snap.composer.more(turn.told, reply_lang)
            return self._reply(turn, answer, 1.0), self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None
        return None

    def _resolve_follow_up(self, turn: _Turn, a: _Asked) -> None:
        """The question a follow-up asks: the last one again for a new name or year; its type, qualifier and context."""
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        # A follow-up that only names something ("แล้วภูเก็ตล่ะ") asks the last question again.
        a.query_text, a.kind, a.yes_no = a.remainder, a.qt.kind, a.qt.yes_no
        if a.kind is None and not a.subjects and turn.told is not None:
            # "date?", "within how long?" right after an answer: the kind of thing asked, about that answer
            a.kind = "when" if _BARE_WHEN.match(u.normalized) else "how_many" if _BARE_HOW_LONG.match(u.normalized) \
                else None
        a.qualifier = "first_five" if a.ent.first_five else None
        # "แล้วปี 2568", "and in 2022?": the last question again, for another year.
        a.asked_years = _years_asked(u.normalized, a.ent.numbers)
        relative = _REL_YEAR.search(u.normalized) if not a.asked_years and ctx.last_query else None
        if relative is not None and ctx.last_query:
            # "what about the year before", "ปีถัดมาล่ะ": a year from the one just asked about (or told).
            base = _years_in(ctx.last_query)
            told_date = turn.told.date if turn.told is not None else None
            step = -1 if relative.group("before") else 1
            start = (min(base) if step < 0 else max(base)) if base else (int(told_date[:4]) if told_date else None)
            a.asked_years = frozenset({start + step}) if start else frozenset()
        a.year_only = not a.subjects and not a.ent.places and ctx.last_query is not None \
            and bool(a.asked_years) and is_bare_follow_up(_A_YEAR.sub(" ", _REL_YEAR.sub(" ", a.remainder)))
        a.now_only = now_only = not a.subjects and not a.ent.places and ctx.last_query is not None and not a.asked_years \
            and turn.told is not None and bool(_NOW_ONLY.match(u.normalized.strip()))
        a.follow_up = (a.names_only or a.year_only or now_only) and ctx.last_query is not None
        if a.follow_up and ctx.last_query is not None:  # (follow_up implies it; said again for the type checker)
            a.query_text, a.kind, a.yes_no = ctx.last_query, ctx.last_qtype, ctx.yes_no
            if now_only:
                # "and now?" after "how many in 2022": the last question without its year, of today
                a.query_text = _A_YEAR.sub(" ", a.query_text) + (" ตอนนี้" if turn.lang == "th" else " now")
            if a.yes_no and ctx.claim and not a.year_only:
                turn.claim = ctx.claim  # ("does Mae Moh?" claims a 7 Smarts plan, as the question before did)
            if a.year_only:
                a.query_text = _A_YEAR.sub(" ", a.query_text)  # the year asked before is not asked now
            if any(x in snap.kb.entities and snap.kb.entities[x].kind == "person" for x in a.subjects):
                # "แล้วนายกเทศมนตรีนครขอนแก่นล่ะ" after "ผู้ว่าขอนแก่นชื่ออะไร": the person named (by the post's
                # name) is asked about, not the post the last question asked for
                a.query_text = POSTS_ASKED.sub(" ", a.query_text)
            a.qualifier = a.qualifier or ctx.qualifier
        elif not a.subjects and a.kind in ("list", "how_many") and ctx.qualifier:
            a.qualifier = a.qualifier or ctx.qualifier  # "มีที่ไหนบ้าง" after a question about the first five
        # ("แล้วกระบี่ล่ะ" after Phuket's CCTV: the question is about Krabi now, not Phuket)
        a.context = [] if a.subjects or (a.follow_up and a.ent.places) else list(ctx.subjects)
        if now_only:
            # (of what the user named, not what the answer for the year named: that year's committee, its batch)
            a.context = [x for x in a.context if x in ctx.named]
        told = turn.told
        if not a.follow_up and a.yes_no and len(a.subjects) == 1 and a.subjects[0] in snap.kb.cities \
                and a.subjects[0] in a.ent.subjects and told is not None and _IN_IT.search(u.normalized):
            # "is khon kaen in it too?" right after the ASEAN network's first members: "it" is the network (the
            # organisation or event the answer was about), asked of the area named
            a.carried = [x for x in told.about if x in snap.kb.entities
                         and snap.kb.entities[x].kind in ("organisation", "event", "project")][:1]
            a.subjects = [*a.subjects, *a.carried][:MAX_SUBJECTS_PER_ANSWER]
        if a.follow_up and a.names_only and a.subjects and all(x in snap.kb.cities for x in a.subjects):
            # "what about Khon Kaen?" after "is Phuket in the ASEAN Smart Cities Network?": the network the last
            # question named (its name was taken out of the question carried over) is still what is asked about
            a.carried = [x for x in ctx.named if x in snap.kb.entities and x not in a.subjects]
            a.subjects = [*a.subjects, *a.carried][:MAX_SUBJECTS_PER_ANSWER]
        if a.follow_up and a.names_only and a.subjects and all(x in snap.kb.dimensions for x in a.subjects) \
                and any(x in snap.kb.dimensions for x in ctx.subjects):
            # "smart environment?" right after what Mae Moh does for Smart Energy: the same question of another
            # dimension, of the same area (not some other area's environment idea)
            # (the area the user named: not the one an answer gave, "which area led Smart Energy" then "ด้านเศรษฐกิจล่ะ")
            a.subjects = [*a.subjects, *[x for x in ctx.subjects if x in snap.kb.cities and x in ctx.named][:1]
                          ][:MAX_SUBJECTS_PER_ANSWER]
        if not a.follow_up and not a.subjects and not a.ent.places and ctx.yes_no and ctx.last_query \
                and _WHO_INSTEAD.match(u.normalized):
            # "who did?", "แล้วใครล่ะ" right after a yes/no question ("did Prawit chair the January 2023 ceremony?",
            # "did Khon Kaen rank first?"): that question again, asking who, without the one it named.
            # (the area asked about stays, "run by Thammasat? - who then?", unless a ranking said it was not the one)
            ranked = turn.told is not None and turn.told.intent == "rankings"
            a.query_text, a.kind, a.yes_no = ctx.last_query, "who", False
            a.context = [s for s in ctx.subjects if not (ranked and s in snap.kb.cities) and not (
                s in snap.kb.entities and snap.kb.entities[s].kind in ("person", "organisation"))]
        a.cue = a.off_topic
        if a.cue is None and self.vocabulary is not None:
            # A word no fact uses ("พนักงาน", "password"): the question is about something the bot lacks.
            # (a unit's own words are no cue: "เปอร์เซ็น" is cut into "เปอร์" and "เซ็น", which no fact writes)
            a.cue = next(iter(self.vocabulary.unknown(tokenize(without_units(a.query_text)), snap.known_words)), None)
        talked_of = next((x for x in ctx.subjects if x in snap.kb.cities), None)
        if a.yes_no and not a.subjects and a.ent.places and not a.ent.cities and talked_of is not None \
                and (_IT.search(u.normalized) if has_latin(u.normalized) else "อยู่" in u.normalized) \
                and _IN_PLACE.search(u.normalized) and not _ANY_THERE.search(u.normalized) \
                and not _THAT_BATCH.search(u.normalized) and not _ONE_OF.search(u.normalized) \
                and not _MEMBERSHIP.search(u.normalized) and len(ctx.listed) < 2 and ctx.qualifier != "first_five":
            # "อยู่ชลบุรีใช่มะ", "is it in rayong?" right after Wangchan Valley: whether the area discussed is in
            # that province (not whether the one area of that province is). ("is chiang mai in that group as
            # well?" after the five asks about Chiang Mai.)
            a.subjects, a.context = [talked_of], []
        elif a.ent.places and not a.ent.cities:
            # "ยะลาเก่งด้านไหน": a province with one certified area is a question about that area.
            # (not a town, Pattaya: the one area of its province, Khan Song, is not said to be in it)
            place = snap.kb.places[a.ent.places[0]]
            only = snap.kb.areas_at(place.id)
            if len(only) == 1 and not is_about_certification(a.query_text, listing=True):
                a.subjects = [only[0].id, *a.subjects][:MAX_SUBJECTS_PER_ANSWER]
                a.context = []
        if not a.subjects and not a.ent.places and not a.follow_up and turn.told is not None \
                and turn.told.intent == "rankings" and a.kind in ("who", None) and not a.yes_no \
                and _asked_rank(u.normalized) is not None and len(a.remainder.split()) <= 4:
            # "ที่ 2 ใคร", "who was third?" right after an area's place in a ranking: which area took that place,
            # not who runs the area discussed (its developer is a "who" too).
            a.context, a.placed = [x for x in a.context if x not in snap.kb.cities], True
        event = a.event = self._event_of_the_day(turn, a)
        if event is not None:
            # "ประกาศที่ไหน", "who announced it?" right after the day Khon Kaen was certified: where and by whom the
            # day's event (the meeting that certified it) took place, not where Khon Kaen is.
            a.context = [event, *(x for x in a.context if x != event)]

    def _event_of_the_day(self, turn: _Turn, a: _Asked) -> str | None:
        """The event the conversation holds that took place on the day of the fact just given, when a follow-up
        naming nothing asks where it happened or who did it ("ประกาศที่ไหน", "who announced it?") right after an
        area's date: that event is what it asks about. None for "where is it", which asks about the area."""
        told = turn.told
        if told is None or a.subjects or a.ent.places or a.follow_up or a.yes_no or a.kind not in ("where", "who") \
                or not a.context or a.context[0] not in turn.snap.kb.cities or not told.date or len(told.date) != 10:
            return None
        text = turn.u.normalized.casefold()
        if a.kind == "where" and _LOCATED.search(text) or a.kind == "who" and not _EVENT_ACT.search(text):
            return None
        on_day = turn.snap.index.day_events.get(told.date, [])
        return next((x for x in a.context if x in on_day), None)

    def _place_in_ranking(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "ที่สอง", "and third?", "อันดับ2 3 ล่ะ", "and province-based?" or "and in 2024?" right after an answer
        from a ranking (one area's place in it, or its top areas): the area at that place, of the same index, year
        and kind of areas (city- or province-based) as the answer just given, unless the follow-up names another."""
        told, snap, u = turn.told, turn.snap, turn.u
        text = u.normalized
        # ("and province-based?" reads as a yes/no question, "based" being a verb's form)
        yes_no = a.qt.yes_no and not re.match(r"\s*(and|what about|how about)\b", text)
        if told is None or told.intent != "rankings" or a.ent.places or yes_no or a.nth is not None \
                or not set(a.subjects) <= snap.index.rankers:
            return None
        ranks = _ranks_asked(text)
        asked_kind = _category_of(text)
        years = sorted(a.asked_years)
        rest = _PLACE_WORDS.sub(" ", _A_YEAR.sub(" ", _CITY_BASED.sub(" ", _PROVINCE_BASED.sub(" ", text))))
        rest = re.sub(r"\b(1st|2nd|3rd|[4-9]th|first|second|third|fourth|fifth|tscci)\b|หนึ่ง|สอง|สาม|สี่|ห้า|\d", " ", rest)
        if rest.strip() or not (ranks or asked_kind or len(years) == 1) or len(years) > 1:
            return None  # (it asks something besides a place, a kind or a year: not only which area)
        told_text = told.answer.en
        year_said = _INDEX_YEAR.search(told_text)
        year = years[0] if years else int(next(g for g in year_said.groups() if g)) if year_said else None
        kind = asked_kind or _category_of(turn.ctx.last_query or "") or _category_of(told_text)
        if year is None:
            return None

        def fits(fact: Fact, want: str | None) -> bool:
            said = _INDEX_YEAR.search(fact.answer.en)
            return fact.intent == "rankings" and said is not None and int(next(g for g in said.groups() if g)) == year \
                and not set(fact.about) & set(snap.kb.dimensions) and _category_of(fact.answer.en) == want

        lists = [f for f in snap.facts.values() if len(self._in_order(snap, f)) >= 2]
        # (a year whose index ranks all areas together has no kind: "and in 2024?" after the 2023 city-based top 3)
        ranking = next((f for want in dict.fromkeys([kind, None]) for f in sorted(
            (f for f in lists if fits(f, want)), key=lambda f: (f.id != told.id, -len(self._in_order(snap, f))))), None)
        if ranking is None or (kind is None and _category_of(told_text) is None and "city-based" in told_text):
            return None  # ("ที่สอง" after the top area of each kind: which kind is not known)
        order = self._in_order(snap, ranking)
        lang = turn.lang
        if not ranks:
            if ranking.id == told.id or len(self._in_order(snap, told)) < 2:
                return None  # ("and in 2024?" after one area's place asks about that area)
            answer = snap.composer.fact(ranking, lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype), None)
        if any(r > len(order) for r in ranks):
            if any(r in _stated_ranks(f.answer.en) and fits(f, _category_of(ranking.answer.en))
                   for r in ranks for f in snap.facts.values()):
                return None
            # ("and 4th?" after a top 3 that no fact goes past: not known, rather than the 3rd again)
            answer = snap.composer.fallback(lang, [])
            return self._reply(turn, answer, u.confidence), replace(turn.ctx, lang=lang), "fallback"
        placed = [order[r - 1] for r in ranks]
        own = None
        if len(placed) == 1:
            # The area's own fact, when it says that place in that ranking ("Samyan ranked second among city-based...")
            own = next((f for f in snap.index.about(placed[0]) if fits(f, _category_of(ranking.answer.en))
                        and ranks[0] in _stated_ranks(f.answer.en) and placed[0] in f.about), None)
        answer = snap.composer.fact(own or ranking, lang, subjects=placed if own is None else None)
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, turn.ctx.last_query, turn.ctx.last_qtype, first=placed[0]), None)

    def _ranked_place(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which one came second" right after a ranking: the one at that place."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        a.listed = [c for c in ctx.subjects if c in snap.kb.cities]
        # (not "who came first in 2024" after the 2023 list: another year is another ranking)
        placed = self._placed(snap, turn.told, u.normalized) if turn.told is not None and not a.subjects \
            and not a.ent.places and not a.follow_up and not a.asked_years else None
        if placed is not None and turn.told is not None:
            # "which one came second" right after a ranking that lists several: the one at that place.
            own = self._best(snap, Query(a.query_text, reply_lang, [placed], [], a.kind, dict(u.ranking), frozenset()),
                             a.cue, only=placed)
            # (of the same ranking: the area's place in the 2023 index is not its place in the 2024 one just told)
            told_year, own_year = (_INDEX_YEAR.search(f.answer.en) if f is not None else None
                                   for f in (turn.told, own.fact if own is not None else None))
            same_year = told_year is None or own_year is not None and next(
                g for g in own_year.groups() if g) == next(g for g in told_year.groups() if g)
            answer = snap.composer.fact(own.fact if own is not None and own.fact.intent == "rankings" and same_year
                                        else turn.told, reply_lang, a.kind, subjects=[placed])
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier, first=placed), None)
        return None

    def _which_of_listed(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "which of those is in Bangkok": each item of the last answer, asked."""
        u = turn.u
        if not a.subjects and len(a.listed) >= 2 and _WHICH_OF.search(u.normalized):
            # "which of those is in Bangkok", "อันไหนทำแค่ 3 ด้าน": the items of the last answer, each asked.
            picked = self._which_of(turn, a.listed, a.query_text, a.kind)
            if picked is not None:
                return (self._reply(turn, picked, 1.0),
                        self._remember(turn, picked, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        dimension = self._dimension_meant(turn, a)
        if dimension is not None:
            answer = turn.snap.composer.fact(dimension, turn.lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    def _dimension_meant(self, turn: _Turn, a: _Asked) -> Fact | None:
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

    def _that_batch(self, turn: _Turn, a: _Asked) -> None:
        """On "is Korat in that batch too?": the batch just asked about."""
        u, ctx = turn.u, turn.ctx
        if a.yes_no and _THAT_BATCH.search(u.normalized) and not a.asked_years and ctx.last_query \
                and (_CERTIFYING.search(ctx.last_query) or ctx.qualifier == "first_five"):
            # "is Korat in that batch too?" after "how many areas in the 2022 batch": the batch just asked about
            # (its year kept in the question, so "and Krabi?" next asks about that batch again).
            before = _years_in(ctx.last_query)
            if len(before) == 1:
                a.query_text = f"{a.query_text} {next(iter(before))}"
            elif ctx.qualifier == "first_five":
                a.qualifier = a.qualifier or ctx.qualifier

    def _batch_reported(self, turn: _Turn, a: _Asked) -> _Result | None:
        """A province with no known area, asked about a year's batch: what the reports of that batch say."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        others = [p for p in a.ent.places if p not in a.ent.city_named_places]
        batch_year = _years_in(a.query_text)
        no_city = a.yes_no and others and not [c for c in a.ent.cities if c in snap.kb.cities] and len(batch_year) == 1
        if no_city and not _THAT_BATCH.search(f"{u.normalized} {a.query_text}") and _AMONG_BATCH.search(u.normalized) \
                and not snap.kb.areas_at(others[0]):
            # "is Pattani among the 2022 areas?": no area the bot knows is there, but a report of that year's
            # batch may name the province
            reported = self._reported(snap, snap.kb.places[others[0]], reply_lang, a.yes_no, next(iter(batch_year)))
            if reported is not None:
                return (self._reply(turn, reported, 1.0),
                        self._remember(turn, reported, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        if no_city and _THAT_BATCH.search(f"{u.normalized} {a.query_text}"):
            # "and Krabi?" after "is Korat in that batch too?": the area the bot knows there, else what the
            # sources report of that province that year, else honestly that the later lists are partial (not the
            # last city's verdict).
            place = snap.kb.places[others[0]]
            known = snap.kb.areas_at(place.id)
            reported = self._batch_verdict(snap, known[0], next(iter(batch_year)), reply_lang) if len(known) == 1 \
                else None if known else self._reported(snap, place, reply_lang, a.yes_no, next(iter(batch_year)))
            if reported is not None:
                return (self._reply(turn, reported, 1.0),
                        self._remember(turn, reported, a.query_text, a.kind, a.yes_no, a.qualifier), None)
            answer = snap.composer.fallback(reply_lang, [], place=others[0])
            return self._reply(turn, answer, u.confidence), replace(ctx, lang=reply_lang), "fallback"
        return None

    def _worked_out(self, turn: _Turn, a: _Asked) -> _Result | None:
        """Answers worked out from structured data (the first five, certification, areas in a province)."""
        # (a word few facts use is no off-topic cue when every word asked is one of listing certified areas:
        # "which entities in Chiang Mai hold logos")
        listing = is_about_certification(a.query_text, listing=True)
        u, ctx, snap = turn.u, turn.ctx, turn.snap
        if not a.subjects and not a.ent.places and not a.qt.yes_no and turn.told is not None and ctx.subjects \
                and (ctx.subjects[0] in snap.kb.dimensions or ctx.subjects[0] in snap.kb.entities) \
                and _OTHER_NAME.search(u.normalized) and not _ANOTHER_NAME.search(u.normalized):
            # "ภาษาไทยเรียกว่าไร", "what's it called in thai" naming nothing, right after an answer about a Smart
            # or an organisation: its name in the other language
            named = self._other_name(snap, ctx.subjects[0], turn.lang,
                                     english=bool(re.search(r"อังกฤษ|english", u.normalized)))
            if named is not None:
                return (self._reply(turn, named, 1.0),
                        self._remember(turn, named, ctx.last_query, ctx.last_qtype, first=ctx.subjects[0]), None)
        why = self._why_certified(turn, a)
        if why is not None:
            return (self._reply(turn, why, 1.0),
                    self._remember(turn, why, a.query_text, a.kind, first=why.subjects[0] if why.subjects else None), None)
        computed = None if a.cue and not listing else self._computed(
            turn, a.subjects, a.yes_no, a.qualifier, a.query_text, a.kind)
        if computed is None and a.cue and a.yes_no:
            # "is smart health one of the 7 Smarts?": a word no fact uses is just what is not among the seven
            computed = self._seven_smarts_member(turn, a.subjects)
        if computed is not None:
            if a.yes_no and turn.lang == "th" and _NEGATED_CLAIM_TH.search(turn.u.normalized):
                computed.text = _flip_lead_th(computed.text)
            return (self._reply(turn, computed, 1.0),
                    self._remember(turn, computed, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    @staticmethod
    def _why_certified(turn: _Turn, a: _Asked) -> Answer | None:
        """"ทำไมภูเก็ตถึงได้เป็นเมืองอัจฉริยะ", "why did Samyan get the logo?", or "ทำไมถึงได้" right after an area's
        certification: the area's own reason where the sources give one, else that its smart city plan passed the
        assessment and what that plan aims at. None for anything else, and for "why only now" (another fact says)."""
        snap, ctx = turn.snap, turn.ctx
        if a.kind != "why" or a.yes_no or _WHY_LATE.search(turn.u.normalized):
            return None
        rest = _WHY_WORDS.sub(" ", a.query_text)
        if a.subjects:
            if len(a.subjects) != 1 or a.subjects[0] not in snap.kb.cities or not is_about_certification(rest):
                return None
            city = snap.kb.cities[a.subjects[0]]
        else:
            told = turn.told
            if told is None or told.intent != "city_date" or not ctx.subjects or ctx.subjects[0] not in snap.kb.cities \
                    or rest.strip() and not is_about_certification(rest):
                return None
            city = snap.kb.cities[ctx.subjects[0]]
        goals = sorted((f for f in snap.index.about(city.id) if f.intent == "city_focus"), key=lambda f: (-f.priority, f.id))
        if not goals:
            return None
        reasons = [f for f in goals if f.aspect == "why"]
        if reasons:  # (the sources give this area's own reason: Mae Moh's, a life after the mine and power plant)
            return snap.composer.fact(reasons[0], turn.lang, "why")
        goal = goals[0]
        return snap.composer.computed(
            f"{city.short_name.th}ได้รับการรับรองเพราะแผนพัฒนาเมืองอัจฉริยะผ่านการประเมิน {goal.answer.th}",
            f"{city.short_name.en} was certified because its smart city plan passed the assessment. {goal.answer.en}",
            turn.lang, [goal, *Dialogue._certified_facts(snap, city.id)], [city.id])

    def _read_years(self, turn: _Turn, a: _Asked) -> None:
        """The intents and years the search is for: a follow-up's, "back then", the year of a running total."""
        u, ctx = turn.u, turn.ctx
        # "แล้วภูเก็ตล่ะ" asks the same kind of question as before: the last answer's intent, not the
        # classifier's reading of a bare name.
        a.intents = {ctx.last_intent: 1.0} if a.follow_up and ctx.last_intent else dict(u.ranking)
        last = turn.told
        if a.year_only and ctx.last_query and last is not None and last.about[0] in turn.snap.kb.entities \
                and turn.snap.kb.entities[last.about[0]].kind == "person":
            # "and 2023-24?" after who chaired in 2020-22, answered by that chair's own fact: the question asked
            # again is of the kind the question was, not of the kind of that person's fact (another person's
            # fact of that kind may not be the one that answers for the other years)
            a.intents = dict(self.nlu.parse(ctx.last_query).ranking)
        if a.now_only:
            # "and now?": the question asked again of today reads as that question does (the intent of the
            # year's answer, a meeting's, is not today's)
            a.intents = dict(self.nlu.parse(a.query_text).ranking)
        a.years = a.asked_years
        if a.names_only and a.follow_up and not a.years and ctx.last_query:
            # "Samyan's score in 2566" then "แล้ววังจันทร์ล่ะ": the year asked is asked again, with the question.
            a.years = _years_in(ctx.last_query)
        if not a.years and ctx.last_query and (a.placed or (
                turn.told is not None and turn.told.intent == "rankings" and not a.ent.subjects and not a.ent.places
                and not a.follow_up and _PLACE_OR_SCORE.search(u.normalized))):
            # ("วังจันทร์ได้ที่ 1 ปี 2024 ไหม" then "ที่ 2 ใคร", "who won TSCCI 2024?" then "what was its score":
            # in 2024, the ranking just given, not the one of another year; a new topic, "green space per person",
            # keeps no year)
            a.years = _years_in(ctx.last_query)
        told = turn.told.date if turn.told is not None else None
        if not a.years and told and _BACK_THEN.search(u.normalized):
            a.years = frozenset({int(told[:4])})  # "who chaired it back then": the year of what was just told
        if not a.years and not a.subjects and not a.ent.places and "how_many" in a.qt.kinds and ctx.last_query \
                and _TOTAL_ASKED.search(u.normalized):
            # "รวมเป็นกี่เมืองแล้ว" right after the 2022 batch: the total as of the year just asked about
            told_years = self._fact_years(turn.told) if turn.told is not None else frozenset()
            a.years = _years_in(ctx.last_query) or (frozenset({int(told[:4])}) if told else frozenset()) or (
                told_years if len(told_years) == 1 else frozenset())  # ("the 2022 batch": the year its answer says)

    def _zone(self, turn: _Turn, a: _Asked) -> _Result | None:
        """A province asked about certification or a promotion zone."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        a.cities = [s for s in a.subjects if s in snap.kb.cities]
        certifying = is_about_certification(a.query_text, listing=True)
        general = [x for x in a.subjects if x in snap.kb.dimensions or (
            x in snap.kb.entities and snap.kb.entities[x].kind == "concept")  # "smart city", "the 7 Smarts"
            or certifying and x in _CERTIFIERS]  # ("certified by depa": who certifies, not what is asked about)
        if a.ent.places and not a.cities and len(general) == len(a.subjects) and (a.yes_no or a.kind in (None, "list")) \
                and (certifying or _ZONE_ASKED.search(u.normalized)):
            zone = self._zone_of(snap, a.ent.places[0], u.normalized, a.yes_no, reply_lang)
            if zone is not None:
                return (self._reply(turn, zone, 1.0),
                        self._remember(turn, zone, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        if a.ent.places and not a.cities and len(general) == len(a.subjects) and certifying:
            answer = snap.composer.fallback(reply_lang, [], place=a.ent.places[0])
            # ("แล้วหนองคายล่ะ" next asks this question again, of Nong Khai)
            # (and "what about Korat?" next asks whether Korat is certified: the claim, as an answer keeps it)
            claim = (_PLACEHOLDER.sub(" ", u.entities.masked).strip() or None) if a.yes_no else None
            kept = replace(ctx, lang=reply_lang, last_query=a.query_text, last_qtype=a.kind, yes_no=a.yes_no,
                           qualifier=a.qualifier, last_fact=None, last_intent=None, claim=claim)
            return self._reply(turn, answer, u.confidence), kept, "fallback"
        return None

    def _compare(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    def _about_the_last_answer(self, turn: _Turn, a: _Asked) -> _Result | None:
        """Follow-ups the last answer settles: the person it named, a ranking place claimed, the kind of thing it named."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "by when?" right after an answer: the words say nothing about what, so they must not pick a fact
        # that happens to share "when"; the conversation and the question type decide.
        # (after a fact about no one in particular, "เดือนไร" asks about that fact: the context is empty)
        a.asking_only = not a.subjects and bool(a.context or turn.told is not None) and not a.follow_up \
            and is_only_asking(a.query_text)
        a.person = None
        if a.kind == "who" and not a.subjects and not a.follow_up and turn.told is not None:
            # "ใครเป็นคนอธิบาย" after an answer about one person's words: that person is meant, unless the
            # question's words clearly ask for someone else ("ใครเป็นเลขาฯ" after the chair).
            people = [x for x in turn.told.about
                      if x in snap.kb.entities and snap.kb.entities[x].kind == "person" and x in a.context]
            a.person = people[0] if len(people) == 1 else None
        listed = self._named_in_list(turn, a)
        if listed is not None:
            return (self._reply(turn, listed, 1.0),
                    self._remember(turn, listed, ctx.last_query, ctx.last_qtype, True), None)
        acted = self._who_acted(turn, a)
        if acted is not None:
            # "who chaired it" right after "on 9 January 2023 PM Prayut handed the logos..." (the Thai: "เป็นประธาน"):
            # the one person that answer names as doing it did it; the chairs of a committee are another answer.
            # ("who announced them?" after the Takeoff event: its detail names the chair)
            fact, in_detail = acted
            answer = snap.composer.computed(fact.detail.th, fact.detail.en, reply_lang, [fact], list(fact.about)) \
                if in_detail and fact.detail is not None else snap.composer.fact(fact, reply_lang, a.kind)
            # (the event stays what the conversation is about when another of its facts said who)
            event = next((x for x in a.context[:2] if x in fact.about and x in turn.told.about), None) \
                if turn.told is not None and fact is not turn.told else None
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype,
                                   first=event or (ctx.subjects[0] if ctx.subjects else None)), None)
        if a.yes_no and turn.told is not None and turn.told.intent == "rankings" and not a.follow_up \
                and set(a.subjects) <= set(turn.told.about) and _PLACE_CLAIMED.search(u.normalized) \
                and not (asks_to_come(u.normalized) and _WILL_ASKED.search(u.normalized)):
            # (not "will it come first again next year?": a past ranking does not say what is still to come)
            # "so it came first, right?", "ขอนแก่นได้ที่ 1 ใช่ไหม" right after the area's place in a ranking: that
            # ranking says yes or no (not a fact about the first pilots that "came first" also finds)
            elsewhere_placed = self._other_place(snap, Query(a.query_text, reply_lang, a.subjects, list(ctx.subjects)),
                                                 turn.told, u.normalized)
            if elsewhere_placed is not None:
                lead = _verdict_word(not elsewhere_placed, reply_lang)
                answer = snap.composer.fact(turn.told, reply_lang, lead=lead)
                return (self._reply(turn, answer, 1.0),
                        self._remember(turn, answer, ctx.last_query, ctx.last_qtype, True), None)
        if a.person is None and not a.yes_no and not a.follow_up and turn.told is not None and len(a.subjects) == 1 \
                and a.subjects[0] in turn.told.about and a.subjects[0] not in a.ent.subjects \
                and _SAID_ASKED.search(u.normalized) and _SAID_ASKED.search(turn.told.text().casefold()):
            # "what did he say" right after an answer that gives one person's explanation (he was meant by "he",
            # not named, and the fact tells what he said): that answer, with its detail, is what he said; another
            # fact about him is not. (After the man who received a logo, it says nothing he said.)
            answer = snap.composer.fact(turn.told, reply_lang, a.kind, detail=True)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=a.subjects[0]), None)
        if turn.told is not None and not a.subjects and not a.follow_up and not a.yes_no \
                and _SPAN_ASKED.search(u.normalized) and is_only_asking(_SPAN_ASKED.sub(" ", a.query_text)) \
                and _SPAN_GIVEN.search(turn.told.text().casefold()):
            # "over how long?", "ภายในกี่ปี" right after an answer that gives a goal's span ("within 20 years"):
            # that answer is the answer, not the programme's timeline that "how long" finds.
            answer = snap.composer.fact(turn.told, reply_lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        if a.kind == "who" and not a.subjects and not a.follow_up and not a.yes_no and turn.told is not None \
                and _BEFORE_ASKED.search(u.normalized) and _FORMERLY.search(turn.told.text()):
            # "ก่อนหน้านั้นเป็นของใคร", "whose was it before that" right after an answer (or its detail) that says
            # whose it formerly was ("...the land was formerly IRPC's"): that, not another fact about the owner now
            told = turn.told
            answer = snap.composer.fact(told, reply_lang, a.kind) if _FORMERLY.search(told.answer_text()) or \
                told.detail is None else snap.composer.computed(told.detail.th, told.detail.en, reply_lang, [told],
                                                                list(told.about))
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype), None)
        told_city = next((x for x in turn.told.about if x in snap.kb.cities), None) \
            if turn.told is not None and turn.told.intent == "city_date" else None
        named = list(dict.fromkeys(a.cities))
        if told_city is not None and len(named) == 1 and named[0] != told_city and not a.years \
                and set(a.subjects) <= set(named) and (a.yes_no or a.kind in (None, "when")):
            # "แล้วภูเก็ตได้พร้อมกันเลยป่ะ", "and khon kaen same day?" right after when Khon Kaen was certified: worked out
            # from the two areas' certification dates, not another fact about Phuket
            order = self._certified_order(turn, [named[0], told_city], True, told=True)
            if order is not None:
                return (self._reply(turn, order, 1.0),
                        self._remember(turn, order, ctx.last_query, ctx.last_qtype, True), None)
        told_kind = self._told_kind(turn, turn.told, a.subjects, ctx.subjects) \
            if turn.told is not None and not a.follow_up and not a.yes_no else None
        if told_kind is not None:
            # "which hotel was the venue", "at which event", "with which companies" right after an answer (or
            # its detail) that names the hotel, the event, the partners.
            return (self._reply(turn, told_kind, 1.0),
                    self._remember(turn, told_kind, ctx.last_query, ctx.last_qtype,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        return None

    def _named_in_list(self, turn: _Turn, a: _Asked) -> Answer | None:
        """"was songkhla one of them?", "is yala among them", "อุดรอยู่ในนั้นมั้ย" right after an answer that lists
        names: yes when that answer names the one asked about; no when it does not and the list is whole (not
        "9 of them known", "such as"); None otherwise (or when the question names more than one thing)."""
        told, snap, u = turn.told, turn.snap, turn.u
        if told is None or not a.yes_no or not _IN_THE_LIST.search(u.normalized.casefold()):
            return None
        named = list(dict.fromkeys([*a.ent.cities, *(p for p in a.ent.places if p not in a.ent.city_named_places),
                                    *(x for x in a.ent.subjects if x not in a.ent.cities)]))
        if len(named) != 1:
            return None
        x = named[0]
        # (a province's names, or an entity's, and an area's own)
        names = self._names(snap, x) + (self._area_names(snap, x) if x in snap.kb.cities else [])
        text = told.answer_text()
        if not names or text.count(",") + text.count("、") < 2 and len(self._in_order(snap, told)) < 3:
            return None  # (no list to look in)
        said = any(n in text.casefold() for n in names)
        if not said and _PARTIAL_LIST.search(text):
            return None  # (a list the sources leave partial says nothing of the others)
        return snap.composer.fact(told, turn.lang, lead=_verdict_word(said, turn.lang))

    @staticmethod
    def _who_acted(turn: _Turn, a: _Asked) -> tuple[Fact, bool] | None:
        """For "who chaired it", "ใครมอบ", "who opened it" (naming no one) right after a fact about an event or
        project the conversation is on: the fact that names one person as doing that act (in either language:
        the English "handed the logos" is the Thai "เป็นประธานพิธีมอบตรา"), and whether it is its detail that
        names them (then the act may be said by its answer: "the event announced the criteria", "chaired by
        Prajin"). The fact just given, when it is about that person; else, when the facts about the event (the
        one just given too) all name the same person, the one that names them soonest ("when was the logo
        unveiled" - "at the Takeoff event" - "who presided?": the event's facts say who; never the chair of
        some committee that a search for "presided" finds)."""
        told, snap = turn.told, turn.snap
        if told is None or a.kind != "who" or a.subjects or a.ent.places or a.follow_up or a.yes_no:
            return None
        events = [x for x in told.about if x in a.context[:2] and x in snap.kb.entities
                  and snap.kb.entities[x].kind in ("event", "project")]
        if not events:
            return None
        acts = [said_rx for asked_rx, said_rx in _ACTS_ASKED if asked_rx.search(turn.u.normalized.casefold())]
        if len(acts) != 1:
            return None
        named = _people_names(snap)
        own = _acted_in(snap, told, acts[0], named)
        if own is not None or any(snap.kb.entities[x].kind == "person" for x in told.about if x in snap.kb.entities):
            return own
        found: dict[str, tuple[Fact, bool]] = {}
        for event in events:
            for fid in snap.index.by_subject.get(event, ()):
                acted = _acted_in(snap, snap.facts[fid], acts[0], named, named=True)
                if acted is not None:
                    found[fid] = acted

        def saying(hit: tuple[Fact, bool]) -> str:
            fact, in_detail = hit
            said = fact.detail if in_detail and fact.detail is not None else fact.answer
            return (said.th if turn.lang == "th" else said.en).casefold()

        people = {x for hit in found.values() for x in named if any(n in saying(hit) for n in named[x])}
        if len(people) != 1:
            return None
        names = named[people.pop()]

        def said_first(hit: tuple[Fact, bool]) -> tuple[int, str]:
            # the fact that names the person soonest: its sentence answers "who" first
            text = saying(hit)
            return min((text.find(n) for n in names if n in text), default=len(text)), hit[0].id
        return min(found.values(), key=said_first)

    def _search(self, turn: _Turn, a: _Asked) -> None:
        """The best fact for the question, then checks that it answers this question in this conversation."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "and in 2024?" after an answer about 2023: the fact just given is about another year, not an answer.
        said_years = _years_in(ctx.last_query) \
            if ctx.last_query and a.years else frozenset()
        other_year = bool(said_years) and not a.years & said_years
        # "and how much more was requested?", "ขอเพิ่มอีกเท่าไหร่" right after a sum: an amount beyond the one just
        # given, which that answer does not hold unless it tells of one added
        beyond_told = turn.told is not None and not a.subjects and bool(_MORE_AMOUNT_ASKED.search(u.normalized.casefold())) \
            and not _MORE_AMOUNT_SAID.search(turn.told.answer_text().casefold())
        # "แม่เมาะมี 7 smarts ใช่มั้ย": with the names gone, "มี ใช่มั้ย" says nothing of what is asked; its words
        # would pick whichever fact's example questions say "มี...ใช่มั้ย" most (the developer), not the Smarts
        bare = len(a.subjects) == 2 and SEVEN_SMARTS in a.subjects and not a.follow_up \
            and is_bare_yes_no_follow_up(re.sub(r"จริง|\b(really|true)\b", " ", a.query_text))
        a.hit = self._best(snap, Query("" if a.asking_only or bare else _asking_weighed(a.query_text), reply_lang, a.subjects,
                                     a.context, a.kind,
                                     a.intents, a.years, None if a.subjects or a.year_only or a.now_only or beyond_told
                                     else ctx.last_fact),
                         a.cue, skip=ctx.last_fact if other_year or a.now_only or beyond_told or (
                             "how_many" in a.qt.kinds and turn.told is not None and not a.subjects
                             and self._only_added(turn.told, u.normalized)) else None)
        if beyond_told and a.hit is not None and not _MORE_AMOUNT_SAID.search(a.hit.fact.answer_text().casefold()):
            # (the next facts that pass, for one that tells of an amount added: "a further 1,000 million requested")
            passed = {ctx.last_fact or "", a.hit.fact.id}
            for _ in range(2):
                added = self._best(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years),
                                   a.cue, skip=passed)
                if added is None:
                    break
                if _MORE_AMOUNT_SAID.search(added.fact.answer_text().casefold()):
                    a.hit = added
                    break
                passed.add(added.fact.id)
        if a.carried and (a.hit is None or not set(a.carried) & set(a.hit.fact.about)):
            # ("how about Khon Kaen then?" after the ASEAN network: Khon Kaen's fact of that network, when there is
            # one, not another of its facts that shares a word of the question)
            # (the fact about both may share no word with the question carried over, "does include?": being
            # about both is what it has to go on)
            both = [f for f in snap.index.about(a.subjects[0]) if set(a.subjects) <= set(f.about)
                    and why_not(a.query_text, f, a.kind, years=a.years) is None]
            own = [f for f in both if f.about[0] == a.subjects[0]] or both  # (its own, not the network's overview)
            if len(own) == 1:
                a.hit = _picked(own[0])
        told = turn.told
        if a.follow_up and a.names_only and a.hit is not None and told is not None and len(a.subjects) == 1 \
                and a.subjects[0] in snap.kb.cities and set(told.about) & set(snap.kb.cities) \
                and (a.hit.fact.intent, a.hit.fact.aspect) != (told.intent, told.aspect):
            # "แล้วภูเก็ตล่ะ" right after Khon Kaen's certification date: Phuket's own fact of that kind (its
            # certification), not whichever of its facts shares the most words with the question asked again
            # (the ICT ministry's 2003 project "since" it)
            same = [f for f in snap.index.about(a.subjects[0])
                    if (f.intent, f.aspect) == (told.intent, told.aspect) and f.about[0] == a.subjects[0]]
            if len(same) == 1:
                a.hit = _picked(same[0])
        if a.kind == "list" and a.subjects == [SEVEN_SMARTS] and not a.yes_no and a.hit is not None \
                and len(self._dimensions_named(snap, a.hit.fact)) < len(snap.kb.dimensions):
            # "list the 7 smarts": the fact that names all seven, not one about other lists that share the word
            # "list" ("criteria that do not match the standard 7")
            whole = [f for f in snap.index.about(SEVEN_SMARTS) if f.aspect == "list" and f.about[0] == SEVEN_SMARTS
                     and len(self._dimensions_named(snap, f)) == len(snap.kb.dimensions)]
            if whole:
                a.hit = _picked(whole[0])
        area = a.subjects[0] if len(a.subjects) == 1 and a.subjects[0] in snap.kb.cities \
            else a.context[0] if not a.subjects and a.context and a.context[0] in snap.kb.cities else None
        person_told = a.hit is not None and (any(x in snap.kb.entities and snap.kb.entities[x].kind == "person"
                                                 and x not in a.subjects for x in a.hit.fact.about)
                                             or _PERSON_TITLED.search(a.hit.fact.answer_text()) is not None)
        if area is not None and a.kind == "who" and not a.yes_no and person_told and _RUNS_ASKED.search(u.normalized) \
                and not POSTS_ASKED.search(u.normalized) and not _PERSON_ASKED.search(u.normalized):
            # "who runs Phuket smart city?": the bodies that drive it (depa, the province, PKCD), not one
            # chairman of one of them whose own overview names the area too
            def kinds(fact: Fact) -> list[str]:
                return [snap.kb.entities[x].kind for x in fact.about if x in snap.kb.entities]

            runners = [f for f in snap.index.about(area) if f.intent == "city_developer" and f.aspect == "who"
                       and f.about[0] == area and "person" not in kinds(f)]
            if runners:  # (the one naming the most of the bodies: the area's developers, not one of them)
                a.hit = _picked(max(runners, key=lambda f: (kinds(f).count("organisation"), f.id == f"{area}-developer")))
        money_only = a.kind == "how_much" and not a.subjects and not a.follow_up \
            and not self._asked_words(_MONEY_ASKED.sub(" ", a.query_text.casefold()))
        if a.hit is None and (a.asking_only or money_only) and a.kind is not None and a.context:
            # "how much?", "who opened it?" right after an answer about a project: with no words of its own to
            # match, the conversation's own subject is searched alone, and a fact of it that holds the kind of
            # thing asked (a sum, a name, a date) answers. So does "งบเท่าไหร่", "what did it cost" (only a sum).
            focus = next((x for x in a.context if x not in snap.index.concepts and x not in snap.kb.dimensions), None)
            found = self._best(snap, Query(a.query_text, reply_lang, [], a.context, a.kind, a.intents, a.years),
                               a.cue, only=focus) if focus is not None else None
            if found is not None and self._holds_kind(snap, found.fact, a.kind):
                a.hit = found
        if a.hit is None and money_only and a.context:
            # "งบเท่าไหร่" right after Tram Noy's opening year: the one fact of the project (or event, or
            # organisation) discussed, mainly about it, that states a sum is what it cost; none, or several, and
            # the question stays unanswered.
            thing = next((x for x in a.context[:1] if x in snap.kb.entities
                          and snap.kb.entities[x].kind in ("project", "event", "organisation")), None)
            sums = [f for f in snap.index.about(thing) if f.about[0] == thing and "how_much" not in f.unknown
                    and _MONEY.search(f.answer_text().casefold())] if thing is not None else []
            if len(sums) == 1:
                a.hit = _picked(sums[0])
        if not a.subjects and not a.ent.places and a.context and a.context[0] in snap.kb.cities and a.kind == "why" \
                and not a.yes_no and (a.hit is None or a.context[0] not in a.hit.fact.about):
            # "ทำไปทำไมอ่ะ" right after who develops Mae Moh: why Mae Moh does it (its own reason), not why the state
            # awards the logo at all
            own = [f for f in snap.index.about(a.context[0]) if f.aspect == "why" and f.about[0] == a.context[0]]
            if len(own) == 1:
                a.hit = _picked(own[0])
        if a.hit is not None and not a.subjects and a.context and a.kind == "why" and a.hit.words < NEEDS_MIN_WORDS \
                and not set(a.hit.fact.about) & {y for x in a.context for y in (x, *snap.index.related.get(x, ()))}:
            # "ทำไมไม่ได้ที่ 1" right after an area's rank: a reason about none of what the conversation is on, and
            # far from the question's words, is another question's ("why certification began only in 2021")
            a.hit = None
        if a.hit is not None and self._in_another_province(snap, a, a.hit.fact, u.normalized):
            # "เชียงใหม่เมืองเก่าได้คะแนนเท่าไหร่" (a province named, no area of it known by that name): Phuket's
            # score is no answer about anywhere in Chiang Mai
            a.hit = None
        if a.person is not None and (a.hit is None or (a.person not in a.hit.fact.about and a.hit.words < PERSON_MIN_WORDS)):
            # (one that holds what is asked: "who sits on it?" after the chair's fact is not the chair's fact again)
            a.hit = next((h for h in snap.index.search(Query(a.query_text, reply_lang, [a.person], [], a.kind, a.intents), 3)
                        if a.person in h.fact.about and (h.words >= OWN_PHRASING or why_not(
                            a.query_text, h.fact, a.kind, years=a.years, yes_no=a.yes_no) not in NEED_REASONS)), a.hit)
        if a.hit is not None and a.context and not a.subjects and not a.follow_up and not a.asking_only and not a.years \
                and len(set(a.hit.fact.about) & set(snap.kb.cities)) >= 3 and set(a.hit.fact.about) & set(a.context) \
                and not _REFERS_BACK.search(_THERE_IS.sub(" ", u.normalized)) and not _THIS.search(u.normalized) \
                and not _GOES_ON.search(u.normalized.casefold()):
            # "how many smart cities are there now" after Phuket: a fact about many areas, found because the one
            # discussed is among them, is no answer when a fact about none fits the words as well: a new question.
            alone = self._best(snap, Query(a.query_text, reply_lang, [], [], a.kind, a.intents), a.cue)
            if alone is not None and alone.fact.id != a.hit.fact.id and not alone.ambiguous \
                    and alone.words >= a.hit.words and not set(alone.fact.about) & set(snap.kb.cities):
                a.hit, a.context = alone, []
        # (the things meant: the person "he" was read as, or the conversation's subjects)
        meant = a.subjects or a.context
        # (Thai leaves "it" out: "ใครมาเปิด" right after the bus's opening day asks who opened the bus)
        # (a project or organisation the conversation is on; an event only when the user named it: an answer's
        # meeting or ceremony is often only when something happened, and "how long is it valid" is about the logo)
        thing_meant = bool(meant) and meant[0] in snap.kb.entities and (
            snap.kb.entities[meant[0]].kind in ("project", "organisation")
            or snap.kb.entities[meant[0]].kind == "event" and meant[0] in ctx.named)
        if not a.ent.subjects and not a.ent.places and meant and not a.follow_up \
                and not a.asking_only and (a.hit is None or a.hit.words < OWN_PHRASING) \
                and (_IT.search(_THERE_IS.sub(" ", u.normalized)) or _PERSON_PRONOUN.search(u.normalized)
                     or thing_meant and not a.subjects and not has_latin(u.normalized) and meant[0] in ctx.named):
            # "when did it end" after the Phuket Sandbox, "when does it open" after a Samyan block, "when did his
            # term end" after depa's president: "it" ("he") is what the conversation is about, so a fact about
            # none of it (the National Strategy's years, when applications opened) answers another question.
            near = set(meant) | {r for x in meant for r in snap.index.related.get(x, ())}
            # (the thing "it" stands for, when it is one the knowledge base has facts of: a project, an event, an
            # organisation; not an area, where "it" may be a block or a building of it the bot knows nothing of)
            focus = meant[0] if thing_meant else None
            if a.hit is None or not set(a.hit.fact.about) & near or (
                    focus is not None and focus not in a.hit.fact.about
                    and snap.kb.entities[focus].kind in ("project", "event")):
                # ("when did it first start" after the smart bus's fare: the general programme's start is not
                # the bus's; "who opened it" after the 2018 expo: not who opened the city's bus; "who owns it"
                # after KKTS: not the city's mayor. The question is asked of that thing, as if named: the best
                # fact about it may answer, when it passes on its own.)
                found = self._best(snap, Query(a.query_text, reply_lang, [focus], [], a.kind, a.intents, a.years),
                                   a.cue, only=focus) if focus is not None and not a.subjects else None
                if found is not None and not self._holds_kind(snap, found.fact, a.kind) or found is not None \
                        and turn.told is not None and found.fact.id == turn.told.id \
                        and self._asks_beyond(turn.told, a.query_text):
                    # ("where's its office" after the office's overview, which gives no place; "when did it end"
                    # after the sandbox's start: the answer just given does not say it)
                    found = None
                # (a fact about the city of the project or event meant, and not about it, answers for another
                # thing of the city: the light rail's length is not Tram Noy's)
                # (unless it is about no other project and says every word few facts use that the question asks
                # about, and nothing of the thing meant answers: "what do they do with the gypsum" after the Mae Moh
                # plant's closing is Mae Moh's gypsum, a fact of the area and EGAT; "how many stations" after Tram
                # Noy is not the main line's)
                topic = self.vocabulary.distinctive(tokenize(a.query_text), snap.word_facts, len(snap.facts)) \
                    if self.vocabulary is not None and a.hit is not None and found is None \
                    and not set(a.hit.fact.about) & snap.index.projects else []
                says_all = bool(topic) and a.hit is not None and not unstated(topic, a.hit.fact)
                a.hit = found if found is not None or a.hit is None or not set(a.hit.fact.about) & near or (
                    focus is not None and snap.kb.entities[focus].kind == "project" and not says_all) else a.hit
        if a.hit is not None and set(a.subjects) <= a.notions and not a.ent.places and ctx.subjects \
                and ctx.subjects[0] not in snap.index.concepts and ctx.subjects[0] not in snap.kb.dimensions \
                and not a.follow_up and not _asks_which_area(a.query_text) \
                and not _WHICH_OF.search(u.normalized):
            # "ได้คะแนน TSCCI เท่าไหร่" right after Si Trang: a fact about other areas only (Phuket's score) is
            # about someone else, not an answer about the area the conversation is on. So is one about another
            # area after an organisation, project or event ("where's its office" after the Smart City Thailand
            # Office is not where Khan Song is). ("ใครเป็นเจ้าของ" asks for an owner, not which area:
            # "who came first" asks which area by its ranking words.)
            areas = set(a.hit.fact.about) & set(snap.kb.cities)
            near = set(ctx.subjects) | {a for x in ctx.subjects for a in snap.index.related.get(x, ())}
            if areas and len(areas) <= MANY_AREAS and not areas & near and (
                    ctx.subjects[0] in snap.kb.cities or not set(a.hit.fact.about) & set(ctx.subjects)):
                a.hit = None
        if a.hit is not None and a.follow_up and turn.told is not None and a.hit.fact.id != turn.told.id:
            if a.names_only and self.vocabulary is not None:
                # "what about khon kaen?" after Samyan's green space per person: the words of the question that few
                # facts use and the answer just given says ("green", "space") must be in the new name's fact too;
                # a bus fare is not its green space.
                told_text = turn.told.answer_text().casefold()
                words = [w for w in self.vocabulary.distinctive(tokenize(a.query_text), snap.word_facts, len(snap.facts))
                         if w.casefold() in told_text]
                said = a.hit.fact.text(questions=True).casefold()
                if words and not any(w in said for w in words):
                    a.hit = None
            elif a.year_only and a.years and not a.years & self._fact_years(a.hit.fact):
                a.hit = None  # "and in 2024?": a fact that is of no year asked is no answer for that year
        if a.hit is not None and turn.told is not None and a.hit.fact.id == turn.told.id and not a.subjects \
                and not a.follow_up and not a.asking_only and self._asks_beyond(turn.told, a.query_text, not a.yes_no, a.yes_no) \
                and not (a.kind == "how_much" and re.search(r"บาท|baht", turn.told.answer_text())):
            # "will it have wifi on board", "แล้วค่าฝุ่นที่นั่นล่ะ" right after the light rail's route or the green
            # space: the answer just given does not say it (a word the question asks about is not in it), so
            # saying it again answers nothing. (A sum it states answers "what budget".)
            # (nor does the next fact of the same thing, when it does not say it either; the one after may)
            told_hit, passed = a.hit, {turn.told.id}
            for _ in range(3):
                a.hit = self._best(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind, a.intents, a.years), a.cue,
                                 skip=passed)
                if a.hit is None or not self._asks_beyond(a.hit.fact, a.query_text, not a.yes_no, a.yes_no):
                    break
                passed.add(a.hit.fact.id)
                a.hit = None
            if not a.yes_no and a.cue is None and (a.hit is None or a.kind is not None and a.hit.fact.aspect != a.kind):
                # An open question in words the knowledge base knows ("which is mandatory", "how many passed")
                # may ask in other words what the answer just given says; no other fact of that kind says it.
                a.hit = told_hit

        if a.hit is None and a.event is not None and a.kind == "where" and turn.told is not None:
            # ("ประกาศที่ไหน": a chat question the words of no fact match well; the day's event has one place)
            held = [f for f in snap.index.about(a.event) if f.aspect == "where" and f.date == turn.told.date]
            if len(held) == 1:
                a.hit = _picked(held[0])
        if a.hit is None and not a.subjects and not a.ent.places and a.context and not a.yes_no \
                and _LENGTH_ASKED.search(u.normalized.casefold()):
            # "ยาวกี่กิโล", "how long is it" right after an answer about a line or route (a project): its length,
            # from the answer just given when it states one, else from the project's own facts that do
            thing = next((x for x in a.context[:1] if x in snap.kb.entities and snap.kb.entities[x].kind == "project"),
                         None)
            told = turn.told
            if thing is not None and told is not None and thing in told.about and _LENGTH.search(told.answer_text()):
                a.hit = _picked(told)
            elif thing is not None:
                stated = [f for f in snap.index.about(thing) if _LENGTH.search(f.answer_text())]
                own = [f for f in stated if f.about[0] == thing] or stated
                if own:
                    a.hit = _picked(own[0])
        same_topic = self._count_of_same_topic(turn, a)
        if same_topic is not None:
            a.hit = same_topic
        if a.hit is None and a.yes_no and a.subjects and not a.follow_up:
            # "samyan is run by kasetsart uni, isn't it": a body no fact knows, claimed to run the area, whose own
            # fact of who runs it names another: that fact says no
            runner = self._developer_claimed(snap, Query(a.query_text, reply_lang, a.subjects, a.context, a.kind,
                                                         a.intents, a.years), u.normalized)
            if runner is not None and not runner[1]:
                a.hit = _picked(runner[0])
        if a.hit is None and a.kind == "where" and not a.subjects and not a.ent.places and not a.yes_no and a.context \
                and a.context[0] in snap.kb.entities and snap.kb.entities[a.context[0]].kind == "project" \
                and not self._asked_words(_WHERE_LOCATED.sub(" ", a.query_text.casefold())):
            # "where is it?", "อยู่ที่ไหน" right after what a project is (the 5G drone sandbox): its overview, when it
            # tells the area it is in ("at Wangchan Valley Smart City in Rayong"), though its words are not the
            # question's. (Not "where can I buy tickets": a word of its own asks for something else.)
            overview = snap.index.overview(a.context[0])
            if overview is not None and a.context[0] in overview.about and "where" not in overview.unknown \
                    and set(overview.about) & set(snap.kb.cities):
                a.hit = _picked(overview)

    @staticmethod
    def _holds_kind(snap: Snapshot, fact: Fact, kind: str | None) -> bool:
        """Whether ``fact`` can answer a question of ``kind``: its aspect is that kind or its answer holds that kind
        of thing (a sum, a date, a place); "who" is held by an organisation or person it is about too. Not when the
        sources leave that kind open about it."""
        if kind is None:
            return True
        if kind in fact.unknown:
            return False
        return fact.aspect == kind or kind in snap.index.holds[fact.id] or kind == "who" and any(
            x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person") for x in fact.about)

    def _count_of_same_topic(self, turn: _Turn, a: _Asked) -> Hit | None:
        """For "in how many provinces?" right after the target of 105 cities (an answer that counts no provinces),
        found answered by a fact of another topic (today's count of certified cities): the fact of the topic
        just discussed, the target, that counts what is asked (105 cities in 77 provinces), if there is one."""
        told, snap = turn.told, turn.snap
        if a.hit is None or told is None or a.ent.subjects or a.ent.places or a.follow_up or a.yes_no \
                or a.kind != "how_many" or len(a.query_text.split()) > 6 or a.hit.fact.intent == told.intent:
            return None
        asked = units_asked(a.query_text)
        if not asked or asked <= {unit for _, unit in counted(told.answer_text())}:
            return None
        same = self._best(snap, Query(a.query_text, turn.lang, a.subjects, a.context, a.kind, {told.intent: 1.0},
                                      a.years, told.id), a.cue, skip=told.id)
        if same is None or same.fact.intent != told.intent \
                or not asked <= {unit for _, unit in counted(same.fact.answer_text())}:
            return None
        return same

    def _told_again(self, turn: _Turn, a: _Asked) -> _Result | None:
        """The answer just given (or its detail) when it already says what the follow-up asks."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # ("ต้องอยู่ภูเก็ตกี่คืน" right after the Phuket Sandbox names Phuket again: what the answer was about)
        named_told = turn.told is not None and set(a.subjects) <= set(turn.told.about) \
            and all(p in a.ent.city_named_places for p in a.ent.places)
        told_detail = self._told_in_detail(turn, turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None,
                                           a.years) \
            if turn.told is not None and named_told and not a.follow_up and not a.yes_no and a.cue is None else None
        if told_detail is not None:
            # "who chaired it", "where was it held" right after the Takeoff event: its detail says so (the
            # chair, the hotel), though its answer does not.
            return (self._reply(turn, told_detail, 1.0),
                    self._remember(turn, told_detail, a.query_text, a.kind, a.yes_no, a.qualifier,
                                   first=ctx.subjects[0] if ctx.subjects else None), None)
        if turn.told is not None and not a.subjects and not a.ent.places and not a.follow_up \
                and _OTHERS_ONLY.match(u.normalized.strip()) and (a.hit is None or not set(a.hit.fact.about) & set(
                    turn.told.about)) and max(items_named(turn.told.answer.th), items_named(turn.told.answer.en)) >= 2:
            # "any others?", "มีที่ไหนอีก" right after an answer that names several ("Phuket, with Si Racha and
            # Phahon Yothin"): those it named are the others the bot knows, not another topic's fact or a refusal
            answer = snap.composer.fact(turn.told, reply_lang)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, ctx.last_query, ctx.last_qtype, first=ctx.subjects[0] if ctx.subjects else None), None)
        if turn.told is not None and not a.subjects and not a.ent.places and not a.follow_up and not a.yes_no \
                and a.cue is None and (a.hit is None or a.hit.fact.id != turn.told.id) \
                and ((self._told_counts(turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None) and not (
                    # ("what was its score" after "which came third": that one's score, not the three of the list;
                    # an answer that gives one score, the top area's, gives its score)
                    _REFERS_BACK.search(u.normalized) and len(set(turn.told.about) & set(snap.kb.cities)) >= 2
                    and len(_PERCENT.findall(turn.told.answer.en)) != 1))
                     or self._told_holds(snap, turn.told, a.query_text, a.kind, a.hit.fact if a.hit is not None else None,
                                         a.asking_only, a.years)):
            # "how many of them were municipalities", "and from the airport", "เพื่อสนับสนุนใคร": the answer
            # just given already says it (every word the follow-up asks about is in it), and the fact found
            # does not: that answer again.
            answer = snap.composer.fact(turn.told, reply_lang, a.kind)
            return (self._reply(turn, answer, 1.0),
                    self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)
        return None

    def _elsewhere(self, turn: _Turn, a: _Asked) -> None:
        """A province with no known area: a fact about an area in another province is no answer."""
        u, snap = turn.u, turn.snap
        # (a place named as written, not read by a fuzzy match: "หัวหน้า" is no "หัวหิน")
        elsewhere = [p for p in a.ent.places if p not in a.ent.city_named_places and p in snap.kb.places
                     and not snap.kb.areas_at(p)
                     and any(n in u.normalized.casefold() for n in self._names(snap, p))]
        if a.hit is not None and elsewhere and not a.cities and not a.follow_up:
            # "กระบี่ได้คะแนนเท่าไหร่" (a province with no area the bot knows of): a fact about an area in another
            # province, that never names the one asked about, is about somewhere else.
            provinces = {snap.kb.places[p].province or p for p in elsewhere}
            areas = set(a.hit.fact.about) & set(snap.kb.cities)
            told = a.hit.fact.text().casefold()
            if areas and len(areas) <= MANY_AREAS and not any(snap.kb.cities[a].province in provinces for a in areas) \
                    and not any(n in told for p in elsewhere for n in self._names(snap, p)):
                a.hit = None

    def _overview(self, turn: _Turn, a: _Asked) -> _Result | None:
        """On "KKTS ทำอะไร", or just a name: what the bot knows about it, first."""
        u, ctx, snap, reply_lang = turn.u, turn.ctx, turn.snap, turn.lang
        # "the Khon Kaen light rail": the project is the subject, the city only says which one.
        focus = [s for s in a.subjects if not (s in snap.kb.cities and any(
            s in snap.kb.entities[e].areas for e in a.subjects if e in snap.kb.entities))]
        # (A question that is nearly one of the own phrasings of a fact mainly about the thing asked is that
        # fact's: "แทรมน้อยคือไร" is Tram Noy's own fact, not the light rail's overview.)
        # (not a yes/no claim: "is VISTEC in Wangchan Valley?" is settled by the fact found, verdict first; but
        # "SCOPC คือไรหรอ" asks what it is)
        defining = len(focus) == 1 and is_definition(a.remainder) and not a.follow_up \
            and not (a.qt.yes_no and not _WHAT_IT_IS.search(a.remainder)) and not (
            a.hit is not None and a.hit.words >= OWN_PHRASING and a.hit.fact.about[0] == focus[0]) \
            and not _PLACES_ASKED.search(a.remainder)
        # "the smart city that hosts VISTEC, what is it called": the area's overview names it
        defining = defining or (a.area_of and not a.qt.yes_no and bool(_NAME_ASKED.search(u.normalized)))
        # "อันไหนเกี่ยวกับพลังงาน", "which one is about energy": the one of the 7 Smarts named is the answer
        defining = defining or (len(focus) == 1 and focus[0] in snap.index.dimensions
                                and _WHICH_ONE_IS.match(a.remainder) is not None)
        if defining or (a.hit is None and a.names_only and len(focus) == 1 and ctx.last_query is None):
            # "KKTS ทำอะไร", "what are the 7 Smarts", or just a name: what the bot knows about it, first.
            overview_fact = snap.index.overview(focus[0])
            if overview_fact is not None:
                answer = snap.composer.fact(overview_fact, reply_lang, a.kind, subjects=a.subjects)
                return (self._reply(turn, answer, u.confidence),
                        self._remember(turn, answer, "" if a.names_only else a.query_text, a.kind, False, a.qualifier), None)
        return None

    def _compose(self, turn: _Turn, a: _Asked) -> _Result | None:
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

    # -- steps -----------------------------------------------------------------------------------------
    def _best(self, snap: Snapshot, q: Query, cue: str | None, only: str | None = None,
              skip: str | set[str] | None = None) -> Hit | None:
        """The best fact for ``q`` if it passes the thresholds (and is about ``only``, when given; not
        ``skip`` nor one of them, when given)."""
        skipped = {skip} if isinstance(skip, str) else skip or set()
        topic = self.vocabulary.distinctive(tokenize(q.text), snap.word_facts, len(snap.facts)) \
            if self.vocabulary is not None and q.text.strip() else []
        q.topic = tuple(topic)
        # "how many bts stops": what is counted, when few facts or none ever say it, must be in the answering fact
        rare_share = RARE_SHARE * len(snap.facts)
        counted = [w for w in counted_words(tokenize(q.text)) if len(w) >= 3 and snap.word_facts.get(w, 0) <= rare_share
                   and (self.vocabulary is None or w not in self.vocabulary.stop)] if q.qtype == "how_many" else []
        hits = snap.index.search(q, limit=NEEDS_LIMIT + len(skipped))
        if len(set(q.subjects) - snap.index.concepts) >= 2 and hits and not is_yes_no(q.text):
            # "which agencies ran the logo contest with depa": a fact about every thing named, nearly as close as
            # the best (about one of them), is tried first
            every = [h for h in hits if h.subjects >= S_MATCH + S_ALL - 1e-9 and h.score >= hits[0].score - ALL_NAMED_MARGIN]
            if every and hits[0] not in every:
                hits = every + [h for h in hits if h not in every]
        instances_only = True  # every fact passed over so far was of the kind asked, for another instance
        # ...or lacked the thing asked for (a chair, kinds): one further down that states it may answer (an open
        # question: a yes or a no read from a fact that far from the question's words is a guess)
        needs_only = not is_yes_no(q.text)
        passed_kinds: set[tuple[str, str]] = set()  # ...and of these intents and aspects
        months = months_named(q.text)  # ("in May 2021": further down, only a fact of that month)
        days = days_named(q.text) if q.years else set()  # (day, month)
        yes_no = is_yes_no(q.text)  # (a fact of another year answers "in 2020, right?" with a no)
        named = q.subjects or q.context
        # (the specific thing named, not a notion named with it: "Mae Moh's TSCCI score" is about Mae Moh)
        # (and none when only notions are named: "which cities got the logo in May 2021" may be answered by the
        # list of the five, which is not about the logo)
        focus = next((x for x in q.subjects if x not in snap.index.concepts), None if q.subjects else named[0]) \
            if named else None
        passed_over = False
        budget_asked = _BUDGET_ASKED.search(q.text) is not None
        projects_named = set(q.subjects) & snap.index.projects
        # a score or a percentage asked for ("คะแนนเท่าไหร่", "what % did it get"): the answer must state one
        # ("how many wifi points" counts points, no score)
        score_asked = not yes_no and q.qtype in ("how_many", "how_much") and _SCORE_ASKED.search(q.text) is not None
        # (only notions named: the answering fact must be about one of them, or name it)
        notions_only = set(q.subjects) if q.subjects and all(x in snap.index.concepts for x in q.subjects) \
            else set()
        named_here = set(named)
        own = self._dimension_defined(snap, q, yes_no)
        if own is not None and hits and own.id not in skipped and (only is None or only in own.about) \
                and set(hits[0].fact.about) != set(own.about):
            # "What does Smart Living mean in depa's framework?": Smart Living's own definition, not the 7 Smarts
            # that depa's framework and the question's other words are nearer
            return _picked(own)
        # (a fact about none of the things the question names is no try at it: "what does smart energy mean for
        # mae moh" matches "what does X mean" of other notions best, and Mae Moh's energy plan is further down)
        unnamed = 0
        counted_over = 0.0  # how close in words a fact passed over for giving no count or no sum of money was
        for at, hit in enumerate(hits):
            rank = at - unnamed
            if q.subjects and not set(q.subjects) & snap.index.about_sets[hit.fact.id]:
                unnamed += 1
            deeper = rank >= BEST_LIMIT + len(skipped)
            if deeper and not (passed_over and (instances_only or needs_only)):
                break
            if deeper and needs_only and not instances_only and (
                    hit.words < NEEDS_MIN_WORDS or hit.aspect < 0
                    or q.subjects and not set(q.subjects) & snap.index.about_sets[hit.fact.id]):
                # (nor one about none of the things named: "who holds Khon Kaen's logo" / the count of holders)
                continue
            if deeper and not needs_only and rank >= DEEPER_LIMIT + len(skipped) and not (
                    days and hit.fact.date and len(hit.fact.date) == 10 and int(hit.fact.date[:4]) in q.years
                    and (int(hit.fact.date[8:]), int(hit.fact.date[5:7])) in days):
                # (that far down, for another instance, only a fact of the very day the question names: "วันที่ 29
                # ก.ย. 63 ประชุมอะไร" passes over the meetings of 2021 for the one of that day)
                continue
            if (only is not None and only not in hit.fact.about) or hit.fact.id in skipped:
                continue
            if hit.words < NEEDS_MIN_WORDS and hit.words < counted_over / 2:
                # a fact near the question's words passed over for giving no count or no sum: one much further from
                # them is no answer for giving some figure ("ค่าเทอมวิทยาลัยเท่าไหร่" after the firm's partner college /
                # the firm's registered capital)
                continue
            if deeper and not needs_only and not any(hit.fact.intent == intent and hit.fact.aspect in (aspect, "list", q.qtype)
                                                     for intent, aspect in passed_kinds) \
                    and (q.subjects or not q.years or not hit.fact.date or int(hit.fact.date[:4]) not in q.years):
                # (further down, only a fact of the kind passed over (or its list), or one of a day of the year asked)
                continue
            if deeper and months and not (hit.fact.date and len(hit.fact.date) >= 7 and int(hit.fact.date[5:7]) in months):
                continue  # "which cities got the logo in May 2021": not the list of the year's batch
            if passed_over and focus is not None and focus not in hit.fact.about:
                # the fare of the light rail is not known: not the bus's fare instead (a later fact about the
                # light rail may still hold it)
                continue
            if passed_over and not named and q.qtype == "how_much" and set(hit.fact.about) & snap.index.areas:
                # "how much does it cost to apply": the facts about applying give no sum; one city's project cost,
                # further down, is about something the question never named
                continue
            if not q.subjects and not q.context and not _ASKS_WHICH.search(q.text) \
                    and self._needs_a_city(snap, hit, (h for h in hits[at + 1:max(at + 1, BEST_LIMIT + len(skipped))] if why_not(
                        q.text, h.fact, q.qtype, years=q.years, yes_no=yes_no) is None), q.years):
                shared = self._shared_fact(snap, q, hit, skipped)
                if shared is not None:
                    # "when was the logo ceremony for 15 cities": each city's fact of that ceremony fits, and so
                    # does the ceremony's own fact, about no city: the question needs no city.
                    hit = shared
                else:
                    hit.ambiguous = True
            if not q.subjects and not q.context and self._one_of_several_smarts(snap, hit, hits[at + 1:at + 4]):
                # "smart city คืออะไร" matches every "smart X คืออะไร" alike: no one Smart's definition answers it
                return None
            # A fact about every one of two or more things the question names ("แม่นบ่ว่าขอนแก่นเป็นเมือง 7 ด้าน"):
            # the names say what is asked even when the other words say little.
            named_all = len(q.subjects) >= 2 and hit.subjects >= S_MATCH + S_ALL - 1e-9 or (
                # (or about the place and one of the choices it is asked between: "is Mae Moh a livable city or a
                # new city" is about Mae Moh's type, whatever its other words)
                len(q.subjects) >= 3 and _EITHER_OR.search(q.text) is not None
                and len(set(q.subjects) & snap.index.about_sets[hit.fact.id]) >= 2)
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
            # (An unknown word that is no off-topic one, "มีปัญหา", in a question whose distinctive words the fact
            # says, "เรือล่ม", is more likely a paraphrase: the fact tells what is asked.)
            weak = hit.words < CUE_MIN_WORDS and not (
                topic and not unstated(topic, hit.fact) and not self.nlu.cues.find(cue or "")) and not (
                cue and cue.casefold() in hit.fact.text().casefold())  # (the fact itself says it: "the hotel")
            if cue is not None and not named_all and not named_two and (weak or (
                    not q.subjects and not q.context and set(hit.fact.about) & set(snap.kb.cities))
                    or hit.fact.intent == "rankings"):
                return None
            # (A question that is a fact's own phrasing is that fact's: it is not second-guessed. A staff entry
            # is, with its questions read as part of what it says: "ขอเบอร์โทรร้าน..." written for a shop's
            # phone number is no answer to "ขอเบอร์โทรดีป้า..." unless it gives a number.)
            staff = hit.fact.id in snap.index.staff
            # "งบสมาร์ทซิตี้ขอนแก่นปีนี้เท่าไหร่": the city's budget, which the cost of one of its projects (the
            # light rail's 26,963 million baht) is not, unless the question names that project (or the
            # conversation is about it), or names no city ("รถรางรอบบึง...ใช้งบเท่าไหร่" asks about the tram)
            if budget_asked and not staff and set(hit.fact.about) & snap.index.projects \
                    and named_here & snap.index.areas and not named_here & snap.index.projects \
                    and not _BUDGET_SAID.search(hit.fact.text()):
                passed_over, instances_only, needs_only = True, False, False
                continue
            if score_asked and not staff and "percent" not in units_stated(hit.fact.answer_text()):
                # "Mae Moh's TSCCI score?": a fact that it led one dimension gives no score
                passed_over, instances_only, needs_only = True, False, False
                continue
            if notions_only and not notions_only & snap.index.about_sets[hit.fact.id] and hit.words < OWN_PHRASING \
                    and (hit.words < CLOSE_WORDS or snap.index.about_sets[hit.fact.id] & snap.index.concepts) \
                    and not staff and not any(n in " ".join((*hit.fact.questions.th, *hit.fact.questions.en,
                                                             hit.fact.answer_text())).casefold()
                                              for x in notions_only for n in self._names(snap, x)):
                # "when did Thailand 4.0 start": a fact about another notion (the 20-year National Strategy),
                # which names the one asked about in neither its answer nor its questions, is no answer about it
                passed_over, instances_only, needs_only = True, False, False
                continue
            if projects_named and not projects_named & snap.index.about_sets[hit.fact.id] \
                    and hit.words < CLOSE_WORDS and not staff and not any(
                        n in hit.fact.text(questions=True).casefold()
                        for x in projects_named for n in self._names(snap, x)):
                # "ภูเก็ตจะมีรถไฟฟ้ารางเบาเมื่อไหร่": a Phuket fact that says nothing of a light rail is no answer
                passed_over, instances_only, needs_only = True, False, False
                continue
            if not yes_no and not staff and hit.words < OWN_PHRASING and self._of_nothing_named(snap, q, hit.fact):
                # "how do I apply to KVIS": a fact about applying for the logo, about nothing the question names
                # and naming the school nowhere, is no answer about the school
                passed_over, needs_only = True, False
                continue
            if not yes_no and not staff and self._of_another_person(snap, q, hit.fact):
                # "what was Chaiwut's role at the meeting": the secretary's role, told of Nuttapon and never
                # naming Chaiwut, is no answer about him (however close its phrasing, names removed)
                passed_over, instances_only, needs_only = True, False, False
                continue
            if not yes_no and not staff and hit.words < OWN_PHRASING and self._of_another(snap, q, hit.fact):
                # "ภูเก็ตพัฒนาเมืองมีทุนจดทะเบียนเท่าไหร่": KKTT's capital is no answer about PKCD; the asked detail
                # must be told of the one named
                passed_over, instances_only, needs_only = True, False, False
                continue
            reason = why_not(q.text, hit.fact, q.qtype, years=q.years, staff=staff, yes_no=yes_no) \
                if hit.words < OWN_PHRASING else None
            if hit.words < OWN_PHRASING and (
                    reason is not None
                    # (a question about what is to come, "the next expo", is answered only by a fact about it)
                    # (said in its answer, unless the question is close to its phrasings: "กี่คัน" is not the
                    # (staff entries too: opening hours are no count of cameras)
                    # bus's hours though one phrasing asks about "รถคันแรก")
                    or (counted and (uncovered(counted, hit.fact) == counted or (
                        hit.words < CLOSE_WORDS and unstated(counted, hit.fact) == counted)
                        or _plural_unsaid(counted[-1], hit.fact)))
                    or (not staff and topic and (hit.words < COVER_MIN_WORDS or asks_to_come(q.text))
                        and uncovered(topic, hit.fact) == topic
                        and not named_two)):  # (a fact about two of the things named is what is asked)
                passed_over = True
                counted_over = max(counted_over, hit.words if reason in _NO_FIGURE else 0.0)
                instances_only = instances_only and reason in _ANOTHER_INSTANCE
                needs_only = needs_only and reason in NEED_REASONS
                passed_kinds.add((hit.fact.intent, hit.fact.aspect))
                continue  # near the question, but not holding what it asks for: the next one may
            if len(q.subjects) >= 2 and not yes_no and hit.subjects < S_MATCH + S_ALL - 1e-9 and hit.words < OWN_PHRASING:
                # "when did Mae Moh get its promotion zone certificate": a fact about Mae Moh only (its logo) is
                # no nearer than one about both things named (its certificate) that scores almost as well
                both = next((h for h in hits[at + 1:] if h.subjects >= S_MATCH + S_ALL - 1e-9
                             and h.score >= hit.score - ALL_NAMED_MARGIN and h.fact.id not in skipped
                             and (only is None or only in h.fact.about)
                             and why_not(q.text, h.fact, q.qtype, years=q.years, yes_no=yes_no) is None), None)
                if both is not None:
                    return both
            return hit
        return None

    def _asked_words(self, query_text: str) -> list[str]:
        """The words a follow-up asks about: not question words, fillers, pronouns or common words (English
        words cut to five letters, as facts' words are compared)."""
        if self.vocabulary is None:
            return []
        stop = self.vocabulary.stop
        # (without its ending first: "closing" is looked for as "clos", which "close" has)
        return [stem(w)[:5] if w.isascii() and len(w) > 5 else w
                for w in tokenize(_TOLD_FILLER.sub(" ", query_text.casefold()))
                if w not in stop and w not in _EN_STOP and w not in _TH_ASKING and not w.isdigit() and len(w) >= 2]

    def _detail_asked(self, fact: Fact, query_text: str, kind: str | None = None) -> bool:
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

    def _all_told(self, told: Fact, query_text: str) -> bool:
        """Whether a message asks about at least one word of its own, and the answer just given says every one."""
        words = self._asked_words(query_text)
        text = told.answer_text().casefold()
        return bool(words) and all(w in text for w in words)

    def _told_counts(self, told: Fact, query_text: str, kind: str | None, found: Fact | None = None) -> bool:
        """Whether a short follow-up that names nothing asks for a count or a figure ("กี่จังหวัด", "how many
        provinces?", "ได้กี่เปอร์เซ็นต์", "score?") that the answer just given states, in the unit asked, and
        asks about nothing else it does not say: "105 cities in 77 provinces by 2027" answers "กี่จังหวัด" better
        than another fact that counts provinces of another year."""
        if kind not in ("how_many", "how_much", None) or len(query_text.split()) > 6 or kind in told.unknown:
            return False
        if self._only_added(told, query_text) or self._only_renewed(told, query_text):
            return False
        asked_years = _years_in(query_text)
        if asked_years and not asked_years & self._fact_years(told):
            return False  # ("แล้วปี 69 จะมีกี่เมือง": a count of another year is no answer for that year)
        told_text = told.answer_text().casefold()
        about = self._asked_words(_MONEY_ASKED.sub(" ", query_text.casefold()))
        found_text = found.answer_text().casefold() if found is not None else ""
        if kind == "how_much" and _MONEY.search(told_text) and all(w in told_text for w in about) \
                and not (about and _MONEY.search(found_text) and all(w in found_text for w in about)
                         and not _THAT_ONE.search(query_text.casefold())):
            # "งบเท่าไหร่", "how much did it cost" right after a fact that states the sum; "the budget of that
            # pilot" right after "the one-year pilot, worth 97 million baht": what it asks about is what was told
            # (unless the fact found states a sum and says it too: "ทุนเท่าไหร่" finds the capital's own fact;
            # "that pilot", "โครงการนั้น" still points back to the one told)
            return True
        # (a word of the question the fact's own example questions use is how people ask what it tells: "how many
        # were ranked" of the TSCCI's release covering 30 cities, "จัดอันดับ")
        phrased = " ".join((told_text, *told.questions.th, *told.questions.en)).casefold()
        if kind == "how_many" and _counts_noun(told_text, query_text) \
                and all(w in phrased for w in self._asked_words(query_text)):
            # "how many cameras" right after "...a CCTV system (40 cameras covering 13 beaches)": the number it
            # gives with what is counted, not another fact's count of cameras (of another plan)
            return True
        asked = units_asked(query_text)
        if kind is None and asked != {"percent"}:
            return False  # ("score?": only a score is asked without a question word)
        stated = {unit for _, unit in counted(told.answer_text())}
        if not asked or not asked <= stated:
            return False
        return all(w in phrased for w in self._asked_words(without_units(query_text)) if not is_unit_word(w))

    @staticmethod
    def _only_added(told: Fact, query_text: str) -> bool:
        """Whether a question asks for a running total ("รวมเป็นกี่เมืองแล้ว") and the answer just given counts
        only what was added ("เพิ่ม 15 พื้นที่", "the 2022 batch has 15"), without the total."""
        text = told.answer_text()
        return bool(_TOTAL_ASKED.search(query_text.casefold())) and not _TOTAL_SAID.search(text.casefold())

    @staticmethod
    def _only_renewed(told: Fact, query_text: str) -> bool:
        """Whether a question asks how many areas are new ("แล้วมีเมืองใหม่กี่เมือง", "and how many new ones") and
        the answer just given counts only logos renewed ("ต่ออายุตราสัญลักษณ์ 16 เมือง"), which are none of them."""
        text = told.answer_text().casefold()
        return bool(_NEW_ASKED.search(query_text) and not _RENEWAL.search(query_text) and _RENEWAL.search(text)
                    and not _NEW_ASKED.search(text))

    def _asks_beyond(self, told: Fact, query_text: str, every: bool = False, phrasings: bool = False) -> bool:
        """Whether a follow-up asks about a word (one most facts do not use) that the answer just given does
        not contain; with ``every``, whether it asks about such words only ("แล้วค่าฝุ่นล่ะ" after green space,
        but not "ตั้งเป้าตอนไหน" after the target: an open question's other words may be how it asks). With
        ``phrasings`` (a yes/no question), the fact's own example questions count as what it says: they are the words
        people ask what it tells in ("was any of them mandatory" / "Smart Environment required", "โดนยกเลิกไหม" /
        "ถูกเพิกถอนได้"), and the verdict is read from the fact. (Not for an open question: "what's the newest
        target" is no phrasing of the 2017 goal's, though "target" is.)"""
        text = " ".join((told.answer_text(), *((*told.questions.th, *told.questions.en) if phrasings else ()))).casefold()
        beyond = [w not in text for w in self._asked_words(_KIND_NOUN.sub(" ", query_text.casefold()))]
        return bool(beyond) and (all(beyond) if every else any(beyond))

    def _told_holds(self, snap: Snapshot, told: Fact, query_text: str, kind: str | None, found: Fact | None,
                    asking_only: bool = False, years: frozenset[int] = frozenset()) -> bool:
        """Whether the answer just given answers a follow-up that names nothing, better than ``found`` (the
        fact retrieval found, if any): the follow-up asks about at least one word of its own (not a question
        word, filler or pronoun), every such word is in that answer and not all of them in ``found``, the answer
        holds the kind of thing asked (a date for "when", a number for "how many") and does not say the sources
        leave it open, and nothing in the question rules it out (knowledge/answerable.py). A message that only
        asks ("when?", "ที่ไหน", "by whom") needs no word of its own: the kind of thing asked must be in the
        answer's own words (a date, a place, a name), not only in its aspect."""
        if self.vocabulary is None or len(query_text.split()) > 8 or (kind is not None and kind in told.unknown):
            return False
        words = self._asked_words(query_text)
        # "who" is held by a name, or by an organisation or person the fact is about ("PTT and NSTDA signed...").
        holds = snap.index.holds[told.id] | ({"who"} if any(
            x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person") for x in told.about)
            else set())
        if asking_only:  # ("between who?", "from whom")
            return kind is not None and kind in holds and why_not(query_text, told, kind, years=years) is None

        def says_all(fact: Fact) -> bool:
            text = fact.answer_text().casefold()
            # ("when did it start" is said by "from 1 July 2021", "launched in", "เริ่ม", "ตั้งแต่")
            return all(w in text or w in _START_ASKED and _START_SAID.search(text) for w in words)

        # ("when will it open" after "...it is not open yet...": a word the answer says only as not so yet does
        # not say when it will be)
        told_text = told.answer_text().casefold()
        if any(w in told_text and not _said_unnegated(w, told_text) for w in words):
            return False
        if not words or not says_all(told) or (found is not None and says_all(found)):
            return False
        # ("แล้วใครได้อันดับ 1" after "...อันดับ 3...": a number asked must be one the answer states)
        told_text = told.answer_text()
        if any(not re.search(rf"(?<![\d.]){n}(?![\d.])", told_text) for n in re.findall(r"\d+", query_text)):
            return False
        # ("เพื่อสนับสนุนใคร" after "...supports community enterprises": the words asked about are the answer's)
        if kind is not None and kind not in holds and told.aspect != kind and kind != "who":
            return False
        # ("what about the 2025 index?" after the 2023 index: the year asked rules it out)
        return why_not(query_text, told, kind, years=years) is None

    def _told_in_detail(self, turn: _Turn, told: Fact, query_text: str, kind: str | None,
                        found: Fact | None, years: frozenset[int] = frozenset()) -> Answer | None:
        """The detail of the fact just given as the answer to a follow-up that names nothing, when every word it
        asks about (not a question word or filler) is in that detail and not all of them in the fact's answer nor
        in the answer of the fact found (``found``)."""
        if told.detail is None or len(query_text.split()) > 8 or (kind is not None and kind in told.unknown):
            return None
        if is_only_asking(query_text):
            # ("by which year?" asks what the answer gives: a year, not the word "year")
            return self._detail_only_asked(turn, told, kind, found)
        # (a Thai word of two letters is inside too many others: "ทำ" in "ทำเนียบ"; an English one starts a word;
        # a noun of the kind asked, "year", "date", "name", says nothing of what is asked about)
        words = [w for w in self._asked_words(_KIND_NOUN.sub(" ", query_text.casefold())) if len(w) >= 3]
        detail = f"{told.detail.th} {told.detail.en}".casefold()
        answer = told.answer_text().casefold()

        def says_all(text: str) -> bool:
            return all(re.search(rf"\b{re.escape(w)}", text) if w.isascii() else w in text or _said_core(w, text)
                       for w in words)

        # (a fact found that says them is the answer when it is about the same thing: the chair of another
        # committee is not who chaired this event)
        same_thing = found is not None and bool(set(found.about) & set(told.about) - turn.snap.index.concepts)
        if not words or not says_all(detail) or says_all(answer) or (
                same_thing and found is not None and says_all(found.answer_text().casefold())):
            return None
        # a count or a sum the answer states (or the fact found states) is what "how many proposals were
        # screened", "how much will it cost" ask, in other words; the detail must state one itself
        found_text = found.answer_text().casefold() if found is not None else ""
        if kind == "how_many" and (counted(told.answer_text()) or counted(found_text) or not re.search(r"\d", detail)) \
                or kind == "how_much" and (_MONEY.search(answer) or _MONEY.search(found_text)
                                           or not _MONEY.search(detail)):
            return None
        if why_not(query_text, told, kind, years=years) is not None:
            return None
        return turn.snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))

    @staticmethod
    def _detail_only_asked(turn: _Turn, told: Fact, kind: str | None, found: Fact | None) -> Answer | None:
        """The detail of the fact just given, for a message that only asks "where?", "ที่ไหน", "who?" right after
        it, when that detail holds a place (a name) and the answer does not: "ที่ไหน" after "the logo was unveiled
        in March 2019 at the Takeoff event" asks where the event was held, which its detail says. A fact found
        about the same thing that holds it in its own answer comes first; so does one that the answer holds."""
        if kind not in ("where", "who") or told.detail is None:
            return None
        holds = _HOLDS[kind]
        # ("at depa in Lat Phrao": a place named as where it happened, which the Thai says as "ที่ดีป้า ลาดพร้าว")
        placed = kind == "where" and _AT_A_PLACE.search(told.detail.en) is not None
        if holds.search(told.answer_text()) or not (placed or holds.search(told.detail.th) and holds.search(told.detail.en)):
            return None
        snap = turn.snap
        if found is not None and found.id != told.id and holds.search(found.answer_text()) \
                and set(found.about) & set(told.about) - snap.index.concepts:
            return None
        return snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))

    def _told_kind(self, turn: _Turn, told: Fact, subjects: list[str], talked_of: list[str]) -> Answer | None:
        """The answer just given again, or its detail, for a follow-up that asks only which one of a kind of
        thing it was ("which hotel was the venue", "at which event", "with which companies", "which part of
        bangkok"), when that text names a thing of that kind; None otherwise. What the follow-up names must be
        what the conversation is about, or be named in that answer (Bangkok in "...in Lat Phrao, Bangkok")."""
        u, snap = turn.u, turn.snap
        text = u.normalized.casefold()
        kind = next((k for k, rx in _WHICH_KIND.items() if rx.search(text)), None)
        if kind is None or not set(subjects) <= set(told.about) | set(talked_of):
            return None
        told_text = told.text().casefold()
        if any(not any(n in told_text for n in self._names(snap, p)) for p in u.entities.places):
            return None
        # (a name's possessive is left behind when the name is taken out: "who is EGAT's partner" → "who is 's partner")
        rest = _KIND_WORDS.sub(" ", re.sub(r"['’]s\b", " ", u.entities.remainder.casefold()))
        if rest.strip(" ?!.,") and not is_only_asking(rest):
            return None  # ("which hotel is cheapest" asks something the answer does not say)

        # (an event's names without "งาน" and the date in brackets: "Digital Thailand Big Bang 2019")
        events = [n for x in told.about if x in snap.kb.entities and snap.kb.entities[x].kind == "event"
                  for n in self._names(snap, x)]

        def says(t: str) -> bool:
            if kind == "where":
                return bool(_HOLDS["where"].search(t))
            if kind == "partner":
                return bool(_WITH_PARTNER.search(t))
            return any(re.sub(r"^งาน\s*|\s*\(.*\)$", "", n) in t.casefold() for n in events)

        if says(told.answer.th) or says(told.answer.en):
            return snap.composer.fact(told, turn.lang)
        if told.detail is not None and (says(told.detail.th) or says(told.detail.en)):
            return snap.composer.computed(told.detail.th, told.detail.en, turn.lang, [told], list(told.about))
        return None

    @staticmethod
    def _fact_years(fact: Fact) -> frozenset[int]:
        """The years (CE) a fact's answer names, with the year of its date and of its as-of date."""
        years = set(_years_in(fact.answer_text()))
        years.update(int(d[:4]) for d in (fact.date, fact.as_of) if d and d[:4].isdigit())
        return frozenset(years)

    @staticmethod
    def _placed(snap: Snapshot, fact: Fact | None, question: str) -> str | None:
        """The area at the place a question asks about ("which was third") in a ranking fact that names
        several areas in order, read from the order its answer names them; None when that cannot be told."""
        if fact is None:
            return None
        rank = _asked_rank(question) if fact.intent == "rankings" and _WHICH_ONE.search(question) else None
        areas = Dialogue._in_order(snap, fact)
        return areas[rank - 1] if rank is not None and len(areas) >= max(2, rank) else None

    @staticmethod
    def _same_kind(snap: Snapshot, one: str, other: str) -> bool:
        """Whether two subjects are things of one kind (two areas, two organisations, two projects...)."""
        def kind(x: str) -> str | None:
            if x in snap.kb.cities:
                return "area"
            return snap.kb.entities[x].kind if x in snap.kb.entities else None
        return kind(one) is not None and kind(one) == kind(other)

    @staticmethod
    def _in_order(snap: Snapshot, fact: Fact) -> list[str]:
        """The areas a fact is about, in the order its answer names them; none when it names fewer than two
        or one cannot be found in it."""
        areas = [x for x in fact.about if x in snap.kb.cities]
        text = fact.answer.en.casefold()
        where = {}
        for a in areas:
            city = snap.kb.cities[a]
            found = [i for i in (text.find(n.casefold()) for n in (city.name.en, city.short_name.en)) if i >= 0]
            if not found:
                return []
            where[a] = min(found)
        return sorted(areas, key=where.__getitem__) if len(areas) >= 2 else []

    @classmethod
    def _compared_with(cls, snap: Snapshot, x: str, text: str) -> bool:
        """Whether ``text`` names ``x`` only as what something is likened to ("เหมือนดีป้า", "like depa",
        "the same as depa's")."""
        low = text.casefold()
        for n in cls._names(snap, x):
            i = low.find(n)
            if i > 0 and _LIKENED_TO.search(low[max(0, i - 16):i]):
                return True
        return False

    @staticmethod
    def _names(snap: Snapshot, x: str) -> list[str]:
        """The names of an entity or a place, casefolded (three letters or more)."""
        if x in snap.kb.entities:
            e = snap.kb.entities[x]
            names = [e.name.th, e.name.en, *((e.short.th, e.short.en) if e.short else ()), *e.aliases]
        elif x in snap.kb.places:
            p = snap.kb.places[x]
            names = [p.th, p.en, *p.aliases]
        else:
            return []
        return [n.casefold() for n in names if len(n) >= 3]

    def _someone_else(self, snap: Snapshot, q: Query, fact: Fact, places: Sequence[str], close: bool) -> bool:
        """Whether ``fact`` answers a yes/no question about who or where with another one than the question
        names: "is Mae Moh run by PTT?" / EGAT runs it; "was the meeting held in Chiang Mai?" / in Bangkok. The
        fact must be about every other specific thing the question names, never mention the one named, and
        tell who (or where), or match the question's words closely (``close``)."""
        about = snap.index.about_sets[fact.id]
        text = fact.text().casefold()
        ents = snap.kb.entities
        kinds = ("organisation", "person")
        named = [x for x in q.subjects if x in ents and ents[x].kind in kinds]
        rest = [x for x in q.subjects if x not in named and x not in snap.index.concepts]
        if any(x not in about for x in rest):
            return False
        # (or the role the question gives the person is the one the fact tells: "opened by Prayut?" / "opened by
        # Deputy PM Prajin Juntong", in a fact about when the expo was)
        role = any(rx.search(q.text) and rx.search(text) for rx in _ROLES)
        for x in [y for y in named if close or fact.aspect == "who" or role and ents[y].kind == "person"]:
            if x in about or any(n in text for n in self._names(snap, x)):
                continue
            if _awards_the_logo(x, q.text):
                continue  # ("certified by depa?": depa awards every logo, whoever else a certification fact names)
            if any(y in ents and ents[y].kind == ents[x].kind and y not in q.subjects for y in about):
                return True  # (another organisation, or another person, is what the fact says)

        asked_where = _ASKED_WHERE.search(q.text.casefold()) is not None
        if asked_where and "where" in snap.index.holds[fact.id] and rest and (close or fact.aspect == "where"):
            for p in places:
                if p in snap.kb.places and not any(n in text for n in self._names(snap, p)) and \
                        not any(c.province == p for c in snap.kb.cities.values() if c.id in about):
                    return True
        return False

    def _in_another_province(self, snap: Snapshot, a: _Asked, fact: Fact, text: str) -> bool:
        """Whether the question (``text``) names provinces (by name, not a misspelling that may be another word:
        "หัวหน้า" is no Hua Hin) and no area, and ``fact`` is about one or two areas, none of them in those provinces,
        and names none of them."""
        kb = snap.kb
        said = text.casefold()
        provinces = [p for p in a.ent.places if p not in a.ent.city_named_places and p in kb.places
                     and any(n in said for n in self._names(snap, p))]
        if not provinces or a.yes_no or any(x in kb.cities for x in a.subjects) or any(x in kb.cities for x in a.context):
            return False  # (a yes/no may be settled by a list the province is not in: "was Nonthaburi a pilot?")
        areas = [x for x in fact.about if x in kb.cities]
        if not areas or len(areas) > 2 or any(kb.cities[x].province in provinces for x in areas):
            return False
        told = fact.text().casefold()
        return not any(n in told for p in provinces for n in self._names(snap, p))

    def _role_on_the_day(self, snap: Snapshot, q: Query, fact: Fact, question: str) -> Fact | None:
        """The fact of the day (or month) of the event a yes/no question names that gives someone else than the
        one person it names the role it claims ("was Prayut the chair of the 6 May 2021 meeting?" / "the 6 May 2021
        meeting was chaired by Chaiwut"), when ``fact`` is of no such day; None when there is none, or the person
        named is named there too (the words decide)."""
        ents = snap.kb.entities
        people = [x for x in q.subjects if x in ents and ents[x].kind == "person"]
        roles = [rx for rx in _ROLES if rx.search(question)]
        if len(people) != 1 or not roles or not q.years or not _AT_AN_EVENT.search(question):
            return None
        days, months = days_named(question), months_named(question)
        if not days and not months:
            return None

        def of_the_day(f: Fact) -> bool:
            if not f.date or len(f.date) < 7 or int(f.date[:4]) not in q.years:
                return False
            month = int(f.date[5:7])
            return (int(f.date[8:10]), month) in days if days and len(f.date) == 10 else not days and month in months

        if of_the_day(fact):
            return None
        names = self._names(snap, people[0])
        # (the event's own facts first, then those of one area among others it concerns)
        for f in sorted((f for f in snap.facts.values() if of_the_day(f)),
                        key=lambda f: (len(set(f.about) & set(snap.kb.cities)), len(f.about), f.id)):
            told = f.answer_text().casefold()
            if not any(rx.search(told) for rx in roles):
                continue
            if people[0] in f.about or any(n in told for n in names):
                return None
            if any(y in ents and ents[y].kind == "person" and any(n in told for n in self._names(snap, y))
                   for y in f.about):
                return f
        return None

    def _other_term(self, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether ``fact`` gives the person the question names a term of office that leaves out every year
        it asks about, and someone else's term covers them: "was Prawit the chair in 2019?" / "Prajin Juntong
        (2018-19), Prawit Wongsuwon (2020-22)" is a no."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        if len(people) != 1 or not q.years:
            return False
        names = [n for n in self._names(snap, people[0]) if n.isascii()]
        terms = [(m.group(1).casefold(), int(m.group(2)), int(m.group(2)[:4 - len(m.group(3))] + m.group(3))
                  if m.group(3) else int(m.group(2))) for m in _TERM.finditer(fact.answer.en)]
        mine = [(a, b) for who, a, b in terms if any(n in who or who in n for n in names)]
        theirs = [(a, b) for who, a, b in terms if not any(n in who or who in n for n in names)]
        return bool(mine) and all(not a <= y <= b for a, b in mine for y in q.years) and \
            all(any(a <= y <= b for a, b in theirs) for y in q.years)

    @staticmethod
    def _other_place(snap: Snapshot, q: Query, fact: Fact, question: str) -> bool | None:
        """For "did Khon Kaen come first?" against a ranking fact about the area named: whether the place the
        fact gives it is another one (True), the same (False), or cannot be told (None)."""
        if fact.intent != "rankings" or _AMONG.search(question):
            return None
        if q.years and index_years(fact.text()) and not q.years & index_years(fact.text()):
            return None  # ("ได้ที่ 1 ปี 2566" / its place in the 2024 index: another ranking, settling nothing)
        m = _PLACE_CLAIMED.search(question)
        # ("was that the best province?" right after Phuket's score: Phuket, the area the conversation is on)
        areas = [x for x in q.subjects if x in snap.kb.cities] or [x for x in q.context if x in snap.kb.cities][:1]
        if m is None or len(areas) != 1 or areas[0] not in fact.about:
            return None
        if any(x in snap.kb.dimensions for x in fact.about) and not any(x in snap.kb.dimensions for x in q.subjects):
            return None  # ("led Smart Governance" is its place in one dimension, not in the ranking asked about)
        word = next((g for g in m.groups() if g), "1")
        asked = int(word) if word.isdigit() else _NTH.get(word.casefold(), 1)
        told = fact.answer.en
        # (the kind of ranking asked: "among provinces", "the top province", "city-based")
        kind = _category_of(question) or ("province" if re.search(r"\bprovinces?\b", question, re.I) else None)
        if kind is not None and _category_of(told.casefold()) not in (None, kind) and areas[0] in fact.about:
            return True  # ("was Wangchan Valley the top province?" / first among city-based: not in that ranking)
        if _CITY_BASED.search(told.casefold()) and re.search(r"\bprovinces?\b|province-based", told, re.I) \
                and _category_of(told.casefold()) is None:
            # ("the top city-based area was Wangchan Valley and the top province was Phuket": the top of each of
            # two rankings, not one order) the top of the kind asked, when the question asks the first place
            tops = {("city" if k.startswith("city") else "province"): who for k, who in
                    re.findall(r"\btop (city-based \w+|province-based \w+|province)\s+(?:was|is)\s+([^(;,.]+)", told)}
            if asked != 1 or kind not in tops:
                return None
            city = snap.kb.cities[areas[0]]
            return not any(n.casefold() in tops[kind].casefold() for n in (city.name.en, city.short_name.en) if n)
        order = Dialogue._in_order(snap, fact)
        if areas[0] in order:
            return order.index(areas[0]) + 1 != asked
        stated = _stated_ranks(fact.answer.en)
        return None if len(stated) != 1 else asked not in stated

    def _area_names(self, snap: Snapshot, x: str) -> list[str]:
        """The names of an area (its full and short names, its aliases) or a place, casefolded."""
        if x in snap.kb.cities:
            c = snap.kb.cities[x]
            return [n.casefold() for n in (c.name.en, c.short_name.en, c.name.th, c.short_name.th, *c.aliases) if len(n) >= 3]
        return self._names(snap, x)

    def _in_closed_list(self, snap: Snapshot, q: Query, fact: Fact, question: str, places: Sequence[str]) -> bool | None:
        """For "was Chiang Mai among the five approved?", "เป็น 1 ใน 7 พื้นที่นำร่องไหม", "is X one of the 7 pilot
        areas?" against a fact that names a closed list of that many (polarity.closed_list): whether the one area
        or place named is in it (by one of its own names); None when the question claims no such membership,
        names no count or another count than the list's, names several things, or the list names only the
        province of the area asked about (Samyan, in a list that says Bangkok)."""
        if not _MEMBER_Q.search(question):
            return None
        items = closed_list(fact.answer.en)
        if items is None:
            return None
        counts = {n for n in numbers(_DAY_NUMBER.sub(" ", spelled_as_digits(question))) if "." not in n}
        counts -= {str(y % 100) for y in q.years} | {str((y + 543) % 100) for y in q.years}
        counts.discard("1")  # ("1 ใน 7": one of them)
        if counts != {str(len(items))}:
            return None
        said = share_said(tokenize(q.text), fact.answer_text(), snap.known_words)
        if said is not None and said < 0.5:
            return None  # (a list of other things, as many: "is Rayong one of the seven pilot areas?" / the 7 Smarts)
        named = list(dict.fromkeys([x for x in q.subjects if x in snap.kb.cities] + [p for p in places if p in snap.kb.places]))
        provinces = {snap.kb.cities[x].province for x in named if x in snap.kb.cities}
        # (a province named with its area is the area's; an area and its province of one id, "nan", are the area)
        named = [x for x in named if x not in provinces or x in snap.kb.cities]
        if len(named) != 1 or any(x in snap.kb.entities for x in q.subjects):
            return None
        names = self._area_names(snap, named[0])
        if any(n in i for n in names for i in items):
            return True
        if named[0] in snap.kb.cities:
            province = snap.kb.cities[named[0]].province
            if any(n in i for n in self._names(snap, province) for i in items):
                return None  # (the list names its province: whether the area is meant, the list cannot tell)
        return False

    def _developer_claimed(self, snap: Snapshot, q: Query, question: str) -> tuple[Fact, bool] | None:
        """For "is Wangchan Valley run by EGAT?", "mae moh is run by PTT right?" (one organisation claimed to run
        one area, named or discussed): the area's own fact of who develops it, and whether it names that
        organisation; None for any other question, or an area with no such fact."""
        if not _RUN_BY_Q.search(question):
            return None
        orgs = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "organisation"]
        areas = [x for x in q.subjects if x in snap.kb.cities] or [x for x in q.context if x in snap.kb.cities][:1]
        claimed = _RUNNER_NAMED.search(question) if not orgs and len(areas) == 1 else None
        if claimed is not None:
            # "is samyan run by kasetsart uni?", "run by the provincial government?": a body the knowledge base
            # does not know, claimed to run the area; its own fact of who runs it, naming none of its words, says no
            # (not the names of the area or its province: "the Bangkok Metropolitan Administration" / Samyan)
            own = " ".join([*self._area_names(snap, areas[0]), *self._names(snap, snap.kb.cities[areas[0]].province)])
            words = [w for w in re.findall(r"[a-z]{4,}", claimed.group(1).casefold())
                     if w not in _RUNNER_FILLER and w not in own.casefold()]
            said = [f for f in snap.index.about(areas[0]) if f.aspect == "who" and _DEVELOPER_SAID.search(f.answer.en)
                    and areas[0] in f.about]
            if not words or len(said) != 1 or any(w in said[0].text().casefold() for w in words):
                return None
            return said[0], False
        if len(orgs) != 1 or len(areas) != 1 or any(
                x in snap.kb.entities and snap.kb.entities[x].kind in ("project", "event") for x in q.subjects):
            return None  # (who runs a project of the area is another question: "is the light rail run by KKTS?")
        said = [f for f in snap.index.about(areas[0]) if f.aspect == "who" and _DEVELOPER_SAID.search(f.answer.en)
                and areas[0] in f.about]
        if len(said) != 1:
            return None
        text = said[0].answer_text().casefold()
        held = orgs[0] in said[0].about or any(n in text for n in self._names(snap, orgs[0]))
        # ("run by PTT since 2017?" / "has managed it since 2013": the right one, from another year)
        return said[0], held and not other_year_since(question, said[0].answer.get(q.lang))

    def _led_by(self, snap: Snapshot, q: Query, fact: Fact, question: str) -> bool | None:
        """For "did Mae Moh lead the Economy dimension?" against a fact that lists who led each dimension
        (polarity.leaders): whether the one area named led the one dimension named; None otherwise."""
        dims = [x for x in q.subjects if x in snap.kb.dimensions]
        areas = [x for x in q.subjects if x in snap.kb.cities]
        if len(dims) != 1 or len(areas) != 1 or not _LEAD_Q.search(question):
            return None
        if q.years and index_years(fact.text()) and not q.years & index_years(fact.text()):
            return None
        word = snap.kb.dimensions[dims[0]].name.en.casefold().replace("smart", "").strip()
        led = [who for what, who in leaders(fact.answer.en) if re.search(rf"\b{re.escape(word)}\b", what)]
        if len(led) != 1:
            return None
        return any(n in led[0] for n in self._area_names(snap, areas[0]))

    def _of_another(self, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one specific thing (an area, or an organisation, project or event) and
        ``fact`` is about another of its kind instead, naming the one asked about nowhere: the registered
        capital of another company, the score of another area."""
        specific = [x for x in q.subjects if x in snap.kb.cities or x in snap.kb.entities
                    and snap.kb.entities[x].kind in ("organisation", "project", "event")]
        if len(specific) != 1 or any(y not in specific and y not in snap.index.concepts for y in q.subjects):
            return False  # (one specific thing, perhaps with a notion: "Yala's TSCCI score")
        x = specific[0]
        about = snap.index.about_sets[fact.id]
        if x in about or snap.index.related.get(x, frozenset()) & about:
            return False
        if x in snap.kb.cities:
            others = [y for y in about if y in snap.kb.cities]
        else:
            kind = snap.kb.entities[x].kind
            others = [y for y in about if y in snap.kb.entities and snap.kb.entities[y].kind == kind]
        text = fact.text(questions=True).casefold()
        names = self._names(snap, x) or [n.casefold() for n in (snap.kb.cities[x].short_name.th,
                                                                 snap.kb.cities[x].short_name.en,
                                                                 *snap.kb.cities[x].aliases) if len(n) >= 3]
        return bool(others) and not any(n in text for n in names)

    def _of_another_person(self, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one person and ``fact`` is about another person instead (or about nothing
        the question names), naming the one asked about nowhere (its questions included)."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        if len(people) != 1 or people[0] in snap.index.about_sets[fact.id]:
            return False
        others = [y for y in fact.about if y in snap.kb.entities and snap.kb.entities[y].kind == "person"]
        text = fact.text(questions=True).casefold()
        # (or about nothing the question names: "ณัฐพลอายุกี่ปี" is not asked of the logo, whose term is its อายุ)
        return (bool(others) or not set(q.subjects) & snap.index.about_sets[fact.id]) \
            and not any(n in text for n in self._names(snap, people[0]))

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

    def _of_nothing_named(self, snap: Snapshot, q: Query, fact: Fact) -> bool:
        """Whether the question names one organisation or project, alone, and ``fact`` is about neither it nor
        what it is related to, and names it nowhere (its questions included)."""
        named = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "project")]
        if len(named) != 1 or len(q.subjects) != 1:
            # ...or two or more things, one of them no notion ("smart energy in Mae Moh": not what a certified
            # smart city is, about neither)
            named = list(q.subjects) if len(q.subjects) >= 2 and set(q.subjects) - snap.index.concepts else []
            if not named:
                return False
        # (a fact about what it runs or belongs to is about it too: Chula's green space is Samyan's)
        near = set(named) | {r for x in named for r in snap.index.related.get(x, ())}
        if near & snap.index.about_sets[fact.id]:
            return False
        text = fact.text(questions=True).casefold()
        return not any(n in text for x in named for n in self._names(snap, x))

    def _stood_in_for(self, snap: Snapshot, q: Query, fact: Fact, question: str) -> bool:
        """Whether ``fact`` says someone stood in for the one person the question names (knowledge/polarity.py
        :func:`stood_in_for`): that person did not do what is asked about."""
        people = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "person"]
        return len(people) == 1 and stood_in_for(self._names(snap, people[0]), fact.answer.get(q.lang), question)

    @staticmethod
    def _one_area_for_all(snap: Snapshot, q: Query, fact: Fact, places: Sequence[str]) -> bool:
        """Whether a yes/no question names no area, organisation, project or place (nor does the conversation)
        and ``fact`` is about one area: what one area does confirms nothing about all of them ("must a smart
        city cover all 7 Smarts?" / "Wangchan Valley's plan covers all 7")."""
        if places or any(x in snap.kb.cities or x in snap.kb.places or x in snap.kb.entities
                         and snap.kb.entities[x].kind != "concept" for x in (*q.subjects, *q.context)):
            return False
        return len([x for x in fact.about if x in snap.kb.cities]) == 1

    def _verdict(self, snap: Snapshot, q: Query, hit: Hit, question: str,
                 places: Sequence[str] = ()) -> tuple[Hit, str]:
        """The fact and the verdict for a yes/no question. A close runner-up about the same subjects that
        confirms what the user asks wins over a best fact that would deny it: "แผนขอนแก่นมี 7 ด้านใช่ไหม" is
        a yes (the 2021 plan covers the 7 Smarts), though the 2018 master plan has 6 pillars. A fact that names
        another one than the one asked about ("run by PTT?" / EGAT; "came first?" / third) says no."""
        specific = {x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind != "concept"
                    or x in snap.kb.cities}
        notions = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind == "concept"
                   and x != "seven-smarts"]
        # (not one named only as what the claim is set against: "BOI splits it into 7 like depa?" is about BOI)
        named = [x for x in q.subjects if x in snap.kb.entities and snap.kb.entities[x].kind in ("organisation", "person")
                 and not _awards_the_logo(x, q.text) and not self._compared_with(snap, x, question)]

        def about_them(fact: Fact, venue: bool = False) -> bool:
            """Whether ``fact`` is about a specific thing the question names (or the area of an organisation
            named: Chulalongkorn University's is Samyan), or the question names none. (``venue``: the place
            named is the venue claimed, which a fact telling another venue does not name.)"""
            about = snap.index.about_sets[fact.id]
            text = fact.text().casefold()
            # (a place named, Phang Nga, must be in it too, or one of its areas: a yes about the province is
            # not read from a fact about others)
            if not venue and any(pl in snap.kb.places and not any(n in text for n in self._names(snap, pl))
                   and not any(c.province == pl for c in snap.kb.cities.values() if c.id in about) for pl in places):
                return False
            # (so must a notion named, the logo: "got the logo in 2546?" is not settled by what began in 2546)
            # (unless the notion is one of two alternatives and the fact tells of the other: "a new modern city
            # type?" / "an existing livable city")
            if any(x not in about and not any(n in text for n in self._names(snap, x)) for x in notions) \
                    and not another_alternative(question, fact.answer_text()):
                return False
            # (and an organisation or person named, or what it runs: "run by EGAT?" is not settled by a fact
            # about PTT's MoU, but Chulalongkorn's contest is Samyan's)
            # (not one named as the venue claimed: "at the depa building?" names depa as a place)
            place = (venue_asked(question) or "") if venue else ""
            if any(x not in about and not snap.index.related.get(x, frozenset()) & about
                   and not any(n in text or n in place for n in self._names(snap, x)) for x in named):
                return False
            # (an area named must be what it is about: "is Mae Moh run by depa?" is not settled by a fact about
            # depa's own office)
            areas = {x for x in specific if x in snap.kb.cities}
            if not venue and _RUN_BY_WIDE.search(question) and areas and len(specific) > len(areas) and not areas & about and not any(
                    snap.index.related.get(x, frozenset()) & about for x in areas):
                return False
            return not specific or bool(specific & about) or any(
                snap.index.related.get(x, frozenset()) & about for x in specific)

        no = _verdict_word(False, q.lang)
        told = hit.fact.answer.get(q.lang)
        if _YET_Q.search(question) and _PLAN_TOLD.search(told) and not _not_yet(question, told):
            # "มีรถไฟฟ้ารึยัง", "does it have one yet?" / its planned route: a plan says nothing is there yet, and
            # another fact about it says no more
            return hit, ""
        if self._stood_in_for(snap, q, hit.fact, question):
            return hit, no  # "was Prayut the chair of the 24 Dec ceremony?" / "Prawit stood in for him"
        if venue_claimed(question, hit.fact.answer.get(q.lang)) == "no" and about_them(hit.fact, venue=True):
            return hit, no  # "held at Government House?" / "held at the depa building" (another fact's venue is
            # another day's)
        on_the_day = self._role_on_the_day(snap, q, hit.fact, question)
        if on_the_day is not None:
            return _picked(on_the_day), no  # "was Prayut the chair of the 6 May 2021 meeting?" / Chaiwut chaired it
        if self._other_place(snap, q, hit.fact, question) is False and about_them(hit.fact):
            return hit, _verdict_word(True, q.lang)  # (the ranking gives it the very place claimed)
        if self._other_place(snap, q, hit.fact, question) or \
                self._someone_else(snap, q, hit.fact, places, close=hit.words >= CLOSE_WORDS) or \
                self._other_term(snap, q, hit.fact):
            return hit, no
        runner = self._developer_claimed(snap, q, question)
        if runner is not None:
            return Hit(runner[0], hit.score, 0.0, 1.0, 0.0, 1.0), _verdict_word(runner[1], q.lang)
        listed = self._in_closed_list(snap, q, hit.fact, question, places)
        if listed is not None:
            return hit, _verdict_word(listed, q.lang)  # "was Chiang Mai among the five?" / the five, named
        led = self._led_by(snap, q, hit.fact, question)
        if led is not None:
            return hit, _verdict_word(led, q.lang)  # "did Mae Moh lead Economy?" / "Economy, Mueang Yala; Energy, Mae Moh"
        dims = [x for x in q.subjects if x in snap.kb.dimensions]

        def dims_listed(fact: Fact) -> bool | None:
            """Whether the dimensions asked about are all in the list of them ``fact`` gives; None when it gives none."""
            if dims and about_them(fact) and len(self._dimensions_named(snap, fact)) >= 3 \
                    and (_DIMENSIONS_LISTED.search(fact.answer_text()) or self._all_dimensions_named(snap, fact)):
                return set(dims) <= self._dimensions_named(snap, fact)
            return None

        if dims_listed(hit.fact) is not None:
            # "แผนแม่บทขอนแก่นมี smart energy มั้ย" / the master plan's 6 pillars: the list says whether it is there
            return hit, _verdict_word(bool(dims_listed(hit.fact)), q.lang)
        def unnamed_dims(fact: Fact) -> bool:
            """Whether ``fact`` is neither about nor names a dimension the question asks about: it cannot confirm
            that dimension ("is Smart Living one of Mae Moh's Smarts?" / "Mae Moh was one of 15 areas...")."""
            return any(d not in snap.index.about_sets[fact.id] for d in dims) \
                and not set(dims) <= self._dimensions_named(snap, fact)

        lead = _lead(question, q.text, hit, q.lang, q.subjects, q.years, snap.known_words)
        if not about_them(hit.fact) or lead in ("ใช่ครับ", "Yes.") and unnamed_dims(hit.fact):
            lead = ""  # a fact about none of the specific things asked about settles nothing about them
        if lead in ("ใช่ครับ", "Yes."):
            return hit, lead
        for other in snap.index.search(q, limit=4):
            if other.fact.id == hit.fact.id or other.score < hit.score - VERDICT_MARGIN \
                    or not set(other.fact.about) & set(hit.fact.about) or not about_them(other.fact):
                continue
            if self._one_area_for_all(snap, q, other.fact, places):
                continue  # ("must a smart city cover all 7?" is not confirmed by the one area a fact is about)
            named_areas = {x for x in q.subjects if x in snap.kb.cities}
            if lead and named_areas and set(hit.fact.about) & set(snap.kb.cities) <= named_areas \
                    and len(set(other.fact.about) & set(snap.kb.cities) - named_areas) >= 1:
                # (the area's own fact denies it: one about other areas too does not confirm it, "Mae Moh has 7
                # Smarts?" / "Mae Moh's covers 3; the other pilots' cover all 7")
                continue
            if self._other_term(snap, q, other.fact):
                return other, no  # (the runner-up gives the terms of office: someone else held it then)
            if dims_listed(other.fact) is False:
                return other, no  # (a runner-up that lists the area's Smarts, without the one asked: "3 Smarts...")
            other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
            if other_lead in ("ใช่ครับ", "Yes.") and not unnamed_dims(other.fact):
                return other, other_lead
        if not lead and venue_claimed(question, hit.fact.answer.get(q.lang)) is None:
            # "took place at Government House?" answered by who chaired the meeting: a close runner-up about
            # the same thing, of the day asked, that says where it was held settles it
            for other in snap.index.search(q, limit=4):
                answer = other.fact.answer.get(q.lang)
                said = venue_claimed(question, answer)
                if other.fact.id == hit.fact.id or other.score < hit.score - SPECIFIC_VERDICT_MARGIN or said is None \
                        or not set(other.fact.about) & set(hit.fact.about) or not about_them(other.fact) \
                        or days_named(question) and not days_named(question) & days_named(answer):
                    continue
                return other, _verdict_word(said == "yes", q.lang)
        if not lead and venue_claimed(question, hit.fact.answer.get(q.lang)) is None:
            # "was the 6 May 2021 meeting held in Chiang Mai?" answered by what the meeting approved: the event's
            # own fact that says where it was held settles it, however far down the search it is (not one that
            # tells of another day)
            events = [x for x in (*q.subjects, *hit.fact.about)
                      if x in snap.kb.entities and snap.kb.entities[x].kind == "event"]
            for event in dict.fromkeys(events):
                for f in snap.index.about(event):
                    answer = f.answer.get(q.lang)
                    said = venue_claimed(question, answer)
                    if said is None or days_named(answer) and days_named(question) \
                            and not days_named(question) & days_named(answer):
                        continue
                    return Hit(f, hit.score, 0.0, 1.0, 0.0, 1.0), _verdict_word(said == "yes", q.lang)
        if not lead:
            # The best fact settles nothing; a close runner-up about the specific thing named (not only the
            # general notion: "is the sandbox part of the certification?" is about the sandbox) that does, wins.
            # (or, when the question claims a year, about the same thing as a best fact that dates nothing: "got
            # its logo in 2566?" / who handed it over, then the runner-up that gives the day)
            # (or about fewer areas than a best fact about several: "Mae Moh did all 7?" / the five pilots' Smarts,
            # then Mae Moh's own "3 Smarts")
            undated = bool(q.years) and not hit.fact.date and not _years_in(hit.fact.answer_text())
            areas = len([x for x in hit.fact.about if x in snap.kb.cities])
            for other in snap.index.search(q, limit=4):
                narrower = areas > 1 and 0 < len([x for x in other.fact.about if x in snap.kb.cities]) < areas
                if other.fact.id == hit.fact.id or other.score < hit.score - SPECIFIC_VERDICT_MARGIN \
                        or not specific & set(other.fact.about) or specific & set(hit.fact.about) and not (
                            _RUN_BY_WIDE.search(question) and not about_them(hit.fact)) and not undated \
                        and not narrower:
                    continue
                if _RUN_BY_WIDE.search(question) and not about_them(hit.fact) and about_them(other.fact) and self._someone_else(
                        snap, q, other.fact, places, close=other.words >= CLOSE_WORDS):
                    return other, no  # "is Mae Moh run by depa?" / EGAT runs it (the best fact was depa's own)
                other_lead = _lead(question, q.text, other, q.lang, q.subjects, q.years, snap.known_words)
                if other_lead:
                    return other, other_lead
            # "ได้ที่ 1 ใช่ไหม" answered by a fact that the area led one dimension: a close runner-up ranking that
            # gives the area its place settles it
            if hit.fact.intent == "rankings" and self._other_place(snap, q, hit.fact, question) is None:
                for other in snap.index.search(q, limit=4):
                    if other.fact.id == hit.fact.id or other.score < hit.score - VERDICT_MARGIN:
                        continue
                    placed = self._other_place(snap, q, other.fact, question)
                    if placed is not None:
                        return other, no if placed else _verdict_word(True, q.lang)
        return hit, lead

    @staticmethod
    def _the_counted(snap: Snapshot, last: Fact, n: str, lang: str) -> Fact | None:
        """The one fact about a subject of ``last`` that states the count ``n`` of a unit ``last`` counts ("3
        Smarts") and names the things counted; None when there is none, or more than one."""
        units = {u for num, u in counted(last.answer_text()) if num == n}
        if not units:
            return None
        found = {f.id: f for x in last.about if x in snap.kb.cities or x in snap.kb.entities
                 for f in snap.index.about(x) if f.id != last.id
                 and {(n, u) for u in units} & counted(f.answer.get(lang)) and names_a_list(f.answer.get(lang))
                 # (names as many as it counts: "renewed the logos of 16 cities" names none of the 16)
                 and max(items_named(f.answer.th), items_named(f.answer.en)) >= int(n)}
        # the most specific: the fact about one city names that city's three, a fact about all five less plainly
        ranked = sorted(found.values(), key=lambda f: len(set(f.about) & set(snap.kb.cities)))
        if not ranked or (len(ranked) > 1 and len(set(ranked[0].about) & set(snap.kb.cities)) == len(
                set(ranked[1].about) & set(snap.kb.cities))):
            return None
        return ranked[0]

    @staticmethod
    def _lists_what_was_told(turn: _Turn, told: Fact) -> bool:
        """Whether a list question ("มีไรบ้าง", "มีเมืองไหนบ้าง") asks for what the answer just given listed or
        counted: it names no kind of thing, or one that answer counts, or areas after a list of areas.
        "มีโครงการอะไรบ้าง" after "Phuket is 1 of the 5 pilot cities" asks for projects, not the five."""
        text = turn.u.normalized.casefold()
        asked = units_asked(text) | ({"project"} if _PROJECTS.search(text) else set())
        if not asked:
            return True
        if asked <= {"city", "area", "province"} and len([x for x in turn.ctx.listed if x in turn.snap.kb.cities]) >= 2:
            return True
        told_text = told.text()
        units = {unit for _, unit in counted(told_text)}
        if _PROJECTS_COUNTED.search(told_text):  # (counted() has no unit for projects)
            units.add("project")
        if asked & units:
            return True
        return "project" not in asked and (names_a_list(told.answer.en) or names_a_list(told.answer.th))

    def _named_again(self, turn: _Turn, told: Fact, listed: list[str]) -> Answer | None:
        """For "which ones?" right after ``told``: the areas the last answer listed (``listed``), else ``told``
        again when it names a list, else the one fact that names the things ``told`` counts first; None when
        ``told`` counts nothing or no fact names what it counts."""
        snap, lang = turn.snap, turn.lang
        answer = told.answer.get(lang)
        areas = [x for x in listed if x in snap.kb.cities]
        if len(areas) >= 2:  # (first: a list worked out from the areas, "the areas in Chiang Mai", has no fact)
            names = names_listed([snap.kb.cities[x].name.get(lang) for x in areas], lang)
            return snap.composer.computed(f"ได้แก่ {names}", f"They are {names}.", lang,
                                          [f for x in areas for f in self._certified_facts(snap, x)][:2], areas)
        asked_n = _N_ASKED.search(spelled_as_digits(turn.u.normalized))
        if (names_a_list(told.answer.en) or names_a_list(told.answer.th)) and (
                # ("which 16 were those" / "granted one new logo, to Phuket Tinicon Valley, and renewed 16": no list of 16)
                asked_n is None or max(items_named(told.answer.th), items_named(told.answer.en)) >= int(asked_n.group(1))):
            return snap.composer.fact(told, lang, "list")
        counts = counted(answer)
        if not counts:
            return None
        # the count the answer states first is the one it answers with ("50 zones, alongside the 15 logos")
        first = min(counts, key=lambda c: (m.start() if (m := re.search(rf"(?<![\d.,]){re.escape(c[0])}(?![\d.,])",
                                                                         answer)) else len(answer)))
        listing = self._the_counted(snap, told, first[0], lang)
        return snap.composer.fact(listing, lang, "list") if listing is not None else None

    @staticmethod
    def _all_dimensions_named(snap: Snapshot, fact: Fact) -> bool:
        """Whether a fact counts its Smarts and names that many ("a 3-Smarts plan, Environment, Energy and
        Economy", "แผน 3 Smarts (สิ่งแวดล้อม พลังงาน เศรษฐกิจ)"): then its list is the whole plan."""
        counts = {int(m.group(1)) for m in _SMARTS_COUNTED.finditer(fact.answer_text())}
        return len(Dialogue._dimensions_named(snap, fact)) in counts

    @staticmethod
    def _dimensions_named(snap: Snapshot, fact: Fact) -> set[str]:
        """The 7 Smarts a fact's answer names, by any of their names ("เศรษฐกิจ", "mobility", "Smart Energy")."""
        text = fact.answer_text().casefold()
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

    def _second_part(self, snap: Snapshot, q: Query, hit: Hit, qt) -> list:
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

    def _shared_fact(self, snap: Snapshot, q: Query, hit: Hit, skipped: set[str]) -> Hit | None:
        """For a question that names no city, answered best by one city's fact of an event, a batch or a
        product that other cities' facts share too (each area's fact of the 24 December 2021 ceremony): the
        near fact about that same thing and about no city at all, when it holds what is asked; else None."""
        areas = set(snap.kb.cities)
        shared = set(hit.fact.about) - areas - snap.index.concepts
        if not shared:
            return None
        for other in snap.index.search(q, limit=8):
            about = set(other.fact.about)
            if other.fact.id in skipped or about & areas or not about & shared:
                continue
            if other.score < self.thresholds.score or other.evidence < self.thresholds.evidence \
                    or other.score < hit.score - SHARED_MARGIN:
                return None
            if why_not(q.text, other.fact, q.qtype, years=q.years, yes_no=is_yes_no(q.text)) is None:
                return other
        return None

    @staticmethod
    def _one_of_several_smarts(snap: Snapshot, hit: Hit, rest: list[Hit]) -> bool:
        """Whether ``hit`` is about one of the 7 Smarts and a fact about another fits exactly as well."""
        dims = set(snap.kb.dimensions)
        mine = set(hit.fact.about) & dims
        return len(mine) == 1 and any(set(h.fact.about) & dims - mine and abs(h.score - hit.score) < 1e-6 for h in rest)

    @staticmethod
    def _needs_a_city(snap: Snapshot, hit: Hit, rest: Iterable[Hit], years: frozenset[int] = frozenset()) -> bool:
        """A question that names no city, answered best by a fact about one city while another city's fact
        fits as well (or the words barely fit): the bot must ask which city, not pick one. A year asked that
        the fact is of tells which ("the new logo of August 2025"), unless another city's fact of that year fits
        as well. (``rest`` is read only when the fact is about one city or two: the others need no check.)"""
        areas = set(snap.kb.cities)
        mine = set(hit.fact.about) & areas
        if not mine or len(mine) > MANY_AREAS:  # (a fact about many cities is about none in particular)
            return False
        if years and years & snap.index.years[hit.fact.id]:
            return any(set(h.fact.about) & areas and not set(h.fact.about) & mine and h.score >= hit.score - 0.1
                       and years & snap.index.years[h.fact.id] for h in rest)
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
        # ("what about Korat?" right after "Is Pattaya a certified smart city?": the claim the last question made,
        # with the names of notions it gave, "a certified smart city", which its remainder lost)
        claimed = turn.claim if yes_no and turn.claim else ""
        asked = f"{turn.u.normalized} {query_text}"  # names are gone from query_text; "ตราเมืองอัจฉริยะ" is one
        asked = f"{asked} {claimed}" if claimed else asked
        # Only about being certified: "โคราชเป็นเมืองอัจฉริยะไหม", not "ฉะเชิงเทราติดอันดับเมืองอัจฉริยะมั้ย".
        # The question is the last sentence: "going to phuket next month. is it certified?"
        last = _SENTENCE_END.split(query_text.strip())[-1]
        # "is phuket an official smart city or is that just marketing lol": the alternative asks the same.
        first_part = _OR_ELSE.split(last)[0]
        certified_q = any(w in asked for w in _CERTIFIED) and (
            is_about_certification(last) or is_about_certification(first_part)
            or bool(claimed) and is_about_certification(_SENTENCE_END.split(claimed.strip())[-1]))
        member = self._seven_smarts_member(turn, subjects) if yes_no else None
        if member is not None:
            return member
        if len(subjects) == 1 and kind in (None, "how") and question_type(query_text).kind in (None, "how") \
                and _OTHER_NAME.search(asked) and not _ANOTHER_NAME.search(asked):
            # (not "list them in Thai": "มีไรบ้าง ขอชื่อไทย"; nor "what other English name is used": the labels
            # other sources use, which a fact tells, not the standard name again)
            # (the question asked again counts: "and smart governance?" after the Thai name of Smart Mobility)
            named = self._other_name(snap, subjects[0], lang, english=bool(re.search(r"อังกฤษ|english", asked)),
                                     claimed=turn.u.normalized if yes_no else None)
            if named is not None:
                return named
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
        # (not "the whole province?": whether the area covers it, which its province does not say)
        where_q = any(w in asked for w in ("อยู่", "จังหวัด", " in ", "province", "located")) \
            and not re.search(WHOLE_ASKED, asked, re.I)
        # (not about a project: "the Siam Square cableless pilot" is no question about the five pilot cities)
        project = any(x in kb.entities and kb.entities[x].kind == "project" for x in subjects)
        # (nor about the Smarts of their plans: "which of the first round have all 7 Smarts" is not all five)
        smarts = any(x in kb.dimensions or x == SEVEN_SMARTS for x in subjects)
        # (nor about the body or meeting that approved them: "which sub-committee approved the first five", "ชื่อเต็ม
        # ของคณะอนุกรรมการที่อนุมัติ 5 เมืองนำร่อง" ask for the committee, not the five again)
        body = _BODY_ASKED.search(asked) is not None
        # (nor about the first members of something else: "ASCN's first Thai members" are not the five pilots;
        # an organisation, person or event the pilots' own approval does not involve asks about its own "first")
        involved = self._pilots_related(snap)
        elsewhere = any(x in kb.entities and kb.entities[x].kind in ("organisation", "person", "event")
                        and x not in involved for x in subjects)
        if qualifier == "first_five" and not cities and not yes_no and not ent.places and not project and \
                not smarts and not body and not elsewhere and kind in (None, "list", "how_many"):
            pilots = kb.pilot_cities()
            names = names_listed([c.name.get(lang) for c in pilots], lang)
            when = format_date(pilots[0].certified.date, lang)
            # (the approval of the five comes first: "when was that", "who chaired it" ask about that event)
            event = [snap.facts[i] for i in snap.index.events_on.get(pilots[0].certified.date, [])][:1]
            return composer.computed(f"เมืองนำร่อง 5 เมืองแรกที่ได้รับการรับรองเมื่อ {when} ได้แก่ {names}",
                                     f"The first five pilot cities, certified on {when}, are {names}.", lang,
                                     [*event, *self._certified_facts(snap, pilots[0].id)],
                                     [*(x for e in event for x in e.about if x not in kb.cities
                                        and x in kb.entities and kb.entities[x].kind == "event"),
                                      *(c.id for c in pilots)])
        if qualifier == "first_five" and smarts and not cities and not yes_no and not ent.places:
            # "which of the first round have all 7 Smarts", "ชุดแรกเมืองไหนไม่ครบ 7 ด้าน": the one fact about the
            # Smarts of all five pilots (the most general one, when several say it).
            pilots_ids = {c.id for c in kb.pilot_cities()}
            smarts_named = {x for x in subjects if x in kb.dimensions or x == SEVEN_SMARTS}
            of_all = [f for f in snap.facts.values() if pilots_ids | smarts_named <= set(f.about)]
            if of_all:
                return composer.fact(min(of_all, key=lambda f: (-f.priority, len(f.about), f.id)), lang, kind)
        other_places = [p for p in ent.places if p not in ent.city_named_places]
        if qualifier == "first_five" and not cities and other_places and (
                yes_no or not project and kind in (None, "list", "where", "who")):
            # A province, not an area: "was chiang mai among the 5 pilot cities?" (any pilot area in it?),
            # "which of the five pilots is in Rayong?" (the pilot areas in it, not all five).
            place = kb.places[other_places[0]]
            pname = place.th if lang == "th" else place.en
            pilots = kb.pilot_cities()
            there = [c for c in pilots if c.province in (place.province or place.id, place.id)]
            when = format_date(pilots[0].certified.date, lang)
            facts = self._certified_facts(snap, (there or pilots)[0].id)
            names = names_listed([c.name.get(lang) for c in (there or pilots)], lang)
            if there and yes_no:
                return composer.computed(f"ใช่ครับ {names} ใน{pname} เป็น 1 ใน 5 เมืองนำร่องที่ได้รับการรับรองเมื่อ {when}",
                                         f"Yes. {names} in {pname} is one of the first five pilot cities, "
                                         f"certified on {when}.", lang, facts, [c.id for c in there])
            if there:
                return composer.computed(f"เมืองนำร่องใน{pname}คือ {names} ซึ่งได้รับการรับรองเมื่อ {when}",
                                         f"The pilot city in {pname} is {names}, certified on {when}.",
                                         lang, facts, [c.id for c in there])
            return composer.computed(f"{'ไม่ใช่ครับ ' if yes_no else ''}5 เมืองนำร่องชุดแรก ({when}) ไม่มีพื้นที่ใน{pname} "
                                     f"ได้แก่ {names}",
                                     f"{'No. None' if yes_no else 'None'} of the first five pilot cities ({when}) is in "
                                     f"{pname}; they are {names}.", lang, facts, [c.id for c in pilots])
        order = self._certified_order(turn, cities, yes_no) if len(cities) == 2 else None
        if order is not None:
            return order
        alike = self._smarts_alike(turn, subjects, cities, yes_no)
        if alike is not None:
            return alike
        batch_years = _years_in(query_text)
        if yes_no and cities and len(batch_years) == 1 and _THAT_BATCH.search(asked):
            return self._batch_verdict(snap, kb.cities[cities[0]], next(iter(batch_years)), lang)
        if yes_no and where_q and len(cities) == 2 and not other_places:
            # "Is Wangchan Valley in Chachoengsao?": the area named after its province, said after "in" ("อยู่"),
            # is the province asked about.
            said = turn.u.normalized.casefold()
            after_in = [p for p in dict.fromkeys(ent.city_named_places) if p in kb.places and any(
                re.search(r"(\bin|อยู่(ใน|ที่)?|จังหวัด)\s*" + re.escape(n.casefold()), said) for n in self._names(snap, p))]
            named_area = next((c for c in cities if len(after_in) == 1 and kb.cities[c].province == after_in[0]), None)
            if named_area is not None:
                cities, other_places = [c for c in cities if c != named_area], after_in
        if yes_no and cities and other_places and where_q and not _MEMBERSHIP.search(query_text):
            city, place = kb.cities[cities[0]], kb.places[other_places[0]]
            where = composer.province_phrase(city, lang)
            inside = place.id == city.province or place.province == city.province
            lead_th, lead_en = _verdict_word(inside, "th"), _verdict_word(inside, "en")
            return composer.computed(f"{lead_th} {city.name.th}อยู่ใน{where}", f"{lead_en} {city.name.en} is in {where}.",
                                     lang, [f for f in snap.index.about(city.id) if f.aspect == "where"][:1],
                                     [city.id])
        # "Is EGAT's project in Lampang certified?": an organisation of that city does not change the question.
        specific = [e for e in ent.entities if e in kb.entities and kb.entities[e].kind != "concept"
                    and not set(kb.entities[e].areas) & set(cities)]
        # "แล้วขอนแก่นล่ะ" right after a certification verdict: the same question (the logo's name is gone from it)
        ctx = turn.ctx
        again = query_text == ctx.last_query and ctx.yes_no and turn.told is not None \
            and turn.told.intent == "city_date"
        if yes_no and cities and (certified_q or again) and not specific and kind is None:
            city = kb.cities[cities[0]]
            when = format_date(city.certified.date, lang)
            years = _years_asked(turn.u.normalized, ent.numbers) or (
                _years_in(query_text) if again
                else frozenset())
            if years and int(city.certified.date[:4]) not in years:  # "ขอนแก่นได้รับรองปี 2563 ใช่ไหม"
                return composer.computed(f"ไม่ใช่ครับ {city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                         f"No. {city.name.en} was certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            day = date.fromisoformat(city.certified.date)
            if days_named(turn.u.normalized) - {(day.day, day.month)}:
                # "ได้ตราวันที่ 24 ธ.ค. 64 ใช่มั้ย": another day than its certification, which may be the day a
                # ceremony handed the logo over: the date known, without a verdict
                return composer.computed(f"{city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                         f"{city.name.en} was certified on {when}.",
                                         lang, self._certified_facts(snap, city.id), [city.id])
            # ("certified on 6 May 2021": the day the first five were approved for the logo, which was handed over
            # later; "received the logo" that day was not so)
            return composer.computed(f"ใช่ครับ {city.name.th}{_certified_th(city.name.th)}เมื่อ {when}",
                                     f"Yes. {city.name.en} is a certified smart city; it was certified on {when}.",
                                     lang, self._certified_facts(snap, city.id), [city.id])
        besides = self._besides(turn, cities)
        # ("tell me about Chiang Mai", a province and nothing else named: its certified areas are what the bot
        # knows of it)
        if ent.places and not [c for c in cities if c not in besides] \
                and (certified_q or is_about_certification(query_text, listing=True)
                     or not ent.entities and is_definition(query_text)):
            place = kb.places[self._place_asked(ent) if besides else ent.places[0]]
            province = place.province or place.id
            found = [c for c in kb.cities_in(province) if c.id not in besides]
            if place.kind == "town":
                # "is Pattaya certified?": an area elsewhere in its province (Khan Song, in Chonburi) is not the
                # town, nor said to be in it; only an area that bears the town's name is
                found = [c for c in found if self._bears_name(c, place)]
            pname = place.th if lang == "th" else place.en
            asked_years = _years_asked(turn.u.normalized, ent.numbers)
            if asked_years and found:  # "ในชุดปี 2564 มีพื้นที่ใดในกรุงเทพฯ": those certified that year
                # (of the batch of that year too: the 2022 batch got its logos in January 2023)
                that_year = [c for c in found if int(c.certified.date[:4]) in asked_years
                             or int(c.certified.batch[:4]) in asked_years]
                if not that_year:  # none that year among those known: say which are, and when
                    names = names_listed([f"{c.name.get(lang)} ({format_date(c.certified.date, lang)})" for c in found], lang)
                    no_th, no_en = ("ไม่ใช่ครับ ", "No. ") if yes_no else ("", "")
                    return composer.computed(f"{no_th}ในรายชื่อที่ผมมี ไม่มีพื้นที่ใน{pname}ที่ได้รับการรับรองในปีนั้น ที่มีคือ {names}",
                                             f"{no_en}In the lists I have, no area in {pname} was certified that year; those "
                                             f"certified are {names}.", lang,
                                             [f for c in found for f in self._certified_facts(snap, c.id)][:2],
                                             [c.id for c in found])
                found = that_year
            if not found:
                # Not among the areas the bot knows by name, but a fact may report it ("Krabi and Pattani are
                # reported among the new locations"): that report, said as a report.
                return self._reported(snap, place, lang, yes_no)
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes. " if yes_no else ""
            facts = [f for c in found for f in self._certified_facts(snap, c.id)][:2]
            if (kind == "when" or yes_no) and len(found) == 1:
                # "ลำปางได้ตราปีไหน": when its one area was certified, which is what is asked
                c, when = found[0], format_date(found[0].certified.date, lang)
                return composer.computed(f"{lead_th}{c.name.th} ใน{pname} {_certified_th(c.name.th)}เมื่อ {when}",
                                         f"{lead_en}{c.name.en}, in {pname}, was certified on {when}.", lang, facts, [c.id])
            days = {c.certified.date for c in found}
            if kind == "when" and not yes_no and len(days) == 1:
                # "เชียงใหม่ได้ตราเมื่อไหร่": the one day its areas were certified, first
                when, n = format_date(days.pop(), lang), len(found)
                names = names_listed([c.name.get(lang) for c in found], lang)
                return composer.computed(f"พื้นที่ใน{pname}ทั้ง {n} แห่งได้รับการรับรองเป็นเมืองอัจฉริยะเมื่อ {when} ได้แก่ {names}",
                                         f"{pname}'s {n} smart city areas were certified on {when}: {names}.",
                                         lang, facts, [c.id for c in found])
            names = names_listed([c.name.get(lang) + (f" ({format_date(c.certified.date, lang)})" if kind == "when" else "")
                                  for c in found], lang)
            if kind == "how_many" and not yes_no:
                # "เชียงใหม่มีเมืองอัจฉริยะกี่แห่ง": the number first, then which; the lists of later batches are
                # not complete in the sources, so the count is of the areas known
                n = len(found)
                return composer.computed(f"{pname}มีพื้นที่ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ {n} แห่งตามรายชื่อที่ผมมี "
                                         f"{'ได้แก่' if n > 1 else 'คือ'} {names}",
                                         f"In the lists I have, {pname} has {n} certified smart city "
                                         f"area{'s' if n > 1 else ''}: {names}.", lang, facts, [c.id for c in found])
            return composer.computed(f"{lead_th}พื้นที่ใน{pname}ที่ได้รับการรับรองเป็นเมืองอัจฉริยะ: {names}",
                                     f"{lead_en}Certified smart city areas in {pname}: {names}.", lang, facts,
                                     [c.id for c in found])
        return None

    @staticmethod
    def _full_name(turn: _Turn, subjects: list[str]) -> Answer | None:
        """"What is its slogan", "ชื่อเต็มว่าอะไร" about an area (named, or the one the conversation is on)
        whose certified name says more than its short name ("Chachoengsao: livable, worth visiting, worth
        investing in"): that name. None when the question names something else or the name says no more."""
        kb, ctx = turn.snap.kb, turn.ctx
        if subjects and not all(x in kb.cities for x in subjects[:1]):
            return None
        area = subjects[0] if subjects else next((x for x in ctx.subjects if x in kb.cities), None)
        if area is None:
            return None
        city = kb.cities[area]
        said = re.sub(r"\bsmart\b|\bcity\b|[^\w\s]", " ", city.name.en.replace(city.short_name.en, " "), flags=re.I)
        if len(said.split()) < 2:
            return None  # ("Khon Kaen Smart City" says no more than "Khon Kaen")
        answer = turn.snap.composer.computed(f"ชื่อเต็มที่ได้รับตราสัญลักษณ์คือ \"{city.name.th}\"",
                                             f'Its full certified name is "{city.name.en}".', turn.lang,
                                             Dialogue._certified_facts(turn.snap, area), [area])
        answer.subjects = [area, *(x for x in ctx.subjects if x != area)][:MAX_SUBJECTS_PER_ANSWER]
        return answer

    @staticmethod
    def _other_name(snap: Snapshot, subject: str, lang: str, english: bool = False,
                    claimed: str | None = None) -> Answer | None:
        """On "What is the Thai term for Smart Governance?", "KKTT ชื่อภาษาอังกฤษคืออะไร" (``english``): its name in
        the other language. A yes/no question that says that very name (``claimed``: "ภาษาอังกฤษคือ smart energy
        ป่ะ") gets its yes first."""
        kb = snap.kb
        thing = kb.dimensions.get(subject) or kb.entities.get(subject) or kb.cities.get(subject)
        if thing is None or thing.name.th == thing.name.en:
            return None
        th, en = thing.name.th, thing.name.en
        facts = snap.index.about(subject)[:1]
        said = claimed is not None and (en if english else th).casefold() in claimed.casefold()
        yes_th, yes_en = ("ใช่ครับ ", "Yes. ") if said else ("", "")
        if english:
            gap = " " if th.endswith(")") or th[-1:].isascii() else ""  # ("จำกัด (KKTT) คือ", not "(KKTT)คือ")
            return snap.composer.computed(f"{yes_th}ชื่อภาษาอังกฤษของ{th}{gap}คือ {en}", f'{yes_en}The English name of "{th}" is {en}.',
                                          lang, facts, [subject])
        return snap.composer.computed(f"{yes_th}{en} ภาษาไทยเรียกว่า {th}", f'{yes_en}{en} is called "{th}" in Thai.', lang,
                                      facts, [subject])

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
            names = names_listed([kb.cities[c].name.get(lang) for c in inside], lang)
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

    def _batch_verdict(self, snap: Snapshot, city, year: int, lang: str) -> Answer:
        """Whether ``city`` is in the batch of ``year`` ("is Korat in that batch too?"): its own batch says so
        (the five pilots are among 2021's)."""
        when, own = format_date(city.certified.date, lang), int(city.certified.batch[:4])
        name_th, name_en = city.name.th, city.name.en
        if own == year:
            return snap.composer.computed(f"ใช่ครับ {name_th}อยู่ในชุดปี {year + 543} ได้รับการรับรองเมื่อ {when}",
                                          f"Yes. {name_en} is in the {year} batch; it was certified on {when}.",
                                          lang, self._certified_facts(snap, city.id), [city.id])
        return snap.composer.computed(f"ไม่ใช่ครับ {name_th}ไม่ได้อยู่ในชุดปี {year + 543} แต่อยู่ในชุดปี {own + 543}"
                                      f" (ได้รับการรับรองเมื่อ {when})",
                                      f"No. {name_en} is not in the {year} batch but in the {own} one (certified on "
                                      f"{when}).", lang, self._certified_facts(snap, city.id), [city.id])

    @staticmethod
    def _reported(snap: Snapshot, place, lang: str, yes_no: bool, year: int | None = None) -> Answer | None:
        """A certification list fact whose text names ``place`` though no known area is in it, or None."""
        for fact in snap.index.mentioning((place.th, place.en), intent="list_cities"):
            # (a report of another year's batch says nothing of this one: the batch of the areas it lists)
            batches = {int(snap.kb.cities[c].certified.batch[:4]) for c in fact.about if c in snap.kb.cities} \
                or ({int(fact.date[:4])} if fact.date else set())
            if year is not None and batches != {year}:
                continue
            text = f"{fact.answer.get(lang)} {fact.detail.get(lang) if fact.detail else ''}"
            name = re.compile(re.escape((place.th if lang == "th" else place.en).casefold()) +
                              r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")  # ("เลย" is not in "วัลเลย์")
            said = next((s.strip() for s in re.split(r"(?<=[.;])\s+" if lang == "en" else r"\s+", text)
                         if name.search(s.casefold())), None)
            if said is None:
                continue
            said = said.rstrip(";.")
            lead_th = "ใช่ครับ " if yes_no else ""
            lead_en = "Yes, reportedly: " if yes_no else ""
            return snap.composer.computed(f"{lead_th}{said}\n{fact.answer.th}", f"{lead_en}{said}.\n{fact.answer.en}",
                                          lang, [fact], list(fact.about))
        return None

    @staticmethod
    def _zone_of(snap: Snapshot, place_id: str, question: str, yes_no: bool, lang: str) -> Answer | None:
        """For a place with no certified area the bot knows of: the promotion-zone fact that names it, or None.
        Asked whether it is a promotion zone ("พังงาเป็นเขตส่งเสริมไหม"), that fact answers (yes); asked whether it
        got the logo, the honest "not in my lists" comes first, then what the sources do say of it."""
        place = snap.kb.places.get(place_id)
        if place is None or snap.kb.areas_at(place.id):
            return None
        facts = [f for f in snap.index.mentioning((place.th, place.en), intent="promotion_zone")
                 if (place.th in f.answer.th) or (place.en.casefold() in f.answer.en.casefold())]
        if not facts:
            return None
        fact = facts[0]
        if _ZONE_ASKED.search(question):
            lead_th, lead_en = ("ใช่ครับ ", "Yes. ") if yes_no else ("", "")
            return snap.composer.computed(f"{lead_th}{fact.answer.th}", f"{lead_en}{fact.answer.en}", lang, [fact],
                                          list(fact.about))
        unknown = snap.composer.fallback(lang, [], place=place_id, found_first=True).text
        return snap.composer.computed(f"{unknown}\n{fact.answer.th}", f"{unknown}\n{fact.answer.en}", lang, [fact],
                                      list(fact.about))

    def _certified_order(self, turn: _Turn, cities: list[str], yes_no: bool, told: bool = False) -> Answer | None:
        """"Did Khon Kaen get the logo before Phuket?", "สามย่านได้ตราพร้อมขอนแก่นไหม": ใช่/ไม่ใช่ from the two areas'
        certification dates (the first named is the one compared), or None when that is not what is asked. With
        ``told``, the other area is the one whose certification date was just given, and the message need not say
        certified ("แล้วภูเก็ตได้พร้อมกันไหม")."""
        text = turn.u.normalized
        m = _ORDER_ASKED.search(text)
        if not yes_no or m is None or not (told or _CERTIFIED_WORD.search(text)):
            return None
        kb, lang = turn.snap.kb, turn.lang
        first, second = sorted((kb.cities[c] for c in cities), key=lambda c: self._named_at(c, text))
        a, b = first.certified.date, second.certified.date
        word = m.group().casefold()
        held = a < b if _BEFORE_ASKED.match(word) else a > b if _AFTER_ASKED.match(word) else a == b
        if a == b:
            when = format_date(a, lang)
            th = f"{_verdict_word(held, 'th')} {first.short_name.th}และ{second.short_name.th}ได้รับการรับรองพร้อมกัน เมื่อ {when}"
            en = f"{_verdict_word(held, 'en')} {first.short_name.en} and {second.short_name.en} were certified on the " \
                 f"same day, {when}."
        else:
            th = f"{_verdict_word(held, 'th')} {first.short_name.th}ได้รับการรับรองเมื่อ {format_date(a, 'th')} ส่วน" \
                 f"{second.short_name.th}เมื่อ {format_date(b, 'th')}"
            en = f"{_verdict_word(held, 'en')} {first.short_name.en} was certified on {format_date(a, 'en')}, " \
                 f"{second.short_name.en} on {format_date(b, 'en')}."
        facts = [*self._certified_facts(turn.snap, first.id), *self._certified_facts(turn.snap, second.id)]
        return turn.snap.composer.computed(th, en, lang, facts, [first.id, second.id])

    def _smarts_alike(self, turn: _Turn, subjects: list[str], cities: list[str], yes_no: bool) -> Answer | None:
        """"แม่เมาะมี 7 smarts เหมือนภูเก็ตไหม", "are Phuket and Mae Moh both 7 Smarts?", "do they have as many
        Smarts?": ใช่/ไม่ใช่ from the two areas' Smarts counts (a count claimed must be both areas'), not one area's
        fact beside the other's. None when that is not what is asked, or a count is not known."""
        text = turn.u.normalized
        kb, lang = turn.snap.kb, turn.lang
        if not yes_no or len(cities) != 2 or not _SMARTS_WORD.search(text) or not _ALIKE.search(text) \
                or set(subjects) - set(cities) - {_SMART_CITY_CONCEPT, "seven-smarts"} or _years_in(text) \
                or _MASTER_PLAN.search(text):
            return None  # (a Smart named, a year or the old master plan: another question than the counts)
        first, second = sorted((kb.cities[c] for c in cities), key=lambda c: self._named_at(c, text))
        if first.smarts is None or second.smarts is None:
            return None
        claimed = {int(n) for n, unit in counted(spelled_as_digits(text)) if unit == "smart" and n.isdigit()}
        if not claimed and _ALL_SMARTS.search(text):
            claimed = {7}  # ("ทำครบทุกด้านเหมือนขอนแก่นไหม": all of them)
        c1, c2 = first.smarts.count, second.smarts.count
        if len(claimed) > 1:
            return None
        if claimed and not _BOTH.search(text) and c1 in claimed and c2 not in claimed:
            return None  # ("does Mae Moh cover 3 like Samyan?": true of Mae Moh, the likeness wrong: no plain verdict)
        held = c1 == c2 and (not claimed or claimed == {c1})
        facts = [f for f in (self._smarts_fact(turn.snap, c) for c in (first, second)) if f is not None]
        if held and any(disputed(f.answer.en) or _DIFFER_LEAD.match(f.answer.en) for c in (first, second)
                        for f in turn.snap.index.about(c.id) if f.intent == "city_smarts"):
            return None  # (an area whose count the sources dispute, Khon Kaen's: no plain yes for both)
        lead_th, lead_en = _verdict_word(held, "th"), _verdict_word(held, "en")
        if c1 == c2:
            th = f"{lead_th} ทั้ง{first.short_name.th}และ{second.short_name.th}มีแผน {c1} Smarts"
            en = f"{lead_en} Both {first.short_name.en} and {second.short_name.en} have {c1}-Smarts plans."
        else:
            th = f"{lead_th} {first.short_name.th}มีแผน {c1} Smarts ส่วน{second.short_name.th}มี {c2} Smarts"
            en = f"{lead_en} {first.short_name.en}'s plan covers {c1} Smarts; {second.short_name.en}'s covers {c2}."
        return turn.snap.composer.computed(th, en, lang, facts, [first.id, second.id])

    @staticmethod
    def _smarts_fact(snap: Snapshot, city) -> Fact | None:
        """The area's fact that states its Smarts count (not one about an older plan's pillars, or a dispute)."""
        own = [f for f in snap.index.about(city.id) if f.intent == "city_smarts"]
        said = [f for f in own if re.search(rf"(?<!\d){city.smarts.count}\s*-?\s*Smarts", f.answer.en)
                and not disputed(f.answer.en)]
        return next(iter(said or own), None)

    @staticmethod
    def _named_at(city, text: str) -> int:
        """Where ``text`` first names ``city`` (its end when it does not)."""
        names = [n.casefold() for n in (city.name.th, city.name.en, city.short_name.th, city.short_name.en,
                                         *city.aliases) if len(n) >= 3]
        return min((i for i in (text.casefold().find(n) for n in names) if i >= 0), default=len(text))

    @staticmethod
    def _bears_name(city, place) -> bool:
        """Whether one of ``place``'s names is in one of ``city``'s ("Mueang Phuket" bears Phuket's)."""
        names = [n.casefold() for n in (place.th, place.en, *place.aliases) if len(n) >= 3]
        own = " ".join((city.name.th, city.name.en, city.short_name.th, city.short_name.en, *city.aliases)).casefold()
        return any(n in own for n in names)

    def _pilots_related(self, snap: Snapshot) -> frozenset[str]:
        """What the facts dated the day the first five were approved are about (the sub-committee, its chair,
        depa, the logo...): naming one of them still asks about the five. Worked out once per knowledge snapshot."""
        if self._pilot_day is not None and self._pilot_day[0] is snap:
            return self._pilot_day[1]
        pilots = snap.kb.pilot_cities()
        day = pilots[0].certified.date if pilots else None
        related = frozenset(x for f in snap.facts.values() if day and f.date == day for x in f.about)
        self._pilot_day = (snap, related)
        return related

    def _certified_in_order(self, turn: _Turn, a: _Asked) -> _Result | None:
        """"ขอนแก่นกับภูเก็ตอันไหนได้ก่อน", "which was certified first, X or Y?": which area was certified first, worked
        out from their certification dates (the same day said as such), not each one's fact side by side."""
        text = turn.u.normalized
        cities = list(dict.fromkeys(a.cities))
        if len(cities) != 2 or set(a.subjects) - set(cities) - {_SMART_CITY_CONCEPT} or a.years \
                or not _FIRST_OF_TWO.search(text) or not (_WHICH_OF_TWO.search(text) or a.yes_no):
            return None
        kb, lang = turn.snap.kb, turn.lang
        first, second = (kb.cities[x] for x in cities)
        d1, d2 = first.certified.date, second.certified.date
        if len(d1) < 10 or len(d2) < 10:
            return None
        facts = [f for x in cities for f in self._certified_facts(turn.snap, x)]
        if d1 == d2:
            when = format_date(d1, lang)
            th = f"ทั้ง{first.short_name.th}และ{second.short_name.th}ได้รับการรับรองวันเดียวกัน เมื่อ {when}"
            en = f"{first.short_name.en} and {second.short_name.en} were certified on the same day, {when}."
            th, en = (f"ไม่ใช่ครับ {th}", f"No. {en}") if a.yes_no else (f"{th} ครับ", f"Neither: {en}")
        else:
            early, late = (first, second) if d1 < d2 else (second, first)
            e_when, l_when = format_date(min(d1, d2), lang), format_date(max(d1, d2), lang)
            th = f"{early.short_name.th}ได้รับการรับรองก่อน เมื่อ {e_when} ส่วน{late.short_name.th}เมื่อ {l_when}"
            en = f"{early.short_name.en} was certified first, on {e_when}; {late.short_name.en} on {l_when}."
            if a.yes_no:  # "was X certified before Y?": X is the first named
                yes = early is first
                th, en = f"{'ใช่' if yes else 'ไม่ใช่'}ครับ {th}", f"{'Yes' if yes else 'No'}. {en}"
            else:
                th = f"{th} ครับ"
        answer = turn.snap.composer.computed(th, en, lang, facts, cities)
        return (self._reply(turn, answer, 1.0),
                self._remember(turn, answer, a.query_text, a.kind, a.yes_no, a.qualifier), None)

    @staticmethod
    def _certified_facts(snap: Snapshot, city: str) -> list:
        return [f for f in snap.index.about(city) if f.intent == "city_date"][:1]

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
