"""The staff pages' language: Thai for a Thai browser, English otherwise, switchable and remembered.

Templates call ``{{ _("English text") }}`` (registered as the Jinja global ``_``); Python code calls
:func:`gettext`. The English text is the key; ``translations/th.yaml`` holds one ``"English": "ไทย"`` line per
text. The file is checked when it is loaded (every value a non-empty string with the same ``{placeholders}``
as its key), and ``tests/test_admin_i18n.py`` scans the templates and the admin code for ``_("...")`` so a
text without a Thai translation fails the tests instead of showing English on a Thai page.
"""

from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml
from flask import Blueprint, Flask, abort, g, has_request_context, redirect, request, url_for
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

__all__ = ["LANGS", "COOKIE", "TranslationError", "load_translations", "choose_language", "current_language",
           "gettext", "init_i18n", "bp"]

LANGS = ("th", "en")
COOKIE = "admin_lang"
COOKIE_AGE = 365 * 24 * 3600
TRANSLATIONS = Path(__file__).parent / "translations" / "th.yaml"

bp = Blueprint("admin_i18n", __name__, url_prefix="/admin")


class TranslationError(ValueError):
    """The translation file is broken: the message names the entry."""


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _UniqueKeys(yaml.SafeLoader):
    """A YAML loader that refuses a key written twice (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise TranslationError(f"line {key_node.start_mark.line + 1}: {key!r} is translated twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_translations(path: Path = TRANSLATIONS) -> dict[str, str]:
    """``{"English": "Thai"}`` from ``path``, checked: strings only, no empty text, same placeholders,
    no text translated twice."""
    with path.open(encoding="utf-8") as fh:
        try:
            data = yaml.load(fh, Loader=_UniqueKeys) or {}  # noqa: S506 - a SafeLoader subclass
        except TranslationError as exc:
            raise TranslationError(f"{path.name}: {exc}") from None
    if not isinstance(data, dict):
        raise TranslationError(f"{path.name}: expected lines of \"English text\": \"Thai text\"")
    for key, value in data.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key.strip() or not value.strip():
            raise TranslationError(f"{path.name}: {key!r}: both sides must be non-empty text")
        if _placeholders(key) != _placeholders(value):
            raise TranslationError(f"{path.name}: {key!r}: the Thai text must keep the placeholders "
                                   f"{sorted(_placeholders(key))}, it has {sorted(_placeholders(value))}")
    return data


@functools.lru_cache(maxsize=1)
def _thai() -> dict[str, str]:
    return load_translations()


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    """The staff member's choice (the cookie) if any, else Thai for a browser that prefers Thai to English."""
    if cookie in LANGS:
        return cookie
    accept = parse_accept_header(accept_language or "", LanguageAccept)
    return accept.best_match(LANGS, default="en") or "en"


def current_language() -> str:
    """The language of the current request's page ("en" outside a request, e.g. in the CLI)."""
    if not has_request_context():
        return "en"
    if "admin_lang" not in g:
        g.admin_lang = choose_language(request.cookies.get(COOKIE), request.headers.get("Accept-Language"))
    return g.admin_lang


def gettext(text: str, /, **values: object) -> str:
    """``text`` in the current request's language, with ``{name}`` placeholders filled from ``values``."""
    if current_language() == "th":
        text = _thai().get(text, text)
    return text.format(**values) if values else text


@bp.get("/language/<lang>")
def switch(lang: str):
    """Remember the chosen language in a cookie and go back to the page it was chosen on."""
    if lang not in LANGS:
        abort(400)
    target = request.args.get("next", "")
    if not target.startswith("/admin") or target.startswith("//") or "\\" in target:
        target = url_for("admin_pages.index")  # never off this site
    resp = redirect(target)
    resp.set_cookie(COOKIE, lang, max_age=COOKIE_AGE, path="/admin", samesite="Lax", httponly=True,
                    secure=request.is_secure)
    return resp


def init_i18n(app: Flask) -> None:
    """Check the translations now (a broken file stops start-up), register ``_`` and the switch route."""
    _thai()
    app.jinja_env.globals.update(_=gettext, current_language=current_language)
    app.register_blueprint(bp)
