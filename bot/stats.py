"""Daily usage statistics for the staff dashboard: messages per channel, fallbacks, intents, cities.

Written with the other writes of a message (:mod:`bot.turns`): one hash per day, and one counter per kind of
message in it (``m:<channel>:<intent>:<city>:<fallback>``), so a message costs one ``HINCRBY`` and the
dashboard adds the kinds up (:meth:`DayCounts.parse`). Keys expire after 40 days (the dashboard shows 30);
each worker renews a day's expiry at most once an hour, not with every message.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

from .storage import Store, StoreUnavailable

__all__ = ["DayCounts", "Stats"]

log = logging.getLogger(__name__)
TTL = 40 * 24 * 3600
RENEW_SECONDS = 3600  # how often a worker sets a day's expiry again (the key may have been deleted meanwhile)


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
        """The counters of one day's hash: the per-kind fields, and the per-figure fields of earlier
        versions (``msgs:web``, ``fallback:web``, ``intent:…``, ``city:…``) still found in older days."""
        day = cls()
        parts = {"msgs": day.messages, "fallback": day.fallbacks, "intent": day.intents, "city": day.cities}

        def add(part: dict[str, int], what: str, n: int) -> None:
            part[what] = part.get(what, 0) + n

        for name, count in row.items():
            n = int(count)
            kind, _, what = name.partition(":")
            if kind == "m" and what.count(":") >= 3:
                # Channel first and city, fallback last: an intent id with a ":" in it still splits right.
                channel, _, rest = what.partition(":")
                rest, _, fallback = rest.rpartition(":")
                intent, _, city = rest.rpartition(":")
                add(day.messages, channel, n)
                if fallback == "1":
                    add(day.fallbacks, channel, n)
                if intent:
                    add(day.intents, intent, n)
                if city:
                    add(day.cities, city, n)
            elif kind in parts and what:
                add(parts[kind], what, n)
        return day


class Stats:
    def __init__(self, store: Store):
        self.store = store
        self._renewed: dict[str, float] = {}  # day key -> when this worker last set its expiry (monotonic)

    def queue_record(self, pipe: Any, channel: str, intent: str, fallback: bool, city: str | None,
                     today: dt.date | None = None) -> None:
        """Queue the counter of one answered message on ``pipe`` (and the day's expiry, now and then)."""
        key = f"{{stats}}:{_day(today or dt.date.today())}"
        # Channels and city ids never hold ":", so the field splits back unambiguously (parse).
        pipe.hincrby(key, f"m:{channel}:{intent}:{city or ''}:{int(fallback)}", 1)
        now = time.monotonic()
        if now - self._renewed.get(key, -RENEW_SECONDS) >= RENEW_SECONDS:
            if len(self._renewed) > 3:
                self._renewed.clear()  # yesterday's keys: only today's (and a day passed in tests) matter
            self._renewed[key] = now
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
