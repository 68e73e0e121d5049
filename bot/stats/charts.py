"""Chart geometry for server-rendered SVG: bars, stacked bars over time and a rate line.

Charts are drawn from table cells, after the "<5" rule, never from raw counts: a hidden count is drawn as
a hatched stub of fixed size and labelled "<5", so a chart cannot show what its table hides. The pages
run under a strict Content-Security-Policy (no scripts, no inline styles), so templates turn these
shapes into SVG elements with attributes and CSS classes only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.stats.definitions import MIN_COUNT
from bot.stats.privacy import Count, Share

#: Bar charts sit in half-width cards, charts over time span the page: viewBoxes close to their size on
#: screen keep the text at its CSS size.
WIDTH = 480
WIDE = 1100
ROW = 22
#: How tall or long a hidden count is drawn, in counts: half-way up the hidden range.
HIDDEN_SIZE = MIN_COUNT / 2


def drawn(count: Count) -> float:
    """The size a count is drawn at."""
    return HIDDEN_SIZE if count.hidden else count.n


def nice_ceiling(value: float) -> float:
    """A round axis maximum at or above value (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    power: float = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1.0, 2.0, 2.5, 5.0, 10.0) if step * power >= value)


def ticks(maximum: float) -> list[float]:
    """Round gridline values from 0 to a `nice_ceiling` maximum (steps of 1, 2 or 5 times a power of ten)."""
    leading = maximum / 10 ** math.floor(math.log10(maximum))
    count = {1.0: 5, 2.0: 4, 2.5: 5, 5.0: 5}.get(round(leading, 1), 4)
    return [maximum * i / count for i in range(count + 1)]


@dataclass(frozen=True)
class HBar:
    """One labelled horizontal bar; `value` is the text shown after it."""

    label: str
    value: str
    y: float
    length: float
    hidden: bool
    href: str | None = None
    css: str = ""


@dataclass(frozen=True)
class HBarChart:
    width: int
    height: int
    label_width: int
    bars: list[HBar]


def hbars(
    rows: Sequence[tuple[str, Count, str | None]],
    fmt: Callable[[Count], str],
    label_width: int = 215,
    css: Callable[[int], str] = lambda _: "",
) -> HBarChart:
    """Horizontal bars: (label, count, link) per row, in the given order."""
    scale = WIDTH - label_width - 70
    top = max((drawn(count) for _, count, _ in rows), default=0) or 1
    bars = [
        HBar(label, fmt(count), 4 + i * ROW, scale * drawn(count) / top, count.hidden, href, css(i))
        for i, (label, count, href) in enumerate(rows)
    ]
    return HBarChart(WIDTH, 8 + len(rows) * ROW, label_width, bars)


@dataclass(frozen=True)
class Diverging:
    """One topic's thumbs: down to the left of the middle, up to the right."""

    label: str
    up: str
    down: str
    y: float
    up_length: float
    down_length: float
    up_hidden: bool
    down_hidden: bool
    href: str | None


@dataclass(frozen=True)
class DivergingChart:
    width: int
    height: int
    label_width: int
    middle: float
    bars: list[Diverging]


def diverging(
    rows: Sequence[tuple[str, Count, Count, str | None]], fmt: Callable[[Count], str]
) -> DivergingChart:
    """Thumbs up and down per row: (label, up, down, link)."""
    label_width = 215
    middle = label_width + (WIDTH - label_width) / 2
    half = (WIDTH - label_width) / 2 - 40
    top = max((max(drawn(up), drawn(down)) for _, up, down, _ in rows), default=0) or 1
    bars = [
        Diverging(
            label,
            fmt(up),
            fmt(down),
            4 + i * ROW,
            half * drawn(up) / top,
            half * drawn(down) / top,
            up.hidden,
            down.hidden,
            href,
        )
        for i, (label, up, down, href) in enumerate(rows)
    ]
    return DivergingChart(WIDTH, 8 + len(rows) * ROW, label_width, middle, bars)


@dataclass(frozen=True)
class Segment:
    y: float
    height: float
    css: str
    title: str
    hidden: bool


@dataclass(frozen=True)
class Column:
    x: float
    width: float
    label: str | None
    title: str
    segments: list[Segment]


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class StackedChart:
    width: int
    height: int
    left: int
    bottom: float
    columns: list[Column]
    ticks: list[Tick]


PLOT_TOP, PLOT_LEFT, PLOT_HEIGHT = 10, 48, 200


def _x_labels(labels: Sequence[str], most: int = 12) -> list[str | None]:
    every = max(1, math.ceil(len(labels) / most))
    return [label if i % every == 0 else None for i, label in enumerate(labels)]


def stacked(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Count]]],
    fmt: Callable[[Count], str],
    number: Callable[[float], str],
) -> StackedChart:
    """Stacked columns over time: series are (name, css class, one count per label)."""
    heights = [sum(drawn(counts[i]) for _, _, counts in series) for i in range(len(labels))]
    top = nice_ceiling(max(heights, default=0))
    band = (WIDE - PLOT_LEFT - 10) / max(len(labels), 1)
    bottom: float = PLOT_TOP + PLOT_HEIGHT
    columns = []
    for i, (label, shown_label) in enumerate(zip(labels, _x_labels(labels), strict=True)):
        y, segments = bottom, list[Segment]()
        for name, css, counts in series:
            count = counts[i]
            if count.n == 0:
                continue
            height = PLOT_HEIGHT * drawn(count) / top
            y -= height
            segments.append(Segment(y, height, css, f"{label} · {name}: {fmt(count)}", count.hidden))
        x = PLOT_LEFT + i * band + band * 0.1
        columns.append(Column(x, band * 0.8, shown_label, label, segments))
    marks = [Tick(bottom - PLOT_HEIGHT * value / top, number(value)) for value in ticks(top)]
    return StackedChart(WIDE, int(bottom + 28), PLOT_LEFT, bottom, columns, marks)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    bottom: float
    path: str
    points: list[Point]
    ticks: list[Tick]
    labels: list[tuple[float, str]]
    reference: float | None
    reference_title: str


def rate_line(
    labels: Sequence[str],
    shares: Sequence[Share],
    percent: Callable[[Share], str],
    number: Callable[[float], str],
    reference: Share | None = None,
    reference_title: str = "",
) -> LineChart:
    """A share over time (0-100 %), with gaps where it may not be shown, and an optional reference line."""
    values = [s.value for s in shares if s.value is not None and not s.bounded]
    if reference is not None and (reference.bounded or reference.value is None):
        reference = None
    if reference is not None and reference.value is not None:
        values.append(reference.value)
    top = min(1.0, nice_ceiling(max(values, default=0.1) * 100) / 100)
    band = (WIDE - PLOT_LEFT - 10) / max(len(labels), 1)
    bottom = PLOT_TOP + PLOT_HEIGHT

    def y_of(value: float) -> float:
        return bottom - PLOT_HEIGHT * value / top

    points, path, pen_down = [], [], False
    for i, (label, share) in enumerate(zip(labels, shares, strict=True)):
        if share.value is None or share.bounded:
            # A bound is no measurement: the line breaks there, and the table gives the bound.
            pen_down = False
            continue
        x, y = PLOT_LEFT + (i + 0.5) * band, y_of(share.value)
        path.append(f"{'L' if pen_down else 'M'}{x:.1f} {y:.1f}")
        pen_down = True
        points.append(Point(x, y, f"{label}: {percent(share)}"))
    marks = [Tick(y_of(v), number(v)) for v in ticks(top)]
    shown = [(PLOT_LEFT + (i + 0.5) * band, label) for i, label in enumerate(_x_labels(labels)) if label]
    line = y_of(reference.value) if reference is not None and reference.value is not None else None
    return LineChart(
        WIDE,
        int(bottom + 28),
        PLOT_LEFT,
        bottom,
        " ".join(path),
        points,
        marks,
        shown,
        line,
        reference_title,
    )
