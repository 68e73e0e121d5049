"""Retention: old texts go, recent texts and the anonymous statistics stay, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import PrivacySettings
from bot.core.dialogue import Dialogue
from bot.storage.engine import create_engine, upgrade
from bot.storage.models import CaseMessage, Event, HandoffCase, Message, User, utcnow
from bot.trust.retention import TRANSCRIPTS, cutoff, purge, purge_expired
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "where do i get pesel, my phone is +48 601 234 567"


async def converse(guide: Guide, sessions: async_sessionmaker[AsyncSession], user: str) -> None:
    dialogue = Dialogue(guide, ScriptedUnderstanding(parse_of(QUESTION, "en", "legal.pesel")), sessions)
    chat = Chat(dialogue, user=user)
    await chat.send_payload("1|lang|en")
    await chat.say(QUESTION)


async def age(sessions: async_sessionmaker[AsyncSession], user_ref: str, days: float) -> None:
    """Make a person's messages (and last visit) `days` old."""
    async with sessions() as session:
        user = await session.scalar(select(User).where(User.external_id == user_ref))
        assert user is not None
        when = utcnow() - timedelta(days=days)
        await session.execute(update(Message).where(Message.user_id == user.id).values(created_at=when))
        user.last_seen_at = when
        await session.commit()


async def texts_of(sessions: async_sessionmaker[AsyncSession], user_ref: str) -> list[str | None]:
    async with sessions() as session:
        rows = await session.scalars(
            select(Message.text).join(User, Message.user_id == User.id).where(User.external_id == user_ref)
        )
        return list(rows)


def test_every_transcript_line_names_a_real_table_and_columns() -> None:
    for transcript in TRANSCRIPTS:
        table, text, timestamp = transcript.columns()
        assert table.name == transcript.table and text.name == transcript.text
        assert timestamp.name == transcript.timestamp


async def test_old_texts_are_deleted_and_the_statistics_stay(
    fixture_guide: Guide, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await converse(fixture_guide, sessions, "old")
    await converse(fixture_guide, sessions, "recent")
    await age(sessions, "old", days=100)
    await age(sessions, "recent", days=10)
    async with sessions() as session:
        events_before = await session.scalar(select(func.count(Event.id)))
    written = sum(text is not None for text in await texts_of(sessions, "old"))

    changed = await purge_expired(engine, PrivacySettings(message_retention_days=90))

    old, recent = await texts_of(sessions, "old"), await texts_of(sessions, "recent")
    assert old and all(text is None for text in old), "the old person's words and the replies are gone"
    assert changed["messages"] == written
    assert QUESTION in recent, "recent conversations are untouched"
    async with sessions() as session:
        assert await session.scalar(select(func.count(Event.id))) == events_before
        intents = await session.scalars(select(Message.intent).where(Message.text.is_(None)))
        assert "legal.pesel" in set(intents), "a message keeps its anonymous facts"
    assert (await purge_expired(engine, PrivacySettings(message_retention_days=90)))["messages"] == 0


async def test_a_question_waiting_for_the_language_choice_expires_too(
    fixture_guide: Guide, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = Dialogue(fixture_guide, ScriptedUnderstanding(), sessions)
    for user in ("gone", "here"):
        await Chat(dialogue, user=user).say("my PESEL 85010112345 does not work")
    await age(sessions, "gone", days=40)

    changed = await purge(engine, cutoff(PrivacySettings(message_retention_days=30)))

    async with sessions() as session:
        states = {
            ref: state for ref, state in (await session.execute(select(User.external_id, User.state))).all()
        }
    assert "pending" not in states["gone"] and states["gone"].get("picker_shown")
    assert states["here"]["pending"] == "my PESEL 85010112345 does not work"
    assert changed["users.pending"] == 1


async def test_privacy_purge_from_cron(fixture_guide: Guide, tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cron.sqlite3'}"
    engine = create_engine(url)
    await upgrade(engine)
    await converse(fixture_guide, sessions_of(engine), "old")
    await age(sessions_of(engine), "old", days=400)
    await engine.dispose()

    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot.cli", "privacy", "purge"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": url},
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "deleted texts older than 90 days: messages " in result.stdout
    engine = create_engine(url)
    texts = await texts_of(sessions_of(engine), "old")
    assert texts and set(texts) == {None}
    await engine.dispose()


def sessions_of(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    from bot.storage.engine import sessionmaker

    return sessionmaker(engine)


async def test_what_people_and_advisors_wrote_in_a_case_expires_too(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with sessions() as session:
        case = HandoffCase(reason="request", status="closed", language="uk")
        session.add(case)
        await session.flush()
        old = utcnow() - timedelta(days=100)
        session.add_all(
            [
                CaseMessage(case_id=case.id, direction="user", text="мій паспорт AB123456", created_at=old),
                CaseMessage(
                    case_id=case.id,
                    direction="user",
                    media_kind="photo",
                    file_id="AgAD-photo",
                    created_at=old,
                ),
                CaseMessage(case_id=case.id, direction="advisor", text="Прийдіть у вівторок"),
            ]
        )
        await session.commit()

    changed = await purge_expired(engine, PrivacySettings(message_retention_days=90))

    assert changed["case_messages"] == 1 and changed["case_messages.file_id"] == 1
    async with sessions() as session:
        rows = (await session.execute(select(CaseMessage.text, CaseMessage.file_id))).all()
    assert sorted(rows, key=str) == sorted(
        [(None, None), (None, None), ("Прийдіть у вівторок", None)], key=str
    )
    async with sessions() as session:
        assert await session.scalar(select(HandoffCase.status)) == "closed", "the case itself stays"
