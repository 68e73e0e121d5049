"""Dashboard benchmark: page times with a million events, on SQLite and on PostgreSQL.

For each engine: a fresh database is filled by the demo-data generator (1,000,000 events over 365 days by
default), then the real web application is served on a local port and each dashboard page is requested
over HTTP as a logged-in coordinator. Every page is timed cold once (right after the fill, when its days
are still to be rolled up), then warm: one warm-up request and RUNS timed ones (median, 95th percentile,
worst). Writes benchmarks/reports/stats.md.

    .venv/bin/python benchmarks/stats_bench.py [--events N] [--days D] [--runs R] [--engines sqlite,postgres]

PostgreSQL: a database `firststeps_stats_bench` is created (and dropped first) on the server of
STATS_BENCH_POSTGRES (default postgresql+asyncpg://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import ConsoleSettings  # noqa: E402
from bot.core.dialogue import Dialogue  # noqa: E402
from bot.stats import demo, rollup  # noqa: E402
from bot.stats.period import local_day  # noqa: E402
from bot.storage.engine import create_engine, sessionmaker, upgrade  # noqa: E402
from bot.storage.models import Event, StatsDaily, utcnow  # noqa: E402
from bot.storage.staff_repo import StaffRepository  # noqa: E402
from bot.web.app import init_app  # noqa: E402
from bot.web.auth import SESSION_COOKIE  # noqa: E402
from content.guide import Guide  # noqa: E402
from nlu import LanguageHint, Parse  # noqa: E402

PG_SERVER = os.environ.get("STATS_BENCH_POSTGRES", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
PG_DATABASE = "firststeps_stats_bench"
BUDGET_MS = 500


class NoUnderstanding:
    """The dashboard never asks the understanding layer; the application only needs one to exist."""

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse:
        raise NotImplementedError


def pages() -> list[tuple[str, str]]:
    """(what, path) of every page and download timed, relative to today."""
    today = local_day(utcnow())
    year = f"period=custom&from={today - timedelta(days=364)}&to={today}"
    quarter = f"period=custom&from={today - timedelta(days=89)}&to={today}"
    half = f"period=custom&from={today - timedelta(days=179)}&to={today}"
    last_month = today.replace(day=1) - timedelta(days=1)
    return [
        ("overview, today (hourly, live)", "/console/dashboard?period=day"),
        ("overview, this week", "/console/dashboard?period=week"),
        ("overview, this month", "/console/dashboard?period=month"),
        ("overview, last month (all rolled up)", f"/console/dashboard?period=month&date={last_month}"),
        ("overview, 90 days", f"/console/dashboard?{quarter}"),
        ("overview, 180 days (against the 180 before)", f"/console/dashboard?{half}"),
        ("overview, 365 days", f"/console/dashboard?{year}"),
        ("domain page (legal), this month", "/console/dashboard/domain?period=month&domain=legal"),
        ("topic page (legal.pesel), this month", "/console/dashboard/topic?period=month&topic=legal.pesel"),
        ("district page (gdansk), this month", "/console/dashboard/district?period=month&district=gdansk"),
        ("CSV: topics, this month", "/console/dashboard/csv?period=month&table=topics"),
        (
            "CSV: topics × districts (topic page), 365 days",
            f"/console/dashboard/csv?{year}&page=topic&topic=legal.pesel&table=districts",
        ),
        ("CSV: one row per conversation, this month", "/console/dashboard/conversations.csv?period=month"),
    ]


@dataclass
class Timing:
    what: str
    cold_ms: float
    runs_ms: list[float]
    size: int
    cpu_ms: list[float]
    first_byte_ms: float | None = None

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def median(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.runs_ms)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]


@dataclass
class EngineResult:
    engine: str
    fill_s: float
    events: int
    conversations: int
    cases: int
    rollup_rows: int
    timings: list[Timing]
    full_rollup_s: float
    load: tuple[float, float]


async def _postgres_url() -> str:
    server = create_engine(PG_SERVER)
    async with server.connect() as connection:
        connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text(f"DROP DATABASE IF EXISTS {PG_DATABASE}"))
        await connection.execute(text(f"CREATE DATABASE {PG_DATABASE}"))
    await server.dispose()
    return make_url(PG_SERVER).set(database=PG_DATABASE).render_as_string(hide_password=False)


async def _login(sessions: async_sessionmaker[AsyncSession]) -> str:
    async with sessions() as session:
        repo = StaffRepository(session)
        await repo.add("bench", "a long benchmark password", "coordinator")
        await session.commit()
        result = await repo.login(
            "bench",
            "a long benchmark password",
            max_failures=5,
            lockout=timedelta(minutes=1),
            session_length=timedelta(hours=2),
        )
        await session.commit()
    assert result.token is not None
    return result.token


async def _fetch(client: aiohttp.ClientSession, url: str) -> tuple[float, int, float]:
    """(milliseconds until the whole response was read, its size, CPU milliseconds of this process).

    Server and client share this process, so the CPU time covers the whole request: the application,
    SQLite's work (in-process) and reading the response; PostgreSQL's own work is in its server process.
    """
    started, cpu = time.perf_counter(), time.process_time()
    async with client.get(url, allow_redirects=False) as response:
        body = await response.read()
        assert response.status == 200, (url, response.status)
    return (time.perf_counter() - started) * 1000, len(body), (time.process_time() - cpu) * 1000


async def _first_byte(client: aiohttp.ClientSession, url: str) -> float:
    """Milliseconds until the first bytes of the body arrive (for the streamed export)."""
    started = time.perf_counter()
    async with client.get(url, allow_redirects=False) as response:
        await response.content.readany()
        first = (time.perf_counter() - started) * 1000
        await response.read()
    return first


async def _time_pages(
    app: web.Application, token: str, runs: int, settle: Callable[[], Awaitable[float]]
) -> tuple[list[Timing], float]:
    """Every page once cold (in order), then `settle()` (rollups, ANALYZE), then each page warm."""
    server = TestServer(app)
    await server.start_server()
    try:
        headers = {"Cookie": f"{SESSION_COOKIE}={token}", "Accept-Language": "pl"}
        async with aiohttp.ClientSession(headers=headers) as client:
            cold = {}
            for what, path in pages():
                cold[what] = await _fetch(client, str(server.make_url(path)))
                print(f"  {what}: cold {cold[what][0]:.0f} ms", flush=True)
            settled = await settle()
            timings = []
            for what, path in pages():
                url = str(server.make_url(path))
                await _fetch(client, url)
                fetched = [await _fetch(client, url) for _ in range(runs)]
                runs_ms, cpu_ms = [f[0] for f in fetched], [f[2] for f in fetched]
                first = await _first_byte(client, url) if "conversations.csv" in path else None
                timings.append(Timing(what, cold[what][0], runs_ms, cold[what][1], cpu_ms, first))
                print(f"  {what}: warm median {statistics.median(runs_ms):.0f} ms", flush=True)
    finally:
        await server.close()
    return timings, settled


async def bench(engine_name: str, events: int, days: int, runs: int, work: Path) -> EngineResult:
    url = (
        f"sqlite+aiosqlite:///{work / 'bench.sqlite3'}" if engine_name == "sqlite" else await _postgres_url()
    )
    engine = create_engine(url)
    try:
        await upgrade(engine)
        sessions = sessionmaker(engine)
        guide = Guide.from_files(
            ROOT / "content/topics", ROOT / "content/domains.yml", ROOT / "content/directory"
        )
        shape = demo.Shape(
            [(t.id, t.domain) for t in guide.topics.values()], [d.id for d in guide.directory.districts]
        )
        print(f"{engine_name}: generating about {events} events over {days} days", flush=True)
        started = time.perf_counter()
        made = await demo.generate(sessions, shape, events=events, days=days)
        fill = time.perf_counter() - started
        async with engine.connect() as connection:
            await connection.execute(text("ANALYZE"))
            await connection.commit()
        print(f"  {made.events} events in {fill:.0f} s", flush=True)
        token = await _login(sessions)
        app = init_app(Dialogue(guide, NoUnderstanding(), sessions), sessions, ConsoleSettings())

        async def settle() -> float:
            """Roll up what no page asked for, and refresh the planner's statistics (as autovacuum would)."""
            started = time.perf_counter()
            await rollup.roll_up(sessions, made.first_day, made.last_day)
            took = time.perf_counter() - started
            async with engine.connect() as connection:
                await connection.execute(text("ANALYZE"))
                await connection.commit()
            return took

        load_before = os.getloadavg()[0]
        timings, full_rollup = await _time_pages(app, token, runs, settle)
        load = (load_before, os.getloadavg()[0])
        async with sessions() as session:
            rollup_rows = int(await session.scalar(select(func.count()).select_from(StatsDaily)) or 0)
            assert await session.scalar(select(func.count()).select_from(Event)) == made.events
        return EngineResult(
            engine_name,
            fill,
            made.events,
            made.conversations,
            made.cases,
            rollup_rows,
            timings,
            full_rollup,
            load,
        )
    finally:
        await engine.dispose()


def report(results: list[EngineResult], runs: int, events: int, days: int) -> str:
    lines = [
        "# Dashboard with a million events",
        "",
        f"`benchmarks/stats_bench.py` on this machine ({os.cpu_count()} cores, {platform.machine()}), Python "
        f"{sys.version.split()[0]}. Each engine gets a fresh database filled by the demo-data generator "
        f"(about {events:,} events over {days} days, with their conversations and handoff cases) and "
        "ANALYZE; the real web application is served on a local port and each page is fetched over HTTP by a "
        "logged-in coordinator, the whole response read. *Cold*: each page's first request right after the "
        "fill, which also rolls up the days (and months) the page needs, pages in the order listed. Then the "
        "remaining days are rolled up and ANALYZE runs again (as autovacuum would), and each page is timed "
        f"*warm*: one request to warm up, then {runs} timed. *CPU* is the processor time this process "
        "spent per warm request (the application, SQLite's work, which runs in-process, and reading the "
        "response); unlike the wall-clock times it hardly grows when other work competes for the cores. "
        "PostgreSQL's own work runs in its server process and is not in it.",
        "",
    ]
    for result in results:
        # The per-conversation export is a download streamed while it is read, not a page.
        page_timings = [t for t in result.timings if t.first_byte_ms is None]
        worst = max(t.p95 for t in page_timings)
        export = next((t for t in result.timings if t.first_byte_ms is not None), None)
        lines += [
            f"## {'SQLite' if result.engine == 'sqlite' else 'PostgreSQL'}",
            "",
            f"{result.events:,} events, {result.conversations:,} conversations, "
            f"{result.cases:,} handoff cases; filled in {result.fill_s:.0f} s. "
            f"Rollup rows after the run: {result.rollup_rows:,}. "
            f"Rolling up the days no page had asked for took {result.full_rollup_s:.1f} s. "
            f"Load average of the machine (1 min) before and after the page timings: "
            f"{result.load[0]:.1f} and {result.load[1]:.1f}.",
            "",
            "| page | cold | warm median | warm p95 | warm worst | CPU (median) | response |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *(
                f"| {t.what} | {t.cold_ms:.0f} ms | {t.median:.0f} ms | {t.p95:.0f} ms "
                f"| {max(t.runs_ms):.0f} ms | {t.cpu:.0f} ms | {t.size / 1024:.0f} KiB |"
                for t in result.timings
            ),
            "",
            f"Every warm page and table download within {BUDGET_MS} ms (p95): "
            f"{'yes' if worst <= BUDGET_MS else 'NO'} (slowest p95 {worst:.0f} ms).",
            "",
        ]
        if export is not None and export.first_byte_ms is not None:
            lines += [
                f"The per-conversation export is streamed: its header row arrived after "
                f"{export.first_byte_ms:.0f} ms, the whole file ({export.size / 1024:.0f} KiB) after "
                f"{export.median:.0f} ms (median).",
                "",
            ]
    lines += [
        "## Reading the figures",
        "",
        "Warm pages read the rollups: whole months and weeks from their summed rows, the other days from "
        "daily rows, and only today from the events. *Cold* times are paid once per day (or week, month) of "
        "history: the first request after a day ends rolls it up, in normal use some tens of milliseconds. "
        "A page that is the first ever to ask for months of history (here right after a bulk fill) rolls "
        "all of them up in that request; `firststeps stats --rebuild` does this ahead of time after an "
        "import or an upgrade, and `firststeps demo-data` leaves its data rolled up.",
        "",
    ]
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="firststeps-stats-bench-"))
    results = []
    try:
        for engine_name in args.engines.split(","):
            results.append(await bench(engine_name, args.events, args.days, args.runs, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text_report = report(results, args.runs, args.events, args.days)
    (ROOT / "benchmarks" / "reports" / "stats.md").write_text(text_report)
    print(text_report)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--engines", default="sqlite,postgres")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
