"""The editor in a real browser against the running service: what an editor does and what users then get.

The service is the real one (database, guide, understanding trained on the small fixture set, web chat and
console in one aiohttp application), served on a free port; the bot's answers are read from the web chat
in a second browser context, so "the bot answers with the change" is checked the way a user would see it.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect

from bot.service import Service
from bot.web.app import init_app
from tests.editor.conftest import PASSWORD, add_staff
from tests.support.browser import chromium, served

pytestmark = pytest.mark.browser

OLD_UK = "Номер PESEL отримують у гміні (urząd gminy)."
NEW_UK = "Номер PESEL тепер видають за один день у будь-якій гміні. **Безкоштовно.**"


@pytest.fixture
async def site(service: Service) -> AsyncIterator[str]:
    """The running service's web application on a free port."""
    await add_staff(service.sessions, "anna")
    await add_staff(service.sessions, "borys")
    async with served(init_app(service.dialogue, service.sessions, service.settings.console)) as address:
        yield address


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as running:
        yield running


async def editor(browser: Browser, site: str, name: str) -> Page:
    """A logged-in editor's page (console in English)."""
    context = await browser.new_context(locale="en-GB")
    page = await context.new_page()
    await page.goto(f"{site}/console/login?next=/console/editor")
    await page.fill("input[name=username]", name)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("button[type=submit]")
    await expect(page.get_by_role("heading", name="Guide topics")).to_be_visible()
    return page


class ChatUser:
    """A person in the web chat, in their own browser context."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.context, self.page = context, page

    @classmethod
    async def open(cls, browser: Browser, site: str, language_button: str = "Українська") -> ChatUser:
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(site)
        await page.fill("#message", "/start")
        await page.press("#message", "Enter")
        await page.get_by_role("button", name=re.compile(language_button)).first.click()
        # The language choice is answered with the privacy notice (/forget erases everything).
        await expect(page.locator(".msg--bot", has_text="/forget")).to_have_count(1)
        await expect(page.locator(".msg--bot.typing")).to_have_count(0)
        return cls(context, page)

    async def ask(self, question: str) -> str:
        """Send a question and return the text of the bot's answer to it."""
        answers = self.page.locator(".msg--bot:not(.typing)")
        before = await answers.count()
        await self.page.fill("#message", question)
        await self.page.press("#message", "Enter")
        await expect(answers).not_to_have_count(before)
        await expect(self.page.locator(".msg--bot.typing")).to_have_count(0)
        return await answers.nth(before).inner_text()


async def test_an_edit_is_previewed_published_answered_and_rolled_back(browser: Browser, site: str) -> None:
    page = await editor(browser, site, "anna")
    user = await ChatUser.open(browser, site)
    assert OLD_UK in await user.ask("де отримати песель")

    await page.click('a[href="/console/editor/topic/legal.pesel"]')
    await page.click('a.button[href="/console/editor/edit/legal.pesel/uk"]')
    await page.fill("textarea[name=text]", NEW_UK)
    preview = page.locator("#preview-html")
    await expect(preview.locator("b", has_text="Безкоштовно.")).to_be_visible()
    await expect(preview).to_contain_text("тепер видають за один день")
    await expect(preview).to_contain_text("Джерела:")
    await page.click("button[value=publish]")
    await expect(page.get_by_role("status")).to_contain_text(
        "Published: the bot answers with this version now."
    )
    await expect(page.get_by_role("status")).to_contain_text("Translations to review: ru,en,pl.")

    answer = await user.ask("де отримати песель")
    assert "тепер видають за один день" in answer and OLD_UK not in answer

    await page.click('a[href="/console/editor/history/legal.pesel"]')
    await expect(page.locator(".diff ins").first).to_contain_text("тепер видають за один день")
    await page.locator("form:has(input[name=to][value='1']) button").click()
    await expect(page.get_by_role("status")).to_contain_text("Published")
    assert OLD_UK in await user.ask("де отримати песель"), "the rollback restored the old text"


async def test_a_conflicting_edit_is_caught(browser: Browser, site: str, service: Service) -> None:
    anna, borys = await editor(browser, site, "anna"), await editor(browser, site, "borys")
    for page in (anna, borys):
        await page.goto(f"{site}/console/editor/edit/legal.pesel/uk")
    await anna.fill("textarea[name=text]", NEW_UK)
    await anna.click("button[value=draft]")
    await expect(anna.get_by_role("status")).to_contain_text("Draft saved")

    mine = "Borys: номер PESEL дає гміна, і це нічого не коштує, треба лише паспорт."
    await borys.fill("textarea[name=text]", mine)
    await borys.click("button[value=publish]")
    conflict = borys.locator(".conflict")
    await expect(conflict).to_contain_text("Conflict: anna saved this topic while you were editing")
    await expect(conflict.locator("ins").first).to_contain_text("тепер видають за один день")
    await expect(borys.locator("textarea[name=text]")).to_have_value(mine)
    assert OLD_UK in service.dialogue.guide.topics["legal.pesel"].answers["uk"].text, "nothing was published"


async def test_an_unanswered_question_is_learnt_without_a_restart(
    browser: Browser, site: str, service: Service
) -> None:
    user = await ChatUser.open(browser, site)
    missed = await user.ask("як прописатися за адресою")
    assert "Прописатися (zameldowanie)" not in missed

    page = await editor(browser, site, "anna")
    await page.click('a[href="/console/editor/inbox"]')
    group = page.locator("section.group", has_text="як прописатися за адресою")
    await expect(group).to_contain_text("Asked 1 time")
    await group.locator("select[name=topic]").select_option("housing.registration")
    await group.locator("button[value=assign]").click()
    await expect(page.get_by_role("status")).to_contain_text("1 question added to the topic")
    await page.click("text=Retrain the bot now")
    await expect(page.get_by_role("status")).to_contain_text(re.compile(r"Retrained in \d+\.\d s"))

    understanding = service.understanding
    answer = await user.ask("як прописатися за адресою")
    assert "Прописатися (zameldowanie) можна в гміні" in answer
    assert service.understanding is understanding, "the same running service, no restart"
