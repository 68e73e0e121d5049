"""The editor's pages through HTTP: forms, CSRF, conflicts, refusals, preview, history, inbox, roles."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from aiohttp import web

from bot.config import ConsoleSettings
from bot.editor.runtime import EditorRuntime
from bot.editor.store import TopicStore
from bot.storage.models import Staff
from bot.web.app import init_app
from bot.web.auth import allowed_roles
from bot.web.editor import BASE, RUNTIME
from tests.editor.conftest import add_staff
from tests.editor.console_client import Client, field, log_in
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of

ClientFactory = Callable[[web.Application], Awaitable[Client]]
EDIT = f"{BASE}/edit/legal.pesel/uk"
NEW_UK = "Номер PESEL видають в урзенді гміни в день звернення. **Безкоштовно.**"


@pytest.fixture
async def app(runtime: EditorRuntime) -> web.Application:
    return init_app(runtime.dialogue, runtime.sessions, ConsoleSettings(), runtime)


@pytest.fixture
async def client(app: web.Application, aiohttp_client: ClientFactory, anna: Staff) -> Client:
    return await aiohttp_client(app)


def form(page: str, **values: str) -> dict[str, str]:
    """The edit form as the page filled it, with some fields changed."""
    fields = {name: field(page, name) for name in ("csrf", "version", "title", "note")}
    text = re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page, re.S)
    sources = re.search(r'<textarea name="sources"[^>]*>(.*?)</textarea>', page, re.S)
    assert text is not None and sources is not None
    fields |= {"text": text.group(1), "sources": sources.group(1), "more": "", "checked": "2026-11-26"}
    return fields | values


async def test_an_editor_saves_a_draft_then_publishes(client: Client, runtime: EditorRuntime) -> None:
    await log_in(client, "anna")
    listing = await (await client.get(BASE, headers={"Accept-Language": "en"})).text()
    assert "legal.pesel" in listing and "5 of 5 topics" in listing
    page = await (await client.get(EDIT)).text()
    draft = await client.post(EDIT, data=form(page, text=NEW_UK, action="draft"), allow_redirects=False)
    assert draft.status == 302 and draft.headers["Location"].endswith("done=draft")
    assert "в день звернення" not in runtime.guide.topics["legal.pesel"].answers["uk"].text
    drafts = await (await client.get(f"{BASE}?status=draft", headers={"Accept-Language": "en"})).text()
    assert "legal.pesel" in drafts and "work.permit" not in drafts

    page = await (await client.get(EDIT)).text()
    assert field(page, "version") == "2" and "в день звернення" in page
    published = await client.post(EDIT, data=form(page, action="publish"), allow_redirects=False)
    assert published.headers["Location"].endswith("done=published&flagged=ru,en,pl")
    assert "в день звернення" in runtime.guide.topics["legal.pesel"].answers["uk"].text

    ru = await (await client.get(f"{BASE}/edit/legal.pesel/ru", headers={"Accept-Language": "en"})).text()
    assert "Needs review: the uk version changed" in ru and re.search(r"<ins>[^<]*в день звернення\.", ru)
    confirmed = await client.post(
        f"{BASE}/confirm/legal.pesel/ru", data={"csrf": field(ru, "csrf")}, allow_redirects=False
    )
    assert confirmed.headers["Location"].endswith("done=confirmed")


async def test_a_conflicting_edit_is_caught_and_nothing_is_overwritten(
    app: web.Application, aiohttp_client: ClientFactory, runtime: EditorRuntime, anna: Staff
) -> None:
    await add_staff(runtime.sessions, "borys")
    first, second = await aiohttp_client(app), await aiohttp_client(app)
    await log_in(first, "anna")
    await log_in(second, "borys")
    anna_page = await (await first.get(EDIT)).text()
    borys_page = await (await second.get(EDIT)).text()
    saved = await first.post(EDIT, data=form(anna_page, text=NEW_UK, action="draft"), allow_redirects=False)
    assert saved.status == 302
    borys_text = "Borys переписав відповідь про PESEL повністю і по-своєму."
    clash = await second.post(
        EDIT, data=form(borys_page, text=borys_text, action="publish"), headers={"Accept-Language": "en"}
    )
    page = await clash.text()
    assert clash.status == 409
    assert "Conflict: anna saved this topic while you were editing" in page
    assert re.search(r"<ins>[^<]*в день звернення\.", page), "the other editor's change is shown"
    assert borys_text in page and field(page, "version") == "2", "borys's text is kept to merge and resend"
    async with runtime.sessions() as session:
        state = await TopicStore(session).state("legal.pesel")
    assert state.version == 2 and state.draft["answers"]["uk"]["text"] == NEW_UK + "\n"
    assert "Borys" not in runtime.guide.topics["legal.pesel"].answers["uk"].text


async def test_invalid_content_is_refused_with_the_reason_and_the_text_kept(client: Client) -> None:
    await log_in(client, "anna")
    page = await (await client.get(EDIT)).text()
    broken = "Номер PESEL — **безкоштовно, але незакрите жирне. " + "Дуже довго. " * 120
    refused = await client.post(
        EDIT, data=form(page, text=broken, action="publish"), headers={"Accept-Language": "en"}
    )
    text = await refused.text()
    assert refused.status == 422 and "Not published: fix these problems first" in text
    assert "characters as shown (at most 1200)" in text and "unclosed or empty **bold**" in text
    assert "Дуже довго." in text and field(text, "version") == "1"
    bad_sources = await client.post(EDIT, data=form(page, sources="only a title", action="draft"))
    assert bad_sources.status == 422 and "only a title" in await bad_sources.text()


async def test_the_preview_renders_like_telegram_and_needs_the_token(client: Client) -> None:
    csrf = await log_in(client, "anna")
    data = {
        "topic_id": "legal.pesel",
        "language": "uk",
        "title": "PESEL",
        "text": "Так <b>не</b> **можна**",
        "checked": "2026-11-26",
    }
    assert (await client.post(f"{BASE}/preview", data=data)).status == 403
    shown = await (await client.post(f"{BASE}/preview", data={**data, "csrf": csrf})).json()
    assert shown["html"].startswith("Так &lt;b&gt;не&lt;/b&gt; <b>можна</b>")
    assert shown["length"] == len("Так <b>не</b> можна") and shown["limit"] == 1200
    assert ["👍 Корисно", "👎 Не допомогло"] in shown["buttons"]


async def test_history_shows_who_what_and_rolls_back(client: Client, runtime: EditorRuntime) -> None:
    await log_in(client, "anna")
    original = runtime.guide.topics["legal.pesel"].answers["uk"].text
    page = await (await client.get(EDIT)).text()
    await client.post(EDIT, data=form(page, text=NEW_UK, action="publish", note="new office hours"))
    history = await (
        await client.get(f"{BASE}/history/legal.pesel", headers={"Accept-Language": "en"})
    ).text()
    assert "new office hours" in history and "answers.uk.text" in history and "anna" in history
    assert "<del>" in history and "<ins>" in history
    rolled = await client.post(
        f"{BASE}/rollback/legal.pesel",
        data={"csrf": field(history, "csrf"), "to": "1", "version": "2"},
        allow_redirects=False,
    )
    assert rolled.headers["Location"].startswith(f"{BASE}/history/legal.pesel?done=published")
    assert runtime.guide.topics["legal.pesel"].answers["uk"].text == original


async def test_unanswered_questions_become_training_questions(client: Client, runtime: EditorRuntime) -> None:
    script = ScriptedUnderstanding(parse_of("як прописатися за адресою", "uk", "out_of_scope", 0.2, "unsure"))
    runtime.dialogue.understander = script
    user = Chat(runtime.dialogue, "olena")
    await user.say("/start")
    await user.press("Українська")
    await user.say("як прописатися за адресою")
    await log_in(client, "anna")
    inbox = await (await client.get(f"{BASE}/inbox", headers={"Accept-Language": "en"})).text()
    assert "Asked 1 time\n" in inbox and "як прописатися за адресою" in inbox
    question = field(inbox, "question")
    assigned = await client.post(
        f"{BASE}/inbox",
        data={
            "csrf": field(inbox, "csrf"),
            "question": question,
            "topic": "housing.registration",
            "action": "assign",
        },
        allow_redirects=False,
    )
    assert assigned.headers["Location"].endswith("done=inbox_assign&count=1")
    training = await (await client.get(f"{BASE}/training/housing.registration/uk")).text()
    assert "як прописатися за адресою" in training
    unavailable = await client.post(
        f"{BASE}/retrain",
        data={"csrf": field(training, "csrf"), "next": f"{BASE}/training/housing.registration/uk"},
        allow_redirects=False,
    )
    assert unavailable.headers["Location"].endswith("done=retrain_unavailable"), (
        "a scripted NLU cannot retrain"
    )


async def test_a_new_topic_is_created_as_a_draft(client: Client, runtime: EditorRuntime) -> None:
    csrf = await log_in(client, "anna")
    bad = await client.post(f"{BASE}/new", data={"csrf": csrf, "topic_id": "Blue Card", "title_en": "Blue"})
    assert bad.status == 422
    created = await client.post(
        f"{BASE}/new",
        data={"csrf": csrf, "topic_id": "work.blue_card", "escalate": "never", "title_en": "EU Blue Card"},
        allow_redirects=False,
    )
    assert created.headers["Location"] == f"{BASE}/topic/work.blue_card?done=created"
    page = await (await client.get(f"{BASE}/topic/work.blue_card", headers={"Accept-Language": "en"})).text()
    assert "New topic: not published yet" in page and "work.blue_card" not in runtime.guide.topics


async def test_only_editors_and_admins_reach_the_editor(
    app: web.Application, aiohttp_client: ClientFactory, runtime: EditorRuntime
) -> None:
    """Every editor route, with an empty form and unknown ids, answers editors without an error page."""
    routes = [
        (route.method, route.resource.canonical)
        for route in app.router.routes()
        if route.resource is not None
        and route.method != "HEAD"
        and route.resource.canonical.startswith(BASE)
        and allowed_roles(route.handler)
    ]
    assert len(routes) == 16
    for role in ("advisor", "coordinator", "editor", "admin"):
        await add_staff(runtime.sessions, role, role)
        client = await aiohttp_client(app)
        csrf = await log_in(client, role)
        for method, path in routes:
            response = await client.request(method, path, data={"csrf": csrf}, allow_redirects=False)
            assert (response.status < 400) == (role in ("editor", "admin")), (
                role,
                method,
                path,
                response.status,
            )
    assert isinstance(app[RUNTIME], EditorRuntime)


async def test_the_editor_is_in_the_console_menu(client: Client) -> None:
    await log_in(client, "anna")
    home = await (await client.get("/console", headers={"Accept-Language": "uk"})).text()
    assert f'href="{BASE}"' in home and "Редактор довідника" in home
