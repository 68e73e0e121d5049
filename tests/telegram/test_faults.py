"""Telegram failing in every way we know of: no reply is lost, none is shown twice, other chats carry on.

The emulator injects the faults at the HTTP level, so PTB's real error mapping runs (429 -> RetryAfter,
5xx -> NetworkError, no answer -> TimedOut). Timeouts are scaled down: PTB's ordinary read timeout is
0.5 s here (5 s by default) and a send waits 1 s (20 s by default).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.telegram import TelegramDoor, api_urls
from bot.channels.telegram.transport import AiohttpRequest
from bot.core.dialogue import Dialogue
from bot.storage.models import TelegramOutbox, TelegramUpdate, User
from bot.storage.telegram_store import ReceivedUpdate, TelegramStore
from tests.telegram.conftest import DoorFactory, PacedUnderstanding, running, settings_for
from tests.telegram.emulator import BotApiEmulator, Sent


def help_replies(sent: list[Sent]) -> int:
    return sum("/menu" in message.text for message in sent)


async def chat_ready(emulator: BotApiEmulator, user_id: int, language: str = "en") -> None:
    """A user who has chosen a language (three messages: privacy note, welcome, menu)."""
    emulator.user(user_id, language).presses(f"1|lang|{language}")
    await emulator.replies(user_id, 3)


async def test_a_flood_wait_for_one_chat_delays_only_that_chat(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        await chat_ready(emulator, 11)
        await chat_ready(emulator, 12)
        emulator.fail("sendMessage", "429", chat_id=11, retry_after=1)
        began = time.monotonic()
        emulator.user(11, "en").says("/help")
        emulator.user(12, "en").says("/help")
        [other] = await emulator.replies(12)
        [delayed] = await emulator.replies(11, within=5)
        await emulator.settle(0.1)
    assert other.at - began < 0.5, "the other chat is not held up"
    assert delayed.at - began >= 1.0, "the flooded chat waited as told"
    assert help_replies(emulator.messages(11)) == 1 and help_replies(emulator.messages(12)) == 1


@pytest.mark.parametrize("kind", ["500", "502", "drop"])
async def test_server_errors_are_retried_and_the_reply_arrives_once(
    kind: str, emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        await chat_ready(emulator, 21)
        emulator.fail("sendMessage", kind, chat_id=21, times=2)
        emulator.user(21, "en").says("/help")
        await emulator.replies(21)
        await emulator.settle(0.2)
    assert help_replies(emulator.messages(21)) == 1
    statuses = [call.status for call in emulator.calls_of("sendMessage") if call.params["chat_id"] == 21]
    assert statuses[-3:-1] != [200, 200] and statuses[-1] == 200


async def test_ptb_reports_a_late_but_delivered_send_as_timed_out(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    """Why sends need their own timeout: with PTB's ordinary one, a late answer looks like a failure."""
    async with door_factory() as door:
        emulator.user(31, "en")
        emulator.fail("sendMessage", "late", chat_id=31, delay=0.8)
        with pytest.raises(TimedOut):
            await door.bot.send_message(31, "hello")  # ordinary read timeout: 0.5 s
    assert emulator.texts(31) == ["hello"], "…yet the message was delivered: a blind retry would repeat it"


async def test_a_late_answer_is_waited_for_and_not_sent_again(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        await chat_ready(emulator, 32)
        emulator.fail("sendMessage", "late", chat_id=32, delay=0.8)
        emulator.user(32, "en").says("/help")
        await emulator.replies(32)
        await emulator.settle(0.2)
    assert help_replies(emulator.messages(32)) == 1
    assert len(emulator.calls_of("sendMessage")) == 4, "three for the language choice, one for /help"


async def test_a_send_without_any_answer_is_sent_again_and_arrives_once(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        await chat_ready(emulator, 33)
        emulator.fail("sendMessage", "hang", chat_id=33, delay=3)  # not delivered, never answered
        began = time.monotonic()
        emulator.user(33, "en").says("/help")
        [reply] = await emulator.replies(33, within=5)
        await emulator.settle(0.2)
    assert reply.at - began >= 1.0, "waited the whole send timeout before trying again"
    assert help_replies(emulator.messages(33)) == 1


async def test_a_user_who_blocked_the_bot_is_marked_inactive_and_not_retried(
    emulator: BotApiEmulator, door_factory: DoorFactory, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with door_factory():
        await chat_ready(emulator, 41)
        await chat_ready(emulator, 42)
        emulator.blocked.add(41)
        emulator.user(41, "en").says("/help")
        emulator.user(42, "en").says("/help")
        await emulator.replies(42)
        await emulator.settle(0.3)
        attempts = [call for call in emulator.calls_of("sendMessage") if call.params["chat_id"] == 41]
        assert [call.status for call in attempts[3:]] == [403], "one attempt, no retries"
    async with sqlite_sessions() as session:
        user = await session.scalar(select(User).where(User.external_id == "41"))
        assert user is not None and not user.active
        assert (
            await session.scalar(
                select(TelegramOutbox.status).where(
                    TelegramOutbox.chat_id == 41, TelegramOutbox.error.is_not(None)
                )
            )
            == "blocked"
        )


async def test_blocking_the_bot_is_noticed_from_the_membership_update(
    emulator: BotApiEmulator, door_factory: DoorFactory, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with door_factory():
        await chat_ready(emulator, 43)
        emulator.user(43, "en").blocks_bot()
        await emulator.settle(0.2)
    async with sqlite_sessions() as session:
        user = await session.scalar(select(User).where(User.external_id == "43"))
        assert user is not None and not user.active


async def test_start_up_survives_a_bot_api_that_fails_at_first(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    emulator.fail("getMe", "500", times=2)
    emulator.fail("deleteWebhook", "502")
    emulator.fail("setMyCommands", "500", times=3)
    emulator.fail("getUpdates", "500", times=2)
    async with door_factory():
        await chat_ready(emulator, 51)
        for _ in range(50):
            if ("default", "uk") in emulator.commands:
                break
            await asyncio.sleep(0.05)
    assert [call.status for call in emulator.calls_of("getMe")][:3] == [500, 500, 200]
    assert ("default", "uk") in emulator.commands, "menus set once Telegram answered"


async def test_a_long_outage_keeps_replies_waiting_and_delivers_them_in_order(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory(retry_for=0.2):
        await chat_ready(emulator, 61)
        emulator.fail("sendMessage", "500", chat_id=61, times=8)
        emulator.user(61, "en").says("/help")
        await emulator.settle(0.3)
        emulator.user(61, "en").says("/menu")
        help_reply, menu = await emulator.replies(61, 2, within=5)
        await emulator.settle(0.2)
    assert "/menu" in help_reply.text and menu.buttons, "the older reply first"
    assert help_replies(emulator.messages(61)) == 1


async def test_updates_and_replies_from_before_a_restart_are_finished_once(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    store = TelegramStore.of(sqlite_sessions, emulator.bot_id)
    user = emulator.user(71, "en")
    # Stored but never answered: the process stopped first; Telegram still has it (not acknowledged).
    update_id = user.says("/help")
    await store.receive([ReceivedUpdate(update_id, 71, dict(emulator.updates[0]))])
    # Answered but not yet sent: the reply waits in the outbox.
    emulator.user(72, "en")
    await store.answer(9_999, 72, [{"text": "a reply written before the restart", "preview": False}])

    door = TelegramDoor(settings_for(emulator), dialogue, sqlite_sessions)
    async with running(door):
        await emulator.replies(71)
        await emulator.replies(72)
        await emulator.settle(0.2)
    assert help_replies(emulator.messages(71)) == 1, "handled once although Telegram delivered it again"
    assert emulator.texts(72) == ["a reply written before the restart"]
    async with sqlite_sessions() as session:
        stored = await session.get(TelegramUpdate, (emulator.bot_id, update_id))
        assert stored is not None and stored.status == "answered" and stored.body is None, (
            "raw update cleared"
        )


async def test_stopping_during_retries_leaves_the_reply_for_the_next_start(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    settings = settings_for(emulator, retry_backoff=5.0)
    async with running(TelegramDoor(settings, dialogue, sqlite_sessions)):
        await chat_ready(emulator, 81)
        emulator.fail("sendMessage", "500", chat_id=81)
        emulator.user(81, "en").says("/help")
        await emulator.settle(0.2)
        began = time.monotonic()
    assert time.monotonic() - began < 2.0, "stop does not wait out the backoff"
    async with running(TelegramDoor(settings, dialogue, sqlite_sessions)):
        await emulator.replies(81)
        await emulator.settle(0.2)
    assert help_replies(emulator.messages(81)) == 1


async def test_a_failing_core_gets_an_apology_in_the_users_language(
    emulator: BotApiEmulator, door_factory: DoorFactory, dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the core is broken")

    async with door_factory():
        await chat_ready(emulator, 91, "pl")
        monkeypatch.setattr(dialogue, "handle", broken)
        emulator.user(91, "pl").says("/help")
        [reply] = await emulator.replies(91)
    assert "coś poszło nie tak" in reply.text
    assert any("💬" in label for label in reply.labels()), "an advisor is one tap away"


async def test_a_backlog_does_not_hold_up_the_shutdown_and_is_answered_after_a_restart(
    emulator: BotApiEmulator,
    dialogue: Dialogue,
    understanding: PacedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    understanding.delays["a slow question"] = 0.5
    settings = settings_for(emulator)
    async with running(TelegramDoor(settings, dialogue, sqlite_sessions)):
        await chat_ready(emulator, 82)
        user = emulator.user(82, "en")
        user.says("a slow question")
        for _ in range(3):
            user.says("/help")
        await asyncio.sleep(0.25)  # the slow one is running, the three others wait their turn
        began = time.monotonic()
    assert time.monotonic() - began < 1.0, "stop waits for the running update only"
    assert help_replies(emulator.messages(82)) == 0
    async with running(TelegramDoor(settings, dialogue, sqlite_sessions)):
        await emulator.replies(82, 4)
        await emulator.settle(0.2)
    assert help_replies(emulator.messages(82)) == 3, "each waiting update answered once, after the restart"


async def test_a_delivered_message_is_never_sent_again_when_recording_it_fails(
    emulator: BotApiEmulator, door_factory: DoorFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with door_factory(retry_for=0.3) as door:
        await chat_ready(emulator, 83)
        original = door.store.sent
        failures = 6

        async def flaky(row_id: int, message_id: int | None, attempts: int) -> None:
            nonlocal failures
            if failures > 0:
                failures -= 1
                raise OSError("database is locked")
            await original(row_id, message_id, attempts)

        monkeypatch.setattr(door.store, "sent", flaky)
        emulator.user(83, "en").says("/help")
        await emulator.replies(83)
        for _ in range(100):  # the periodic resend comes round several times meanwhile
            if failures == 0 and not await door.store.backlog(83):
                break
            await asyncio.sleep(0.05)
        assert await door.store.backlog(83) == [], "recorded in the end"
    assert help_replies(emulator.messages(83)) == 1


@pytest.mark.parametrize(
    "transport",
    [lambda: HTTPXRequest(read_timeout=0.3), lambda: AiohttpRequest(read_timeout=0.3)],
    ids=["httpx", "aiohttp"],
)
async def test_ptb_itself_never_retries_and_maps_each_failure_to_an_exception(
    emulator: BotApiEmulator, transport: Callable[[], BaseRequest]
) -> None:
    """What the retry loop is built on (python-telegram-bot 22.8, with PTB's transport and ours): one
    request each, and these exceptions."""
    base_url, base_file_url = api_urls(emulator.url)
    emulator.user(35)
    request = transport()
    async with ExtBot(emulator.token, base_url=base_url, base_file_url=base_file_url, request=request) as bot:
        for kind, error in (
            ("429", RetryAfter),
            ("500", NetworkError),
            ("502", NetworkError),
            ("hang", TimedOut),
            ("drop", NetworkError),
        ):
            emulator.fail("sendMessage", kind, chat_id=35, delay=2)
            before = len(emulator.calls_of("sendMessage"))
            with pytest.raises(error) as raised:
                await bot.send_message(35, "hello")
            assert not isinstance(raised.value, BadRequest)
            assert len(emulator.calls_of("sendMessage")) == before + 1, f"{kind}: no retry inside PTB"
    assert emulator.texts(35) == []
