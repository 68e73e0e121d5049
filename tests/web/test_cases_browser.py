"""An advisor in the console and a person in the web chat, each in a real browser, through one case."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.storage.staff_repo import StaffRepository
from bot.web.app import init_app
from content.guide import Guide
from tests.support.browser import chromium, served
from tests.support.understanding import ScriptedUnderstanding
from tests.web.test_console_auth import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
async def site(fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[str]:
    async with sqlite_sessions() as session:
        await StaffRepository(session).add("olena", PASSWORD, "advisor", languages="uk,ru")
        await session.commit()
    dialogue = Dialogue(fixture_guide, ScriptedUnderstanding(), sqlite_sessions)
    async with served(init_app(dialogue, sqlite_sessions)) as address:
        yield address


async def say(page: Page, text: str) -> None:
    await page.fill("#message", text)
    await page.press("#message", "Enter")


async def test_an_advisor_answers_a_web_chat_visitor_live(site: str) -> None:
    async with chromium() as browser:
        advisor = await (await browser.new_context(locale="en-GB")).new_page()
        await advisor.goto(f"{site}/console/login?next=/console/cases")
        await advisor.fill("input[name=username]", "olena")
        await advisor.fill("input[name=password]", PASSWORD)
        await advisor.click("button[type=submit]")
        await expect(advisor.locator("#queue-rows")).to_contain_text("No open cases.")

        person = await (await browser.new_context(locale="uk-UA")).new_page()
        await person.goto(site)
        await person.get_by_role("button", name=re.compile("Українська")).click()
        await expect(person.locator(".msg--bot", has_text="/forget")).to_be_visible()  # the choice is made
        await say(person, "/advisor")
        await expect(person.locator(".msg--bot", has_text="№1").last).to_be_visible()

        row = advisor.locator("tr.case-row[data-case='1']")
        await expect(row).to_contain_text("olena")  # appears without a reload; she reads Ukrainian

        await say(person, "Мені потрібна допомога з карткою побиту")
        await expect(person.locator(".msg--bot", has_text="Передано консультантові")).to_be_visible()
        await advisor.click("a[href='/console/cases/1']")
        await expect(advisor.locator("#transcript")).to_contain_text("карткою побиту")

        await say(person, "Рішення прийшло вчора")
        await expect(advisor.locator("#transcript")).to_contain_text("Рішення прийшло вчора")  # no reload

        await advisor.click("#claim")
        await expect(advisor.locator("#case-status")).to_contain_text("assigned")
        await advisor.select_option("#canned", label="Привітання")
        await expect(advisor.locator("#reply-text")).to_have_value(re.compile("консультант"))
        await advisor.click("#send")
        await advisor.fill("#note-text", "внутрішня нотатка: строк до п'ятниці")
        await advisor.click("#add-note")
        await expect(advisor.locator("#transcript")).to_contain_text("внутрішня нотатка")

        answer = person.locator(".msg.advisor")
        await expect(answer).to_contain_text("Консультант CWII", timeout=15_000)
        await expect(answer).to_contain_text("Я прочитав(ла) ваше повідомлення")
        await person.wait_for_timeout(4500)  # one more poll of the chat page
        assert "внутрішня нотатка" not in await person.locator("#log").inner_text()
