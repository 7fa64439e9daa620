"""Words the bot has never seen: a question that asks about one asks about something the knowledge base lacks.

"ดีป้ามีพนักงานกี่คน" shares "ดีป้า" and "กี่คน" with many facts, so lexical similarity alone finds a fact about
depa; but no fact, no example question and no answer ever says "พนักงาน" (staff). A real Thai word (in
pythainlp's dictionary, so not a typo's fragment) that the bot's domain never uses is the mark of a question
about a neighbouring topic: retrieval must then match very closely, or the bot says it does not know. An English
word (four letters or more) counts when no known word is a spelling of it, its plural or -ed/-ing form, or
close to it (a typo); everyday chat words ("lol", "stuff", "marketing") are listed in ``lexicon/chat_words.yaml``.

Known words are those of every fact's questions, answers and details (the live knowledge, staff edits
included), the intent examples other than the off-topic ones, and common words (pythainlp's Thai stop
words, everyday chat words in ``lexicon/chat_words.yaml``). A Thai compound of known
words ("ผู้รับมอบ" = "ผู้" + "รับมอบ") is known.
"""

from __future__ import annotations

import importlib.util
import re
import runpy
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import yaml
from pythainlp.corpus import thai_stopwords, thai_words
from rapidfuzz import fuzz, process

from .features import tokenize
from .normalize import normalize

__all__ = ["Vocabulary", "words_of"]

CHAT_WORDS = Path(__file__).parent / "lexicon" / "chat_words.yaml"

_THAI = re.compile(r"^[\u0e00-\u0e7f]+$")
_LATIN = re.compile(r"^[a-z]+$")
# an English compound written with a hyphen ("short-term", "one-year") says what is asked as much as a word
_LATIN_COMPOUND = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the Glasgow IR group's list), read from its module file: importing
    scikit-learn for one constant took two of the server's five seconds of start-up (it is needed only to
    train, in a separate step)."""
    spec = importlib.util.find_spec("sklearn")  # locates the package without running it
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "feature_extraction" / "_stop_words.py"
    return frozenset(runpy.run_path(str(path))["ENGLISH_STOP_WORDS"])


_EN_STOP = _english_stop_words()
# Words that ask (what kind of answer), never what about.
_ASKING = frozenset("what whats which when where who whom whose why how many much long year years date time ใด ไหน ไหม "
                    # "what is it known for", "famous for": what it is, not a topic of its own
                    "known famous famed renowned "
                    # "how is it" ("ขอนแก่นอากาศเป็นไง" asks about the weather, not anything said "เป็นไงบ้าง")
                    "เป็นไง ยังไง เป็นยังไง ไง อย่างไร"
                    .split())
#: A known word used by at most this share of the facts names a topic ("festival", "ติดตั้ง"), not a question's frame.
RARE_SHARE = 0.05


@lru_cache(maxsize=8)
def _known_latin_words(known: frozenset[str]) -> list[str]:
    return sorted(w for w in known if _LATIN.match(w) and len(w) >= 3)


@lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The word tokens of ``text``, normalised (cached: a staff edit re-reads mostly the same texts)."""
    return frozenset(t for t in tokenize(normalize(text)) if len(t) > 1)


@lru_cache(maxsize=4)  # one per knowledge snapshot (frozensets keep their hash: a look-up is cheap)
def _known_parts(known: frozenset[str], common: frozenset[str]) -> frozenset[str]:
    """Every Thai piece of a known word whose other piece (two letters or more) is a known or common word:
    "อีสาน" of "ภาคอีสาน". Built once, so a question's unknown word costs a look-up, not a scan of the
    vocabulary (which took milliseconds for each new word)."""
    words = known | common
    parts: set[str] = set()
    for k in known:
        if len(k) >= 4 and _THAI.match(k):
            for i in range(2, len(k) - 1):
                head, tail = k[:i], k[i:]
                if tail in words:
                    parts.add(head)
                if head in words:
                    parts.add(tail)
    return frozenset(parts)


def _part_of_known(word: str, known: frozenset[str], common: frozenset[str]) -> bool:
    return word in _known_parts(known, common)


class Vocabulary:
    """The words the bot knows, and the unknown real words of a question."""

    def __init__(self, common: Iterable[str] = (), chat_words: Path = CHAT_WORDS):
        chat = yaml.safe_load(chat_words.read_text(encoding="utf-8"))
        self.stop = frozenset(thai_stopwords()) | frozenset(normalize(w) for w in chat["th"]) \
            | frozenset(str(w).casefold() for w in chat.get("en", ())) | _EN_STOP  # words that frame any question
        self.common = frozenset(common) | self.stop
        self.dictionary = thai_words()

    def _compound(self, word: str, known: frozenset[str]) -> bool:
        """True when ``word`` is two known words written together ("ขนส่งมวลชน" = "ขนส่ง" + "มวลชน")."""
        return any((word[:i] in known or word[:i] in self.common) and (word[i:] in known or word[i:] in self.common)
                   for i in range(2, len(word) - 1))

    def _part_of(self, word: str, known: frozenset[str]) -> bool:
        """True when a known word is ``word`` written together with another known word ("ภาคอีสาน" = "ภาค" +
        "อีสาน"): the knowledge does speak of it, as a part of a compound."""
        return len(word) >= 4 and _part_of_known(word, known, self.common)

    def unknown(self, tokens: Iterable[str], known: frozenset[str]) -> list[str]:
        """The Thai tokens of a question (names removed) that are real words the bot's domain never uses
        (``known``: the live knowledge's words)."""
        out = []
        for t in tokens:
            t = t.casefold()
            if len(t) < 2 or t in known or t in self.common:
                continue
            if _THAI.match(t):
                # a word someone meant, not a typo's fragment, and not made of known words, nor a part of one
                if t in self.dictionary and not self._compound(t, known) and not self._part_of(t, known):
                    out.append(t)
            elif _LATIN.match(t) and len(t) >= 4 and not self._known_latin(t, known):
                out.append(t)  # "taxi", "password", "staff": no fact, question or answer ever says it
        return out

    def distinctive(self, tokens: Iterable[str], word_facts: Mapping[str, int], n_facts: int) -> list[str]:
        """The known words of a question (names removed) that few facts use (``word_facts``: in how many of
        the ``n_facts`` facts each word appears): what the question is about, which an answer must touch."""
        out: list[str] = []
        for t in tokens:
            t = t.casefold()
            if len(t) < 2 or t in self.common or t in _ASKING or t in out or not (
                    _THAI.match(t) or _LATIN.match(t) or _LATIN_COMPOUND.match(t)):
                continue
            if 0 < word_facts.get(t, 0) <= RARE_SHARE * n_facts:
                out.append(t)
        return out

    @staticmethod
    @lru_cache(maxsize=8192)  # the fuzzy search over every known word is the costly part: once per word
    def _known_latin(word: str, known: frozenset[str]) -> bool:
        """True when ``word`` is a known English word, a plural or -ed/-ing form of one, or a typo of one."""
        # (plurals in -ies, "industries"; -ory and -ion of one stem, "preparatory" / "preparation")
        # A stem of four letters or more may be any cut ("president" / "preside", "northern" / "north"); a
        # shorter one only a real ending's ("buses" / "bus", "bigger" / "big"), so "busan" is not "bus" + "an"
        # nor "seoul" "seo" + "ul".
        stems = {word} | {s for s in (word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e") if len(s) >= 4}
        if word.endswith("s"):
            stems.add(word[:-1])
        if word.endswith(("es", "ed", "er")):
            stems |= {word[:-1], word[:-2]}
        if word.endswith("ing"):
            stems |= {word[:-3], word[:-3] + "e"}
        for ending in ("er", "ed", "ing", "est"):  # a doubled consonant: "bigger", "planned", "running"
            if word.endswith(ending) and len(word) > len(ending) + 2 and word[-len(ending) - 1] == word[-len(ending) - 2]:
                stems.add(word[:-len(ending) - 1])
        if word.endswith("ies"):
            stems.add(word[:-3] + "y")
        # the base form of a word the facts inflect: "serve" when they say "served", "chair" / "chaired"
        stems |= {word + "s", word + "d", word + "ed", word + "es", word + "ing", word[:-1] + "ing"}
        if word.endswith("ory"):
            stems |= {word[:-3] + "ion", word[:-4] + "ion", word[:-5] + "e"}
        if any(s in known for s in stems if len(s) >= 3):
            return True
        latin = _known_latin_words(known)
        match = process.extractOne(word, latin, scorer=fuzz.ratio, score_cutoff=84)
        return match is not None

