"""Storage on a real Redis: context TTL, persistence, and answering through an outage."""

import subprocess
import time

import pytest
from redis_server import RedisProcess, free_port

from bot.config import load_config
from bot.context import Context
from bot.service import build_bot


def test_context_is_stored_with_a_30_minute_ttl(bot, user):
    bot.dialogue.respond("ขอนแก่นได-รับรองเมื่อไหร่", user_id=user, channel="web")
    key = bot.contexts.key("web", user)
    ttl = bot.store.client.ttl(key)
    assert 0 < ttl <= 1800
    ctx = bot.contexts.load("web", user)
    assert ctx.last_city == "khon-kaen" and ctx.lang == "th"


def test_context_round_trip_and_delete(bot, user):
    bot.contexts.save("line", user, Context(last_city="samyan", last_intent="city_plan", lang="en"))
    assert bot.contexts.load("line", user).last_city == "samyan"
    bot.contexts.delete("line", user)
    assert bot.contexts.load("line", user) == Context()


def test_corrupt_context_is_ignored(bot, user):
    bot.store.client.set(bot.contexts.key("web", user), "{not json")
    assert bot.contexts.load("web", user) == Context()


@pytest.fixture
def redis_proc(tmp_path):
    server = RedisProcess(free_port(), tmp_path)
    server.start()
    yield server
    server.stop()


def test_bot_answers_through_a_redis_outage_and_recovers(redis_proc, data_dir, bot, user):
    cfg = load_config({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": f"redis://127.0.0.1:{redis_proc.port}/0",
                       "REDIS_RETRY_AFTER": 0.2})
    other = build_bot(cfg)
    say = lambda text: other.dialogue.respond(text, user_id=user, channel="web")  # noqa: E731

    assert say("ขอนแก่นได้รับรองเมื่อไหร่").intent == "city_date"
    assert say("อยู่จังหวัดไหน").entities["city"] == "khon-kaen"  # context works

    redis_proc.stop()
    r = say("ภูเก็ตได้รับรองเมื่อไหร่")  # still answered, without context
    assert r.intent == "city_date" and "ภูเก็ต" in r.text
    r = say("อยู่จังหวัดไหน")
    assert not r.fallback and r.entities.get("city") is None  # no context: it asks which city
    assert say("ภูเก็ตมีโรงแรมไหม").fallback  # fallback still works, inbox write is skipped
    assert other.store.ping() is False

    redis_proc.start()
    deadline = time.monotonic() + 10
    while not other.store.ping() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)  # let the breaker close
    assert say("สามย่านได้รับรองเมื่อไหร่").entities["city"] == "samyan"
    assert say("อยู่จังหวัดไหน").entities["city"] == "samyan"  # context is back, no restart


def test_healthz_reports_degraded_when_redis_is_down(redis_proc, data_dir, bot):
    from bot.app import create_app

    app = create_app({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": f"redis://127.0.0.1:{redis_proc.port}/0",
                      "REDIS_RETRY_AFTER": 0.2})
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    redis_proc.stop()
    r = client.get("/healthz")
    assert r.status_code == 503 and r.get_json()["status"] == "degraded" and r.get_json()["reason"]
    assert client.get("/livez").status_code == 200  # alive: a load balancer keeps it in rotation
    assert client.post("/api/ask", json={"text": "7 Smarts คืออะไร", "user_id": "u1"}).status_code == 200


def test_embedded_redis_persists_across_restarts(tmp_path):
    """Data written to the embedded server survive the server stopping (append-only file)."""
    script = (
        "import sys; from bot.storage import connect\n"
        "client, mode = connect(None, sys.argv[1]); assert mode == 'embedded'\n"
        "if sys.argv[2] == 'write': client.set('persist:test', 'kept')\n"
        "else: print(client.get('persist:test'))\n"
    )
    import sys as _sys

    subprocess.run([_sys.executable, "-c", script, str(tmp_path), "write"], check=True, timeout=60)
    out = subprocess.run([_sys.executable, "-c", script, str(tmp_path), "read"], check=True, timeout=60,
                         capture_output=True, text=True)
    assert out.stdout.strip() == "kept"
    assert (tmp_path / "redis").exists()


def test_embedded_redis_keeps_its_files_private(tmp_path):
    """Password hashes, sessions and what people asked are on disk: only the bot's user may read them,
    whatever the process umask, and a data directory left world-readable by an older version is fixed."""
    import os
    import stat

    import redis

    from bot.embedded import EmbeddedRedis

    old = tmp_path / "redis"
    old.mkdir(mode=0o755)
    (old / "redis.log").write_text("an older version's log\n")
    os.chmod(old, 0o755)
    os.chmod(old / "redis.log", 0o644)
    umask = os.umask(0o022)  # the usual default: files 0644, directories 0755
    server = EmbeddedRedis(tmp_path)
    try:
        server.ensure()
        client = redis.Redis(unix_socket_path=str(server.socket), decode_responses=True)
        client.set("{staff}:users", "a password hash")
        client.save()  # an RDB snapshot
        client.bgrewriteaof()  # a rewritten append-only file
        deadline = time.monotonic() + 20
        while client.info("persistence")["aof_rewrite_in_progress"] or \
                client.info("persistence")["aof_rewrite_scheduled"]:
            assert time.monotonic() < deadline, "the append-only file was never rewritten"
            time.sleep(0.05)
        paths = [p for p in server.dir.rglob("*")]
        names = {p.name for p in paths}
        assert "bot.rdb" in names and any(n.startswith("appendonly") for n in names) and "redis.log" in names
        assert stat.S_IMODE(server.dir.stat().st_mode) == 0o700
        for path in paths:
            mode = stat.S_IMODE(path.lstat().st_mode)
            if path.is_dir():
                assert mode == 0o700, (path.name, oct(mode))
            elif not path.is_socket():
                assert mode == 0o600, (path.name, oct(mode))
            assert not mode & 0o077, (path.name, oct(mode))  # nothing for the group or others, sockets too
    finally:
        os.umask(umask)
        server.stop()
