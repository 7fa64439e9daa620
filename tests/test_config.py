"""Settings: one typed object; every setting from the environment, overridden by create_app's mapping;
invalid values stop the start with an error naming the variable; README lists every setting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.app import create_app
from bot.cli import main
from bot.config import SECRETS, ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LINE_ATTEMPTS", "7")
    monkeypatch.setenv("MESSENGER_ATTEMPTS", "2")
    monkeypatch.setenv("REDIS_CLUSTER", "yes")
    monkeypatch.setenv("USER_RATE_LIMIT", "4/30")
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("SECRET_KEY", "")  # empty is unset
    settings = load_settings()
    assert (settings.LINE_ATTEMPTS, settings.MESSENGER_ATTEMPTS, settings.REDIS_CLUSTER) == (7, 2, True)
    assert settings.USER_RATE_LIMIT == "4/30" and settings.LOG_LEVEL == "DEBUG"
    assert settings.BOT_DATA_DIR == str(tmp_path / "data") and settings.SECRET_KEY is None


def test_the_mapping_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("LINE_ATTEMPTS", "7")
    monkeypatch.setenv("GROUP_PREFIX", "!city")
    settings = load_settings({"LINE_ATTEMPTS": 3, "TESTING": True})
    assert settings.LINE_ATTEMPTS == 3 and settings.GROUP_PREFIX == "!city"


def test_defaults_are_the_documented_ones(monkeypatch):
    for name in Settings.model_fields:
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert (settings.PORT, settings.LINE_ATTEMPTS, settings.MESSENGER_ATTEMPTS, settings.DEDUP_WINDOW) == \
        (8000, 4, 4, 86400)
    assert settings.MAX_TEXT_CHARS == 2000 and settings.REDIS_URL is None


@pytest.mark.parametrize("name, value, says", [
    ("LINE_ATTEMPTS", "four", "valid integer"),
    ("MESSENGER_ATTEMPTS", "0", "greater than or equal to 1"),
    ("USER_RATE_LIMIT", "10", "HITS/SECONDS"),
    ("API_IP_RATE_LIMIT", "0/60", "HITS/SECONDS"),
    ("LOG_FORMAT", "xml", "'json' or 'text'"),
    ("LOG_LEVEL", "loud", "one of CRITICAL"),
    ("REDIS_TIMEOUT", "-1", "greater than 0"),
    ("MESSENGER_API_BASE_URL", "graph.facebook.com", "http(s) address"),
    ("MAX_TEXT_CHARS", "5000", "less than or equal to 2000"),
])
def test_an_invalid_value_is_a_clear_error_naming_the_variable(monkeypatch, name, value, says):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert f"{name}: " in str(err.value) and says in str(err.value) and repr(value) in str(err.value)


def test_create_app_refuses_an_invalid_setting_before_doing_anything(tmp_path):
    with pytest.raises(ConfigError, match="SENDER_THREADS: .*integer"):
        create_app({"BOT_DATA_DIR": str(tmp_path), "SENDER_THREADS": "many"})
    assert not any(tmp_path.iterdir())  # no Redis started, nothing written


def test_an_error_never_shows_a_secret(monkeypatch):
    monkeypatch.setenv("LINE_ATTEMPTS", "x")
    with pytest.raises(ConfigError) as err:
        load_settings({"ADMIN_TOKEN": ["a-secret-token-value"]})
    assert "ADMIN_TOKEN" in str(err.value) and "a-secret-token-value" not in str(err.value)
    assert "a-secret" not in repr(load_settings({"ADMIN_TOKEN": "a-secret", "LINE_ATTEMPTS": 2}))


def test_the_command_line_reports_an_invalid_setting_in_one_line(tmp_path):
    result = CliRunner().invoke(main, ["ask", "hello"], env={"CONTEXT_TTL": "soon", "BOT_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 1 and "CONTEXT_TTL: " in result.output and "Traceback" not in result.output


def test_readme_lists_every_setting_with_its_default():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Configuration"):]
    table = table[: table.index("\n## ", 3)]
    listed = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    assert set(Settings.model_fields) <= listed, sorted(set(Settings.model_fields) - listed)
    assert SECRETS <= set(Settings.model_fields)


def test_the_text_cap_is_the_same_for_the_api_the_nlu_and_the_staff_api(bot_config, bot):
    from conftest import ADMIN_TOKEN

    app = create_app({**bot_config, "MAX_TEXT_CHARS": 30, "ADMIN_TOKEN": ADMIN_TOKEN, "SENDER_THREADS": 0})
    assert app.extensions["bot"].nlu.max_chars == 30
    client, auth = app.test_client(), {"Authorization": f"Bearer {ADMIN_TOKEN}"}

    def answers(text: str) -> tuple[dict, dict]:
        api = client.post("/api/ask", json={"text": text}).get_json()
        staff = client.post("/admin/api/try", json={"text": text}, headers=auth).get_json()["before"]
        return api, staff

    for reply in answers("what is depa?"):
        assert "Digital Economy Promotion Agency" in reply["answer"]
    padded = "please tell me one thing now: what is depa?"  # the question starts after character 30
    api, staff = answers(padded)
    assert api["answer"] == staff["answer"] and "Digital Economy Promotion Agency" not in api["answer"]
    assert app.extensions["bot"].nlu.parse(padded).text == padded[:30]
