"""Regular expressions, thresholds and helpers that read the message and the facts, shared by the steps."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from intents.features import tokenize
from intents.normalize import has_latin
from knowledge.comparison import against_benchmark
from knowledge.polarity import counted, verdict
from knowledge.schema import Fact
from knowledge.retrieval import Hit

MAX_SUBJECTS_PER_ANSWER = 3

CLOSE_WORDS = 0.45  # a fact this close to the question's words may deny it with another number or year


def _picked(fact: Fact) -> Hit:
    """``fact`` as the hit when a rule, not the scores, chose it (full score, so no threshold passes it over)."""
    return Hit(fact, 1.0, 0.0, 1.0, 0.0, 1.0)


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
        "5th": 5, "last": -1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "สุดท้าย": -1}

# "and now?", "แล้วตอนนี้ล่ะ", "currently?": only the present asked, right after an answer (the last question again,
# of today rather than of the year it named; never a goodbye, though "bye for now" says "now")
_NOW_ONLY = re.compile(r"^(?:and|so|what about|how about|แล้ว|และ)?\s*(?:now|today|currently|right now|as of now|"
                       r"these days|at the moment|ตอนนี้|ปัจจุบัน|ล่าสุด|ณ ตอนนี้|ณ ปัจจุบัน|ขณะนี้)\s*"
                       r"(?:ล่ะ|หละ|อ่ะ|อะ|ครับ|คะ|ค่ะ|then)?\s*\??$")

_MONEY = re.compile(r"บาท|ล้าน|\bbaht\b|\bmillion\b|\bbillion\b")

# The words that ask for a sum and nothing else: "งบเท่าไหร่", "how much did it cost", "มูลค่าเท่าไร".
_MONEY_ASKED = re.compile(r"งบประมาณ|งบ|มูลค่า|ราคา|ค่าใช้จ่าย|ใช้เงิน|เท่าไหร่|เท่าไร|เท่าใด|ทั้งหมด|ประมาณ|"
                          r"\b(budget|cost|costs|price|worth|spend|spent|money|funding|total|again|did|does|was|it|its|"
                          r"the|how|much|what|is|of)\b")

# A pronoun that points at what the conversation was about: "whats his name" is a follow-up, not small talk.
_REFERS_BACK = re.compile(r"\b(he|his|him|she|her|it|its|they|their|them|that|there)\b|เขา|เค้า|มัน|ท่าน|ที่นั่น|ตอนนั้น|"
                          r"ก่อนหน้านั้น|หลังจากนั้น")
# "before that", "after that": each split in two, the English words tried only on text with a Latin letter.
_BEFORE_TH = re.compile(r"ก่อนหน้านั้น|ก่อนหน้า|ก่อนนั้น|ช่วงก่อน")
_BEFORE_EN = re.compile(r"\bbefore (that|then|him|her)\b|\bprior to that\b|\bearlier\b|\bpreviously\b|\bthe one before\b")
_AFTER_TH = re.compile(r"หลังจากนั้น|หลังนั้น|ต่อจากนั้น|ถัดมา|คนต่อมา")
_AFTER_EN = re.compile(r"\bafter (that|him|her)\b|\bthen who\b|\blater\b|\bnext one\b|\bthe one after\b")

# "did it come first", "ได้ที่ 1 ใช่ไหม": a place in a ranking claimed (not "among the top 3", "ติดท็อป 5")
_PLACE_CLAIMED = re.compile(r"(?:ได้ที่|อันดับ(?:ที่)?|ลำดับที่|\bnumber\s*|\bno\.\s*|#|\brank(?:ed)?\s*(?:no\.?\s*|#\s*)?)\s*(\d)(?!\d)|"
                            r"\b(first|second|third|1st|2nd|3rd)\b(?!\s*\d)|"
                            r"\b(?:number one|highest|the top|the best|win|won|wins|winner)\b|สูงสุด|ชนะ|ที่หนึ่ง|"
                            # ("did it top the ranking?", "came top": the first place; not "in the top three")
                            r"\btop(?:s|ped)?\b(?!\s*(?:\d|two|three|four|five|ten)\b)", re.I)


# "รวมเป็นกี่เมืองแล้ว", "how many in total by then": a running total, which an answer that counts only the areas
# added ("เพิ่ม 15 พื้นที่", "15 more") does not give.
# ("รวมเป็นกี่ที่ปีนั้น" asks how many that year's batch had in all: the batch's count answers it)
_TOTAL_ASKED = re.compile(r"(รวม|ทั้งหมด|\b(total|altogether|in all|overall)\b).*(แล้ว|ตอนนั้น|ขณะนั้น|"
                          r"\b(so far|by then|by that time|at that point|at the time)\b)|"
                          r"(ตอนนั้น|ขณะนั้น|\b(so far|by then|by that time)\b).*(รวม|ทั้งหมด|\b(total|altogether|in all)\b)|"
                          r"\bcumulative\w*|\brunning total\b")
# New areas asked ("เมืองใหม่", "new ones"), and logos renewed, which are none of them.
_NEW_ASKED = re.compile(r"ใหม่|\bnew\b", re.I)


# The kind of areas a ranking ranks: "city-based", "แบบเมือง"; "province-based", "ประเภทจังหวัด".
_CITY_BASED = re.compile(r"\bcity[- ]?based\b|\bcity level\b|(แบบ|ประเภท|ระดับ)\s*เมือง")
_PROVINCE_BASED = re.compile(r"\bprovince[- ]?based\b|\btop province\b|\bprovincial\b|\bprovince level\b|(แบบ|ประเภท|ระดับ)\s*จังหวัด")


def _category_of(text: str) -> str | None:
    """Which kind of areas a text says a ranking is of: "city", "province", or None (neither, or both)."""
    city, province = bool(_CITY_BASED.search(text)), bool(_PROVINCE_BASED.search(text))
    return None if city == province else "city" if city else "province"


# The placeholders an area's or a place's name leaves in the masked text ("does zcity have a 7 smarts plan?").
_PLACEHOLDER = re.compile(r"\bz(city|place)\b")


def _asks_before(text: str) -> bool:
    """"ก่อนหน้านั้นล่ะ", "and before that?"."""
    return bool(_BEFORE_TH.search(text) or has_latin(text) and _BEFORE_EN.search(text))


def _asks_after(text: str) -> bool:
    """"หลังจากนั้นล่ะ", "and after that?"."""
    return bool(_AFTER_TH.search(text) or has_latin(text) and _AFTER_EN.search(text))


# A place or a score asked for ("ได้อันดับเท่าไหร่", "what score", "ได้กี่เปอร์เซ็นต์"), not which area took it.
_PLACE_OR_SCORE = re.compile(r"อันดับ\s*(ที่)?\s*(เท่า|อะไร|ไหน)|ได้ที่\s*(เท่า|อะไร|ไหน)|คะแนน|เปอร์เซ็น|ร้อยละ|%|"
                             r"\b(what|which) (rank|place|position|score)|\bscored?\b|\branks?\b|\bpercent")

_RENEWAL = re.compile(r"ต่ออายุ|ต่อตรา|ต่อแล้วยัง|ต่อรึยัง|ต่อหรือยัง|\brenew", re.I)

_IT = re.compile(r"\b(it|its|it's|they|them|their|there)\b|มัน|ที่นั่น|แถวนั้น")  # (not "that": "that day")

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


def _asks_the_list(text: str) -> bool:
    """"which ones?", "มีไรบ้าง", "name them pls": only the things the last answer counted are asked for."""
    return bool(_LIST_CUE.search(text)) and bool(_LIST_ONLY.match(text.casefold()))


_SMART_CITY_CONCEPT = "smart-city-logo"

# Only an acknowledgement ("ok cool", "โอเคครับ"): small talk, answered like thanks.
_ACK_WORDS = frozenset("ok okay k kk cool nice lol haha hahaha great alright sure fine noted gotcha "
                       "โอเค อ๋อ เข้าใจ รับทราบ".split())
# (words that say it only with one of the above; "ok noted thx", "cool ty": thanks said short after one)
_ACK_TOO = frozenset("got it i see แล้ว ครับ ค่ะ คะ จ้า ๆ thx thanks thank you ty tks tnx ขอบคุณ ขอบใจ".split())
_PERSON_PRONOUN = re.compile(r"\b(he|his|him|she|her)\b|ท่าน|เขา|เค้า")

# The words asking which of two: "ที่ไหน" is not "where" there.
_WHICH_OF_TWO = re.compile(r"ที่ไหน|อันไหน|ตัวไหน|เมืองไหน|ใคร|\b(which one|which|who)\b", re.I)


# "which of those", "which one of them", "อันไหน", "ที่ไหนในนั้น": one of the things the last answer listed.
_WHICH_OF = re.compile(r"\bwhich (one |ones )?of (those|them|these|the five|the 5)\b|\bwhich one\b|\bwhich ones\b|"
                       r"\bany of (them|those)\b|อันไหน|เมืองไหน(ใน|จาก)|ที่ไหน(ใน|จาก)|ในนั้น|ในบรรดา|ในจำนวนนั้น")

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

_MEMBERSHIP = re.compile(r"เครือข่าย|สมาชิก|\bnetwork\b|\bmembers?\b|\bmembership\b|\balliance\b")

# "is smart healthcare one of the 7 Smarts?", "นับเป็นหนึ่งใน 7 ด้านไหม": whether something is one of them.
SEVEN_SMARTS = "seven-smarts"
_ONE_OF = re.compile(r"\bone of\b|\bpart of\b|\bamong\b|\bincluded\b|\bin the (?:official )?(?:7|seven)\b|"
                     r"หนึ่งใน|(?<![\d.])1\s*ใน|ส่วนหนึ่งของ|อยู่ใน|นับเป็น|รวมอยู่")

# "before that", "ก่อนหน้านั้น": who it was before what was just said; an answer that says who it formerly was
_BEFORE_THAT_ASKED = re.compile(r"ก่อนหน้านั้น|ก่อนหน้านี้|ก่อนนั้น|แต่ก่อน|แต่เดิม|เดิมที|\bbefore( that| then)?\b|"
                                r"\bpreviously\b|\bformerly\b|\boriginally\b", re.I)

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

# Not there yet (not "stopped": a bus that stopped was there).
_NOT_THERE_YET = re.compile(r"ยังไม่(เปิด|มี|ได้เริ่ม|ได้สร้าง|เริ่ม|สร้าง)|\bnot (open |built |running )?yet\b|"
                            r"\bha(s|d) not (started|opened)\b", re.I)

# Which of two areas was certified first, or whether together: "before Phuket", "ได้ตราพร้อมขอนแก่น".
_BEFORE_ASKED = re.compile(r"before|earlier|sooner|first|ก่อน", re.I)


# A Thai word read with the verb or prefix it was written with ("ได้ประโยชน์", "เป็นประโยชน์", "การลงทุน"): its
# core ("ประโยชน์") is what a text says in its own words.
_THAI_LEAD = re.compile(r"^(?:ได้|เป็น|มี|ให้|การ|ความ)(?=[\u0e00-\u0e7f]{3,})")


def _said_core(word: str, text: str) -> bool:
    """Whether ``text`` says the core of a Thai ``word`` that starts with a verb or prefix it was written with."""
    core = _THAI_LEAD.sub("", word)
    return core != word and core in text


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


# "is that confirmed by any other source?", "มีแหล่งอื่นยืนยันไหม": whether more than one source says it.
_ELSEWHERE_Q = re.compile(r"\b(?:confirm\w*|corroborat\w*|verif\w*|backed up|supported|reported)\b[^?]*"
                          r"\b(?:other|another|elsewhere|outside|independent\w*|second|more than one)\b|"
                          r"\b(?:other|another|independent|second|more) sources?\b|\belsewhere\b|"
                          r"แหล่งอื่น|ที่อื่น\S{0,6}ยืนยัน|ยืนยัน\S{0,12}(?:อื่น|นอกจาก)", re.I)


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
