"""Staff surfaces: accounts, the FAQ editor, the unanswered inbox, the dashboard."""

from __future__ import annotations

from flask import Flask, Response, request

from .users import Users

__all__ = ["attach_admin"]


def attach_admin(app: Flask, bot) -> None:
    """Sessions, CSRF, login, the staff pages and the staff JSON API."""
    from . import api, pages
    from .auth import csrf, init_auth

    init_auth(app, Users(bot.store), bot.store, bot.settings)
    app.jinja_env.globals["zip"] = zip
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    # Machine-facing POST routes authenticate otherwise (signatures, JSON API); forms are for browsers.
    for name in ("api", "line", "messenger"):
        if name in app.blueprints:
            csrf.exempt(app.blueprints[name])

    @app.after_request
    def _no_store(resp: Response) -> Response:
        # Staff pages show accounts, unpublished drafts and what residents asked: no browser or proxy
        # may keep a copy (the back button after signing out, a shared computer, a caching proxy).
        if request.path == "/admin" or request.path.startswith("/admin/"):
            resp.headers["Cache-Control"] = "no-store"
        return resp
