"""Staff accounts in Redis: salted scrypt password hashes (werkzeug), roles, login throttling."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

import redis
from werkzeug.security import check_password_hash, generate_password_hash

__all__ = ["Users", "ROLES", "UserError"]

USERS = "{staff}:users"
ROLES = ("editor", "admin")
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 10


class UserError(ValueError):
    pass


@dataclass
class Users:
    client: redis.Redis
    max_per_user: int = 5  # failed logins per user per window
    max_per_ip: int = 20  # failed logins per address per window
    window: int = 300  # seconds

    def create(self, name: str, password: str, role: str = "editor") -> None:
        name = name.strip().lower()
        if not NAME.match(name):
            raise UserError("a user name is 2-32 lower-case letters, digits, '.', '_' or '-'")
        if role not in ROLES:
            raise UserError(f"role must be one of {', '.join(ROLES)}")
        self._check_password(password)
        record = {"hash": generate_password_hash(password, method="scrypt"), "role": role, "created": time.time()}
        if not self.client.hsetnx(USERS, name, json.dumps(record)):
            raise UserError(f"user {name} already exists")

    def reset_password(self, name: str, password: str) -> None:
        record = self.get(name)
        if record is None:
            raise UserError(f"no user {name}")
        self._check_password(password)
        record["hash"] = generate_password_hash(password, method="scrypt")
        self.client.hset(USERS, name, json.dumps(record))

    def remove(self, name: str) -> bool:
        return bool(self.client.hdel(USERS, name.strip().lower()))

    def get(self, name: str) -> dict | None:
        raw = self.client.hget(USERS, name.strip().lower())
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

    # -- throttling -------------------------------------------------------------------------------------
    def _keys(self, name: str, ip: str) -> tuple[str, str]:
        return f"{{staff}}:fails:user:{name.strip().lower()}", f"{{staff}}:fails:ip:{ip}"

    def blocked(self, name: str, ip: str) -> bool:
        user_key, ip_key = self._keys(name, ip)
        fails = self.client.mget([user_key, ip_key])
        return int(fails[0] or 0) >= self.max_per_user or int(fails[1] or 0) >= self.max_per_ip

    def failed(self, name: str, ip: str) -> None:
        pipe = self.client.pipeline(transaction=True)
        for key in self._keys(name, ip):
            pipe.set(key, 0, ex=self.window, nx=True)  # the window starts at the first failure
            pipe.incr(key)  # INCR keeps the TTL
        pipe.execute()

    def succeeded(self, name: str, ip: str) -> None:
        self.client.delete(self._keys(name, ip)[0])

    @staticmethod
    def _check_password(password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UserError(f"a password has at least {MIN_PASSWORD} characters")


_DUMMY = generate_password_hash("timing-equaliser-not-a-password", method="scrypt")
