"""The OpenAPI description at /openapi.json, and Schemathesis run against the live app with it.

The app is served by a real HTTP server on 127.0.0.1 (its own Redis database, the session's model) and
Schemathesis (its CLI, as an operator would run it) generates valid and invalid requests for every
operation: no 5xx, status codes, content types and bodies as documented, invalid data refused. The
Schemathesis run starts in the background as soon as the session's model exists (see FuzzRun).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
import requests
from conftest import ADMIN_TOKEN, BACKGROUND
from helpers import LiveServer
from werkzeug.serving import WSGIRequestHandler

from bot.app import create_app

ROOT = Path(__file__).resolve().parent.parent


def _private_db(url: str | None, db: int = 14) -> str | None:
    """Schemathesis creates hundreds of random entries: on a shared server, use a database of its own
    (emptied first) instead of the suite's; a cluster (one database only) gets the embedded server."""
    if not url:
        return None
    if not url.startswith(("redis://", "rediss://")):
        return None
    parts = urlsplit(url)
    private = urlunsplit(parts._replace(path=f"/{db}"))
    redis.Redis.from_url(private).flushdb()
    return private


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # thousands of generated requests: keep the log readable
        pass


class Live:
    def __init__(self, app, url: str):
        self.app, self.url = app, url


@pytest.fixture(scope="module")
def live(tmp_path_factory, data_dir, bot):
    own = tmp_path_factory.mktemp("openapi")
    shutil.copytree(data_dir / "models", own / "models")
    app = create_app({"BOT_DATA_DIR": str(own), "REDIS_URL": _private_db(os.environ.get("REDIS_URL")),
                      "ADMIN_TOKEN": ADMIN_TOKEN, "SECRET_KEY": "openapi-test", "RETRAIN_ON_EDIT": False,
                      "API_IP_RATE_LIMIT": "100000/60", "USER_RATE_LIMIT": "100000/10", "LOG_LEVEL": "WARNING"})
    server = LiveServer(app, request_handler=_QuietHandler)
    yield Live(app, server.url)
    server.close()
    if app.config.get("REDIS_URL") and app.extensions["bot"].store.mode == "url":
        app.extensions["bot"].store.client.flushdb()  # the private database only


def test_openapi_json_is_served_and_valid(live):
    from openapi_spec_validator import validate

    r = requests.get(f"{live.url}/openapi.json", timeout=5)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    validate(r.json())  # raises on an invalid OpenAPI document


def test_every_api_route_is_described(live):
    """A route added to /api or /admin/api without a description fails here."""
    spec = requests.get(f"{live.url}/openapi.json", timeout=5).json()
    documented = {(path, method.upper()) for path, item in spec["paths"].items()
                  for method in item if method != "parameters"}
    served = set()
    for rule in live.app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        if path.startswith(("/api/", "/admin/api/")):
            served |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == documented


def test_wrong_method_is_405_with_an_allow_header(live):
    r = requests.delete(f"{live.url}/api/ask", timeout=5)
    assert r.status_code == 405 and r.json()["error"] and "POST" in r.headers["Allow"]


# -- Schemathesis, in the background ------------------------------------------------------------------------
# The app it fuzzes is served as in ``live`` (werkzeug's threaded server, the same settings, a data directory and
# Redis of its own) but from a process of its own: the run then starts as soon as the session's model exists
# (conftest.BACKGROUND) and overlaps with the tests before this one. In this process the server would compete
# with those tests for the interpreter, and create_app would reconfigure their logging.
_SERVE = """
import json, sys, threading
from werkzeug.serving import WSGIRequestHandler, make_server
from bot.app import create_app

class Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass

server = make_server("127.0.0.1", 0, create_app(json.loads(sys.argv[1])), threaded=True, request_handler=Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(server.server_port, flush=True)
sys.stdin.read()  # until told to stop (stdin closed): a normal exit also stops its embedded Redis
server.shutdown()
"""


class FuzzRun:
    """The app served by a subprocess, and Schemathesis's CLI (as an operator would run it) against it."""

    def __init__(self, workdir: Path, data_dir: Path):
        shutil.copytree(data_dir / "models", workdir / "models")
        config = {"BOT_DATA_DIR": str(workdir), "REDIS_URL": _private_db(os.environ.get("REDIS_URL"), db=13),
                  "ADMIN_TOKEN": ADMIN_TOKEN, "SECRET_KEY": "openapi-fuzz", "RETRAIN_ON_EDIT": False,
                  "API_IP_RATE_LIMIT": "100000/60", "USER_RATE_LIMIT": "100000/10", "LOG_LEVEL": "WARNING"}
        self.private = config["REDIS_URL"]
        self.err = open(workdir / "server.err", "w")
        self.server = subprocess.Popen([sys.executable, "-c", _SERVE, json.dumps(config)], cwd=ROOT, text=True,
                                       env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=self.err)
        line = self.server.stdout.readline()  # the port, printed once it listens
        if not line.strip().isdigit():
            raise RuntimeError("the app did not start: " + (workdir / "server.err").read_text()[-2000:])
        port = int(line)
        seed = os.environ.get("SCHEMATHESIS_SEED", "20261125")  # fixed: a failure reproduces; vary it to explore
        cmd = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(ROOT / "schemathesis.toml"), "run",
               f"http://127.0.0.1:{port}/openapi.json", "-H", f"Authorization: Bearer {ADMIN_TOKEN}",
               "--max-examples", "40", "--workers", "1", "--seed", seed, "--generation-database", "none",
               "--suppress-health-check", "all", "--request-timeout", "10"]
        # A file, not a pipe: nobody reads the output until the run ends, and a full pipe would block it.
        self.out = open(workdir / "schemathesis.out", "w+")
        self.proc = subprocess.Popen(cmd, cwd=workdir, text=True, stdout=self.out, stderr=subprocess.STDOUT,
                                     env={**os.environ, "NO_COLOR": "1"})

    def result(self, timeout: float = 900) -> tuple[int, str]:
        """Wait for Schemathesis: its exit code and its output."""
        returncode = self.proc.wait(timeout)
        self.out.seek(0)
        return returncode, self.out.read()

    def stop(self) -> None:
        if self.proc.poll() is None:  # the session was interrupted before the test waited for it
            self.proc.kill()
            self.proc.wait()
        self.out.close()
        self.server.stdin.close()
        try:
            self.server.wait(30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.err.close()
        if self.private:
            redis.Redis.from_url(self.private).flushdb()  # the private database only


_runs: list[FuzzRun] = []
_FUZZ_TEST = "tests/test_openapi.py::test_schemathesis_finds_no_failure_in_the_live_api"


def _start(request: pytest.FixtureRequest, data_dir: Path) -> None:
    if not _runs:
        run = FuzzRun(request.getfixturevalue("tmp_path_factory").mktemp("fuzz"), data_dir)
        request.session.config.add_cleanup(run.stop)
        _runs.append(run)


BACKGROUND[_FUZZ_TEST] = _start


@pytest.fixture(scope="module")
def fuzz(request, bot, data_dir) -> FuzzRun:
    """The background run (started here when the bot fixture did not start it, e.g. under ``-k``)."""
    _start(request, data_dir)
    return _runs[0]


@pytest.mark.slow
def test_schemathesis_finds_no_failure_in_the_live_api(fuzz):
    """Every check Schemathesis has (but the two that schemathesis.toml explains), on generated valid
    and invalid requests and on stateful create/update/delete/rollback sequences."""
    returncode, out = fuzz.result()
    assert returncode == 0, out[-6000:]
    assert "No issues found" in out, out[-3000:]
    assert "13 selected / 13 total" in out  # every operation was tested
