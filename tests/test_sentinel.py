"""High availability with Redis Sentinel: ``REDIS_URL=redis+sentinel://host:port/service`` finds the
master through the Sentinels, and the bot keeps its conversation context and staff data there."""

from __future__ import annotations

import pytest
from helpers import wait_until
from redis_server import RedisProcess, SentinelProcess, free_port

from bot.config import load_config
from bot.service import build_bot
from bot.storage import connect


@pytest.fixture(scope="module")
def sentinel(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("sentinel")
    master = RedisProcess(free_port(), workdir)
    master.start()
    watcher = SentinelProcess(master.port, workdir)
    try:
        watcher.start()
        yield master, watcher
    finally:
        watcher.stop()
        master.stop()


def test_sentinel_url_reaches_the_master_and_the_bot_works_on_it(sentinel, data_dir, bot):
    master, watcher = sentinel
    url = f"redis+sentinel://127.0.0.1:{watcher.port}/{watcher.service}/0"
    client, mode = connect(url, data_dir, timeout=2.0)
    assert mode == "sentinel" and client.ping()

    other = build_bot(load_config({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": url}))
    assert other.store.mode == "sentinel" and other.store.blocking(5.0).ping()
    say = lambda text: other.dialogue.respond(text, user_id="sentinel-user", channel="web")  # noqa: E731
    assert say("ขอนแก่นได้รับรองเมื่อไหร่").intent == "city_date"
    assert say("อยู่จังหวัดไหน").entities["city"] == "khon-kaen"  # the context lives on the master
    assert master_keys(master) >= 1


def master_keys(master) -> int:
    import redis

    return redis.Redis(port=master.port).dbsize()


def test_a_malformed_sentinel_url_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="redis\\+sentinel://"):
        connect("redis+sentinel://127.0.0.1:26379", tmp_path)


def test_after_a_failover_the_bot_answers_on_and_uses_the_new_master(tmp_path, data_dir, bot):
    """The master dies: the bot keeps answering while Sentinel promotes the replica, then keeps its
    conversations on the new master, with no restart."""
    import time

    import redis

    (tmp_path / "m").mkdir()
    (tmp_path / "r").mkdir()
    master = RedisProcess(free_port(), tmp_path / "m")
    master.start()
    replica = RedisProcess(free_port(), tmp_path / "r", ["--replicaof", "127.0.0.1", str(master.port)])
    replica.start()
    watcher = SentinelProcess(master.port, tmp_path, service="failover", down_after_ms=1000)
    try:
        watcher.start()
        s = redis.Redis(port=watcher.port, decode_responses=True)
        deadline = time.monotonic() + 20
        while not s.sentinel_slaves("failover") and time.monotonic() < deadline:
            time.sleep(0.1)  # the sentinel learns about the replica from the master
        assert s.sentinel_slaves("failover"), "the sentinel never saw the replica"

        url = f"redis+sentinel://127.0.0.1:{watcher.port}/failover"
        other = build_bot(load_config({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": url, "REDIS_RETRY_AFTER": 0.3}))
        say = lambda text: other.dialogue.respond(text, user_id="failover-user", channel="web")  # noqa: E731
        assert say("ภูเก็ตได้รับรองเมื่อไหร่").intent == "city_date"

        master.stop()
        deadline = time.monotonic() + 30
        while s.sentinel_get_master_addr_by_name("failover")[1] != replica.port:
            assert time.monotonic() < deadline, "no failover"
            assert say("7 Smarts คืออะไร").intent == "seven_smarts"  # answering on, without context
            time.sleep(0.2)
        deadline = time.monotonic() + 15
        while not other.store.ping():
            assert time.monotonic() < deadline, "the bot did not reach the new master"
            time.sleep(0.2)
        wait_until(lambda: other.store.available, timeout=5, message="the breaker to close")
        assert say("ขอนแก่นได้รับรองเมื่อไหร่").intent == "city_date"
        assert say("อยู่จังหวัดไหน").entities["city"] == "khon-kaen"
        new_master = redis.Redis(port=replica.port, decode_responses=True)
        assert new_master.get(other.contexts.key("web", "failover-user"))  # written to the promoted replica
    finally:
        watcher.stop()
        replica.stop()
        master.stop()
