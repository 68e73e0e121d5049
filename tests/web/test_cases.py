"""The advisors' console over HTTP, on SQLite and PostgreSQL: queue, case page, actions, web chat delivery."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.storage.models import AuditEntry, HandoffCase, Staff
from bot.storage.staff_repo import StaffRepository
from bot.web.app import init_app
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding, parse_of
from tests.web.test_console_auth import PASSWORD, ClientFactory, csrf_of, log_in

Client = TestClient[web.Request, web.Application]
CRISIS = "мене б'ють"


@pytest.fixture
async def client(
    aiohttp_client: ClientFactory, fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> Client:
    async with sessions() as session:
        repo = StaffRepository(session)
        await repo.add("olena", PASSWORD, "advisor", languages="uk,ru")
        await repo.add("piotr", PASSWORD, "advisor", languages="pl,en")
        await repo.add("ewa", PASSWORD, "editor")
        await session.commit()
    understanding = ScriptedUnderstanding(
        parse_of(CRISIS, "uk", "out_of_scope", 0.3, "unsure", crisis="violence")
    )
    dialogue = Dialogue(fixture_guide, understanding, sessions)
    return await aiohttp_client(init_app(dialogue, sessions))


def forget_visitor(client: Client) -> None:
    """Keep the staff session in the jar but not the visitor's cookie (each visitor sends their own)."""
    client.session.cookie_jar.clear(lambda cookie: cookie.key == "fs_chat")


async def visitor(client: Client, language: str, *texts: str) -> dict[str, str]:
    """A web chat visitor in their own cookie jar: chooses a language and writes; returns the cookie."""
    cookies: dict[str, str] = {}
    response = await client.post("/api/chat", json={"payload": f"1|lang|{language}"})
    cookies["fs_chat"] = response.cookies["fs_chat"].value
    forget_visitor(client)
    for text in texts:
        await client.post("/api/chat", json={"text": text}, cookies=cookies)
        forget_visitor(client)
    return cookies


async def updates(client: Client, cookies: dict[str, str]) -> list[str]:
    response = await client.get("/api/chat/updates", cookies=cookies)
    forget_visitor(client)
    return [reply["html"] for reply in (await response.json())["replies"]]


async def test_the_queue_puts_crises_first_and_shows_who_can_take_each_case(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await visitor(client, "pl", "/advisor")
    await visitor(client, "uk", CRISIS)
    async with sessions() as session:
        await session.execute(update(HandoffCase).values(waiting_since=HandoffCase.created_at))
        await session.commit()
    await log_in(client, "olena")
    page = await (await client.get("/console/cases", headers={"Accept-Language": "en"})).text()
    rows = re.findall(r'<tr class="case-row[^"]*" data-case="(\d+)"', page)
    assert rows == ["2", "1"], "the crisis first, though it came later"
    assert "🆘 violence" in page
    assert re.search(r'data-case="1".*?<td>piotr</td>', page, re.S), "who reads Polish can take it"
    filtered = await (await client.get("/console/cases?lang=pl")).text()
    assert re.findall(r'data-case="(\d+)"', filtered) == ["1"]
    await log_in(client, "ewa")
    assert (await client.get("/console/cases", allow_redirects=False)).status == 403, "editors cannot"


async def test_a_reply_from_the_console_reaches_the_web_chat_and_a_note_never_does(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    person = await visitor(client, "uk", "/advisor", "Потрібна допомога з карткою побиту")
    await log_in(client, "olena")
    case_page = await (await client.get("/console/cases/1")).text()
    assert "Потрібна допомога з карткою побиту" in case_page
    token = csrf_of(case_page)
    claimed = await client.post("/console/cases/1/claim", data={"csrf": token}, allow_redirects=False)
    assert claimed.status == 303 and claimed.headers["Location"].endswith("done=claimed")
    await client.post("/console/cases/1/note", data={"csrf": token, "text": "перевірити строк"})
    await client.post("/console/cases/1/reply", data={"csrf": token, "text": "Добрий день! <b>Допоможу</b>."})
    delivered = await updates(client, person)
    assert len(delivered) == 1 and "Допоможу" in delivered[0]
    assert "&lt;b&gt;" in delivered[0], "what an advisor types is shown as text"
    assert "перевірити" not in " ".join(delivered)
    assert await updates(client, person) == [], "each message once"

    await client.post("/console/cases/1/close", data={"csrf": token})
    [closed] = await updates(client, person)
    assert "закрив ваше звернення №1" in closed

    async with sessions() as session:
        found = await session.get(HandoffCase, 1)
        assert found is not None and found.status == "closed" and found.first_response_at is not None
        olena = await session.scalar(select(Staff).where(Staff.username == "olena"))
        assert found.assigned_to == (olena.id if olena else None)
        audit = [(entry.action, entry.target) for entry in await session.scalars(select(AuditEntry))]
    for action in ("case_view", "case_claim", "case_note", "case_reply", "case_close"):
        assert (action, "1") in audit
    assert not any("Допоможу" in str(target) for _, target in audit), "no texts in the audit log"


async def test_another_advisor_cannot_take_over_a_claimed_case(client: Client) -> None:
    await visitor(client, "uk", "/advisor")
    await log_in(client, "olena")
    token = csrf_of(await (await client.get("/console/cases/1")).text())
    await client.post("/console/cases/1/claim", data={"csrf": token})
    await log_in(client, "piotr")
    token = csrf_of(await (await client.get("/console/cases/1")).text())
    answer = await client.post(
        "/console/cases/1/reply", data={"csrf": token, "text": "hi"}, allow_redirects=False
    )
    assert answer.headers["Location"].endswith("done=taken")
    forged = await client.post("/console/cases/1/close", data={"csrf": "forged"}, allow_redirects=False)
    assert forged.status == 403


async def test_live_news_reach_the_console_when_the_person_writes(client: Client) -> None:
    person = await visitor(client, "uk", "/advisor")
    await log_in(client, "olena")
    stream = await client.get("/console/cases/events")
    assert stream.headers["Content-Type"].startswith("text/event-stream")
    await client.post("/api/chat", json={"text": "Я ще тут"}, cookies=person)
    line = await asyncio.wait_for(stream.content.readline(), 5)
    assert json.loads(line.decode().removeprefix("data: ")) == {"case": 1, "kind": "user_message"}
    stream.close()
