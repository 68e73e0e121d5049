"""Migration 0004 creates exactly what the models declare for the statistics, on both engines."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.models import Base

OURS = ("stats_days", "stats_daily", "ix_conversations_started_at", "ix_handoff_cases_created_at")


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return [
        diff for diff in compare_metadata(context, Base.metadata) if any(name in str(diff) for name in OURS)
    ]


def _indexes(connection: Connection) -> dict[str, list[str]]:
    inspector = inspect(connection)
    return {
        table: sorted(str(index["name"]) for index in inspector.get_indexes(table))
        for table in ("conversations", "handoff_cases", "stats_daily")
    }


async def test_the_statistics_schema_matches_the_models(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []
        indexes = await connection.run_sync(_indexes)
    assert "ix_conversations_started_at" in indexes["conversations"]
    assert "ix_handoff_cases_created_at" in indexes["handoff_cases"]
    assert indexes["stats_daily"] == ["ix_stats_daily_breakdown_key1_day"]
