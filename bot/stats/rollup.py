"""Rollups: each completed local day's events are counted once into `stats_daily`; whole weeks and months too.

Pages then read a few hundred rollup rows per breakdown instead of scanning a million events; only days
that are not rolled up yet (today, normally) are counted live from `events`. A week or month whose days
are all rolled up is also summed into rows of its own (breakdown "w:<name>" or "m:<name>", day = its
first day), so any period reads at most a few dozen days' worth of rows. Rolling up is idempotent and
safe to run from several workers at once: work another worker finished first is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import String, delete, func, insert, literal, literal_column, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats.cube import BREAKDOWNS, CONVERSATIONS, cube, cut
from bot.stats.definitions import ROLLUP_MARGIN
from bot.stats.period import local_day, local_midnight
from bot.storage.models import StatsDaily, StatsDay, utcnow

log = logging.getLogger(__name__)

#: Days rolled up per transaction: few enough to keep write locks short, many enough to be quick.
BATCH_DAYS = 31


def month_end(month: date) -> date:
    """The last day of the month that starts on `month`."""
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@dataclass(frozen=True)
class Level:
    """Spans of days summed once more when complete: their rows are the daily breakdowns with `prefix`."""

    prefix: str
    start_of: Callable[[date], date]
    end_of: Callable[[date], date]

    @property
    def done(self) -> str:
        """The breakdown of the marker row that says a span is summed (its count: the days in it)."""
        return self.prefix + "done"

    def within(self, first: date, last: date) -> list[date]:
        """The first days of the spans lying entirely within first..last."""
        start = self.start_of(first)
        if start < first:
            start = self.end_of(start) + timedelta(days=1)
        found = []
        while self.end_of(start) <= last:
            found.append(start)
            start = self.end_of(start) + timedelta(days=1)
        return found


MONTH = Level("m:", lambda day: day.replace(day=1), month_end)
WEEK = Level("w:", lambda day: day - timedelta(days=day.weekday()), lambda day: day + timedelta(days=6))
#: Larger spans first: a period takes whole months, then whole weeks of what is left, then days.
LEVELS = (MONTH, WEEK)


def last_completed_day(now: datetime) -> date:
    """The latest local day that ended at least ROLLUP_MARGIN before `now`."""
    return local_day(now - ROLLUP_MARGIN) - timedelta(days=1)


async def rolled_days(session: AsyncSession, first: date, last: date) -> set[date]:
    """The days in first..last that are already rolled up."""
    query = select(StatsDay.day).where(StatsDay.day >= first, StatsDay.day <= last)
    return set(await session.scalars(query))


async def _roll_day(session: AsyncSession, day: date) -> int:
    rows = await cube(session, local_midnight(day), local_midnight(day + timedelta(days=1)))
    cells = [
        {"breakdown": name, "day": day, "key1": k1, "key2": k2, "key3": k3, "count": n}
        for name in BREAKDOWNS
        for (k1, k2, k3), n in cut(rows, name).items()
    ]
    if cells:
        await session.execute(insert(StatsDaily), cells)
    events = sum(row.n for row in rows if row.kind != CONVERSATIONS)
    session.add(StatsDay(day=day, events=events, rolled_at=utcnow()))
    await session.flush()
    return events


async def _roll_batch(sessions: async_sessionmaker[AsyncSession], days: Sequence[date]) -> int:
    """Roll up some days in one transaction; 0 if another worker got there first."""
    async with sessions() as session:
        try:
            for day in days:
                await _roll_day(session, day)
            await session.commit()
        except IntegrityError:
            await session.rollback()
            return 0
    return len(days)


async def roll_up(
    sessions: async_sessionmaker[AsyncSession], first: date, last: date, now: datetime | None = None
) -> int:
    """Roll up the completed days of the months of first..last not rolled up yet; returns how many were.

    Whole weeks and months are taken so that each completed one can be summed up as well.
    """
    first = WEEK.start_of(MONTH.start_of(first))
    last = min(month_end(last), last_completed_day(now or utcnow()))
    if last < first:
        return 0
    async with sessions() as session:
        done = await rolled_days(session, first, last)
    missing = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    missing = [day for day in missing if day not in done]
    rolled = 0
    for start in range(0, len(missing), BATCH_DAYS):
        batch = missing[start : start + BATCH_DAYS]
        count = await _roll_batch(sessions, batch)
        if count == 0 and len(batch) > 1:
            # Another worker rolled up some of these days: take the rest one by one.
            count = sum([await _roll_batch(sessions, [day]) for day in batch])
        rolled += count
    if rolled:
        log.info("statistics: rolled up %d day(s) between %s and %s", rolled, first, last)
    for level in LEVELS:
        await _sum_spans(sessions, level, first, last)
    return rolled


async def summed(session: AsyncSession, first: date, last: date) -> dict[str, set[date]]:
    """The weeks and months (by their first day, per level prefix) from first to last that are summed up."""
    query = select(StatsDaily.breakdown, StatsDaily.day).where(
        StatsDaily.breakdown.in_([level.done for level in LEVELS]),
        StatsDaily.day >= first,
        StatsDaily.day <= last,
    )
    found: dict[str, set[date]] = {level.prefix: set() for level in LEVELS}
    for marker, day in (await session.execute(query)).all():
        found[marker.removesuffix("done")].add(day)
    return found


async def _sum_span(session: AsyncSession, level: Level, start: date) -> None:
    end = level.end_of(start)
    columns = (StatsDaily.key1, StatsDaily.key2, StatsDaily.key3)
    rows = (
        select(
            literal_column(f"'{level.prefix}'", String) + StatsDaily.breakdown,
            literal(start, StatsDaily.day.type),
            *columns,
            func.sum(StatsDaily.count),
        )
        .where(StatsDaily.breakdown.not_like("%:%"), StatsDaily.day >= start, StatsDaily.day <= end)
        .group_by(StatsDaily.breakdown, *columns)
    )
    names = ["breakdown", "day", "key1", "key2", "key3", "count"]
    await session.execute(insert(StatsDaily).from_select(names, rows))
    days = (end - start).days + 1
    session.add(StatsDaily(breakdown=level.done, day=start, key1="", key2="", key3="", count=days))
    await session.flush()


async def _sum_spans(
    sessions: async_sessionmaker[AsyncSession], level: Level, first: date, last: date
) -> None:
    """Sum up the spans within first..last whose days are all rolled up and that are not summed yet."""
    starts = level.within(first, last)
    if not starts:
        return
    async with sessions() as session:
        done = (await summed(session, starts[0], starts[-1]))[level.prefix]
        for start in starts:
            end = level.end_of(start)
            if start in done or len(await rolled_days(session, start, end)) < (end - start).days + 1:
                continue
            try:
                await _sum_span(session, level, start)
                await session.commit()
            except IntegrityError:
                await session.rollback()


async def clear(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Forget every rollup (after events were imported into past days); they are rebuilt on demand."""
    async with sessions() as session:
        await session.execute(delete(StatsDaily))
        await session.execute(delete(StatsDay))
        await session.commit()
