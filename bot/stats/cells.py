"""The cells, rows and tables every statistics output is made of, and their plain-text form.

A cell is a label or a figure that already obeys the "<5" rule (`Count`, `Share`, `Change`, `Duration`);
pages format it for people (`bot.stats.display`), CSV files and `firststeps stats` with `csv_value`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from bot.stats.definitions import MIN_COUNT, UNKNOWN
from bot.stats.privacy import Change, Count, Share, minutes

ColumnKind = Literal["key", "name", "count", "share", "change", "duration"]


@dataclass(frozen=True)
class Duration:
    """A median or percentile in seconds; None when withheld (fewer than 5 cases)."""

    seconds: float | None


Cell = str | Count | Share | Change | Duration


@dataclass(frozen=True)
class Column:
    """`id` heads CSV files and command-line output; `label` (a UI string) heads the page's table."""

    id: str
    label: str
    kind: ColumnKind


@dataclass(frozen=True)
class Row:
    """Cells in column order, and what the row drills down to (a query parameter), if anything."""

    cells: tuple[Cell, ...]
    link: tuple[str, str] | None = None


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    columns: tuple[Column, ...]
    rows: list[Row] = field(default_factory=list)

    def column(self, column_id: str) -> list[Cell]:
        index = next(i for i, c in enumerate(self.columns) if c.id == column_id)
        return [row.cells[index] for row in self.rows]


def csv_value(cell: Cell) -> str:
    """The CSV and command-line form of a cell: "<5" for hidden counts, "" for withheld figures."""
    if isinstance(cell, Share | Change):
        return cell.percent()
    if isinstance(cell, Duration):
        return minutes(cell.seconds)
    return str(cell)


def shown_order(n: int) -> float:
    """Sort key for a count: hidden counts all sort as one value, below every shown count."""
    return MIN_COUNT - 0.5 if 0 < n < MIN_COUNT else n


def ranked(counts: Counter[str], keys: Iterable[str] = (), unknown_last: bool = True) -> list[str]:
    """Keys by count (largest first, hidden ones as equals, then by key), "not known" last."""
    every = set(counts) | set(keys)
    order = sorted(every, key=lambda k: (-shown_order(counts[k]), k))
    if unknown_last and UNKNOWN in order:
        order.remove(UNKNOWN)
        order.append(UNKNOWN)
    return order
