"""Background retraining after staff edits: the classifier learns the phrasings of edited entries.

Staff changes answer at once through fact retrieval (see :mod:`bot.live`); retraining makes the intent
classifier, one of retrieval's signals, learn the new phrasings too. It runs in a background thread a few seconds after the last change
(debounced), trains at most once per machine (the model cache's file lock; other workers load the result),
and swaps the new model in; answering never waits for it. A retrain keeps the current model's calibration (a few
phrasings more among thousands barely move it), so it is one fit, not the four of a first training.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from intents.entities import EntityExtractor
from intents.nlu import NLU, load_model
from knowledge.schema import Entry

from .services.training_examples import examples_from_entries

__all__ = ["Retrainer"]

log = logging.getLogger(__name__)


class Retrainer:
    def __init__(self, nlu: NLU, extractor: EntityExtractor, cache_dir: Path, delay: float = 3.0,
                 on_done: Callable[[], None] | None = None):
        self.nlu, self.extractor, self.cache_dir, self.delay = nlu, extractor, cache_dir, delay
        self.on_done = on_done
        self._timer: threading.Timer | None = None
        self._pending: tuple[dict[str, Entry], frozenset[str]] | None = None
        self._lock = threading.Lock()
        self._running = threading.Lock()
        self._last_examples: frozenset | None = None

    def schedule(self, entries: dict[str, Entry], staff: frozenset[str] = frozenset()) -> None:
        """Retrain on ``entries`` (``staff``: the ids staff wrote or edited) after ``delay`` seconds without
        a newer change."""
        with self._lock:
            self._pending = (entries, staff)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._run)
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        """Drop a scheduled retraining that has not started (the process is stopping)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer, self._pending = None, None

    def retrain_now(self, entries: dict[str, Entry], staff: frozenset[str] = frozenset()) -> None:
        with self._running:
            extra = examples_from_entries(entries.values(), self.nlu.model.classes, staff)
            examples = frozenset((e.text, e.intent, e.lang) for e in extra)
            if examples != self._last_examples:  # else an edit of answers only: nothing new to learn
                model = load_model(self.cache_dir, self.extractor, extra=extra, calibrated_like=self.nlu.model)
                self._last_examples = examples
                if model.meta.get("fingerprint") != self.nlu.model.meta.get("fingerprint"):
                    self.nlu.model = model  # one attribute swap: parses in flight keep the model they started with
                    log.info("intent model retrained on %d examples after staff edits",
                             model.meta.get("examples", 0))
        if self.on_done:
            self.on_done()

    def _run(self) -> None:
        with self._lock:
            pending, self._pending, self._timer = self._pending, None, None
        if pending is None:
            return
        try:
            self.retrain_now(*pending)
        except Exception:  # a failed retrain keeps the current model; never take answering down
            log.exception("retraining after staff edits failed; keeping the current model")
