"""Staff edits, live in every worker: the answerer is rebuilt when the FAQ store's stamp changes.

Each worker reads the stamp (one ``GET``) at most every ``interval`` seconds, so an edit saved through any
worker on any machine is answered everywhere within about a second, without a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from intents.normalize import normalize
from knowledge.answers import Answerer
from knowledge.faq_store import STAMP, FaqStore
from knowledge.loader import KnowledgeBase

from .storage import Store, StoreUnavailable

__all__ = ["LiveKnowledge"]

log = logging.getLogger(__name__)


class LiveKnowledge:
    def __init__(self, store: Store, kb: KnowledgeBase, intents: frozenset[str], interval: float = 0.5,
                 on_change: Callable[[dict], None] | None = None):
        self.store = store
        self.on_change = on_change  # called with the merged entries after a reload (e.g. to retrain)
        self.kb = kb
        self.faq = FaqStore(store.client, kb, intents)
        self.interval = interval
        self._stamp: str | None = "unset"
        self._checked = 0.0
        self._lock = threading.Lock()
        self._answerer = Answerer(kb, prepare=normalize)
        self.current()

    def current(self) -> Answerer:
        """The answerer for the latest staff edits (checked at most every ``interval`` seconds)."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return self._answerer
        self._checked = now
        try:
            stamp = self.store.run(lambda r: r.get(STAMP))
        except StoreUnavailable:
            return self._answerer  # keep answering with what we have
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._rebuild(stamp)
        return self._answerer

    def refresh_now(self) -> Answerer:
        self._checked = 0.0
        return self.current()

    def _rebuild(self, stamp: str | None) -> None:
        try:
            staff_data = self.store.run(lambda r: self.faq.staff_entries())
        except StoreUnavailable:
            return
        entries = self.faq.entries(staff_data)  # one read: entries and staff ids agree
        staff = frozenset(staff_data)
        self._answerer = Answerer(self.kb, entries, staff, prepare=normalize)
        if self._stamp not in ("unset", None) or stamp:
            log.info("knowledge reloaded (stamp %s, %d staff entries)", stamp, len(staff))
        self._stamp = stamp
        if staff and self.on_change is not None:
            self.on_change(entries)
