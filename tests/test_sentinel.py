"""High availability with Redis Sentinel: ``REDIS_URL=redis+sentinel://host:port/service`` finds the
master through the Sentinels, and the bot keeps its conversation context and staff data there."""

from __future__ import annotations

import pytest
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
