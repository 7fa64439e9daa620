"""Structured logging: one JSON object per line, with the request id on every line of one request.

The id comes from a valid incoming ``X-Request-ID`` or is generated, is echoed in the response header, and
is kept in a context variable, so lines logged anywhere while handling the request carry it. Sender threads
use the platform event id the same way. Message bodies are never logged; only what code chose to log.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid

from flask import Flask, g, request

__all__ = ["setup_logging", "init_request_ids", "request_id", "JsonFormatter"]

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {"time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
               "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        rid = request_id.get()
        if rid:
            out["request_id"] = rid
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get() or "-"
        return True


def setup_logging(level: str = "INFO", fmt: str = "json") -> None:
    """Configure the root logger once: JSON lines (default) or readable text."""
    root = logging.getLogger()
    if any(getattr(h, "_smartcity", False) for h in root.handlers):
        root.setLevel(level)
        return
    handler = logging.StreamHandler()
    handler._smartcity = True  # type: ignore[attr-defined]
    handler.addFilter(_RequestIdFilter())
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def init_request_ids(app: Flask) -> None:
    @app.before_request
    def _start():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        g.request_id_token = request_id.set(g.request_id)

    @app.after_request
    def _echo(resp):
        if getattr(g, "request_id", None):
            resp.headers["X-Request-ID"] = g.request_id
        return resp

    @app.teardown_request
    def _end(exc):
        token = g.pop("request_id_token", None)
        if token is not None:
            request_id.reset(token)
