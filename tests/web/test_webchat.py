"""The web chat: the JSON API a page talks to, and the page itself in a real browser."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.web.app import init_app
from content.guide import Guide
from tests.support.browser import chromium
from tests.support.understanding import ScriptedUnderstanding, parse_of

ClientFactory = Callable[[web.Application], Awaitable[TestClient[web.Request, web.Application]]]


def make_app(guide: Guide, sessions: async_sessionmaker[AsyncSession]) -> web.Application:
    understanding = ScriptedUnderstanding(
        parse_of("де зробити песель", "uk", "legal.pesel"),
        parse_of("<img src=x onerror=alert(1)>", "en", "out_of_scope"),
    )
    return init_app(Dialogue(guide, understanding, sessions), sessions)


async def test_api_keeps_the_visitor_by_cookie_and_answers_in_their_language(
    aiohttp_client: ClientFactory, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    client = await aiohttp_client(make_app(fixture_guide, sqlite_sessions))
    first = await client.post("/api/chat", json={"text": "/start", "language": "uk-UA"})
    assert first.status == 200
    assert "fs_chat" in first.cookies and first.cookies["fs_chat"]["httponly"]
    picker = await first.json()
    assert picker["replies"][0]["buttons"][0][0]["label"] == "✓ Українська"

    chosen = await client.post(
        "/api/chat", json={"payload": picker["replies"][0]["buttons"][0][0]["payload"]}
    )
    assert (await chosen.json())["language"] == "uk"
    answer = await (await client.post("/api/chat", json={"text": "де зробити песель"})).json()
    html = "".join(reply["html"] for reply in answer["replies"])
    assert "Номер PESEL отримують" in html and "<strong>Безкоштовно.</strong>" in html


async def test_api_refuses_what_a_page_would_never_send(
    aiohttp_client: ClientFactory, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    client = await aiohttp_client(make_app(fixture_guide, sqlite_sessions))
    assert (await client.post("/api/chat", data="text=hi")).status == 403
    assert (
        await client.post("/api/chat", json={"text": "hi"}, headers={"Origin": "https://evil.example"})
    ).status == 403
    assert (await client.post("/api/chat", json=["text"])).status == 400
    assert (await client.post("/api/chat", json={"text": "a", "payload": "b"})).status == 400
    page = await client.get("/")
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]


async def test_chat_in_a_real_browser(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    server = TestServer(make_app(fixture_guide, sqlite_sessions))
    await server.start_server()
    try:
        async with chromium() as browser:
            page = await browser.new_page(locale="uk-UA")
            await page.goto(str(server.make_url("/")))
            await page.get_by_role("button", name="✓ Українська").click()
            await page.get_by_text("Що ви хочете дізнатися?").wait_for()

            await page.fill("#message", "де зробити песель")
            await page.press("#message", "Enter")
            await page.get_by_text("Номер PESEL отримують").wait_for()
            await page.get_by_role("button", name="Детальніше ▸").click()
            await page.get_by_text("Детальніше про PESEL українською.").wait_for()

            await page.fill("#message", "<img src=x onerror=alert(1)>")
            await page.press("#message", "Enter")
            await page.get_by_text("<img src=x onerror=alert(1)>").wait_for()  # shown as text, not as HTML
            assert await page.locator("img").count() == 0
    finally:
        await server.close()
