"""The advisors' pages of the staff console: the queue of cases, a case with its transcript, and live news.

Routes only translate HTTP: reading goes through `CaseBook` and the summary, acting through the shared
`Desk` (the same rules as in the Telegram advisors' group). Every route is for advisors (and admins) and is
written to the audit log (never with message texts). Pages update without reloading through Server-Sent
Events fed by the case bus: the queue refreshes itself, a case page appends new messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.handoff import summary
from bot.handoff.bus import CaseBus, CaseNews
from bot.handoff.cases import OPEN, Advisor, CaseBook
from bot.handoff.relay import Desk, Done
from bot.handoff.wait import queued_for
from bot.i18n import request_language, translator
from bot.storage.models import CaseMessage, HandoffCase, Staff, utcnow
from bot.storage.staff_repo import StaffRepository
from bot.web import console
from bot.web.auth import SESSIONS, RouteHandler, current_staff, requires
from content.guide import Guide
from content.model import LANGUAGES

BASE = "/console/cases"
ROLES = ("advisor",)
KEEPALIVE = 15.0
CANNED_FILE = Path(__file__).resolve().parents[2] / "content" / "canned_replies.yml"


def _(message: str) -> str:
    """Marks a UI string for extraction; it is translated where it is shown."""
    return message


AREA = console.Area(BASE, _("Cases"), frozenset(ROLES))
DESK: web.AppKey[Desk] = web.AppKey("cases_desk", Desk)
BUS: web.AppKey[CaseBus] = web.AppKey("cases_bus", CaseBus)
GUIDE: web.AppKey[Callable[[], Guide]] = web.AppKey("cases_guide")
CANNED: web.AppKey[dict[str, list[dict[str, str]]]] = web.AppKey("canned_replies")


class Streams:
    """The open live streams of an application, ended at shutdown (they would hold it up otherwise)."""

    def __init__(self) -> None:
        self.open: set[asyncio.Event] = set()


STREAMS: web.AppKey[Streams] = web.AppKey("case_streams", Streams)


@dataclass(frozen=True)
class QueueRow:
    """One open case as the queue shows it."""

    id: int
    crisis: str | None
    language: str | None
    topic: str | None
    status: str
    waiting: str
    assigned_name: str | None
    can_take: tuple[str, ...]


def load_canned(path: Path = CANNED_FILE) -> dict[str, list[dict[str, str]]]:
    """Canned replies per language; every language must have its list (a missing one is an error)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [language for language in LANGUAGES if not data.get(language)]
    if missing:
        raise ValueError(f"{path}: no canned replies for {', '.join(missing)}")
    return {
        language: [{"title": str(item["title"]), "text": str(item["text"])} for item in data[language]]
        for language in LANGUAGES
    }


def staff_languages(staff: Staff) -> set[str]:
    return {part for part in re.split(r"[,\s]+", staff.languages or "") if part in LANGUAGES}


def advisor_of(staff: Staff) -> Advisor:
    return Advisor(staff.username, staff_id=staff.id, telegram_id=staff.telegram_id)


async def _audit(request: web.Request, action: str, target: str | None = None) -> None:
    async with request.app[SESSIONS]() as session:
        StaffRepository(session).audit(
            current_staff(request), action, target=target, remote=(request.remote or "")[:64]
        )
        await session.commit()


async def _queue(session: AsyncSession, language: str | None) -> list[QueueRow]:
    """Open cases: crises first, then the longest waiting; with who can read each one's language."""
    query = (
        select(HandoffCase)
        .where(HandoffCase.status.in_(OPEN))
        .order_by(HandoffCase.crisis.is_(None), HandoffCase.waiting_since, HandoffCase.id)
        .limit(500)
    )
    if language:
        query = query.where(HandoffCase.language == language)
    advisors = list(
        await session.scalars(select(Staff).where(Staff.active, Staff.role.in_(("advisor", "admin"))))
    )
    t = translator(request_language())
    now = utcnow()
    rows = []
    for found in await session.scalars(query):
        readers = tuple(
            sorted(staff.username for staff in advisors if found.language in staff_languages(staff))
        )
        rows.append(
            QueueRow(
                found.id,
                found.crisis,
                found.language,
                found.topic,
                found.status,
                t.duration(queued_for(found.waiting_since or found.created_at, now)),
                found.assigned_name,
                readers,
            )
        )
    return rows


@requires(*ROLES)
async def queue_page(request: web.Request) -> web.Response:
    """GET /console/cases[?lang=uk][&partial=1]: the queue (the rows only, for live refreshes)."""
    language = request.query.get("lang")
    language = language if language in LANGUAGES else None
    async with request.app[SESSIONS]() as session:
        rows = await _queue(session, language)
    staff = current_staff(request)
    assert staff is not None
    context = {"rows": rows, "language": language, "languages": LANGUAGES, "mine": staff_languages(staff)}
    if request.query.get("partial"):
        return console.render("console/cases_rows.html", request, context)
    await _audit(request, "cases_queue", language)
    return console.render("console/cases.html", request, context)


def _message_json(message: CaseMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "direction": message.direction,
        "author": message.author,
        "text": message.text,
        "media": message.media_kind,
        "at": message.created_at.strftime("%Y-%m-%d %H:%M"),
    }


def _case_id(request: web.Request) -> int:
    try:
        return int(request.match_info["case"])
    except ValueError as exc:
        raise web.HTTPNotFound() from exc


@requires(*ROLES)
async def case_page(request: web.Request) -> web.Response:
    """GET /console/cases/{case}: summary, transcript, reply box, claim/close, notes, canned replies."""
    case_id = _case_id(request)
    staff = current_staff(request)
    assert staff is not None
    async with request.app[SESSIONS]() as session:
        book = CaseBook(session)
        found = await book.get(case_id)
        if found is None:
            raise web.HTTPNotFound(text="no such case")
        facts = await summary.build(session, found)
        messages = list(await book.messages(case_id))
        may_act = found.status in OPEN and await book.may_act(case_id, advisor_of(staff))
    await _audit(request, "case_view", str(case_id))
    t = translator(request_language())
    return console.render(
        "console/case.html",
        request,
        {
            "case": found,
            "facts": facts,
            "why": summary.why(facts, t),
            "country": summary.country(facts.citizenship, t.language),
            "district": summary.district_name(request.app[GUIDE](), facts.district, t.language),
            "messages": messages,
            "after": messages[-1].id if messages else 0,
            "may_act": may_act,
            "canned": request.app[CANNED].get(found.language or "", []),
            "done": request.query.get("done"),
        },
    )


@requires(*ROLES)
async def case_messages(request: web.Request) -> web.Response:
    """GET /console/cases/{case}/messages?after=N: new messages of a case, for the live page."""
    case_id = _case_id(request)
    try:
        after = int(request.query.get("after", "0"))
    except ValueError:
        after = 0
    async with request.app[SESSIONS]() as session:
        found = await CaseBook(session).get(case_id)
        if found is None:
            raise web.HTTPNotFound(text="no such case")
        messages = await CaseBook(session).messages(case_id, after)
    return web.json_response(
        {
            "status": found.status,
            "assigned": found.assigned_name,
            "messages": [_message_json(m) for m in messages],
        }
    )


async def _form_text(request: web.Request) -> str:
    return str((await request.post()).get("text", ""))[:4000]


def _back(case_id: int, done: Done | str) -> web.HTTPSeeOther:
    value = done.value if isinstance(done, Done) else done
    return web.HTTPSeeOther(f"{BASE}/{case_id}?done={value}")


def _action(name: str) -> RouteHandler:
    @requires(*ROLES)
    async def act(request: web.Request) -> web.Response:
        case_id = _case_id(request)
        staff = current_staff(request)
        assert staff is not None
        desk, advisor = request.app[DESK], advisor_of(staff)
        outcome: Done | str
        if name == "claim":
            outcome = "claimed" if (await desk.claim(case_id, advisor)).won else Done.TAKEN
        elif name == "reply":
            outcome = await desk.reply(case_id, advisor, await _form_text(request))
        elif name == "note":
            outcome = await desk.note(case_id, advisor, await _form_text(request))
        else:
            outcome = await desk.close(case_id, advisor)
        await _audit(request, f"case_{name}", str(case_id))
        raise _back(case_id, outcome)

    act.__name__ = f"case_{name}"
    return act


@requires(*ROLES)
async def events(request: web.Request) -> web.StreamResponse:
    """GET /console/cases/events: Server-Sent Events, one per change of any case (id and kind only)."""
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    news: asyncio.Queue[CaseNews] = asyncio.Queue(maxsize=1000)
    closing = asyncio.Event()
    request.app[STREAMS].open.add(closing)
    unsubscribe = request.app[BUS].subscribe(lambda item: _offer(news, item))
    await _audit(request, "cases_live")
    try:
        while not closing.is_set():
            item = await _next(news, closing)
            line = (
                f"data: {json.dumps({'case': item.case_id, 'kind': item.kind})}\n\n" if item else ": ping\n\n"
            )
            await response.write(line.encode())
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        unsubscribe()
        request.app[STREAMS].open.discard(closing)
    return response


def _offer(news: asyncio.Queue[CaseNews], item: CaseNews) -> None:
    with contextlib.suppress(asyncio.QueueFull):
        news.put_nowait(item)


async def _next(news: asyncio.Queue[CaseNews], closing: asyncio.Event) -> CaseNews | None:
    """The next news, or None after the keep-alive period or at shutdown."""
    getting = asyncio.ensure_future(news.get())
    stopping = asyncio.ensure_future(closing.wait())
    done, pending = await asyncio.wait(
        {getting, stopping}, timeout=KEEPALIVE, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()
    return getting.result() if getting in done else None


async def _close_streams(app: web.Application) -> None:
    for closing in list(app[STREAMS].open):
        closing.set()


def setup(
    app: web.Application,
    bus: CaseBus,
    guide: Callable[[], Guide],
    *,
    reopen_days: float,
    canned: Path = CANNED_FILE,
) -> None:
    """Add the advisors' pages to a console application and to the console menu (`guide`: the published
    guide of the moment, for district names)."""
    app[BUS] = bus
    app[GUIDE] = guide
    app[DESK] = Desk(app[SESSIONS], bus, reopen_days=reopen_days)
    app[CANNED] = load_canned(canned)
    app[STREAMS] = Streams()
    app.on_shutdown.append(_close_streams)
    if AREA not in console.AREAS:
        console.AREAS.append(AREA)
    app.router.add_get(BASE, queue_page)
    app.router.add_get(f"{BASE}/events", events)
    app.router.add_get(BASE + "/{case:\\d+}", case_page)
    app.router.add_get(BASE + "/{case:\\d+}/messages", case_messages)
    for name in ("claim", "reply", "note", "close"):
        app.router.add_post(BASE + "/{case:\\d+}/" + name, _action(name))
