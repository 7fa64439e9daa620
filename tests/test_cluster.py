"""The bot on a Redis Cluster: a local 3-master cluster from Debian's redis-server, and the storage,
de-duplication, queue, FAQ and backup suites run against it unchanged (``REDIS_URL=redis+cluster://``).

A cluster refuses any command, transaction or script whose keys live in different slots (CROSSSLOT),
so the suites passing here is the proof that every operation keeps its keys under one hash tag; the
servers' own command statistics prove that no ``KEYS`` ran.
"""

from __future__ import annotations

import re

import pytest
import redis
from side_runs import CLUSTER_AVAILABLE

from bot.storage import Store, connect

pytestmark = pytest.mark.skipif(
    not CLUSTER_AVAILABLE,
    reason="a local Redis Cluster needs Debian's redis-server and redis-cli (apt-get install redis-server)")


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


def test_the_suites_pass_on_the_cluster_without_cross_slot_commands_or_keys(cluster, cluster_rerun, bot):
    # Started in the background with the session's first test (conftest, tests/side_runs.py), it waits for
    # the session's model (``bot``) and runs beside the other tests; this test, among the last, collects it.
    returncode, out = cluster_rerun.result(timeout=900)
    tail = out[-5000:]
    assert returncode == 0, tail
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
