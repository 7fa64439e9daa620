"""The unanswered-question inbox keeps at most INBOX_MAX_GROUPS groups: the least recently asked go first."""

from __future__ import annotations

import uuid

import pytest
from conftest import ADMIN_TOKEN
from redis_server import RedisProcess, free_port

from bot.app import create_app
from bot.inbox import GROUP, GROUPS, WAIT, group_key

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def capped(tmp_path, data_dir, bot):
    """An app on its own Redis (the cap would evict other tests' groups) whose inbox keeps 3 groups."""
    server = RedisProcess(free_port(), tmp_path)
    server.start()
    app = create_app({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": server.url, "INBOX_MAX_GROUPS": 3,
                      "ADMIN_TOKEN": ADMIN_TOKEN, "SECRET_KEY": "inbox", "RETRAIN_ON_EDIT": False})
    yield app
    server.stop()


def test_a_full_inbox_drops_the_groups_asked_least_recently(capped):
    client = capped.test_client()
    tag = uuid.uuid4().hex[:6]
    questions = [f"ร้านก๋วยเตี๋ยว{name}{tag}เปิดกี่โมง" for name in ("เจ๊หนึ่ง", "ลุงสอง", "ป้าสาม", "น้าสี่", "พี่ห้า")]

    def shown() -> list[str]:
        groups = client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"]
        return [g["text"] for g in groups]

    for q in questions[:3]:
        assert client.post("/api/ask", json={"text": q}).get_json()["fallback"] is True
    assert shown() == questions[2::-1]  # newest first
    client.post("/api/ask", json={"text": questions[0]})  # asked again: now the most recent
    client.post("/api/ask", json={"text": questions[3]})
    assert shown() == [questions[3], questions[0], questions[2]]  # the second question went, not the first
    client.post("/api/ask", json={"text": questions[4]})
    assert shown() == [questions[4], questions[3], questions[0]]
    r = capped.extensions["bot"].store.client
    assert r.zcard(GROUPS) == 3
    for gone in (questions[1], questions[2]):  # nothing of an evicted group stays behind
        assert not r.exists(GROUP + group_key(gone))


def test_an_evicted_group_takes_its_waiting_list_with_it(capped):
    """People waiting for a group's answer are dropped with the group (the eviction script deletes both),
    and nobody can start waiting for a group that is gone."""
    client = capped.test_client()
    bot = capped.extensions["bot"]
    r = bot.store.client
    tag = uuid.uuid4().hex[:6]
    first = f"ตลาดนัด{tag}เปิดวันไหน"
    client.post("/api/ask", json={"text": first})
    group = group_key(first)
    assert bot.inbox.wait(group, "line", "U" + tag, "th", ttl=3600)
    assert r.exists(WAIT + group)
    for n in ("หนึ่ง", "สอง", "สาม"):  # three newer groups fill the cap of 3
        client.post("/api/ask", json={"text": f"ร้านข้าวมัน{n}{tag}ปิดกี่โมง"})
    assert not r.exists(GROUP + group) and not r.exists(WAIT + group)
    assert bot.inbox.wait(group, "line", "U" + tag, "th", ttl=3600) is False
    assert not r.exists(WAIT + group)
