"""The question type of a normalised message: who, when, where, how many, how much, why, how, yes/no,
compare, list, or a request for more.

Thai is unspaced, so Thai cues are substrings (escaped, never built from user data); English cues match
whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import has_latin, has_thai

__all__ = ["QuestionType", "question_type", "is_bare_follow_up", "is_bare_yes_no_follow_up", "is_definition",
           "is_about_certification", "is_yes_no", "is_only_asking", "COMPARE"]


def _th(*cues: str) -> re.Pattern:
    return re.compile("|".join(re.escape(c) for c in cues))


def _en(*cues: str) -> re.Pattern:
    # Every cue needs a Latin letter (outside its optional parts): the pattern is only tried on text that has one.
    assert all(has_latin(re.sub(r"\(.*?\)\??|\[.*?\]", "", c)) for c in cues), cues
    # (the end is no letter or digit rather than a word boundary: "what %" ends in a sign)
    return re.compile(r"\b(" + "|".join(cues) + r")(?!\w)")


# The English patterns (cues made of Latin words, without IGNORECASE) cannot match a text without a Latin letter:
# most messages are Thai, and a pattern that starts with \b is tried at every position of the text.


# Order matters: the first type whose cue appears wins ("ตั้งขึ้นเมื่อไหร่ ใช้ทุนเท่าไหร่" is a date question
# first). How much before how many: "กี่บาท" is money.
# "four", "6": how many of a group an English question names (see the "list" cues)
_GROUP_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen)"

_TYPES: list[tuple[str, re.Pattern, re.Pattern]] = [
    ("compare", _th("ต่างกัน", "แตกต่าง", "เปรียบเทียบ", "เทียบกับ", "ต่างจาก", "เหมือนหรือต่าง"),
     _en("compare", "compared", "comparison", "difference", "differences", "differ", "versus", "vs")),
    ("how_much", _th("กี่บาท", "ราคา", "ค่าโดยสาร", "ค่าตั๋ว", "มูลค่า", "งบประมาณ", "ใช้งบ", "ได้งบ", "งบเท่า", "ค่าใช้จ่าย", "ค่าธรรมเนียม",
                     "ค่าเข้า", "ค่ารถ", "ค่าบริการ", "ค่าเดินทาง", "ใช้เงิน", "เงินรางวัล", "ใช้ตัง", "ทุนจดทะเบียน", "ทุนเท่า", "ลงทุน", "กี่ล้าน"),
     _en("how much", "cost", "costs", "price", "fare", "fares", "budget", "capital", "worth", "baht", "invest(ed|ment)?")),
    ("when", _th("เมื่อไหร่", "เมื่อไร", "เมื่อใด", "ตอนไหน", "ปีไหน", "ปีอะไร", "ปีใด", "วันไหน", "วันใด", "เดือนใด", "วันที่เท่าไหร่", "เดือนไหน", "กี่โมง",
                 "เดือนอะไร", "เดือนไร", "ปีไร", "วันไร",
                 "พ.ศ.อะไร", "ช่วงไหน", "ตั้งแต่เมื่อ", "ตั้งแต่ปี", "เสร็จยัง", "เปิดยัง", "เปิดเมื่อ", "เปิดปี",
                 "ขอทราบวันที่", "วันที่และ", "วัน เวลา"),
     _en("when", "what year", "which year", "(?:what|which) dates?", "the date of", "which day", "what day", "since when",
         "(?:what|which) month",
         "how long ago", "what period", "which period", "which years", "what years", "time ?frame", "time span",
         # ("what was the approval date of...": the date asked, not a definition)
         r"(?:what|which) (?:was|is|were|are|'s) (?:the |its |their )?(?:\w+ ){0,2}dates?")),
    # (a size is a figure too: "how big is it", "ใหญ่แค่ไหน")
    # ("กี่", not the กี่ of "เกี่ยวกับ": "ดีป้าทำอะไรเกี่ยวกับสมาร์ทซิตี้" asks no count)
    ("how_many", re.compile(r"(?<!เ)กี่|" + _th("จำนวน", "มีเท่าไหร่", "ร้อยละ", "เปอร์เซ็นต์", "เปอร์เซ็น", "ใหญ่แค่ไหน",
                                                "กว้างแค่ไหน", "ขนาดแค่ไหน").pattern),
     _en("how many", "number of", "count", "what percentage", "what percent", "how many percent", "what %", "percentage",
         "percent", "how big", "how large", "what size", "how wide",
         # ("the min progress % needed": a share asked for)
         r"min(?:imum)? (?:\w+ ){0,2}%", r"max(?:imum)? (?:\w+ ){0,2}%")),
    ("who", _th("ใคร", "หน่วยงานไหน", "บริษัทไหน", "องค์กรไหน", "ผู้ใด"), _en("who", "whom", "whose", "which agenc(y|ies)",
                                                                             "which compan(y|ies)", "which organi[sz]ations?")),
    # (the formal "ที่ใด", "จัดที่ใด", but not "พื้นที่ใด", which asks which area)
    ("where", re.compile(_th("ที่ไหน", "ตรงไหน", "จังหวัดไหน", "จังหวัดอะไร", "อยู่ไหน", "แถวไหน", "อำเภอไหน", "ภาคไหน", "ย่านไหน",
                             "สถานที่ใด", "จังหวัดใด", "อำเภอใด", "และสถานที่", "สถานที่จัด", "สถานที่ประชุม").pattern
                         + r"|(?<!พื้น)ที่ใด"),
     _en("where", "which province", "what province", "located", "location")),
    ("why", _th("ทำไม", "เพราะอะไร", "เหตุใด", "เพราะอะไร", "สาเหตุ", "ไปเพื่ออะไร", "เพื่ออะไร"),
     _en("why", "how come", "reason", "purpose")),
    ("list", _th("อะไรบ้าง", "ไหนบ้าง", "ที่ไหนบ้าง", "มีใครบ้าง", "รายชื่อ", "ชื่อทั้ง", "ชื่อโครงการ",
                 "ใดบ้าง", "ไรบ้าง", "ลิสต์", "ลิสท์"),  # ("มีไรบ้าง", "ชื่อไรบ้าง": อะไรบ้าง as typed; "ขอลิสต์": list)
     _en("which cities", "which areas", "which places", "which provinces", "list", "name the", "what are the", "names of",
         "what were they called", "which ones", "which were",
         # ("which four projects were approved", "what were the 4 projects": the names of a counted group, not
         # "which two dimensions does it merge")
         r"which " + _GROUP_COUNT + r" [a-z]+s (were|are|was|had|have|got|[a-z]+ed)",
         r"what (were|are) the " + _GROUP_COUNT + r" [a-z]+s")),
    ("how", _th("ยังไง", "อย่างไร", "ขั้นตอน", "วิธี", "ทำไง", "ได้ไง"), _en("how do", "how does", "how can", "how to",
                                                                           "how is", "how are", "process", "steps")),
]

_WHICH_ONES = re.compile(r"ไหนบ้าง|ใดบ้าง")
# "เท่าไหร่" asks for an amount: a date after "วันที่", a sum of money only with a money word (handled above),
# otherwise a number ("ได้คะแนนเท่าไหร่", "ยาวเท่าไหร่").
_HOW_MUCH_TH = re.compile(r"เท่าไหร่|เท่าไร|เท่าใด")
# A money word, for "เท่าไหร่": the งบ of a budget (not "ไงบ้าง", "ถึงบริการ": a vowel or บริ-/บรร- after it starts
# another word), เงิน, ทุน, บาท, ราคา.
# ("ค่าก่อสร้าง", "ค่าโดยสาร", "ค่าใช้จ่าย": what something costs; not "ค่าเฉลี่ย", an average)
_MONEY_TH = re.compile(r"งบ(?!ริ|รร|[\u0e30-\u0e3a\u0e47-\u0e4e])|เงิน|ทุน|บาท|ราคา|ค่า(?:ก่อสร้าง|โดยสาร|ใช้จ่าย|ลงทุน|ตั๋ว|รถ|บริการ)")
_DATE_AMOUNT_TH = re.compile(r"(วันที่|วันไหน|ลงวันที่)\s*(เท่าไหร่|เท่าไร|เท่าใด)")
_YES_NO_TH = re.compile(
    r"(ใช่ไหม|ใช่มั้ย|ใช่มั๊ย|ใช่ป่ะ|ใช่ปะ|ใช่หรือไม่|ใช่เปล่า|ใช่รึเปล่า|หรือเปล่า|รึเปล่า|หรือป่าว|รึป่าว|"
    r"หรือไม่|หรือยัง|รึยัง|ยัง|ด้วยเหรอ|ด้วยหรอ|ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|เหรอ|หรอ|ป่าว|ใช่มะ|ป่าวมะ|จริงดิ|"
    # ("ยังวิ่งอยู่มะ", "เปิดแล้วมะ", "สมัครได้มะ": มะ, the chat ไหม, after what it asks of)
    r"(?:(?<=อยู่)|(?<=แล้ว)|(?<=ได้)|(?<=มี))มะ)"
    r"\s*(ครับ|คับ|ค่ะ|คะ|จ้ะ|จ๊ะ|นะ|อ่ะ|อะ)*[\s?]*$")
# The particle, then a short afterthought: "วังจันทร์ได้ที่ 1 ป่ะ ในการจัดอันดับรอบล่าสุดอ่ะ".
_YES_NO_TH_MID = re.compile(r"(ใช่ไหม|ใช่มั้ย|ใช่ป่ะ|ใช่มะ|หรือเปล่า|รึเปล่า|หรือไม่|ไหม|มั้ย|ป่ะ|ป่าว|เหรอ|หรอ)\s+\S.{0,30}$|"
                            # (the condition run on: "ต้องมีแผนครบมั้ยถึงจะได้ตรา")
                            r"(ไหม|มั้ย|มั๊ย|ป่ะ|หรือเปล่า|รึเปล่า)(?:ถึงจะ|จึงจะ|ถึงได้)\S.{0,30}$")
# At the start of the message or of its last clause ("going to phuket next month. is it certified?").
# (A decimal point is no end of a clause, "thailand 4.0?"; nor is a doubled question mark, "on tourists??".)
# (A comma between digits is no end of a clause either, "over 200,000 baht?"; nor is one in a list of names after
# a question that opens the message, "were phuket, si racha and phahon yothin the first?", checked for a
# question word apart.)
_YES_NO_EN = re.compile(r"(^|[.?!,;]\s*)(is|isn't|isnt|are|aren't|arent|was|were|does|doesn't|doesnt|do|did|has|have|can|"
                        r"could|will)\b"
                        # (nor is the point of "no.1", "no. 2")
                        r"(?:[^.?!,;]|(?<=\d)[.,](?=\d)|(?<=\bno)\.(?=\s*\d))*"
                        # (an example added after a comma: "can a company apply, like a bank?")
                        r"(?:,\s*(?:like|such as|e\.g\.|say|for example|for instance)\b[^.?!,;]*)?[?!]*\s*$")
_YES_NO_EN_LISTING = re.compile(r"^(is|are|was|were|does|do|did|has|have)\b[^.?!;]*,[^.?!;]*\?+\s*$")
# A statement checked with a tag ("wangchan valley, thats in chonburi right", "it opened in 2023, correct?"), or
# said with a question mark and no question word ("so thailand has like 100 certified smart cities already?").
# (the apostrophe may be left out: "isnt it")
_YES_NO_EN_TAG = re.compile(r"\b(right|correct|true|yeah|yes|no|isn'?t it|aren'?t they|wasn'?t it|didn'?t it|innit|eh)"
                            r"\s*[?!.]*\s*$")
# Whether something still goes on or has happened yet, asked without a verb before it: "bus still running?",
# "light rail open yet?" (no question word: checked after them).
_STILL_EN = re.compile(r"\b(still|yet|anymore|already)\b[^.?!;]*\?+\s*$")
_WH_TH = re.compile(r"อะไร|ใคร|ที่ไหน|เมื่อไหร่|เมื่อไร|เท่าไหร่|เท่าไร|(?<!เ)กี่|ทำไม|อย่างไร|ยังไง|ไหนบ้าง")
# "เหรอ" / "หรอ" end wh-questions too ("จัดที่ไหนหรอ"): with a question word, the message asks that.
_WH_PARTICLE_TH = re.compile(r"(เหรอ|หรอ)\s*(ครับ|คับ|ค่ะ|คะ|นะ|อ่ะ|อะ)*[\s?]*$")
_ASKS_WH_TH = re.compile(r"อะไร|ใคร|ไหน|ใด|เมื่อไหร่|เมื่อไร|เท่าไหร่|เท่าไร|(?<!เ)กี่|ทำไม|อย่างไร|ยังไง")  # not "เกี่ยว"
_WH_EN = re.compile(r"\b(what|whats|what's|which|when|where|who|whom|whose|why|how)\b|"
                    # ("names of the projects approved?", "list of the areas?": names asked, not a claim)
                    r"^(?:the |their |its )?(?:full )?(?:names?|list) of\b")
_DECLARATIVE_Q = re.compile(r"^(?=[a-z0-9])[^?]*(\b(is|are|was|were|has|have|had|got|gets|does|did|can|will|\w+ed|"
                            # (irregular pasts and a few present tenses: "wangchan valley came first in 2024?",
                            # "phuket counts as a smart city?"; "=" reads "is": "samyan smart city = chula?")
                            r"came|won|became|led|leads|began|held|holds|took|counts|belongs|ranks|includes|covers|"
                            # (more irregular pasts: "korat gave free wifi to students?", "got it a logo?")
                            r"gave|made|went|ran|built|paid|sent|brought|found|kept|lost|meant|spent|sold|bought|grew|"
                            r"chose|met|saw|set up|put|won|wrote|"
                            # ("is" said short: "so it's meant to be a hub?", "thats over the target?")
                            r"it's|that's|thats|there's|theres|he's|she's|they're|theyre)\b|=|"
                            # a present tense after a subject, before its object: "phuket plans a data platform?",
                            # "yala wants to be a hub?" (not "phuket plans?", "khon kaen projects in 2024?")
                            r"(?<=[a-z0-9] )[a-z]{2,}[^\Ws'](?:s|es)\s+(?:a|an|the|to|its|their|his|her|some|any|more|"
                            r"free|new|forever|permanently|always|only|all|both|every|each)\b)"
                            r"[^?]*\?+\s*$")
# Asked up front: "แม่นบ่ว่า..." (Isan, as Khon Kaen people type it), "จริงไหมที่...", "ใช่ไหมที่...".
_YES_NO_TH_START = re.compile(r"^(แม่นบ่|ใช่บ่|จริงไหม|จริงมั้ย|จริงหรือ(ไม่|เปล่า)?ที่|"
                              r"(ใช่|จริง)(ไหม|มั้ย|มั๊ย|ป่ะ|ปะ|มะ|เปล่า|รึเปล่า|หรือเปล่า|หรือไม่)\s*(ที่|ว่า))"
                              r"|บ่\s*(ครับ|คับ|ค่ะ|คะ)?[\s?]*$")
_MORE_TH = re.compile(r"เพิ่มเติม|ละเอียด|ทั้งหมด|ขยายความ|อีกหน่อย|อีกไหม|มีอีก|ต่อเลย|บอกมาให้หมด")
# ("how much more was requested", "how many more got the logo", "more than 30": an amount, not "tell me more")
_MORE_EN = re.compile(r"(?<!\bmuch )(?<!\bmany )\bmore\b(?! than\b)|\bdetails?\b|\bfull\b|\beverything\b|\belaborate\b|\bin full\b")
# What is left of a follow-up once its names are removed: "แล้ว...ล่ะ", "and ...?", "what about ...".
_FOLLOW_UP_FILLER = re.compile(
    r"^(แล้ว|และ|ส่วน|ถ้าเป็น|กรณี|ของ|ที่|เมือง|จังหวัด|ด้าน|หมวด|ละ|ล่ะ|หละ|หล่ะ|ล่า|อะ|อ่ะ|ครับ|คับ|ค่ะ|คะ|นะ|บ้าง|ด้วย|"
    # (a name's possessive is left behind when the name is taken out: "and samyan's?" is "and 's?")
    r"and|what|about|how|the|of|for|in|then|also|city|dimension|category|ok|okay|so|(?<!\S)['’]s\b|\?|!|,|\s)*$")


@dataclass(frozen=True)
class QuestionType:
    kind: str | None  # who, when, where, how_many, how_much, why, how, compare, list, or None
    yes_no: bool
    more: bool
    kinds: tuple[str, ...] = ()  # every type asked, in order of precedence ("จัดวันไหน ใครเป็นประธาน")


# The World Health Organization, lower-cased by normalising: "the who benchmark", "who's standard".
# ("compared to WHO", "more than WHO"; in a Thai message "who" is never the question word: that is ใคร)
_WHO_ORG = re.compile(r"\bthe who\b|\bwho(?:'s)?(?=\s+(?:benchmark|standard|guideline|recommendation|minimum|target|"
                      r"level|figure|norm)s?\b)|\b(?:compar\w*\s+(?:to|with)|than)\s+who\b")
_WHO_IN_THAI = re.compile(r"(?<![a-z])who(?![a-z])")


# Investment privileges (BOI's promotion) are no sum of money: "can certified cities apply for BOI investment
# privileges?", "ได้สิทธิประโยชน์ส่งเสริมการลงทุนไหม" ask about a benefit, not how much.
_INVESTMENT_PERKS = re.compile(r"\binvestment\s+(?=(privileges?|incentives?|promotion|benefits?|perks|support)\b)|"
                               r"(?<=สิทธิประโยชน์)(ด้าน)?การลงทุน|(?<=สิทธิ)(ด้าน)?การลงทุน|ส่งเสริมการลงทุน")


# Whom something helps is a group of people (community enterprises, residents), not a person to name: "แม่เมาะ
# มุ่งสนับสนุนใคร", "who does the plan help?" ask what it is for.
_BENEFICIARY = re.compile(r"(?:(?<=สนับสนุน)|(?<=ช่วยเหลือ)|(?<=ช่วย)|(?<=เพื่อ))\s*ใคร|\bwho (?:does|will|would|did) (?:\S+ ){1,4}?"
                          r"(?=(?:help|support|benefit|serve|target)s?\b)")


_RUN_BY = re.compile(r"\b(run|operated|managed|developed|owned|led)\s+by\b")


@lru_cache(maxsize=4096)  # some twenty patterns a message, and the same questions come back (the result is frozen)
def question_type(text: str) -> QuestionType:
    """The question type of normalised ``text``."""
    text = _BENEFICIARY.sub(" ", _INVESTMENT_PERKS.sub(" ", text))
    if "who" in text:
        text = _WHO_ORG.sub(" the world health organization ", text)  # ("below the WHO benchmark?" asks no who)
        if has_thai(text):
            text = _WHO_IN_THAI.sub(" องค์การอนามัยโลก ", text)  # ("มาตรฐาน WHO เท่าไหร่")
    # Every type asked, in the order the question asks them ("อยู่จังหวัดไหน ใครทำ": where, then who); at the
    # same place, the list above decides ("กี่บาท" is money before it is a count).
    found = []
    latin = has_latin(text)
    for rank, (name, th, en) in enumerate(_TYPES):
        starts = [m.start() for m in (th.search(text), en.search(text) if latin else None) if m]
        if starts:
            found.append((min(starts), rank, name))
    kinds = tuple(name for _, _, name in sorted(found))
    if _DATE_AMOUNT_TH.search(text):
        kinds = ("when", *(k for k in kinds if k != "when"))
    elif _HOW_MUCH_TH.search(text) and "how_much" not in kinds and "when" not in kinds:
        if _MONEY_TH.search(text):  # "งบภูเก็ตได้เท่าไหร่", "เงินเดือนเท่าไร": a sum of money
            kinds = ("how_much", *(k for k in kinds if k != "how_many"))
        else:
            kinds = (*kinds, "how_many") if "how_many" not in kinds else kinds
    if "list" in kinds and _WHICH_ONES.search(text):
        # "มีที่ไหนบ้าง", "ไหนบ้าง": which ones, a list, not where something is.
        kinds = ("list", *(k for k in kinds if k not in ("list", "where")))
    yes_no = is_yes_no(text)
    if not kinds and yes_no and latin and _RUN_BY.search(text):
        kinds = ("who",)  # "is Wangchan Valley run by EGAT?": a claim of who runs it, checked against who does
    more = bool(_MORE_TH.search(text) or latin and _MORE_EN.search(text))
    return QuestionType(kinds[0] if kinds else None, yes_no, more, kinds)


# Words that only ask (what kind of answer), never what about: "by when?", "แล้วเมื่อไหร่ล่ะ", "ใครอ่ะ".
_ONLY_ASKING = re.compile(
    r"^(by|from|until|till|on|in|at|since|between|with|and|so|then|what|which|when|who|whom|whose|where|why|how|many|much|"
    r"long|year|date|day|month|place|time|is|was|it|that|the|again|exactly|about|ok|okay|แล้ว|และ|ส่วน|ภายใน|ช่วงไหน|ช่วงใด|เมื่อไหร่|"
    r"เมื่อไร|เมื่อใด|ตอนไหน|ปีไหน|ที่ใด|เดือนไหน|วันอะไร|"
    r"ปีอะไร|เดือนอะไร|เดือนไร|ปีไร|วันไร|ช่วง|วันไหน|วันที่|เท่าไหร่|เท่าไร|เท่าใด|กี่|ใคร|ที่ไหน|ตรงไหน|ยังไง|อย่างไร|ทำไม|เพราะอะไร|อะไร|ไร|"
    r"คะ|ค่ะ|ครับ|คับ|นะ|อ่ะ|อะ|ล่ะ|หละ|หรอ|เหรอ|จ้า|\?|!|\.|\s)*$")


def is_only_asking(remainder: str) -> bool:
    """True when all a message says is the kind of answer it wants ("by when?", "ใครอ่ะ"): what it is about
    must come from the conversation."""
    return bool(remainder.strip()) and bool(_ONLY_ASKING.match(remainder.strip()))


@lru_cache(maxsize=4096)  # asked of each message twice (its entities, its question type), with some ten patterns
def is_yes_no(text: str) -> bool:
    """True when normalised ``text`` asks for a yes or a no."""
    text = text.strip()
    if _WH_PARTICLE_TH.search(text) and _ASKS_WH_TH.search(text):
        return False  # "บานเดือนไหนหรอ", "ใครเป็นประธานเหรอ": a particle after a question word, not ใช่ไหม
    latin = has_latin(text)  # (the English patterns need a Latin letter)
    if _YES_NO_TH.search(text) or _YES_NO_TH_START.search(text) or (latin and _YES_NO_EN.search(text)):
        return True
    if _YES_NO_TH_MID.search(text) and not _WH_TH.search(text):
        return True
    if not latin or _WH_EN.search(text):
        return False
    if _YES_NO_EN_LISTING.match(text):
        return True
    return bool(_YES_NO_EN_TAG.search(text) or _DECLARATIVE_Q.match(text) or _STILL_EN.search(text))


# What is left of a yes/no follow-up once its names are removed: "does Mae Moh?", "is Nan too?", "แล้วแม่เมาะด้วยไหม",
# "ยะลาล่ะ มีมั้ย": the last yes/no question again, about the new name.
_YES_NO_FILLER = re.compile(
    r"^(แล้ว|และ|ส่วน|ถ้าเป็น|กรณี|ของ|ที่|เมือง|จังหวัด|ละ|ล่ะ|หละ|หล่ะ|อะ|อ่ะ|ครับ|คับ|ค่ะ|คะ|นะ|ด้วย|มี|ได้|เป็น|ไหม|มั้ย|มั๊ย|"
    r"ป่ะ|ปะ|เปล่า|หรือเปล่า|รึเปล่า|หรือไม่|เหมือนกัน|ใช่|มะ|ป่าว|ป่าว|ก็|"
    r"and|what about|how about|then|also|too|as well|either|does|do|did|is|was|are|were|has|have|had|it|ok|okay|so|"
    r"\?|!|,|\s)*$")


def is_bare_yes_no_follow_up(remainder: str) -> bool:
    """True when what is left of a message after removing the names only asks yes or no about them ("does Mae
    Moh?", "แล้วแม่เมาะด้วยไหม"): right after a yes/no question, that question again, about the new name."""
    return bool(_YES_NO_FILLER.match(remainder.strip()))


def is_bare_follow_up(remainder: str) -> bool:
    """True when what is left of a message after removing the names is only follow-up filler
    ("แล้ว ... ล่ะ", "and ...?"): the question is the previous one, about the new name."""
    # ("what was Khon Kaen then": "was" with "then" asks the same of the new name, as "and then" does)
    return bool(_FOLLOW_UP_FILLER.match(_WAS_THEN.sub(" ", remainder.strip())))


_WAS_THEN = re.compile(r"\b(?:was|were)\b(?=.*\bthen\b)")


#: Compare words, removed to see whether a comparison names an aspect ("ต่างกันยังไง" names none).
COMPARE = re.compile(r"ต่างกัน|แตกต่าง|เปรียบเทียบ|เทียบกับ|ต่างจาก|ยังไง|อย่างไร|กับ|และ|\b(compare|compared|difference|"
                     r"differences|differ|versus|vs|between|and|with|how|do|does)\b")
_DEFINITION = re.compile(
    r"^(คือ|เป็น|เปน|แปลว่า|หมายถึง|ใคร|อะไร|ทำ|หน้าที่|บทบาท|ยังไง|อย่างไร|ไง|คะ|ค่ะ|ครับ|คับ|นะ|อ่ะ|อะ|หรอ|เหรอ|ไร|"
    r"เล่า|เรื่อง|ให้ฟัง|หน่อย|ข้อมูล|อยากรู้|ขอ|รู้จัก|ไหม|มั้ย|แล้ว|และ|ส่วน|สมาร์ทซิตี้|สมาทซิตี้|เมืองอัจฉริยะ|"
    r"ไผ|หยัง|อีหยัง|ได้ยิน|บ่อย|มาก|เค้า|เขา|มั่ง|บ้าง|กัน|นี่|นั่น|เนี่ย|ชื่อ|ชื่อเต็ม|เรียกว่า|name|names|full|called|his|her|"
    r"hey|hi|hello|so|ok|okay|well|um|these|those|this|that|everyone|everybody|people|keeps?|talking|heard|hear|"
    r"even|actually|exactly|really|anyway|again|briefly|quickly|"
    r"who|what|whats|is|are|was|s|does|do|did|mean|means|the|tell|me|about|info|information|know|smart|city|cities|thing|"
    r"supposed|meant|to|be|"
    r"stuff|all|and|stand|stands|for|acronym|abbreviation|short|ย่อมาจาก|ย่อว่า|ตัวย่อ|ย่อ|มาจาก|"
    r"ตำแหน่ง|ดำรงตำแหน่ง|ทำงาน|position|role|job|title|ภาษาไทย|ภาษาอังกฤษ|thai|english|term|word|used|in|"
    # "what has Prawit got to do with smart cities": who they are, here
    r"got|has|have|with|cities|involved|"
    # "what's special about Wangchan Valley": what it is (not "famous for", which asks about its sights)
    r"special|unique|"
    # "tell me more about Mae Moh", "a bit about Samyan please", at the start of a conversation: what it is
    r"more|a|bit|little|something|some|please|pls|"
    # "describe X in one line", "what was \"X\"?", "X เกี่ยวอะไรกับสมาร์ทซิตี้": what it is
    r"describe|summari[sz]e|define|explain|one|line|sentence|brief|briefly|เกี่ยว(ข้อง)?(อะไร|ไร|ยังไง|อย่างไร)(กับ)?|"
    r"\?|\.|!|,|'|\"|“|”|‘|’|\s)*$")


def is_definition(remainder: str) -> bool:
    """True when all that is asked about a name is what or who it is ("KKTS ทำอะไร", "who is Chaiwut")."""
    return bool(remainder.strip()) and bool(_DEFINITION.match(remainder.strip()))


_CERTIFICATION_ONLY = re.compile(
    r"^(เป็น|เปน|ได้|รับ|รับรอง|ได้รับ|การ|ประกาศ|ตรา|ตราสัญลักษณ์|โลโก้|เมือง|อัจฉริยะ|สมาร์ท|สมาร์ต|ซิตี้|ซิตี|แล้ว|หรือ|รึ|"
    r"ยัง|ไหม|มั้ย|มั๊ย|ใช่|ป่ะ|ปะ|มะ|ก็|เปล่า|ป่าว|เหรอ|หรอ|ด้วย|จริง|คะ|ครับ|คับ|ค่ะ|นะ|อ่ะ|อะ|มี|ที่|ใน|บ้าง|ไหน|อะไร|"
    r"is|are|was|a|an|the|it|its|certified|certification|smart|city|cities|official|officially|one|really|does|"
    r"did|has|have|got|get|logo|at|all|then|actually|even|yet|too|also|right|correct|true|ปี|ตอน|เมื่อ|พ\.ศ\.|ค\.ศ\.|year|in|on|"
    # "is X home to a certified smart city", "is there a smart city on Rama 4 road"
    r"there|home|to|road|street|ถนน|"
    # "is X certified as a smart city", "is X recognised as one", "counted among them"
    r"as|recogni[sz]ed|designated|considered|counted|listed|"
    # "certified by depa", "ได้ตราจากดีป้า" (the certifier is a name, removed)
    r"by|จาก|โดย|"
    # "what about Pattaya, is it certified?", "and Hua Hin, is it one?": another place asked the same
    r"what|how|about|and|so|"
    r"\d{2,4}|\?|!|\.|,|'|\s{LIST})*$")
_LISTING = (r"|which|any|in|there|list|areas?|too|also|on|of|among|included|ที่ไหน|อะไรบ้าง|ไหนบ้าง|กี่|พื้นที่|แห่ง|"
            r"อยู่ใน|รายชื่อ|ติด|ด้วย|ใดบ้าง|ชุด|รอบ|จำนวน|batch|round|logos?|received|"
            # "name some smart city areas in ...", "what smart cities are there in ...", "ยกตัวอย่างเมืองใน..."
            r"what|whats|name|some|show|me|give|please|pls|located|ชื่อ|ยกตัวอย่าง|ตัวอย่าง|เช่น|ได้แก่|แถว|ช่วย|บอก|หน่อย|"
            # "hey is rayong in the smart city program", "is pattani a smart city now", "โครงการเมืองอัจฉริยะ"
            r"hey|hi|program|programme|scheme|now|today|currently|โครงการ|ตอนนี้|ปัจจุบัน|เข้าร่วม|"
            # "which two places in ... hold the logo", "the logo holders of ...", "which entities have logos"
            r"places?|spots?|entit(?:y|ies)|hold|holds|holding|holders?|two|three|both|does|do|have|has|"
            # "which Bangkok areas besides Samyan", "นอกจากสามย่านมีที่ไหนอีก" (the ones left out are names)
            r"besides|except|excluding|other|than|apart|from|else|others|and|นอกจาก|นอกเหนือจาก|ยกเว้น|อีก|อื่น|ๆ|และ|"
            # "how many smart cities are in Chiang Mai", "the number of certified areas in ..."
            r"how|many|number|count|total|ทั้งหมด|ผู้ถือ|ถือ|ราย|\d|"
            # "เชียงใหม่ได้ตราเมื่อไหร่", "when did Chiang Mai get the logo": a province's
            # areas, with their dates when asked when
            r"เมื่อไหร่|เมื่อไร|ตอนไหน|ปีไหน|วันไหน|เดือนไหน|วันที่|จังหวัด|ของ|when|date|were")


def is_about_certification(remainder: str, listing: bool = False) -> bool:
    """True when all that is asked (names removed) is whether something is certified, or (``listing``)
    which certified areas a place has: "เป็นเมืองอัจฉริยะไหม", "smart cities in ?". Anything else ("ติดอันดับ",
    "green space", "ทุเรียน") is another question."""
    rx = _CERTIFICATION_ONLY_LIST if listing else _CERTIFICATION_ONLY
    return bool(rx.match(remainder.strip()))


_CERTIFICATION_ONLY_LIST = re.compile(_CERTIFICATION_ONLY.pattern.replace("{LIST}", _LISTING))
_CERTIFICATION_ONLY = re.compile(_CERTIFICATION_ONLY.pattern.replace("{LIST}", ""))
