"""JSON parsing for every body the service accepts: a nesting limit (a deeply nested body is a 400, never a
RecursionError) and no lone surrogates (``"\\ud800"`` is valid JSON but not encodable text: it would fail later,
in Redis, a log line or the response, as a 500)."""

from __future__ import annotations

import json
import re
from typing import Any

from flask.json.provider import DefaultJSONProvider

__all__ = ["loads", "clean", "SafeJSONProvider", "MAX_DEPTH"]

MAX_DEPTH = 32  # no legitimate request here nests deeper than a handful of levels
REPLACEMENT = "\ufffd"  # what a UTF-8 decoder puts in place of bytes it cannot read
_SURROGATE = re.compile("[\ud800-\udfff]")
# Where a parsed value can get a surrogate from: a \uD8xx-\uDFxx escape, or one already in a str given.
_MAY_HAVE_SURROGATE = re.compile("\\\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def _depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def clean(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (and keys) replaced by U+FFFD.

    ``json.loads`` already joins a valid pair (``"\\ud83d\\ude00"`` is one emoji), so any surrogate left
    in a parsed string is unpaired."""
    if isinstance(value, str):
        return _SURROGATE.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def loads(data: str | bytes, max_depth: int = MAX_DEPTH, **kwargs: Any) -> Any:
    """``json.loads`` that raises ``ValueError`` for nesting deeper than ``max_depth`` and returns no
    lone surrogates (see :func:`clean`)."""
    text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    # Fast path: too few brackets to be too deep (str.count runs in C).
    if text.count("[") + text.count("{") > max_depth and _depth(text) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    try:
        value = json.loads(text, **kwargs)
    except RecursionError as exc:  # belt and braces
        raise ValueError("JSON nested too deeply") from exc
    # Walk the parsed value only when the text has a surrogate escape: almost no body has one.
    return clean(value) if _MAY_HAVE_SURROGATE.search(text) else value


class SafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider with the nesting limit (``request.get_json`` answers 400 above it)."""

    ensure_ascii = False
    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads(s, **kwargs)
