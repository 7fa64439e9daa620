"""``GET /fonts/<file>``: the chat's Thai web font, so Thai reads the same whatever the viewer has installed.

The font is Sarabun (SIL Open Font License 1.1), taken from the ``fontpkg-sarabun`` package as it ships it;
its licence is served beside it at ``/fonts/LICENSE.txt``, as the OFL asks of anyone who redistributes it.
"""

from __future__ import annotations

from pathlib import Path

import fontpkg_sarabun
from flask import Blueprint, Response, abort, send_from_directory

bp = Blueprint("fonts", __name__, url_prefix="/fonts")

FONT_DIR = Path(fontpkg_sarabun.ROOT) / "files"
LICENSE = Path(fontpkg_sarabun.ROOT) / "LICENSE"
#: The faces chat.css uses (text and the bold title); nothing else of the package is served.
FACES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")
MAX_AGE = 7 * 24 * 3600  # a font changes only with a release; browsers revalidate with the ETag after a week


@bp.get("/<name>")
def face(name: str) -> Response:
    """One font file of :data:`FACES` (404 for any other name)."""
    if name not in FACES:
        abort(404)
    return send_from_directory(FONT_DIR, name, mimetype="font/ttf", max_age=MAX_AGE)


@bp.get("/LICENSE.txt")
def licence() -> Response:
    """The font's copyright notice and the SIL Open Font License."""
    return send_from_directory(LICENSE.parent, LICENSE.name, mimetype="text/plain", max_age=MAX_AGE)
