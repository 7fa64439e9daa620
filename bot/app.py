"""The Flask application factory: ``create_app(config: dict | None = None)``."""

from __future__ import annotations

import logging
from typing import Any, Mapping

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import load_settings
from .jsonsafe import SafeJSONProvider
from .logs import init_request_ids, setup_logging
from .service import build_bot
from .web.lanes import Lanes, webhook_app

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app: defaults, then environment variables, then ``config`` (its other keys, such as
    ``TESTING``, go to Flask as they are)."""
    settings = load_settings(config)
    setup_logging(settings.LOG_LEVEL, settings.LOG_FORMAT)
    app = Flask(__name__, static_folder="web/static", template_folder="web/templates")
    app.json = SafeJSONProvider(app)  # nesting-limited JSON: deep bodies are a 400, not a 500
    app.config.update(config or {})
    app.config.update(settings.as_config())  # MAX_CONTENT_LENGTH among them: Flask answers 413 by itself
    init_request_ids(app)

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        resp = jsonify(error=exc.name, detail=exc.description)
        resp.status_code = exc.code or 500
        # Keep the exception's own headers (Allow on 405, Retry-After, ...) with the JSON body.
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                resp.headers[name] = value
        return resp

    app.extensions["bot"] = build_bot(settings)

    from .web.api import bp as api_bp
    from .web.chat import bp as chat_bp
    from .web.fonts import bp as fonts_bp
    from .web.ops import bp as ops_bp
    from .web.openapi import bp as openapi_bp

    from .channels import attach_channels

    app.register_blueprint(chat_bp)
    app.register_blueprint(fonts_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(ops_bp)
    app.register_blueprint(openapi_bp)
    webhooks = webhook_app(app)
    attach_channels(app, app.extensions["bot"], routes=webhooks)

    from .admin import attach_admin

    attach_admin(app, app.extensions["bot"])

    @app.after_request
    def _security_headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        if resp.mimetype == "text/html":
            resp.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
        return resp

    app.wsgi_app = Lanes(app.wsgi_app, webhooks.wsgi_app)  # type: ignore[method-assign]
    if settings.TRUSTED_PROXIES > 0:
        # Behind N proxies, the client's address is the Nth value from the right of X-Forwarded-For
        # (values further left were written by the client and prove nothing); rate limits and login
        # throttling then count each real client, not the proxy. The scheme is the one the nearest proxy
        # sets: load balancers usually overwrite X-Forwarded-Proto rather than append to it.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.TRUSTED_PROXIES, x_proto=1)  # type: ignore[method-assign]
    return app
