"""Times and dates as staff read them: Bangkok time, saying so; Thai dates in the Buddhist Era.

Stored times are Unix timestamps (UTC); the server's own time zone never matters.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pythainlp.util import thai_strftime

__all__ = ["BANGKOK", "bangkok_time", "format_time", "format_day"]

BANGKOK = ZoneInfo("Asia/Bangkok")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def bangkok_time(ts: float | str) -> dt.datetime:
    """A Unix timestamp as an aware datetime in Asia/Bangkok."""
    return dt.datetime.fromtimestamp(float(ts), tz=BANGKOK)


def _date(d: dt.date, lang: str) -> str:
    if lang == "th":
        return thai_strftime(dt.datetime(d.year, d.month, d.day), "%-d %b %Y")  # Buddhist Era year
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def format_time(ts: float | str | None, lang: str) -> str:
    """``30 พ.ย. 2569 14:05 น. (เวลาไทย)`` or ``30 Nov 2026, 14:05 (Bangkok time)``; empty for no time."""
    if ts in (None, ""):
        return ""
    try:
        when = bangkok_time(ts)
    except (TypeError, ValueError, OverflowError, OSError):
        return str(ts)
    clock = f"{when.hour:02d}:{when.minute:02d}"
    if lang == "th":
        return f"{_date(when, 'th')} {clock} น. (เวลาไทย)"
    return f"{_date(when, 'en')}, {clock} (Bangkok time)"


def format_day(day: str, lang: str) -> str:
    """A stored day (``2026-11-30``) as ``30 พ.ย. 2569`` or ``30 Nov 2026``; other text unchanged."""
    try:
        return _date(dt.date.fromisoformat(day), lang)
    except (TypeError, ValueError):
        return day
