"""/forget, verified in the database: no table keeps the person's words or profile, on SQLite and PostgreSQL.

The check reads every table the database has (not only the ones the code knows today), so a table added
later that keeps a person's data fails it until erasure covers it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.editor import inbox
from bot.storage.models import Event, User, utcnow
from bot.storage.telegram_store import TelegramStore
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of
from tests.telegram.conftest import DoorFactory
from tests.telegram.emulator import BotApiEmulator

SECRET = "Vasylyna Kovalchuk-Zorianenko"
QUESTION = f"I am {SECRET}, my PESEL 85010112345 and phone +48 601 234 567, where do I get pesel"
UNSURE = f"{SECRET} asks something odd about 4111 1111 1111 1111"
WORDS = (SECRET, "85010112345", "601 234 567", "4111 1111 1111 1111")


def _dump(connection: Connection) -> dict[str, list[dict[str, Any]]]:
    tables = inspect(connection).get_table_names()
    return {
        table: [dict(row._mapping) for row in connection.execute(text(f'SELECT * FROM "{table}"'))]
        for table in tables
    }


async def everything(engine: AsyncEngine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in the database."""
    async with engine.connect() as connection:
        return await connection.run_sync(_dump)


def tables_mentioning(dump: dict[str, list[dict[str, Any]]], needles: tuple[str, ...]) -> set[str]:
    found = set()
    for table, rows in dump.items():
        for row in rows:
            flat = json.dumps(row, default=str, ensure_ascii=False)
            if any(needle in flat for needle in needles):
                found.add(table)
    return found


def person_rows(dump: dict[str, list[dict[str, Any]]], user_id: int) -> set[str]:
    """Tables with a row still pointing at the person's user id."""
    return {
        table
        for table, rows in dump.items()
        for row in rows
        if table != "users" and row.get("user_id") == user_id
    }


async def test_forget_leaves_nothing_of_the_person_in_any_table(
    fixture_guide: Guide, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    understanding = ScriptedUnderstanding(parse_of(QUESTION, "en", "legal.pesel"))
    chat = Chat(Dialogue(fixture_guide, understanding, sessions), user="person-31337", client_language="en")
    await chat.say("hello")  # waits for the language choice
    await chat.press("English")
    await chat.say(QUESTION)
    await chat.press("👎")  # into the editors' inbox
    await chat.say(UNSURE)  # not understood: into the inbox too
    await chat.say("/advisor")  # a handoff case
    async with sessions() as session:
        assert await inbox.refresh(session, understanding) == 2
        await session.commit()
        user_id = await session.scalar(select(User.id).where(User.external_id == "person-31337"))
        events_before = await session.scalar(select(func.count(Event.id)))
    assert user_id is not None
    before = await everything(engine)
    assert {"messages", "users"} <= tables_mentioning(before, WORDS) | tables_mentioning(
        before, ("person-31337",)
    )
    assert before["inbox_items"] and before["handoff_cases"], (
        "the conversation reached the inbox and an advisor"
    )

    await chat.say("/forget")
    await chat.press("Yes")
    assert "erased" in chat.text

    after = await everything(engine)
    assert tables_mentioning(after, WORDS) == set(), "no table keeps what the person wrote"
    assert tables_mentioning(after, ("person-31337",)) == set(), "nor who they are"
    assert person_rows(after, user_id) == set(), "nothing points at the erased person"
    assert after["inbox_items"] == [], "their questions left the editors' inbox"
    assert all(case["status"] == "closed" for case in after["handoff_cases"])
    async with sessions() as session:
        assert await session.scalar(select(func.count(Event.id))) == events_before + 1, "counts stay"


async def test_forget_through_telegram_leaves_only_delivery_bookkeeping_until_it_is_pruned(
    emulator: BotApiEmulator,
    door_factory: DoorFactory,
    dialogue: Dialogue,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The door clears raw updates and sent texts at once; the chat id stays for the duplicate window."""
    engine = TelegramStore.of(sqlite_sessions, emulator.bot_id).engine
    user = emulator.user(424242, "en")
    async with door_factory() as door:
        user.presses("1|lang|en")
        await emulator.replies(424242, 3)
        user.says(QUESTION)
        await emulator.replies(424242)
        user.says("/forget")
        await emulator.replies(424242)
        user.press("Yes")
        [done] = await emulator.replies(424242)
        await emulator.settle(0.2)
        assert "erased" in done.text

        after = await everything(engine)
        assert tables_mentioning(after, WORDS) == set()
        assert tables_mentioning(after, ('"424242"',)) == set(), "no user row, no transcript"
        kept = {t for t, rows in after.items() for row in rows if row.get("chat_id") == 424242}
        assert kept == {"telegram_updates", "telegram_outbox"}
        # JSON columns read back raw: SQL NULL, or JSON null on SQLite.
        assert {row["body"] for row in after["telegram_updates"]} <= {None, "null"}
        assert {row["params"] for row in after["telegram_outbox"]} <= {None, "null"}

        await door.store.prune(utcnow())
    pruned = await everything(engine)
    assert not [t for t, rows in pruned.items() for row in rows if row.get("chat_id") == 424242]
