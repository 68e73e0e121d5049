"""The "<5" rule, in one place: how counts, shares and response times may be shown to coordinators.

Every number that leaves the statistics package (pages, CSV files, `firststeps stats`) goes through these
types, so the rule cannot be applied on one page and forgotten in an export:

- a count from 1 to 4 is shown as "<5" (0 stays 0: "nobody" singles nobody out);
- a share needs at least 5 in its denominator, and when its part (or the rest) is hidden only a bound is
  shown ("<4%", ">96%"), so the hidden count cannot be worked back from it;
- a median or 90th percentile needs at least 5 cases.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.stats.definitions import MIN_COUNT

HIDDEN = f"<{MIN_COUNT}"


def hidden(n: int) -> bool:
    """Whether a count must not be shown exactly."""
    return 0 < n < MIN_COUNT


@dataclass(frozen=True)
class Count:
    """A count as it may be shown."""

    n: int

    @property
    def hidden(self) -> bool:
        return hidden(self.n)

    @property
    def value(self) -> int | None:
        """The exact count, or None when it must be hidden."""
        return None if self.hidden else self.n

    def __str__(self) -> str:
        return HIDDEN if self.hidden else str(self.n)


@dataclass(frozen=True)
class Share:
    """`part` out of `whole` as a fraction that may be shown, or not at all.

    Neither the part nor the rest may be worked back from a shown share: when one of them is hidden,
    only a bound is shown ("<12.5" when the part is under 5, ">87.5" when the rest is).
    """

    part: int
    whole: int

    @property
    def shown(self) -> bool:
        return self.whole >= MIN_COUNT

    @property
    def bound(self) -> str:
        """ "<" or ">" when only a bound may be shown, "" when the share is exact."""
        if not self.shown:
            return ""
        if hidden(self.part):
            return "<"
        return ">" if hidden(self.whole - self.part) else ""

    @property
    def bounded(self) -> bool:
        return bool(self.bound)

    @property
    def value(self) -> float | None:
        """The fraction, or its bound; None when it must not be shown."""
        if not self.shown:
            return None
        if self.bound == "<":
            return MIN_COUNT / self.whole
        if self.bound == ">":
            return (self.whole - MIN_COUNT) / self.whole
        return self.part / self.whole

    def percent(self) -> str:
        """ "12.5", "<4.2", ">95.8" or "" (the CSV and command-line form)."""
        value = self.value
        return "" if value is None else f"{self.bound}{round(value * 100, 1)}"


@dataclass(frozen=True)
class Change:
    """The change from the previous period, shown only when both counts may be shown exactly."""

    now: int
    before: int

    @property
    def value(self) -> float | None:
        if hidden(self.now) or hidden(self.before) or self.before == 0:
            return None
        return (self.now - self.before) / self.before

    def percent(self) -> str:
        value = self.value
        return "" if value is None else f"{round(value * 100, 1):+}"


def nearest_rank(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values (the value at position ceil(fraction * n))."""
    return values[max(0, math.ceil(fraction * len(values)) - 1)]


def median(values: Sequence[float]) -> float:
    """The median of sorted values (the mean of the two middle ones for an even count)."""
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


@dataclass(frozen=True)
class Timing:
    """Median and 90th percentile of durations in seconds, withheld below MIN_COUNT cases."""

    cases: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Timing:
        ordered = sorted(seconds)
        if len(ordered) < MIN_COUNT:
            return cls(len(ordered), None, None)
        return cls(len(ordered), median(ordered), nearest_rank(ordered, 0.9))


def minutes(seconds: float | None) -> str:
    """Seconds as minutes with one decimal for CSV and the command line; "" when withheld."""
    return "" if seconds is None else f"{seconds / 60:.1f}"
