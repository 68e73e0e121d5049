"""Fixtures for the Telegram door: the Bot API emulator, fast settings, and a running door.

Timeouts and retry pauses are scaled down (tenths of a second instead of seconds) so that fault cases run
quickly; the message rate limits are off unless a test is about them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.config import TelegramSettings
from bot.core.dialogue import Dialogue
from content.guide import Guide
from nlu import LanguageHint, Parse
from tests.support.understanding import ScriptedUnderstanding
from tests.telegram.emulator import BotApiEmulator

FAST: dict[str, Any] = {
    "poll_timeout": 1,
    "request_timeout": 0.5,
    "send_timeout": 1.0,
    "retry_backoff": 0.05,
    "retry_for": 5.0,
    "redeliver_every": 0.1,
    "startup_backoff_max": 0.1,
    "typing_delay": 0.2,
    "messages_per_second": 0,
    "chat_messages_per_second": 0,
}

DoorFactory = Callable[..., AbstractAsyncContextManager[TelegramDoor]]


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the door opts in to at start-up (PTB warns on every RetryAfter otherwise)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    emulator = BotApiEmulator()
    await emulator.start()
    yield emulator
    await emulator.close()


def settings_for(emulator: BotApiEmulator, **overrides: Any) -> TelegramSettings:
    """Settings that point the door at the emulator, with test-sized timeouts."""
    return TelegramSettings(token=SecretStr(emulator.token), api_url=emulator.url, **{**FAST, **overrides})


@asynccontextmanager
async def running(door: TelegramDoor, ready_within: float = 5.0) -> AsyncIterator[TelegramDoor]:
    """Start a door, wait until it answers, and stop it afterwards."""
    await door.start()
    try:
        await asyncio.wait_for(door.ready.wait(), ready_within)
        yield door
    finally:
        await door.stop()


class PacedUnderstanding(ScriptedUnderstanding):
    """The scripted understanding, taking its time over the texts in `delays` (to test slow answers)."""

    def __init__(self) -> None:
        super().__init__()
        self.delays: dict[str, float] = {}

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse:
        if text in self.delays:
            await asyncio.sleep(self.delays[text])
        return await super().parse(text, hint)


@pytest.fixture
def understanding() -> PacedUnderstanding:
    """Tests script it with `understanding.script[text] = parse_of(...)` and `understanding.delays`."""
    return PacedUnderstanding()


@pytest.fixture
def dialogue(
    fixture_guide: Guide,
    understanding: PacedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> Dialogue:
    return Dialogue(fixture_guide, understanding, sqlite_sessions)


@pytest.fixture
def door_factory(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> DoorFactory:
    """`async with door_factory(**settings) as door:` runs a door against the emulator."""

    def make(**overrides: Any) -> AbstractAsyncContextManager[TelegramDoor]:
        door = TelegramDoor(settings_for(emulator, **overrides), dialogue, sqlite_sessions)
        return running(door)

    return make
