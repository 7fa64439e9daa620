"""The suite's long runs in processes of their own, started in the background with the session's first
test: the Redis Cluster rerun (tests/test_cluster.py), Schemathesis against the live API
(tests/test_openapi.py) and the suites that run real servers (PROCESS_SUITES: faults, durability, gunicorn,
order), one after the other once the session's model is ready, and, in a lane of its own from the
very start, the first run of ``serve`` that trains its own model (tests/test_lifecycle.py). Their tests, run
last (conftest), collect the results.

Each keeps one core busy for a minute or more while the session's own tests mostly use the other, so on two
cores they ran after the other tests with a core idle. They run one after the other in one background lane
(never more than two busy pytest processes), with their own Redis, temporary directories and ports; they
share nothing with the session but the trained model, which each copies at its start. On a fresh clone the
model is the one the first run trains: the session takes it (conftest._take_the_first_runs_model) instead of
training the same model beside it, and meanwhile runs the tests that need no model.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent

#: A local cluster needs Debian's redis-server and redis-cli; without them the cluster tests are skipped.
CLUSTER_AVAILABLE = bool(shutil.which("redis-server") and shutil.which("redis-cli"))

CLUSTER_TEST = "test_the_suites_pass_on_the_cluster_without_cross_slot_commands_or_keys"
FIRST_RUN_TEST = "test_first_run_trains_leaves_no_extra_processes_and_sigterm_ends_the_tree"
#: Set in a side run's own pytest session: the test runs its body there instead of collecting a result.
INNER = "BOT_TEST_SIDE_RUN"
SCHEMATHESIS_TEST = "test_schemathesis_finds_no_failure_in_the_live_api"
#: The tests that collect a side run's outcome: the session runs them last (conftest).
SIDE_RUN_TESTS = frozenset({CLUSTER_TEST, FIRST_RUN_TEST, SCHEMATHESIS_TEST})

# Every suite whose code keeps several keys together (transactions, scripts, streams): storage, the webhook
# queue and de-duplication, the FAQ and its history, staff sessions, backups, rate limits.
CLUSTER_SUITES = [
    "tests/test_storage.py", "tests/test_line.py", "tests/test_messenger.py", "tests/test_admin.py",
    "tests/test_sessions.py", "tests/test_backup.py", "tests/test_ratelimit.py",
    # The dialogue keeps one context key per conversation and writes the inbox: the other suites converse
    # too (LINE, Messenger) and fill the inbox (admin), so three of its tests are enough here. Its forty
    # others differ only in what the bot answers, with the same keys used the same way.
    "tests/test_dialogue.py::test_context_is_kept_per_channel",
    "tests/test_dialogue.py::test_fallback_questions_are_grouped_in_the_inbox",
    "tests/test_dialogue.py::test_follow_up_asks_the_last_question_about_the_new_city"]


#: Whole modules of tests that run real processes (``serve``, gunicorn) and mostly wait for them: the session
#: runs them in a pytest process of its own in the background lane, after the cluster rerun and Schemathesis,
#: and each of their tests collects its own outcome from that run's report (``RemoteResult``, conftest).
#: test_lifecycle (a minute of ``serve`` restarts) stays in the session: with it the lane ran a minute longer
#: than the session's own tests (measured at load 10: lane 506 s after the model, the session's tests 415 s).
PROCESS_SUITES = ("tests/test_faults.py", "tests/test_durability.py", "tests/test_gunicorn.py",
                  "tests/test_order.py")


def schemathesis_args(root: Path, admin_token: str) -> list[str]:
    """Every check Schemathesis has (but the two that schemathesis.toml explains), on generated valid and
    invalid requests and on stateful create/update/delete/rollback sequences."""
    seed = os.environ.get("SCHEMATHESIS_SEED", "20261125")  # fixed: a failure reproduces; vary it to explore
    # The coverage phase (every operation's boundary and invalid values, 27 s, over half the run) does not
    # depend on --max-examples; 20 random examples an operation and 23 stateful scenarios take 18 s (40 took
    # 30 s and found nothing more). SCHEMATHESIS_EXAMPLES raises it to explore.
    examples = os.environ.get("SCHEMATHESIS_EXAMPLES", "20")
    return ["--config-file", str(root / "schemathesis.toml"), "run", "-H", f"Authorization: Bearer {admin_token}",
            "--max-examples", examples, "--workers", "1", "--seed", seed, "--generation-database", "none",
            "--suppress-health-check", "all", "--request-timeout", "10"]


class SideRun:
    """A run in processes of its own: :meth:`run` (in the lane) does the work, :meth:`result` waits for it."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.log_path = workdir / "output.log"
        self.returncode: int | None = None
        self.error: BaseException | None = None
        self.scheduled = threading.Event()  # given to a lane (run_in_lane)
        self.done = threading.Event()
        #: Set when the run may begin (the session's model is ready); None: at once.
        self.ready: threading.Event | None = None
        self._procs: list[subprocess.Popen] = []
        self._stopped = False

    def _start(self, args: list[str], env: dict[str, str], log: IO[str], cwd: Path = ROOT) -> subprocess.Popen:
        if self._stopped:
            raise RuntimeError("the session ended before this run started")
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        self._procs.append(proc)
        return proc

    def work(self, log: IO[str]) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self) -> None:
        try:
            while self.ready is not None and not self.ready.wait(0.5):
                if self._stopped:
                    raise RuntimeError("the session ended before this run could start")
            with open(self.log_path, "w", encoding="utf-8") as log:
                self.returncode = self.work(log)
        except BaseException as exc:  # reported by result(), in the test that needs this run
            self.error = exc
        finally:
            self.done.set()

    def result(self, timeout: float) -> tuple[int, str]:
        """Wait for the run to end; its exit code and everything it printed."""
        deadline = time.monotonic() + timeout
        while not self.done.wait(0.5):  # short waits: a long one is not interrupted by Ctrl-C
            if time.monotonic() > deadline:
                raise AssertionError(f"still running after {timeout} s: {self.log_path}")
        if self.error is not None:
            raise self.error
        assert self.returncode is not None
        return self.returncode, self.log_path.read_text(encoding="utf-8")

    def stop(self) -> None:
        """End whatever still runs (the session was interrupted, or the test was not reached)."""
        self._stopped = True
        for proc in self._procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)  # a pytest run stops its servers in its fixtures' teardown
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


class ClusterRerun(SideRun):
    """``pytest -m "not own_redis" CLUSTER_SUITES`` against ``cluster_url``; tests on a Redis of their own
    (marker ``own_redis``) show nothing about the cluster and are left out."""

    def __init__(self, workdir: Path, cluster_url: str, models: Path, models_env: str):
        super().__init__(workdir)
        # The inner session loads this session's model instead of training its own (conftest.MODELS_ENV).
        self.env = {**os.environ, "REDIS_URL": cluster_url, "PYTHONPATH": str(ROOT / "tests"),
                    models_env: str(models)}

    def work(self, log: IO[str]) -> int:
        return self._start([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "--basetemp", str(self.workdir / "t"), "-m", "not own_redis", *CLUSTER_SUITES],
                           self.env, log).wait(900)


class FirstRun(SideRun):
    """``test_lifecycle``'s first-run test (a ``serve`` that trains its own model, ~80 s) in a pytest process
    of its own. It needs nothing the session prepares, so it starts at once, beside the session's own
    training, in a lane of its own."""

    def __init__(self, workdir: Path):
        super().__init__(workdir)
        self.env = {**os.environ, INNER: "1", "PYTHONPATH": str(ROOT / "tests")}

    def work(self, log: IO[str]) -> int:
        return self._start([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "--basetemp", str(self.workdir / "t"), f"tests/test_lifecycle.py::{FIRST_RUN_TEST}"],
                           self.env, log).wait(900)

    def model(self) -> Path | None:
        """The model its ``serve`` trained and cached, once the file is complete (saved atomically; the file
        being written ends in ``.tmp.npz``)."""
        found = [p for p in (self.workdir / "t").glob("*/models/intent-model-*.npz")
                 if not p.name.endswith(".tmp.npz")]
        return found[0] if found else None


class SchemathesisRun(SideRun):
    """The app served over HTTP by a process of its own (tests/live_server.py, its own data directory with a
    copy of the model), and Schemathesis's CLI run against its /openapi.json, as an operator would run it."""

    def __init__(self, workdir: Path, app_config: dict, schemathesis_args: list[str], models: Path):
        super().__init__(workdir)
        self.app_config, self.args, self.models = app_config, schemathesis_args, models
        self.url = ""
        # The environment as it is now, in the main thread: later, a test may be changing it (run_cli).
        self.env = dict(os.environ)

    def work(self, log: IO[str]) -> int:
        import json

        from redis_server import free_port

        shutil.copytree(self.models, Path(self.app_config["BOT_DATA_DIR"]) / "models")  # the model, now ready
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {**self.env, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
        server = self._start([sys.executable, str(ROOT / "tests" / "live_server.py"), str(port),
                              json.dumps(self.app_config)], env, log)
        try:
            _wait_for(f"{self.url}/openapi.json", server, 120)
            return self._start([sys.executable, "-m", "schemathesis.cli", *self.args, f"{self.url}/openapi.json"],
                               {**self.env, "NO_COLOR": "1"}, log, cwd=self.workdir).wait(900)
        finally:
            if server.poll() is None:
                server.terminate()  # the server leaves its embedded Redis at exit
                server.wait(30)


def _wait_for(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer {url} within {timeout} s")


def run_in_lane(runs: list[SideRun]) -> threading.Thread:
    """Run ``runs`` one after the other in a background thread."""
    def lane() -> None:
        for run in runs:
            run.run()

    for run in runs:
        run.scheduled.set()

    thread = threading.Thread(target=lane, name="side-runs", daemon=True)
    thread.start()
    return thread


class ProcessSuites(SideRun):
    """The selected tests of :data:`PROCESS_SUITES` in a pytest process of their own (the session's model,
    copied from ``models``; their own Redis and ports), with a JUnit report each test reads its outcome from."""

    def __init__(self, workdir: Path, nodeids: list[str], models: Path, models_env: str):
        super().__init__(workdir)
        self.nodeids = nodeids
        self.report = workdir / "report.xml"
        self.env = {**os.environ, INNER: "1", "PYTHONPATH": str(ROOT / "tests"), models_env: str(models)}
        self._outcomes: dict[str, tuple[str, str]] | None = None

    def work(self, log: IO[str]) -> int:
        return self._start([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=15",
                            "--basetemp", str(self.workdir / "t"), "--junitxml", str(self.report),
                            "-o", "junit_family=xunit1", *self.nodeids], self.env, log).wait(1800)

    def outcome(self, nodeid: str, timeout: float) -> tuple[str, str]:
        """``(outcome, details)`` of one test of the run: passed, failed, error, skipped, or missing."""
        returncode, out = self.result(timeout)
        if self._outcomes is None:
            self._outcomes = _junit_outcomes(self.report) if self.report.exists() else {}
        path, *classes, name = nodeid.split("::")  # JUnit: classname "tests.test_x[.TestClass]", name "test_y"
        classname = ".".join([path.removesuffix(".py").replace("/", "."), *classes])
        found = self._outcomes.get(f"{classname}::{name}")
        if found is None:
            return "missing", f"exit code {returncode}; no outcome for {nodeid} in the run's report\n{out[-5000:]}"
        return found


def _junit_outcomes(report: Path) -> dict[str, tuple[str, str]]:
    """``classname::name`` -> (outcome, the failure's text) from a JUnit XML report; a test with a failure and
    an error (in its teardown) keeps the first of them."""
    import xml.etree.ElementTree as ET

    outcomes: dict[str, tuple[str, str]] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        key = f"{case.get('classname')}::{case.get('name')}"
        for element in case:
            kind = {"failure": "failed", "error": "error", "skipped": "skipped"}.get(element.tag)
            if kind and outcomes.get(key, ("passed",))[0] in ("passed", "skipped"):
                outcomes[key] = (kind, f"{element.get('message', '')}\n{element.text or ''}")
        outcomes.setdefault(key, ("passed", ""))
    return outcomes
