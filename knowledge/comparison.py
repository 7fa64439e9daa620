"""Which of two things has more: a verdict worked out from the one figure each one's fact states.

"Did Chachoengsao score higher than Khon Kaen?" is answered with both cities' ranking facts; the reader should
not have to compare 76.78% with 53.81% to learn the answer. When the question compares ("higher", "มากกว่า")
and each fact states exactly one figure of the same unit (a percentage first), the bot says which is higher, or
yes/no for the order the question names them in. Nothing otherwise: two figures of different kinds, or a fact
with several, settle nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .polarity import counted
from .script import has_latin

_FIGURE = re.compile(r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d])")
_YEAR = re.compile(r"^(19|20|25)\d\d$")
# A standard to measure against: "the WHO benchmark", "เกณฑ์ขององค์การอนามัยโลก", "มาตรฐาน".
_BENCHMARK = re.compile(r"มาตรฐาน|เกณฑ์|องค์การอนามัยโลก|ที่แนะนำ|\b(benchmark|standard|recommend\w*|guideline)\b|\bthe who\b|"
                        r"\bwho (says|recommends|suggests)", re.I)

# A multiple of the standard claimed: "more than double the WHO figure", "มากกว่าสองเท่า", "three times".
_TIMES = re.compile(r"\b(double|twice|two times|2 times|triple|three times|3 times|four times|4 times)\b|"
                    r"(สอง|2|สาม|3|สี่|4)\s*เท่า", re.I)
_FACTORS = {"double": 2, "twice": 2, "two times": 2, "2 times": 2, "triple": 3, "three times": 3, "3 times": 3,
            "four times": 4, "4 times": 4, "สอง": 2, "2": 2, "สาม": 3, "3": 3, "สี่": 4, "4": 4}

__all__ = ["UNITS", "OWN_UNITS", "direction", "figures", "winner", "asks_to_compare", "against_benchmark", "without_comparison"]

# Split in two where only whether it matches counts: the English words (each with a Latin letter that only a
# Latin letter matches, even ignoring case) are tried only on text with a Latin letter.
_MORE_TH = re.compile(r"สูงกว่า|ดีกว่า|มากกว่า|เยอะกว่า|เหนือกว่า|เก่งกว่า|ชนะ|แซง")
_MORE_EN = re.compile(r"\b(higher|more|better|above|ahead|beat|beats|outscored?|outranked?|bigger|larger|greater)\b",
                      re.I)
_LESS_TH = re.compile(r"ต่ำกว่า|น้อยกว่า|แย่กว่า|ด้อยกว่า|แพ้")
_LESS_EN = re.compile(r"\b(lower|less|fewer|worse|below|behind|smaller)\b", re.I)
_WHICH = re.compile(r"ใคร|ไหน|\b(which|who|whose)\b", re.I)
_THAN = re.compile(r"กว่า|แซง|ชนะ|แพ้|\bthan\b|\bbeat|\boutscor|\boutrank|\bahead of\b|\babove\b|\bbelow\b|\bbehind\b", re.I)
UNITS = ("percent", "smart", "city", "area", "province", "station", "rai", "km", "baht")


def without_comparison(question: str) -> str:
    """``question`` without its words of comparing ("which is higher", "ใครดีกว่ากัน" → "is", ""): what is
    left says what is compared, if anything."""
    for rx in (_MORE_TH, _MORE_EN, _LESS_TH, _LESS_EN, _THAN, _WHICH):
        question = rx.sub(" ", question)
    return re.sub(r"กัน|อัน|\b(one|ones|of the two|of them|between them)\b", " ", question)


def direction(question: str) -> int:
    """+1 when ``question`` asks which has more ("scored higher", "ดีกว่า"), -1 for less, 0 when it does not
    compare (or says both)."""
    latin = has_latin(question)
    more = bool(_MORE_TH.search(question) or latin and _MORE_EN.search(question))
    less = bool(_LESS_TH.search(question) or latin and _LESS_EN.search(question))
    return 0 if more == less else (1 if more else -1)


#: Units that measure an area itself; a count of areas, cities or provinces in a fact about one area is of
#: something else ("Phuket and 14 other areas", "1 of 15 areas"), no figure to compare two areas by.
OWN_UNITS = tuple(u for u in UNITS if u not in ("city", "area", "province"))


def figures(answers: list[str], units: tuple[str, ...] = UNITS) -> list[float] | None:
    """The one figure of one unit (of ``units``) that every answer states (a percentage first), or None."""
    stated = [counted(a) for a in answers]
    for unit in units:
        values = [{n for n, u in s if u == unit} for s in stated]
        if all(len(v) == 1 for v in values):
            try:
                return [float(next(iter(v))) for v in values]
            except ValueError:
                return None
    return None


def winner(question: str, answers: list[str], units: tuple[str, ...] = UNITS) -> int | None:
    """The index of the answer with the larger figure (the smaller, for "lower"), or None when the question
    does not compare, the figures cannot be told apart, or they tie."""
    sense = direction(question)
    values = figures(answers, units) if sense else None
    if not values or len(set(values)) < len(values):
        return None
    best = max(values) if sense > 0 else min(values)
    return values.index(best)


@lru_cache(maxsize=4096)  # a pure reading of the question, asked of every message
def asks_to_compare(question: str, yes_no: bool) -> bool:
    """True when ``question`` asks which of two has more ("ใครคะแนนดีกว่ากัน", "which scored lower") or
    whether one has more than the other ("did X score higher than Y?"); not "tell me more about X and Y"."""
    return bool(direction(question)) and bool(_WHICH.search(question) or (yes_no and _THAN.search(question)))


def against_benchmark(question: str, answer: str, yes_no: bool) -> int | None:
    """For a question that compares the last answer's figure with a standard ("is that more than the WHO
    recommends?", "เยอะกว่ามาตรฐานป่ะ"), when that answer states its figure then the standard's (two figures,
    no more): 1 when the question's comparison holds, 0 when it does not, -1 when it compares without a
    direction ("how does that compare to the benchmark"); None when it is no such question or answer."""
    if not _BENCHMARK.search(question) or not _BENCHMARK.search(answer):
        return None
    sense = direction(question)
    times = _TIMES.search(question)
    factor = 1.0 if times is None else float(_FACTORS.get((times.group(1) or times.group(2)).casefold(), 1))
    if times is not None and not sense:
        sense = 1  # ("double the benchmark?": at least twice it)
    if not (sense or re.search(r"compare|เทียบ", question, re.I)):
        return None
    values = [float(n.replace(",", "")) for n in _FIGURE.findall(answer) if not _YEAR.match(n.replace(",", ""))]
    if len(values) != 2 or values[0] == values[1]:
        return None
    if not sense or not yes_no:
        return -1
    if sense > 0:
        return int(values[0] > values[1] * factor if direction(question) else values[0] >= values[1] * factor)
    return int(values[0] < values[1])
