"""Text normalisation, the first step applied to every message.

``pythainlp.util.normalize`` fixes ``เเ`` → ``แ``, removes zero-width spaces, reorders vowels and tone marks
and collapses repeated vowels. What it does not cover is done here: zero-width joiners, BOM and other
invisible marks, Thai digits, ``555`` laughter, characters repeated for emphasis (``ขอนแก่นนนน``), percent cut short
(``กี่เปอร์``), Latin case and fullwidth forms, and runs of white space.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import lru_cache
from typing import Callable

from pythainlp.util import normalize as _pythainlp_normalize

__all__ = ["normalize", "detect_language", "has_thai", "MAX_TEXT_CHARS"]

#: Text beyond this is cut before any NLP work (a chat question is never this long).
MAX_TEXT_CHARS = 2000

# Invisible or formatting characters that carry no meaning in a chat message.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c"
                                    "\u202d\u202e\u2066\u2067\u2068\u2069"))
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")
# IGNORECASE makes the class admit the Unicode letters that case-fold to a-z (ı, ſ, the Kelvin sign), so a
# gate on it is never narrower than the case-insensitive English patterns behind it.
_LATIN_LETTER = re.compile(r"[a-z]", re.I)
# Thai words that ask or end a Thai sentence: a message with one is written in Thai, whatever English it names.
_THAI_ASKING = re.compile(r"คือ|อะไร|ไร|ไหน|ใคร|ทำไม|ยังไง|อย่างไร|เท่าไ|กี่|เมื่อ|ไหม|มั้ย|มั๊ย|มีไหม|หรอ|เหรอ|"
                          r"บ้าง|ล่ะ|ป่ะ|ปะ|ครับ|คับ|ค่ะ|คะ|จ้า|นะ|หน่อย|ได้|มี|เป็น|ของ|ที่")
# "555" (ha-ha) and longer runs, but not a 5 that is part of a number such as 2555 or 0.555.
_LAUGH = re.compile(r"(?<![\d.,])5{3,}(?![\d.,])")
# A Thai letter repeated three or more times is emphasis (ขอนแก่นนนน); Thai words never triple a letter.
_THAI_REPEAT = re.compile(r"([\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e])\1{2,}")
# ...but a word that ends in a doubled letter, written together with one that begins with it, shows three:
# "แบบบ้าน" (แบบ + บ้าน), "ระบบบริการ", "คะแนนนำ". Three (not more) within a word, after such a word, stay.
_THAI_WORD_BEFORE = re.compile(r"[\u0e01-\u0e4e]{1,8}$")
# A particle at the end of a phrase with its last letter typed twice for emphasis ("มีไรบ้างง", "ครับบ", "ไหมม"):
# twice, not three times, so _THAI_REPEAT leaves it.
# The particle "มะ" typed with a tone mark ("ใช่ม้ะ", "ป่าวม๊ะ"), as in chat: the "มะ" the yes/no patterns know.
_MA_TONED = re.compile(r"(ใช่|ป่าว|เปล่า|จริง)ม[\u0e49\u0e4a]ะ(?=$|\s|[?!.,]|ครับ|คับ|ค่ะ|คะ|นะ)")
_PARTICLE_DOUBLED = re.compile("(" + "|".join(
    f"{p}(?={p[-1]})" for p in ("บ้าง", "ครับ", "คับ", "ค่ะ", "คะ", "นะ", "มั้ย", "ไหม", "อ่ะ", "ป่ะ", "เหรอ", "หรอ",
                                  "จ้า", "ล่ะ", "ยัง", "เปล่า")) + r")\S(?=$|\s|[?!.,]|ครับ|คับ|ค่ะ|คะ|นะ)")
# Latin letters or punctuation repeated three or more times: keep two (sooo → soo, ??? → ??).
_OTHER_REPEAT = re.compile(r"([A-Za-z!?.~])\1{2,}")
# A meeting's number as users shorten it ("mtg no. 1/2564", "meeting #2/2021"): the number as the names say it
# ("meeting 1/2564"), so the numbered meeting is found however its number is introduced.
_MEETING_SHORT = re.compile(r"\bmtgs?\b", re.I)
_NUMBER_MARK = re.compile(r"(?:\b(?:no|num|number)\.?|#)\s*(?=\d{1,2}\s*/\s*\d{4}\b)", re.I)
_SPACE = re.compile(r"\s+")
# "ได้กี่เปอร์", "80 เปอร์": chat shortens เปอร์เซ็นต์ (percent) to its first syllable after a count; written out, the
# question asks for a percentage like any other (not "ซูเปอร์", which no count comes before).
_PERCENT_CUT = re.compile(r"(กี่|\d)(\s*)เปอร์(?!เซ็น|เซน)")


def _fast_thai_normalize() -> Callable[[str], str]:
    """``pythainlp.util.normalize``, the same steps with the same patterns, but with each pattern compiled once
    and skipped when the characters it needs are absent (it re-compiled ~30 patterns per call through the
    ``re`` cache, and called back into Python for every tone mark). ``tests/test_normalize.py`` checks that both
    give the same text; an unfamiliar pythainlp (other private names) gets its own function."""
    try:
        # The module by name: ``pythainlp.util.normalize`` as an attribute is the function.
        m = importlib.import_module("pythainlp.util.normalize")

        reorder = [(re.compile(p), r) for p, r in m._REORDER_PAIRS]
        no_repeat = [(ch, re.compile(p), r) for (p, r), ch in zip(m._NOREPEAT_PAIRS, m._NOREPEAT_CHARS)]
        tones = m._RE_TONEMARKS.pattern
        steps = (m.remove_zw, m.remove_dup_spaces, m.remove_spaces_before_marks, m.remove_dangling)
    except (ImportError, AttributeError):
        return _pythainlp_normalize
    if not tones.endswith("]+"):
        return _pythainlp_normalize
    tone_runs = re.compile(tones[:-1] + "{2,}")  # a single tone mark stays as it is: only runs change
    remove_zw, remove_dup_spaces, remove_spaces_before_marks, remove_dangling = steps

    def last(match: re.Match[str]) -> str:
        return match.group(0)[-1]

    def normalize_thai(text: str) -> str:
        text = remove_spaces_before_marks(remove_dup_spaces(remove_zw(text)))
        for rx, repl in reorder:  # remove_repeat_vowels: reorder_vowels, then each repeated sign once
            text = rx.sub(repl, text)
        for ch, rx, repl in no_repeat:
            if text.count(ch) > 1:  # the pattern needs the character twice
                text = rx.sub(repl, text)
        text = tone_runs.sub(last, text)
        return remove_dangling(text)

    return normalize_thai


_thai_normalize = _fast_thai_normalize()


def has_thai(text: str) -> bool:
    """True if the text contains at least one Thai character."""
    return bool(_THAI_CHAR.search(text))


# A Thai month's abbreviation typed without its dots after a day ("24 ธค 64", "6พค64"): written as dates are
# ("24 ธ.ค. 64"), so the day, month and short year read as a date everywhere after.
_MONTH_ABBR = {"มค": "ม.ค.", "กพ": "ก.พ.", "มีค": "มี.ค.", "เมย": "เม.ย.", "พค": "พ.ค.", "มิย": "มิ.ย.", "กค": "ก.ค.",
               "สค": "ส.ค.", "กย": "ก.ย.", "ตค": "ต.ค.", "พย": "พ.ย.", "ธค": "ธ.ค."}
_MONTH_UNDOTTED = re.compile(r"(?<![\d.])(\d{1,2})\s*(" + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True)) +
                             r")(?![\u0e01-\u0e4e])\.?\s*")


def _dotted_month(m: re.Match) -> str:
    return f"{m.group(1)} {_MONTH_ABBR[m.group(2)]} "

# A question passed on ("ลูกค้าถามว่า... ควรตอบว่าไง", "a tourist asked me if ..., what should I say"): the
# question asked is what the bot answers; who asked and "what should I answer" are no words of it.
_PASSED_ON_TH = re.compile(r"^\S{1,25}?ถาม(?:มา|ผม|ฉัน|หนู|เรา|พี่)?(?:มา)?ว่า\s*(?=\S)")
_ANSWER_HOW_TH = re.compile(r"\s*(?:แล้ว)?(?:ผม|ฉัน|หนู|เรา)?(?:ควร|จะ)?ตอบ(?:เขา|เค้า|ลูกค้า|ลูก|เพื่อน|ไป)?(?:ว่า)?"
                            r"(?:ไง|ยังไง|อย่างไร|ไงดี|ยังไงดี|อะไรดี|ไรดี|อย่างไรดี)\S*$")
_PASSED_ON_EN = re.compile(r"^(?!(?:who|what|when|where|why|how|which|whom|did|does|do|has|have|is|was)\b)"
                           r"(?:(?:my|a|an|one|some|the|our)\s+)?(?:[a-z]+\s+){0,2}?(?:asked me|asks me|is asking me|was "
                           r"asking me|wants to know)\s+(?:(if|whether)\s+)?(?=\S)")
_ANSWER_HOW_EN = re.compile(r"[,.;]?\s*(?:so\s+)?(?:what|how)\s+(?:should|do|would|can)\s+i\s+(?:answer|say|tell (?:him|her|"
                            r"them)|reply|respond)(?: to (?:him|her|them|that))?\s*\??$")


def _passed_on(text: str) -> str:
    """The question asked in a message that passes one on; ``text`` otherwise."""
    th = _PASSED_ON_TH.match(text)
    if th is not None and not _THAI_ASKING.search(th.group(0)[:-len("ว่า")].rstrip()):
        asked = _ANSWER_HOW_TH.sub("", text[th.end():]).strip()
        return asked or text
    en = _PASSED_ON_EN.match(text)
    if en is not None:
        asked = _ANSWER_HOW_EN.sub("", text[en.end():]).strip()
        # ("asked me if X": X is a yes/no question)
        return (asked + ("?" if en.group(1) and not asked.endswith("?") else "")) if asked else text
    return text


def _repeat_collapsed(m: re.Match[str]) -> str:
    """A run of one Thai letter, once (emphasis), or as it is when it is the doubled end of a word and the start of
    the next ("แบบบ้าน")."""
    run, text = m.group(0), m.string
    if len(run) == 3 and m.end() < len(text) and _THAI_CHAR.match(text[m.end()]):
        before = _THAI_WORD_BEFORE.search(text, 0, m.start())
        head = before.group(0) if before else ""
        words = _thai_dictionary()
        if any(head[i:] + run[:2] in words for i in range(len(head))):
            return run
    return m.group(1)


@lru_cache(maxsize=1)
def _thai_dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words  # (only when a letter is tripled: most messages never need it)
    return frozenset(thai_words())


# A unit typed against its number ("50km", "600mw"): written apart, as the facts write it, so the unit is a word
_UNIT_JOINED = re.compile(r"(?<=\d)(?=(?:km|kms|kilomet(?:er|re)s?|mw|kw|gw|mb|gb)\b)")


def normalize(text: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Return the canonical form of a user message used by every later step.

    The result is lower case (Latin), NFC, free of invisible marks, with Arabic digits and collapsed
    repetitions and white space. It never raises on any ``str``.
    """
    if not text:
        return ""
    text = text[: max_chars * 2]  # bound the work before the cheap passes below
    text = text.translate(_INVISIBLE)
    # NFKC folds fullwidth Latin and compatibility forms, but decomposes Thai SARA AM: recompose it.
    text = unicodedata.normalize("NFKC", text).replace("\u0e4d\u0e32", "\u0e33")
    if has_thai(text):
        text = _thai_normalize(text)
        text = text.translate(_THAI_DIGITS)
        text = _THAI_REPEAT.sub(_repeat_collapsed, text)
        text = _PARTICLE_DOUBLED.sub(lambda m: m.group(1), text)
        text = _MA_TONED.sub(r"\1มะ", text)
        text = _PERCENT_CUT.sub(r"\1\2เปอร์เซ็นต์", text)
        text = _MONTH_UNDOTTED.sub(_dotted_month, text)
    text = _LAUGH.sub(" ", text)
    text = _OTHER_REPEAT.sub(r"\1\1", text)
    text = _NUMBER_MARK.sub("", _MEETING_SHORT.sub(lambda m: "meetings" if m.group(0).endswith("s") else "meeting", text))
    text = _SPACE.sub(" ", text).strip().lower()
    text = _UNIT_JOINED.sub(" ", text)
    text = _passed_on(text)
    return text[:max_chars]


def detect_language(text: str) -> str:
    """``"th"`` when Thai letters are at least a quarter of the letters, else ``"en"``.

    Mixed messages such as ``ภูเก็ต smart city คืออะไร`` are Thai: the Thai words carry the question.
    """
    thai = len(_THAI_CHAR.findall(text))
    if thai == 0:
        return "en"
    latin = len(_LATIN_LETTER.findall(text))
    # "smart living คือ", "depa ทำไร": an English term asked about with a Thai question word or particle.
    return "th" if thai * 3 >= latin or _THAI_ASKING.search(text) else "en"


def has_latin(text: str) -> bool:
    """True when ``text`` holds a Latin letter (so English patterns could match it)."""
    return _LATIN_LETTER.search(text) is not None
