"""Fixtures for the statistics: the hand-built week on each engine, and names from the fixture guide."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats.names import PlainNames
from content.guide import Guide
from tests.stats import dataset


@pytest.fixture
async def week(sessions: async_sessionmaker[AsyncSession]) -> async_sessionmaker[AsyncSession]:
    """A database (SQLite, then PostgreSQL) holding the dataset of tests/stats/dataset.py."""
    await dataset.load(sessions)
    return sessions


@pytest.fixture
def names(fixture_guide: Guide) -> PlainNames:
    return PlainNames(fixture_guide.domains, fixture_guide.directory)
