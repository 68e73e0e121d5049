"""The one-trip SQLite cursor answers SQLAlchemy exactly as aiosqlite's own does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.storage.engine import create_engine, upgrade
from bot.storage.models import User, utcnow


@pytest.fixture(params=["one-trip", "aiosqlite"])
async def sqlite_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """The product's SQLite engine, and plain aiosqlite to compare with."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'driver.sqlite3'}"
    engine = create_engine(url) if request.param == "one-trip" else create_async_engine(url)
    await upgrade(engine)
    yield engine
    await engine.dispose()


def person(ref: str) -> dict[str, object]:
    now = utcnow()
    return {"channel": "telegram", "external_id": ref, "state": {}, "created_at": now, "last_seen_at": now}


async def test_rows_counts_and_ids_come_back(sqlite_engine: AsyncEngine) -> None:
    async with sqlite_engine.begin() as connection:
        ids = (
            await connection.scalars(
                insert(User).returning(User.id, sort_by_parameter_order=True),
                [person(str(n)) for n in range(5)],
            )
        ).all()
        changed = await connection.execute(
            update(User).where(User.external_id.in_(["1", "2", "3"])).values(language="uk")
        )
        single = await connection.execute(insert(User).values(**person("solo")))
    assert ids == sorted(ids) and len(set(ids)) == 5
    assert changed.rowcount == 3
    assert single.inserted_primary_key is not None and single.inserted_primary_key[0] > max(ids)
    async with sqlite_engine.connect() as connection:
        languages = (await connection.scalars(select(User.language).order_by(User.id))).all()
        many = (await connection.execute(select(User.id, User.external_id).order_by(User.id))).fetchmany(2)
    assert languages == [None, "uk", "uk", "uk", None, None]
    assert [ref for _, ref in many] == ["0", "1"]


async def test_an_error_rolls_the_whole_transaction_back(sqlite_engine: AsyncEngine) -> None:
    async def insert_twice() -> None:
        async with sqlite_engine.begin() as connection:
            await connection.execute(insert(User).values(**person("twice")))
            await connection.execute(insert(User).values(**person("twice")))

    with pytest.raises(IntegrityError):
        await insert_twice()
    async with sqlite_engine.connect() as connection:
        assert await connection.scalar(select(func.count(User.id))) == 0
