"""The dashboard's figures are exact on the hand-built week (tests/stats/dataset.py), on both engines.

Every expected value below is worked out by hand from the dataset's docstring; "<5" and bounded shares
("<83.3") are the privacy rule at work.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats import rollup
from bot.stats.cells import Table, csv_value
from bot.stats.counts import Counts
from bot.stats.names import PlainNames
from bot.stats.period import Period
from bot.stats.report import district_detail, figures, overview, timeline, topic_detail
from bot.stats.tables import OVERVIEW_TABLES, detail_languages_table, split_table
from bot.storage.models import StatsDaily, StatsDay
from tests.stats.dataset import LATER, PREVIOUS, WEEK

Sessions = async_sessionmaker[AsyncSession]


def rows(table: Table) -> dict[str, list[str]]:
    """Each row as its CSV values (names left out), by its first cell."""
    keep = [i for i, c in enumerate(table.columns) if c.kind != "name"]
    return {str(row.cells[0]): [csv_value(row.cells[i]) for i in keep[1:]] for row in table.rows}


async def tables(sessions: Sessions, names: PlainNames, now: datetime = LATER) -> dict[str, Table]:
    report = await overview(sessions, WEEK, now)
    return {name: build(report, names) for name, build in OVERVIEW_TABLES.items()}


async def test_the_week_in_figures(week: Sessions, names: PlainNames) -> None:
    report = await overview(week, WEEK, LATER)
    assert report.previous.period == PREVIOUS
    assert (report.current.questions, report.current.unanswered, report.current.conversations) == (19, 6, 15)
    assert (report.previous.questions, report.previous.unanswered, report.previous.conversations) == (6, 1, 2)
    assert report.unit == "day"
    assert [b.questions for b in report.timeline] == [6, 2, 3, 3, 3, 1, 1]
    assert [b.unanswered for b in report.timeline] == [2, 0, 0, 0, 3, 1, 0]
    assert [b.escalations for b in report.timeline] == [2, 1, 1, 2, 1, 0, 1]
    assert report.current.feedback() == {"legal.pesel": (4, 1), "work.permit": (1, 2)}


async def test_summary_and_breakdowns_follow_the_privacy_rule(week: Sessions, names: PlainNames) -> None:
    shown = await tables(week, names)
    assert rows(shown["summary"]) == {
        "questions": ["19", "6", "+216.7"],
        "unanswered": ["6", "<5", ""],
        "conversations": ["15", "<5", ""],
        "escalations": ["8", "<5", ""],
        "thumbs_up": ["5", "0", ""],
        "thumbs_down": ["<5", "0", ""],
        "unanswered_percent": ["31.6", "<83.3", ""],
        "helpful_percent": [">37.5", "", ""],
        "first_response_median_minutes": ["25.0", "", ""],
        "first_response_p90_minutes": ["50.0", "", ""],
        "resolution_median_minutes": ["120.0", "", ""],
        "resolution_p90_minutes": ["240.0", "", ""],
    }
    assert rows(shown["outcomes"]) == {
        "answered": ["10", "5", "+100.0", "52.6"],
        "chosen": ["<5", "0", "", "<26.3"],
        "crisis": ["<5", "0", "", "<26.3"],
        "clarify": ["<5", "0", "", "<26.3"],
        "fallback": ["<5", "<5", "", "<26.3"],
        "out_of_scope": ["<5", "0", "", "<26.3"],
    }
    zero = ["0", "0", "", "0.0"]
    assert list(rows(shown["domains"]).items()) == [
        ("legal", ["6", "5", "+20.0", "31.6"]),
        ("work", ["5", "0", "", "26.3"]),
        ("housing", ["<5", "0", "", "<26.3"]),
        ("safety", ["<5", "0", "", "<26.3"]),
        *((domain, zero) for domain in ("cwii", "daily", "education", "health", "social")),
        ("", ["6", "<5", "", "31.6"]),
    ]


async def test_topics_languages_and_districts(week: Sessions, names: PlainNames) -> None:
    shown = await tables(week, names)
    assert list(rows(shown["topics"]).items()) == [
        ("legal.pesel", ["legal", "6", "5", "+20.0", "<5", "<5", "<5", "<100.0"]),
        ("work.permit", ["work", "5", "0", "", "0", "<5", "<5", ""]),
        ("housing.registration", ["housing", "<5", "0", "", "0", "0", "0", ""]),
        ("safety.domestic_violence", ["safety", "<5", "0", "", "0", "0", "0", ""]),
    ]
    assert rows(shown["helpfulness"]) == {
        "legal.pesel": ["<5", "<5", "<100.0"],
        "work.permit": ["<5", "<5", ""],
    }
    assert list(rows(shown["languages"]).items()) == [
        ("uk", ["8", "6", "+33.3", "<5", "<62.5"]),
        ("ru", ["5", "0", "", "<5", "<100.0"]),
        ("en", ["<5", "0", "", "<5", ""]),
        ("pl", ["<5", "0", "", "0", ""]),
        ("", ["0", "0", "", "0", ""]),
    ]
    assert list(rows(shown["districts"]).items()) == [
        ("gdansk", ["10", "6", "+66.7", "<5", "<50.0"]),
        ("gdynia", ["<5", "0", "", "0", ""]),
        ("slupsk", ["<5", "0", "", "0", ""]),
        ("", ["6", "0", "", "<5", "<83.3"]),
    ]
    assert [c.id for c in shown["district_languages"].columns] == [
        "district",
        "name",
        "uk",
        "ru",
        "en",
        "pl",
        "unknown",
    ]
    assert rows(shown["district_languages"]) == {
        "gdansk": ["6", "<5", "<5", "<5", "0"],
        "gdynia": ["<5", "<5", "0", "0", "0"],
        "slupsk": ["<5", "0", "0", "0", "0"],
        "": ["0", "<5", "<5", "0", "0"],
    }


async def test_escalations_with_response_times(week: Sessions, names: PlainNames) -> None:
    shown = await tables(week, names)
    assert list(rows(shown["escalations"]).items()) == [
        ("request", ["7", "<5", "", "<5", "30.0", "50.0", "", ""]),
        ("crisis", ["<5", "0", "", "0", "", "", "", ""]),
        ("all", ["8", "<5", "", "<5", "25.0", "50.0", "120.0", "240.0"]),
    ]


async def test_the_timeline_hides_small_days(week: Sessions, names: PlainNames) -> None:
    timeline = rows((await tables(week, names))["timeline"])
    assert list(timeline) == [f"2026-11-0{d}" for d in range(2, 9)]
    assert timeline["2026-11-02"][:4] == ["6", "<5", "<83.3", "<5"]
    assert timeline["2026-11-06"][:4] == ["<5", "<5", "", "<5"]


async def test_a_single_day_is_shown_by_the_hour(week: Sessions) -> None:
    monday = Period("day", date(2026, 11, 2), date(2026, 11, 2))
    report = await overview(week, monday, LATER)
    assert report.unit == "hour" and len(report.timeline) == 24
    assert {b.hour: b.questions for b in report.timeline if b.questions} == {0: 4, 10: 2}
    assert report.previous.period == Period("day", date(2026, 11, 1), date(2026, 11, 1))
    assert report.previous.questions == 0, "the Monday 00:15 question belongs to Monday, not Sunday (UTC)"


async def test_live_counts_equal_rolled_up_counts(week: Sessions, names: PlainNames) -> None:
    """Before the week is over its days are counted live; afterwards from rollups; the figures agree."""
    during = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    live = await tables(week, names, now=during)
    async with week() as session:
        rolled = set(await session.scalars(select(StatsDay.day)))
    assert date(2026, 11, 2) not in rolled and date(2026, 10, 27) in rolled
    later = await tables(week, names)
    async with week() as session:
        assert await session.scalar(select(func.count()).select_from(StatsDay)) == 3 + 31 + 19, (
            "whole weeks and months"
        )
        assert (await session.scalar(select(func.count()).select_from(StatsDaily)) or 0) > 0
    for name in ("summary", "outcomes", "domains", "topics", "languages", "districts", "district_languages"):
        assert rows(live[name]) == rows(later[name]), name
    assert await rollup.roll_up(week, WEEK.start, WEEK.end, LATER) == 0, "a day is rolled up once"


async def test_rebuilding_rollups_gives_the_same_figures(week: Sessions, names: PlainNames) -> None:
    before = rows((await tables(week, names))["topics"])
    await rollup.clear(week)
    assert rows((await tables(week, names))["topics"]) == before


async def test_one_topic_and_one_district(week: Sessions, names: PlainNames) -> None:
    pesel = await topic_detail(week, WEEK, "legal.pesel", LATER)
    assert (pesel.questions, pesel.previous_questions, pesel.unanswered, pesel.feedback) == (6, 5, 2, (4, 1))
    assert rows(split_table(pesel, names, "district")) == {
        "gdansk": ["5", "5", "+0.0"],
        "gdynia": ["<5", "0", ""],
    }
    assert rows(detail_languages_table(pesel, names))["uk"] == ["<5", "<83.3"]
    gdansk = await district_detail(week, WEEK, "gdansk", LATER)
    assert (gdansk.questions, gdansk.previous_questions, gdansk.unanswered) == (10, 6, 3)
    assert rows(split_table(gdansk, names, "topic")) == {
        "legal.pesel": ["5", "5", "+0.0"],
        "work.permit": ["<5", "0", ""],
    }
    assert dict(gdansk.languages) == {"uk": 6, "ru": 1, "en": 1, "pl": 2}


async def test_whole_weeks_and_months_are_read_from_their_summed_rows(
    week: Sessions, names: PlainNames
) -> None:
    """October and the week of 2-8 November are summed once their days are rolled up; reading the sums
    instead of the days changes nothing."""
    span = Period("custom", date(2026, 10, 1), date(2026, 11, 8))
    report = await overview(week, span, LATER)
    async with week() as session:
        markers = (
            await session.execute(
                select(StatsDaily.breakdown, StatsDaily.day).where(StatsDaily.breakdown.like("%:done"))
            )
        ).all()
    assert ("m:done", date(2026, 10, 1)) in markers and ("m:done", date(2026, 11, 1)) not in markers
    assert ("w:done", date(2026, 11, 2)) in markers and ("w:done", date(2026, 11, 9)) in markers
    assert ("w:done", date(2026, 11, 16)) not in markers, "the week of the 20th is not over"
    assert (report.current.questions, report.current.unanswered, report.current.conversations) == (25, 7, 17)
    async with week() as session:
        await session.execute(delete(StatsDaily).where(StatsDaily.breakdown.like("%:%")))
        await session.commit()
    async with week() as session:
        daily_only = await figures(session, Counts(session, live={}, spans={}), span)
    assert daily_only == report.current


async def test_two_workers_rolling_up_at_once_count_each_day_once(week: Sessions, names: PlainNames) -> None:
    results = await asyncio.gather(*(rollup.roll_up(week, WEEK.start, WEEK.end, LATER) for _ in range(2)))
    assert sum(results) == 25, "26 October (a Monday) to 19 November, each day by exactly one of them"
    assert rows((await tables(week, names))["summary"])["questions"] == ["19", "6", "+216.7"]


async def test_charts_by_the_week_read_whole_weeks_from_their_summed_rows(week: Sessions) -> None:
    quarter = Period("custom", date(2026, 8, 12), date(2026, 11, 19))
    report = await overview(week, quarter, LATER)
    assert report.unit == "week"
    by_week = {b.start: (b.questions, b.unanswered, b.escalations) for b in report.timeline if b.questions}
    assert by_week == {
        date(2026, 10, 26): (6, 1, 2),
        date(2026, 11, 2): (19, 6, 8),
        date(2026, 11, 9): (1, 0, 0),
    }
    async with week() as session:
        _, daily_only = await timeline(session, Counts(session, live={}, spans={}), quarter)
    assert [(b.start, b.domains, b.escalations) for b in daily_only] == [
        (b.start, b.domains, b.escalations) for b in report.timeline
    ]
