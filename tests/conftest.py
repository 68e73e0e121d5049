"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), the fixture guide."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.storage.engine import create_engine, sessionmaker, upgrade
from content.guide import Guide

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture
def fixture_guide() -> Guide:
    base = FIXTURES / "content"
    return Guide.from_files(base / "topics", base / "domains.yml", base / "directory")


async def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each engine."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}"
    if not PG_URL:
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL (set by .ci/run)")
    await _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database with every migration applied."""
    engine = create_engine(db_url)
    await upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return sessionmaker(engine)


@pytest.fixture
async def sqlite_sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """SQLite with migrations, for tests about behaviour rather than the storage engine."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'core.sqlite3'}")
    await upgrade(engine)
    yield sessionmaker(engine)
    await engine.dispose()
