"""The Telegram door's storage on real engines: SQLite always, PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.storage.models import Base, TelegramOutbox, TelegramUpdate, User, utcnow
from bot.storage.repo import Repository
from bot.storage.telegram_store import ReceivedUpdate, TelegramStore

TABLES = {"telegram_updates", "telegram_outbox"}


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return [
        diff
        for diff in compare_metadata(context, Base.metadata)
        if any(table in repr(diff) for table in TABLES)
    ]


async def test_the_migration_creates_what_the_models_describe(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


async def test_an_update_is_stored_once(sessions: async_sessionmaker[AsyncSession]) -> None:
    store = TelegramStore.of(sessions, bot_id=42)
    first = [ReceivedUpdate(10, 7, {"update_id": 10}), ReceivedUpdate(11, None, {"update_id": 11})]
    assert await store.receive(first) == {10, 11}
    assert await store.receive([ReceivedUpdate(11, None, {}), ReceivedUpdate(12, 7, {"update_id": 12})]) == {
        12
    }
    assert await TelegramStore.of(sessions, bot_id=43).receive(first) == {10, 11}, "update ids are per bot"
    assert [body["update_id"] for body in await store.unfinished()] == [10, 11, 12]


async def test_replies_wait_in_the_outbox_until_confirmed(sessions: async_sessionmaker[AsyncSession]) -> None:
    store = TelegramStore.of(sessions, bot_id=42)
    await store.receive([ReceivedUpdate(20, 7, {"update_id": 20, "message": {"text": "private"}})])
    rows = await store.answer(20, 7, [{"text": "one"}, {"text": "two"}, {"text": "three"}])
    assert [row.params["text"] for row in rows] == ["one", "two", "three"]
    assert await store.unfinished() == [], "answered"
    await store.sent(rows[0].id, 501, attempts=1)
    await store.rejected(rows[1].id, attempts=1, error="Bad Request: message is too long")
    assert [row.params["text"] for row in await store.backlog(7)] == ["three"]
    assert await store.chats_with_backlog() == [7]
    async with sessions() as session:
        update = await session.get(TelegramUpdate, (42, 20))
        assert update is not None and update.body is None, "the raw update is not kept once answered"
        sent = await session.get(TelegramOutbox, rows[0].id)
        assert sent is not None and sent.params is None and sent.message_id == 501


async def test_a_blocked_user_is_marked_inactive_and_their_backlog_dropped(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        repo = Repository(session)
        user = await repo.user("telegram", "7", "uk")
        user.language = "pl"
        await repo.commit()
    store = TelegramStore.of(sessions, bot_id=42)
    assert await store.language(7) == "pl"
    await store.answer(30, 7, [{"text": "a"}, {"text": "b"}])
    await store.blocked(7, "Forbidden: bot was blocked by the user")
    assert await store.backlog(7) == []
    async with sessions() as session:
        stored = await session.scalar(select(User).where(User.external_id == "7"))
        assert stored is not None and not stored.active
    await store.set_active(7, True)
    async with sessions() as session:
        stored = await session.scalar(select(User).where(User.external_id == "7"))
        assert stored is not None and stored.active


async def test_old_bookkeeping_is_pruned_but_unanswered_updates_are_kept(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    store = TelegramStore.of(sessions, bot_id=42)
    await store.receive([ReceivedUpdate(40, 7, {"update_id": 40}), ReceivedUpdate(41, 7, {"update_id": 41})])
    [row] = await store.answer(40, 7, [{"text": "x"}])
    await store.sent(row.id, 1, 1)
    assert await store.prune(utcnow() - timedelta(hours=1)) == 0, "nothing is old yet"
    assert await store.prune(utcnow() + timedelta(seconds=1)) == 2
    assert [body["update_id"] for body in await store.unfinished()] == [41]
