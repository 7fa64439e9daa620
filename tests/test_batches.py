"""Store.batch on a connection each thread keeps (bot.batches), against a real Redis of its own."""

from __future__ import annotations

import gc
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
        seen.append(store._batches._kept().connection)
        barrier.wait(timeout=10)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert len(seen) == 3 and len({id(c) for c in seen}) == 3


def test_writes_sent_without_waiting_land_before_the_threads_next_batch_which_reads_only_its_own_replies(own):
    store, admin = own
    store.send(lambda p: (p.set("w", "1"), p.incr("n"), p.expire("n", 60)))
    kept = store._batches._kept()
    assert len(kept.unread) == 1  # the user's reply did not wait for these
    assert store.batch(lambda p: (p.get("w"), p.get("n"))) == ["1", "1"]
    assert kept.unread == []
    assert admin.get("n") == "1" and 0 < admin.ttl("n") <= 60


def test_a_refused_write_sent_without_waiting_is_logged_and_the_next_batch_still_gets_its_replies(own, caplog):
    store, _ = own
    store.batch(lambda p: p.set("s", "text"))
    store.send(lambda p: (p.incr("s"), p.set("t", "2")))
    assert store.batch(lambda p: (p.get("s"), p.get("t"))) == ["text", "2"]
    assert any("refused incr" in r.getMessage().casefold() for r in caplog.records if r.levelname == "WARNING")


def test_other_reads_of_the_same_thread_come_after_its_unwaited_writes(own):
    store, _ = own
    for i in range(50):
        store.send(lambda p, i=i: p.set("seq", str(i)))
        assert store.run(lambda client: client.get("seq")) == str(i)  # on another (pooled) connection


def test_a_batch_after_the_server_closed_the_connection_with_replies_unread_reconnects(own):
    store, admin = own
    store.send(lambda p: p.set("r", "1"))
    admin.client_kill_filter(_type="normal", skipme=True)
    assert store.batch(lambda p: (p.set("q", "2"), p.get("q"))) == [True, "2"]
    assert store.available


def test_a_thread_that_ends_with_replies_unread_never_leaves_them_to_the_next_user_of_its_connection(own):
    store, _ = own
    for i in range(5):
        worker = threading.Thread(target=lambda i=i: store.send(lambda p: (p.set(f"x{i}", "v"), p.incr(f"c{i}"))))
        worker.start()
        worker.join(timeout=10)
        del worker
        gc.collect()  # the thread's locals go: its connection returns to the pool
        pool = store.client.connection_pool
        assert store.client.get(f"x{i}") == "v" and store.client.get(f"c{i}") == "1", pool


def test_an_unwaited_write_after_the_server_closed_the_idle_connection_still_lands(own):
    store, admin = own
    store.batch(lambda p: p.get("ctx"))  # the message's first trip: the thread's connection is open
    admin.client_kill_filter(_type="normal", skipme=True)  # a restart between the two trips
    store.send(lambda p: p.set("ctx", "turn-1"))
    assert admin.get("ctx") == "turn-1" and store.available
    assert store.batch(lambda p: p.get("ctx")) == ["turn-1"] and store.available


def test_a_connection_lost_with_writes_unread_is_no_outage_for_what_comes_next(own):
    store, admin = own
    store.send(lambda p: p.set("a", "1"))
    admin.client_kill_filter(_type="normal", skipme=True)
    assert store.run(lambda client: client.get("a")) == "1" and store.available
    store.send(lambda p: p.set("b", "2"))
    store._batches._kept().connection.disconnect()  # as the pool's disconnect does, replies unread
    assert store.batch(lambda p: (p.get("a"), p.get("b"))) == ["1", "2"] and store.available


def test_the_store_reads_a_threads_unwaited_replies_before_anything_else_it_does(own):
    store, _ = own
    store.send(lambda p: p.set("k", "v"))
    seen = store.run(lambda client: list(store._batches._kept().unread))
    assert seen == []  # read before the pooled connection was used


def test_an_unwaited_reply_that_never_comes_is_dropped_with_a_warning_not_an_outage(own, caplog):
    store, admin = own
    store.send(lambda p: p.blpop(["nothing"], timeout=3))  # no reply within the store's 0.5 s socket timeout
    admin.set("k", "v")
    assert store.run(lambda client: client.get("k")) == "v" and store.available
    assert any("unconfirmed" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    assert store.batch(lambda p: p.get("k")) == ["v"]  # (a new connection: the late reply is never read as this)
