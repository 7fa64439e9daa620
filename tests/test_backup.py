"""`smartcity-bot backup` / `restore`: all staff data to one file and back."""

from __future__ import annotations

import json
import time
import uuid

from conftest import ADMIN_TOKEN
from helpers import run_cli

from bot.admin.users import Users

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def cli(data_dir, *args):
    return run_cli(*args, data_dir=data_dir)


def test_backup_restore_round_trip(client, bot, data_dir, tmp_path):
    tag = uuid.uuid4().hex[:6]
    entry = {"id": f"bk-{tag}", "questions": {"th": [f"สำรองข้อมูล{tag}ได้ไหม"], "en": []},
             "answer": {"th": "ได้ครับ", "en": ""}, "source": "backup test"}
    client.post("/admin/api/faq", json=entry, headers=AUTH)
    client.put(f"/admin/api/faq/{entry['id']}", headers=AUTH,
               json={**entry, "answer": {"th": "ได้ครับ ทุกวัน", "en": ""}, "version": 1})
    Users(bot.store).create(f"bk{tag}", "backup test password", "editor")
    client.post("/api/ask", json={"text": f"ร้านกาแฟ{tag}แถวนี้อร่อยไหม"})  # into the inbox
    history = client.get(f"/admin/api/faq/{entry['id']}/history", headers=AUTH).get_json()["versions"]
    inbox = [g for g in client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"] if tag in g["text"]]
    assert inbox

    path = tmp_path / "backup.json"
    out = cli(data_dir, "backup", str(path))
    assert out.returncode == 0, out.stderr
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "smartcity-bot-backup/1" and any(k["key"] == "{staff}:users" for k in doc["keys"])

    # Lose everything, then restore it.
    client.delete(f"/admin/api/faq/{entry['id']}", headers=AUTH)
    Users(bot.store).remove(f"bk{tag}")
    for key in bot.store.client.scan_iter(match="{inbox}:*"):
        bot.store.client.delete(key)
    assert cli(data_dir, "restore", "--yes", str(path)).returncode == 0

    assert client.get(f"/admin/api/faq/{entry['id']}/history", headers=AUTH).get_json()["versions"] == history
    assert Users(bot.store).verify(f"bk{tag}", "backup test password")
    restored = [g for g in client.get("/admin/api/unanswered", headers=AUTH).get_json()["groups"] if tag in g["text"]]
    assert [(g["id"], g["count"]) for g in restored] == [(g["id"], g["count"]) for g in inbox]
    deadline = time.monotonic() + 2.0  # workers see the restore within a second, like any edit
    while "ทุกวัน" not in client.post("/api/ask", json={"text": entry["questions"]["th"][0]}).get_json()["answer"]:
        assert time.monotonic() < deadline, "the restored entry was not answered within 2 seconds"
        time.sleep(0.1)


def test_restore_rejects_a_bad_file_and_changes_nothing(bot, data_dir, tmp_path):
    before = bot.store.client.get("{faq}:stamp")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "smartcity-bot-backup/1",
                                "keys": [{"key": "ctx:web:x", "type": "string", "value": "1"}]}))
    out = cli(data_dir, "restore", "--yes", str(path))
    assert out.returncode != 0 and "not staff data" in out.stderr
    assert bot.store.client.get("{faq}:stamp") == before
