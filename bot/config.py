"""Configuration from the environment, in one place.

:func:`load_config` reads defaults, then environment variables, then the mapping passed to
``create_app(config)``; nothing else in the code reads ``os.environ``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

__all__ = ["load_config", "ENV_KEYS"]

#: Environment variables the service reads (docs/architecture.md, "Contracts").
ENV_KEYS = ("REDIS_URL", "LINE_CHANNEL_SECRET", "LINE_CHANNEL_ACCESS_TOKEN", "LINE_API_BASE_URL",
            "MESSENGER_APP_SECRET", "MESSENGER_PAGE_ACCESS_TOKEN", "MESSENGER_VERIFY_TOKEN",
            "MESSENGER_API_BASE_URL", "ADMIN_TOKEN", "SECRET_KEY", "BOT_DATA_DIR", "PORT", "LOG_LEVEL", "LOG_FORMAT")

DEFAULTS: dict[str, Any] = {
    "REDIS_URL": None,
    "REDIS_CLUSTER": False,  # treat REDIS_URL as a Redis Cluster node (same as a redis+cluster:// URL)
    "BOT_DATA_DIR": "./var",
    "PORT": 8000,
    "LOG_LEVEL": "INFO",
    "LOG_FORMAT": "json",  # "json" (one object per line, with request ids) or "text"
    "SECRET_KEY": None,
    "CONTEXT_TTL": 30 * 60,  # seconds a conversation is remembered
    "MAX_CONTENT_LENGTH": 256 * 1024,  # Flask answers 413 above this
    "MAX_TEXT_CHARS": 2000,  # a message is cut to this before any NLP work
    "REDIS_TIMEOUT": 0.5,  # seconds; a slow Redis must not stall answers
    "REDIS_RETRY_AFTER": 2.0,  # seconds to skip Redis after a failure before trying again
    "SENDER_THREADS": 2,  # queue consumers per worker
    "QUEUE_CLAIM_IDLE": 10.0,  # seconds before another worker claims an unacknowledged event
    "DEDUP_WINDOW": 24 * 3600,  # seconds: webhook event ids are remembered this long; older events are not answered
    "USER_RATE_LIMIT": "10/10",  # messages per seconds, per user and channel
    "API_IP_RATE_LIMIT": "60/60",  # /api/ask requests per seconds, per client address
    "LOGIN_IP_RATE_LIMIT": "30/300",  # /admin/login posts per seconds, per client address
    "TRUSTED_PROXIES": 0,  # proxies in front of the app whose X-Forwarded-For/-Proto are believed (hops)
    "STAFF_SESSION_IDLE": 2 * 3600,  # seconds without a request before a staff session ends
    "STAFF_SESSION_LIFETIME": 12 * 3600,  # seconds after sign-in when a staff session ends, used or not
    "INBOX_MAX_GROUPS": 10_000,  # unanswered-question groups kept; the least recently asked go first
    "RETRAIN_ON_EDIT": True,  # retrain the classifier in the background after staff edits
    "RETRAIN_DELAY": 3.0,  # seconds without a newer edit before retraining
    "GROUP_PREFIX": "!bot",  # in LINE groups, the bot answers a mention or a message starting with this
    "LINE_CONNECT_TIMEOUT": 3.0,
    "LINE_READ_TIMEOUT": 10.0,
    "MESSENGER_CONNECT_TIMEOUT": 3.0,
    "MESSENGER_READ_TIMEOUT": 10.0,
}

_INT_KEYS = {"PORT", "CONTEXT_TTL", "MAX_CONTENT_LENGTH", "MAX_TEXT_CHARS", "SENDER_THREADS", "DEDUP_WINDOW",
             "TRUSTED_PROXIES", "INBOX_MAX_GROUPS"}
_BOOL_KEYS = {"RETRAIN_ON_EDIT", "REDIS_CLUSTER"}
_FLOAT_KEYS = {"STAFF_SESSION_IDLE", "STAFF_SESSION_LIFETIME", "RETRAIN_DELAY", "REDIS_TIMEOUT", "REDIS_RETRY_AFTER",
               "QUEUE_CLAIM_IDLE", "LINE_CONNECT_TIMEOUT", "LINE_READ_TIMEOUT",
               "MESSENGER_CONNECT_TIMEOUT", "MESSENGER_READ_TIMEOUT"}


def load_config(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict:
    """Defaults, overridden by the environment, overridden by ``overrides``."""
    env = os.environ if environ is None else environ
    cfg = dict(DEFAULTS)
    for key in (*ENV_KEYS, *DEFAULTS):
        if env.get(key) not in (None, ""):
            cfg[key] = env[key]
    cfg.update(overrides or {})
    for key in _INT_KEYS:
        cfg[key] = int(cfg[key])
    for key in _FLOAT_KEYS:
        cfg[key] = float(cfg[key])
    for key in _BOOL_KEYS:
        if isinstance(cfg[key], str):
            cfg[key] = cfg[key].strip().lower() not in ("0", "false", "no", "off", "")
    cfg["BOT_DATA_DIR"] = str(Path(cfg["BOT_DATA_DIR"]).resolve())
    return cfg
