"""Configuration: defaults work, a bad value names its key, secrets come only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_config_is_valid_and_uses_embedded_sqlite(tmp_path: Path) -> None:
    settings = load_settings(ROOT / "config.yml", env={})
    assert settings.web.host == "127.0.0.1" and settings.web.port == 8080
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.telegram.token is None


def test_environment_supplies_secrets(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": "123:abc",
        "DATABASE_URL": "postgresql+asyncpg://u:p@h/db",
        "TELEGRAM_API_URL": "http://127.0.0.1:9000/bot",
    }
    settings = load_settings(write(tmp_path, "web: {port: 9090}\n"), env=env)
    assert settings.telegram.token is not None and settings.telegram.token.get_secret_value() == "123:abc"
    assert settings.database_url == "postgresql+asyncpg://u:p@h/db"
    assert settings.telegram.api_url == "http://127.0.0.1:9000/bot"
    assert "123:abc" not in repr(settings), "secrets are never printed"


def test_config_file_can_be_chosen_by_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "bot: {default_language: pl}\n")
    assert load_settings(env={"FIRSTSTEPS_CONFIG": str(path)}).bot.default_language == "pl"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("web: {port: 99999}\n", "web.port"),
        ("bot: {default_language: de}\n", "bot.default_language"),
        ("nlu: {backend: magic}\n", "nlu.backend"),
        ("web: {prot: 80}\n", "web.prot"),
        ("database: {auto_upgrade: maybe}\n", "database.auto_upgrade"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        load_settings(write(tmp_path, text), env={})


def test_secrets_in_the_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        load_settings(write(tmp_path, "telegram: {token: '123:abc'}\n"), env={})


def test_missing_or_broken_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.yml", env={})
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(write(tmp_path, "web: [unclosed\n"), env={})
