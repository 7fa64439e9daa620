"""``GET /``: a mobile-friendly web chat page to try the bot without LINE or Facebook."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("chat", __name__)


@bp.get("/")
def page():
    return render_template("chat.html")
