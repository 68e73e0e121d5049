"""The door on both database engines (PostgreSQL when TEST_DATABASE_URL is set): a conversation through
faults, and an update stored before a restart answered once after it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.core.dialogue import Dialogue
from bot.storage.telegram_store import ReceivedUpdate, TelegramStore
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding, parse_of
from tests.telegram.conftest import running, settings_for
from tests.telegram.emulator import BotApiEmulator


async def test_a_conversation_survives_faults_and_a_restart_on_each_engine(
    emulator: BotApiEmulator, fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> None:
    understanding = ScriptedUnderstanding(parse_of("gdzie zrobic pesel", "pl", "legal.pesel"))
    dialogue = Dialogue(fixture_guide, understanding, sessions)
    settings = settings_for(emulator)
    user = emulator.user(901, "pl")
    async with running(TelegramDoor(settings, dialogue, sessions)):
        user.says("/start")
        await emulator.replies(901)
        user.press("Polski")
        await emulator.replies(901, 3)
        emulator.fail("sendMessage", "500", chat_id=901)
        emulator.fail("sendMessage", "429", chat_id=901, retry_after=1)
        user.says("gdzie zrobic pesel")
        [answer] = await emulator.replies(901, within=10)
        assert "Numer PESEL otrzymasz" in answer.text

    # Stored, then the process stopped before answering; Telegram still holds it too.
    update_id = user.says("/help")
    await TelegramStore.of(sessions, emulator.bot_id).receive(
        [ReceivedUpdate(update_id, 901, dict(emulator.updates[-1]))]
    )
    async with running(TelegramDoor(settings, dialogue, sessions)):
        [help_reply] = await emulator.replies(901)
        await emulator.settle(0.2)
    assert "/menu" in help_reply.text
    assert sum("Numer PESEL" in text for text in emulator.texts(901)) == 1
    assert sum("/menu" in text for text in emulator.texts(901)) == 1
