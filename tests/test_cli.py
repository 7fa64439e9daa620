"""The command line: ask (with --json and --user), chat."""

import json
import os
import subprocess
import sys


def run(args, data_dir, input_text=None):
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True,
                          env=env, input=input_text, timeout=120)


def test_ask_json_answers_the_resident_in_thai_with_source(bot, data_dir):
    out = run(["ask", "--json", "ทำไมเมืองขอนแก่นเพิ่งจะได้รับรองเป็น smart city"], data_dir)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["intent"] == "city_why_now" and data["lang"] == "th" and not data["fallback"]
    assert "ธวัชชัย" in data["answer"] and data["sources"]


def test_ask_json_hotel_question_gets_the_fallback(bot, data_dir):
    out = run(["ask", "--json", "ภูเก็ตมีโรงแรมแนะนำไหม"], data_dir)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["fallback"] is True


def test_ask_keeps_the_thread_across_calls_with_user(bot, data_dir, user):
    run(["ask", "--user", user, "When was Mae Moh certified?"], data_dir)
    out = run(["ask", "--user", user, "--json", "which province is it in?"], data_dir)
    data = json.loads(out.stdout)
    assert data["entities"]["city"] == "mae-moh" and "Lampang" in data["answer"]


def test_chat_is_interactive_and_multi_turn(bot, data_dir, user):
    out = run(["chat", "--user", user], data_dir, input_text="ขอนแก่นได้รับรองเมื่อไหร่\nแล้วภูเก็ตล่ะ\n1\n")
    assert out.returncode == 0, out.stderr
    assert "ขอนแก่น" in out.stdout and "ภูเก็ตเมืองอัจฉริยะ" in out.stdout
    assert "  1. " in out.stdout  # suggestions are numbered and can be picked
