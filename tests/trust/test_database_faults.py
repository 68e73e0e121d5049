"""The database away for a moment: connections cut by the server, or refused for seconds. No message lost.

PostgreSQL only (TEST_DATABASE_URL): the server cuts connections with pg_terminate_backend; a proxy in front
of it stands for a restart or a network failure (everything cut, new connections refused, then back).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.config import AbuseSettings
from bot.core.dialogue import Dialogue
from bot.storage.engine import create_engine, sessionmaker
from bot.storage.models import Message
from bot.trust.gate import Gate
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import parse_of
from tests.telegram.conftest import PacedUnderstanding, running, settings_for
from tests.telegram.emulator import BotApiEmulator
from tests.trust.dbproxy import DatabaseProxy

pytestmark = pytest.mark.parametrize("db_url", ["postgres"], indirect=True)

QUESTION = "where do i get pesel"


@pytest.fixture
async def proxy(engine: object) -> AsyncIterator[DatabaseProxy]:
    """A proxy to the (migrated) test database."""
    proxy = DatabaseProxy()
    await proxy.up()
    yield proxy
    await proxy.down()


def gated(
    guide: Guide, understanding: PacedUnderstanding, sessions: async_sessionmaker[AsyncSession]
) -> Dialogue:
    understanding.script[QUESTION] = parse_of(QUESTION, "en", "legal.pesel")
    gate = Gate(AbuseSettings(max_messages=1000), retry_seconds=20)
    return Dialogue(guide, understanding, sessions, gate=gate)


def helps(emulator: BotApiEmulator, chat: int) -> int:
    return sum("/menu" in sent.text for sent in emulator.messages(chat))


async def test_connections_cut_by_the_server_are_replaced_without_losing_a_message(
    emulator: BotApiEmulator,
    fixture_guide: Guide,
    understanding: PacedUnderstanding,
    db_url: str,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    killer = create_engine(db_url)
    dialogue = gated(fixture_guide, understanding, sessions)
    async with running(TelegramDoor(settings_for(emulator), dialogue, sessions)):
        emulator.user(61, "en").presses("1|lang|en")
        await emulator.replies(61, 3)
        for _ in range(3):
            async with killer.connect() as connection:
                cut = await connection.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
            assert cut, "the bot's connections were cut"
            emulator.user(61, "en").says("/help")
            await emulator.replies(61, within=10)
        await emulator.settle(0.3)
    await killer.dispose()
    assert helps(emulator, 61) == 3, "every message answered once"


async def test_a_database_refusing_connections_for_seconds_delays_the_answers_and_loses_none(
    emulator: BotApiEmulator,
    fixture_guide: Guide,
    understanding: PacedUnderstanding,
    db_url: str,
    proxy: DatabaseProxy,
) -> None:
    engine = create_engine(proxy.url(db_url))
    sessions = sessionmaker(engine)
    dialogue = gated(fixture_guide, understanding, sessions)
    user = emulator.user(62, "en")
    async with running(TelegramDoor(settings_for(emulator), dialogue, sessions)):
        user.presses("1|lang|en")
        await emulator.replies(62, 3)
        await proxy.down()
        user.says("/help")
        user.says(QUESTION)
        user.says("/menu")
        await asyncio.sleep(3)
        assert len(emulator.messages(62)) == 3, "nothing can be answered while the database is away"
        await proxy.up()
        help_reply, answer, menu = await emulator.replies(62, 3, within=20)
        user.says("/help")
        await emulator.replies(62, within=5)
        await emulator.settle(0.3)
    assert "/menu" in help_reply.text and "PESEL" in answer.text and menu.buttons, "in order"
    assert helps(emulator, 62) == 2, "nothing twice"
    async with sessions() as session:
        stored = await session.scalar(
            select(func.count(Message.id)).where(Message.direction == "in", Message.text.is_not(None))
        )
    assert stored == 4
    await engine.dispose()


async def test_a_message_that_arrives_during_an_outage_waits_for_the_database_and_is_answered(
    fixture_guide: Guide, understanding: PacedUnderstanding, db_url: str, proxy: DatabaseProxy
) -> None:
    engine = create_engine(proxy.url(db_url))
    chat = Chat(gated(fixture_guide, understanding, sessionmaker(engine)), user="web-1")
    await chat.send_payload("1|lang|en")
    await proxy.down()

    async def back_in_two_seconds() -> None:
        await asyncio.sleep(2)
        await proxy.up()

    restoring = asyncio.create_task(back_in_two_seconds())
    await chat.say(QUESTION)
    await restoring
    assert "You get a PESEL number" in chat.text, "answered, not an apology"
    await engine.dispose()
