"""Server-side staff sessions in Redis: the cookie holds only a random session id.

A session record lives at ``{staff}:session:<sha256 of the id>`` (so a copy of the database or a backup
holds no usable session ids) with a TTL that is the idle timeout, capped by what is left of the
absolute lifetime. Each signed-in user has an index of their records, ``{staff}:sessions-of:<name>``,
so a password reset or the removal of the account deletes every session of that user in the same
transaction (:func:`end_user_sessions`). The id changes at sign-in (:meth:`StaffSession.rotate`), so an
id planted before sign-in is worthless afterwards.

Every key shares the ``{staff}`` hash tag with the accounts hash, so one transaction can touch them all
on a Redis Cluster too. When Redis cannot be reached the session is marked ``unavailable`` (never an
exception: Flask would turn that into a 500) and the admin blueprint answers 503.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from typing import Any

from flask import Flask, Request, Response, request
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from ..storage import Store, StoreUnavailable
from .outage import make_outage_response

__all__ = ["StaffSession", "RedisSessionInterface", "record_key", "end_user_sessions", "password_mark"]

SESSION = "{staff}:session:"
USER_SESSIONS = "{staff}:sessions-of:"
#: A session nobody signed in with (it only carries the login form's CSRF token) lives at most this long,
#: so anonymous visits cannot fill Redis for the whole idle timeout.
ANONYMOUS_TTL = 3600.0
_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
_serializer = TaggedJSONSerializer()  # what Flask's own cookie sessions use (flashes, tuples, Markup)


def _new_id() -> str:
    return secrets.token_urlsafe(32)


def _digest(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def record_key(sid: str) -> str:
    """The Redis key of the session with cookie value ``sid``."""
    return SESSION + _digest(sid)


def password_mark(password_hash: str) -> str:
    """A short fingerprint of the account's password hash, kept in its sessions: a session created with
    an old password (a sign-in racing a reset) stops working as soon as the hash changes."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def end_user_sessions(client: Any, pipe: Any, name: str) -> None:
    """Queue, on the transaction ``pipe``, the deletion of every session of ``name`` (read with
    ``client``)."""
    index = USER_SESSIONS + name
    digests = client.smembers(index)
    if digests:
        pipe.delete(*(SESSION + d for d in digests))
    pipe.delete(index)


class StaffSession(CallbackDict, SessionMixin):
    """The session of one request: a dict plus its id, creation time and state."""

    def __init__(self, data: dict | None = None, sid: str | None = None, created: float | None = None,
                 unavailable: bool = False):
        def on_update(_: Any) -> None:
            self.modified = True

        super().__init__(data or {}, on_update)
        self.new = sid is None  # no record yet: a fresh id is made when something is stored
        self.sid = sid or _new_id()
        self.created = time.time() if created is None else created
        self.unavailable = unavailable
        self.modified = False
        self.ended: list[str] = []  # ids whose records are deleted when the response is saved

    def rotate(self) -> None:
        """A new id (and a new absolute lifetime) for this session, at sign-in; the old record goes."""
        if not self.new:
            self.ended.append(self.sid)
        self.sid, self.new, self.created, self.modified = _new_id(), True, time.time(), True

    def end(self) -> None:
        """Sign out: the record is deleted, so a copy of the cookie is worthless too."""
        self.clear()
        self.rotate()


class RedisSessionInterface(SessionInterface):
    """Flask sessions kept in Redis through the :class:`~bot.storage.Store` (see the module docstring)."""

    def __init__(self, store: Store, idle: float, lifetime: float):
        self.store, self.idle, self.lifetime = store, float(idle), float(lifetime)

    def get_cookie_secure(self, app: Flask) -> bool:
        # Secure exactly when the browser talks HTTPS (behind a proxy: TRUSTED_PROXIES and X-Forwarded-Proto).
        return request.is_secure or bool(app.config.get("SESSION_COOKIE_SECURE"))

    def open_session(self, app: Flask, request: Request) -> StaffSession:
        sid = request.cookies.get(self.get_cookie_name(app), "")
        if not _ID.match(sid):
            return StaffSession()  # never adopt an id the browser made up
        if not request.path.startswith(self.get_cookie_path(app)):
            # Only staff pages have sessions: the chat, /api/ask and the webhooks never wait on (or fail
            # with) Redis for a cookie someone sent them.
            return StaffSession()
        try:
            raw = self.store.run(lambda r: r.get(record_key(sid)))
        except StoreUnavailable:
            return StaffSession(sid=sid, unavailable=True)
        if raw is None:
            return StaffSession()  # expired or ended
        try:
            record = _serializer.loads(raw)
            session = StaffSession(dict(record["data"]), sid=sid, created=float(record["created"]))
        except (ValueError, KeyError, TypeError):  # a damaged record is no session (never a 500)
            return StaffSession()
        if time.time() - session.created >= self.lifetime:  # the TTL cap makes this rare; be exact anyway
            fresh = StaffSession()
            fresh.ended.append(sid)
            fresh.modified = True
            return fresh
        return session

    def _ttl(self, session: StaffSession) -> float:
        idle = self.idle if session.get("user") else min(self.idle, ANONYMOUS_TTL)
        return min(idle, session.created + self.lifetime - time.time())

    def save_session(self, app: Flask, session: StaffSession, response: Response) -> None:  # type: ignore[override]
        if session.unavailable:
            return  # keep the cookie: the session is still valid once Redis is back
        name, path = self.get_cookie_name(app), self.get_cookie_path(app)
        domain = self.get_cookie_domain(app)
        ttl = self._ttl(session)
        gone = [record_key(s) for s in session.ended]
        empty = not session or ttl <= 0
        if empty and not session.new:
            gone.append(record_key(session.sid))
        if empty and not gone:
            return  # nothing stored, nothing to end: most requests (no cookie) never reach Redis

        def write(r: Any) -> None:
            pipe = r.pipeline(transaction=True)
            if gone:
                pipe.delete(*gone)
            if not empty:
                key = record_key(session.sid)
                if session.new or session.modified:
                    raw = _serializer.dumps({"data": dict(session), "created": session.created})
                    pipe.set(key, raw, px=max(1, int(ttl * 1000)))
                    user = session.get("user")
                    if user:
                        pipe.sadd(USER_SESSIONS + user, key[len(SESSION):])
                        pipe.expire(USER_SESSIONS + user, int(self.lifetime) + 60)
                else:
                    pipe.pexpire(key, max(1, int(ttl * 1000)))  # the idle timeout starts again
            pipe.execute()

        try:
            self.store.run(write)
        except StoreUnavailable:
            make_outage_response(response)  # the session could not be kept: say so, not a 200 that lies
            return
        if empty:
            if not session.new or session.ended:
                response.delete_cookie(name, domain=domain, path=path, secure=self.get_cookie_secure(app),
                                       httponly=self.get_cookie_httponly(app),
                                       samesite=self.get_cookie_samesite(app))
            return
        if session.new:
            response.set_cookie(name, session.sid, expires=session.created + self.lifetime, path=path,
                                domain=domain, secure=self.get_cookie_secure(app),
                                httponly=self.get_cookie_httponly(app), samesite=self.get_cookie_samesite(app))
            response.vary.add("Cookie")
