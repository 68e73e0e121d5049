"""Text written by strangers, shown in the console: never markup, never script (generated with hypothesis).

People's questions reach editors in the "Unanswered" inbox, and values in the dashboard's addresses and
figures are echoed on its pages. Whatever they contain, the pages must hold no element, attribute or script
that did not come from our templates.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Awaitable, Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ConsoleSettings
from bot.core.dialogue import Dialogue
from bot.core.types import Incoming
from bot.editor.runtime import EditorRuntime
from bot.storage import content_store
from bot.storage.models import Event
from bot.storage.staff_repo import StaffRepository
from bot.web.app import init_app
from content.guide import Guide, load_topic_bodies
from tests.support.understanding import ScriptedUnderstanding

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "content"
NLU_DATA = Path(__file__).resolve().parents[1] / "nlu" / "fixtures" / "data"
PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})

INJECTION = st.sampled_from(
    [
        "<fuzzmark>",
        "<script>fuzz()</script>",
        '"><fuzzmark data-fuzz="1">',
        "'><img src=x onerror=fuzz()>",
        '<a href="javascript:fuzz()">x</a>',
        "</textarea><fuzzmark>",
        "{{ 7*7 }}{% raw %}",
        "<svg onload=fuzz()>",
        "&lt;fuzzmark&gt;",
        "\u202e<fuzzmark>\u200b",
    ]
)
HOSTILE = st.lists(
    st.one_of(INJECTION, st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)),
    min_size=1,
    max_size=5,
).map(lambda parts: "<fuzzmark> " + "".join(parts))


class Elements(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def injected(page: str) -> list[str]:
    """What in a page could only have come from the hostile text."""
    parser = Elements()
    parser.feed(page)
    problems = []
    for tag, attrs in parser.tags:
        if tag == "fuzzmark" or "data-fuzz" in attrs:
            problems.append(f"<{tag}>")
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            problems.append("an inline script")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                problems.append(f"<{tag} {name}=javascript:>")
    return problems


@pytest.fixture
async def console(
    aiohttp_client: ClientFactory, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> tuple[Client, Dialogue]:
    async with sqlite_sessions() as session:
        await content_store.sync_from_files(session, load_topic_bodies(FIXTURES / "topics"))
        repo = StaffRepository(session)
        await repo.add("editor", PASSWORD, "editor")
        await repo.add("coordinator", PASSWORD, "coordinator")
        await session.commit()
    dialogue = Dialogue(fixture_guide, ScriptedUnderstanding(), sqlite_sessions)
    runtime = EditorRuntime(sqlite_sessions, dialogue, data_dir=NLU_DATA)
    client = await aiohttp_client(init_app(dialogue, sqlite_sessions, ConsoleSettings(), runtime))
    return client, dialogue


async def log_in(client: Client, username: str) -> None:
    client.session.cookie_jar.clear()
    page = await client.get("/console/login")
    token = CSRF.search(await page.text())
    assert token is not None
    form = {"csrf": token.group(1), "username": username, "password": PASSWORD, "next": "/console"}
    response = await client.post("/console/login", data=form, allow_redirects=False)
    assert response.status == 302


@pytest.fixture
def people() -> Iterator[str]:
    return (f"stranger-{n}" for n in itertools.count())


FEW = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FEW
@given(question=HOSTILE)
async def test_questions_in_the_editors_inbox_are_shown_as_text(
    question: str, console: tuple[Client, Dialogue], people: Iterator[str]
) -> None:
    client, dialogue = console
    person = next(people)
    await dialogue.handle(Incoming("web", person, payload="1|lang|en"))
    await dialogue.handle(Incoming("web", person, text=question))  # not understood: it goes to the inbox
    await log_in(client, "editor")
    response = await client.get("/console/editor/inbox")
    page = await response.text()
    assert response.status == 200
    assert "&lt;fuzzmark&gt;" in page, "the question is shown"
    assert injected(page) == []


@FEW
@given(value=HOSTILE, page=st.sampled_from(["", "/domain", "/topic", "/district"]))
async def test_dashboard_pages_echo_addresses_and_figures_as_text(
    value: str,
    page: str,
    console: tuple[Client, Dialogue],
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    client, _ = console
    async with sqlite_sessions() as session:
        session.add(
            Event(
                kind="question", topic=value[:64], domain=value[:16], district=value[:32], outcome="answered"
            )
        )
        await session.commit()
    await log_in(client, "coordinator")
    name = page.strip("/") or "overview"
    query = urlencode({name: value, "period": value, "from": value, "to": value})
    response = await client.get(f"/console/dashboard{page}?{query}")
    assert response.status < 500
    assert injected(await response.text()) == []
