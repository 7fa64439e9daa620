"""The staff dashboard's figures: messages per day by channel, the fallback rate, top intents and cities.

Shared by the dashboard page (``/admin/dashboard``) and ``smartcity-bot stats``; both only render what
:func:`dashboard` returns. Reads the daily counters of :mod:`bot.stats` (one pipelined read); raises
:class:`bot.storage.StoreUnavailable` when Redis is down (the staff pages answer 503 then).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..stats import Stats
from ..storage import Store

__all__ = ["Dashboard", "Ranked", "dashboard"]


@dataclass(frozen=True)
class Ranked:
    """One row of a top-N list: what (an intent or a city id), how it is shown, and how often."""

    key: str
    label: str
    count: int


@dataclass
class Dashboard:
    days: list[str]  # ISO dates, oldest first
    channels: list[str]
    messages: dict[str, list[int]]  # per channel, one count per day
    totals: list[int]  # messages per day, all channels
    fallbacks: list[int]  # fallback answers per day
    intents: list[Ranked]
    cities: list[Ranked]

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def total_fallbacks(self) -> int:
        return sum(self.fallbacks)

    @property
    def fallback_rates(self) -> list[float]:
        """The share of each day's messages answered with the fallback (0 on a day without messages)."""
        return [f / t if t else 0.0 for t, f in zip(self.totals, self.fallbacks)]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, with the totals and rates."""
        return {**asdict(self), "total": self.total, "total_fallbacks": self.total_fallbacks,
                "fallback_rates": self.fallback_rates}


def dashboard(store: Store, city_names: Mapping[str, str] | None = None, days: int = 30, top: int = 10,
              today: dt.date | None = None, intent_names: Mapping[str, str] | None = None) -> Dashboard:
    """The last ``days`` days up to ``today``; cities are labelled with ``city_names`` and intents with
    ``intent_names`` (id → name; an id without a name is shown as it is)."""
    rows = Stats(store).counts(days, today)
    channels = sorted({c for _, day in rows for c in day.messages}) or ["web"]
    intents: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    for _, day in rows:
        intents.update(day.intents)
        cities.update(day.cities)
    names, topics = city_names or {}, intent_names or {}
    return Dashboard(
        days=[d for d, _ in rows],
        channels=channels,
        messages={c: [day.messages.get(c, 0) for _, day in rows] for c in channels},
        totals=[sum(day.messages.values()) for _, day in rows],
        fallbacks=[sum(day.fallbacks.values()) for _, day in rows],
        intents=[Ranked(k, topics.get(k, k), n) for k, n in intents.most_common(top)],
        cities=[Ranked(k, names.get(k, k), n) for k, n in cities.most_common(top)],
    )
