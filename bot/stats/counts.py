"""Reading breakdown counts for any run of days: rolled-up days from `stats_daily`, the others live.

`Counts` is built for one request and the days it may ask about; it counts each live day once and then
answers every breakdown from that, so a page costs one cube query per live day plus one query per table.
Whole months, then whole weeks, inside the asked days are read from their summed rows when they have them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.stats.cube import CubeRow, Key, cube, cut
from bot.stats.period import local_midnight
from bot.stats.rollup import LEVELS, WEEK, Level, rolled_days, summed
from bot.storage.models import StatsDaily


def _gaps(first: date, last: date, covered: Sequence[tuple[date, date]]) -> list[tuple[date, date]]:
    """The parts of first..last outside the (sorted, disjoint) covered spans."""
    gaps, start = [], first
    for a, b in covered:
        if start < a:
            gaps.append((start, a - timedelta(days=1)))
        start = b + timedelta(days=1)
    if start <= last:
        gaps.append((start, last))
    return gaps


class Counts:
    """Breakdown counts over days first..last, exact whether a day is rolled up or not.

    Queries run on the session's connection (Core rows, not the ORM's per-row loading: a year of a
    daily breakdown is thousands of rows).
    """

    def __init__(
        self,
        session: AsyncSession,
        live: dict[date, list[CubeRow]],
        spans: dict[str, set[date]] | None = None,
    ) -> None:
        self.session = session
        self.live = live
        self.spans = spans or {}
        self._cuts: dict[tuple[date, str], Counter[Key]] = {}

    @classmethod
    async def load(cls, session: AsyncSession, first: date, last: date) -> Counts:
        """Count the days that are not rolled up yet (normally only today) from the events."""
        done = await rolled_days(session, first, last)
        live: dict[date, list[CubeRow]] = {}
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day not in done:
                live[day] = await cube(session, local_midnight(day), local_midnight(day + timedelta(days=1)))
        return cls(session, live, await summed(session, WEEK.start_of(first.replace(day=1)), last))

    def _parts(
        self, first: date, last: date, levels: Sequence[Level] = LEVELS
    ) -> tuple[list[tuple[date, date]], dict[str, list[date]]]:
        """first..last as summed spans (whole months, then whole weeks of the rest) and leftover days."""
        days, starts = [(first, last)], {}
        for level in levels:
            found, rest = [], []
            for a, b in days:
                inside = [s for s in level.within(a, b) if s in self.spans.get(level.prefix, ())]
                found += inside
                rest += _gaps(a, b, [(s, level.end_of(s)) for s in inside])
            starts[level.prefix], days = found, rest
        return days, starts

    def _days(
        self, breakdowns: Sequence[str], first: date, last: date, levels: Sequence[Level]
    ) -> ColumnElement[bool]:
        """The rows of first..last: summed rows where they exist, daily rows for the other days."""
        days, starts = self._parts(first, last, levels)
        # Only the branches that select anything: SQLite plans an OR with an always-false branch as a
        # full scan, but uses the primary key for each branch of a plain OR.
        branches = [
            and_(StatsDaily.breakdown.in_([prefix + name for name in breakdowns]), StatsDaily.day.in_(found))
            for prefix, found in starts.items()
            if found
        ]
        branches += [
            and_(StatsDaily.breakdown.in_(breakdowns), StatsDaily.day >= a, StatsDaily.day <= b)
            for a, b in days
        ]
        return or_(*branches) if branches else false()

    def _filters(
        self,
        breakdowns: Sequence[str],
        first: date,
        last: date,
        key1: str | None,
        key2: str | None,
        levels: Sequence[Level] = LEVELS,
    ) -> list[ColumnElement[bool]]:
        filters = [self._days(breakdowns, first, last, levels)]
        if key1 is not None:
            filters.append(StatsDaily.key1 == key1)
        if key2 is not None:
            filters.append(StatsDaily.key2 == key2)
        return filters

    def _live(
        self, breakdown: str, first: date, last: date, key1: str | None, key2: str | None
    ) -> dict[date, Counter[Key]]:
        found: dict[date, Counter[Key]] = {}
        for day, rows in self.live.items():
            if first <= day <= last:
                if (day, breakdown) not in self._cuts:
                    self._cuts[(day, breakdown)] = cut(rows, breakdown)
                counts = self._cuts[(day, breakdown)]
                found[day] = Counter(
                    {
                        key: n
                        for key, n in counts.items()
                        if (key1 is None or key[0] == key1) and (key2 is None or key[1] == key2)
                    }
                )
        return found

    async def totals(
        self,
        breakdowns: Sequence[str],
        first: date,
        last: date,
        key1: str | None = None,
        key2: str | None = None,
    ) -> dict[str, Counter[Key]]:
        """Counts by key over the days for several breakdowns at once (one query), optionally only for one
        value of the first or second key."""
        columns = (StatsDaily.breakdown, StatsDaily.key1, StatsDaily.key2, StatsDaily.key3)
        query = (
            select(*columns, func.sum(StatsDaily.count))
            .where(*self._filters(breakdowns, first, last, key1, key2))
            .group_by(*columns)
        )
        found: dict[str, Counter[Key]] = {name: Counter() for name in breakdowns}
        for name, k1, k2, k3, n in (await (await self.session.connection()).execute(query)).all():
            found[name.rpartition(":")[2]][(k1, k2, k3)] += int(n)
        for name in breakdowns:
            for counts in self._live(name, first, last, key1, key2).values():
                found[name].update(counts)
        return found

    async def total(
        self, breakdown: str, first: date, last: date, key1: str | None = None, key2: str | None = None
    ) -> Counter[Key]:
        """Counts by key of one breakdown over the days (see `totals`)."""
        return (await self.totals([breakdown], first, last, key1, key2))[breakdown]

    async def daily(
        self, breakdown: str, first: date, last: date, levels: Sequence[Level] = ()
    ) -> dict[date, Counter[Key]]:
        """Counts by day and key (for charts over time).

        With `levels`, whole weeks or months are read from their summed rows, under their first day: for
        charts by the week or the month.
        """
        keys = (StatsDaily.day, StatsDaily.key1, StatsDaily.key2, StatsDaily.key3)
        query = (
            select(*keys, func.sum(StatsDaily.count))
            .where(*self._filters([breakdown], first, last, None, None, levels))
            .group_by(*keys)
        )
        days: dict[date, Counter[Key]] = defaultdict(Counter)
        for day, k1, k2, k3, n in (await (await self.session.connection()).execute(query)).all():
            days[day][(k1, k2, k3)] += int(n)
        for day, counts in self._live(breakdown, first, last, None, None).items():
            days[day].update(counts)
        return dict(days)
