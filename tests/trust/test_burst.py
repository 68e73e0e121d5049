"""One chat flooding the bot through Telegram: told once to slow down, everything stored, others answered."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.config import AbuseSettings
from bot.core.dialogue import Dialogue
from bot.storage.models import Message, TelegramUpdate, User
from bot.trust.gate import Gate
from content.guide import Guide
from tests.telegram.conftest import PacedUnderstanding, running, settings_for
from tests.telegram.emulator import BotApiEmulator

FLOOD = 7
OTHERS = (8, 9, 10, 11, 12)
LIMIT = 20


async def flood_handled_at(sessions: async_sessionmaker[AsyncSession], expected: int) -> float:
    """When every update of the flooding chat had been handled."""
    for _ in range(400):
        async with sessions() as session:
            open_updates = await session.scalar(
                select(func.count()).where(TelegramUpdate.chat_id == FLOOD, TelegramUpdate.status == "new")
            )
            handled = await session.scalar(
                select(func.count()).where(TelegramUpdate.chat_id == FLOOD, TelegramUpdate.status != "new")
            )
        if handled == expected and open_updates == 0:
            return time.monotonic()
        await asyncio.sleep(0.05)
    raise AssertionError("the flood was not worked through")


async def test_a_flood_of_200_messages_does_not_starve_other_chats(
    emulator: BotApiEmulator,
    fixture_guide: Guide,
    understanding: PacedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    gate = Gate(AbuseSettings(max_messages=LIMIT, window_seconds=60))
    dialogue = Dialogue(fixture_guide, understanding, sqlite_sessions, gate=gate)
    async with running(TelegramDoor(settings_for(emulator), dialogue, sqlite_sessions)):
        for chat in (FLOOD, *OTHERS):
            emulator.user(chat, "en").presses("1|lang|en")
            await emulator.replies(chat, 3)
        flooder = emulator.user(FLOOD, "en")
        for _ in range(100):
            flooder.says("/help")
        began = time.monotonic()
        for chat in OTHERS:
            emulator.user(chat, "en").says("/help")
        for _ in range(100):
            flooder.says("/help")
        answers = {chat: (await emulator.replies(chat, within=10))[0] for chat in OTHERS}
        done = await flood_handled_at(sqlite_sessions, 201)
        await emulator.settle(0.3)

    for chat, answer in answers.items():
        assert "/menu" in answer.text, f"chat {chat} got its help"
        assert answer.at < done, "answered while the flood was still being worked through"
        assert answer.at - began < 5.0
    flood_replies = emulator.messages(FLOOD)[3:]
    slow_down = [sent for sent in flood_replies if "faster than I can answer" in sent.text]
    assert len(slow_down) == 1, "told once"
    assert len(flood_replies) == (LIMIT - 1) + 1, "answered up to the limit (the language choice counts)"
    async with sqlite_sessions() as session:
        stored = await session.scalar(
            select(func.count(Message.id))
            .join(User, Message.user_id == User.id)
            .where(User.external_id == str(FLOOD), Message.direction == "in", Message.text.is_not(None))
        )
    assert stored == 200, "every message of the flood is stored"
