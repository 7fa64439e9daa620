"""Starting and stopping the service as real processes: ``smartcity-bot serve`` restarted right after a stop,
SIGTERM taking the whole process tree down, the first run's model training leaving nothing behind, the
embedded Redis shared by overlapping processes, and background work started by the server, not the app
factory. (The stop time itself is measured by ``bench/lifecycle.py``.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from conftest import LINE_SECRET, LINE_TOKEN
from fakes import line_body, line_event, line_signature
from serve_process import ServeProcess
from side_runs import INNER

from bot.embedded import EmbeddedRedis

ROOT = Path(__file__).resolve().parent.parent


def _wait(predicate, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def _env(data_dir: Path, fake_line) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PROMETHEUS_MULTIPROC_DIR")}
    return {**env, "BOT_DATA_DIR": str(data_dir), "LINE_CHANNEL_SECRET": LINE_SECRET,
            "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake_line.url, "LOG_LEVEL": "INFO",
            "API_IP_RATE_LIMIT": "100000/60", "USER_RATE_LIMIT": "100000/10"}


def _status(port: int, path: str = "/healthz") -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def _ask(port: int, text: str, user: str) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", method="POST",
                                 data=json.dumps({"text": text, "user_id": user}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _answers_a_line_message(app: ServeProcess, fake_line) -> bool:
    ev = line_event("ขอนแก่นได้รับรองเมื่อไหร่")
    body = line_body(ev)
    req = urllib.request.Request(f"http://127.0.0.1:{app.port}/webhooks/line", data=body, method="POST",
                                 headers={"Content-Type": "application/json",
                                          "X-Line-Signature": line_signature(LINE_SECRET, body)})
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 200
    fake_line.wait_for(lambda c: [x for x in fake_line.sent("reply") if x.body["replyToken"] == ev["replyToken"]],
                       timeout=30)
    return True


def _all_workers_serving(app: ServeProcess, workers: int) -> bool:
    """Every web worker forked, loaded its app and started its background work (gunicorn's post_worker_init
    hook logs it with the worker's pid), and the sender process the master started runs its sender threads."""
    pids, senders = set(app.children()), set(app.senders())
    log = app.stderr()
    return (len(pids) == workers and len(senders) == 1
            and all(f"background work started in process {pid}: no sender threads" in log for pid in pids)
            and all(f"background work started in process {pid}: 2 sender threads" in log for pid in senders))


def _gone(app: ServeProcess) -> bool:
    return app.proc.poll() is not None and not app.group()


def _assert_clean(*apps: ServeProcess) -> None:
    for app in apps:
        assert "Traceback" not in app.stderr(), app.stderr()[-3000:]


@pytest.fixture
def served_dir(tmp_path, data_dir, bot) -> Path:
    """A data directory with the session's trained model (no training here)."""
    shutil.copytree(data_dir / "models", tmp_path / "models")
    return tmp_path


@pytest.mark.slow
def test_new_serve_keeps_its_redis_when_the_old_one_it_joined_stops(served_dir, fake_line):
    """A second ``serve`` on the same data directory joins the running embedded Redis; when the first one
    stops, the Redis stays up for the second (it was shut down under it before)."""
    old = ServeProcess(_env(served_dir, fake_line), workers=1)
    new = None
    try:
        new = ServeProcess(_env(served_dir, fake_line), workers=1)
        server = EmbeddedRedis(served_dir)
        redis_pid = server.pid()
        statuses: list[int] = []
        done = threading.Event()

        def watch() -> None:  # the new server's health, continuously, until the old one is gone
            while not done.is_set():
                statuses.append(_status(new.port))
                time.sleep(0.02)

        watcher = threading.Thread(target=watch)
        watcher.start()
        os.killpg(old.proc.pid, signal.SIGTERM)
        try:
            assert _wait(lambda: _gone(old), 30), "the old serve did not stop"
        finally:
            done.set()
            watcher.join()
        assert statuses and set(statuses) == {200}, statuses
        assert server.pid() == redis_pid and server.state() == "up"
        assert _answers_a_line_message(new, fake_line)
    finally:
        if old.proc.poll() is None:
            old.stop()
        if new:
            new.stop()
    assert _wait(lambda: EmbeddedRedis(served_dir).state() == "down", 15), "the last one out stops the Redis"
    _assert_clean(old, new)


@pytest.mark.slow
def test_serve_started_right_after_a_stop_on_the_same_port_answers(served_dir, fake_line):
    """Stop, then start again at once (Ctrl-C, up-arrow, Enter): the new server gets the port, the embedded
    Redis and working workers, answers webhooks and keeps context; stopping it leaves nothing running."""
    env = _env(served_dir, fake_line)
    old = ServeProcess(env, workers=2)
    os.killpg(old.proc.pid, signal.SIGTERM)
    new = ServeProcess(env, workers=2, port=old.port, wait=False)
    try:
        assert _wait(lambda: _gone(old), 30), "the old serve did not stop"
        new.wait_ready()
        assert _answers_a_line_message(new, fake_line)
        user = f"restart-{time.monotonic_ns()}"
        assert _ask(new.port, "ขอนแก่นได้รับรองเมื่อไหร่", user)["intent"] == "city_date"
        assert _ask(new.port, "อยู่จังหวัดไหน", user)["entities"].get("city") == "khon-kaen"  # context in Redis
        assert _status(new.port) == 200
        assert _wait(lambda: _all_workers_serving(new, 2), 60)  # both workers booted, the sender running
    finally:
        new.stop()
        if old.proc.poll() is None:
            old.stop()
    assert _wait(lambda: _gone(new), 15)
    assert _wait(lambda: EmbeddedRedis(served_dir).state() == "down", 15)
    _assert_clean(old, new)


@pytest.mark.slow
def test_first_run_trains_leaves_no_extra_processes_and_sigterm_ends_the_tree(tmp_path, fake_line, request):
    """The first run trains the intent model (no cache yet). While serving, the master's only children are
    its workers and the sender process; SIGTERM to the master ends every process it started, the embedded
    Redis included, and nothing printed a traceback.

    Its training takes a minute and needs nothing the session prepares, so the session runs this test in a
    pytest process of its own from its start (tests/side_runs.py), and here only collects the outcome."""
    if not os.environ.get(INNER):
        returncode, out = request.getfixturevalue("first_run").result(timeout=900)
        summary = out.strip().splitlines()[-1]
        assert returncode == 0 and re.search(r"\b1 passed", summary), out[-5000:]
        return
    app = ServeProcess(_env(tmp_path, fake_line), workers=2, timeout=600)
    try:
        assert list((tmp_path / "models").glob("intent-model-*.npz")), "the model was not trained and cached"
        # The workers and the sender process started their background work from the server hooks, and
        # nothing else runs: no process left over from training (joblib's worker processes once stayed,
        # ~200 MB each).
        assert _wait(lambda: _all_workers_serving(app, 2), 60), app.stderr()[-3000:]
        assert len(app.group()) == 4, app.group()  # the master, its two workers and the sender process
        redis_pid = EmbeddedRedis(tmp_path).pid()
        assert redis_pid
        started = time.monotonic()
        os.kill(app.proc.pid, signal.SIGTERM)  # the master only, as a process manager does
        assert _wait(lambda: _gone(app), 10), f"still running: {app.group()}"
        print(f"SIGTERM to the whole tree gone: {time.monotonic() - started:.2f} s")
        assert _wait(lambda: EmbeddedRedis(tmp_path).state() == "down", 10)
    finally:
        if app.proc.poll() is None:
            app.stop()
    assert app.proc.returncode == 0
    _assert_clean(app)


# -- the embedded Redis between processes -------------------------------------------------------------------
_USER = """
import sys
from bot.embedded import start_embedded
print(start_embedded(sys.argv[1]), flush=True)
sys.stdin.readline()  # until told to exit
"""


class _User:
    """A process using the embedded Redis of ``data_dir`` until :meth:`exit`."""

    def __init__(self, data_dir: Path):
        self.proc = subprocess.Popen([sys.executable, "-c", _USER, str(data_dir)], cwd=ROOT, text=True,
                                     env={**os.environ, "PYTHONPATH": str(ROOT)},
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("unix://"), self.proc.stderr.read()

    def exit(self) -> str:
        """Ends normally (its exit handlers run); returns its stderr."""
        _, err = self.proc.communicate("\n", timeout=30)
        assert self.proc.returncode == 0, err
        return err


def test_embedded_redis_is_stopped_by_the_last_process_using_it(tmp_path):
    first = _User(tmp_path)
    server = EmbeddedRedis(tmp_path)
    pid = server.pid()
    redis.Redis.from_url(first.url).set("k", "v")
    second = _User(tmp_path)  # joins the running server
    assert second.url == first.url and server.pid() == pid
    assert "Traceback" not in first.exit()  # the one that started it leaves first
    assert server.state() == "up" and server.pid() == pid  # still used by the second
    assert redis.Redis.from_url(second.url).get("k") == b"v"
    assert "Traceback" not in second.exit()
    assert server.state() == "down"  # the last one out shut it down (and waited until it was gone)


# -- background work starts from the server, not from create_app ----------------------------------------------
def _webhook_app(served_dir: Path, fake_line):
    """An app on the embedded Redis of ``served_dir`` with LINE enabled; it starts no sender by itself."""
    from bot.app import create_app

    return create_app({"BOT_DATA_DIR": str(served_dir), "REDIS_URL": None, "LINE_CHANNEL_SECRET": LINE_SECRET,
                       "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN, "LINE_API_BASE_URL": fake_line.url,
                       "RETRAIN_ON_EDIT": False})


def _queue_a_line_message(app) -> dict:
    """Post a signed LINE webhook with one question to ``app``; the event, once acknowledged (200)."""
    ev = line_event("where is samyan")
    body = line_body(ev)
    resp = app.test_client().post("/webhooks/line", data=body, content_type="application/json",
                                  headers={"X-Line-Signature": line_signature(LINE_SECRET, body)})
    assert resp.status_code == 200
    return ev


def test_create_app_starts_no_sender_until_the_server_starts_background_work(served_dir, fake_line):
    from bot.background import start_background, stop_background
    from bot.queue import STREAM

    app = _webhook_app(served_dir, fake_line)
    try:
        ev = _queue_a_line_message(app)
        store = app.extensions["bot"].store
        # Queued, and no consumer exists: building the app started no sender thread.
        assert store.run(lambda r: r.xlen(STREAM)) == 1
        groups = store.run(lambda r: r.xinfo_groups(STREAM))
        assert all(g["consumers"] == 0 for g in groups), groups
        start_background(app)  # what gunicorn's post_worker_init hook does in each worker
        fake_line.wait_for(lambda c: [x for x in fake_line.sent("reply") if x.body["replyToken"] == ev["replyToken"]],
                           timeout=30)
    finally:
        stop_background(app)


# -- the sender process (bot/sender_process.py) ---------------------------------------------------------------
_PARENT = """
import subprocess, sys, os
proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "worker", "--parent", str(os.getpid())])
print(proc.pid, flush=True)
sys.stdin.readline()  # until killed
"""


def test_sender_process_answers_the_queue_and_stops_when_its_server_is_gone(served_dir, fake_line):
    """``smartcity-bot worker`` answers queued webhook events; when the server that started it dies without
    a word (SIGKILL: no hook runs), it notices and exits cleanly by itself instead of answering on alone."""
    env = {**_env(served_dir, fake_line), "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], cwd=ROOT, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sender = int(parent.stdout.readline())
    app = _webhook_app(served_dir, fake_line)  # only the webhook here: this process starts no sender
    try:
        ev = _queue_a_line_message(app)
        fake_line.wait_for(lambda c: [x for x in fake_line.sent("reply") if x.body["replyToken"] == ev["replyToken"]],
                           timeout=60)
        parent.kill()
        parent.wait(10)
        assert _wait(lambda: not os.path.exists(f"/proc/{sender}") or _zombie(sender), 10), "the sender stayed"
    finally:
        if parent.poll() is None:
            parent.kill()
        try:
            os.kill(sender, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert "Traceback" not in parent.stderr.read()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (FileNotFoundError, IndexError):
        return True


def test_sender_process_exits_cleanly_on_ctrl_c(served_dir, fake_line, tmp_path):
    """Ctrl-C in a terminal reaches the whole process group: the sender stops at once, with no traceback,
    and the embedded Redis it started (no REDIS_URL) stops with it."""
    env = {**_env(served_dir, fake_line), "PYTHONPATH": str(ROOT)}
    err = tmp_path / "stderr"
    with err.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], cwd=ROOT, env=env, stderr=out)
    try:
        assert _wait(lambda: "2 sender threads" in err.read_text(errors="replace"), 60), err.read_text()
        assert EmbeddedRedis(served_dir).state() == "up"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in err.read_text(), err.read_text()
    assert _wait(lambda: EmbeddedRedis(served_dir).state() == "down", 10), "the embedded Redis outlived it"
