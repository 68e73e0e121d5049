"""Storage on real engines: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (CI sets it)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.storage import content_store
from bot.storage.engine import (
    SchemaOutdatedError,
    create_engine,
    current_revision,
    ensure_schema,
    head_revision,
)
from bot.storage.models import ContentRevision, ContentTopic, Conversation, Event, HandoffCase, Message, User
from bot.storage.repo import Repository
from content.guide import load_topic_bodies
from tests.conftest import FIXTURES


async def test_an_empty_database_is_refused_until_upgraded(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        with pytest.raises(SchemaOutdatedError, match="firststeps db upgrade"):
            await ensure_schema(engine, auto_upgrade=False)
        await ensure_schema(engine, auto_upgrade=True)
        assert await current_revision(engine) == head_revision()
        await ensure_schema(engine, auto_upgrade=False)  # now up to date: no error
    finally:
        await engine.dispose()


async def test_a_conversation_is_stored_with_aware_timestamps(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        repo = Repository(session)
        user = await repo.user("telegram", "42", "uk-UA")
        conversation = await repo.conversation(user)
        repo.message(
            conversation, user, "in", text="привіт <b>", language="uk", intent="greet", confidence=0.9
        )
        repo.event("question", conversation, user, topic="legal.pesel", outcome="answered")
        await repo.commit()
    async with sessions() as session:
        stored = await session.scalar(select(User).where(User.external_id == "42"))
        assert stored is not None and stored.client_language == "uk-UA"
        message = await session.scalar(select(Message))
        assert message is not None and message.text == "привіт <b>" and message.created_at.tzinfo is not None
        event = await session.scalar(select(Event))
        assert event is not None and event.topic == "legal.pesel"


async def test_the_same_conversation_continues_until_a_long_silence(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        repo = Repository(session)
        user = await repo.user("web", "v1", None)
        first = await repo.conversation(user)
        again = await repo.conversation(user)
        assert first.id == again.id
        first.last_message_at = first.last_message_at.replace(year=2020)
        later = await repo.conversation(user)
        assert later.id != first.id
        await repo.commit()


async def test_erasure_removes_the_person_and_keeps_anonymous_counts(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        repo = Repository(session)
        user = await repo.user("telegram", "7", None)
        conversation = await repo.conversation(user)
        repo.message(conversation, user, "in", text="my PESEL is 90010112345")
        repo.message(conversation, None, "out", text="answer")
        repo.event("question", conversation, user, topic="legal.pesel")
        case, created = await repo.open_case(user, conversation, reason="request")
        assert created
        await repo.commit()
        await repo.erase_user(user)
        await repo.commit()
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0
        assert await session.scalar(select(func.count()).select_from(Message)) == 0
        assert await session.scalar(select(func.count()).select_from(Event)) == 1
        assert await session.scalar(select(func.count()).select_from(Conversation)) == 1
        stored_case = await session.get(HandoffCase, case.id)
        assert stored_case is not None and stored_case.user_id is None and stored_case.status == "closed"


async def test_one_open_case_per_person(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        repo = Repository(session)
        user = await repo.user("telegram", "8", None)
        conversation = await repo.conversation(user)
        first, created = await repo.open_case(user, conversation, reason="request")
        second, created_again = await repo.open_case(user, conversation, reason="crisis", crisis="violence")
        assert created and not created_again and first.id == second.id
        assert second.crisis == "violence", "a crisis raises the priority of the open case"
        await repo.commit()


def _bodies() -> dict[str, dict[str, Any]]:
    return load_topic_bodies(FIXTURES / "content" / "topics")


async def test_content_files_seed_and_update_but_never_overwrite_editors(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    bodies = _bodies()
    async with sessions() as session:
        report = await content_store.sync_from_files(session, bodies)
        await session.commit()
        assert set(report.added) == set(bodies)
        again = await content_store.sync_from_files(session, bodies)
        assert again.added == again.updated == again.conflicts == ()

        changed = copy.deepcopy(bodies)
        changed["legal.pesel"]["answers"]["en"]["text"] = "A changed answer about PESEL numbers."
        report = await content_store.sync_from_files(session, changed)
        await session.commit()
        assert report.updated == ("legal.pesel",)

        topic = await session.get(ContentTopic, "work.permit")
        assert topic is not None
        topic.version += 1
        session.add(
            ContentRevision(
                topic_id="work.permit", version=topic.version, body=topic.body, author="editor-anna"
            )
        )
        await session.commit()
        changed["work.permit"]["answers"]["en"]["text"] = "A file change that must not win over the editor."
        report = await content_store.sync_from_files(session, changed)
        await session.commit()
        assert report.conflicts == ("work.permit",)
        published = dict(await content_store.published_bodies(session))
        assert published["database topic legal.pesel"]["answers"]["en"]["text"].startswith("A changed answer")
        assert "must not win" not in str(published["database topic work.permit"])


async def test_engine_fixture_is_migrated(engine: AsyncEngine) -> None:
    assert await current_revision(engine) == head_revision()
