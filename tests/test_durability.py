"""Durability: a staff edit acknowledged with 2xx survives SIGKILL of the app and a restart of the embedded
Redis (append-only file)."""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from conftest import ADMIN_TOKEN
from redis_server import free_port
from serve_process import ServeProcess



def _request(port, method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {ADMIN_TOKEN}"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, None


def _serve(data_dir: Path, port: int) -> ServeProcess:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}  # the embedded server
    env.update(BOT_DATA_DIR=str(data_dir), ADMIN_TOKEN=ADMIN_TOKEN, SECRET_KEY="durability", LOG_LEVEL="WARNING",
               RETRAIN_ON_EDIT="0")
    return ServeProcess(env, workers=1, port=port, timeout=60)


def _embedded_redis(data_dir: Path) -> redis.Redis:
    from bot.embedded import EmbeddedRedis

    return redis.Redis.from_url(EmbeddedRedis(data_dir).url, decode_responses=True)


def test_acknowledged_edit_survives_sigkill_and_a_redis_restart(tmp_path, data_dir, bot):
    shutil.copytree(data_dir / "models", tmp_path / "models")
    port = free_port()
    app = _serve(tmp_path, port)
    entry = {"id": "durable-entry", "questions": {"th": ["ข้อมูลนี้ต้องไม่หายใช่ไหม"], "en": []},
             "answer": {"th": "ไม่หายครับ", "en": ""}, "source": "durability test"}
    status, _ = _request(port, "POST", "/admin/api/faq", entry)
    assert status == 201
    app.kill()  # the app dies without any chance to clean up

    server = _embedded_redis(tmp_path)
    assert server.get("{faq}:stamp")  # it outlived the app (its own session)
    try:
        server.shutdown()  # the embedded Redis restarts: it must come back from its append-only file
    except redis.ConnectionError:
        pass
    with pytest.raises((redis.ConnectionError, OSError)):
        _embedded_redis(tmp_path).ping()  # really gone: nothing survives in memory
    assert any((tmp_path / "redis").glob("appendonly.aof*"))

    app = _serve(tmp_path, port)
    try:
        status, got = _request(port, "GET", "/admin/api/faq/durable-entry")
        assert status == 200 and got["answer"]["th"] == "ไม่หายครับ" and got["version"] == 1
        status, history = _request(port, "GET", "/admin/api/faq/durable-entry/history")
        assert [v["version"] for v in history["versions"]] == [1]
    finally:
        app.stop()
        try:
            _embedded_redis(tmp_path).shutdown()
        except (redis.ConnectionError, OSError, FileNotFoundError):
            pass
