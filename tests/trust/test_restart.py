"""A restart in the middle of a conversation: the person carries on where they were, on SQLite and PostgreSQL.

Everything a conversation needs between two messages is in the database (language, the question waiting
for the language choice, misunderstandings so far, an open case), so a new process with a new engine
continues it. Each step runs a fresh door, dialogue and engine against the emulator.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.core.dialogue import Dialogue
from bot.storage.engine import create_engine, sessionmaker
from bot.storage.models import HandoffCase
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding, parse_of
from tests.telegram.conftest import running, settings_for
from tests.telegram.emulator import BotApiEmulator, Sent

QUESTION = "gdzie zrobic pesel"
VAGUE = "pesel abo meldunek?"


def understanding() -> ScriptedUnderstanding:
    return ScriptedUnderstanding(
        parse_of(QUESTION, "pl", "legal.pesel"),
        parse_of(VAGUE, "pl", "legal.pesel", 0.4, "ambiguous", (("legal.pesel", 0.4), ("work.permit", 0.38))),
    )


async def process(emulator: BotApiEmulator, guide: Guide, db_url: str, step: str, replies: int) -> list[Sent]:
    """One life of the bot: start it, let the person do `step`, read the replies, stop it."""
    engine = create_engine(db_url)
    sessions: async_sessionmaker[AsyncSession] = sessionmaker(engine)
    dialogue = Dialogue(guide, understanding(), sessions)
    user = emulator.user(77, "pl")
    try:
        async with running(TelegramDoor(settings_for(emulator), dialogue, sessions)):
            if step.startswith("press:"):
                user.press(step.removeprefix("press:"))
            else:
                user.says(step)
            sent = await emulator.replies(77, replies, within=10)
            await emulator.settle(0.2)
    finally:
        await engine.dispose()
    return sent


async def test_a_conversation_continues_across_restarts(
    emulator: BotApiEmulator, fixture_guide: Guide, db_url: str, engine: object
) -> None:
    [picker] = await process(emulator, fixture_guide, db_url, QUESTION, 1)
    assert "Polski" in picker.labels()[0]

    notice, answer = await process(emulator, fixture_guide, db_url, "press:Polski", 2)
    assert "/forget" in notice.text
    assert "Numer PESEL otrzymasz" in answer.text, "the question asked before the restart is answered"

    for _ in range(2):
        [clarify] = await process(emulator, fixture_guide, db_url, VAGUE, 1)
        assert "Czy chodzi o" in clarify.text, "still in Polish"
    clarify, advisor = await process(emulator, fixture_guide, db_url, VAGUE, 2)
    assert "Doradca" in advisor.text, "the third miss in a row, counted across restarts, offers a person"

    await process(emulator, fixture_guide, db_url, "/advisor", 1)
    await process(emulator, fixture_guide, db_url, "/advisor", 1)
    checking = create_engine(db_url)
    async with checking.connect() as connection:
        cases = await connection.scalar(select(func.count(HandoffCase.id)))
    await checking.dispose()
    assert cases == 1, "the case opened before a restart is the same one after it"
