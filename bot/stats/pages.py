"""What each dashboard page shows: headline figures, charts and tables, ready for a template or a CSV file.

Charts are drawn from the tables (after the "<5" rule), so a chart, its table and its CSV file always
agree. Nothing here knows about HTTP; `bot.web.dashboard` serves these pages.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats import charts
from bot.stats.cells import Row, Table
from bot.stats.display import Display
from bot.stats.names import Names, _
from bot.stats.period import Period
from bot.stats.privacy import Change, Count, Share
from bot.stats.report import Granularity, Report, district_detail, overview, topic_detail
from bot.stats.tables import (
    OVERVIEW_TABLES,
    detail_languages_table,
    helpfulness_table,
    split_table,
    topics_table,
)

BASE = "/console/dashboard"
# Ids as the guide writes them; a page for an id the guide no longer has still shows its history.
TOPIC_ID = re.compile(r"^[a-z]+\.[a-z0-9_]+$")
DOMAIN_ID = re.compile(r"^[a-z]+$")
DISTRICT_ID = re.compile(r"^[a-z_]+$")
ChartKind = Literal["hbar", "stacked", "line", "diverging"]
TOP_TOPICS = 10


@dataclass(frozen=True)
class Kpi:
    """A headline figure with the previous period's and the change, already written out."""

    label: str
    value: str
    previous: str | None = None
    change: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Chart:
    """A chart and the table it is drawn from (for its CSV link)."""

    id: str
    title: str
    kind: ChartKind
    shape: object
    table: str
    legend: list[tuple[str, str]] = field(default_factory=list)
    note: str | None = None


@dataclass
class Page:
    """One dashboard page; `tables` are in the order shown and each can be downloaded as CSV."""

    name: str
    title: str
    period: Period
    subject: str = ""
    kpis: list[Kpi] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    #: Tables offered as CSV only (the data of a chart, too long to print on the page).
    csv_only: tuple[str, ...] = ()

    def shown_tables(self) -> list[tuple[str, Table]]:
        return [(name, table) for name, table in self.tables.items() if name not in self.csv_only]

    def href(self, target: str, /, **params: str) -> str:
        """A link to a page (or a CSV file) for the same period."""
        path = BASE if target == "overview" else f"{BASE}/{target}"
        return f"{path}?{urlencode({**self.period.query(), **params})}"

    def row_href(self, row: Row) -> str | None:
        return self.href(row.link[0], **{row.link[0]: row.link[1]}) if row.link else None

    def csv_href(self, table: str) -> str:
        subject = {self.name: self.subject} if self.subject else {}
        return self.href("csv", page=self.name, table=table, **subject)

    def period_href(self, period: Period) -> str:
        """This page for another period."""
        path = BASE if self.name == "overview" else f"{BASE}/{self.name}"
        subject = {self.name: self.subject} if self.subject else {}
        return f"{path}?{urlencode({**period.query(), **subject})}"


@dataclass(frozen=True)
class Context:
    """What every page builder gets."""

    sessions: async_sessionmaker[AsyncSession]
    period: Period
    names: Names
    display: Display
    now: datetime | None = None

    def label(self, text: str) -> str:
        return self.names.label(text)


def _count_kpi(ctx: Context, label: str, now: int, before: int) -> Kpi:
    d = ctx.display
    return Kpi(ctx.label(label), d.count(Count(now)), d.count(Count(before)), d.change(Change(now, before)))


def _bars(
    page: Page, ctx: Context, table: Table, column: str, limit: int | None = None, nonzero: bool = False
) -> charts.HBarChart:
    """Horizontal bars of one count column, labelled by the table's names, linked like its rows."""
    rows = [
        (str(name), count, page.row_href(row))
        for name, count, row in zip(table.column("name"), table.column(column), table.rows, strict=True)
        if isinstance(count, Count) and (count.n or not nonzero)
    ]
    return charts.hbars(rows[:limit], ctx.display.count)


def _thumbs(page: Page, ctx: Context, table: Table, limit: int = 15) -> charts.DivergingChart:
    rows = []
    for row in table.rows[:limit]:
        name, up, down = row.cells[1], row.cells[2], row.cells[3]
        if isinstance(up, Count) and isinstance(down, Count):
            rows.append((str(name), up, down, page.row_href(row)))
    return charts.diverging(rows, ctx.display.count)


def _bucket_label(start: date, hour: int | None, unit: Granularity, display: Display) -> str:
    if hour is not None:
        return f"{hour:02d}:00"
    return display.day(start, short=unit != "month")


def _timeline_charts(ctx: Context, report: Report, table: Table) -> list[Chart]:
    display = ctx.display
    labels = [_bucket_label(b.start, b.hour, report.unit, display) for b in report.timeline]
    series = []
    for i, column in enumerate(c for c in table.columns if c.id.startswith("domain_")):
        counts = [c for c in table.column(column.id) if isinstance(c, Count)]
        css = "s-none" if column.id == "domain_none" else f"s{i % 10}"
        series.append((column.label, css, counts))
    legend = [(css, name) for name, css, counts in series if any(c.n for c in counts)]
    stacked = charts.stacked(labels, series, display.count, display.number)
    shares = [c for c in table.column("unanswered_percent") if isinstance(c, Share)]
    before = Share(report.previous.unanswered, report.previous.questions)
    reference = ctx.label(_("previous period: {share}")).format(share=display.share(before))
    line = charts.rate_line(labels, shares, display.share, display.percent, before, reference)
    return [
        Chart(
            "timeline", ctx.label(_("Questions over time, by domain")), "stacked", stacked, "timeline", legend
        ),
        Chart(
            "unanswered",
            ctx.label(_("Unanswered questions: share over time")),
            "line",
            line,
            "timeline",
            note=ctx.label(_("Dashed line: the previous period as a whole.")),
        ),
    ]


#: The summary rows shown as cards, and the row whose value is the card's note ("90% within …").
CARDS = {
    "questions": None,
    "unanswered_percent": None,
    "conversations": None,
    "escalations": None,
    "first_response_median_minutes": "first_response_p90_minutes",
    "resolution_median_minutes": "resolution_p90_minutes",
    "helpful_percent": None,
}


def _cards(ctx: Context, summary: Table) -> list[Kpi]:
    """Headline cards from the summary table, so the cards and `firststeps stats` show the same."""
    rows = {str(row.cells[0]): row for row in summary.rows}
    d = ctx.display
    cards = []
    for key, note_key in CARDS.items():
        name, value, previous, change = rows[key].cells[1:]
        note = None
        if note_key is not None:
            p90 = d.cell(rows[note_key].cells[2])
            note = ctx.label(_("90% within {time}")).format(time=p90)
        change_text = d.cell(change) if isinstance(change, Change) else None
        cards.append(Kpi(str(name), d.cell(value), d.cell(previous), change_text, note))
    return cards


async def overview_page(ctx: Context, subject: str = "") -> Page | None:
    """The dashboard: every figure of the period, against the previous period."""
    report = await overview(ctx.sessions, ctx.period, ctx.now)
    page = Page("overview", ctx.label(_("Statistics")), ctx.period, csv_only=("timeline",))
    page.tables = {name: build(report, ctx.names) for name, build in OVERVIEW_TABLES.items()}
    tables = page.tables
    page.kpis = _cards(ctx, tables["summary"])
    page.charts = [
        *_timeline_charts(ctx, report, tables["timeline"]),
        Chart(
            "domains",
            tables["domains"].title,
            "hbar",
            _bars(page, ctx, tables["domains"], "questions"),
            "domains",
        ),
        Chart(
            "topics",
            ctx.label(_("Top topics")),
            "hbar",
            _bars(page, ctx, tables["topics"], "questions", TOP_TOPICS, nonzero=True),
            "topics",
        ),
        Chart(
            "languages",
            tables["languages"].title,
            "hbar",
            _bars(page, ctx, tables["languages"], "questions"),
            "languages",
        ),
        Chart(
            "escalations",
            tables["escalations"].title,
            "hbar",
            _reasons(page, ctx, tables["escalations"]),
            "escalations",
        ),
        Chart(
            "districts",
            tables["districts"].title,
            "hbar",
            _bars(page, ctx, tables["districts"], "questions"),
            "districts",
        ),
        Chart(
            "helpfulness",
            tables["helpfulness"].title,
            "diverging",
            _thumbs(page, ctx, tables["helpfulness"]),
            "helpfulness",
        ),
    ]
    return page


def _reasons(page: Page, ctx: Context, table: Table) -> charts.HBarChart:
    rows = [row for row in table.rows if row.cells[0] != "all"]
    return _bars(page, ctx, Table(table.id, table.title, table.columns, rows), "cases")


async def domain_page(ctx: Context, subject: str) -> Page | None:
    """One domain: its topics, with their thumbs up and down."""
    if not DOMAIN_ID.match(subject):
        return None
    report = await overview(ctx.sessions, ctx.period, ctx.now)
    page = Page("domain", ctx.names.domain(subject), ctx.period, subject)
    topics = topics_table(report, ctx.names, subject)
    helpful = helpfulness_table(report, ctx.names, subject)
    page.tables = {"topics": topics, "helpfulness": helpful}
    now, before = report.current.domains()[subject], report.previous.domains()[subject]
    page.kpis = [_count_kpi(ctx, _("Questions"), now, before)]
    page.charts = [
        Chart("topics", topics.title, "hbar", _bars(page, ctx, topics, "questions"), "topics"),
        Chart("helpfulness", helpful.title, "diverging", _thumbs(page, ctx, helpful), "helpfulness"),
    ]
    return page


async def topic_page(ctx: Context, subject: str) -> Page | None:
    """One topic: where and in which languages it was asked, and how helpful it was."""
    if not TOPIC_ID.match(subject):
        return None
    detail = await topic_detail(ctx.sessions, ctx.period, subject, ctx.now)
    page = Page("topic", ctx.names.topic(subject), ctx.period, subject)
    places, languages = split_table(detail, ctx.names, "district"), detail_languages_table(detail, ctx.names)
    page.tables = {"districts": places, "languages": languages}
    up, down = detail.feedback or (0, 0)
    page.kpis = [
        _count_kpi(ctx, _("Answered questions"), detail.questions, detail.previous_questions),
        Kpi(ctx.label(_("Offered when unsure")), ctx.display.count(Count(detail.unanswered))),
        Kpi(ctx.label(_("Helpful answers")), ctx.display.share(Share(up, up + down))),
    ]
    page.charts = [
        Chart("districts", places.title, "hbar", _bars(page, ctx, places, "questions"), "districts"),
        Chart("languages", languages.title, "hbar", _bars(page, ctx, languages, "questions"), "languages"),
    ]
    return page


async def district_page(ctx: Context, subject: str) -> Page | None:
    """One district: what is asked there, and in which languages."""
    if not DISTRICT_ID.match(subject):
        return None
    detail = await district_detail(ctx.sessions, ctx.period, subject, ctx.now)
    page = Page("district", ctx.names.district(subject), ctx.period, subject)
    topics, languages = split_table(detail, ctx.names, "topic"), detail_languages_table(detail, ctx.names)
    page.tables = {"topics": topics, "languages": languages}
    page.kpis = [
        _count_kpi(ctx, _("Questions"), detail.questions, detail.previous_questions),
        Kpi(ctx.label(_("Unanswered")), ctx.display.share(Share(detail.unanswered, detail.questions))),
    ]
    page.charts = [
        Chart(
            "topics",
            ctx.label(_("Top topics")),
            "hbar",
            _bars(page, ctx, topics, "questions", 15, True),
            "topics",
        ),
        Chart("languages", languages.title, "hbar", _bars(page, ctx, languages, "questions"), "languages"),
    ]
    return page


#: Pages by name: the page's path below /console/dashboard and the `page` of its CSV links.
PAGES: dict[str, Callable[[Context, str], Awaitable[Page | None]]] = {
    "overview": overview_page,
    "domain": domain_page,
    "topic": topic_page,
    "district": district_page,
}
