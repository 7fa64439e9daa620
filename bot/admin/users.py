"""Staff accounts in Redis: salted scrypt password hashes (werkzeug), roles, bounded names.

Resetting a password or removing an account ends every session of that user in the same transaction
(:func:`bot.admin.sessions.end_user_sessions`).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

import redis
from werkzeug.security import check_password_hash, generate_password_hash

from .sessions import end_user_sessions

__all__ = ["Users", "ROLES", "UserError", "check_name", "NAME_RULE", "NAME_MAX"]

USERS = "{staff}:users"
ROLES = ("editor", "admin")
NAME_MAX = 32
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,%d}" % (NAME_MAX - 1), re.ASCII)
NAME_RULE = (f"A user name is 2 to {NAME_MAX} characters: lower-case letters a-z, digits, '.', '_' or '-', "
             f"starting with a letter or a digit.")
MIN_PASSWORD = 10


class UserError(ValueError):
    pass


def check_name(name: str) -> str:
    """The name as stored (trimmed, lower case); :class:`UserError` with the rule if it breaks it."""
    clean = name.strip().lower()
    if not NAME.fullmatch(clean):
        raise UserError(NAME_RULE)
    return clean


def valid_name(name: str) -> str | None:
    """The stored form of ``name``, or None if no account can have that name."""
    try:
        return check_name(name)
    except UserError:
        return None


@dataclass
class Users:
    client: redis.Redis

    def create(self, name: str, password: str, role: str = "editor") -> None:
        name = check_name(name)
        if role not in ROLES:
            raise UserError(f"role must be one of {', '.join(ROLES)}")
        self._check_password(password)
        record = {"hash": generate_password_hash(password, method="scrypt"), "role": role, "created": time.time()}
        if not self.client.hsetnx(USERS, name, json.dumps(record)):
            raise UserError(f"user {name} already exists")

    def reset_password(self, name: str, password: str) -> None:
        """A new password; every session of the user ends at once."""
        name = check_name(name)
        record = self.get(name)
        if record is None:
            raise UserError(f"no user {name}")
        self._check_password(password)
        record["hash"] = generate_password_hash(password, method="scrypt")
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(USERS, name, json.dumps(record))
        end_user_sessions(self.client, pipe, name)
        pipe.execute()

    def remove(self, name: str) -> bool:
        """Remove the account and end its sessions; False if there was no such user."""
        name = check_name(name)
        pipe = self.client.pipeline(transaction=True)
        pipe.hdel(USERS, name)
        end_user_sessions(self.client, pipe, name)
        return bool(pipe.execute()[0])

    def end_sessions(self, name: str) -> None:
        """Sign the user out everywhere."""
        pipe = self.client.pipeline(transaction=True)
        end_user_sessions(self.client, pipe, check_name(name))
        pipe.execute()

    def get(self, name: str) -> dict | None:
        valid = valid_name(name)
        if valid is None:
            return None  # no account has that name: nothing to look up
        raw = self.client.hget(USERS, valid)
        return json.loads(raw) if raw else None

    def list(self) -> list[dict]:
        return sorted(({"name": n, "role": json.loads(v)["role"], "created": json.loads(v)["created"]}
                       for n, v in self.client.hgetall(USERS).items()), key=lambda u: u["name"])

    def verify(self, name: str, password: str) -> dict | None:
        """The user record if the password is right, else None (same work either way)."""
        record = self.get(name)
        if record is None:
            # Hash anyway so a wrong name takes as long as a wrong password.
            check_password_hash(_DUMMY, password)
            return None
        return record if check_password_hash(record["hash"], password) else None

    @staticmethod
    def _check_password(password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"a password has at least {MIN_PASSWORD} characters")


_DUMMY = generate_password_hash("timing-equaliser-not-a-password", method="scrypt")
