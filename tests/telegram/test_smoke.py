from __future__ import annotations

from tests.telegram.conftest import DoorFactory
from tests.telegram.emulator import BotApiEmulator


async def test_start_shows_the_language_picker(emulator: BotApiEmulator, door_factory: DoorFactory) -> None:
    async with door_factory():
        user = emulator.user(501, "ru")
        user.says("/start")
        sent = await emulator.wait_for(501, 1)
        print(sent)
        assert sent[0].labels()[0] == "✓ Русский"
