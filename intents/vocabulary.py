"""Words the bot has never seen: a question that asks about one asks about something the knowledge base lacks.

"ดีป้ามีพนักงานกี่คน" shares "ดีป้า" and "กี่คน" with many facts, so lexical similarity alone finds a fact about
depa; but no fact, no example question and no answer ever says "พนักงาน" (staff). A real word (in the Thai
dictionary, or an English word that is not a typo of a known one) that the bot's domain never uses is the
mark of a question about a neighbouring topic: retrieval must then match very closely, or the bot says it
does not know.

Known words are those of every fact's questions, answers and details (the live knowledge, staff edits
included), the intent examples other than the off-topic ones, and common words (pythainlp's Thai stop
words, English function words, everyday chat words in ``lexicon/chat_words.yaml``). A Thai compound of known
words ("ผู้รับมอบ" = "ผู้" + "รับมอบ") is known.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml
from pythainlp.corpus import thai_stopwords, thai_words
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .features import tokenize
from .normalize import normalize

__all__ = ["Vocabulary", "words_of"]

CHAT_WORDS = Path(__file__).parent / "lexicon" / "chat_words.yaml"

_THAI = re.compile(r"^[\u0e00-\u0e7f]+$")
_LATIN = re.compile(r"^[a-z]+$")
_EN_COMMON = frozenset(
    "a an the is are was were be been being am of in on at to for and or but do does did done it its this that "
    "these those what which who whom whose when where why how me tell please can could would should will shall "
    "you i my your we our us there their they them he she his her with by as from about any some all more most "
    "much many one ones other also too very just so not no yes if then than into over under after before "
    "get got have has had make made want know say said see like need thing things ok okay hi hello thanks thank "
    "really actually still yet ever now only lol pls plz whats what's hey".split())


@lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The word tokens of ``text``, normalised (cached: a staff edit re-reads mostly the same texts)."""
    return frozenset(t for t in tokenize(normalize(text)) if len(t) > 1)


class Vocabulary:
    """The words the bot knows, and the unknown real words of a question."""

    def __init__(self, common: Iterable[str] = (), chat_words: Path = CHAT_WORDS):
        chat = yaml.safe_load(chat_words.read_text(encoding="utf-8"))
        self.common = (frozenset(common) | _EN_COMMON | frozenset(thai_stopwords())
                       | frozenset(normalize(w) for w in chat["th"]) | frozenset(w.casefold() for w in chat["en"]))
        self.dictionary = thai_words()

    def _compound(self, word: str, known: frozenset[str]) -> bool:
        """True when ``word`` is two known words written together ("ขนส่งมวลชน" = "ขนส่ง" + "มวลชน")."""
        return any((word[:i] in known or word[:i] in self.common) and (word[i:] in known or word[i:] in self.common)
                   for i in range(2, len(word) - 1))

    def unknown(self, tokens: Iterable[str], known: frozenset[str], known_latin: list[str]) -> list[str]:
        """The tokens of a question (names removed) that are real words the bot's domain never uses.
        ``known`` are the live knowledge's words; ``known_latin`` its English ones (for typo checks)."""
        out = []
        for t in tokens:
            t = t.casefold()
            if len(t) < 2 or t in known or t in self.common:
                continue
            if _THAI.match(t):
                if t in self.dictionary and not self._compound(t, known):  # a word someone meant, not a typo
                    out.append(t)
            elif _LATIN.match(t) and len(t) >= 3:
                stem = t[:-1] if t.endswith("s") else t
                if stem in known or stem in self.common:
                    continue
                # A typo of a known word ("certifed") is not an unknown word; a three-letter word has no typos.
                if len(t) == 3 or process.extractOne(t, known_latin, scorer=Levenshtein.normalized_similarity,
                                      score_cutoff=0.75) is None:
                    out.append(t)
        return out
