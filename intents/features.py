"""Tokenisation and the feature strings the intent classifier sees.

The same :func:`features` function feeds scikit-learn at training time and the fast scorer at run time,
so the two can never disagree about what a message looks like.
"""

from __future__ import annotations

from functools import lru_cache

from pythainlp.tokenize import word_tokenize

__all__ = ["tokenize", "features", "FEATURES_VERSION"]

#: Bump when :func:`features` changes, so cached models are retrained.
FEATURES_VERSION = 3

_PUNCT = set("!?.,;:'\"()[]{}<>/\\|-_~*&^%$#@+=`…“”‘’")


def _pick_engine() -> str:
    """nlpO3 is newmm in Rust (same dictionary, same tokens, ~4x faster); fall back to newmm."""
    try:
        word_tokenize("ทดสอบ", engine="nlpo3")
        return "nlpo3"
    except Exception:  # not installed or failed to load: the pure-Python newmm is always there
        return "newmm"


ENGINE = _pick_engine()


@lru_cache(maxsize=4096)
def _tokenize_cached(text: str) -> tuple[str, ...]:
    """The tokens, kept by text: a message is tokenised again by later steps (and the same texts come back)."""
    return tuple(t for t in word_tokenize(text, engine=ENGINE, keep_whitespace=False)
                 if not t.isspace() and not all(ch in _PUNCT for ch in t))


def tokenize(text: str) -> list[str]:
    """Word tokens of normalised text (pythainlp newmm; white space dropped, punctuation dropped)."""
    return list(_tokenize_cached(text))


def features(text: str, tokens: list[str] | None = None) -> list[str]:
    """Word unigrams and bigrams plus character 2–4-grams of the normalised text.

    Character n-grams are taken with spaces removed: Thai is written without them and users place them
    arbitrarily, while word n-grams keep the tokeniser's view.
    """
    if tokens is None:
        tokens = tokenize(text)
    out = [f"w:{t}" for t in tokens]
    out.extend(f"b:{a}|{b}" for a, b in zip(tokens, tokens[1:]))
    compact = "".join(ch for ch in text if not ch.isspace() and ch not in _PUNCT)
    padded = f"^{compact}$"
    n = len(padded)
    for size in (2, 3, 4):
        out.extend("c:" + padded[i:i + size] for i in range(n - size + 1))
    return out
