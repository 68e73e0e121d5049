"""Updates of one chat are answered in order; other chats are not held up by a slow one."""

from __future__ import annotations

import asyncio
import random
import time

from bot.channels.telegram.ordering import ChatOrderedProcessor
from tests.support.understanding import parse_of
from tests.telegram.conftest import DoorFactory, PacedUnderstanding
from tests.telegram.emulator import BotApiEmulator


async def test_a_slow_answer_holds_its_chat_only(
    emulator: BotApiEmulator, door_factory: DoorFactory, understanding: PacedUnderstanding
) -> None:
    understanding.script["slow question"] = parse_of("slow question", "en", "legal.pesel")
    understanding.delays["slow question"] = 0.4
    async with door_factory(typing_delay=5):
        for chat in (401, 402):
            emulator.user(chat, "en").presses("1|lang|en")
            await emulator.replies(chat, 3)
        slow = emulator.user(401, "en")
        slow.says("slow question")
        slow.says("/help")
        emulator.user(402, "en").says("/help")
        answer, help_a = await emulator.replies(401, 2)
        [help_b] = await emulator.replies(402)
    assert "PESEL" in answer.text and "/menu" in help_a.text, "the chat's own order is kept"
    assert help_b.at < answer.at, "the other chat did not wait for the slow one"


async def test_the_processor_keeps_each_chats_order_and_runs_chats_side_by_side() -> None:
    processor = ChatOrderedProcessor(max_chats=3)
    finished: dict[int, list[int]] = {chat: [] for chat in range(6)}
    running: dict[int, int] = dict.fromkeys(range(6), 0)
    peak = 0
    rng = random.Random(7)

    async def work(chat: int, index: int) -> None:
        nonlocal peak
        running[chat] += 1
        assert running[chat] == 1, "never two updates of one chat at once"
        peak = max(peak, sum(running.values()))
        await asyncio.sleep(rng.random() / 200)
        finished[chat].append(index)
        running[chat] -= 1

    tasks = [
        asyncio.create_task(processor.run_in_chat(chat, work(chat, index)))
        for index in range(15)
        for chat in range(6)
    ]
    began = time.monotonic()
    await asyncio.gather(*tasks)
    assert all(order == list(range(15)) for order in finished.values())
    assert peak == 3, "as many chats at once as allowed, no more"
    assert time.monotonic() - began < 15 * 6 * 0.0025, "not one after another"
    assert processor.busy_chats == 0


async def test_work_cancelled_while_waiting_is_closed_and_does_not_block_the_chat() -> None:
    processor = ChatOrderedProcessor(max_chats=1)
    gate = asyncio.Event()

    async def first() -> None:
        await gate.wait()

    async def never() -> None:
        raise AssertionError("must not run")

    async def last() -> str:
        return "ran"

    running_first = asyncio.create_task(processor.run_in_chat(1, first()))
    waiting = asyncio.create_task(processor.run_in_chat(1, never()))
    behind = asyncio.create_task(processor.run_in_chat(1, last()))
    await asyncio.sleep(0.01)
    waiting.cancel()
    await asyncio.sleep(0.01)
    assert not behind.done(), "the cancelled one's successor still waits for the running one"
    gate.set()
    await running_first
    assert await behind == "ran"
    assert waiting.cancelled()
