"""The dashboard in a real browser: charts render under the strict CSP, links drill down, CSV downloads."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from aiohttp.test_utils import TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ConsoleSettings
from bot.core.dialogue import Dialogue
from bot.web import dashboard
from bot.web.app import init_app
from content.guide import Guide
from tests.stats import dataset
from tests.support.browser import chromium
from tests.support.understanding import ScriptedUnderstanding
from tests.web.test_console_auth import PASSWORD, add_staff


async def test_the_dashboard_in_chromium(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    await dataset.load(sqlite_sessions)
    await add_staff(sqlite_sessions, "coordinator", "coordinator")
    app = init_app(
        Dialogue(fixture_guide, ScriptedUnderstanding(), sqlite_sessions), sqlite_sessions, ConsoleSettings()
    )
    app[dashboard.CLOCK] = lambda: dataset.LATER
    server = TestServer(app)
    await server.start_server()
    try:
        async with chromium() as browser:
            context = await browser.new_context(locale="pl-PL", accept_downloads=True)
            page = await context.new_page()
            blocked: list[str] = []
            page.on(
                "console",
                lambda message: blocked.append(message.text) if "Content Security" in message.text else None,
            )
            await page.goto(str(server.make_url("/console/dashboard?period=week&date=2026-11-02")))
            await page.fill("input[name=username]", "coordinator")
            await page.fill("input[name=password]", PASSWORD)
            await page.click("button[type=submit]")
            await page.get_by_role("heading", name="Pytania w czasie według dziedzin").wait_for()

            charts = page.locator("svg.chart")
            assert await charts.count() == 8
            for index in range(await charts.count()):
                chart = charts.nth(index)
                assert await chart.is_visible()
                box = await chart.bounding_box()
                assert box is not None and box["width"] > 300 and box["height"] > 40
            assert await page.locator("#chart-timeline svg rect").count() >= 7, "a column per day"
            hidden = page.locator("#chart-districts g.bar.hidden")
            assert await hidden.count() == 2, "gdynia and slupsk are drawn as <5 stubs"
            assert await page.locator("#chart-districts").get_by_text("<5", exact=True).count() == 2
            assert blocked == []

            async with page.expect_download() as download_info:
                await page.locator("#table-domains").get_by_role("link", name="Pobierz CSV").click()
            download = await download_info.value
            target = tmp_path / download.suggested_filename
            await download.save_as(target)
            rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
            assert rows[0]["domain"] == "legal" and rows[0]["questions"] == "6"

            await page.locator("#chart-domains a").first.click()
            await page.get_by_role("heading", name="Legalizacja pobytu i dokumenty", level=1).wait_for()
            await page.locator("#chart-topics a").first.click()
            await page.get_by_role("heading", name="Numer PESEL", level=1).wait_for()
            assert await page.get_by_role("heading", name="Gdzie pytano o ten temat").count() == 2
            assert await page.locator("svg.chart").count() == 2
    finally:
        await server.close()
