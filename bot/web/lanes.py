"""Webhooks on an app of their own: the platforms' posts skip what only browsers and staff need.

A webhook is acknowledged for every event the platforms send, and LINE and Meta count how fast it comes
back. The main app's per-request hooks serve people (staff sessions, CSRF checks, the sign-in key, "no
store" headers): about a quarter of a webhook's CPU for nothing. :func:`webhook_app` builds a Flask app
with only what a webhook uses (request ids for the logs, the size limit and the JSON errors), and
:class:`Lanes` sends ``/webhooks/...`` to it and every other path to the main app.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from flask import Flask

from ..logs import init_request_ids

__all__ = ["Lanes", "webhook_app", "PREFIX"]

PREFIX = "/webhooks/"

WSGIApp = Callable[[dict, Callable[..., Any]], Iterable[bytes]]


def webhook_app(main: Flask) -> Flask:
    """A bare Flask app sharing the main app's settings and error format, for the channels' blueprints."""
    hooks = Flask(main.import_name + ".webhooks")
    hooks.config.update(main.config)  # MAX_CONTENT_LENGTH among them: 413 before the view reads the body
    hooks.json = main.json
    hooks.extensions = main.extensions  # the same bot, channels and senders
    init_request_ids(hooks)
    for handlers in main.error_handler_spec[None].values():
        for exc_class, fn in handlers.items():
            hooks.register_error_handler(exc_class, fn)
    return hooks


class Lanes:
    """WSGI: ``/webhooks/...`` to the webhook app, everything else to the main app."""

    def __init__(self, main: WSGIApp, webhooks: WSGIApp):
        self.main, self.webhooks = main, webhooks

    def __call__(self, environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        app = self.webhooks if environ.get("PATH_INFO", "").startswith(PREFIX) else self.main
        return app(environ, start_response)
