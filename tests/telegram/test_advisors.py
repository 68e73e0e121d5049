"""A case between a person in Telegram and the advisors' forum supergroup, through real PTB and the emulator.

Both directions (texts and files), the topic commands, what the group may contain besides advisors'
messages, a topic an admin deleted, a burst of cases, and a restart in the middle of a case.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor
from bot.config import HandoffSettings
from bot.core.dialogue import Dialogue
from bot.handoff.cases import Advisor
from bot.handoff.relay import Desk
from bot.storage.models import CaseMessage, HandoffCase, User
from tests.support.understanding import parse_of
from tests.telegram.conftest import PacedUnderstanding, running, settings_for
from tests.telegram.emulator import BotApiEmulator, Forum, Sent
from tests.telegram.emulator import User as EmulatedUser

PHOTO = [{"file_id": "file-photo-1", "file_unique_id": "p1", "width": 640, "height": 480}]
DOCUMENT = {"file_id": "file-doc-1", "file_unique_id": "d1", "file_name": "decision.pdf"}

GroupDoor = Callable[..., AbstractAsyncContextManager[TelegramDoor]]


@pytest.fixture
def forum(emulator: BotApiEmulator) -> Forum:
    return emulator.forum()


@pytest.fixture
def group_door(
    emulator: BotApiEmulator,
    dialogue: Dialogue,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    forum: Forum,
) -> GroupDoor:
    def make(**handoff: Any) -> AbstractAsyncContextManager[TelegramDoor]:
        settings = HandoffSettings(advisor_chat_id=forum.id, **{"topic_interval": 0.0, **handoff})
        # Telegram paces groups at about 20 messages a minute; the emulator does not, so neither do we here.
        telegram = settings_for(emulator, group_messages_per_minute=0)
        door = TelegramDoor(telegram, dialogue, sqlite_sessions, handoff=settings)
        return running(door)

    return make


async def eventually(check: Callable[[], Any], within: float = 5.0) -> Any:
    """Wait until `check()` returns something truthy (what the bot does next happens in the background)."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {within} s: {check}")
        await asyncio.sleep(0.01)


async def open_case(emulator: BotApiEmulator, user: EmulatedUser) -> list[Sent]:
    user.presses("1|lang|uk")
    await emulator.replies(user.id, 3)  # privacy notice, welcome, menu
    user.says("/advisor")
    return await emulator.replies(user.id)


async def test_a_case_both_ways_between_a_person_and_the_advisors_topic(
    emulator: BotApiEmulator,
    forum: Forum,
    group_door: GroupDoor,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with group_door():
        user = emulator.user(7, "uk")
        [notice] = await open_case(emulator, user)
        assert "№1" in notice.text and "тут, у цьому чаті" in notice.text

        thread = await eventually(lambda: forum.topics and next(iter(forum.topics)))
        assert forum.topics[thread] == "#1 · UK"
        summary = (await eventually(lambda: forum.in_topic(thread)))[0]
        assert "Sprawa nr 1" in summary.text and "Powód: poprosił(a) o doradcę (/advisor)" in summary.text

        user.says("Мені відмовили в карті побиту, що робити?")
        [ack] = await emulator.replies(user.id)
        assert "Передано консультантові" in ack.text
        await eventually(lambda: any("відмовили" in sent.text for sent in forum.in_topic(thread)))

        user.sends(photo=PHOTO, caption="Ось рішення")
        photo = await eventually(lambda: [s for s in forum.in_topic(thread) if s.media == "photo"])
        assert photo[0].file_id == "file-photo-1" and photo[0].text == "Ось рішення"

        olena = forum.member(501, "Olena")
        olena.says(thread, "Dzień dobry! Proszę przesłać decyzję <w całości> & podpis.")
        [answer] = await emulator.replies(user.id)
        assert answer.text.startswith("💬 Консультант CWII:")
        assert "<w całości> & podpis" in answer.text, "the advisor's words arrive as typed, never as markup"

        olena.sends(thread, document=DOCUMENT, caption="Wzór odwołania")
        [document] = await emulator.replies(user.id)
        assert (document.media, document.file_id) == ("document", "file-doc-1")
        assert "Wzór odwołania" in document.text

        user.says("Дякую, надішлю завтра")
        [ack_again] = await emulator.replies(user.id)
        assert "Передано консультантові" in ack_again.text, "acknowledged again after the advisor's turn"

        olena.says(thread, "/note klientka ma termin do piątku")
        await eventually(lambda: any("Notatka zapisana" in s.text for s in forum.in_topic(thread)))
        olena.says(thread, "/close")
        [closed] = await emulator.replies(user.id)
        assert "Консультант закрив ваше звернення №1" in closed.text and "3 днів" in closed.text
        await emulator.settle(0.2)
        assert not any("klientka" in sent.text for sent in emulator.chats[user.id]), (
            "a note never reaches them"
        )
        await eventually(lambda: any("Olena zamyka sprawę nr 1" in s.text for s in forum.in_topic(thread)))

    async with sqlite_sessions() as session:
        case = await session.scalar(select(HandoffCase))
        assert case is not None and case.status == "closed" and case.closed_by == "advisor"
        assert case.first_response_at is not None and case.closed_at is not None
        assert case.assigned_name == "Olena" and case.assigned_telegram_id == 501
        kinds = [(m.direction, m.media_kind) for m in await session.scalars(select(CaseMessage))]
    assert ("user", "photo") in kinds and ("advisor", "document") in kinds and ("note", None) in kinds


async def test_only_people_in_the_topics_of_the_advisors_group_act_on_cases(
    emulator: BotApiEmulator, forum: Forum, group_door: GroupDoor
) -> None:
    async with group_door():
        user = emulator.user(8, "uk")
        await open_case(emulator, user)
        thread = await eventually(lambda: forum.topics and next(iter(forum.topics)))
        await eventually(lambda: forum.in_topic(thread))

        forum.member(900, "Spam bot", is_bot=True).says(thread, "buy followers")
        olena = forum.member(501, "Olena")
        olena.says(None, "coffee anyone?")  # the General topic
        olena.sends(thread, pinned_message={"message_id": 1, "date": 0, "chat": forum.chat, "text": "x"})
        olena.sends(thread, forum_topic_edited={"name": "renamed"})
        other = emulator.forum(-1009999, "another group")
        other.topics[5] = "x"
        other.member(501, "Olena").says(5, "hello from elsewhere")
        await emulator.settle(0.3)
        assert len(emulator.chats[user.id]) == 4, "nothing of that reached the person"

        olena.says(thread, "/claim")
        await eventually(lambda: any("Olena przejmuje sprawę nr 1" in s.text for s in forum.in_topic(thread)))
        piotr = forum.member(502, "Piotr")
        piotr.says(thread, "I will answer instead")
        await eventually(lambda: any("Olena" in s.text and "⚠️" in s.text for s in forum.in_topic(thread)))
        await emulator.settle(0.2)
        assert len(emulator.chats[user.id]) == 4, "a case someone holds is not answered by another"

        olena.says(thread, "Dzień dobry")
        answer = (await emulator.wait_for(user.id, 5))[-1]
        assert "Dzień dobry" in answer.text


async def test_other_bots_in_private_chats_get_no_reply_and_open_nothing(
    emulator: BotApiEmulator, group_door: GroupDoor, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with group_door():
        emulator.known_chats.add(4242)
        emulator.push(
            {
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": 4242, "type": "private", "first_name": "Bot"},
                    "from": {"id": 4242, "is_bot": True, "first_name": "Bot"},
                    "text": "/advisor",
                }
            }
        )
        await emulator.settle(0.3)
        assert emulator.chats[4242] == []
    async with sqlite_sessions() as session:
        assert await session.scalar(select(User)) is None
        assert await session.scalar(select(HandoffCase)) is None


async def test_a_topic_deleted_by_an_admin_is_recreated_and_the_case_continues(
    emulator: BotApiEmulator, forum: Forum, group_door: GroupDoor
) -> None:
    async with group_door():
        user = emulator.user(9, "uk")
        await open_case(emulator, user)
        first = await eventually(lambda: forum.topics and next(iter(forum.topics)))
        await eventually(lambda: forum.in_topic(first))
        forum.admin_deletes_topic(first)

        user.says("Ви тут?")
        await emulator.replies(user.id)
        second = await eventually(lambda: [t for t in forum.topics if t != first])
        assert forum.topics[second[0]] == "#1 · UK"
        texts = await eventually(
            lambda: (
                [s.text for s in forum.in_topic(second[0])] if len(forum.in_topic(second[0])) >= 2 else None
            )
        )
        assert "Sprawa nr 1" in texts[0], "the new topic starts with the summary"
        assert "Ви тут?" in texts[-1], "and the message that failed follows it"

        forum.member(501, "Olena").says(second[0], "Tak, jestem")
        [answer] = await emulator.replies(user.id)
        assert "Tak, jestem" in answer.text


async def test_topics_are_created_at_a_calm_pace_crises_first(
    emulator: BotApiEmulator,
    forum: Forum,
    group_door: GroupDoor,
    understanding: PacedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    emulator.topic_burst, emulator.topic_interval = 1, 0.5  # Telegram-like flood control on topics
    text = "він мене б'є"
    understanding.script[text] = parse_of(text, "uk", "out_of_scope", 0.3, "unsure", crisis="violence")
    async with group_door(topic_interval=0.6):
        users = [emulator.user(100 + n, "uk") for n in range(4)]
        for user in users:
            user.presses("1|lang|uk")
        for user in users:
            await emulator.replies(user.id, 3)
        for user in users[:3]:
            user.says("/advisor")
        await eventually(lambda: forum.topics)
        users[3].says(text)  # a crisis arrives while two cases still wait for their topic
        await emulator.replies(users[3].id, 3)
        await eventually(lambda: len(forum.topics) == 4, within=5)
    created = forum.created_at
    assert all(b - a >= 0.5 for a, b in itertools.pairwise(created)), created
    assert all(call.status == 200 for call in emulator.calls_of("createForumTopic")), "never flood-limited"
    names = list(forum.topics.values())
    assert names[1].startswith("🆘"), f"the crisis got the next topic, ahead of cases waiting longer: {names}"
    others = [int(name.split(" · ")[0].lstrip("#")) for name in names if not name.startswith("🆘")]
    async with sqlite_sessions() as session:
        waited = list(
            await session.scalars(
                select(HandoffCase.id).where(HandoffCase.crisis.is_(None)).order_by(HandoffCase.waiting_since)
            )
        )
    # The first topic goes to whichever case was committed first; the ones queued behind it go in the order
    # they started waiting.
    assert others[1:] == [case for case in waited if case != others[0]], "then the longest waiting first"


async def test_a_restart_in_the_middle_of_a_case_loses_nothing(
    emulator: BotApiEmulator,
    forum: Forum,
    group_door: GroupDoor,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    dialogue: Dialogue,
) -> None:
    user = emulator.user(11, "uk")
    async with group_door():
        await open_case(emulator, user)
        thread = await eventually(lambda: forum.topics and next(iter(forum.topics)))
        await eventually(lambda: forum.in_topic(thread))
    # While the bot is down: an advisor answers from the console, the person writes, an advisor writes
    # in the topic.
    desk = Desk(sqlite_sessions, dialogue.bus)
    async with sqlite_sessions() as session:
        case_id = await session.scalar(select(HandoffCase.id))
    assert case_id is not None
    await desk.reply(case_id, Advisor("Marta", staff_id=None), "Odpowiedź z konsoli")
    user.says("Чекаю на відповідь")
    forum.member(501, "Olena").says(thread, "Odpowiedź z grupy")
    async with group_door():
        received = await emulator.wait_for(user.id, 7)
        texts = " | ".join(sent.text for sent in received)
        assert "Odpowiedź z konsoli" in texts and "Odpowiedź z grupy" in texts
        await eventually(lambda: any("Чекаю на відповідь" in s.text for s in forum.in_topic(thread)))
        await eventually(lambda: any("Odpowiedź z konsoli" in s.text for s in forum.in_topic(thread)))
        await emulator.settle(0.3)
    assert sum("Odpowiedź z konsoli" in sent.text for sent in emulator.chats[user.id]) == 1, "once, not twice"


async def test_forget_deletes_the_case_topic_from_the_advisors_group(
    emulator: BotApiEmulator,
    forum: Forum,
    group_door: GroupDoor,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with group_door():
        user = emulator.user(12, "uk")
        await open_case(emulator, user)
        user.says("Моє ім'я та адреса: …")
        await emulator.replies(user.id)
        thread = await eventually(lambda: forum.topics and next(iter(forum.topics)))
        await eventually(lambda: any("адреса" in s.text for s in forum.in_topic(thread)))
        user.says("/forget")
        await emulator.replies(user.id)
        user.press("Так")
        await emulator.replies(user.id)
        await eventually(lambda: thread in forum.deleted)
        await emulator.settle(0.2)  # the case then forgets its topic
    async with sqlite_sessions() as session:
        found = await session.scalar(select(HandoffCase))
        assert found is not None and found.telegram_thread_id is None and found.user_id is None
        assert await session.scalar(select(CaseMessage)) is None
