"""Staff edits, live in every worker: the knowledge snapshot is rebuilt when the FAQ store's stamp changes.

Each worker reads the stamp (one ``GET``) at most every ``interval`` seconds, so an edit saved through any
worker on any machine is answered everywhere within about a second, without a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from knowledge.loader import KnowledgeBase
from knowledge.schema import Fact
from knowledge.snapshot import Reader, Snapshot

from .faq_store import STAMP, FaqStore
from .storage import Store, StoreUnavailable

__all__ = ["LiveKnowledge"]

log = logging.getLogger(__name__)


class LiveKnowledge:
    def __init__(self, store: Store, kb: KnowledgeBase, intents: frozenset[str], interval: float = 0.5,
                 on_change: Callable[[dict, frozenset], None] | None = None,
                 strip: Callable[[str], str] = lambda s: s,
                 words: Callable[[str], frozenset[str]] = lambda s: frozenset(s.casefold().split()),
                 reader: Reader | None = None):
        self.store = store
        self.on_change = on_change  # called with the merged entries and the staff ids after a reload (retraining)
        self.kb = kb
        self.faq = FaqStore(store, kb, intents)
        self.interval = interval
        self._stamp: str | None = "unset"
        self._checked = 0.0
        self._lock = threading.Lock()
        self.strip, self.words, self.reader = strip, words, reader
        self._snapshot = Snapshot(kb, strip=strip, words=words, reader=reader)
        self.current()

    def current(self) -> Snapshot:
        """The knowledge with the latest staff edits (checked at most every ``interval`` seconds)."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return self._snapshot
        self._checked = now
        try:
            stamp = self.store.run(lambda r: r.get(STAMP))
        except StoreUnavailable:
            return self._snapshot  # keep answering with what we have
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._rebuild(stamp)
        return self._snapshot

    def refresh_now(self) -> Snapshot:
        self._checked = 0.0
        return self.current()

    def build(self, entries: dict[str, Fact], staff: frozenset[str]) -> Snapshot:
        """A snapshot of ``entries`` (``staff``: the ids staff created or edited), indexed as this worker indexes
        the live knowledge (the staff "try it" uses it for unsaved drafts)."""
        return Snapshot(self.kb, entries, staff, strip=self.strip, words=self.words, reader=self.reader)

    def _rebuild(self, stamp: str | None) -> None:
        try:
            staff_data = self.faq.staff_entries()
        except StoreUnavailable:
            return
        entries = self.faq.entries(staff_data)  # one read: entries and staff ids agree
        staff = frozenset(staff_data)
        if staff or self._snapshot.staff_ids:  # else the curated snapshot is already the current one
            self._snapshot = self.build(entries, staff)
        if self._stamp not in ("unset", None) or stamp:
            log.info("knowledge reloaded (stamp %s, %d staff entries)", stamp, len(staff))
        self._stamp = stamp
        if staff and self.on_change is not None:
            self.on_change(entries, staff)
