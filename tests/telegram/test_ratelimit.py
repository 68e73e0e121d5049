"""Pacing to Telegram's limits, and why PTB's AIORateLimiter is replaced: its flood wait stalls every chat."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter, ExtBot

from bot.channels.telegram.door import api_urls
from bot.channels.telegram.ratelimit import ChatRateLimiter, Limits, Pace, is_message
from tests.telegram.conftest import DoorFactory
from tests.telegram.emulator import BotApiEmulator, FloodControl


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_pace_allows_a_burst_then_spaces_requests() -> None:
    pace = Pace(rate=1.0, burst=3)
    assert [pace.reserve(0.0) for _ in range(5)] == [0.0, 0.0, 0.0, 1.0, 2.0]
    assert pace.reserve(10.0) == 0.0, "an idle chat has its burst back"
    pace.pause(20.0)
    assert pace.reserve(10.0) == 10.0, "nothing before a flood wait ends"


def test_messages_are_paced_but_chat_actions_and_button_answers_are_not() -> None:
    assert is_message("sendMessage") and is_message("sendPhoto") and is_message("copyMessage")
    assert not is_message("sendChatAction") and not is_message("answerCallbackQuery")
    assert not is_message("setMyCommands")


async def test_a_flood_wait_pauses_only_its_chat() -> None:
    clock = Clock()
    limiter = ChatRateLimiter(Limits(), clock)

    async def flooded() -> dict[str, Any]:
        raise RetryAfter(30)

    async def fine() -> dict[str, Any]:
        return {}

    with pytest.raises(RetryAfter):
        await limiter.process_request(flooded, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert limiter.paused_for(1) == pytest.approx(30)
    assert limiter.paused_for(2) == 0
    assert await limiter.process_request(fine, (), {}, "sendMessage", {"chat_id": 2}, None) == {}


async def test_a_flood_wait_without_a_chat_pauses_everything() -> None:
    limiter = ChatRateLimiter(Limits(), Clock())

    async def flooded() -> bool:
        raise RetryAfter(5)

    with pytest.raises(RetryAfter):
        await limiter.process_request(flooded, (), {}, "setMyCommands", {}, None)
    assert limiter.paused_for(7) == pytest.approx(5)


@asynccontextmanager
async def bare_bot(emulator: BotApiEmulator, limiter: BaseRateLimiter[Any]) -> AsyncIterator[ExtBot[Any]]:
    base_url, base_file_url = api_urls(emulator.url)
    bot: ExtBot[Any] = ExtBot(
        emulator.token, base_url=base_url, base_file_url=base_file_url, rate_limiter=limiter
    )
    async with bot:
        yield bot


async def stall_of_other_chat(emulator: BotApiEmulator, limiter: BaseRateLimiter[Any]) -> float:
    """Seconds a message to chat 2 waits while chat 1 is under a 1-second flood wait."""
    emulator.user(1)
    emulator.user(2)
    emulator.fail("sendMessage", "429", chat_id=1, retry_after=1)
    async with bare_bot(emulator, limiter) as bot:
        flooded = asyncio.create_task(bot.send_message(1, "to the flooded chat"))
        await asyncio.sleep(0.1)  # chat 1 has had its 429
        began = time.monotonic()
        await bot.send_message(2, "to another chat")
        stall = time.monotonic() - began
        await asyncio.gather(flooded, return_exceptions=True)
    return stall


async def test_ptbs_aioratelimiter_stalls_every_chat_during_one_chats_flood_wait(
    emulator: BotApiEmulator,
) -> None:
    """Measured, not assumed: the reason this door has its own limiter.

    Without retries AIORateLimiter does nothing about a flood wait (the next message to the flooded chat
    goes at once and is refused again); with retries it halts every request of the bot while it waits.
    """
    assert await stall_of_other_chat(emulator, AIORateLimiter(max_retries=0)) < 0.1
    stall = await stall_of_other_chat(emulator, AIORateLimiter(max_retries=1))
    assert stall > 0.8, f"the other chat waited {stall:.2f} s"


async def test_our_limiter_lets_other_chats_through_during_a_flood_wait(emulator: BotApiEmulator) -> None:
    stall = await stall_of_other_chat(emulator, ChatRateLimiter(Limits()))
    assert stall < 0.1, f"the other chat waited {stall:.2f} s"


async def test_replies_stay_within_telegrams_limits(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    emulator.flood = FloodControl(per_chat_per_second=10, chat_burst=2, per_second=100, burst=5)
    async with door_factory(chat_messages_per_second=10, chat_burst=2, messages_per_second=100):
        user = emulator.user(601, "en")
        user.presses("1|lang|en")
        user.says("/help")
        user.says("/menu")
        sent = await emulator.replies(601, 5)
        await emulator.settle(0.1)
    assert emulator.flood_refusals == 0, "never a 429"
    assert sent[-1].at - sent[0].at >= 0.25, "5 messages at 10/s after a burst of 2"


async def test_without_pacing_telegram_refuses_but_nothing_is_lost(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    emulator.flood = FloodControl(
        per_chat_per_second=10, chat_burst=1, per_second=100, burst=5, retry_after=0.2
    )
    async with door_factory():  # pacing off
        user = emulator.user(602, "en")
        user.presses("1|lang|en")
        user.says("/help")
        sent = await emulator.replies(602, 4, within=10)
        await emulator.settle(0.2)
    assert emulator.flood_refusals > 0, "the emulator enforces the limits"
    assert len(sent) == 4 and len({message.text for message in sent}) == 4, "each once, all delivered"
