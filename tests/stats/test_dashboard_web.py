"""The dashboard over HTTP: who may see it, what the pages show, and CSV files that parse and agree."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Awaitable, Callable
from html import unescape

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ConsoleSettings
from bot.core.dialogue import Dialogue
from bot.storage.models import AuditEntry, Conversation, Message
from bot.web import dashboard
from bot.web.app import init_app
from content.guide import Guide
from tests.stats.dataset import LATER
from tests.support.understanding import ScriptedUnderstanding
from tests.web.test_console_auth import add_staff, log_in

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]
WEEK = "period=week&date=2026-11-02"


@pytest.fixture
async def client(
    aiohttp_client: ClientFactory, fixture_guide: Guide, week: async_sessionmaker[AsyncSession]
) -> Client:
    for role in ("advisor", "editor", "coordinator", "admin"):
        await add_staff(week, role, role)
    async with week() as session:
        first = await session.scalar(select(Conversation).order_by(Conversation.id).limit(1))
        assert first is not None
        session.add(Message(conversation_id=first.id, direction="in", text="SECRET question text"))
        await session.commit()
    app = init_app(Dialogue(fixture_guide, ScriptedUnderstanding(), week), week, ConsoleSettings())
    app[dashboard.CLOCK] = lambda: LATER
    return await aiohttp_client(app)


def parse_csv(body: bytes) -> list[dict[str, str]]:
    assert body.startswith("\ufeff".encode()), "a byte order mark, for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


async def test_only_coordinators_and_admins_see_the_dashboard(client: Client) -> None:
    anonymous = await client.get("/console/dashboard", allow_redirects=False)
    assert anonymous.status == 302 and "/console/login" in anonymous.headers["Location"]
    await log_in(client, "advisor")
    assert "/console/dashboard" not in await (await client.get("/console")).text(), "not in an advisor's menu"
    for path in (
        "/console/dashboard",
        "/console/dashboard/csv?table=domains",
        "/console/dashboard/conversations.csv",
    ):
        assert (await client.get(path)).status == 403, path
    client.session.cookie_jar.clear()
    await log_in(client, "coordinator")
    assert 'href="/console/dashboard"' in await (await client.get("/console")).text()
    assert (await client.get("/console/dashboard")).status == 200


async def test_the_overview_shows_charts_and_figures_but_no_texts(client: Client) -> None:
    await log_in(client, "coordinator")
    page = await client.get(f"/console/dashboard?{WEEK}", headers={"Accept-Language": "en"})
    html = await page.text()
    assert page.status == 200
    assert html.count('<svg class="chart') == 8
    assert "SECRET" not in html
    figures = re.findall(r'class="kpi-value">([^<]+)<', html)
    assert figures[:4] == ["19", "31.6%", "15", "8"]
    assert "25 min" in html and "2 hr" in html, "median first reply and resolution"
    assert "&lt;5" in html and "Nov 2\u2009–\u20098, 2026" in unescape(html)
    assert (
        "Content-Security-Policy" in page.headers
        and "script-src 'self'" in page.headers["Content-Security-Policy"]
    )
    assert "<script" not in html and "style=" not in html, "nothing the strict CSP would block"


async def test_pages_are_translated(client: Client) -> None:
    await log_in(client, "coordinator")
    html = await (await client.get(f"/console/dashboard?{WEEK}", headers={"Accept-Language": "uk"})).text()
    assert "Статистика" in html and "Питання" in html


async def test_drilling_down_from_domain_to_topic_to_district(client: Client) -> None:
    await log_in(client, "coordinator")
    overview = await (await client.get(f"/console/dashboard?{WEEK}")).text()
    assert f"/console/dashboard/domain?{WEEK.replace('&', '&amp;')}&amp;domain=legal" in overview
    domain = await client.get(
        f"/console/dashboard/domain?{WEEK}&domain=legal", headers={"Accept-Language": "en"}
    )
    html = await domain.text()
    assert domain.status == 200 and "PESEL" in html and "Work permit" not in html
    topic = await client.get(f"/console/dashboard/topic?{WEEK}&topic=legal.pesel")
    assert topic.status == 200 and "domain=legal" in await topic.text()
    district = await client.get(f"/console/dashboard/district?{WEEK}&district=gdansk")
    assert district.status == 200
    unknown = await client.get(f"/console/dashboard/domain?{WEEK}&domain=No%20such", allow_redirects=False)
    assert unknown.status == 302 and unknown.headers["Location"] == f"/console/dashboard?{WEEK}"


async def test_a_wrong_period_is_explained_not_an_error(client: Client) -> None:
    await log_in(client, "coordinator")
    page = await client.get("/console/dashboard?period=day&date=yesterday", headers={"Accept-Language": "en"})
    assert page.status == 200 and "could not be read" in await page.text()
    assert (await client.get("/console/dashboard/csv?table=domains&period=year")).status == 400


async def test_every_table_downloads_as_csv_with_the_page_figures(client: Client) -> None:
    await log_in(client, "coordinator")
    for path in (f"/console/dashboard?{WEEK}", f"/console/dashboard/topic?{WEEK}&topic=legal.pesel"):
        html = await (await client.get(path)).text()
        links = sorted(
            {unescape(link) for link in re.findall(r'href="(/console/dashboard/csv\?[^"]+)"', html)}
        )
        assert links
        for link in links:
            response = await client.get(link)
            assert response.status == 200 and response.content_type == "text/csv", link
            assert "attachment" in response.headers["Content-Disposition"]
            assert parse_csv(await response.read()), link
    domains = parse_csv(await (await client.get(f"/console/dashboard/csv?{WEEK}&table=domains")).read())
    assert [(r["domain"], r["questions"], r["previous"], r["change_percent"]) for r in domains[:4]] == [
        ("legal", "6", "5", "+20.0"),
        ("work", "5", "0", ""),
        ("housing", "<5", "0", ""),
        ("safety", "<5", "0", ""),
    ]


async def test_one_row_per_conversation_without_identifiers(
    client: Client, week: async_sessionmaker[AsyncSession]
) -> None:
    await log_in(client, "coordinator")
    response = await client.get(f"/console/dashboard/conversations.csv?{WEEK}")
    assert response.status == 200 and "attachment" in response.headers["Content-Disposition"]
    rows = parse_csv(await response.read())
    assert len(rows) == 15
    assert list(rows[0]) == [
        "language",
        "district",
        "questions",
        "answered",
        "unanswered",
        "result",
        "topics",
        "escalated",
        "escalation_reason",
        "first_response_minutes",
        "resolution_minutes",
        "thumbs_up",
        "thumbs_down",
    ]
    by_shape = sorted(tuple(r.values()) for r in rows)
    assert (
        by_shape.count(("pl", "gdynia", "0", "0", "0", "no questions", "", "no", "", "", "", "0", "0")) == 5
    )
    assert (
        "uk",
        "<5",
        "4",
        "2",
        "2",
        "partly answered",
        "legal.pesel",
        "yes",
        "request",
        "10.0",
        "60.0",
        "2",
        "0",
    ) in by_shape
    assert (
        "en",
        "",
        "3",
        "3",
        "0",
        "answered",
        "work.permit",
        "yes",
        "request",
        "40.0",
        "240.0",
        "1",
        "2",
    ) in by_shape
    assert ("ru", "", "3", "0", "3", "unanswered", "", "yes", "request", "", "", "0", "0") in by_shape
    assert not any(r["district"] in ("gdansk", "slupsk") for r in rows), "groups under 5 are hidden"
    async with week() as session:
        exports = [
            e.target
            for e in await session.scalars(select(AuditEntry).where(AuditEntry.action == "stats_export"))
        ]
    assert exports == ["conversations 2026-11-02..2026-11-08"]
