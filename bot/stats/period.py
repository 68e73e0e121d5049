"""Reporting periods: a day, an ISO week, a calendar month or custom dates, and the period before each.

A period that is still running ends today, and the period it is compared with is cut to the same length
(1-10 November against 1-10 October, not against all of October), so a comparison is never lopsided.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from bot.stats.definitions import TIMEZONE

PeriodKind = Literal["day", "week", "month", "custom"]
KINDS: tuple[PeriodKind, ...] = ("day", "week", "month", "custom")
MAX_DAYS = 3 * 366


class PeriodError(ValueError):
    """A period given by a person (query string or command line) cannot be used."""


def local_midnight(day: date) -> datetime:
    """The UTC instant at which a local day starts (23:00 or 22:00 UTC the evening before)."""
    return datetime.combine(day, time(), TIMEZONE).astimezone(UTC)


def local_day(moment: datetime) -> date:
    """The local date of an aware instant."""
    return moment.astimezone(TIMEZONE).date()


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _previous_month_start(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class Period:
    """Local days `start`..`end` (both included)."""

    kind: PeriodKind
    start: date
    end: date

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1

    def days(self) -> Iterator[date]:
        for offset in range(self.length):
            yield self.start + timedelta(days=offset)

    def utc_range(self) -> tuple[datetime, datetime]:
        """[from, to) in UTC, for queries on timestamps."""
        return local_midnight(self.start), local_midnight(self.end + timedelta(days=1))

    def previous(self) -> Period:
        """The period this one is compared with: the same kind, just before, and no longer."""
        if self.kind == "month":
            start = _previous_month_start(self.start)
            return Period("month", start, min(start + timedelta(days=self.length - 1), _month_end(start)))
        step = {"day": 1, "week": 7}.get(self.kind, self.length)
        start = self.start - timedelta(days=step)
        return Period(self.kind, start, start + timedelta(days=self.length - 1))

    def query(self) -> dict[str, str]:
        """The query-string form, for links that keep the period."""
        if self.kind == "custom":
            return {"period": "custom", "from": self.start.isoformat(), "to": self.end.isoformat()}
        return {"period": self.kind, "date": self.start.isoformat()}


def period_of(kind: PeriodKind, anchor: date, today: date) -> Period:
    """The day, week or month containing `anchor`, ending no later than `today`."""
    anchor = min(anchor, today)
    if kind == "day":
        return Period("day", anchor, anchor)
    if kind == "week":
        start = anchor - timedelta(days=anchor.weekday())
        return Period("week", start, min(start + timedelta(days=6), today))
    if kind == "month":
        start = anchor.replace(day=1)
        return Period("month", start, min(_month_end(start), today))
    raise PeriodError(f"unknown period {kind!r}")


def custom_period(first: date, last: date, today: date) -> Period:
    """Custom dates, put in order and kept within today and the longest allowed span."""
    first, last = sorted((min(first, today), min(last, today)))
    if (last - first).days >= MAX_DAYS:
        first = last - timedelta(days=MAX_DAYS - 1)
    return Period("custom", first, last)


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise PeriodError(f"{name}: expected a date like 2026-11-26, got {value!r}") from exc


def parse_period(query: Mapping[str, str], today: date, default: PeriodKind = "week") -> Period:
    """The period asked for in a query string (`period`, `date`, `from`, `to`); the current week by default.

    Raises:
        PeriodError: an unknown period kind or a malformed date.
    """
    kind = query.get("period") or default
    if kind not in KINDS:
        raise PeriodError(f"period: expected one of {', '.join(KINDS)}, got {kind!r}")
    if kind == "custom":
        first = _date(query.get("from"), "from") or today - timedelta(days=29)
        return custom_period(first, _date(query.get("to"), "to") or today, today)
    return period_of(kind, _date(query.get("date"), "date") or today, today)


def neighbour(period: Period, forward: bool, today: date) -> Period | None:
    """The period of the same kind just before or after this one (None after today), for paging."""
    if period.kind == "custom":
        shift = timedelta(days=period.length if forward else -period.length)
        first = period.start + shift
        return None if first > today else custom_period(first, period.end + shift, today)
    if not forward:
        return period_of(period.kind, period.start - timedelta(days=1), today)
    natural_end = {"day": period.start, "week": period.start + timedelta(days=6)}.get(
        period.kind, _month_end(period.start)
    )
    anchor = natural_end + timedelta(days=1)
    return None if anchor > today else period_of(period.kind, anchor, today)
