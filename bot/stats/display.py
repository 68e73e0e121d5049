"""Numbers, shares, changes and durations written for people, in the console language.

Only already-masked cells come in (see `bot.stats.privacy`): this module decides how they look, never
whether they may be shown.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date, format_interval
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from bot.stats.cells import Cell, Duration
from bot.stats.period import Period
from bot.stats.privacy import HIDDEN, Change, Count, Share

DASH = "—"


@lru_cache(maxsize=4096)
def _decimal(value: float, language: str) -> str:
    # Babel parses the pattern and looks the locale up on every call; pages repeat the same few numbers.
    return format_decimal(value, format="#,##0.#", locale=language)


@lru_cache(maxsize=4096)
def _percent(value: float, language: str) -> str:
    return format_percent(value, format="#,##0.#%", locale=language)


class Display:
    """Formats cells for one language (uk, ru, en or pl)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def number(self, value: float) -> str:
        return _decimal(value, self.language)

    def count(self, count: Count) -> str:
        return HIDDEN if count.hidden else self.number(count.n)

    def percent(self, value: float) -> str:
        return _percent(round(value, 4), self.language)

    def share(self, share: Share) -> str:
        value = share.value
        if value is None:
            return DASH
        return share.bound + self.percent(value)

    def change(self, change: Change) -> str:
        value = change.value
        if value is None:
            return DASH
        return ("+" if value > 0 else "") + self.percent(value)

    def duration(self, duration: Duration) -> str:
        seconds = duration.seconds
        if seconds is None:
            return DASH
        if seconds < 90 * 60:
            return format_unit(round(seconds / 60), "duration-minute", length="short", locale=self.language)
        if seconds < 48 * 3600:
            hours = round(seconds / 3600, 1)
            return format_unit(hours, "duration-hour", length="short", locale=self.language)
        days = round(seconds / 86400, 1)
        return format_unit(days, "duration-day", length="short", locale=self.language)

    def cell(self, cell: Cell) -> str:
        """Any table cell as text."""
        if isinstance(cell, Count):
            return self.count(cell)
        if isinstance(cell, Share):
            return self.share(cell)
        if isinstance(cell, Change):
            return self.change(cell)
        if isinstance(cell, Duration):
            return self.duration(cell)
        return cell

    def day(self, day: date, short: bool = False) -> str:
        return format_date(day, format="d MMM" if short else "medium", locale=self.language)

    def span(self, period: Period) -> str:
        """The days of a period ("23–29 Nov 2026")."""
        if period.start == period.end:
            return self.day(period.start)
        return format_interval(period.start, period.end, skeleton="yMMMd", locale=self.language)
