"""JSON parsing with a nesting limit: a deeply nested body is a 400, never a RecursionError (500)."""

from __future__ import annotations

import json
from typing import Any

from flask.json.provider import DefaultJSONProvider

__all__ = ["loads", "SafeJSONProvider", "MAX_DEPTH"]

MAX_DEPTH = 32  # no legitimate request here nests deeper than a handful of levels


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


def loads(data: str | bytes, max_depth: int = MAX_DEPTH, **kwargs: Any) -> Any:
    """``json.loads`` that raises ``ValueError`` for nesting deeper than ``max_depth``."""
    text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    # Fast path: too few brackets to be too deep (str.count runs in C).
    if text.count("[") + text.count("{") > max_depth and _depth(text) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text, **kwargs)
    except RecursionError as exc:  # belt and braces
        raise ValueError("JSON nested too deeply") from exc


class SafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider with the nesting limit (``request.get_json`` answers 400 above it)."""

    ensure_ascii = False
    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads(s, **kwargs)
