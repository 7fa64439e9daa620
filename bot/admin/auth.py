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
from typing import Any, cast

from flask import (Blueprint, Flask, abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask_wtf.csrf import CSRFError, CSRFProtect, validate_csrf

from ..config import Settings
from ..ratelimit import Limit
from ..storage import Store
from .i18n import gettext as _
from .i18n import init_i18n
from .outage import init_outage, outage_response
from .sessions import RedisSessionInterface, StaffSession, password_mark
from .throttle import LoginThrottle, Verdict
from .users import MIN_PASSWORD, NAME_MAX, Users, valid_name

__all__ = ["init_auth", "login_required", "api_auth", "bp", "csrf", "shared_secret_key"]

log = logging.getLogger(__name__)
csrf = CSRFProtect()
bp = Blueprint("admin_auth", __name__, url_prefix="/admin", template_folder="templates")
SECRET_KEY = "{staff}:secret-key"


def init_auth(app: Flask, users: Users, store: Store, settings: Settings) -> None:
    """Session settings, the secret key (for CSRF tokens), CSRF protection and the login views."""
    app.secret_key = settings.SECRET_KEY
    if not settings.SECRET_KEY:
        log.warning("SECRET_KEY is not set: using a generated key stored in Redis")

        @app.before_request
        def _shared_secret_key() -> None:
            # Read when a staff page first needs it, not at start-up: the app starts and answers while
            # Redis is down, and the staff pages answer 503 (StoreUnavailable) until it is back.
            if app.secret_key is None and request.path.startswith("/admin"):
                app.secret_key = shared_secret_key(store)

    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_PATH="/admin",
                      WTF_CSRF_TIME_LIMIT=None)
    app.session_interface = RedisSessionInterface(store, idle=settings.STAFF_SESSION_IDLE,
                                                  lifetime=settings.STAFF_SESSION_LIFETIME)
    app.extensions["staff_users"] = users
    app.extensions["login_throttle"] = LoginThrottle(
        store, posts=Limit.parse(settings.LOGIN_IP_RATE_LIMIT), max_per_user=settings.LOGIN_USER_FAILURES,
        max_per_ip=settings.LOGIN_IP_FAILURES, window=settings.LOGIN_FAILURE_WINDOW)
    init_i18n(app)
    init_outage(app)  # before CSRF protection: a form posted during an outage gets 503, not "form expired"
    csrf.init_app(app)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc):
        if not store.ping():
            # The token is checked against the session, which Redis keeps: with Redis down no form can
            # be valid, and "the form expired" would send staff round in circles.
            return outage_response()
        return render_template("admin/message.html", title=_("Session expired"),
                               message=_("The form expired or was not sent by this site. Go back, reload the page "
                                         "and try again.")), 400

    app.register_blueprint(bp)


def shared_secret_key(store: Store) -> str:
    """The key every worker shares when ``SECRET_KEY`` is unset: made once, kept in Redis."""
    def read(r: Any) -> str:
        pipe = r.pipeline(transaction=True)
        pipe.set(SECRET_KEY, secrets.token_urlsafe(48), nx=True)
        pipe.get(SECRET_KEY)
        return pipe.execute()[1]

    return store.run(read)


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
        token = current_app.config["ADMIN_TOKEN"] or ""  # the setting (None when unset)
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


def name_rule() -> str:
    """The user-name rule in the page's language (:data:`bot.admin.users.NAME_RULE` in English)."""
    return _("A user name is 2 to {max} characters: lower-case letters a-z, digits, '.', '_' or '-', starting "
             "with a letter or a digit.", max=NAME_MAX)


def password_rule() -> str:
    return _("A password has at least {n} characters.", n=MIN_PASSWORD)


def _login_page(error: str | None, status: int):
    return render_template("admin/login.html", error=error, name_max=NAME_MAX, name_rule=name_rule(),
                           password_rule=password_rule()), status


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return _login_page(None, 200)
    users: Users = current_app.extensions["staff_users"]
    throttle: LoginThrottle = current_app.extensions["login_throttle"]
    name = valid_name(request.form.get("name", ""))
    password = request.form.get("password", "")
    ip = request.remote_addr or "?"  # the real client's address when TRUSTED_PROXIES is set
    verdict = throttle.reserve(name, ip)  # counted before the password is checked, so it cannot be raced
    if verdict is Verdict.TOO_MANY_POSTS:
        return _login_page(_("Too many sign-in attempts from your address. Wait a few minutes and try again."), 429)
    if name is None:  # no account can have it: say what a name looks like (the rule is no secret)
        return _login_page(name_rule(), 400)
    if verdict is Verdict.TOO_MANY_FAILURES:
        log.warning("staff login throttled for %r from %s", name, ip)
        return _login_page(_("Too many failed attempts. Wait a few minutes and try again."), 401)
    record = users.verify(name, password)
    if record is None:
        return _login_page(_("Wrong user name or password."), 401)
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
    flash(_("Signed out."))
    return redirect(url_for("admin_auth.login"))
