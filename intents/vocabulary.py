"""Words the bot has never seen: a question that asks about one asks about something the knowledge base lacks.

"ดีป้ามีพนักงานกี่คน" shares "ดีป้า" and "กี่คน" with many facts, so lexical similarity alone finds a fact about
depa; but no fact, no example question and no answer ever says "พนักงาน" (staff). A real Thai word (in
pythainlp's dictionary, so not a typo's fragment) that the bot's domain never uses is the mark of a question
about a neighbouring topic: retrieval must then match very closely, or the bot says it does not know. English
is not checked (visitors paraphrase with many words no fact uses, and without a dictionary a word cannot be
told from a typo or a name); ``lexicon/off_topic.yaml`` covers English off-topic words.

Known words are those of every fact's questions, answers and details (the live knowledge, staff edits
included), the intent examples other than the off-topic ones, and common words (pythainlp's Thai stop
words, everyday chat words in ``lexicon/chat_words.yaml``). A Thai compound of known
words ("ผู้รับมอบ" = "ผู้" + "รับมอบ") is known.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml
from pythainlp.corpus import thai_stopwords, thai_words

from .features import tokenize
from .normalize import normalize

__all__ = ["Vocabulary", "words_of"]

CHAT_WORDS = Path(__file__).parent / "lexicon" / "chat_words.yaml"

_THAI = re.compile(r"^[\u0e00-\u0e7f]+$")


@lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The word tokens of ``text``, normalised (cached: a staff edit re-reads mostly the same texts)."""
    return frozenset(t for t in tokenize(normalize(text)) if len(t) > 1)


class Vocabulary:
    """The words the bot knows, and the unknown real words of a question."""

    def __init__(self, common: Iterable[str] = (), chat_words: Path = CHAT_WORDS):
        chat = yaml.safe_load(chat_words.read_text(encoding="utf-8"))
        self.common = frozenset(common) | frozenset(thai_stopwords()) | frozenset(normalize(w) for w in chat["th"])
        self.dictionary = thai_words()

    def _compound(self, word: str, known: frozenset[str]) -> bool:
        """True when ``word`` is two known words written together ("ขนส่งมวลชน" = "ขนส่ง" + "มวลชน")."""
        return any((word[:i] in known or word[:i] in self.common) and (word[i:] in known or word[i:] in self.common)
                   for i in range(2, len(word) - 1))

    def unknown(self, tokens: Iterable[str], known: frozenset[str]) -> list[str]:
        """The Thai tokens of a question (names removed) that are real words the bot's domain never uses
        (``known``: the live knowledge's words)."""
        out = []
        for t in tokens:
            t = t.casefold()
            if len(t) < 2 or t in known or t in self.common:
                continue
            if _THAI.match(t):
                if t in self.dictionary and not self._compound(t, known):  # a word someone meant, not a typo
                    out.append(t)
        return out
