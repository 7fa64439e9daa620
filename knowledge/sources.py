"""How a source is named to users."""

from __future__ import annotations

import re

from .dates import format_date
from .schema import Source

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def source_label(source: Source, lang: str) -> str:
    """``Publisher, date: address`` in the reader's language (dates in BE for Thai)."""
    label = source.publisher
    if source.date:
        date = format_date(source.date, lang) if _ISO.match(source.date) else source.date
        label += f", {date}"
    if source.url and source.url != source.publisher:
        label += f" ({source.url})"
    return label


def short_label(source: Source, lang: str) -> str:
    """``Publisher, year`` (the compact form for the source line of an answer)."""
    if source.date and _ISO.match(source.date):
        year = int(source.date[:4]) + (543 if lang == "th" else 0)
        return f"{source.publisher}, {year}"
    return source.publisher
