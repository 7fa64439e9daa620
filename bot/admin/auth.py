"""Staff authentication: session login for pages, ``Authorization: Bearer <ADMIN_TOKEN>`` for automation.

The session cookie is HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS. Forms carry
a CSRF token (Flask-WTF); the JSON API checks it too when it is called with the session cookie.
"""

from __future__ import annotations

import functools
import hmac
import logging
import secrets

from flask import (Blueprint, Flask, abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, CSRFProtect, validate_csrf

from ..ratelimit import Limit
from .users import Users

__all__ = ["init_auth", "login_required", "api_auth", "bp", "csrf"]

log = logging.getLogger(__name__)
csrf = CSRFProtect()
bp = Blueprint("admin_auth", __name__, url_prefix="/admin", template_folder="templates")


class _SessionInterface(SecureCookieSessionInterface):
    def get_cookie_secure(self, app: Flask) -> bool:
        # Secure exactly when the browser talks HTTPS (behind a proxy, set X-Forwarded-Proto).
        return request.is_secure or bool(app.config.get("SESSION_COOKIE_SECURE"))


def init_auth(app: Flask, users: Users, redis_client) -> None:
    """Session settings, the secret key, CSRF protection and the login views."""
    key = app.config.get("SECRET_KEY")
    if not key:
        # One generated key shared by every worker through Redis; set SECRET_KEY in production.
        redis_client.set("{staff}:secret-key", secrets.token_urlsafe(48), nx=True)
        key = redis_client.get("{staff}:secret-key")
        log.warning("SECRET_KEY is not set: using a generated key stored in Redis")
    app.secret_key = key
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      PERMANENT_SESSION_LIFETIME=8 * 3600, WTF_CSRF_TIME_LIMIT=None)
    app.session_interface = _SessionInterface()
    app.extensions["staff_users"] = users
    csrf.init_app(app)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc):
        return render_template("admin/message.html", title="Session expired",
                               message="The form expired or was not sent by this site. Go back, reload the page "
                                       "and try again."), 400

    app.register_blueprint(bp)


def _user() -> dict | None:
    name = session.get("user")
    if not name:
        return None
    record = current_app.extensions["staff_users"].get(name)
    if record is None:  # a removed account loses access at once
        session.clear()
        return None
    return {"name": name, "role": record["role"]}


def login_required(role: str | None = None):
    """For pages: redirect to the login page unless signed in (with ``role`` if given)."""
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            user = _user()
            if user is None:
                return redirect(url_for("admin_auth.login", next=request.full_path))
            if role == "admin" and user["role"] != "admin":
                abort(403)
            g.user = user
            return view(*args, **kwargs)
        return wrapper
    return decorator


def api_auth(view):
    """For the JSON API: a valid bearer token, or a signed-in session plus the CSRF token on writes."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        token = current_app.config.get("ADMIN_TOKEN") or ""
        if header.startswith("Bearer "):
            if token and hmac.compare_digest(header[7:].encode(), token.encode()):
                g.user = {"name": "api-token", "role": "admin"}
                return view(*args, **kwargs)
            return jsonify(error="unauthorized", detail="invalid bearer token"), 401
        user = _user()
        if user is None:
            return jsonify(error="unauthorized", detail="sign in or send Authorization: Bearer <ADMIN_TOKEN>"), 401
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            try:
                validate_csrf(request.headers.get("X-CSRFToken", ""))
            except Exception:  # noqa: BLE001 - any CSRF failure is the same answer
                return jsonify(error="forbidden", detail="missing or invalid X-CSRFToken header"), 403
        g.user = user
        return view(*args, **kwargs)
    return wrapper


@bp.route("/login", methods=["GET", "POST"])
def login():
    users: Users = current_app.extensions["staff_users"]
    error = None
    if request.method == "POST":
        name = request.form.get("name", "").strip().lower()
        password = request.form.get("password", "")
        ip = request.remote_addr or "?"
        limiter = current_app.extensions["bot"].dialogue.limiter
        if limiter and not limiter.allowed(f"ip:login:{ip}", Limit.parse(current_app.config["LOGIN_IP_RATE_LIMIT"])):
            return render_template("admin/login.html", error="Too many sign-in attempts from your address. "
                                                             "Wait a few minutes and try again."), 429
        if users.blocked(name, ip):
            error = "Too many failed attempts. Wait five minutes and try again."
            log.warning("staff login throttled for %r from %s", name, ip)
        elif users.verify(name, password):
            users.succeeded(name, ip)
            session.clear()
            session["user"] = name
            session.permanent = True
            log.info("staff login: %s", name)
            target = request.args.get("next", "")
            return redirect(target if target.startswith("/admin") and not target.startswith("//")
                            else url_for("admin_pages.faq_list"))
        else:
            users.failed(name, ip)
            error = "Wrong user name or password."
    return render_template("admin/login.html", error=error), (401 if error else 200)


@bp.post("/logout")
@login_required()
def logout():
    session.clear()
    flash("Signed out.")
    return redirect(url_for("admin_auth.login"))
