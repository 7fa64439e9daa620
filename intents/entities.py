"""Entity linking: areas, places, smart dimensions, organisations, people, events, projects and concepts,
numbers and question form.

The lexicon is handed in as :class:`Term` objects (built from the knowledge base by the caller), so this
module knows nothing of where names come from. Matching works on the normalised text with spaces and
hyphens removed, because Thai is unspaced and users split names arbitrarily (``wang chan``, ``khonkaen``).
Exact matches win (longest first, no overlaps); when no city or place matches exactly, rapidfuzz's
``partial_ratio`` finds misspelt names (``ภูเกต``, ``khon kean``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from .normalize import has_latin
from .question import is_yes_no

__all__ = ["Term", "Entities", "EntityExtractor", "compact"]

_STRIP = re.compile(r"[\s\-_.,!?'\"()/]+")
_KEPT = re.compile(r"[^\s\-_.,!?'\"()/]+")  # what _STRIP leaves
_NUMBER = re.compile(r"(?<![\d.])\d{1,4}(?![\d.])")
# (Each split in two: the English words are tried only on text with a Latin letter.)
_FIRST_FIVE_TH = re.compile(r"(5|ห้า)\s*เมืองแรก|เมืองนำร่อง|นำร่อง|ชุดแรก|รุ่นแรก|กลุ่มแรก|รอบแรก|แรกสุด")
_FIRST_FIVE_EN = re.compile(r"first\s*(5|five)|(5|five)\s*pilot|pilot|\bfirst\s*(batch|round|group|cohort|wave)|"
                            r"\b(group|set) of (5|five)\b|"
                            r"\b(got|received|were|was|get)\b.{0,40}\bfirst\s*[?.!]*$|"
                            r"\b(first|earliest)\s*(ones?|cities|areas|smart cities)\b|"
                            r"\b(the|of)\s+(5|five)\s+(cities|areas|places)\b")  # "one of the 5 cities"
# "which cities were approved on 6 May 2021": the day the five were approved, in a question about which cities
_FIRST_FIVE_DAY = re.compile(r"\b6(th)?\s*may,?\s*2021\b|\bmay\s*6(th)?,?\s*2021\b|(?<!\d)6\s*(พ\.ค\.|พฤษภาคม)\s*(25)?64(?!\d)")
_WHICH_CITIES = re.compile(r"\bwhich (cities|areas|places|ones)\b|\bone of\b|เมือง(ไหน|ใด)|พื้นที่(ไหน|ใด)|ที่ไหนบ้าง|ไหนบ้าง|ใดบ้าง")
# "นอกจาก 5 เมืองแรก", "other than the first five": the question is about the others.
_EXCEPT_TH = re.compile(r"นอกจาก|นอกเหนือจาก|ยกเว้น")
_EXCEPT_EN = re.compile(r"\b(besides|except|excluding|other than|apart from|beyond)\b")
# "7 พื้นที่นำร่อง", "the 7 pilot areas": pilots of another round, not the first five.
_OTHER_N = r"(?:(?<![\d.])(?!5(?!\d))\d+|\b(?:two|three|four|six|seven|eight|nine|ten)\b|สอง|สาม|สี่|หก|เจ็ด|แปด)"
_OTHER_PILOTS = re.compile(_OTHER_N + r"\s*(?:[a-z]+\s+){0,2}?(พื้นที่|เมือง|แห่ง)?\s*(นำร่อง|pilot)|"
                           r"(นำร่อง|pilot)\s*(?:ทั้ง|ทั้งหมด|all|the)?\s*" + _OTHER_N + r"\s*(พื้นที่|เมือง|แห่ง|จังหวัด|areas|cities)")


#: Thai vowels and marks that attach to the consonant before them: a word never ends right before one.
_THAI_COMBINING = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45"
                            "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
# A short Thai name ("ขก", chat shorthand for Khon Kaen) is two bare consonants that many words contain: it
# must not follow a leading vowel or a mark of the syllable before ("แขก", "สุขกาย", "โขก"), nor end before a
# vowel of the next one.
SHORT_THAI = 2
# Thai place names that are everyday words too: "เลย" (Loei) is the particle of "ขอนแก่นเลยป่ะ".
_WORD_NAMES = frozenset({"เลย"})
# A Thai place name that begins a longer everyday word: "น่าน" (Nan) in "น่านน้ำ" (waters), "น่านฟ้า" (airspace).
_WORD_STARTS = {"น่าน": ("น้ำ", "ฟ้า")}
# "เมืองใหม่" that means cities newly certified, not the type "เมืองใหม่ทันสมัย": "มีเมืองใหม่ได้ตราไหม",
# "เมืองใหม่ที่ได้ตราคือที่ไหน", "ได้เมืองใหม่กี่เมือง" (after "เป็น" or "แบบ" it is still the type).
_NEW_AREAS_AFTER = re.compile(r"(?:ที่|อีก)?(?:ได้|ได้รับ|รับ)(?:ตรา|โลโก้|การรับรอง|รับรอง)|กี่(?:เมือง|แห่ง|พื้นที่|ที่)|เพิ่ม")
_NEW_AREAS_BEFORE = ("มี", "ได้", "มีการมอบตรา")
_WORDS_STARTED = re.compile("|".join(f"{name}(?:{'|'.join(after)})" for name, after in _WORD_STARTS.items()))
_THAI_BEFORE_SYLLABLE = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44") | _THAI_COMBINING


def compact(text: str) -> str:
    """Lower case with spaces, hyphens and punctuation removed: the form names are matched in."""
    return _STRIP.sub("", text.casefold())


# "ครั้งที่ 1/2565" is as often written "1/2565": a meeting's name is found either way.
_MEETING_NO = re.compile(r"ครั้งที่\s*(?=\d+/\d)")


def _keys(alias: str) -> list[str]:
    """The compacted keys an alias is found by: itself, without "ครั้งที่" before a meeting's number, and with
    "มหาวิทยาลัย" said as people say it, "มหาลัย" ("มหาลัยเชียงใหม่" is Chiang Mai University's)."""
    keys = [compact(alias)]
    bare = compact(_MEETING_NO.sub("", alias))
    if bare != keys[0]:
        keys.append(bare)
    keys += [k.replace("มหาวิทยาลัย", "มหาลัย") for k in keys if "มหาวิทยาลัย" in k]
    return [k for k in dict.fromkeys(keys) if k]


@dataclass(frozen=True)
class Term:
    """One surface form of an entity: ``kind`` is city, place, dimension or entity."""

    kind: str  # city, place, dimension or entity (organisation, person, event, project, concept)
    id: str
    alias: str


@dataclass
class Entities:
    cities: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)  # organisations, people, events, projects, concepts
    subjects: list[str] = field(default_factory=list)  # cities, entities and dimensions, in order of mention
    dimensions: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    yes_no: bool = False
    first_five: bool = False
    masked: str = ""  # the text with city and place names replaced by placeholders (classifier input)
    remainder: str = ""  # the text with every name removed: what is asked about them
    # Places named only by a city's own name ("khon kaen" is the city and its province): no second place.
    city_named_places: list[str] = field(default_factory=list)

    @property
    def city(self) -> str | None:
        return self.cities[0] if self.cities else None

    def as_dict(self) -> dict:
        """The JSON form used by ``/api/ask``: only what was found."""
        out: dict = {}
        if self.cities:
            out["city"] = self.cities[0]
            if len(self.cities) > 1:
                out["cities"] = list(self.cities)
        if self.places:
            out["place"] = self.places[0]
        if self.dimensions:
            out["dimension"] = self.dimensions[0]
        if self.entities:
            out["subjects"] = list(self.entities)
        if self.numbers:
            out["numbers"] = list(self.numbers)
        return out


class EntityExtractor:
    """Finds known names in normalised text."""

    #: Minimum fuzzy score (0–100) for a misspelt name, by the length of the alias.
    FUZZY_CUTOFF_SHORT = 90.0  # aliases of 4–5 characters
    FUZZY_CUTOFF = 86.0

    def __init__(self, terms: Iterable[Term]):
        terms = list(terms)
        masked_terms = sorted(f"{t.kind}\t{t.id}\t{compact(t.alias)}" for t in terms if t.kind in PLACEHOLDERS)
        self.fingerprint = hashlib.sha256("\n".join(masked_terms).encode()).hexdigest()[:12]
        #: Every name known, not just the masked kinds: two extractors with the same catalogue read text alike.
        self.catalogue = hashlib.sha256("\n".join(sorted(f"{t.kind}\t{t.id}\t{t.alias}" for t in terms)).encode()
                                        ).hexdigest()[:16]
        self._exact: dict[str, list[Term]] = defaultdict(list)
        self._short: dict[str, list[Term]] = defaultdict(list)  # short Latin aliases: whole tokens only
        for term in terms:
            for key in _keys(term.alias):
                if len(key) <= 3 and key.isascii():
                    self._short[key].append(term)
                else:
                    self._exact[key].append(term)
        # Exact matching looks up, at each position, only the lengths of the keys that start with the two
        # characters there (and a one-character key), longest first; most positions start no key at all.
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._exact:
            lengths[key[:2]].add(len(key))
        self._lengths = {p: sorted(ls | ({1} if p[0] in self._exact else set()), reverse=True)
                         for p, ls in lengths.items()}
        # Fuzzy candidates are prefiltered by shared character bigrams (a typo keeps most of them).
        self._fuzzy_keys = [k for k in self._exact if len(k) >= 4
                            and any(t.kind in ("city", "place") for t in self._exact[k])]
        self._bigram_index: dict[str, list[int]] = defaultdict(list)
        self._bigram_count: list[int] = []
        for i, key in enumerate(self._fuzzy_keys):
            grams = _bigrams(key)
            self._bigram_count.append(len(grams))
            for g in grams:
                self._bigram_index[g].append(i)
        self._bigram_arrays = {g: np.array(keys, dtype=np.intp) for g, keys in self._bigram_index.items()}
        self._bigram_sizes = np.array(self._bigram_count, dtype=np.intp)
        # What fuzzy matching compares of each key, worked out once rather than for each message.
        self._key_distinctive = {k: _distinctive(k) for k in self._fuzzy_keys}
        # Every way the key's names split into words ("Mae Moh" and "maemoh" share the key "maemoh"): which alias
        # came first must not decide whether "mae mohs" is found (it did, by the catalogue's set order).
        self._key_words = {k: sorted({tuple(re.findall(r"[a-z0-9]+", t.alias.casefold())) for t in self._exact[k]})
                           for k in self._fuzzy_keys}

    def extract(self, text: str, tokens: list[str] | None = None, fuzzy: bool = True) -> Entities:
        """Entities of normalised ``text`` (``tokens`` are its word tokens, used for short names);
        ``fuzzy`` also looks for misspelt city and place names."""
        ent = Entities()
        flat, positions = _compact_with_positions(text)
        spans: list[tuple[int, int, Term]] = []
        i, n = 0, len(flat)
        starting = self._lengths
        def matches(at: int) -> list[int]:
            """The lengths of the names that start at ``at``, longest first."""
            out = []
            for length in starting.get(flat[at:at + 2], ()):
                terms = self._exact.get(flat[at:at + length]) if at + length <= n else None
                if terms and self._whole_word(text, positions, at, at + length, any(
                        t.kind in ("city", "place") for t in terms)) and self._named_here(flat, at, at + length):
                    out.append(length)
            return out

        while i < n:  # leftmost, then longest match; matches never overlap
            found = matches(i) if flat[i:i + 2] in starting else []
            if not found:
                i += 1
                continue
            length = found[0]
            # ...unless a shorter one is followed by a name that reaches further than the longest: "khon kaen tram
            # noy" is Khon Kaen and Tram Noy, not "Khon Kaen tram" (the light rail) and a stray "noy"
            # (not a fuller name of the same thing: "Khon Kaen Smart City bus" keeps the city's full name)
            longest = {t.id for t in self._exact[flat[i:i + length]]}
            for shorter in found[1:]:
                # (and the name that follows is another thing too: "khon kaen lrt main line" is the light rail)
                if not longest & {t.id for t in self._exact[flat[i:i + shorter]]} and any(
                        shorter + m > length and not longest & {t.id for t in self._exact[flat[i + shorter:i + shorter + m]]}
                        for m in matches(i + shorter)):
                    length = shorter
                    break
            spans.extend((i, i + length, t) for t in self._exact[flat[i:i + length]])
            i += length
        words = set(tokens or ()) | set(re.findall(r"[a-z0-9]+", text.casefold()))
        for key, terms in self._short.items():
            if key in words:
                pos = flat.find(key)
                spans.extend((pos, pos + len(key), t) for t in terms)
        spans.sort(key=lambda s: s[0])
        for _, _, term in spans:
            self._add(ent, term, term.alias)
        city_spans = {(a, b) for a, b, t in spans if t.kind == "city"}
        ent.city_named_places = [t.id for a, b, t in spans if t.kind == "place" and (a, b) in city_spans]
        ent.masked = _mask(text, positions, spans)
        ent.remainder = _mask(text, positions, spans, every=True)
        if fuzzy and not ent.cities and not ent.places and not ent.entities and flat:
            # (nor is a misspelt name read in those everyday words: "น่านน้ำ" is no "เมืองน่าน")
            self._fuzzy(ent, _WORDS_STARTED.sub(" ", flat), text)
        ent.numbers = [int(n) for n in _NUMBER.findall(text)]
        ent.yes_no = is_yes_no(text)
        latin = has_latin(text)
        # (read without the names found: "the Siam Square cableless pilot" is a project, not the first five)
        bare = ent.remainder
        ent.first_five = bool(_FIRST_FIVE_TH.search(bare) or latin and _FIRST_FIVE_EN.search(bare)
                               or (_FIRST_FIVE_DAY.search(text) and _WHICH_CITIES.search(text))) and not (
            _EXCEPT_TH.search(text) or latin and _EXCEPT_EN.search(text)) and not _OTHER_PILOTS.search(text)
        return ent

    def mask_text(self, text: str) -> str:
        """Normalised ``text`` with city and place names replaced by placeholders (for training)."""
        from .features import tokenize

        return self.extract(text, tokenize(text)).masked

    @staticmethod
    def _named_here(flat: str, start: int, end: int) -> bool:
        """A Thai place name that is also an everyday word ("เลย", Loei, and the particle "เลย") names the place
        only after "จังหวัด" or "จ." ("จังหวัดเลย"), but not in "ทั้งจังหวัดเลย" (the whole province, then the
        particle)."""
        key, before = flat[start:end], flat[:start]
        if key == "เมืองใหม่" and (_NEW_AREAS_AFTER.match(flat, end) or before.endswith(_NEW_AREAS_BEFORE)):
            return False  # ("ปี 68 มีเมืองใหม่ได้ตราไหม": cities newly given the logo, not the type "new city")
        if key.startswith("อำเภอ") and before.endswith("นาย") or key.startswith("อ") and before.endswith("นายอำเภ"):
            return False  # ("นายอำเภอแม่เมาะ": the district chief of Mae Moh, the post kept and Mae Moh named)
        if key in _WORD_STARTS and flat.startswith(_WORD_STARTS[key], end):
            return False
        if key.startswith("จังหวัด") and key[len("จังหวัด"):] in _WORD_NAMES:
            return not before.endswith("ทั้ง")  # ("จังหวัดเลย" matched whole)
        if key not in _WORD_NAMES:
            return True
        return before.endswith(("จังหวัด", "จ", "เมือง")) and not before.endswith("ทั้งจังหวัด")

    @staticmethod
    def _whole_word(text: str, positions: list[int], start: int, end: int, possessive: bool = False) -> bool:
        """A Latin-script name must be a whole word: "nan" is not a name inside "finance"; a Thai name must
        end on a character boundary: "ตราด" is not a name in "ได้ตราด้วย" (the tone mark after ด belongs to
        the next syllable). A ``possessive`` name (a city's or a place's) may end in the "s" of a possessive
        written without its apostrophe ("mae mohs"), not a notion ("logos" is a plural)."""
        a, b = positions[start], positions[end - 1]
        if b + 1 < len(text) and text[b + 1] in _THAI_COMBINING:
            return False
        if end - start <= SHORT_THAI and not text[a].isascii() and a > 0 and text[a - 1] in _THAI_BEFORE_SYLLABLE:
            return False
        if text[a].isascii() and text[a].isalnum() and a > 0 and text[a - 1].isascii() and text[a - 1].isalnum():
            return False
        if (text[b].isascii() and text[b].isalnum() and b + 1 < len(text) and text[b + 1].isascii()
                and text[b + 1].isalnum()):
            # "mae mohs power plant", "yalas score": an English possessive written without its apostrophe (a name
            # of four letters or more, so that a short one is not read inside another word)
            return possessive and _POSSESSIVE_S.match(text, b + 1) is not None and end - start >= 4 and text[a].isalpha()
        return True

    @staticmethod
    def _add(ent: Entities, term: Term, alias: str) -> None:
        if term.kind in ("city", "entity", "dimension") and term.id not in ent.subjects:
            ent.subjects.append(term.id)
        if term.kind == "entity" and term.id not in ent.entities:
            ent.entities.append(term.id)
        if term.kind == "city" and term.id not in ent.cities:
            ent.cities.append(term.id)
        elif term.kind == "place" and term.id not in ent.places:
            ent.places.append(term.id)
        elif term.kind == "dimension" and term.id not in ent.dimensions:
            ent.dimensions.append(term.id)

    def _fuzzy(self, ent: Entities, flat: str, text: str) -> None:
        """Misspelt city and place names. Thai names are matched inside the unspaced text; a Latin name only
        against whole words of the message (never inside a longer word), so fuzzy matching cannot invent a
        city out of "finance" or "a smart city"."""
        # Shared bigrams per key counted in NumPy; candidates in the order a key was first met, as a dict kept them.
        index = self._bigram_arrays
        postings = [index[g] for g in _bigrams(flat) if g in index]
        if postings:
            keys = np.concatenate(postings)
            shared = np.bincount(keys, minlength=len(self._fuzzy_keys))
            met, first = np.unique(keys, return_index=True)
            order = met[np.argsort(first, kind="stable")]
            candidates = [self._fuzzy_keys[i] for i in order[shared[order] * 2 >= self._bigram_sizes[order]].tolist()]
        else:
            candidates = []
        distinctive = self._key_distinctive
        thai = [k for k in candidates if not k.isascii() and len(distinctive[k]) >= 4]
        latin = [k for k in candidates if k.isascii() and len(k) >= 5]
        matches: list[tuple[str, float, int]] = []
        if thai:
            # Compare only what tells a name apart: "เมืองอัจฉริยะ" alone must not look like "เมืองน่าน".
            found = process.extract(flat, [distinctive[k] for k in thai], scorer=fuzz.partial_ratio,
                                    score_cutoff=self.FUZZY_CUTOFF, limit=3)
            matches.extend((thai[i], score, i) for _, score, i in found)
        typed: dict[str, list[str]] = {}  # a Latin name's misspelt words as typed ("wangchang vally")
        if latin:
            matches.extend(self._fuzzy_latin(latin, re.findall(r"[a-z0-9]+", text.casefold()), typed))
        matches.sort(key=lambda m: -m[1])
        for key, score, _ in matches:
            if len(key) <= 5 and score < self.FUZZY_CUTOFF_SHORT:
                continue
            # A name much longer than the message is not what the user typed.
            if len(key) > len(flat) * 1.5 + 2:
                continue
            kinds = [term.kind for term in self._exact[key] if term.kind in ("city", "place")]
            for term in self._exact[key]:
                if term.kind in ("city", "place"):
                    self._add(ent, term, term.alias)
            if ent.cities or ent.places:
                if key in typed:
                    # the misspelt name goes from what the classifier and the search read, as a name spelt
                    # right does ("wangchang vally smart city" asks what "wangchan valley smart city" asks)
                    said = re.compile(r"(?<![a-z0-9])" + r"\W+".join(map(re.escape, typed[key])) + r"(?![a-z0-9])", re.I)
                    ent.masked = said.sub(PLACEHOLDERS["city" if "city" in kinds else "place"], ent.masked, count=1)
                    ent.remainder = said.sub(" ", ent.remainder, count=1)
                return


    def _fuzzy_latin(self, keys: list[str], words: list[str],
                     typed: dict[str, list[str]] | None = None) -> list[tuple[str, float, int]]:
        """Latin names compared word by word with the same number of the message's words, so that a typo
        in a word matches ("khon kean") but another word does not ("a smart city" is not "nan smart city").
        ``typed`` gets, for each name matched, the message's words that matched it best."""
        out = []
        for key in keys:
            best = 0.0
            for alias in self._key_words[key]:
                k = len(alias)
                for i in range(len(words) - k + 1):
                    window = words[i:i + k]
                    if all(fuzz.ratio(a, b) >= 75 for a, b in zip(alias, window)):
                        score = fuzz.ratio(key, "".join(window))
                        if score > best and typed is not None:
                            typed[key] = window
                        best = max(best, score)
            if best >= self.FUZZY_CUTOFF:
                out.append((key, best, 0))
        return out


#: The "s" of a possessive written without its apostrophe, ending the word: "mae mohs", "yalas".
_POSSESSIVE_S = re.compile(r"s(?![a-z0-9])", re.I)


#: Placeholders for names in the classifier's input: "ภูเก็ตอยู่ไหน" and "สามย่านอยู่ไหน" look alike to it,
#: so it learns the question, not the city that happened to be in the examples.
PLACEHOLDERS = {"city": " zcity ", "place": " zplace "}


def _compact_with_positions(text: str) -> tuple[str, list[int]]:
    """:func:`compact` plus, for each of its characters, the index of the character it came from."""
    out: list[str] = []
    pos: list[int] = []
    for run in _KEPT.finditer(text):  # runs of kept characters, not one character at a time
        chunk, start = run.group(), run.start()
        folded = chunk.casefold()
        if len(folded) == len(chunk):  # every character folds to one (casefold maps each on its own)
            out.append(folded)
            pos.extend(range(start, run.end()))
            continue
        for i, ch in enumerate(chunk, start):  # a character that folds to several ("ß" → "ss")
            for c in ch.casefold():
                out.append(c)
                pos.append(i)
    return "".join(out), pos


def _mask(text: str, positions: list[int], spans: list[tuple[int, int, Term]], every: bool = False) -> str:
    """``text`` with city and place names replaced by placeholders, or (``every``) every name removed."""
    pieces, last = [], 0
    for start, end, term in spans:
        if start < 0 or (term.kind not in PLACEHOLDERS and not every):
            continue
        a, b = positions[start], positions[end - 1] + 1
        if a < last:
            continue  # the same span again (one alias of several terms)
        pieces.append(text[last:a])
        pieces.append(" " if every else PLACEHOLDERS[term.kind])
        last = b
    if not pieces:
        return text
    pieces.append(text[last:])
    return " ".join("".join(pieces).split())


_GENERIC = re.compile(r"เมืองอัจฉริยะ|สมาร์ทซิตี้|สมาร์ตซิตี้|smartcity|เมือง|จังหวัด|อำเภอ|สู่")


def _distinctive(key: str) -> str:
    """A compact name without the words many names share ("เมือง", "อัจฉริยะ", "สมาร์ทซิตี้")."""
    return _GENERIC.sub("", key)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}
