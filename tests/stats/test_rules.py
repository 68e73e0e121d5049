"""The rules under the figures: the "<5" rule, percentiles, periods and their comparison, chart scales."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest

from bot.stats import charts
from bot.stats.cells import ranked
from bot.stats.definitions import ANSWERED, QUESTION_OUTCOMES, UNANSWERED
from bot.stats.period import (
    MAX_DAYS,
    Period,
    PeriodError,
    local_day,
    local_midnight,
    neighbour,
    parse_period,
    period_of,
)
from bot.stats.privacy import Change, Count, Share, Timing, median, nearest_rank

TODAY = date(2026, 11, 26)


def test_unanswered_is_defined_once() -> None:
    assert sorted(UNANSWERED) == ["clarify", "fallback", "out_of_scope"]
    assert ANSWERED.isdisjoint(UNANSWERED) and "small_talk" not in QUESTION_OUTCOMES


@pytest.mark.parametrize(("n", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (1234, "1234")])
def test_small_counts_are_hidden(n: int, shown: str) -> None:
    assert str(Count(n)) == shown and (Count(n).value is None) == (shown == "<5")


def test_shares_need_five_and_never_reveal_a_hidden_part() -> None:
    assert Share(3, 4).value is None and Share(3, 4).percent() == ""
    assert Share(6, 19).percent() == "31.6"
    assert Share(2, 40).bounded and Share(2, 40).percent() == "<12.5", "only '< 5 of 40' may be known"
    assert Share(0, 40).percent() == "0.0"
    assert Share(36, 40).percent() == ">87.5", "the 4 that are not counted stay hidden too"
    assert Share(40, 40).percent() == "100.0"


def test_changes_are_shown_only_between_shown_counts() -> None:
    assert Change(12, 10).percent() == "+20.0"
    assert Change(5, 10).percent() == "-50.0"
    assert Change(12, 3).value is None and Change(3, 12).value is None and Change(7, 0).value is None


def test_median_and_nearest_rank_percentile() -> None:
    assert median([1, 2, 3, 4]) == 2.5 and median([1, 2, 9]) == 2
    assert nearest_rank([float(v) for v in range(1, 11)], 0.9) == 9
    assert nearest_rank([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 0.9) == 6
    assert Timing.of([60, 30, 90, 120]) == Timing(4, None, None), "fewer than 5 cases: withheld"
    assert Timing.of([300, 60, 120, 240, 180]) == Timing(5, 180, 300)


def test_hidden_counts_sort_as_equals() -> None:
    counts = Counter({"a": 1, "b": 4, "c": 7, "": 9})
    assert ranked(counts, ["d"]) == ["c", "a", "b", "d", ""], "4 and 1 are not told apart by their order"


def test_local_days_follow_warsaw_time_across_daylight_saving() -> None:
    assert local_midnight(date(2026, 3, 29)) == datetime(2026, 3, 28, 23, tzinfo=UTC)
    assert local_midnight(date(2026, 3, 30)) == datetime(2026, 3, 29, 22, tzinfo=UTC)
    assert local_day(datetime(2026, 11, 1, 23, 15, tzinfo=UTC)) == date(2026, 11, 2)
    day = Period("day", date(2026, 10, 25), date(2026, 10, 25))
    start, end = day.utc_range()
    assert (end - start).total_seconds() == 25 * 3600


def test_periods_from_the_query_string() -> None:
    assert parse_period({}, TODAY) == Period("week", date(2026, 11, 23), TODAY)
    assert parse_period({"period": "day", "date": "2026-11-02"}, TODAY) == Period(
        "day", date(2026, 11, 2), date(2026, 11, 2)
    )
    assert parse_period({"period": "month", "date": "2026-02-10"}, TODAY) == Period(
        "month", date(2026, 2, 1), date(2026, 2, 28)
    )
    custom = parse_period({"period": "custom", "from": "2026-11-20", "to": "2026-11-01"}, TODAY)
    assert custom == Period("custom", date(2026, 11, 1), date(2026, 11, 20))
    long = parse_period({"period": "custom", "from": "2000-01-01", "to": "2030-01-01"}, TODAY)
    assert long.end == TODAY and long.length == MAX_DAYS
    with pytest.raises(PeriodError, match="period"):
        parse_period({"period": "year"}, TODAY)
    with pytest.raises(PeriodError, match="2026-11-26"):
        parse_period({"period": "day", "date": "26.11.2026"}, TODAY)


def test_a_running_period_is_compared_with_as_many_days_before() -> None:
    month = period_of("month", TODAY, TODAY)
    assert month == Period("month", date(2026, 11, 1), TODAY)
    assert month.previous() == Period("month", date(2026, 10, 1), date(2026, 10, 26))
    march = period_of("month", date(2026, 3, 31), TODAY)
    assert march.previous() == Period("month", date(2026, 2, 1), date(2026, 2, 28))
    week = period_of("week", date(2026, 11, 11), TODAY)
    assert week.previous() == Period("week", date(2026, 11, 2), date(2026, 11, 8))
    custom = Period("custom", date(2026, 11, 11), date(2026, 11, 20))
    assert custom.previous() == Period("custom", date(2026, 11, 1), date(2026, 11, 10))


def test_paging_through_periods_stops_at_today() -> None:
    week = period_of("week", date(2026, 11, 11), TODAY)
    assert neighbour(week, False, TODAY) == Period("week", date(2026, 11, 2), date(2026, 11, 8))
    assert neighbour(week, True, TODAY) == Period("week", date(2026, 11, 16), date(2026, 11, 22))
    assert neighbour(period_of("week", TODAY, TODAY), True, TODAY) is None
    custom = Period("custom", date(2026, 11, 1), date(2026, 11, 10))
    assert neighbour(custom, True, TODAY) == Period("custom", date(2026, 11, 11), date(2026, 11, 20))


def test_charts_draw_hidden_counts_as_fixed_stubs() -> None:
    chart = charts.hbars([("a", Count(100), None), ("b", Count(3), None), ("c", Count(1), None)], str)
    a, b, c = chart.bars
    assert b.hidden and c.hidden and b.length == c.length > 0, "3 and 1 look the same"
    assert b.value == "<5" and a.length > b.length
    assert charts.nice_ceiling(740) == 1000 and charts.nice_ceiling(23) == 25
    assert charts.ticks(25) == [0, 5, 10, 15, 20, 25]
    assert charts.ticks(1000) == [0, 200, 400, 600, 800, 1000]


def test_the_rate_line_breaks_where_a_share_may_not_be_shown() -> None:
    shares = [Share(10, 20), Share(1, 2), Share(30, 100), Share(1, 40)]
    line = charts.rate_line(["1", "2", "3", "4"], shares, Share.percent, str)
    assert line.path.count("M") == 2 and len(line.points) == 2
