"""The suites that tests/test_cluster.py reruns on a local Redis Cluster, in a pytest process of their own.

The rerun keeps one core busy for over a minute while it mostly waits on nothing of this session's, so
``conftest`` starts it in the background as soon as the session's model exists and the test collects its
result at the end: it runs beside the other tests on the second core instead of after them. It has its own
Redis (the cluster), its own temporary directory and its own ports; it shares nothing with this session but
the trained model, which it copies at its start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent

#: A local cluster needs Debian's redis-server and redis-cli; without them the cluster tests are skipped.
AVAILABLE = bool(shutil.which("redis-server") and shutil.which("redis-cli"))

RERUN_TEST = "test_the_suites_pass_on_the_cluster_without_cross_slot_commands_or_keys"

# Every suite whose code keeps several keys together (transactions, scripts, streams): storage, the webhook
# queue and de-duplication, the FAQ and its history, staff sessions, backups, rate limits.
SUITES = ["tests/test_storage.py", "tests/test_line.py", "tests/test_messenger.py", "tests/test_admin.py",
          "tests/test_sessions.py", "tests/test_backup.py", "tests/test_ratelimit.py",
          # The dialogue keeps one context key per conversation and writes the inbox: the other suites
          # converse too (LINE, Messenger) and fill the inbox (admin), so three of its tests are enough here.
          # Its forty others differ only in what the bot answers, the same keys the same way.
          "tests/test_dialogue.py::test_context_is_kept_per_channel",
          "tests/test_dialogue.py::test_fallback_questions_are_grouped_in_the_inbox",
          "tests/test_dialogue.py::test_follow_up_asks_the_last_question_about_the_new_city"]


class ClusterRerun:
    """``pytest -m "not own_redis" SUITES`` against ``cluster_url``, started at once in the background;
    tests on a Redis of their own (marker ``own_redis``) show nothing about the cluster and are left out."""

    def __init__(self, cluster_url: str, models: Path, workdir: Path, models_env: str):
        # The inner session loads this session's model instead of training its own (conftest.MODELS_ENV).
        env = {**os.environ, "REDIS_URL": cluster_url, "PYTHONPATH": str(ROOT / "tests"), models_env: str(models)}
        self.log_path = workdir / "rerun.log"
        self._log: IO[str] = open(self.log_path, "w+", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(workdir / "t"),
             "-m", "not own_redis", *SUITES], cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            text=True)

    def result(self, timeout: float) -> tuple[int, str]:
        """Wait for the rerun to end; its exit code and everything it printed."""
        returncode = self.proc.wait(timeout)
        self._log.flush()
        return returncode, self.log_path.read_text(encoding="utf-8")

    def stop(self) -> None:
        if self.proc.poll() is None:  # the session ended early (interrupted, or the test was not reached)
            self.proc.kill()
            self.proc.wait()
        self._log.close()
