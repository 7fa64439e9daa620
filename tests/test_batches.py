"""Store.batch on a connection each thread keeps (bot.batches), against a real Redis of its own."""

from __future__ import annotations

import threading

import pytest
import redis
from redis_server import RedisProcess, free_port

from bot.batches import ThreadBatches
from bot.storage import Store, connect


@pytest.fixture
def own(tmp_path):
    server = RedisProcess(free_port(), tmp_path)
    server.start()
    client, mode = connect(server.url, tmp_path)
    yield Store(client, mode), redis.Redis.from_url(server.url, decode_responses=True)
    server.stop()


def test_a_plain_redis_store_batches_on_the_kept_connection_one_read_each(own):
    store, admin = own
    assert isinstance(store._batches, ThreadBatches)
    store.batch(lambda p: p.set("k", "0"))  # the thread's connection is made here
    before = int(admin.info("stats")["total_reads_processed"])
    results = store.batch(lambda p: (p.incr("k"), p.get("k"), p.expire("k", 60), p.hgetall("nothing")))
    assert int(admin.info("stats")["total_reads_processed"]) - before - 1 == 1
    assert results == [1, "1", True, {}]  # redis-py's replies, response callbacks included

    def connections() -> set[str]:
        return {c["addr"] for c in admin.client_list() if c["cmd"] != "client|list"}

    kept = connections()
    for _ in range(5):
        store.batch(lambda p: p.get("k"))
    # the kept one: no new connection per batch (another part of the store, e.g. its health check, may hold
    # one of its own; the batches never add to them)
    assert connections() <= kept


def test_a_failed_command_keeps_its_place_and_the_next_batch_reads_its_own_replies(own):
    store, _ = own
    store.batch(lambda p: p.set("s", "text"))
    results = store.batch(lambda p: (p.incr("s"), p.get("s")))
    assert isinstance(results[0], redis.ResponseError) and results[1] == "text"
    assert store.batch(lambda p: p.get("s")) == ["text"]


def test_a_batch_after_the_server_closed_the_connection_reconnects(own):
    store, admin = own
    store.batch(lambda p: p.set("r", "1"))
    admin.client_kill_filter(_type="normal", skipme=True)  # what a Redis restart does to kept connections
    assert store.batch(lambda p: p.get("r")) == ["1"]
    assert store.available


def test_each_thread_keeps_its_own_connection(own):
    store, admin = own
    barrier = threading.Barrier(3)
    seen: list[object] = []

    def work() -> None:
        store.batch(lambda p: p.ping())
        seen.append(store._batches._connection())
        barrier.wait(timeout=10)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert len(seen) == 3 and len({id(c) for c in seen}) == 3
