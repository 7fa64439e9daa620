"""Settings: one typed object, read once, every default in one place.

:class:`Settings` lists every setting the service reads, with its type and default. Each can be set from
an environment variable of the same name; ``create_app(config)`` (and :func:`load_settings`) take a
mapping whose keys override the environment. Nothing else in the code reads ``os.environ`` for a setting
or carries a default of its own: code takes the values from a :class:`Settings` (the bot's
``bot.settings``, or ``app.config``, which holds the same values).

An invalid value stops the start with :class:`ConfigError`, which names the variable and says what is
wrong (never echoing a secret).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from intents.normalize import MAX_TEXT_CHARS

__all__ = ["Settings", "ConfigError", "load_settings", "load_config", "SECRETS"]

#: Settings whose values are secrets: never logged, never shown in an error.
SECRETS = frozenset({"SECRET_KEY", "ADMIN_TOKEN", "LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN",
                     "MESSENGER_APP_SECRET", "MESSENGER_PAGE_ACCESS_TOKEN", "MESSENGER_VERIFY_TOKEN"})

_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class ConfigError(ValueError):
    """A setting has a value the service cannot use; the message names each such variable."""


def _secret(description: str) -> Any:
    return Field(None, repr=False, description=description)


class Settings(BaseSettings):
    """Every setting, named as its environment variable (README, "Configuration", lists them)."""

    model_config = SettingsConfigDict(case_sensitive=True, env_ignore_empty=True, extra="ignore", frozen=True,
                                      validate_default=True)

    # -- storage ---------------------------------------------------------------------------------------
    REDIS_URL: str | None = Field(None, description="Redis server; unset: an embedded Redis under BOT_DATA_DIR")
    REDIS_CLUSTER: bool = Field(False, description="treat a plain REDIS_URL as a Redis Cluster node")
    REDIS_TIMEOUT: float = Field(0.5, gt=0, description="seconds before a Redis command counts as failed")
    REDIS_RETRY_AFTER: float = Field(2.0, gt=0, description="seconds to skip Redis after a failure")
    BOT_DATA_DIR: str = Field("./var", description="embedded Redis, cached models, reports")
    CONTEXT_TTL: int = Field(30 * 60, ge=1, description="seconds a conversation is remembered")

    # -- the web server ----------------------------------------------------------------------------------
    PORT: int = Field(8000, ge=1, le=65535)
    WEB_CONCURRENCY: int = Field(2, ge=1, description="gunicorn workers")
    WEB_THREADS: int = Field(4, ge=1, description="threads per gunicorn worker")
    LOG_LEVEL: str = "INFO"
    LOG_FORMAT: Literal["json", "text"] = "json"
    TRUSTED_PROXIES: int = Field(0, ge=0, description="proxies whose X-Forwarded-For/-Proto are believed")
    MAX_CONTENT_LENGTH: int = Field(256 * 1024, ge=1024, description="request body bytes; Flask answers 413 above")
    MAX_TEXT_CHARS: int = Field(MAX_TEXT_CHARS, ge=1, le=MAX_TEXT_CHARS,
                                description="a message (web, API, channels, staff 'try it') is cut to this")
    USER_RATE_LIMIT: str = Field("10/10", description="messages per seconds, per user and channel")
    API_IP_RATE_LIMIT: str = Field("60/60", description="/api/ask requests per seconds, per client address")
    PUBLIC_URL: str | None = Field(None, description="public address of the web chat (rich menu link)")

    # -- staff -------------------------------------------------------------------------------------------
    SECRET_KEY: str | None = _secret("signs CSRF tokens; unset: a generated key kept in Redis")
    ADMIN_TOKEN: str | None = _secret("bearer token for /admin/api automation")
    STAFF_SESSION_IDLE: float = Field(2 * 3600, gt=0, description="seconds without a request before a session ends")
    STAFF_SESSION_LIFETIME: float = Field(12 * 3600, gt=0, description="seconds after sign-in when a session ends")
    LOGIN_IP_RATE_LIMIT: str = Field("30/300", description="/admin/login posts per seconds, per client address")
    LOGIN_USER_FAILURES: int = Field(5, ge=1, description="failed sign-ins per user name in LOGIN_FAILURE_WINDOW")
    LOGIN_IP_FAILURES: int = Field(20, ge=1, description="failed sign-ins per client address in LOGIN_FAILURE_WINDOW")
    LOGIN_FAILURE_WINDOW: int = Field(300, ge=1, description="seconds failed sign-ins are counted")
    INBOX_MAX_GROUPS: int = Field(10_000, ge=1, description="unanswered-question groups kept")
    NOTIFY_TTL: int = Field(30 * 24 * 3600, ge=60, description="seconds someone who tapped 'tell me when you "
                            "know' waits for staff to answer")
    RETRAIN_ON_EDIT: bool = Field(True, description="retrain the classifier in the background after staff edits")
    RETRAIN_DELAY: float = Field(3.0, ge=0, description="seconds without a newer edit before retraining")
    LIVE_RELOAD_INTERVAL: float = Field(0.5, gt=0, description="seconds between checks for staff edits")

    # -- channels ----------------------------------------------------------------------------------------
    LINE_CHANNEL_SECRET: str | None = _secret("LINE channel secret")
    LINE_CHANNEL_ACCESS_TOKEN: str | None = _secret("LINE channel access token")
    LINE_API_BASE_URL: str | None = Field(None, description="LINE API host (tests: a fake)")
    LINE_CONNECT_TIMEOUT: float = Field(3.0, gt=0)
    LINE_READ_TIMEOUT: float = Field(10.0, gt=0)
    LINE_ATTEMPTS: int = Field(4, ge=1, description="tries of one LINE API call (transient errors)")
    GROUP_PREFIX: str = Field("!bot", min_length=1, description="in LINE groups, answer messages starting with this")
    MESSENGER_APP_SECRET: str | None = _secret("Meta app secret")
    MESSENGER_PAGE_ACCESS_TOKEN: str | None = _secret("Page access token")
    MESSENGER_VERIFY_TOKEN: str | None = _secret("webhook verify token")
    MESSENGER_API_BASE_URL: str = Field("https://graph.facebook.com", description="Graph API host")
    MESSENGER_CONNECT_TIMEOUT: float = Field(3.0, gt=0)
    MESSENGER_READ_TIMEOUT: float = Field(10.0, gt=0)
    MESSENGER_ATTEMPTS: int = Field(4, ge=1, description="tries of one Send API call (transient errors)")
    SENDER_PROCESSES: int = Field(1, ge=0, description="processes of their own that answer queued webhook events, "
                                  "started by the gunicorn master (0: sender threads in every web worker)")
    SENDER_NICE: int = Field(10, ge=0, le=19, description="how much lower the sender processes' CPU priority is "
                             "than the web workers' (acknowledgements first)")
    SENDER_THREADS: int = Field(2, ge=0, description="queue consumers per sender process "
                                "(per web worker when SENDER_PROCESSES=0)")
    QUEUE_CLAIM_IDLE: float = Field(10.0, gt=0, description="seconds before another worker claims an event")
    DEDUP_WINDOW: int = Field(24 * 3600, ge=60,
                              description="seconds an event id is remembered; older events are ignored")

    @field_validator("LOG_LEVEL")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in _LEVELS:
            raise ValueError(f"one of {', '.join(_LEVELS)}")
        return level

    @field_validator("USER_RATE_LIMIT", "API_IP_RATE_LIMIT", "LOGIN_IP_RATE_LIMIT")
    @classmethod
    def _limit(cls, value: str) -> str:
        hits, _, seconds = value.strip().partition("/")
        if not (hits.isdecimal() and seconds.isdecimal() and int(hits) >= 1 and int(seconds) >= 1):
            raise ValueError("write it as HITS/SECONDS, both whole numbers of at least 1 (for example 10/10)")
        return f"{int(hits)}/{int(seconds)}"

    @field_validator("BOT_DATA_DIR")
    @classmethod
    def _absolute(cls, value: str) -> str:
        return str(Path(value).expanduser().resolve())

    @field_validator("MESSENGER_API_BASE_URL", "LINE_API_BASE_URL", "PUBLIC_URL")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("https://", "http://")):
            raise ValueError("an http(s) address")
        return value.rstrip("/")

    def as_config(self) -> dict[str, Any]:
        """The settings as a Flask config mapping (``app.config``)."""
        return self.model_dump()


def load_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """Defaults, overridden by the environment, overridden by ``overrides`` (keys other than settings are
    ignored here: ``create_app`` hands them to Flask); :class:`ConfigError` naming every bad variable."""
    known = {k: v for k, v in (overrides or {}).items() if k in Settings.model_fields}
    try:
        return Settings(**known)
    except ValidationError as exc:
        raise ConfigError(_explain(exc)) from None


def load_config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The settings as a plain mapping, plus any other keys of ``overrides`` (Flask's ``TESTING``...)."""
    return {**(overrides or {}), **load_settings(overrides).as_config()}


def _explain(exc: ValidationError) -> str:
    problems = []
    for err in exc.errors():
        name = str(err["loc"][0]) if err["loc"] else "settings"
        message = err["msg"].removeprefix("Value error, ")
        if name not in SECRETS and "input" in err and not isinstance(err["input"], (dict, list)):
            message += f" (got {err['input']!r})"
        problems.append(f"{name}: {message}")
    return "invalid settings: " + "; ".join(problems)
