"""Yes or no, read from a fact: the verdict a yes/no question gets when the fact that answers it says so.

The bot says ใช่/ไม่ใช่ (yes/no) only when the fact's own answer sentence settles it; otherwise it states the
fact without a verdict and lets the reader judge. Three readings, in order:

- **numbers**: a number the question names ("7 ด้าน", "ได้ที่ 1") that the fact also states → yes; a fact that
  states other numbers of the same kind and not this one → no ("ขอนแก่นมี 7 ด้านใช่มั้ย" / "6 pillars");
- **negation**: a fact that denies what the question asks ("does an area have to be a city?" / "does not have
  to be a city") → no; a denial after everything asked is said is about something else, unless it takes back
  what was just said ("expected in 2022, but that did not happen");
- **coverage**: nearly everything the question says (its names removed, its question words ignored) is in the
  fact's answer, and the answer denies nothing → yes ("KVIS อยู่ในวังจันทร์วัลเลย์ป่ะ" / "วังจันทร์วัลเลย์เป็นที่ตั้ง
  ของโรงเรียนกำเนิดวิทย์").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from .answerable import ALTERNATIVES, alternatives_in, stem

__all__ = ["verdict", "another_alternative", "disputed", "venue_claimed", "venue_asked", "stood_in_for", "days_named",
           "months_named", "numbers", "counted", "units_asked", "is_unit_word", "without_units"]

Verdict = Literal["yes", "no"]

# Day numbers of dates and years are not what a yes/no question counts: "certified on 6 May 2021" states 6
# as a day, but "ได้ที่ 1" asks about a rank. Years are compared separately (they date, not count).
_NUMBER = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)(?![\d])")
_YEAR = re.compile(r"^(19|20|25)\d\d$")
_NEGATION_TH = re.compile(r"ไม่จำเป็น|ไม่ได้|ไม่ต้อง|ไม่ใช่|ไม่มี|ไม่เคย|ยังไม่|ไม่ได้อยู่|มิได้|ไม่อยู่|ไม่ได้เป็น|ไม่เป็น|ไม่รวม")
_NEGATION_EN = re.compile(r"\b(not|never|no longer|none|neither|nor|without)\b|n't\b", re.I)
_QUESTION_NEG_TH = re.compile(r"ไม่ได้|ไม่ต้อง|ไม่ใช่|ไม่มี|ไม่เคย|ยังไม่|ไม่เป็น")

# Words that carry the asking, not the content: particles, question words, auxiliaries.
_ASKING_TH = re.compile(
    r"ใช่ไหม|ใช่มั้ย|ใช่มั๊ย|ใช่ป่ะ|ใช่ปะ|ใช่หรือไม่|ใช่เปล่า|ใช่รึเปล่า|หรือเปล่า|รึเปล่า|หรือป่าว|รึป่าว|หรือไม่|หรือยัง|"
    r"รึยัง|แม่นบ่|ใช่บ่|แม่น|บ่|ใช่|หรือ|รึ|ไม่|ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|เปล่า|ป่าว|เหรอ|หรอ|ครับ|คับ|ค่ะ|คะ|นะ|อ่ะ|อะ|จ้ะ|จ้า|ด้วย|จริง|"
    r"เค้า|เขา|ว่า|ได้ยิน|ยัง|แล้ว|อยู่|เลย|มั่ง|บ้าง|ที่|ก็|ได้|เป็น|มี|คือ|ของ|ใน|การ|จะ|กำลัง|พยายาม|ทำ|ถึง|"
    # "เคย" (ever) and "บอก" (say so) ask, they add nothing to check: "เคยจัดงานไหม", "บอกว่าจะเป็น...ใช่มั้ย"
    r"เคย|บอก|"
    # "อยาก" (want) asks what it aims at, as "want" does: "อยากเป็นเมืองนิเวศใช่มั้ย" / "มุ่งเป็นเมืองนิเวศ"
    r"อยาก|"
    # "เกี่ยวกับ ... ไหม" asks how the named things relate: the fact about all of them says
    r"เกี่ยวกับ|เกี่ยวข้อง|เกี่ยว|"
    # coming and going, taking, "on" and a title's abbreviation carry no claim: "อ.ประจินเคยมาเปิดงานไหม",
    # "มีwifiบนรถไหม"; a date's "วันที่"/"เมื่อ" introduces the date, which is compared on its own
    r"มา|ไป|เอา|บน|อ\.|วันที่|เมื่อ|"
    # the passive's "ถูก" (and the chat "โดน") says nothing of its own: "ถูกเสนอเข้า ASCN ไหม" / "ได้รับการเสนอเป็นสมาชิก"
    r"ถูก|โดน")
_DOMAIN_TH = re.compile(r"สมาร์ท|สมาร์ต|ซิตี้|เมืองอัจฉริยะ")
_ASKING_EN = frozenset(
    "is isn't are aren't was were does doesn't do did didn't has have had can could will would should the a an "
    "of in on at to for and or it its this that there their they really actually also too yes no one any "
    "still already yet ever located part among yeah yep actual "
    # light and modal verbs: "is khon kaen trying to be a medical hub" asks whether it aims at a medical hub
    "be been being become becoming try trying tried aim aiming aims going gonna want wants put puts get gets got "
    "make makes do doing done hand out both each by as act acts serve serves "
    # a tag after a statement asks, it adds nothing to check: "korat got a logo right?", "is it true that..."
    "right correct true hold holds held holding back "
    # "do you need a data platform", "they say it is...": asking, not content
    "need needs say says said you we i "
    # hearsay and giving carry no claim of their own: "i heard phuket gives tourists wristbands, true?"
    "heard hear told real give gives gave given "
    # "is the logo related to X": how the named things relate, which a fact about all of them says
    "related relate relates linked connected "
    # happening is no claim beyond where or when: "did the sandbox happen in Wangchan Valley?"
    "happen happens happened "
    # going, as Thai "ไป": where to is the claim ("does the bus go to the airport?" / "ran to the airport")
    "go goes went "
    # a place taken is what the words after these say: "ranked top for people" / "led the People dimension"
    "ranked placed came".split())
# A word broken apart by the tokeniser: "บอกว่าจะ" read as "บอ" + "กว่าจะ" (and "กว่า" here is no "more than").
_BROKEN_TH = {"บอ": "กว่า"}
_THAI = re.compile(r"[\u0e00-\u0e7f]+")
_PROGRAMME = frozenset("program programs programme programmes scheme initiative".split())

# A place in a ranking or a list that a question asks about: "ได้ที่ 1", "อันดับ 3", "the 2nd".
_PLACE_ASKED = re.compile(r"(?:(?<!พื้น)ที่|อันดับ|ลำดับ|\bnumber\s*|\bno\.\s*|#)\s*(\d{1,2})(?!\d)|"
                          r"\b(?:number\s+)?(\d{1,2})(?:st|nd|rd|th)\b")
COVERAGE = 0.75  # share of the question's content words the fact's answer must contain for a verdict
COVERAGE_CLOSE = 0.6  # the same, for a fact whose words match the question closely
# Something meant or scheduled to happen, not said to have happened: "วางแผนจะประกาศ", "มีกำหนดเปิดปี 2570 ตามแผน
# เดือนมีนาคม 2567", "was expected to open in 2022", "the March 2024 plan builds ..., with construction from 2025".
_INTENDED = re.compile(r"วางแผน(?:ว่า)?จะ|มีแผน(?:ที่)?จะ|คาดว่าจะ|ตั้งใจ(?:ว่า)?จะ|มีกำหนด|ตามแผน(?:เดือน|ปี)|"
                       r"\bplann(?:ed|ing) to\b|\b(?:is|are|was|were) (?:expected|due|set|scheduled|planned) to\b|"
                       r"\bintended to\b|\bplan\b(?:[^.;\n]|\.\d){0,160}\b(?:from|by|in) (?:19|20)\d\d", re.I)
# Something only put forward: "ได้รับการเสนอเป็นสมาชิก", "was proposed as a member" (not yet one).
_PROPOSED = re.compile(r"ได้รับการเสนอ|ถูกเสนอ|\b(?:was|were|been|is|are) (?:proposed|nominated)\b", re.I)
# ...unless the question asks about that plan: "was it planned for 2020?", "คาดว่าจะเปิดปีไหน", "จะ...ใช่ไหม".
_ASKS_PLAN = re.compile(r"แผน|คาด|กำหนด|ตั้งใจ|จะ|เสนอ|\bpropos|\bnominat|\bplan|\bexpect|\bschedul|\bdue\b|\bintend|\bsupposed\b|"
                        r"\bwill\b|\bgoing to\b", re.I)
# "ปัจจุบัน ... ยังดำรงตำแหน่งอยู่หรือไม่", "is he still ...": about now, which a dated fact cannot confirm.
_NOW = re.compile(r"ปัจจุบัน|ตอนนี้|ขณะนี้|ยัง\S*อยู่|\b(still|currently|now|today|anymore)\b")


# What a number counts, so "all 7 smarts" is checked against "3 Smarts" and "like 100 certified smart cities"
# against "37 smart cities", whatever else the fact states. Each unit's spellings map to one name.
_UNITS = [(re.compile(p, re.I), u) for p, u in [
    (r"smarts?(?![a-z])|สมาร์ท|สมาร์ต|ด้าน", "smart"),
    # (a plan's or a scheme's parts, counted as the Smarts are in a fact close to the question or of the years it
    # names: "แผนแม่บท 61-65 มี 7 ด้าน?" / "6 เสาหลัก"; not the 2018 plan's pillars for "7 ด้าน?" of today's plan)
    (r"pillars?(?![a-z])|platforms?(?![a-z])|เสาหลัก|แพลตฟอร์ม", "part"),
    (r"cit(y|ies)(?![a-z])|เมือง", "city"),
    (r"areas?(?![a-z])|พื้นที่|แห่ง", "area"),
    (r"provinces?(?![a-z])|จังหวัด", "province"),
    (r"%|percent(?:ages?)?(?![a-z])|เปอร์เซ็นต์|เปอร์เซ็น|ร้อยละ", "percent"),
    (r"stations?(?![a-z])|สถานี", "station"),
    (r"rai(?![a-z])|ไร่", "rai"),
    (r"km(?![a-z])|kilomet|กม\.|กิโลเมตร", "km"),
    (r"baht(?![a-z])|บาท", "baht"),
]]
# A plan's or a scheme's parts named by the question itself ("BOI แบ่งแพลตฟอร์มเป็น 7 ด้าน", "the master plan had 7
# dimensions?"): the Smarts it counts are those parts, so a fact counting the parts otherwise says no.
_PARTS_NAMED = re.compile(r"pillars?(?![a-z])|platforms?(?![a-z])|เสาหลัก|แพลตฟอร์ม|แม่บท|\bmaster\s*plan", re.I)
# A duration ("valid for 2 years", "แผน 20 ปี"), counted but never asked for by its word alone: nearly every
# Thai question says ปี (of a year), which asks for no duration.
_DURATION = (re.compile(r"years?(?![a-z])|yrs?(?![a-z])|ปี(?!\s*\d)", re.I), "year")
_COUNTED = re.compile(r"(?<![\d.,/])(\d+(?:[.,]\d+)?)\s*((?:[^\W\d]|%)[^\s\d]{0,3}[^\n\d]{0,24})")
# Words between a number and what it counts: "7 smarts", "100 certified smart cities", "3 Smarts".
_BETWEEN = re.compile(r"^((certified|smart|official|more|new|of|the|pilot)\s+|เมือง(?=อัจฉริยะ))", re.I)


# Counts spelled out in English ("were six cities approved?", "one of the seven?"): read as the digits a fact
# writes them in. ("one" is left alone: "one of", "the one" count nothing.)
_SPELLED = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()) if i >= 2}
_SPELLED_RX = re.compile(r"\b(" + "|".join(_SPELLED) + r")\b(?!-)", re.I)


# A Thai count in thousands, tens or hundreds of thousands, before what it counts: "พันต้น" (a thousand trees),
# "5แสนตัน" (500,000 tonnes); not a name ("ฑีฆายุพันธุ์") or a rank ("พันเอก").
_THAI_SCALE = re.compile(r"(?<![\d.,])(?<![\d.,]\s)(?:(\d+)\s*)?(พัน|หมื่น|แสน)(?=\s*(?:ต้น|คน|ตัน|เมือง|ไร่|จุด|ตัว|แห่ง|"
                         r"ราย|คัน|ครั้ง|ชิ้น|ลำ|เครื่อง|ห้อง))")
_THAI_SCALES = {"พัน": 1000, "หมื่น": 10000, "แสน": 100000}


def spelled_as_digits(text: str) -> str:
    """``text`` with the English counts two to twenty written as digits ("six cities" → "6 cities"), and Thai
    counts of thousands as digits ("5แสนตัน" → "500000 ตัน")."""
    text = _THAI_SCALE.sub(lambda m: f"{int(m.group(1) or 1) * _THAI_SCALES[m.group(2)]} ", text)
    return _SPELLED_RX.sub(lambda m: _SPELLED[m.group(1).casefold()], text)


def counted(text: str) -> set[tuple[str, str]]:
    """(number, unit) pairs ``text`` states: {("7", "smart"), ("37", "city"), ("16", "province")}."""
    out = set()
    for m in _COUNTED.finditer(text):
        n = m.group(1).replace(",", "")
        if _YEAR.match(n):
            continue
        n = n.rstrip("0").rstrip(".") if "." in n else n
        rest = m.group(2).strip()
        for _ in range(3):  # skip a few words that describe, not count
            cut = _BETWEEN.sub("", rest, count=1)
            if cut == rest:
                break
            rest = cut
        scale = _SCALE.match(rest)  # ("200 ล้านบาท", "26.963 billion baht": counted in baht, so scales compare)
        if scale is not None:
            rest = rest[scale.end():]
            n = _scaled(n, _SCALES[scale.group(1).casefold()])
        for rx, unit in (*_UNITS, _DURATION):
            if rx.match(rest):
                out.add((n, unit))
                break
    return out


_SCALES = {"thousand": 3, "พัน": 3, "หมื่น": 4, "แสน": 5, "million": 6, "ล้าน": 6, "พันล้าน": 9, "billion": 9,
           "หมื่นล้าน": 10, "แสนล้าน": 11, "trillion": 12, "ล้านล้าน": 12}
_SCALE = re.compile(r"(" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")\s*(?=บาท|baht\b)", re.I)


# Words after a number that count nothing ("no. 1 among them", "5 in 2021", "1 ใน 5").
_NOT_A_NOUN = frozenset("among and are as at by for from in into is of on or out per than the to was were with within "
                        "more less over under about around times time".split())
_NOUN_AFTER = re.compile(r"(?<![\d.,/])(?<!ปี)(?<!พ\.ศ\.)(?<!ค\.ศ\.)(\d+(?:[.,]\d+)?)\s*([a-z]{3,}|[\u0e01-\u0e4e]{3,})", re.I)


def _noun_counts(text: str) -> list[tuple[str, str]]:
    """(number, the word after it) pairs ``text`` states, for things no unit of :func:`counted` names: "owned by 5
    municipalities" gives ("5", "municipalit"), "6 แพลตฟอร์ม" ("6", "แพลตฟอร์ม"); dates, years and the words that
    count nothing ("1 among") and the units :func:`counted` reads left out. English words lose their plural
    ending, so singular and plural agree."""
    out = []
    for m in _NOUN_AFTER.finditer(_DAY_NUMBER.sub(" ", text)):
        n, word = m.group(1).replace(",", ""), m.group(2).casefold()
        if _YEAR.match(n) or word in _NOT_A_NOUN or word in _MONTH or is_unit_word(word) or _BETWEEN.match(word + " "):
            continue  # (what counted() reads, "50 smart city areas", is left to it)
        if word.isascii():
            word = re.sub(r"(ies|y|es|s)$", "", word)
        out.append((n, word))
    return out


def counts_things(text: str) -> bool:
    """Whether ``text`` counts something, of a unit :func:`counted` reads or any other ("25 new startups")."""
    return bool(counted(text) or _noun_counts(text))


def _other_count_of_the_same(question: str, answer: str) -> bool:
    """Whether ``question`` claims a count of something ("owned by 4 municipalities", "แบ่งเป็น7แพลตฟอร์ม",
    "ทุน100ล้าน") that ``answer`` counts, in the same word, only otherwise ("5 municipalities", "6 แพลตฟอร์ม",
    "200 ล้านบาท"). Thai words are compared by their first four letters or more in common (no spaces to cut at)."""
    stated = _noun_counts(answer)
    for n, word in _noun_counts(question):
        same = {m for m, w in stated if (w == word if word.isascii() else
                                        not w.isascii() and _common_prefix(w, word) >= 4)}
        if same and n not in same:
            return True
    return False


def _common_prefix(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` begin with in common."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k


def _scaled(n: str, power: int) -> str:
    """``n`` times ten to ``power``, written as :func:`counted` writes numbers ("26.963", 9 → "26963000000")."""
    value = Decimal(n).scaleb(power)
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


# "คะแนนเท่าไหร่", "score?": a score is given in per cent.
_SCORE = re.compile(r"คะแนน|\bscored?\b|\bscores\b|\bpoints?\b", re.I)


def units_asked(text: str) -> set[str]:
    """The units of :func:`counted` a question asks for: "กี่จังหวัด" {"province"}, "ได้กี่เปอร์เซ็นต์" and
    "score?" {"percent"}; "how many smart cities" {"city"} (the smart of a smart city counts nothing)."""
    out = {unit for rx, unit in _UNITS if rx.search(text)}
    if _SCORE.search(text):
        out.add("percent")
    if "city" in out or "area" in out:
        out.discard("smart")
    return out


@lru_cache(maxsize=4096)
def without_units(text: str) -> str:
    """``text`` with the words that name a unit of :func:`counted` taken out (before tokenising: "เปอร์เซ็น"
    would be cut in two)."""
    for rx, _ in _UNITS:
        text = rx.sub(" ", text)
    return _SCORE.sub(" ", text)


def is_unit_word(word: str) -> bool:
    """Whether ``word`` names a unit of :func:`counted` ("จังหวัด", "percent", "คะแนน")."""
    return any(rx.match(word) for rx, _ in _UNITS) or bool(_SCORE.fullmatch(word))


def numbers(text: str) -> set[str]:
    """Numbers in ``text`` that are not years, thousands separators removed ("83.55", "1", "3454")."""
    out = set()
    for m in _NUMBER.finditer(text):
        n = m.group(1).replace(",", "")
        if not _YEAR.match(n):
            out.add(n.rstrip("0").rstrip(".") if "." in n else n)
    return out


# What something mainly does, claimed ("focuses on mining?", "เน้นท่องเที่ยวเป็นหลักใช่ไหม"), and said ("aims to be",
# "มุ่งเป็น"): the words of the claim, without those of focusing.
_FOCUS_Q = re.compile(r"\bfocus(?:es|ed|ing)?\s+(?:on|upon)\b|\bmainly\b|\bprimarily\b|\bmain focus\b|เน้น|เป็นหลัก", re.I)
_FOCUS_WORD = re.compile(r"focus|focuses|focused|focusing|on|upon|mainly|primarily|main|mostly|yeah|yep|เน้น|หลัก|เป็นหลัก|"
                         r"ด้าน|เรื่อง")
_AIM_SAID = re.compile(r"\baims?\b|\baiming\b|\bfocus|\bvision\b|มุ่ง|เน้น|วิสัยทัศน์|ตั้งเป้าเป็น", re.I)
# "is it for good?", "ได้ตลอดไปไหม": a fact that gives how long it lasts says no.
_FOREVER = re.compile(r"ตลอดไป|ตลอดชีพ|(?:ใช้|อยู่|ถือ|เก็บ)ได้ตลอด|ถาวร|ไม่มีวันหมดอายุ|ไม่หมดอายุ|\b(forever|for good|for life|permanent(ly)?|"
                      r"never expires?|does(n't| not) expire)\b", re.I)
_LASTS = re.compile(r"อายุ\s*\d+\s*ปี|\d+\s*ปี\s*(และ)?\s*ต่ออายุ|หมดอายุ|\bvalid for\b|\b\d+ years?\b.*\brenew|"
                    r"\bexpires?\b", re.I)
# Who owns or runs something, asked ("KKTT เป็นของรัฐใช่มั้ย", "is depa a private company?", "run by the
# city government?") and said (the state, or a private company): a fact that says the one denies the other.
_OWNER_Q = (r"(?:เป็น|ของ|เป็นของ|เป็นหน่วยงาน|หน่วยงาน|ตั้งโดย|ก่อตั้งโดย)\s*(?:บริษัท|องค์กร)?\s*{th}|"
            r"\b(?:an?|the)\s+{en}\s+(?:company|agency|body|firm|enterprise|organi[sz]ation)\b|"
            r"\b(?:run|owned|set up|founded|established|managed|operated)\s+by\b[^?.]{{0,30}}\b{en}\b")
_PUBLIC_Q = re.compile(_OWNER_Q.format(th="(?:รัฐ|ภาครัฐ|รัฐบาล)", en="(?:government|state|public)") +
                       # (owned or founded by the town: "ตั้งโดยเทศบาล"; not "ต้องเป็นเทศบาล", which asks who may apply)
                       r"|(?:เป็นของ|ของ|ตั้งโดย|ก่อตั้งโดย)\s*เทศบาล", re.I)
_PRIVATE_Q = re.compile(_OWNER_Q.format(th="(?:เอกชน)", en="(?:private)"), re.I)
# (a company a public body owns is public: "บริษัทของเทศบาล 5 แห่ง", "a company owned by 5 municipalities")
_PUBLIC = re.compile(r"หน่วยงานรัฐ|หน่วยงานภายใต้กระทรวง|ภาครัฐ|รัฐวิสาหกิจ|ของเทศบาล|"
                     r"\bowned by\b[^.;]{0,20}\bmunicipalit|\bgovernment\b|\bstate\b|\bpublic agency\b|"
                     r"\bagency\b[^.]{0,20}\bministry\b", re.I)
# (founded by business people is private too: "ผู้ประกอบการจากราว 20 บริษัทร่วมกันก่อตั้ง", "set up by 20 local firms")
# (a company, but not a public company limited, "บริษัท ... จำกัด (มหาชน)": a state enterprise may be one, PTT)
# (nor a company a public body owns: "บริษัท ... จำกัด บริษัทของเทศบาล 5 แห่ง", "a company owned by 5 municipalities")
_PRIVATE = re.compile(r"เอกชน|ผู้ประกอบการ|นักธุรกิจ|บริษัท(?![^()]{0,40}\(มหาชน\))(?![^.;]{0,60}บริษัทของ(?:เทศบาล|รัฐ|จังหวัด))"
                      r"(?!ของ(?:เทศบาล|รัฐ|จังหวัด))|"
                      r"(?<!public )\bcompany\b(?! limited)(?! owned by [^.;]{0,20}\b(?:municipalit|government|state|province))|"
                      r"\bco\.,? ltd\b|\bprivate\b|\bprivately\b|\bentrepreneurs\b|\bbusiness(?:men|people)\b|"
                      r"\b(?:local\s+)?firms\b", re.I)
# (who owns it said outright, not only that it is a company)
_PRIVATE_SAID = re.compile(r"เอกชน|ผู้ประกอบการ|นักธุรกิจ|\bprivate\b|\bprivately\b|\bentrepreneurs\b|"
                           r"\bbusiness(?:men|people)\b|\b(?:local\s+)?firms\b", re.I)
# A figure set as a goal: "the target of 100 smart cities" does not say there were 100.
_GOAL = re.compile(r"เป้า|\btarget|\bgoal", re.I)  # (เป้าหมาย, ตั้งเป้า, and "เป้า" alone in chat)
_GOAL_FIGURE = re.compile(r"(?:เป้าหมาย|ตั้งเป้า|\btarget(?:ed|s)?\b|\bgoal\b)[^\d.;]{0,25}\d[\d,.]*", re.I)
# Whether a goal was reached: a fact stating the goal does not say so ("ครบ 100 เมืองตามเป้ามั้ย").
_REACHED = re.compile(r"ครบ|บรรลุ|ทำได้|ถึงเป้า|ตามเป้า|ได้ตามเป้า|\b(reach|achiev|hit|meet|met|made it)", re.I)
# A claim about every one of several: one that counts otherwise denies it.
# A fact whose answer is the disagreement itself: its "no" and "without" describe the sources, not the claim.
_SOURCES_DIFFER = r"(แหล่งข้อมูลไม่ตรงกัน|sources differ)"
_ABOUT_A_CONFLICT = re.compile(r"\s*" + _SOURCES_DIFFER, re.I)
# ...and one that states something and says its sources disagree on it: "covers the 7 Smarts (sources differ: ...)".
_DISPUTED = re.compile(r"\(" + _SOURCES_DIFFER + ":", re.I)
# Whether the sources agree on it, asked ("do sources agree on the date?", "is the cost certain?", "ข้อมูลตรงกัน
# มั้ย"), or whether they differ ("ข้อมูลขัดกันไหม", "are the figures inconsistent?"): a fact that says its sources
# differ answers either, whatever else it states.
_CONFLICT_Q = re.compile(r"ขัดกัน|ขัดแย้ง|ไม่ชัด|หลายเวอร์ชัน|\b(?:disagree|disagrees|conflict|conflicts|conflicting|"
                         r"contradict\w*|inconsistent|disputed|discrepanc\w*|unclear|uncertain)\b", re.I)
# (differing, said of the sources or the figures: "X กับ Y ต่างกันไหม" compares two things)
_DIFFER_Q = re.compile(r"ไม่ตรงกัน|ต่างกัน|ไม่เหมือนกัน|\b(?:differ|differs|different)\b", re.I)
_SOURCES_Q = re.compile(r"แหล่ง|ข้อมูล|ตัวเลข|ข่าว|\b(?:sources?|reports?|figures?|numbers?|data|accounts?)\b", re.I)
_AGREE_Q = re.compile(r"(?<!ไม่)ตรงกัน|สอดคล้อง|(?<!ไม่)ชัดเจน|แน่นอน|แน่ชัด|\b(?:agree|agreed|consistent|clear|certain|"
                      r"settled|undisputed|definite)\b", re.I)
_DIFFER_SAID = re.compile(r"แหล่งข้อมูล\S{0,12}ไม่ตรงกัน|ไม่ตรงกัน|\bsources (?:differ|disagree|conflict)|"
                          r"\bsources give (?:different|conflicting)", re.I)


def sources_differ_asked(question: str, answer: str) -> Verdict | None:
    """For "do the sources agree on it?" ("no") or "do they differ?" ("yes"), against a fact that says its sources
    differ ("sources differ on the date: 20 February 2017 or March 2017"); None for any other question or fact."""
    if not _DIFFER_SAID.search(answer):
        return None
    if _CONFLICT_Q.search(question) or _DIFFER_Q.search(question) and _SOURCES_Q.search(question):
        return "yes"
    return "no" if _AGREE_Q.search(question) else None


_ALL = re.compile(r"\ball\b|\bevery\b|\beach of\b|ทุกเมือง|ทุกแห่ง|ทุกพื้นที่|ทั้งหมด|ทั้ง\s*\d|ทั้งห้า|ทั้งสอง|"
                  r"\b(like|as) the others?\b|\blike the rest\b|เหมือน(ที่|เมือง|แห่ง)อื่น", re.I)
_ALL_OF_COUNT = frozenset("all every ครบ ทั้ง ทั้งหมด".split())
_SAME = re.compile(r"(?:อัน|แบบ|อย่าง|สิ่ง|ตัว|ประเภท)เดียว(?:กัน|กับ)|เหมือนกัน|\bthe same\b|\bsame thing\b|\bidentical\b|"
                   # counted together: "นับรวมกันไหม" / "ซึ่งนับแยกกัน", "counted with the logo cities?" / "separately"
                   r"นับรวม|\bcount(?:ed|s)? (?:together|with|among|towards|as)\b|\bincluded (?:in|among)\b|"
                   r"ส่วนหนึ่งของ|ส่วนนึงของ|เกี่ยวข้องกับ|เกี่ยวกับ|\bpart of\b|\blinked to\b|\brelated to\b")
_DIFFERENT = re.compile(r"คนละ|แยกจาก|นับแยก|แยกกัน|\bseparately\b|ต่างจาก|ไม่ใช่|ไม่ได้|ไม่มีแหล่งใดเชื่อมโยง|ไม่เกี่ยวข้อง|\bnot\b|\bseparate\b|"
                        r"\bdifferent\b|\bdistinct\b|\bno source links\b|\bunrelated\b", re.I)


# Done alone, asked ("run by depa alone?", "ทำเพียงหน่วยงานเดียวไหม"), and done with others, said ("together with EPPO").
_ALONE_Q = re.compile(r"\b(?:alone|solely|single-handedly|by (?:it|him|her|them)sel(?:f|ves)|on (?:its|his|her|their) own)\b|"
                      r"เพียงอย่างเดียว|แต่เพียงผู้เดียว|เพียงผู้เดียว|ฝ่ายเดียว|หน่วยงานเดียว|คนเดียว|เองทั้งหมด", re.I)
_WITH_OTHERS = re.compile(r"ร่วมกับ|\b(?:together|along) with\b|\bjointly\b|\balongside\b|\bin partnership with\b", re.I)


_MONTH_NAMES = [
    ("มกราคม", "ม.ค.", "january", "jan"), ("กุมภาพันธ์", "ก.พ.", "february", "feb"), ("มีนาคม", "มี.ค.", "march", "mar"),
    ("เมษายน", "เม.ย.", "april", "apr"), ("พฤษภาคม", "พ.ค.", "may"), ("มิถุนายน", "มิ.ย.", "june", "jun"),
    ("กรกฎาคม", "ก.ค.", "july", "jul"), ("สิงหาคม", "ส.ค.", "august", "aug"), ("กันยายน", "ก.ย.", "september", "sep"),
    ("ตุลาคม", "ต.ค.", "october", "oct"), ("พฤศจิกายน", "พ.ย.", "november", "nov"), ("ธันวาคม", "ธ.ค.", "december", "dec")]
# (and as people shorten them in chat: "1 กรกฎา 64", "6 พฤษภา")
_MONTH_NAMES = [(*names, short) for names, short in zip(_MONTH_NAMES, (
    "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา"))]
_MONTH = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}
# (after a day's number a Thai month may run into the next word, as Thai is written: "วันที่6พฤษภาจัดที่ไหน")
_DAY = re.compile(r"(?<![\d.,])(\d{1,2})\s*(" + "|".join(sorted(map(re.escape, _MONTH), key=len, reverse=True)) +
                  r")(?![a-z])|(?<![a-z])(" +
                  "|".join(sorted((re.escape(n) for n in _MONTH if n.isascii()), key=len, reverse=True)) +
                  r")\.?\s+(\d{1,2})(?!\d)", re.I)


def _days(text: str) -> set[tuple[int, int]]:
    """The (day, month) pairs ``text`` states: "24 ธ.ค. 64" and "December 24" give (24, 12)."""
    return set(_days_in(text))


@lru_cache(maxsize=4096)
def _days_in(text: str) -> frozenset[tuple[int, int]]:
    """:func:`_days`, kept by text: a question's and its candidate facts' days are read by several checks of a message
    (and the same facts' by many messages), with a pattern of every month name tried at every position."""
    out = set()
    for m in _DAY.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(day) <= 31:
            out.add((int(day), _MONTH[month.casefold()]))
    return frozenset(out)


_MONTH_WORD = re.compile(r"(?<![a-z\u0e01-\u0e2e])(" + "|".join(sorted(map(re.escape, _MONTH), key=len, reverse=True)) +
                         r")(?![a-z\u0e01-\u0e2e])", re.I)


def _months(text: str) -> set[int]:
    """The months ``text`` names ("September 2025", "ก.ย. 68", "6 พฤษภาคม"), as numbers. ("may" is a month only
    after a day or before a year: "may" also asks.)"""
    return set(_months_in(text))


@lru_cache(maxsize=4096)
def _months_in(text: str) -> frozenset[int]:
    """:func:`_months`, kept by text (as :func:`_days_in`)."""
    out = set()
    for m in _MONTH_WORD.finditer(text):
        word = m.group(1).casefold()
        if word == "may" and not re.search(r"\d\s*$", text[:m.start()]) and not re.match(r"\s*\d", text[m.end():]):
            continue
        out.add(_MONTH[word])
    return frozenset(out)


def months_named(text: str) -> set[int]:
    """The months ``text`` names ("September 2025", "ก.ย. 68"), as numbers ("may" only as a month)."""
    return _months(text)


def days_named(text: str) -> set[tuple[int, int]]:
    """The (day, month) pairs ``text`` names ("24 ธ.ค. 64", "December 24")."""
    return _days(text)


_DISPUTE_PART = re.compile(r"\(\s*" + _SOURCES_DIFFER + r"\s*:([^()]*)\)", re.I)


def _side_of_dispute(asked: list[str], answer: str, years: frozenset[int], known: frozenset[str] | None) -> str:
    """Of a fact that states something and says in brackets what other sources say ("covers the 7 Smarts
    (sources differ: the 2018–2022 master plan had 6 pillars)"), the side the question asks about: the bracket
    when the question names something only it says (the master plan, its years), else the statement without it."""
    parts = [m.group(2) for m in _DISPUTE_PART.finditer(answer)]
    if not parts:
        return answer
    main, other = _DISPUTE_PART.sub(" ", answer).casefold(), " ".join(parts).casefold()
    words = _content(asked, known)
    named = [str(y) for y in years] + [str(y + 543) for y in years]
    if any(w in other and w not in main for w in words) or any(y in other and y not in main for y in named):
        return other
    return main


def _none_of_the_counts(question: str, answer: str) -> bool:
    """Whether the question claims a count ("50 km", "3 ด้าน") of a unit the answer counts, and every count the
    answer gives of that unit is another."""
    stated = counted(answer)
    for n, unit in counted(question):
        given = {m for m, u in stated if u == unit}
        if unit != "year" and given and n not in given:
            return True
    return False


# A span of years: "2017-2036", "2018 to 2037", "ปี 2561–2580" (Buddhist years read as CE).
_SPAN = re.compile(r"(?<!\d)((?:19|20|25)\d\d)\s*(?:-|–|—|\bto\b|\buntil\b|ถึง)\s*((?:19|20|25)\d\d)(?!\d)", re.I)
# ...claimed at the end of the question, not naming something ("the 2018-2022 master plan"): "is it 2017-2036?"
_SPAN_AT_END = re.compile(_SPAN.pattern + r"\s*(?:ใช่|ไหม|มั้ย|ป่ะ|หรือ|รึ|เหรอ|หรอ|ครับ|ค่ะ|\bright\b|\bcorrect\b|\?|$)", re.I)


# "ตั้งแต่ปี 2560", "ตั้งแต่ปี60", "since 2017": the year something has been so from.
_SINCE = re.compile(r"(?:ตั้งแต่|นับแต่|นับตั้งแต่|\bsince)\s*(?:ปี|พ\.ศ\.|ค\.ศ\.|\bthe year\b)?\s*((?:19|20|25)\d\d|(?<=ปี)\d\d)(?!\d)",
                    re.I)


_A_YEAR = re.compile(r"(?<!\d)((?:19|20|25)\d\d)(?!\d)")


_OWN_CLAUSE = re.compile(r";\s+")


def _clause_years(asked: list[str], answer: str, known: frozenset[str] | None = None) -> set[int] | None:
    """The years (CE) of the one part of ``answer`` that says most of what the question asks word for word, each
    part ending with its date ("received the certificate on 31 October 2019 | and was later approved for the
    logo on 6 May 2021"); None when no part says more of it than every other."""
    words = _content(asked, known)
    if not words:
        return None
    scored: list[tuple[int, int]] = []
    last = _LAST_THAI.search(answer)
    for text in ([answer[:last.end()], answer[last.end():]] if last else [answer]):
        clauses = [c for c in _OWN_CLAUSE.split(text) if c.strip()]
        if len(clauses) >= 2 and all(_A_YEAR.search(c) for c in clauses):
            # clauses of their own ("presided over the 9 January 2023 ceremony handing out the logos; Prawit stood
            # in for him at the 24 December 2021 ceremony"): each clause's words go with its years, also those
            # after them (each language read apart)
            for c in clauses:
                low = _PM.sub("pm", c.casefold())  # ("PM Prayut?" / "Prayut, then Prime Minister")
                said = sum(1 for w in words if (_said(w, low) or _same_meaning(w, low) if w.isascii() else w in low))
                scored += [(said, _ce(y)) for y in _A_YEAR.findall(c)]
    if scored:
        best = max(n for n, _ in scored)
        years = {y for n, y in scored if n == best}
        others = {y for n, y in scored if n < best}
        return years if best and others - years else None
    start = 0
    for m in _A_YEAR.finditer(answer):
        part = answer[start:m.end()].casefold()
        start = m.end()
        scored.append((sum(1 for w in words if (_said(w, part) if w.isascii() else w in part)), _ce(m.group(1))))
    if not scored:
        return None
    best = max(n for n, _ in scored)
    years = {y for n, y in scored if n == best}
    others = {y for n, y in scored if n < best}
    # (the same year in both languages is one part said twice)
    return years if best and len(years) == 1 and others - years else None


# The whole of a province or city claimed ("ทั้งจังหวัด", "the whole province"), against an area said to be a
# part of one ("ย่านสามย่าน", "Mae Moh district", "on Chulalongkorn University land") or the whole said.
WHOLE_ASKED = r"ทั้งจังหวัด|ทั้งกทม|ทั้งกรุงเทพ\S*|ทั้งเมือง(?!อัจฉริยะ)|ทั้งอำเภอ|\b(?:the )?(?:whole|entire|all of)\s+" \
              r"(?:the\s+)?(?:province|city|bangkok|district|of bangkok|of the province)\b|\bprovince-?wide\b|\bcity-?wide\b"
_WHOLE_Q = re.compile(WHOLE_ASKED, re.I)
_WHOLE_SAID = re.compile(r"ทั้งจังหวัด|ครอบคลุมทั้ง|ทั้งพื้นที่|\bwhole\b|\bentire\b|\bprovince-?wide\b|\ball of\b", re.I)
_PART_SAID = re.compile(r"ในย่าน|อยู่ย่าน|อำเภอ|ตำบล|บนที่ดิน|\barea of\b|\bdistrict\b|\bsubdistrict\b|\buniversity land\b|"
                        r"\bcampus\b", re.I)
# Only a part claimed: "ครอบคลุมแค่ป่าตอง", "only the old town?"
_ONLY_Q = re.compile(r"แค่|เพียง|เฉพาะ|\bonly\b|\bjust\b", re.I)
# A claim that it must be, or can only be, one kind ("ต้องเป็นเทศบาลเท่านั้นไหม", "must it be a municipality?")
_ONLY_KIND_Q = re.compile(r"เท่านั้น|อย่างเดียว|ต้องเป็น|\bonly\b|\bmust\b.*\bbe\b|\bha(?:ve|s) to be\b", re.I)
# A fact that says it can be any of several kinds ("เป็นได้ทั้งเทศบาล จังหวัด...", "can be a municipality, a province...")
_ANY_OF_KINDS = re.compile(r"เป็นได้ทั้ง|\bcan be (?:an? |either )?\w+(?: \w+)?,", re.I)
# Where a fact turns from one thing's figure to another's: "แม่เมาะมี 3 Smarts ส่วนภูเก็ต... 7 Smarts"
_EACH_OWN = re.compile(r"ส่วน|\bwhile\b|\bwhereas\b|;|\bthe others?\b", re.I)
_SCALE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion)\b|ล้าน|พัน|หมื่น|แสน", re.I)
# Where one source's account ends and another's begins, in a fact about sources that differ.
_SIDES = re.compile(r":|;|แต่|ส่วน|ต่อมา|บางแหล่ง|\bbut\b|\bwhile\b|\blater\b|\bothers\b")


def _one_side_said(question: str, answer: str, years: frozenset[int]) -> Verdict | None:
    """"ก.ค. 66 มี 36 เมืองใน 25 จังหวัดใช่ไหม" / "sources differ: in July 2023 the government gave 36 cities in 25
    provinces, but in 2025 ... 37 in 16": yes when one source's account says every figure claimed (and the year
    claimed), and no other account says them; None otherwise (a target is no count reached). Each language of
    the answer is read apart."""
    asked = numbers(_DAY_NUMBER.sub(" ", question)) - {str(v) for y in years for v in (y % 100, (y + 543) % 100)}
    if not asked or not years or _SCALE_WORD.search(question):
        # (a sum in words, "1 billion baht", is no figure to find as written; without the year of the account
        # claimed, sources that disagree on one thing, "7 Smarts, which no other source confirms", say no yes)
        return None
    last = _LAST_THAI.search(answer)
    for text in ([answer[:last.end()], answer[last.end():]] if last else [answer]):
        sides = [numbers(_DAY_NUMBER.sub(" ", part)) for part in _SIDES.split(text) if part.strip()]
        parts = [part for part in _SIDES.split(text) if part.strip()]
        holding = [i for i, part in enumerate(parts) if asked <= sides[i]
                   and all(str(y) in part or str(y + 543) in part for y in years)]
        if len(holding) != 1 or any(asked & said for i, said in enumerate(sides) if i not in holding):
            continue
        if _GOAL.search(parts[holding[0]]) and (not _GOAL.search(question) or _REACHED.search(question)):
            continue  # ("did it reach 100 by 2022?" / "the earlier target of 100 by 2022")
        return "yes"
    return None


# "without smart energy", "โดยไม่มีด้านพลังงาน": what one source's account says a thing lacks.
_WITHOUT = re.compile(r"\bwithout\s+(?:an?\s+|the\s+|any\s+)?([a-z][a-z -]{2,40}?)\s*(?=[.,;)]|$)|(?:โดย)?ไม่มี(\S{3,30})",
                      re.I)


def _named_side_denies(question: str, asked: list[str], answer: str, known: frozenset[str] | None) -> bool:
    """Of a fact about sources that differ ("depa's news says 7 Smarts, while its 2018–2022 master plan had 6
    pillars, without smart energy"), whether the one account the question names by a word only it says (the
    master plan) denies the claim: it counts the claimed unit otherwise, or says the thing claimed is missing.
    A question that names no one account, or denies the claim itself, gets no verdict from it."""
    if _QUESTION_NEG_TH.search(question) or _NEGATION_EN.search(question):
        return False
    words = _content(asked, known)
    low_q = question.casefold()
    last = _LAST_THAI.search(answer)
    for text in ([answer[:last.end()], answer[last.end():]] if last else [answer]):
        parts = [p.casefold() for p in _SIDES.split(_ABOUT_A_CONFLICT.sub("", text)) if p.strip()]
        if len(parts) < 2:
            continue
        said = [{w for w in words if (_said(w, p) if w.isascii() else w in p)} for p in parts]
        own = [i for i, ws in enumerate(said) if ws - set().union(*(o for j, o in enumerate(said) if j != i))]
        if len(own) != 1:
            continue
        side = parts[own[0]]
        claimed = counted(question)
        stated = counted(side)
        for n, unit in claimed:
            others = {m for m, u in stated if u == unit or {u, unit} == {"smart", "part"}}
            if others and n not in others:
                return True
        for m in _WITHOUT.finditer(side):
            lacking = (m.group(1) or m.group(2) or "").strip()
            if lacking and all(w in low_q for w in lacking.split()):
                return True
    return False


# A plan that was not kept: "expected to open in 2022, which did not happen", "คาดว่าจะเปิดในปี 2565 แต่ไม่เป็นไปตามนั้น".
_NOT_KEPT = re.compile(r"\b(?:which|that|this) (?:did not|didn't|never) happen(?:ed)?\b|\bdid not happen\b|"
                       r"แต่ไม่เป็นไปตาม(?:นั้น|แผน|กำหนด)", re.I)
# "as planned", "ตามแผนเดิม", "on schedule": the deed measured against the plan, not a question about the plan.
_AS_PLANNED = re.compile(r"\b(?:as|like|according to) (?:it was |the |its |their )?(?:\w+ )?(?:plan\w*|schedul\w*|expect\w*|"
                         r"promis\w*)(?: (?:said|promised|had it|foresaw|set out))?\b|\bon schedule\b|"
                         r"\bunder the (?:original|old|first) plan\b|ตามแผน\S{0,6}|ตามกำหนด\S{0,6}|ตามที่วางแผน", re.I)
# The plan itself asked ("was it supposed to open in 2022?"), not what will be ("จะเปิดปี 65 ใช่มะ": it did not).
_PLAN_ASKED = re.compile(r"แผน|คาด|กำหนด|ตั้งใจ|\bplan|\bexpect|\bschedul|\bdue\b|\bintend|\bsupposed\b|\bmeant to\b",
                         re.I)
# Whether it happened: "did that happen?", "เกิดขึ้นจริงไหม".
_HAPPENED_Q = re.compile(r"\bhappen(?:ed)?\b|เกิดขึ้น|เป็นจริง|เป็นไปตาม", re.I)


def _unmet_plan(question: str, answer: str, years: frozenset[int]) -> Verdict | None:
    """The verdict of a fact that tells of a plan not kept ("expected to open in 2022, which did not happen"): a
    question whether it was so (done in the year planned, or "did that happen?") gets "no"; one whether it was
    planned so ("was it supposed to open in 2022?") gets "yes"; None for any other question or fact."""
    if not _NOT_KEPT.search(answer) or not _INTENDED.search(answer):
        return None
    stated = {_ce(y) for y in _A_YEAR.findall(answer)}
    if years and not years <= stated:
        return None
    if _PLAN_ASKED.search(_AS_PLANNED.sub(" ", question)):
        return "yes" if years else None  # (the plan, asked: its year, stated)
    return "no" if years or _HAPPENED_Q.search(question) else None


def _ce(year: str) -> int:
    """A year as written ("2556", "2013", "60" after ปี) in CE."""
    y = int(year)
    if y < 100:
        y += 2500
    return y - 543 if y > 2400 else y


def other_year_since(question: str, answer: str) -> bool:
    """Whether ``question`` claims something has been so since a year ("ดูแลตั้งแต่ปี2560", "since 2017") and
    ``answer`` says since when, only from other years ("บริหารมาตั้งแต่ปี 2556")."""
    asked = {_ce(m.group(1)) for m in _SINCE.finditer(question)}
    said = {_ce(m.group(1)) for m in _SINCE.finditer(answer)}
    return bool(asked and said and not asked & said)


# "end in 2040", "runs until 2040", "สิ้นสุดปี 2583", "จบปี2583": the last year of something, claimed.
_END_CLAIMED = re.compile(r"\b(?:ends?|ended|ending|runs? (?:until|till|to)|lasts? (?:until|till))\s+(?:in\s+)?((?:19|20)\d\d)\b|"
                          r"(?:สิ้นสุด|หมดอายุ|จบ)\s*(?:ใน|ที่)?\s*(?:ปี|พ\.ศ\.)?\s*(25\d\d)(?!\d)", re.I)


def span_end_said(answer: str) -> int | None:
    """The last year (CE) of the one span of years ``answer`` states ("covers 2018 to 2037": 2037); None for
    none, or several."""
    spans = {_span_of(m) for m in _SPAN.finditer(answer)}
    return next(iter(spans))[1] if len(spans) == 1 else None


def _span_of(m: re.Match[str]) -> tuple[int, int]:
    """The span a match of :data:`_SPAN` states, in CE years."""
    return _ce(m.group(1)), _ce(m.group(2))


def _span_claimed(question: str) -> tuple[int, int] | None:
    """The span of years the question claims at its end ("is the strategy 2017-2036?"), or None."""
    m = _SPAN_AT_END.search(question)
    return _span_of(m) if m else None


def disputed(answer: str) -> bool:
    """Whether ``answer`` says that its sources disagree on what it states ("... (sources differ: ...)")."""
    return _DISPUTED.search(answer) is not None


def _asking_en(word: str) -> bool:
    """True when ``word`` or its stem is an English asking word ("handing", "putting", "aims")."""
    if word in _ASKING_EN:
        return True
    stem = word[:-3] if word.endswith("ing") else word[:-1] if word.endswith("s") else ""
    return len(stem) >= 2 and (stem in _ASKING_EN or stem + "e" in _ASKING_EN or stem[:-1] in _ASKING_EN)


def _content(tokens: list[str], known: frozenset[str] | None = None, domain: bool = False) -> list[str]:
    """The question's content words: its word tokens without particles, question words and auxiliaries (and,
    given the words the knowledge uses, without words it never uses: "stuff", "really", "trying"), and without
    the domain every question is in ("smart city", "สมาร์ทซิตี้": "can a university apply to be a smart city
    developer" asks about applying) unless nothing else is asked (``domain``: keep them)."""
    out = []
    before = ""
    # "people-centred": its parts ("people", "centred"), as an answer may write them or join them otherwise
    parts = [p for raw in tokens for p in (raw.split("-") if raw.isascii() and "-" in raw.strip("-") else (raw,))]
    for raw, previous in zip(parts, ["", *parts]):
        t = raw.casefold().strip()
        if not t or t in _BROKEN_TH or _BROKEN_TH.get(previous.strip()) == t:
            continue
        after_smart, after_city, before = before == "smart", before in ("city", "cities"), t
        if not domain and (t == "smart" or t in ("city", "cities") and after_smart or _DOMAIN_TH.fullmatch(t)
                           or t in _PROGRAMME and after_city):
            continue  # (though "an actual city" asks about being a city; "the smart city program" is the domain)
        if len(t) < 2 or t.isdigit() or _asking_en(t) or _ASKING_TH.fullmatch(t) or not (t.isalnum() or _THAI.match(t)):
            continue
        if known is not None and t not in known and (t[:-1] if t.endswith("s") else t) not in known:
            continue
        out.append(t[:-1] if t.isascii() and len(t) > 3 and t.endswith("s") else t)
    return out if out or domain else _content(tokens, known, domain=True)


def _covered(tokens: list[str], answer: str, known: frozenset[str] | None = None) -> float | None:
    """Share of the question's content words found in ``answer`` (None when none is left). A Thai compound
    counts when a known part of it is there ("ติดอันดับ" / "ได้อันดับ 3")."""
    words = _content(tokens, known)
    if not words:
        return None
    a = answer.casefold()

    def found(w: str) -> bool:
        if (_said(w, a) if w.isascii() else w in a) or (w.isascii() and len(w) >= 5 and stem(w) in a) \
                or _same_meaning(w, a):  # ("apply" / "applicant")
            return True
        if known is None or not _THAI.match(w):
            return False
        return any(part in a for part in _known_parts(w, known))
    return sum(1 for w in words if found(w)) / len(words)


@lru_cache(maxsize=4096)
def _known_parts(word: str, known: frozenset[str]) -> tuple[str, ...]:
    """The parts of a Thai compound that say it when an answer has one of them: a part said is enough
    ("ติดอันดับ" / "ได้อันดับ 3", "บริษัทเอกชน" / "เอกชน"), but not a general head whose meaning is in what
    follows it ("กระทรวงมหาดไทย" is not said by "กระทรวงดิจิทัล"). Kept by word (the knowledge's words are one set
    per snapshot)."""
    return tuple(part for i in range(2, len(word) - 1) for part in (word[:i], word[i:])
                 if len(part) >= 3 and part in known and not (part == word[:i] and part in _GENERAL_HEADS))


def _said(word: str, answer: str) -> bool:
    """Whether the English ``word`` is in ``answer`` as a word, perhaps with an ending ("plan" in "plans" or
    "planned", not in "power plant"; "bus" not in "business"); a month by any of its names ("Oct" / "October")."""
    if word in _MONTH and word != "may":
        return _MONTH[word] in _months(answer)
    return _said_rx(word).search(answer) is not None


@lru_cache(maxsize=1024)
def _said_rx(word: str) -> re.Pattern:
    """The pattern of :func:`_said` for ``word`` (made once per word: a question's words are looked for in many answers)."""
    return re.compile(r"(?<![a-z])" + re.escape(word) + r"(?:s|es|d|ed|ned|ing|ning|er|ers|ly)?(?![a-z])")


# Words that say the same thing in this domain, so a question's word counts as said when the fact says it in
# other words: being certified is receiving the logo; running an area is being its developer or managing it.
_SAME_MEANING = [
    ("certif", "รับรอง", "logo", "ตรา", "approv", "endors", "อนุมัติ", "เห็นชอบ"),
    # (being behind it is running it: "is EGAT behind Mae Moh's smart city?" / "EGAT is its city developer")
    ("run", "manag", "ดูแล", "บริหาร", "develop", "ผู้พัฒนา", "ขับเคลื่อน", "operat", "behind"),
    ("เซ็นเซอร์", "เซนเซอร์", "sensor"),
    # a plan that covers the Smarts follows them: "does it follow all 7 Smarts?" / "its plan covers 7 Smarts"
    ("follow", "cover", "include", "ครอบคลุม"),
    ("wide", "whole", "entire"),
    # chairing said otherwise: "did Prayut chair it?" / "presided over the ceremony"
    ("chair", "presid", "ประธาน"),
    # a place that applies is an area: "does a place have to be a city?" / "the area does not have to be a city"
    ("=place", "=places", "area", "พื้นที่"),
    # being in a group: "ภูเก็ตเข้าเครือข่าย...ไหม" / "เป็น 1 ในเมืองแรกของไทยในเครือข่าย", "joined" / "among the members"
    ("เข้า", "join", "member", "สมาชิก", "หนึ่งใน", "1 ใน", "among"),  # "province-wide" / "the whole of the province"
    ("ไวไฟ", "wi-fi", "wifi"),
    ("รถเมล์", "รถบัส", "bus"),
    ("เอ็กซ์โป", "expo"),
    ("แบบ", "ประเภท", "ระดับ", "-based", "type", "categor", "class"),
    ("สูงสุด", "highest", "best", "อันดับ 1 ", "ที่ 1 ", "1st", "first place", "ranked first"),
    # losing what was given: "can the logo be taken away" / "can lose the certificate", "ถูกเพิกถอน"
    ("revok", "withdraw", "taken", "away", "lose", "lost", "strip", "เพิกถอน", "ถอน", "ยึดคืน", "ยกเลิก"),
    # helping and focusing said in other words: "เน้นช่วยวิสาหกิจชุมชน" / "มุ่ง... สนับสนุนวิสาหกิจชุมชน"
    ("ช่วย", "สนับสนุน", "หนุน", "support", "help", "assist"),
    ("เน้น", "มุ่ง", "focus", "emphas"),
    # the people a design puts first: "citizen-centred" / "people-centred", "ยึดประชาชนเป็นศูนย์กลาง"
    ("citizen", "people", "resident", "ประชาชน", "พลเมือง"),
    # an order told: "เป็นเขตส่งเสริมมาก่อนใช่มั้ย" / "ได้รับประกาศนียบัตรเขตส่งเสริม... แล้วจึงได้รับ..."
    ("ก่อน", "แล้วจึง", "ต่อมา", "before", "earlier", "prior", "later on"),
    # who may apply: "can a company apply?" / "... or a private developer", "มหาลัยยื่นได้ไหม" / "มหาวิทยาลัย"
    ("company", "companies", "firm", "บริษัท", "เอกชน", "private"),
    ("มหาลัย", "มหาวิทยาลัย", "university"),
    ("ยื่น", "สมัคร", "applicant", "=ขอ"),  # ("มหาลัยขอเป็นได้ไหม": ขอ alone, asking to be one, is applying)
    # leading a ranking's dimension: "เด่นด้านพลังงาน" / "เป็นผู้นำด้านพลังงาน", "did it lead" / "led"
    ("เด่น", "ผู้นำ", "นำด้าน", "lead", "led ", "leader", "top "),
    # opening said otherwise: "launched in 2020?" / "was opened on 23 April 2017"; a launch is a start too
    # ("launched in 2010?" / "started a project in 2003"; "~": said in the answer, but not the same for a word asked)
    ("launch", "~open", "~เปิด", "~inaugurat", "~start", "~began", "~เริ่ม"),
    ("open", "เปิด", "inaugurat", "launch"),
    # one thing used for another: "does it replace coal with renewables?" / "renewable energy in place of coal"
    ("replac", "in place of", "instead", "แทน"),
    # founding a company is registering it: "ตั้งปี 2560 ใช่มั้ย" / "จดทะเบียนเมื่อ 9 มกราคม 2558"
    ("=ตั้ง", "ก่อตั้ง", "found", "establish", "~ตั้ง", "~จดทะเบียน", "~register", "~incorporat"),
]


def _same_meaning(word: str, answer: str) -> bool:
    """Whether ``answer`` (casefolded) says ``word`` in other words of :data:`_SAME_MEANING`."""
    said = _said_as(word)
    return said is not None and any(g in answer for g in said)


@lru_cache(maxsize=4096)
def _said_as(word: str) -> tuple[str, ...] | None:
    """What an answer may write for ``word``: the words of its :data:`_SAME_MEANING` group (the first it is in),
    or None for a word in none; kept by word, since a question's words are looked for in many answers."""
    for group in _SAME_MEANING:
        if any(word == g[1:] if g.startswith("=") else word.startswith(g.strip()) if g.isascii() else g in word
               for g in group if not g.startswith("~")):
            return tuple(g.lstrip("~") for g in group if not g.startswith("="))
    return None


# Thai heads of compounds that name a kind of thing; which one is in the rest: "กระทรวง|มหาดไทย".
_GENERAL_HEADS = frozenset("กระทรวง บริษัท จังหวัด เมือง สำนักงาน มหาวิทยาลัย หน่วยงาน โครงการ องค์การ องค์กร สถาบัน "
                           "คณะ กรม การไฟฟ้า ศูนย์ ถนน สถานี".split())


_LAST_THAI = re.compile(r"[\u0e00-\u0e7f](?!.*[\u0e00-\u0e7f])", re.S)


# A denial of what was just said: "expected to open in 2022, but that did not happen", "แต่ไม่เป็นไปตามนั้น".
_BUT_NOT = re.compile(r"แต่\s*(ไม่|ยังไม่)(?!มีแหล่ง|พบแหล่ง)|ไม่เป็นไปตาม|\bbut\b[^.;]{0,25}(\bnot\b|\bnever\b|n't\b)|"
                      r"\b(did not|didn't|has not|hasn't|never) happen", re.I)


def _denies(tokens: list[str], answer: str, known: frozenset[str] | None = None, also: tuple[str, ...] = ()) -> bool:
    """Whether a denial in ``answer`` (Thai then English) comes before what the question asks about is all said:
    "ไม่จำเป็นต้องเป็นเมือง" denies "ต้องเป็นเมืองไหม", but "เปิดรับผู้ที่ฉีดวัคซีนครบ ... ไม่มีแหล่งใดเชื่อมโยง..."
    denies something else, after it has said what is asked. Each language of the answer is read apart."""
    if _BUT_NOT.search(answer):
        return True
    words = [*_content(tokens, known), *(w.casefold() for w in also)]  # (``also``: the date asked, as stated)
    last = _LAST_THAI.search(answer)
    parts = [answer[:last.end()], answer[last.end():]] if last else [answer]
    read = False
    for part in parts:
        low = part.casefold()
        found = [low.find(w) for w in words if w in low]
        if len(found) < 2:  # (one word said is too little to tell what the denial is about)
            continue
        read = True
        end = max(found)
        if any(m.start() < end for rx in (_NEGATION_TH, _NEGATION_EN) for m in rx.finditer(low)):
            return True
    return not read  # (nothing asked is found word for word: the denial stands)


# A bound the question sets on a figure: "more than 50", "เกิน 100 เมือง", "at least 10", "fewer than 20".
_BOUND = re.compile(r"(?:\b(more than|over|above|greater than|in excess of|exceed(?:s|ed|ing)?|at least|"
                    r"less than|fewer than|under|below|at most)|(มากกว่า|เกิน(?:กว่า)?|กว่า|อย่างน้อย|น้อยกว่า|"
                    r"ต่ำกว่า|ไม่ถึง|ไม่เกิน))\s*(?:ปีละ|เดือนละ|วันละ)?\s*(\d+(?:[.,]\d+)?)(?![\d])", re.I)
_BOUND_LOW = {"more than", "over", "above", "greater than", "in excess of", "exceed", "exceeds", "exceeded",
              "exceeding", "มากกว่า", "เกิน", "เกินกว่า", "กว่า"}
_BOUND_LOW_EQ = {"at least", "อย่างน้อย"}
_BOUND_HIGH = {"less than", "fewer than", "under", "below", "ไม่ถึง", "น้อยกว่า", "ต่ำกว่า"}
# Days of a month ("6 May", "24 ธ.ค."): not a figure to compare with a bound.
_DAY_NUMBER = re.compile(r"(?<![\d.,])\d{1,2}(?=\s*(?:" + "|".join(
    sorted(map(re.escape, _MONTH), key=len, reverse=True)) + r"))", re.I)


def _bound_kind(word: str) -> str:
    """Which side a bound word sets: "low" ("more than", "เกิน"), "low_eq", "high" ("less than") or "high_eq"."""
    word = word.casefold()
    if word in _BOUND_LOW or word.startswith("exceed"):
        return "low"
    if word in _BOUND_LOW_EQ:
        return "low_eq"
    return "high" if word in _BOUND_HIGH else "high_eq"


def _within_bound(question: str, answer: str) -> Verdict | None:
    """For "did more than 50 people die?" against "47 ... died": whether the fact's one figure (of the unit the
    question counts, when it names one) is within the bound the question sets; None when there is no bound,
    or not exactly one figure to compare with."""
    m = _BOUND.search(question)
    if m is None:
        return _above_the_figure_claimed(question, answer)
    word = (m.group(1) or m.group(2)).casefold()
    bound = float(m.group(3).replace(",", ""))
    if _YEAR.match(m.group(3)):
        return None  # ("after 2020" dates, it does not count)
    if any(_bound_kind(b.group(1) or b.group(2)) == _bound_kind(word) and float(b.group(3).replace(",", "")) == bound
           for b in _BOUND.finditer(answer)):
        return "yes"  # "over 10000 trees?" / "more than 10,000 big trees": the fact sets the same bound
    units = {u for n, u in counted(question[m.start():]) if n == m.group(3).replace(",", "")}
    if units:
        values = {n for n, u in counted(answer) if u in units}
    else:
        values = numbers(_DAY_NUMBER.sub(" ", answer))
    if len(values) != 1:
        return None
    try:
        value = float(next(iter(values)))
    except ValueError:
        return None
    if word in _BOUND_LOW or word.startswith("exceed"):
        held = value > bound
    elif word in _BOUND_LOW_EQ:
        held = value >= bound
    elif word in _BOUND_HIGH:
        held = value < bound
    else:  # "at most", "ไม่เกิน"
        held = value <= bound
    return "yes" if held else "no"


_FIGURE_AND_NOUN = re.compile(r"(?<![\d.,/])(\d+(?:[.,]\d+)?)\s*([a-z]{3,}|[\u0e01-\u0e4e]{2,})", re.I)


def _above_the_figure_claimed(question: str, answer: str) -> Verdict | None:
    """"มีต้นไม้ 1000 ต้นเหรอ" / "มากกว่า 10,000 ต้น": a figure claimed as it is, which the fact puts above a
    bound as high or higher for the same thing counted, is a no; None otherwise."""
    claimed = {(float(n.replace(",", "")), w.casefold()[:3]) for n, w in _FIGURE_AND_NOUN.findall(question)
               if not _YEAR.match(n)}
    for b in _BOUND.finditer(answer):
        if _bound_kind(b.group(1) or b.group(2)) != "low":
            continue
        after = _FIGURE_AND_NOUN.match(answer, b.start(3))
        if after is None:
            continue
        bound, noun = float(after.group(1).replace(",", "")), after.group(2).casefold()[:3]
        if any(w == noun and n < bound for n, w in claimed):
            return "no"
    return None


# A public body the question says runs or holds something: "run by the Bangkok city government",
# "under the Rayong provincial government", "หน่วยงานใต้กระทรวงมหาดไทย", "สังกัดกรุงเทพมหานคร".
_BODY_Q = re.compile(r"\b(?:run|owned|managed|operated|overseen|governed|controlled|held)\s+by\s+(?:the\s+)?"
                     r"((?:[a-z]+\s+){0,3}?(?:government|administration|municipality|ministry(?:\s+of\s+[a-z]+)?))\b|"
                     r"\b(?:under|part of)\s+(?:the\s+)?((?:[a-z]+\s+){0,3}?(?:government|administration|"
                     r"municipality|ministry(?:\s+of\s+[a-z]+)?))\b|"
                     r"(?:ใต้|ภายใต้|สังกัด|ของ|ดูแลโดย|บริหารโดย)\s*(กระทรวง[^\s]+?|กรุงเทพมหานคร|กทม|เทศบาล|"
                     r"ศาลากลาง|รัฐบาล)(?=ใช่|ไหม|มั้ย|ป่ะ|หรือ|รึ|\s|$)", re.I)
# What says that a public body runs it: a city's or province's own administration, by any of its names.
_LOCAL_BODY = re.compile(r"government|administration|municipal|province|provincial|city hall|เทศบาล|จังหวัด|"
                         r"กรุงเทพมหานคร|กทม|อบจ|ศาลากลาง|รัฐบาล|ภาครัฐ", re.I)
# What says who runs something: a fact of that kind names the one body that does.
_RUNS = re.compile(r"\brun by\b|\bparent\b|\bdeveloper\b|\bmanag|\boperat|\bunder the\b|\bagency\b|ผู้พัฒนาเมือง|"
                   r"ภายใต้|ดูแล|บริหาร|หน่วยงาน", re.I)
_MINISTRIES = ("มหาดไทย", "การคลัง", "พาณิชย์", "อุตสาหกรรม", "คมนาคม", "ศึกษาธิการ", "สาธารณสุข", "พลังงาน", "กลาโหม",
               "ต่างประเทศ", "เกษตร", "การท่องเที่ยว", "แรงงาน", "ยุติธรรม", "วัฒนธรรม", "การอุดมศึกษา", "ทรัพยากรธรรมชาติ",
               "interior", "finance", "commerce", "industry", "transport", "education", "public health", "energy",
               "defence", "defense", "foreign affairs", "agriculture", "tourism", "labour", "labor", "justice",
               "culture", "natural resources")
_BODY_GENERIC = frozenset("city provincial province local metropolitan municipal state national thai thailand "
                          "government administration municipality ministry of the".split())


def _another_body(question: str, answer: str) -> bool:
    """Whether the question asks if a public body runs or holds something ("is Samyan run by the Bangkok city
    government?", "ดีป้าอยู่ใต้กระทรวงมหาดไทยใช่มั้ย") and the fact, which says who does, names another: neither
    that body's own words ("Bangkok", "มหาดไทย") with a body of government, nor any local administration for a
    generic one."""
    m = _BODY_Q.search(question)
    if m is None or not _RUNS.search(answer):
        return False
    body = (m.group(1) or m.group(2) or m.group(3)).casefold()
    low = answer.casefold()
    if body.startswith("กระทรวง") or "ministry" in body:
        # Another ministry by its own name ("มหาดไทย", "interior"), when the fact names a ministry; an
        # abbreviation ("กระทรวงดีอี", "the DE ministry") may well be the one the fact names.
        own = next((m for m in _MINISTRIES if m in body), None)
        return own is not None and ("กระทรวง" in low or "ministry" in low) and own not in low
    if not _LOCAL_BODY.search(low):
        return True  # (a university office, a company: not a government at all)
    own_words = [w for w in body.split() if w not in _BODY_GENERIC]
    return bool(own_words) and not all(w in low for w in own_words) and "government" not in low


# A university named by its own name ("a Thammasat University project?", "มหาวิทยาลัยธรรมศาสตร์"): the name.
_UNIVERSITY_NAMED = re.compile(r"\b([a-z][a-z-]{3,})\s+university\b|\buniversity of ([a-z][a-z-]{3,})", re.I)
_NOT_A_UNIVERSITY_NAME = frozenset("which what whose another other same this that state public private thai "
                                   "open national".split())


def _another_university(question: str, answer: str) -> bool:
    """Whether ``question`` ties something to a university by name ("is Samyan a Thammasat University thing?")
    and ``answer`` names another university and never the one asked ("Chulalongkorn University owns the land")."""
    def names(text: str) -> set[str]:
        """The names of the universities ``text`` names (of a Thai name, which runs on into the words
        around it unspaced, its four letters next to มหาวิทยาลัย)."""
        out = {(m.group(1) or m.group(2)).casefold() for m in _UNIVERSITY_NAMED.finditer(text)}
        for m in re.finditer("มหาวิทยาลัย", text):
            after = re.match(r"[\u0e01-\u0e4e]{4}", text[m.end():])
            before = re.search(r"[\u0e01-\u0e4e]{4}$", text[:m.start()])
            if after and not _ASKING_TH.match(text[m.end():]):
                out.add(after.group(0))
            elif before:
                out.add(before.group(0))
        return out - _NOT_A_UNIVERSITY_NAME

    asked = names(question)
    low = answer.casefold()
    return bool(asked and names(answer)) and not any(n in low for n in asked)


# Who runs something, claimed by name ("run by Thammasat University?", "managed by KKTT?") and said ("run by the
# Property Management Office of Chulalongkorn University"): a fact that says who, and never names the one claimed.
_RUNNER_Q = re.compile(r"\b(?:run|managed|operated|owned|developed|led)\s+by\s+(?:the\s+)?(.+?)\s*(?=[?,.]|$|\s+(?:right|too|"
                       r"now|then|alone|and|or|in|for|since)\b)", re.I)
_RUNNER_SAID = re.compile(r"\b(?:run|managed|operated|owned|developed|led)\s+by\b|\bcity developer\b|\bdeveloper of\b|"
                          r"\b(?:runs|manages|operates|owns|develops)\b", re.I)
# Words of a name that say what kind of body it is, not which one.
_KIND_WORDS = frozenset("university universities company companies office offices private public state government "
                        "city municipality municipal province provincial agency authority group firm firms local "
                        "developer developers enterprise organisation organization council committee ministry of a an "
                        "the its their one some".split())


def _another_runner(question: str, answer: str) -> bool | None:
    """Whether the question claims someone runs something by a name ("Thammasat University") and the fact, which
    says who does, names none of that name's own words: True; None when the fact names none of them and does not
    say who runs it (it cannot confirm the claim); False otherwise."""
    m = _RUNNER_Q.search(question)
    if m is None:
        return False
    own = [w for w in re.findall(r"[a-z]+", m.group(1).casefold()) if w not in _KIND_WORDS and len(w) >= 3]
    low = answer.casefold()
    if not own or any(w in low for w in own):
        return False
    return True if _RUNNER_SAID.search(answer) else None


# "before 2021", "ก่อนปี 2564", "after 2020": a year the claim is compared with, not the year it claims.
_YEAR_BOUND = re.compile(r"(?:\b(before|prior to|earlier than|after|later than)|(ก่อน|หลัง(?!จาก)|หลังจาก))\s*"
                         r"(?:(?:ปี|the year)\s*)?(?:พ\.ศ\.\s*|ค\.ศ\.\s*)?((?:19|20|25)\d\d|(?<=ปี)\d\d|(?<=ปี )\d\d)(?!\d)", re.I)
_BEFORE_WORDS = {"before", "prior to", "earlier than", "ก่อน"}


def _bounded_years(question: str, answer: str, fact_years: frozenset[int]) -> Verdict | bool:
    """For "was it certified before 2021?": "yes" when a year of the fact is on the asked side of the bound,
    False (no verdict from the year) when none is, True when the question sets no year bound."""
    m = _YEAR_BOUND.search(question)
    if m is None:
        return True
    bound = ((m.group(1) or m.group(2)).casefold(), m.group(3))
    if any(((s.group(1) or s.group(2)).casefold(), s.group(3)) == bound for s in _YEAR_BOUND.finditer(answer)):
        return True  # the fact says the very bound ("long before 2021"): its words decide
    word = (m.group(1) or m.group(2)).casefold()
    year = _ce(m.group(3))
    before = word in _BEFORE_WORDS
    if fact_years and any(y < year if before else y > year for y in fact_years):
        return "yes"
    return False


# Who stood in for whom: "Prawit stood in for him at the 24 December 2021 ceremony", "เป็นประธานแทนนายกฯ ประยุทธ์":
# the one stood in for did not do what the sentence tells.
_INSTEAD = re.compile(r"แทน(?!ที่จะ)|\bstood in for\b|\bstanding in for\b|\bstands in for\b|\bon behalf of\b|"
                      r"\binstead of\b|\bin place of\b|\bdeputi[sz]ed for\b", re.I)
_PRONOUN_AFTER = re.compile(r"\s*(him|her|them)\b", re.I)


def stood_in_for(names: list[str], answer: str, question: str) -> bool:
    """Whether ``answer`` says someone stood in for the person of ``names`` (casefolded names of a person the
    question names), in the part of it about the day the question asks of (when it asks of one): then that
    person did not do it ("was Prayut the chair of the 24 Dec 2021 ceremony?" / "Prawit stood in for him at
    the 24 December 2021 ceremony")."""
    low = answer.casefold()
    asked_days = _days(question)
    for part in re.split(r"(?<=[;.])\s+|\n", low):
        if asked_days and _days(part) and not asked_days & _days(part):
            continue  # (a clause about another day: the person may well have done it that day)
        for m in _INSTEAD.finditer(part):
            after = part[m.end():m.end() + 40]
            if any(n in after for n in names):
                return True
            # ("stood in for him": him is the person asked about only in a clause of the very day asked of)
            if asked_days and _days(part) and _PRONOUN_AFTER.match(after) and any(n in low for n in names):
                return True
    return False


# "chaired by the prime minister", "presided over by the DE minister": the role or person the question says
# chaired it, which a fact telling who chaired it must name in those words.
_CHAIRED_BY = re.compile(r"\b(?:chaired|presided over|headed|led)\s+by\s+(?:the\s+)?((?:[a-z][a-z.'-]*\s*){1,4}?)"
                         r"(?=\?|$|,|\s+(?:at|in|on|of|for|and|or|right|too|back|then|that|when)\b)", re.I)
_CHAIR_SAID = re.compile(r"\bchair|\bpresid|ประธาน", re.I)


_PM = re.compile(r"\bprime minister\b", re.I)


def _another_chair(question: str, answer: str) -> bool:
    """Whether the question claims who chaired something ("was the meeting chaired by the prime minister")
    and the fact, which tells who chaired it, does not name that one in the question's words."""
    m = _CHAIRED_BY.search(question)
    if m is None or not _CHAIR_SAID.search(answer):
        return False
    # ("a Deputy Prime Minister" is said by "a Deputy PM": the article dropped, the title in its short form)
    who = _PM.sub("pm", re.sub(r"^(?:a|an)\s+", "", m.group(1).strip().casefold()))
    # (the name ends before the words the pattern stops at, which its lazy repeat may have run past: "chaired by
    # prawit on behalf of pm prayut" claims Prawit)
    who = re.split(r"\s+(?:at|in|on|of|for|and|or|right|too|back|then|that|when)\b", who)[0].strip()
    # (not "the pm" in "a deputy pm")
    return bool(who) and re.search(r"(?<!deputy )(?<![a-z])" + re.escape(who) + r"(?![a-z])", _PM.sub("pm", answer.casefold())) is None


def _claim_unsaid(question: str, answer: str) -> bool:
    """Whether the question claims a venue, or one of :data:`~knowledge.answerable.ALTERNATIVES`' alternatives, that the fact says
    nothing of (it names no venue, no alternative of that kind)."""
    place = _venue_asked(question)
    if place is not None and not _VENUE_SAID.search(answer) and not _place_said(place, answer, at=True):
        return True  # (naming the place is not saying it was held there: "held in Phuket?" / "Phuket was approved")
    return any(alternatives_in(kind, question) and not alternatives_in(kind, answer) for kind in ALTERNATIVES)


def another_alternative(question: str, answer: str) -> bool:
    """Whether the question claims one of :data:`~knowledge.answerable.ALTERNATIVES`' alternatives and the fact states another of
    the same kind, and not the one claimed."""
    for kind in ALTERNATIVES:
        claimed, stated = alternatives_in(kind, question), alternatives_in(kind, answer)
        if claimed and stated and not claimed & stated:
            return True
    return False


# "the whole island or just the town?": a choice between two, which neither yes nor no answers.
_EITHER_OR = re.compile(r"\bor\b(?!\s+(?:not|no)\b)(?![^?]*\b(?:right|correct)\b)", re.I)


def _alternative_stated(question: str, answer: str) -> bool:
    """Whether the question claims an area's scope (:data:`~knowledge.answerable.ALTERNATIVES`) and
    the fact states that one and no other ("province-wide?" / "covers the whole of the province")."""
    claimed, stated = alternatives_in("scope", question), alternatives_in("scope", answer)
    return bool(claimed) and stated == claimed


# "เป็น 1 ใน 7 พื้นที่", "1 in 5": the one that is among a group.
_ONE_IN = re.compile(r"(?<![\d.,])1\s*(?:ใน|in)\s*\d", re.I)
# "among the 15 areas", "one of the 5 pilots", "เป็น 1 ใน 15 พื้นที่": a count that names a group, not a claim.
_IN_GROUP = re.compile(r"\bamong\b|\bone of\b|\bpart of\b|\bin the (?:\w+ )?\d{1,3}\s+[a-z]+s\b|หนึ่งใน|\d\s*ใน|อยู่ใน", re.I)


# Where something was held, claimed ("จัดที่ทำเนียบรัฐบาลใช่ไหม", "was it held in Khon Kaen?") and said ("จัดที่อาคาร
# ดีป้า", "held at the depa building").
_VENUE_Q = re.compile(r"(?:จัด(?:ขึ้น)?(?:ที่|ณ)|ประชุม(?:กัน)?ที่|\b(?:held|hosted|took place|take place|happen(?:ed)?|"
                      # ("was the logo ceremony at the depa building?": the event, then where)
                      r"(?:ceremony|meeting)(?:\s+(?:held|hosted))?)\s+(?:at|in)\s+(?:the\s+)?)\s*(.+?)(?=\s*(?:ใช่|ไหม|มั้ย|ป่ะ|ปะ|หรือ|รึ|เหรอ|หรอ|เลย|ด้วย|นะ|ครับ|ค่ะ|\?|$)|"
                      r"\s+(?:right|too|then|on|in\s+\d|back)\b)", re.I)
_VENUE_SAID = re.compile(r"จัด(?:ขึ้น)?(?:ที่|ณ)|\bheld\s+(?:at|in)\b|\bhosted\s+(?:at|in)\b|\btook place\s+(?:at|in)\b|"
                         # ("handed over at a ceremony in the ... building, Government House", "handed ... at Government House")
                         r"\b(?:at|in) a ceremony (?:at|in)\b|\bceremony (?:at|in)\b|\bhanded (?:to|over)\b[^.;]{0,60}\bat\b", re.I)


def venue_claimed(question: str, answer: str) -> Verdict | None:
    """Whether the place the question claims something was held at is where the fact says it was held:
    "no" when the fact says where and never names the place claimed ("ที่ทำเนียบรัฐบาล?" / "จัดที่อาคารดีป้า
    ลาดพร้าว"), "yes" when it names it; None when the question claims no place or the fact says no venue."""
    place = _venue_asked(question)
    said = _VENUE_SAID.search(answer)
    if place is None or said is None:
        return None
    if _MEETING_Q.search(question) and not _HELD_SAID.search(answer):
        return None  # ("was the meeting held at Government House?" / where a ceremony handed logos over)
    return "yes" if _place_said(place, answer) else "no"


# A promotion zone's certificate is a first step, not the logo of a certified smart city: a count of promotion
# areas counts no certified cities, and a promotion zone is not a certified city.
_PROMOTION = re.compile(r"เขตส่งเสริม|ประกาศนียบัตร|\bpromotion[- ](?:areas?|zones?|certificates?)\b", re.I)
_LOGO_CLAIMED = re.compile(r"ได้ตรา|ได้รับตรา|ได้โลโก้|มีตรา|ตราสัญลักษณ์|\blogo|\bcertified\b|ได้รับการรับรอง", re.I)
# ("held both?", "before the logo?", "got a certificate, then the logo?": an order or a pair, not the one for the other)
_BOTH_OR_ORDER = re.compile(r"ทั้งสอง|ทั้งคู่|ก่อน|หลัง|แล้วค่อย|ต่อมา|\bboth\b|\bbefore\b|\bafter\b|\bthen\b|\blater\b|"
                            r"\bhold\b|\bholds\b|\bheld\b|\bgot\b|\bget\b|\breceived?\b", re.I)


def _promotion_for_logo(question: str, answer: str) -> Verdict | None:
    """"no" when the question takes promotion zones for certified smart cities: it claims a promotion zone is
    certified or holds the logo ("เขตส่งเสริมคือได้ตราแล้วใช่มั้ย"), or claims a count of certified cities that the
    fact gives only as promotion areas ("50 certified cities in Nov 2021?" / "50 smart city promotion areas were
    announced"); None otherwise."""
    if not _LOGO_CLAIMED.search(question) or _BOTH_OR_ORDER.search(question) or _EITHER_OR.search(question) \
            or re.search(r"หรือ(?!ไม่|เปล่า|ป่าว)", question):
        return None  # (nor "a certified city or a promotion zone?", which asks which of the two)
    if _PROMOTION.search(question):
        # (a promotion zone claimed certified: the fact must tell them apart, or be about promotion zones only)
        return "no" if _PROMOTION.search(answer) and (_DIFFERENT.search(answer) or not _LOGO_CLAIMED.search(
            _PROMOTION.sub(" ", answer))) else None
    for n in numbers(_DAY_NUMBER.sub(" ", question)):
        promo = [m for m in re.finditer(rf"(?<![\d.,]){re.escape(n)}(?![\d.,])", answer)
                 if _PROMOTION.search(answer[m.end():m.end() + 40])]
        logo = [m for m in re.finditer(rf"(?<![\d.,]){re.escape(n)}(?![\d.,])", answer)
                if _LOGO_CLAIMED.search(answer[m.end():m.end() + 40]) and not _PROMOTION.search(answer[m.end():m.end() + 40])]
        if promo and not logo:
            return "no"
    return None


# What follows "instead of", "rather than", "แทนที่จะเป็น", "ไม่ใช่": the figure the claim sets itself against.
_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than|not)\s+\d+(?:[.,]\d+)?|(?:แทนที่จะเป็น|แทน|ไม่ใช่)\s*\d+(?:[.,]\d+)?",
                         re.I)


# A partner claimed: "ร่วมกับ กฟภ. ใช่มั้ย", "together with EGAT?"
_PARTNER_Q = re.compile(r"ร่วมกับ\s*([^\s]+?)\s*(?=ใช่|ไหม|มั้ย|ป่ะ|ปะ|หรือ|รึ|เหรอ|หรอ|ด้วย|\?|$)|"
                        r"\b(?:together|jointly|in partnership)\s+with\s+(?:the\s+)?([a-z][\w.-]+)\s*\??$", re.I)


# Free of charge, claimed ("is the bus free?", "ขึ้นฟรีไหม"), against a price said ("a flat fare of 15 baht", "ค่าโดยสาร 15
# บาท"); free Wi-Fi is another thing free.
_FREE_Q = re.compile(r"\bfree\b|ฟรี", re.I)
_FREE_THING = re.compile(r"\bfree\s+(?:public\s+)?(?:wi-?fi|internet|parking)\b|(?:wi-?fi|ไวไฟ|อินเทอร์เน็ต|อินเตอร์เน็ต)\s*ฟรี|"
                         r"ฟรี\s*(?:wi-?fi|ไวไฟ)", re.I)
_FARE_SAID = re.compile(r"\b(?:fare|fee|ticket|price|charge[sd]?)\b[^.;]{0,30}\d+\s*baht|ค่า(?:โดยสาร|ตั๋ว|บริการ|เข้า)\s*\d+\s*บาท",
                        re.I)


# Being among a group, asked ("is X among the first cities?", "one of the members?"), and a list named in full
# ("were A, B and C", "คือ ก ข และ ค"; not one of examples: "among them", "such as").
_AMONG_Q = re.compile(r"^(?:is|was|are|were)\s+([^?]*?)\s+(?:among|one of)\b", re.I)
_NAMES_LISTED = re.compile(r"\b(?:were|are)\s+[A-Z][^.;:]*,[^.;:]*\band\s+[A-Z]")


def _left_out_of_the_list(question: str, asked: list[str], answer: str) -> bool:
    """Whether an English question asks if a name is among a group and the fact lists the group by name, in full,
    without that name (the name: the question's words that ``asked`` lacks)."""
    m = _AMONG_Q.search(question)
    if m is None or _PARTIAL.search(answer) or not _NAMES_LISTED.search(answer):
        return False
    kept = {t.strip().casefold() for t in asked}
    # (the one asked about: what stands between "is" and "among", its words the names removed from ``asked``)
    names = [t for t in re.findall(r"[a-z]{3,}", m.group(1).casefold()) if t not in kept and not _asking_en(t)
             and t not in ("smart", "city", "cities")]
    low = answer.casefold()
    return bool(names) and not any(n in low for n in names)


# The whole of a list, asked ("is the full list available?", "มีรายชื่อครบทั้งหมดไหม"), against a fact that knows only
# some of its names ("15 areas, 7 of them known", "ที่ทราบชื่อ 7 แห่ง").
_FULL_LIST_Q = re.compile(r"\b(?:full|complete|whole|entire)\s+(?:\w+\s+){0,2}(?:list|names)\b|\ball (?:the )?names\b|"
                          r"รายชื่อ\S{0,12}(?:ทั้งหมด|ครบ)|ครบทุก(?:ชื่อ|พื้นที่|เมือง)", re.I)
_PARTLY_KNOWN = re.compile(r"\b\d+ (?:of them |of these )?(?:are |were )?known\b|ที่ทราบชื่อ\s*\d+|ทราบชื่อเพียง|"
                           r"\bpartial\b|\bnot (?:all|complete)\b|ไม่ครบ", re.I)


_MEETING_Q = re.compile(r"\bmeeting\b|ประชุม", re.I)
_HELD_SAID = re.compile(r"จัด(?:ขึ้น)?(?:ที่|ณ)|\bheld\s+(?:at|in)\b|\bhosted\s+(?:at|in)\b|\btook place\s+(?:at|in)\b", re.I)


def venue_asked(question: str) -> str | None:
    """The place the question claims something was held at, casefolded, or None (see :func:`_venue_asked`)."""
    return _venue_asked(question)


def _venue_asked(question: str) -> str | None:
    """The place the question claims something was held at ("ทำเนียบรัฐบาล", "khon kaen"), casefolded; None
    when it claims none (a time is no place: "did it happen in July 2018?")."""
    m = _VENUE_Q.search(question)
    if m is None:
        return None
    place = m.group(1).strip().casefold()
    if len(place) < 3 or place[0].isdigit() or _DAY.match(place) or place.split()[0].strip(".") in _MONTH:
        return None
    return place


_AT = r"(?:(?:ที่|ณ)\s*|\b(?:at|in)\b[^.;\n]{0,40}?)"  # "in the ... building, Government House", "ที่ทำเนียบรัฐบาล"


def _place_said(place: str, answer: str, at: bool = False) -> bool:
    """Whether ``answer`` names ``place``: whole, or a word of it ("the depa building" / "อาคารดีป้า"); ``at``: as
    where something is, after "at", "in", "ที่" ("a ceremony in the ... building, Government House"; not "the
    logos of Phuket")."""
    low = answer.casefold()
    words = [place] + [w for w in re.split(r"[\s,]+", place) if len(w) >= 4 and w not in ("the", "building")]
    if at:
        return any(re.search(_AT + re.escape(w), low) for w in words)
    return place.replace(" ", "") in low.replace(" ", "") or any(w in low for w in words[1:])


_CLAUSE_END = re.compile(r";|\||\n|(?<=[a-z\u0e00-\u0e7f)])\.\s+|\s+ส่วน|\s+while\b|\s+whereas\b", re.I)
_NAME_TOKEN = re.compile(r"[a-z][a-z0-9]{2,}", re.I)


def _clauses_naming(question: str, asked: list[str], answer: str) -> str:
    """The clauses of ``answer`` that name a Latin name the question names (a word of it that ``asked``, the
    question without its names, lacks) and not every clause does ("is KKTS private?" / "KKTT is a private
    company...; KKTS is owned by 5 municipalities": the second); the whole answer when no clause, or every one,
    names one."""
    kept = {t.strip().casefold() for t in asked}
    names = {t.casefold() for t in _NAME_TOKEN.findall(question) if t.casefold() not in kept}
    clauses = [c for c in _CLAUSE_END.split(answer) if c and c.strip()]
    naming = [c for c in clauses if any(re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", c.casefold()) for n in names)]
    return " ; ".join(naming) if naming and len(naming) < len(clauses) else answer


_IF_TH = frozenset(("ถ้า", "หาก", "ถ้าหาก", "กรณี"))
_THEN_TH = frozenset(("จะ", "ก็", "ถึงจะ"))


def _without_condition(asked: list[str]) -> tuple[list[str], str]:
    """A Thai question's words without the condition it opens with ("ถ้า ไม่ ผ่าน เกณฑ์ | จะ โดน ถอน ไหม"), and that
    condition as it is written; the words as they are, and "", when it opens with none, or nothing follows it."""
    words = [t.strip() for t in asked]
    start = next((i for i, t in enumerate(words) if t in _IF_TH), None)
    if start is None:
        return asked, ""
    end = next((i for i in range(start + 1, len(words)) if words[i] in _THEN_TH), None)
    if end is None or not _content(asked[end:]):
        return asked, ""
    return [*asked[:start], *asked[end:]], "".join(words[start:end])


def verdict(question: str, asked: list[str], answer: str, names_agree: bool = False,
            years: frozenset[int] = frozenset(), fact_years: frozenset[int] = frozenset(),
            close: bool = True, known: frozenset[str] | None = None) -> Verdict | None:
    """``"yes"`` or ``"no"`` when ``answer`` settles the yes/no ``question`` (see :func:`_verdict`); a fact
    dated in other months than the one the question names confirms nothing ("released in September 2025?" /
    "on 19 June 2024"), though it may still deny (another count)."""
    said = _verdict(question, asked, answer, names_agree, years, fact_years, close, known)
    if said == "yes":
        asked_months, stated_months = _months(question), _months(answer)
        if asked_months and stated_months and not asked_months & stated_months:
            # (the year asked, and the one month the fact tells of that year, another: "approved in June
            # 2021?" / "on 6 May 2021" says no)
            return "no" if years and years & fact_years and len(stated_months) == 1 and len(fact_years) == 1 else None
    return said


def _verdict(question: str, asked: list[str], answer: str, names_agree: bool = False,
             years: frozenset[int] = frozenset(), fact_years: frozenset[int] = frozenset(),
             close: bool = True, known: frozenset[str] | None = None) -> Verdict | None:
    """``"yes"`` or ``"no"`` when ``answer`` (a fact's answer sentence) settles the yes/no ``question``
    (normalised; ``asked`` the word tokens of the same with its names removed), else None. ``names_agree``: the question names
    two or more things and the fact is about all of them ("KVIS อยู่ในวังจันทร์วัลเลย์ป่ะ"). ``years`` (CE) are
    those the question names, ``fact_years`` those of the fact's event ("ได้รับรองปี 2563 ใช่ไหม" / "ปี 2564").
    ``close``: the fact matches the question's words closely (else other numbers or years do not deny);
    ``known``: the words the knowledge uses (words it never uses do not count against coverage)."""
    question, answer = spelled_as_digits(question), spelled_as_digits(answer)
    asked, condition = _without_condition(asked)  # ("ถ้าไม่ผ่านเกณฑ์จะโดนถอนไหม": the claim is being revoked)
    asked = [spelled_as_digits(t) for t in asked]
    if _FOREVER.search(question) and _LASTS.search(answer):
        return "no"  # "ได้ตลอดไปเลยไหม" / "มีอายุ 2 ปี และต่ออายุได้"
    differ = sources_differ_asked(question, answer)
    if differ is not None:
        return differ  # "is the approval date clear?" / "sources differ on the date"
    if _ABOUT_A_CONFLICT.match(answer):
        # a fact about sources that disagree ("7 Smarts, which no other source confirms, while..."): no verdict,
        # unless the count claimed is none of those the sources give ("50 km long?" / "22.8, 23 or 26 km")
        if _none_of_the_counts(question, answer) or _named_side_denies(question, asked, answer, known):
            return "no"
        return _one_side_said(question, answer, years)
    answer = _side_of_dispute(asked, answer, years, known)  # (the side of a dispute in brackets asked about)
    # (not "the whole island or just the town?", which asks which of the two)
    if _WHOLE_Q.search(question) and _PART_SAID.search(answer) and not _WHOLE_SAID.search(answer) \
            and not _EITHER_OR.search(question):
        return "no"  # "is it the whole province?" / "in the Samyan area of Bangkok"
    if _ONLY_Q.search(question) and _WHOLE_SAID.search(answer) and not _WHOLE_Q.search(question) \
            and not _EITHER_OR.search(question) and not re.search(r"หรือ|รึ", question):
        return "no"  # "does it cover only Patong?" / "covers the whole of Phuket province"
    if _ONLY_KIND_Q.search(question) and _ANY_OF_KINDS.search(answer) and not _EITHER_OR.search(question) \
            and (_covered(asked, answer, known) or 0.0) > 0.0:
        return "no"  # "ต้องเป็นเทศบาลเท่านั้นไหม" / "เป็นได้ทั้งเทศบาล จังหวัด รัฐวิสาหกิจ ... หรือเอกชน"
    unmet = _unmet_plan(question, answer, years)
    if unmet is not None:
        return unmet  # "did it open in 2022 as planned?" / "expected to open in 2022, which did not happen"
    end = _END_CLAIMED.search(question)
    if end is not None and span_end_said(answer) not in (None, _ce(next(g for g in end.groups() if g))):
        return "no"  # "does the strategy end in 2040?" / "covers 2018 to 2037"
    span = _span_claimed(question)
    if span is not None:
        spans = {_span_of(m) for m in _SPAN.finditer(answer)}
        if len(spans) == 1 and span not in spans:
            return "no"  # "is the strategy 2017-2036?" / "covers 2018 to 2037"
    if other_year_since(question, answer):
        return "no"  # "managed it since 2017?" / "has managed the site since 2013"
    if years:
        # ("จดทะเบียนปี 2560": ปี introduces the year the years compare, alone or stuck to a word: "ตั้งปี")
        asked = [t.strip()[:-2] if t.strip().endswith("ปี") and len(t.strip()) > 3 else t for t in asked
                 if t.strip() != "ปี"]
    if _another_university(question, answer) and not _EITHER_OR.search(question):
        return "no"  # "a Thammasat University project?" / "Chulalongkorn University owns the land"
    if _another_body(question, answer):
        return "no"  # "run by the Bangkok city government?" / "run by Chulalongkorn University's office"
    runner = _another_runner(question, answer)
    if runner is not False:
        # "run by Thammasat University?" / "run by the Property Management Office of Chulalongkorn"; a fact that
        # names neither who runs it nor the one claimed confirms nothing
        return "no" if runner else None
    if _another_chair(question, answer):
        return "no"  # "chaired by the prime minister?" / "chaired by Chaiwut, Minister of Digital Economy"
    if another_alternative(question, answer) and not _EITHER_OR.search(question):
        return "no"  # "did he chair it?" / "acted as the secretary"; "the southern region?" / "northeastern"
    if _alternative_stated(question, answer) and not _EITHER_OR.search(question) \
            and not (_NEGATION_TH.search(answer) or _NEGATION_EN.search(answer)):
        return "yes"  # "is its plan province-wide?" / "covers the whole of the province"
    bounded_year = _bounded_years(question, answer, fact_years)
    if bounded_year is not True:
        # "certified before 2021?" / "6 May 2021": the year compared with is no year claimed; a fact of an
        # earlier year that says what is asked says yes, any other says nothing either way (it may tell of
        # another step than the one asked about)
        held = bounded_year == "yes" and (_covered(asked, answer, known) or 0.0) >= COVERAGE_CLOSE
        return "yes" if held and not (_NEGATION_TH.search(answer) or _NEGATION_EN.search(answer)) else None
    bounded = _within_bound(question, answer)
    if bounded is not None:
        return bounded  # "more than 50 died?" / "47 died"
    m = _BOUND.search(question)
    if m is not None and not _YEAR.match(m.group(3)):
        return None  # "เกิน 60% มั้ย" / a fact with no such figure: its words cannot say whether it is over
    owned = _clauses_naming(question, asked, answer)  # (of a fact about two companies, the one asked about)
    for asked_q, side, other in ((_PUBLIC_Q, _PUBLIC, _PRIVATE), (_PRIVATE_Q, _PRIVATE, _PUBLIC)):
        if asked_q.search(question) and other.search(owned) and not side.search(owned):
            return "no"  # "KKTT เป็นของรัฐใช่มั้ย" / "บริษัทเอกชน"; "is depa a private company?" / "a government agency"
        if asked_q.search(question) and not (_PRIVATE_SAID if side is _PRIVATE else side).search(owned):
            return None  # (being a company says nothing of who owns it: "is KKTS private?" / "KKTS, a company")
    if _ALONE_Q.search(question) and _WITH_OTHERS.search(answer):
        return "no"  # "was the contest run by depa alone?" / "depa ran it together with EPPO and OTP"
    if _FREE_Q.search(_FREE_THING.sub(" ", question)) and _FARE_SAID.search(answer) \
            and not _FREE_Q.search(_FREE_THING.sub(" ", answer)):
        return "no"  # "is the bus free?" / "charged a flat fare of 15 baht"
    partner = _PARTNER_Q.search(question)
    if partner is not None and _WITH_OTHERS.search(answer):
        named = (partner.group(1) or partner.group(2)).strip(" .").casefold()
        if len(named) >= 2 and named.replace(".", "") not in answer.casefold().replace(".", ""):
            return None  # "done with the PEA?" / "done with the MEA and True": not the partner claimed
    if _left_out_of_the_list(question, asked, answer):
        return "no"  # "is Chiang Mai among the first cities in the network?" / "were Phuket, Si Racha and Phahon Yothin"
    if _FULL_LIST_Q.search(question) and _PARTLY_KNOWN.search(answer):
        return "no"  # "is the full list of the 15 available?" / "15 areas, 7 of them known: ..."
    promotion = _promotion_for_logo(question, answer)
    if promotion is not None:
        return promotion  # "50 certified cities in Nov 2021?" / "50 smart city promotion areas were announced"
    if _SAME.search(question) and _DIFFERENT.search(answer):
        return "no"  # "เขตส่งเสริมกับเมืองที่ได้โลโก้อันเดียวกันไหม" / "a preliminary tier, not the logo"
    asked_days, stated_days = _days(question), _days(answer)
    if asked_days and stated_days and not asked_days & stated_days:
        return None  # another day than the one asked ("24 ธ.ค. 64?" / "6 พฤษภาคม 2564"): not a yes from its year
    venue = venue_claimed(question, answer)
    if venue == "no" or venue == "yes" and not (_NEGATION_TH.search(answer) or _NEGATION_EN.search(answer)):
        return venue  # "จัดที่ทำเนียบรัฐบาลใช่ไหม" / "จัดที่อาคารดีป้า ลาดพร้าว"
    # (the day of a date is no count: "6 pilot cities?" is not said by "the 6 May 2021 meeting")
    # (a figure set against the one claimed is not claimed: "six platforms instead of seven?")
    asked_numbers = numbers(_DAY_NUMBER.sub(" ", _INSTEAD_OF.sub(" ", question)))
    stated = numbers(_DAY_NUMBER.sub(" ", answer))
    # A count of the same unit that the fact states otherwise: "all 7 smarts?" / "3 Smarts" is a no.
    # (a goal's figure counts nothing there is: "แผนปี 2560 ตั้งเป้า 100 เมือง" is no count of the pilot areas)
    asked_counts = counted(question)
    stated_counts = counted(answer if _GOAL.search(question) else _GOAL_FIGURE.sub(" ", answer))
    if not years or years & fact_years:  # (a fact of another year may count otherwise: not a denial)
        for n, unit in asked_counts:
            others = {m for m, u in stated_counts if u == unit or {u, unit} == {"city", "area"}
                      or (close or bool(years & fact_years) or _PARTS_NAMED.search(question))
                      and {u, unit} == {"smart", "part"}}
            if others and n not in others:
                return "no"
            if _ALL.search(question) and others - {n}:
                return "no"  # "do all five have 7 Smarts?" / "Mae Moh's covers 3, the others' 7"
        if _other_count_of_the_same(question, answer if _GOAL.search(question) else _GOAL_FIGURE.sub(" ", answer)):
            return "no"  # "owned by 4 municipalities?" / "owned by 5 municipalities"
    if any({m for m, u in stated_counts if u == unit} == {n} for n, unit in asked_counts):
        # ("all 7 Smarts?" / "covers 7 Smarts": the count the fact states, and no other, is the "all" asked)
        asked = [t for t in asked if t.strip().casefold() not in _ALL_OF_COUNT]
    a_negated = bool(_NEGATION_TH.search(answer) or _NEGATION_EN.search(answer))
    # (a denial in the condition, "ถ้าทำไม่ได้ตามแผน", is no denial of what is claimed)
    q_negated = bool(_QUESTION_NEG_TH.search(question.replace(condition, " ") if condition else question)
                     or _NEGATION_EN.search(question))
    now = bool(_NOW.search(question))  # a dated fact cannot confirm that something is still so
    # (the short year "ปี66" is a year, not a number asked about)
    asked_numbers -= {str((y + 543) % 100) for y in years} | {str(y % 100) for y in years}
    if _ONE_IN.search(question):
        asked_numbers.discard("1")  # ("เป็น 1 ใน 7 พื้นที่ไหม": one of the seven, no count of one)
    unstated = False  # a number asked that the fact does not state: its year alone cannot say yes
    if asked_numbers:
        # A number inside a name ("the 7 Smarts") that the fact also names is no evidence of a yes; a fact
        # with other numbers and not the asked one still says no ("7 ด้าน" / "6 เสาหลัก").
        if asked_numbers <= stated:
            other_year = bool(years and fact_years and not years & fact_years)  # (the number, in another year)
            if _GOAL.search(answer) and (not _GOAL.search(question) or _REACHED.search(question)):
                return None  # a target is not a count: "were there 100 cities?" / "the target of 100 cities"
            if any(len({m for m, u in stated_counts if u == unit}) > 1 for n, unit in asked_counts if n in asked_numbers) \
                    and _EACH_OWN.search(answer) and not names_agree:
                # the count claimed is one of several the fact gives of the same thing, each someone's: "Phuket's
                # plan has only 3 Smarts?" / "Mae Moh's has 3 Smarts, Phuket's and the others' all 7"
                return None
            if numbers(" ".join(asked)) & asked_numbers and not a_negated and not now and not other_year:
                # ("ภูเก็ตไม่ได้อยู่ใน 5 เมืองแรกใช่ไหม" / "เป็น 1 ใน 5 เมืองนำร่อง": the claim denied is so)
                # (not an English tag, "..., isn't it?", which claims the positive)
                th_negated = bool(_QUESTION_NEG_TH.search(question.replace(condition, " ") if condition else question))
                return "no" if th_negated else "yes"
            if other_year and len(fact_years) == 1 and not a_negated and numbers(" ".join(asked)) & asked_numbers:
                return "no"  # the figure asked, of another year: "the 105-city target, for 2030?" / "by 2027"
            # else the number is part of a name both use ("the 7 Smarts"), or denied: the words must decide
        else:
            # Another number denies only in a fact that closely matches the question: a neighbouring fact
            # (the 2018 plan's 6 pillars for a question about the 2021 plan's 7 Smarts) must not say no.
            if stated and close:
                return "no"
            # (a place asked, "ได้ที่ 1", not a count that names a group, "among the 15 areas")
            unstated = any((m.group(1) or m.group(2)) not in stated for m in _PLACE_ASKED.finditer(question))
            # (so is a count claimed, "were 7 cities approved in 2021?", that the fact of that year never states;
            # a count that names a group the thing is in, "among the 15 areas of 2021", is no claim)
            # ("kill 100 tourists in 2018?" / "47 died in July 2018": any figure claimed that it does not state)
            unstated = unstated or not _IN_GROUP.search(question)
            if not (years and fact_years):
                return None
            # else the year may still settle it ("among the 15 areas certified in 2021?" / "24 December 2021")
    # (the very day asked, stated: a denial elsewhere in the fact is about something else, "started on 1 July
    # 2021?" / "reopened on 1 July 2021 to tourists without quarantine", unless it takes back what was said)
    day_said = bool(asked_days) and asked_days <= stated_days and a_negated and not _denies(
        asked, answer, known, tuple(m.group(0) for m in _DAY.finditer(answer) if _days(m.group(0)) & asked_days))
    if years and fact_years and (not a_negated or day_said):
        own = _clause_years(asked, answer, known) if len(years) == 1 and len(fact_years) > 1 else None
        if own and not years & own and not now and not _claim_unsaid(question, answer):
            # "got its promotion-zone certificate in 2021?" / "received the certificate on 31 October 2019 and
            # was later approved for the logo on 6 May 2021": the year asked is another step's
            return "no"
        if years & fact_years:
            # ("ได้ที่ 1 ปี 66" / the 2023 top three: not a yes; nor "the 2021 meeting took place at Government
            # House?" / who chaired it in 2021: the year is right, the place claimed is not said)
            if now or unstated or _claim_unsaid(question, answer):
                return None
            if _INTENDED.search(answer) and not _ASKS_PLAN.search(question):
                # "announced in 2020?" / "depa planned to announce them in October 2020"; "its logo renewed in
                # 2025?" / "the plan builds ... with construction from 2025": the year of a plan confirms no deed
                return None
            return "yes"
        # A fact of several years may not cover all; one of another year denies when it matches the question
        # closely, or says everything else it asks ("ปิดปี 2580 ใช่ไหม" / "มีกำหนดปิดในปี 2594").
        if len(fact_years) == 1 and (close or names_agree or (_covered(asked, answer, known) or 0.0) >= COVERAGE):
            return "no"  # ("did the airport bus start in 2018?" / the route to the airport opened in 2017)
        return None
    if q_negated:
        return None
    if years and not fact_years:
        return None  # "certified in 2019, right?" / a fact that dates nothing: its words cannot confirm the year
    if _FOCUS_Q.search(question) and _AIM_SAID.search(answer):
        # "focuses on mining, yeah?", "เน้นท่องเที่ยวเป็นหลักใช่ป่ะ" / a fact that tells what it aims at, in none of
        # the words of the focus claimed: no
        claimed = [t for t in asked if not _FOCUS_WORD.fullmatch(t.strip().casefold())]
        if _content(claimed) and _covered(claimed, answer) == 0.0:
            return "no"
    coverage = _covered(asked, answer, known)
    if coverage is not None and a_negated:
        a_negated = _denies(asked, answer, known)
    if coverage is None:
        # Nothing asked but how the named things relate, and the fact relates them.
        return "yes" if names_agree and not a_negated and not now else None
    # Nearly every word of the question in the answer, or most of them in a fact that matches it closely.
    settled = coverage >= COVERAGE or (coverage >= COVERAGE_CLOSE and close)
    if settled and a_negated and not now:
        return "no"  # (a dated fact neither confirms nor denies how things are now)
    if settled and not now:
        # ("has it joined the network yet?" / "was proposed as a member": put forward, not done)
        return None if _PROPOSED.search(answer) and not _ASKS_PLAN.search(question) else "yes"
    return None


# A closed list: "The 5 pilot cities approved on 6 May 2021 are A, B, C, D and E", "The 7 early pilot areas were
# A, ..., F and G; ..." (the count said, then exactly that many names). Not a list of examples ("13 areas, among
# them ...", "such as", "including"), which leaves others out.
_LIST_SAID = re.compile(r"\b(?:are|were)\b\s*:?\s*|:\s*")
_PARTIAL = re.compile(r"\b(?:among them|among others|such as|including|includes|included|e\.g\.|for example|like|"
                      r"some of|for instance|etc)\b|\bsources differ\b", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def closed_list(answer: str) -> list[str] | None:
    """The names of a closed list ``answer`` (English) gives, casefolded, when it says how many there are and
    names exactly that many (three or more): ["phuket smart city", ...]; None for any other answer."""
    m = _LIST_SAID.search(answer)
    if m is None:
        return None
    head, rest = answer[:m.start()], answer[m.end():]
    said = [n for n in numbers(_DAY_NUMBER.sub(" ", spelled_as_digits(head))) if "." not in n]
    if len(said) != 1 or _PARTIAL.search(answer):
        return None
    end = re.search(r";|\.(?!\d)(?<!\b[A-Z]\.)(?<!\bDr\.)|\(", rest)
    items = [i.strip().casefold() for i in _ITEM_SPLIT.split(rest[:end.start()] if end else rest) if i.strip()]
    if len(items) < 3 or len(items) != int(said[0]) or any(len(i.split()) > 6 for i in items):
        return None
    return items


# Who led each of several things: "Leaders by dimension in TSCCI 2023: Environment and Economy, Mueang Yala;
# Energy, Mae Moh; ..." (what was led, a comma, who led it; the pairs apart by semicolons).
_LED_SAID = re.compile(r"\b(?:leaders?|led|top|best)\b[^:;.]{0,60}:", re.I)


def leaders(answer: str) -> list[tuple[str, str]]:
    """The (what was led, who led it) pairs of an answer that lists the leaders of several things, casefolded;
    [] for any other answer."""
    m = _LED_SAID.search(answer)
    if m is None:
        return []
    body = re.split(r"\.(?:\s|$)", answer[m.end():])[0]
    pairs = []
    for part in body.split(";"):
        what, comma, who = part.rpartition(",")
        if not comma or not what.strip() or not who.strip():
            return []
        pairs.append((what.strip().casefold(), who.strip().casefold()))
    return pairs if len(pairs) >= 3 else []


def share_said(tokens: list[str], answer: str, known: frozenset[str] | None = None) -> float | None:
    """The share of the content words of ``tokens`` (a question, its names removed) that ``answer`` says, in its
    words or in others of the same meaning; None when the question has no content word."""
    return _covered(tokens, answer, known)
