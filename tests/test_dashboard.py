"""The dashboard's figures (bot/services/dashboard.py), shown alike by /admin/dashboard and `smartcity-bot stats`."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from click.testing import CliRunner
from helpers import csrf_token
from markupsafe import escape

from bot.admin.users import Users
from bot.cli import main
from bot.services.dashboard import dashboard
from bot.stats import Stats
from knowledge.catalogue import INTENTS, intent_label

NAMES = {"khon-kaen": "Khon Kaen", "phuket": "Phuket"}


def test_the_figures_add_up_each_days_counters_by_channel_intent_and_city(bot):
    # Days long past, so that nothing else the suite does is counted on them.
    first = dt.date(2001, 1, 1) + dt.timedelta(days=uuid.uuid4().int % 3000)
    second = first + dt.timedelta(days=2)
    stats = Stats(bot.store)
    for _ in range(3):
        stats.record("line", "city_date", False, "khon-kaen", today=first)
    stats.record("web", "out_of_scope", True, None, today=first)
    stats.record("messenger", "city_date", False, "phuket", today=second)
    stats.record("line", "out_of_scope", True, "phuket", today=second)

    board = dashboard(bot.store, NAMES, days=3, today=second)
    assert board.days == [first.isoformat(), (first + dt.timedelta(days=1)).isoformat(), second.isoformat()]
    assert board.channels == ["line", "messenger", "web"]
    assert board.messages == {"line": [3, 0, 1], "messenger": [0, 0, 1], "web": [1, 0, 0]}
    assert board.totals == [4, 0, 2] and board.fallbacks == [1, 0, 1]
    assert board.fallback_rates == [0.25, 0.0, 0.5]
    assert board.total == 6 and board.total_fallbacks == 2
    assert [(r.key, r.count) for r in board.intents] == [("city_date", 4), ("out_of_scope", 2)]
    assert [(r.label, r.count) for r in board.cities] == [("Khon Kaen", 3), ("Phuket", 2)]
    assert json.loads(json.dumps(board.as_dict()))["fallback_rates"] == [0.25, 0.0, 0.5]


def test_days_counted_by_an_earlier_version_still_add_up_after_an_upgrade(bot):
    # Earlier versions kept one field per figure; a day may hold both kinds after an upgrade mid-day.
    day = dt.date(1990, 1, 1) + dt.timedelta(days=uuid.uuid4().int % 3000)
    key = f"{{stats}}:{day.strftime('%Y%m%d')}"
    bot.store.client.hset(key, mapping={"msgs:line": 5, "fallback:line": 2, "intent:city_date": 3,
                                        "intent:out_of_scope": 2, "city:khon-kaen": 3})
    Stats(bot.store).record("line", "city_date", False, "khon-kaen", today=day)
    board = dashboard(bot.store, NAMES, days=1, today=day)
    assert board.messages == {"line": [6]} and board.fallbacks == [2]
    assert [(r.key, r.count) for r in board.intents] == [("city_date", 4), ("out_of_scope", 2)]
    assert [(r.label, r.count) for r in board.cities] == [("Khon Kaen", 4)]


def test_a_days_counters_expire_after_forty_days(bot):
    day = dt.date(1980, 1, 1) + dt.timedelta(days=uuid.uuid4().int % 3000)
    Stats(bot.store).record("web", "city_date", False, None, today=day)
    ttl = bot.store.client.ttl(f"{{stats}}:{day.strftime('%Y%m%d')}")
    assert 39 * 24 * 3600 < ttl <= 40 * 24 * 3600


def test_no_messages_yet_shows_zeros_on_the_web_channel(bot):
    board = dashboard(bot.store, NAMES, days=2, today=dt.date(1999, 1, 1) + dt.timedelta(days=uuid.uuid4().int % 300))
    assert board.channels == ["web"] and board.totals == [0, 0] and board.fallback_rates == [0.0, 0.0]
    assert board.intents == [] and board.cities == []


@pytest.fixture
def signed_in(app, bot):
    name = f"dash{uuid.uuid4().hex[:6]}"
    Users(bot.store).create(name, "correct horse battery", "editor")
    client = app.test_client()
    token = csrf_token(client)
    assert client.post("/admin/login", data={"name": name, "password": "correct horse battery",
                                             "csrf_token": token}).status_code == 302
    return client


def test_page_and_command_line_show_the_same_figures(app, bot, signed_in, data_dir):
    assert app.test_client().post("/api/ask", json={"text": "ภูเก็ตมีโรงแรมแนะนำไหม"}).get_json()["fallback"]
    names = {c.id: c.short_name.en for c in bot.kb.cities.values()}
    board = dashboard(bot.store, names, intent_names={i: intent_label(i, "en") for i in INTENTS})
    assert board.totals[-1] >= 1 and board.fallbacks[-1] >= 1  # today's question is counted

    page = signed_in.get("/admin/dashboard").get_data(as_text=True)
    assert f"{board.total} messages, {board.total_fallbacks} answered with the fallback" in page
    assert page.count("<svg") == 4
    for row in board.intents:
        if row.key in INTENTS:  # topics by their English names, as on the English page
            assert row.label != row.key and f"<td>{escape(row.label)}</td><td>{row.count}</td>" in page

    env = {"BOT_DATA_DIR": str(data_dir), "REDIS_URL": bot.settings.REDIS_URL or ""}
    out = CliRunner().invoke(main, ["stats", "--json"], env=env)
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == board.as_dict()
    text = CliRunner().invoke(main, ["stats", "--days", "7"], env=env)
    assert text.exit_code == 0 and "last 7 days:" in text.output and "top intents:" in text.output
    assert CliRunner().invoke(main, ["stats", "--days", "41"], env=env).exit_code == 2  # counters live 40 days
