"""How a source is named to users."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from .dates import format_date
from .schema import Source

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$|^\d{1,3}(?:\.\d{1,3}){3}$", re.I)
# An address written in free text: with its scheme, or in parentheses as source_label writes it.
_NOTE_URL = re.compile(r"https?://[^\s()<>]+|(?<=\()[^\s()<>]+\.[^\s()<>]+(?=\))", re.I)


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


@lru_cache(maxsize=4096)  # every answer links its sources: the same few hundred addresses again and again
def web_url(address: str | None) -> str | None:
    """``address`` as an absolute http(s) URL a browser can open, or None when it is not a web address.

    The knowledge base writes most addresses without a scheme (``opt-news.com/news/17453``): those get https.
    """
    address = (address or "").strip().rstrip(".,;")
    if not address or any(c.isspace() for c in address):
        return None
    url = address if re.match(r"https?://", address, re.I) else f"https://{address}"
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname or "", parts.port  # .port raises ValueError for a malformed one
    except ValueError:
        return None
    if "@" in parts.netloc:  # user info ("mailto:a@b.org" would become a login to b.org): not a source page
        return None
    return url if _HOST.match(host) else None


def source_link(source: Source, lang: str) -> dict | None:
    """``{"label", "title", "url"}`` for a source with a web address; ``label`` is the name the answer's
    source line shows (:func:`short_label`), so a page can turn that name into the link."""
    url = web_url(source.url)
    if url is None:
        return None
    return {"label": short_label(source, lang), "title": source.title or source.publisher, "url": url}


def note_links(note: str) -> list[dict]:
    """The web addresses inside a free-text source (a staff entry's), each its own label."""
    links = []
    for match in _NOTE_URL.finditer(note):
        label = match.group(0).rstrip(".,;")
        url = web_url(label)
        if url:
            links.append({"label": label, "title": label, "url": url})
    return links
