"""`firststeps stats` and `firststeps demo-data`: the dashboard's figures for scripts, and demo activity.

`stats` prints the very tables the dashboard shows (the same "<5" rule), as aligned text, JSON or CSV;
`demo-data` fills a fresh database with generated activity and rolls it up, so the dashboard can be seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import IO, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.stats import demo, rollup
from bot.stats.background import roll_up_everything
from bot.stats.cells import Table, csv_value
from bot.stats.export import conversations_csv, table_csv
from bot.stats.names import PlainNames
from bot.stats.period import Period, PeriodError, local_day, parse_period
from bot.stats.report import overview
from bot.stats.tables import OVERVIEW_TABLES
from bot.storage.engine import create_engine, ensure_schema, sessionmaker
from bot.storage.models import utcnow
from content.guide import Guide, load_directory, load_domains


@asynccontextmanager
async def _database(settings: Settings) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(settings.database_url)
    try:
        await ensure_schema(engine, settings.database.auto_upgrade)
        yield sessionmaker(engine)
    finally:
        await engine.dispose()


def _period(args: argparse.Namespace) -> Period:
    query = {"period": args.period, "date": args.date or "", "from": args.first or "", "to": args.last or ""}
    return parse_period(query, local_day(utcnow()))


def _json_cell(cell: Any) -> Any:
    """Numbers as numbers; "<5" and bounds as text; withheld figures as null."""
    text = csv_value(cell)
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def as_json(period: Period, tables: Sequence[Table]) -> str:
    return json.dumps(
        {
            "period": {"kind": period.kind, "from": period.start.isoformat(), "to": period.end.isoformat()},
            "previous": {
                "from": period.previous().start.isoformat(),
                "to": period.previous().end.isoformat(),
            },
            "tables": {
                t.id: [
                    {
                        c.id: _json_cell(cell)
                        for c, cell in zip(t.columns, row.cells, strict=True)
                        if c.kind != "name"
                    }
                    for row in t.rows
                ]
                for t in tables
            },
        },
        ensure_ascii=False,
        indent=1,
    )


def as_text(period: Period, tables: Sequence[Table]) -> str:
    """Aligned plain-text tables (ids, not names: this output is for scripts and terminals)."""
    previous = period.previous()
    lines = [
        f"period {period.start}..{period.end} ({period.kind}), compared with {previous.start}..{previous.end}"
    ]
    for table in tables:
        keep = [i for i, c in enumerate(table.columns) if c.kind != "name"]
        grid = [[table.columns[i].id for i in keep]]
        grid += [[csv_value(row.cells[i]) or "-" for i in keep] for row in table.rows]
        widths = [max(len(r[i]) for r in grid) for i in range(len(keep))]
        lines += ["", f"## {table.id}"]
        lines += [
            "  ".join(
                v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in grid
        ]
    return "\n".join(lines)


async def _rebuild(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Recount every rollup from the events now, so that no page has to wait for it later."""
    await rollup.clear(sessions)
    await roll_up_everything(sessions)


async def stats(settings: Settings, args: argparse.Namespace, out: IO[str]) -> int:
    """Print the dashboard's figures for a period; 2 for a malformed period."""
    try:
        period = _period(args)
    except PeriodError as exc:
        print(f"firststeps stats: {exc}", file=sys.stderr)
        return 2
    names = PlainNames(
        load_domains(settings.content.domains_file), load_directory(settings.content.directory_dir)
    )
    async with _database(settings) as sessions:
        if args.rebuild:
            await _rebuild(sessions)
        if args.conversations:
            async for chunk in conversations_csv(sessions, period):
                out.write(chunk)
            return 0
        report = await overview(sessions, period)
    tables = [build(report, names) for build in OVERVIEW_TABLES.values()]
    if args.csv and args.csv not in OVERVIEW_TABLES:
        print(f"firststeps stats: --csv: expected one of {', '.join(OVERVIEW_TABLES)}", file=sys.stderr)
        return 2
    if args.csv:
        out.write(table_csv(next(t for t in tables if t.id == args.csv)))
    else:
        print(as_json(period, tables) if args.json else as_text(period, tables), file=out)
    return 0


async def demo_data(settings: Settings, args: argparse.Namespace, out: IO[str]) -> int:
    """Fill a fresh database with generated activity; 2 if it already has events."""
    content = settings.content
    guide = Guide.from_files(content.topics_dir, content.domains_file, content.directory_dir)
    shape = demo.Shape(
        [(t.id, t.domain) for t in guide.topics.values()], [d.id for d in guide.directory.districts]
    )
    async with _database(settings) as sessions:
        if not await demo.is_empty(sessions):
            print("firststeps demo-data: this database already has events; use a fresh one", file=sys.stderr)
            return 2
        made = await demo.generate(sessions, shape, events=args.events, days=args.days, seed=args.seed)
        rolled = await rollup.roll_up(sessions, made.first_day, made.last_day)
    print(
        f"generated {made.conversations} conversations, {made.events} events and {made.cases} handoff cases "
        f"from {made.first_day} to {made.last_day}; {rolled} days rolled up.\n"
        "See them at /console/dashboard as a coordinator "
        "(firststeps user add NAME --role coordinator).",
        file=out,
    )
    return 0
