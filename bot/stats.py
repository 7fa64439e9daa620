"""Daily usage statistics for the staff dashboard: messages per channel, fallbacks, intents, cities.

Written with the other writes of a message (:mod:`bot.turns`); keys expire after 40 days (the dashboard shows 30).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

from .storage import Store, StoreUnavailable

__all__ = ["DayCounts", "Stats"]

log = logging.getLogger(__name__)
TTL = 40 * 24 * 3600


def _day(ts: dt.date) -> str:
    return ts.strftime("%Y%m%d")


@dataclass
class DayCounts:
    """One day's counters, read back from the fields :meth:`Stats.queue_record` writes."""

    messages: dict[str, int] = field(default_factory=dict)  # by channel
    fallbacks: dict[str, int] = field(default_factory=dict)  # by channel
    intents: dict[str, int] = field(default_factory=dict)
    cities: dict[str, int] = field(default_factory=dict)

    @classmethod
    def parse(cls, row: Mapping[str, int]) -> "DayCounts":
        day = cls()
        parts = {"msgs": day.messages, "fallback": day.fallbacks, "intent": day.intents, "city": day.cities}
        for name, count in row.items():
            kind, _, what = name.partition(":")
            if kind in parts and what:
                parts[kind][what] = int(count)
        return day


class Stats:
    def __init__(self, store: Store):
        self.store = store

    def queue_record(self, pipe: Any, channel: str, intent: str, fallback: bool, city: str | None,
                     today: dt.date | None = None) -> None:
        """Queue the counters of one answered message on ``pipe``."""
        key = f"{{stats}}:{_day(today or dt.date.today())}"
        pipe.hincrby(key, f"msgs:{channel}", 1)
        if fallback:
            pipe.hincrby(key, f"fallback:{channel}", 1)
        pipe.hincrby(key, f"intent:{intent}", 1)
        if city:
            pipe.hincrby(key, f"city:{city}", 1)
        pipe.expire(key, TTL)

    def record(self, channel: str, intent: str, fallback: bool, city: str | None, today: dt.date | None = None) -> None:
        try:
            self.store.batch(lambda pipe: self.queue_record(pipe, channel, intent, fallback, city, today))
        except StoreUnavailable:
            pass  # statistics are never worth delaying an answer

    def days(self, n: int = 30, today: dt.date | None = None) -> list[tuple[str, dict[str, int]]]:
        """``(ISO date, counters)`` for the last ``n`` days, oldest first."""
        end = today or dt.date.today()
        dates = [end - dt.timedelta(days=i) for i in range(n - 1, -1, -1)]

        def read(r):
            pipe = r.pipeline(transaction=False)
            for d in dates:
                pipe.hgetall(f"{{stats}}:{_day(d)}")
            return pipe.execute()

        rows = self.store.run(read)
        return [(d.isoformat(), {k: int(v) for k, v in row.items()}) for d, row in zip(dates, rows)]

    def counts(self, n: int = 30, today: dt.date | None = None) -> list[tuple[str, DayCounts]]:
        """:meth:`days`, each day's counters sorted by kind."""
        return [(day, DayCounts.parse(row)) for day, row in self.days(n, today)]
