"""The web chat in a real browser: what a quick person does reaches the bot in the order they did it."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Route, expect
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.web.app import init_app
from content.guide import Guide
from tests.support.browser import chromium, served
from tests.support.understanding import ScriptedUnderstanding, parse_of

pytestmark = pytest.mark.browser
QUESTION = "where do i get pesel"


@pytest.fixture
async def site(fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[str]:
    understanding = ScriptedUnderstanding(parse_of(QUESTION, "en", "legal.pesel"))
    dialogue = Dialogue(fixture_guide, understanding, sqlite_sessions)
    async with served(init_app(dialogue, sqlite_sessions)) as url:
        yield url


async def test_a_question_typed_right_after_the_language_button_is_answered_after_it(site: str) -> None:
    async with chromium() as browser:
        page = await (await browser.new_context(locale="en-GB")).new_page()

        async def slow_language_choice(route: Route) -> None:
            # A slow network for the button press: the typed question is ready long before it is answered.
            if "|lang|" in (route.request.post_data or ""):
                await asyncio.sleep(0.7)
            await route.continue_()

        await page.route("**/api/chat", slow_language_choice)
        await page.goto(site)
        button = page.get_by_role("button", name=re.compile("English"))
        await expect(button.first).to_be_visible()
        # No waiting between the two: the question is on its way before the choice is answered.
        await button.first.click()
        await page.fill("#message", QUESTION)
        await page.press("#message", "Enter")
        answer = page.locator(".msg--bot", has_text="You get a PESEL number")
        await expect(answer).to_be_visible()
        await expect(page.locator(".msg--bot.typing")).to_have_count(0)
        bot = await page.locator(".msg--bot").all_inner_texts()
        assert "You get a PESEL number" in bot[-1], "the answer to the last thing done comes last"
        assert sum("/forget" in text for text in bot) == 1, "the privacy notice once, before the answer"
