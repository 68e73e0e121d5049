"""The coordinators' statistics dashboard in the staff console: pages, CSV files, the conversation export.

Routes only translate HTTP: they read the period from the query string, ask `bot.stats.pages` for the
page, and render it, send one of its tables as CSV, or stream the per-conversation export. Every route is
for coordinators (and admins); downloads are written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlencode

from aiohttp import web

from bot.i18n import request_language
from bot.stats.display import Display
from bot.stats.export import conversations_csv, table_csv
from bot.stats.names import GuideNames, _
from bot.stats.pages import BASE, PAGES, Context, Page
from bot.stats.period import KINDS, PeriodError, local_day, neighbour, parse_period
from bot.storage.models import utcnow
from bot.storage.staff_repo import StaffRepository
from bot.web import console
from bot.web.auth import SESSIONS, RouteHandler, current_staff, requires
from content.guide import Guide

#: The published guide of the moment (titles and district names), read per request: editors may publish.
GUIDE: web.AppKey[Callable[[], Guide]] = web.AppKey("stats_guide")
CLOCK: web.AppKey[Callable[[], datetime]] = web.AppKey("stats_clock")
AREA = console.Area(BASE, _("Statistics"), frozenset({"coordinator"}))
ROLES = ("coordinator",)
#: Excel opens UTF-8 CSV files with Cyrillic and Polish letters correctly only with a byte order mark.
BOM = "\ufeff"
DOWNLOAD_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'"}


async def _context(request: web.Request) -> tuple[Context, str | None]:
    """The page's period (the current week when the query string is wrong, with the reason)."""
    now = request.app[CLOCK]()
    today, error = local_day(now), None
    try:
        period = parse_period(request.query, today)
    except PeriodError as exc:
        period, error = parse_period({}, today), str(exc)
    language = request_language()
    names = GuideNames(request.app[GUIDE](), language)
    return Context(request.app[SESSIONS], period, names, Display(language), now), error


def _back(ctx: Context) -> web.HTTPFound:
    return web.HTTPFound(f"{BASE}?{urlencode(ctx.period.query())}")


def _page_handler(name: str) -> RouteHandler:
    @requires(*ROLES)
    async def show(request: web.Request) -> web.Response:
        ctx, error = await _context(request)
        page = await PAGES[name](ctx, request.query.get(name, ""))
        if page is None:
            raise _back(ctx)
        return console.render("console/dashboard.html", request, _template_values(ctx, page, error))

    show.__name__ = f"dashboard_{name}"
    return show


def _template_values(ctx: Context, page: Page, error: str | None) -> dict[str, object]:
    today = local_day(ctx.now or utcnow())
    before, after = neighbour(page.period, False, today), neighbour(page.period, True, today)
    return {
        "page": page,
        "d": ctx.display,
        "error": error,
        "kinds": KINDS,
        "span": ctx.display.span(page.period),
        "previous_span": ctx.display.span(page.period.previous()),
        "earlier": page.period_href(before) if before else None,
        "later": page.period_href(after) if after else None,
        "action": BASE if page.name == "overview" else f"{BASE}/{page.name}",
        "crumb": _crumb(ctx, page),
    }


def _crumb(ctx: Context, page: Page) -> tuple[str, str] | None:
    """A topic page links back to its domain."""
    if page.name != "topic":
        return None
    domain = page.subject.split(".", 1)[0]
    return page.href("domain", domain=domain), ctx.names.domain(domain)


async def _audit(request: web.Request, target: str) -> None:
    async with request.app[SESSIONS]() as session:
        StaffRepository(session).audit(
            current_staff(request), "stats_export", target=target[:128], remote=(request.remote or "")[:64]
        )
        await session.commit()


def _filename(what: str, ctx: Context) -> str:
    return f"pierwsze-kroki-{what}-{ctx.period.start.isoformat()}-{ctx.period.end.isoformat()}.csv"


@requires(*ROLES)
async def csv_table(request: web.Request) -> web.Response:
    """GET /console/dashboard/csv?page=…&table=…: one table of one page, as shown on it, as CSV."""
    ctx, error = await _context(request)
    name, table = request.query.get("page", "overview"), request.query.get("table", "")
    if error is not None:
        raise web.HTTPBadRequest(text=error)
    page = await PAGES[name](ctx, request.query.get(name, "")) if name in PAGES else None
    if page is None or table not in page.tables:
        raise _back(ctx)
    what = f"{name}-{page.subject}-{table}" if page.subject else table
    if request.method != "HEAD":
        await _audit(request, f"{what} {ctx.period.start}..{ctx.period.end}")
    return web.Response(
        text=BOM + table_csv(page.tables[table]),
        content_type="text/csv",
        charset="utf-8",
        headers={**DOWNLOAD_HEADERS, "Content-Disposition": f'attachment; filename="{_filename(what, ctx)}"'},
    )


@requires(*ROLES)
async def conversations_export(request: web.Request) -> web.StreamResponse:
    """GET /console/dashboard/conversations.csv: one row per conversation, streamed as it is read."""
    ctx, error = await _context(request)
    if error is not None:
        raise web.HTTPBadRequest(text=error)
    response = web.StreamResponse(
        headers={
            **DOWNLOAD_HEADERS,
            "Content-Disposition": f'attachment; filename="{_filename("conversations", ctx)}"',
        }
    )
    response.content_type, response.charset = "text/csv", "utf-8"
    await response.prepare(request)
    if request.method == "HEAD":
        # A body after the headers of a HEAD response would be read as the next response.
        await response.write_eof()
        return response
    await _audit(request, f"conversations {ctx.period.start}..{ctx.period.end}")
    await response.write(BOM.encode())
    async for chunk in conversations_csv(ctx.sessions, ctx.period):
        await response.write(chunk.encode())
    await response.write_eof()
    return response


def setup(app: web.Application, guide: Callable[[], Guide], clock: Callable[[], datetime] = utcnow) -> None:
    """Add the dashboard to a console application and to the console menu.

    `clock` gives "now" (tests fix it); `guide` gives the published guide for names.
    """
    app[GUIDE] = guide
    app[CLOCK] = clock
    if AREA not in console.AREAS:
        console.AREAS.append(AREA)
    for name in PAGES:
        app.router.add_get(BASE if name == "overview" else f"{BASE}/{name}", _page_handler(name))
    app.router.add_get(f"{BASE}/csv", csv_table)
    app.router.add_get(f"{BASE}/conversations.csv", conversations_export)
