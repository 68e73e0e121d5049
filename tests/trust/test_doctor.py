"""`firststeps doctor`: ready against the Bot API emulator, and each broken part named with its fix."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.engine import create_engine, sessionmaker, upgrade
from bot.storage.staff_repo import StaffRepository
from bot.trust.doctor import doctor
from tests.telegram.emulator import BotApiEmulator

ROOT = Path(__file__).resolve().parents[2]


def config_file(tmp_path: Path, **sections: str) -> Path:
    """config.yml with private folders (and extra top-level sections as YAML text)."""
    text = (
        (ROOT / "config.yml").read_text(encoding="utf-8").replace("data_dir: data", f"data_dir: {tmp_path}")
    )
    text = text.replace("cache_dir: data/models", f"cache_dir: {tmp_path / 'models'}")
    for old, new in sections.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8")
    return path


async def migrated(url: str, with_admin: bool = True) -> None:
    engine: AsyncEngine = create_engine(url)
    await upgrade(engine)
    if with_admin:
        async with sessionmaker(engine)() as session:
            await StaffRepository(session).add("anna", "correct horse battery", "admin")
            await session.commit()
    await engine.dispose()


async def run_doctor(config: Path) -> tuple[int, dict[str, str]]:
    out = io.StringIO()
    code = await doctor(out, config)
    lines = {
        match.group(2): f"{match.group(1)} {match.group(3)}"
        for match in re.finditer(r"^(OK|WARN|FAIL)\s+(\S+)\s+(.*)$", out.getvalue(), re.MULTILINE)
    }
    return code, lines


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, emulator: BotApiEmulator) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'doctor.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", emulator.token)
    monkeypatch.setenv("TELEGRAM_API_URL", emulator.url)
    return url


async def test_a_ready_installation_is_all_ok(tmp_path: Path, environment: str) -> None:
    await migrated(environment)
    code, lines = await run_doctor(config_file(tmp_path))
    assert code == 0
    assert lines["database"].startswith("OK") and lines["migrations"].startswith("OK")
    assert lines["staff"] == "OK 1 active console account(s), 1 admin(s)"
    assert lines["content"].startswith("OK") and "topics pass" in lines["content"]
    assert lines["telegram"] == "OK @firststeps_test_bot (polling)"
    assert lines["model"].startswith("WARN no trained model"), "a missing model only slows the first start"


async def test_each_problem_is_named_with_its_fix(
    tmp_path: Path, environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await migrated(environment, with_admin=False)
    config = config_file(tmp_path, **{"auto_upgrade: true": "auto_upgrade: false"})
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "999:WRONG")
    code, lines = await run_doctor(config)
    assert code == 1
    assert lines["staff"].startswith("WARN no console accounts") and "user add" in lines["staff"]
    assert lines["telegram"].startswith("FAIL Telegram refused the token")

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}")
    (tmp_path / "empty.sqlite3").touch()
    code, lines = await run_doctor(config)
    assert lines["migrations"].startswith("FAIL") and "`firststeps db upgrade`" in lines["migrations"]

    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://someone:secret@127.0.0.1:9/nothing")
    code, lines = await run_doctor(config)
    assert lines["database"].startswith("FAIL cannot reach") and "check DATABASE_URL" in lines["database"]
    assert "secret" not in lines["database"], "the password is not printed"


async def test_a_broken_configuration_is_the_first_thing_said(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("web: {port: -1}\n", encoding="utf-8")
    code, lines = await run_doctor(config)
    assert code == 1 and lines["configuration"].startswith("FAIL") and "web.port" in lines["configuration"]


@pytest.mark.parametrize("name", ["config.production.yml", "config.container.yml"])
def test_the_deployment_configurations_are_valid(name: str) -> None:
    from bot.config import load_settings

    settings = load_settings(ROOT / "deploy" / name, env={})
    assert settings.database.auto_upgrade is False and settings.console.secure_cookies
    assert settings.telegram.mode == "webhook"
