"""Small helpers shared by the tests, one per job: a reply's first line, poll until a condition holds, wait for
the event queue to drain, read a form's CSRF token, run the CLI in-process, serve an app over real HTTP, run an app's sender
threads."""

from __future__ import annotations

import logging
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, TypeVar

import redis

from bot.queue import GROUP, STREAM

T = TypeVar("T")


def first_line(reply: Any) -> str:
    """A reply's first line: where the answer must be (the answer first)."""
    return reply.text.split("\n", 1)[0]

# Letters no name of the knowledge base can be spelt with (its short Latin names, "de", "eec", "ptt"... all
# need others): a random tag inside a test question ("ตลาดนัด{tag}จัดวันไหน") never reads as a name.
_TAG_LETTERS = "fghjqrvwxyz"


def tag(n: int = 6) -> str:
    """A random tag that makes a test's question or entry its own and names nothing (a hex tag "de1bb0" once
    made a question name the ministry "DE")."""
    import random

    return "".join(random.choice(_TAG_LETTERS) for _ in range(n))


@contextmanager
def serving(config: dict[str, Any]) -> Iterator[Any]:
    """``create_app(config)`` with its sender threads running, as gunicorn's post_worker_init hook starts
    them in each worker; stopped on the way out."""
    from bot.app import create_app
    from bot.background import start_background, stop_background

    app = create_app(config)
    start_background(app)
    try:
        yield app
    finally:
        stop_background(app)


def wait_until(predicate: Callable[[], T], timeout: float = 10.0, interval: float = 0.05,
               message: str = "condition") -> T:
    """Poll ``predicate`` until it returns something truthy; return that, or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}")
        time.sleep(interval)


def queue_drained(r: redis.Redis) -> bool:
    """Every event ever queued has been read by a sender and acknowledged (nothing pending, nothing new).

    Senders acknowledge an event only after all its platform calls, so once this holds no reply to any
    event accepted so far can still arrive: what the fake API has recorded is final."""
    if not r.exists(STREAM):
        return True
    last = r.xinfo_stream(STREAM)["last-generated-id"]
    for group in r.xinfo_groups(STREAM):
        if _text(group["name"]) == GROUP:
            return group["pending"] == 0 and _text(group["last-delivered-id"]) == _text(last)
    return False


def wait_for_queue(target, timeout: float = 20.0) -> None:
    """Wait until the event queue of ``target`` (a Flask app, or a Redis client) is drained."""
    if isinstance(target, redis.Redis):
        wait_until(lambda: queue_drained(target), timeout, message="the event queue to drain")
        return
    store = target.extensions["bot"].store
    wait_until(lambda: store.run(queue_drained), timeout, message="the event queue to drain")


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str = "/admin/login", **get) -> str:
    """The CSRF token of the form on ``path``, fetched with the Flask test ``client`` (so it belongs to its
    session); ``get`` goes to ``client.get`` (``base_url``, ``environ_base``)."""
    page = client.get(path, **get).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no csrf_token on {path}"
    return match.group(1)


@dataclass
class CliResult:
    """What a run of the command line left: its exit code and its two output streams."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, data_dir=None, env: dict[str, str | None] | None = None,
            stdin: str | None = None) -> CliResult:
    """Run ``smartcity-bot ARGS`` in this process with Click's runner (no interpreter start-up).

    ``data_dir`` becomes ``BOT_DATA_DIR``; ``env`` overrides the environment (None removes a variable).
    An unexpected exception propagates and fails the test, as it should."""
    from click.testing import CliRunner

    from bot.cli import main

    # No background retrain after staff edits: a real command exits before its debounce fires, but in this
    # process the timer would live on, train for seconds and leave a second model in the session's directory.
    environ: dict[str, str | None] = {"RETRAIN_ON_EDIT": "0"}
    if data_dir is not None:
        environ["BOT_DATA_DIR"] = str(data_dir)
    environ.update(env or {})
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        result = CliRunner().invoke(main, list(args), env=environ, input=stdin, catch_exceptions=False)
    finally:
        # The command's logging.basicConfig wrote to the runner's captured stderr, closed now: forget it.
        root.handlers[:], root.level = handlers, level
    return CliResult(result.exit_code, result.stdout, result.stderr)


class LiveServer:
    """A WSGI app served over real HTTP on 127.0.0.1 from a thread (werkzeug's threaded server)."""

    def __init__(self, app, port: int = 0, **kwargs):
        from werkzeug.serving import make_server

        self.srv = make_server("127.0.0.1", port, app, threaded=True, **kwargs)
        self.port = self.srv.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.srv.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.srv.shutdown()
        self.srv.server_close()
