"""The service keeps rollups current by itself, so a coordinator's first look at a long period is quick."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats import background, rollup
from bot.stats.period import local_day
from bot.storage.models import StatsDay, utcnow
from tests.stats.dataset import PREVIOUS

Sessions = async_sessionmaker[AsyncSession]


async def _rolled(sessions: Sessions) -> set[date]:
    async with sessions() as session:
        return set(await session.scalars(select(StatsDay.day)))


async def test_every_completed_day_is_rolled_up_without_anyone_asking(week: Sessions) -> None:
    assert await _rolled(week) == set(), "nothing is rolled up before the loop runs"
    yesterday = rollup.last_completed_day(utcnow())
    loop = asyncio.create_task(background.keep_rolled_up(week, first_delay=0, every=3600))
    try:
        for _ in range(400):
            if yesterday in await _rolled(week):
                break
            await asyncio.sleep(0.05)
    finally:
        loop.cancel()
    rolled = await _rolled(week)
    first = PREVIOUS.start
    # Whole weeks and months are taken, so the span starts on or before the first event's day.
    assert all(first + timedelta(days=i) in rolled for i in range((yesterday - first).days + 1))
    assert local_day(utcnow()) not in rolled, "today is not over: it is still counted live"
    assert await background.roll_up_everything(week) == 0, "a second pass finds nothing left to do"


async def test_a_failed_pass_does_not_stop_the_loop(week: Sessions) -> None:
    calls = 0

    class Flaky:
        """A session factory whose first use fails, as if the database were briefly away."""

        def __call__(self) -> AsyncSession:
            nonlocal calls
            calls += 1
            if calls == 1:
                raise ConnectionError("database restarting")
            return week()

    loop = asyncio.create_task(background.keep_rolled_up(Flaky(), first_delay=0, every=0.01))  # type: ignore[arg-type]
    try:
        for _ in range(200):
            if await _rolled(week):
                break
            await asyncio.sleep(0.05)
    finally:
        loop.cancel()
    assert calls >= 2 and await _rolled(week), "the next pass rolled up what the failed one could not"
