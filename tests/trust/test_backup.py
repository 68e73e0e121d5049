"""Backup while the service writes, and restore: for real, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.storage.engine import create_engine, head_revision, sessionmaker
from bot.storage.models import Message, User
from bot.trust.backup import BackupError, backup, restore
from content.guide import Guide
from tests.conftest import PG_URL
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding

ROOT = Path(__file__).resolve().parents[2]
RESTORED = "test_h9_restore"


async def counts(url: str) -> tuple[int, int]:
    """(users, messages) in a database."""
    engine = create_engine(url)
    async with engine.connect() as connection:
        users = await connection.scalar(select(func.count(User.id)))
        messages = await connection.scalar(select(func.count(Message.id)))
    await engine.dispose()
    return int(users or 0), int(messages or 0)


async def busy_while(guide: Guide, sessions: async_sessionmaker[AsyncSession], done: asyncio.Event) -> int:
    """People keep talking until `done`; returns how many messages they sent."""
    dialogue = Dialogue(guide, ScriptedUnderstanding(), sessions)
    sent = 0
    while not done.is_set():
        chat = Chat(dialogue, user=f"busy-{sent}")
        await chat.send_payload("1|lang|en")
        await chat.say("/help")
        sent += 2
    return sent


async def backup_under_load(
    guide: Guide, sessions: async_sessionmaker[AsyncSession], url: str, target: Path
) -> None:
    done = asyncio.Event()
    talking = asyncio.create_task(busy_while(guide, sessions, done))
    await asyncio.sleep(0.3)
    try:
        copied = await backup(url, target)
    finally:
        done.set()
        await talking
    assert copied.revision == head_revision()


@pytest.fixture
async def restore_target() -> AsyncIterator[str]:
    """An empty PostgreSQL database to restore into, dropped afterwards."""
    if not PG_URL:
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL")
    server = create_engine(PG_URL.rsplit("/", 1)[0] + "/postgres")
    async with server.connect() as connection:
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)'))
        await connection.execute(text(f'CREATE DATABASE "{RESTORED}"'))
    yield PG_URL.rsplit("/", 1)[0] + f"/{RESTORED}"
    async with server.connect() as connection:
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)'))
    await server.dispose()


async def test_a_sqlite_backup_taken_while_writing_restores_whole(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    url = str(sqlite_sessions.kw["bind"].url)
    target = tmp_path / "backups" / "nightly.backup"
    await backup_under_load(fixture_guide, sqlite_sessions, url, target)
    users, messages = await counts(f"sqlite+aiosqlite:///{target}")
    assert users > 0 and messages >= 2 * users, "a consistent copy: each person with their messages"

    with pytest.raises(BackupError, match="exists"):
        await backup(url, target)
    restored = f"sqlite+aiosqlite:///{tmp_path / 'restored.sqlite3'}"
    copied = await restore(restored, target)
    assert copied.revision == head_revision()
    assert await counts(restored) == (users, messages)
    with pytest.raises(BackupError, match="holds data"):
        await restore(restored, target)
    assert (await restore(restored, target, force=True)).revision == head_revision()

    (tmp_path / "damaged.backup").write_bytes(target.read_bytes()[:4096])
    with pytest.raises(BackupError):
        await restore(f"sqlite+aiosqlite:///{tmp_path / 'other.sqlite3'}", tmp_path / "damaged.backup")


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
async def test_a_postgresql_backup_taken_while_writing_restores_whole(
    fixture_guide: Guide,
    db_url: str,
    sessions: async_sessionmaker[AsyncSession],
    restore_target: str,
    tmp_path: Path,
) -> None:
    target = tmp_path / "nightly.backup"
    await backup_under_load(fixture_guide, sessions, db_url, target)
    users, messages = await counts(db_url)

    copied = await restore(restore_target, target)

    assert copied.revision == head_revision()
    restored_users, restored_messages = await counts(restore_target)
    assert 0 < restored_users <= users and 2 * restored_users <= restored_messages <= messages
    with pytest.raises(BackupError, match="holds data"):
        await restore(restore_target, target)
    assert (await restore(restore_target, target, force=True)).revision == head_revision()
    restored = sessionmaker(create_engine(restore_target))
    await Chat(Dialogue(fixture_guide, ScriptedUnderstanding(), restored), user="after").say("/help")
    assert (await counts(restore_target))[0] == restored_users + 1, "the restored database takes new writes"
    await restored.kw["bind"].dispose()


async def test_backup_and_restore_commands(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    await Chat(Dialogue(fixture_guide, ScriptedUnderstanding(), sqlite_sessions)).say("/help")
    source = str(sqlite_sessions.kw["bind"].url)
    target = tmp_path / "cli.backup"

    def firststeps(*args: str, url: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "bot.cli", *args]
        env = {**os.environ, "DATABASE_URL": url}
        return subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120, check=False
        )

    made = await asyncio.to_thread(firststeps, "backup", str(target), url=source)
    assert made.returncode == 0 and f"backed up to {target}" in made.stdout, made.stderr
    again = await asyncio.to_thread(firststeps, "restore", str(target), url=source)
    assert again.returncode == 1 and "--force" in again.stderr
    fresh = f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    done = await asyncio.to_thread(firststeps, "restore", str(target), url=fresh)
    assert done.returncode == 0 and "firststeps db upgrade" in done.stdout
    assert await counts(fresh) == await counts(source)
