"""Which writing system a text uses: the English-only patterns run only on text with a Latin letter."""
from __future__ import annotations

import re

# IGNORECASE makes the class admit the Unicode letters that case-fold to a-z (ı, ſ, the Kelvin sign), so a
# gate on it is never narrower than the case-insensitive English patterns behind it.
_LATIN_LETTER = re.compile(r"[a-z]", re.I)


def has_latin(text: str) -> bool:
    """True when ``text`` holds a Latin letter (so English patterns could match it)."""
    return _LATIN_LETTER.search(text) is not None
