"""What start-up computes from the knowledge base's texts, kept on disk for the next start.

Building the bot prepares every fact text as a question is prepared (normalised, names removed:
:func:`bot.service.fact_text_preparer`) and reads the words of every text (:func:`intents.vocabulary.words_of`):
some 15,000 texts, most of a start's time. The results depend only on the texts, the name catalogue, the
code and word lists of ``intents/``, the preparer's own module and pythainlp's version, so they are kept in ``BOT_DATA_DIR/cache`` in a
file named by a fingerprint of all of those: a change to any of them means a new file (older ones are
removed), never a stale result. A text not in the file is computed as before and the file rewritten once
the bot is built.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Callable, TypeVar

__all__ = ["TextCache", "fingerprint"]

log = logging.getLogger(__name__)

T = TypeVar("T")

INTENTS = Path(__file__).resolve().parent.parent / "intents"
PREPARER = Path(__file__).resolve().with_name("service.py")  # (where fact_text_preparer is written)


def fingerprint(catalogue: str) -> str:
    """A key for the results of the text functions under a name catalogue (see the module docstring)."""
    h = hashlib.sha256(catalogue.encode())
    h.update(version("pythainlp").encode())
    code = [p for p in INTENTS.glob("*.py")] + [p for p in (INTENTS / "lexicon").glob("*.yaml")] + [PREPARER]
    for path in sorted(code):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


class TextCache:
    """Prepared texts and word sets loaded from, and saved to, ``directory/texts-<key>.json``."""

    def __init__(self, directory: Path, key: str):
        self.directory, self.path = directory, directory / f"texts-{key}.json"
        self.stripped: dict[str, str] = {}
        self.words: dict[str, frozenset[str]] = {}
        self._new = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.stripped = {str(k): str(v) for k, v in data["stripped"].items()}
            self.words = {str(k): frozenset(map(str, v)) for k, v in data["words"].items()}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:  # damaged: recomputed, never fatal
            log.warning("text cache %s unreadable (%s); preparing the texts again", self.path.name, exc)

    def strip(self, prepare: Callable[[str], str]) -> Callable[[str], str]:
        """``prepare`` answered from the file where it can."""
        return self._through(self.stripped, prepare)

    def words_of(self, read: Callable[[str], frozenset[str]]) -> Callable[[str], frozenset[str]]:
        """``read`` answered from the file where it can."""
        return self._through(self.words, read)

    def _through(self, results: dict[str, T], compute: Callable[[str], T]) -> Callable[[str], T]:
        def cached(text: str) -> T:
            got = results.get(text)
            if got is None:
                got = results[text] = compute(text)
                self._new = True
            return got
        return cached

    def save(self) -> None:
        """Write the file if anything was computed, atomically (workers starting together may all write the
        same content), and remove files of other fingerprints. Failing to write costs only time."""
        if not self._new:
            return
        data = {"stripped": dict(self.stripped), "words": {k: sorted(v) for k, v in list(self.words.items())}}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".texts-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
            for old in self.directory.glob("texts-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
            self._new = False
        except OSError as exc:
            log.warning("text cache %s not written: %s", self.path.name, exc)
