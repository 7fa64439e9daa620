"""The bot on a Redis Cluster: a local 3-master cluster from Debian's redis-server, and the storage,
de-duplication, queue, FAQ and backup suites run against it unchanged (``REDIS_URL=redis+cluster://``).

A cluster refuses any command, transaction or script whose keys live in different slots (CROSSSLOT),
so the suites passing here is the proof that every operation keeps its keys under one hash tag; the
servers' own command statistics prove that no ``KEYS`` ran.

The inner session is a subprocess with its own cluster, fakes and temporary files, so it starts in the
background as soon as the outer session's model is trained (conftest.BACKGROUND) and overlaps with the
tests before this module instead of adding its minute and a half to the suite.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from conftest import BACKGROUND, MODELS_ENV
from redis_server import RedisClusterProcesses

from bot.storage import Store, connect

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("redis-server") and shutil.which("redis-cli")),
    reason="a local Redis Cluster needs Debian's redis-server and redis-cli (apt-get install redis-server)")

SUITES = ["tests/test_storage.py", "tests/test_line.py", "tests/test_messenger.py", "tests/test_admin.py",
          "tests/test_sessions.py",
          "tests/test_backup.py", "tests/test_ratelimit.py", "tests/test_dialogue.py"]


class ClusterRerun:
    """The cluster and the inner pytest session that runs SUITES against it, as a subprocess that runs in the
    background: conftest's ``bot`` fixture starts it as soon as the session's model exists (the inner session
    loads that model instead of training its own, conftest.MODELS_ENV), and the test waits for its result."""

    def __init__(self, workdir: Path, data_dir: Path):
        self.workdir = workdir
        self.nodes = RedisClusterProcesses(workdir / "nodes", masters=3)
        self.nodes.start()
        for node in _node_clients(self.nodes):  # the statistics the test reads count the inner run only
            node.config_resetstat()
        env = {**os.environ, "REDIS_URL": self.nodes.url, "PYTHONPATH": str(ROOT / "tests"),
               MODELS_ENV: str(data_dir / "models")}
        # Files, not pipes: nobody reads the output until the run ends, and a full pipe would block it.
        self.out, self.err = open(workdir / "stdout", "w+"), open(workdir / "stderr", "w+")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(workdir / "t"),
             *SUITES], cwd=ROOT, env=env, stdout=self.out, stderr=self.err, text=True)

    def result(self, timeout: float = 900) -> tuple[int, str, str]:
        """Wait for the inner session: its exit code, the end of its output and of its errors."""
        returncode = self.proc.wait(timeout)
        self.out.seek(0)
        self.err.seek(0)
        return returncode, self.out.read()[-3000:], self.err.read()[-2000:]

    def stop(self) -> None:
        if self.proc.poll() is None:  # the session was interrupted before the test waited for it
            self.proc.kill()
            self.proc.wait()
        self.out.close()
        self.err.close()
        self.nodes.stop()


_runs: list[ClusterRerun] = []
_RERUN_TEST = "tests/test_cluster.py::test_the_suites_pass_on_the_cluster_without_cross_slot_commands_or_keys"


def _start(request: pytest.FixtureRequest, data_dir: Path) -> None:
    if _runs or not (shutil.which("redis-server") and shutil.which("redis-cli")):
        return  # already running, or the module is skipped
    run = ClusterRerun(request.getfixturevalue("tmp_path_factory").mktemp("cluster"), data_dir)
    request.session.config.add_cleanup(run.stop)
    _runs.append(run)


BACKGROUND[_RERUN_TEST] = _start


@pytest.fixture(scope="module")
def rerun(request, bot, data_dir) -> ClusterRerun:
    """The background run (started here when the bot fixture did not start it, e.g. under ``-k``)."""
    _start(request, data_dir)
    return _runs[0]


@pytest.fixture(scope="module")
def cluster(rerun):
    return rerun.nodes


def _node_clients(cluster) -> list[redis.Redis]:
    return [redis.Redis(port=p, decode_responses=True) for p in cluster.ports]


def test_cluster_url_gives_a_cluster_client_that_spans_the_masters(cluster, tmp_path):
    client, mode = connect(cluster.url, tmp_path, timeout=2.0)
    assert mode == "cluster"
    assert len(client.get_primaries()) == 3
    store = Store(client, mode)
    assert store.ping()
    # The same switch through REDIS_CLUSTER=1 with a plain URL.
    plain, mode = connect(f"redis://127.0.0.1:{cluster.ports[1]}", tmp_path, timeout=2.0, cluster=True)
    assert mode == "cluster" and plain.set("ctx:test:switch", "1") and client.get("ctx:test:switch") == "1"
    # Blocking reads get their own cluster client with the longer timeout.
    reader = store.blocking(5.0)
    assert reader.client is not client and reader.ping()


def test_the_suites_pass_on_the_cluster_without_cross_slot_commands_or_keys(rerun, cluster):
    returncode, tail, errors = rerun.result()
    assert returncode == 0, tail + errors
    summary = tail.strip().splitlines()[-1]  # "N passed in ..." (with skips or warnings, if any)
    assert re.search(r"\d+ passed", summary) and not re.search(r"failed|error", summary), summary

    stats = [node.info("commandstats") for node in _node_clients(cluster)]
    # The data really spread over the masters ...
    used = [node.dbsize() for node in _node_clients(cluster)]
    assert sum(1 for n in used if n > 0) >= 2, used
    # ... and nothing scanned the keyspace with KEYS or wiped it.
    for s in stats:
        assert not {"cmdstat_keys", "cmdstat_flushdb", "cmdstat_flushall"} & set(s), sorted(s)
    # The suites did use the features that need a single slot: transactions, scripts and streams.
    seen = set().union(*stats)
    assert {"cmdstat_multi", "cmdstat_exec", "cmdstat_watch", "cmdstat_xadd", "cmdstat_xreadgroup"} <= seen
    assert seen & {"cmdstat_evalsha", "cmdstat_eval"}
