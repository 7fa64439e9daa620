"""The command line: ask (with --json and --user), chat, inbox list. Run in-process with Click's runner, plus
one smoke test of the installed console script in its own process."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from helpers import run_cli


def test_ask_json_answers_the_resident_in_thai_with_source(bot, data_dir):
    out = run_cli("ask", "--json", "ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["intent"] == "city_why_now" and data["lang"] == "th" and not data["fallback"]
    assert "ธวัชชัย" in data["answer"] and data["sources"]


def test_ask_json_hotel_question_gets_the_fallback(bot, data_dir):
    out = run_cli("ask", "--json", "ภูเก็ตมีโรงแรมแนะนำไหม", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["fallback"] is True


def test_ask_keeps_the_thread_across_calls_with_user(bot, data_dir, user):
    run_cli("ask", "--user", user, "When was Mae Moh certified?", data_dir=data_dir)
    out = run_cli("ask", "--user", user, "--json", "which province is it in?", data_dir=data_dir)
    data = json.loads(out.stdout)
    assert data["entities"]["city"] == "mae-moh" and "Lampang" in data["answer"]


def test_chat_is_interactive_and_multi_turn(bot, data_dir, user):
    out = run_cli("chat", "--user", user, data_dir=data_dir, stdin="ขอนแก่นได้รับรองเมื่อไหร่\nแล้วภูเก็ตล่ะ\n1\n")
    assert out.returncode == 0, out.stderr
    assert "ขอนแก่น" in out.stdout and "ภูเก็ตเมืองอัจฉริยะ" in out.stdout
    assert "  1. " in out.stdout  # suggestions are numbered and can be picked


def test_inbox_list_shows_the_groups_and_who_waits(bot, data_dir):
    question = f"ร้านก๋วยเตี๋ยวเจ๊{uuid.uuid4().hex[:6]}เปิดกี่โมง"
    reply = bot.dialogue.respond(question, user_id=f"U{uuid.uuid4().hex}", channel="line")
    assert reply.fallback and reply.inbox_group
    assert bot.inbox.wait(reply.inbox_group, "line", f"U{uuid.uuid4().hex}", "th", ttl=3600)
    out = run_cli("inbox", "list", "--json", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    group = next(g for g in json.loads(out.stdout) if g["id"] == reply.inbox_group)
    assert group["waiting"] == 1 and group["text"] == question and group["answered"] is False
    out = run_cli("inbox", "list", data_dir=data_dir)
    assert f"{reply.inbox_group}\t1x\t1 waiting\topen\t{question}" in out.stdout


def test_the_installed_console_script_answers(bot, data_dir):
    """The ``smartcity-bot`` entry point as a person runs it: its own process, exit code, output."""
    script = shutil.which("smartcity-bot", path=str(Path(sys.executable).parent)) or shutil.which("smartcity-bot")
    assert script, "smartcity-bot is not installed (pip install -e .)"
    out = subprocess.run([script, "ask", "--json", "where is samyan"], capture_output=True, text=True,
                         env={**os.environ, "BOT_DATA_DIR": str(data_dir)}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Bangkok" in json.loads(out.stdout)["answer"]


def test_each_chat_run_is_a_new_conversation(bot, data_dir):
    """Without --user, a second run does not carry the first run's subject over (context lasts 30 minutes)."""
    first = run_cli("chat", data_dir=data_dir, stdin="แม่เมาะได้รับรองเมื่อไหร่\n")
    assert first.returncode == 0, first.stderr
    assert "2564" in first.stdout
    second = run_cli("chat", data_dir=data_dir, stdin="which province is it in?\n")
    assert second.returncode == 0, second.stderr
    assert "Lampang" not in second.stdout and "ลำปาง" not in second.stdout
