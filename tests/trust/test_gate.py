"""The per-person message limit and the wait for a database that is briefly away, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import AbuseSettings
from bot.core.dialogue import Dialogue
from bot.storage.models import Message, User, utcnow
from bot.trust.gate import Gate, with_database
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of

QUESTION = "gdzie zrobic pesel"


class Clock:
    """A settable "now" for the sliding window."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now


def limited_dialogue(
    guide: Guide, sessions: async_sessionmaker[AsyncSession], clock: Clock, max_messages: int = 5
) -> Dialogue:
    gate = Gate(AbuseSettings(max_messages=max_messages, window_seconds=60), clock=clock)
    understanding = ScriptedUnderstanding(parse_of(QUESTION, "pl", "legal.pesel"))
    return Dialogue(guide, understanding, sessions, gate=gate)


async def stored_messages(sessions: async_sessionmaker[AsyncSession], user_ref: str) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count(Message.id))
            .join(User, Message.user_id == User.id)
            .where(User.external_id == user_ref, Message.direction == "in")
        )
    return int(count or 0)


async def test_a_flood_is_told_once_to_slow_down_then_stored_quietly(
    fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> None:
    clock = Clock()
    chat = Chat(limited_dialogue(fixture_guide, sessions, clock), user="flood")
    await chat.send_payload("1|lang|pl")
    for _ in range(4):
        await chat.say(QUESTION)
        assert "Numer PESEL otrzymasz" in chat.text, "within the limit: answered"

    await chat.say(QUESTION)
    assert "Wysyłasz wiadomości szybciej" in chat.text and "60 sekund" in chat.text
    assert "PESEL otrzymasz" not in chat.text
    for _ in range(5):
        outcome = await chat.say(QUESTION)
        assert outcome.replies == (), "told once per window, then quiet"
    assert await stored_messages(sessions, "flood") == 11, "every message is stored, answered or not"

    clock.now += timedelta(seconds=30)
    assert (await chat.say(QUESTION)).replies == (), "the window slides: a flood that goes on stays quiet"
    clock.now += timedelta(seconds=61)
    await chat.say(QUESTION)
    assert "Numer PESEL otrzymasz" in chat.text, "after a pause the person is answered again"


async def test_one_persons_flood_does_not_limit_anyone_else(
    fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = limited_dialogue(fixture_guide, sessions, Clock(), max_messages=3)
    flood, other = Chat(dialogue, user="flood"), Chat(dialogue, user="other")
    await other.send_payload("1|lang|pl")
    for _ in range(10):
        await flood.say(QUESTION)
    await other.say(QUESTION)
    assert "Numer PESEL otrzymasz" in other.text


async def test_a_person_talking_to_an_advisor_is_never_held_back(
    fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(limited_dialogue(fixture_guide, sessions, Clock(), max_messages=3), user="in-crisis")
    await chat.send_payload("1|lang|en")
    await chat.say("/advisor")
    for _ in range(6):
        outcome = await chat.say("he is back, please help")
        assert outcome.answer_id != "ui.rate_limited", "everything reaches the advisor's case"
    assert await stored_messages(sessions, "in-crisis") == 8


async def test_the_limit_message_is_in_the_persons_language_before_they_chose_one(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(limited_dialogue(fixture_guide, sqlite_sessions, Clock(), 2), "new", client_language="uk")
    for _ in range(3):
        await chat.say("/start")
    assert "Ви надсилаєте повідомлення швидше" in chat.text


async def test_a_transient_database_error_is_waited_out() -> None:
    failures = 3

    async def flaky() -> str:
        nonlocal failures
        if failures:
            failures -= 1
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))
        return "answered"

    assert await with_database(flaky, retry_seconds=5, what="test") == "answered"
    assert failures == 0


async def test_a_lasting_outage_or_a_real_error_is_passed_on() -> None:
    async def down() -> None:
        raise ConnectionRefusedError("connection refused")

    async def broken() -> None:
        raise IntegrityError("INSERT", {}, ValueError("duplicate key"))

    with pytest.raises(ConnectionRefusedError):
        await with_database(down, retry_seconds=0.3, what="test")
    with pytest.raises(IntegrityError):
        await with_database(broken, retry_seconds=5, what="test")
