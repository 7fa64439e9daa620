"""Staff authentication: session login for pages, ``Authorization: Bearer <ADMIN_TOKEN>`` for automation.

Sessions are kept in Redis (:mod:`bot.admin.sessions`); the cookie, HttpOnly, SameSite=Lax, Secure over
HTTPS and sent only to ``/admin``, holds a random id. Forms carry a CSRF token (Flask-WTF); the JSON
API checks it too when it is called with the session cookie. Sign-in attempts are throttled per user and
per client address (:mod:`bot.admin.throttle`).
"""

from __future__ import annotations

import functools
import hmac
import logging
import secrets
from typing import cast

from flask import (Blueprint, Flask, abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask_wtf.csrf import CSRFError, CSRFProtect, validate_csrf

from ..ratelimit import Limit
from ..storage import Store
from .outage import init_outage
from .sessions import RedisSessionInterface, StaffSession, password_mark
from .throttle import LoginThrottle
from .users import NAME_MAX, NAME_RULE, Users, valid_name

__all__ = ["init_auth", "login_required", "api_auth", "bp", "csrf"]

log = logging.getLogger(__name__)
csrf = CSRFProtect()
bp = Blueprint("admin_auth", __name__, url_prefix="/admin", template_folder="templates")


def init_auth(app: Flask, users: Users, store: Store) -> None:
    """Session settings, the secret key (for CSRF tokens), CSRF protection and the login views."""
    redis_client = store.client
    key = app.config.get("SECRET_KEY")
    if not key:
        # One generated key shared by every worker through Redis; set SECRET_KEY in production.
        redis_client.set("{staff}:secret-key", secrets.token_urlsafe(48), nx=True)
        key = redis_client.get("{staff}:secret-key")
        log.warning("SECRET_KEY is not set: using a generated key stored in Redis")
    app.secret_key = key
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_PATH="/admin",
                      WTF_CSRF_TIME_LIMIT=None)
    app.session_interface = RedisSessionInterface(store, idle=app.config["STAFF_SESSION_IDLE"],
                                                  lifetime=app.config["STAFF_SESSION_LIFETIME"])
    app.extensions["staff_users"] = users
    app.extensions["login_throttle"] = LoginThrottle(redis_client)
    init_outage(app)  # before CSRF protection: a form posted during an outage gets 503, not "form expired"
    csrf.init_app(app)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc):
        return render_template("admin/message.html", title="Session expired",
                               message="The form expired or was not sent by this site. Go back, reload the page "
                                       "and try again."), 400

    app.register_blueprint(bp)


def _session() -> StaffSession:
    """Flask's ``session`` as what it is here (Flask types it as a plain SessionMixin)."""
    return cast(StaffSession, session)


def _user() -> dict | None:
    name = session.get("user")
    if not name:
        return None
    record = current_app.extensions["staff_users"].get(name)
    # A removed account, or a session made with a password that has since been reset (a sign-in racing
    # the reset), loses access at once.
    if record is None or session.get("mark") != password_mark(record["hash"]):
        _session().end()
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


def _login_page(error: str | None, status: int):
    return render_template("admin/login.html", error=error, name_max=NAME_MAX, name_rule=NAME_RULE), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return _login_page(None, 200)
    users: Users = current_app.extensions["staff_users"]
    throttle: LoginThrottle = current_app.extensions["login_throttle"]
    name = valid_name(request.form.get("name", ""))
    password = request.form.get("password", "")
    ip = request.remote_addr or "?"  # the real client's address when TRUSTED_PROXIES is set
    limiter = current_app.extensions["bot"].dialogue.limiter
    if limiter and not limiter.allowed(f"ip:login:{ip}", Limit.parse(current_app.config["LOGIN_IP_RATE_LIMIT"])):
        return _login_page("Too many sign-in attempts from your address. Wait a few minutes and try again.", 429)
    if name is None:  # no account can have it: say what a name looks like (the rule is no secret)
        return _login_page(NAME_RULE, 400)
    if not throttle.reserve(name, ip):  # counted before the password is checked, so it cannot be raced
        log.warning("staff login throttled for %r from %s", name, ip)
        return _login_page("Too many failed attempts. Wait five minutes and try again.", 401)
    record = users.verify(name, password)
    if record is None:
        return _login_page("Wrong user name or password.", 401)
    throttle.succeeded(name, ip)
    session.clear()
    _session().rotate()  # a new id at sign-in: an id planted or seen before is worthless now
    session["user"] = name
    session["mark"] = password_mark(record["hash"])
    log.info("staff login: %s", name)
    target = request.args.get("next", "")
    return redirect(target if target.startswith("/admin") and not target.startswith("//")
                    else url_for("admin_pages.faq_list"))


@bp.post("/logout")
@login_required()
def logout():
    if request.form.get("everywhere") == "1":
        users: Users = current_app.extensions["staff_users"]
        users.end_sessions(g.user["name"])
    _session().end()  # the record is deleted: a copied cookie stops working too
    flash("Signed out.")
    return redirect(url_for("admin_auth.login"))
