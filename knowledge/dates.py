"""Dates as people read them: Thai in the Buddhist Era (6 พฤษภาคม 2564), English in CE (6 May 2021)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["format_date", "BE_OFFSET"]

BE_OFFSET = 543

_TH_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
              "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


@lru_cache(maxsize=4096)  # the dates of facts and sources, written into every answer that cites them
def format_date(iso: str, lang: str) -> str:
    """Render ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` in ``lang`` ("th" or "en")."""
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    day = parts[2] if len(parts) > 2 else None
    if not 1 <= (month or 1) <= 12:
        raise ValueError(f"not a month: {iso}")
    if lang == "th":
        out = [str(day)] if day else []
        if month:
            out.append(_TH_MONTHS[month - 1])
        out.append(str(year + BE_OFFSET) if month else f"ปี {year + BE_OFFSET}")
        return " ".join(out)
    out = [str(day)] if day else []
    if month:
        out.append(_EN_MONTHS[month - 1])
    out.append(str(year))
    return " ".join(out)
