"""Staff login: passwords, lock-out, sessions, CSRF and roles, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ConsoleSettings
from bot.core.dialogue import Dialogue
from bot.storage.models import AuditEntry
from bot.storage.staff_repo import StaffRepository
from bot.web.app import init_app
from bot.web.auth import allowed_roles
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding

Client = TestClient[web.Request, web.Application]
ClientFactory = Callable[[web.Application], Awaitable[Client]]
PASSWORD = "correct horse battery"


async def add_staff(sessions: async_sessionmaker[AsyncSession], name: str, role: str) -> None:
    async with sessions() as session:
        await StaffRepository(session).add(name, PASSWORD, role)
        await session.commit()


@pytest.fixture
async def client(
    aiohttp_client: ClientFactory, fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> Client:
    for role in ("advisor", "editor", "coordinator", "admin"):
        await add_staff(sessions, role, role)
    dialogue = Dialogue(fixture_guide, ScriptedUnderstanding(), sessions)
    settings = ConsoleSettings(max_failed_logins=3, lockout_minutes=10)
    return await aiohttp_client(init_app(dialogue, sessions, settings))


async def log_in(client: Client, username: str, password: str = PASSWORD, next_page: str = "/console") -> str:
    """Submit the login form like a browser; returns where it redirected to."""
    page = await client.get("/console/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text())
    assert csrf is not None
    response = await client.post(
        "/console/login",
        data={"csrf": csrf.group(1), "username": username, "password": password, "next": next_page},
        allow_redirects=False,
    )
    assert response.status == 302
    client.last_set_cookie = response.headers.getall("Set-Cookie", [])  # type: ignore[attr-defined]
    return response.headers["Location"]


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


async def test_the_console_asks_for_login_and_comes_back(client: Client) -> None:
    response = await client.get("/console", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"].startswith("/console/login?next=/console")
    assert await log_in(client, "editor") == "/console"
    home = await client.get("/console", headers={"Accept-Language": "uk-UA,uk;q=0.9"})
    assert "Вітаємо, editor" in await home.text()
    session_cookie = next(c for c in client.last_set_cookie if c.startswith("fs_staff="))  # type: ignore[attr-defined]
    assert "HttpOnly" in session_cookie and "SameSite=Strict" in session_cookie


async def test_wrong_passwords_lock_the_account(
    client: Client, sessions: async_sessionmaker[AsyncSession]
) -> None:
    assert "error=invalid" in await log_in(client, "advisor", "wrong password 1")
    assert "error=invalid" in await log_in(client, "nobody", "wrong password 2")
    assert "error=invalid" in await log_in(client, "advisor", "wrong password 2")
    assert "error=locked" in await log_in(client, "advisor", "wrong password 3")
    assert "error=locked" in await log_in(client, "advisor", PASSWORD), "locked even with the right password"
    page = await client.get("/console/login?error=locked", headers={"Accept-Language": "pl"})
    assert "zablokowane" in await page.text()
    async with sessions() as session:
        actions = [entry.action for entry in await session.scalars(select(AuditEntry))]
    assert actions.count("login_failed") == 5


async def test_logout_needs_the_csrf_token_and_ends_the_session(client: Client) -> None:
    await log_in(client, "coordinator")
    home = await client.get("/console")
    assert (
        await client.post("/console/logout", data={"csrf": "forged"}, allow_redirects=False)
    ).status == 403
    response = await client.post(
        "/console/logout", data={"csrf": csrf_of(await home.text())}, allow_redirects=False
    )
    assert response.status == 302
    assert (await client.get("/console", allow_redirects=False)).status == 302


async def test_the_login_form_itself_is_protected_and_never_redirects_away(client: Client) -> None:
    forged = await client.post("/console/login", data={"username": "admin", "password": PASSWORD})
    assert forged.status == 403
    assert await log_in(client, "admin", next_page="https://evil.example/") == "/console"
    assert await log_in(client, "admin", next_page="//evil.example/console") == "/console"


#: Routes anyone may use without logging in; every other route must declare its roles (`requires`).
PUBLIC = frozenset(
    {
        ("GET", "/"),
        ("GET", "/healthz"),
        ("GET", "/console/login"),
        ("POST", "/console/login"),
        ("POST", "/api/chat"),
        ("GET", "/api/chat/updates"),
    }
)


def concrete_path(path: str) -> str:
    """A route's path with every placeholder filled with an id that does not exist."""
    return re.sub(r"\{\w+\}", "999999", path)


def app_routes(client: Client) -> list[tuple[str, str, frozenset[str] | None]]:
    """Every route of the application (HEAD twins of GET and static files aside), with its roles."""
    return [
        (route.method, route.resource.canonical, allowed_roles(route.handler))
        for route in client.app.router.routes()
        if route.resource is not None
        and route.method != "HEAD"
        and not route.resource.canonical.startswith("/static")
    ]


async def test_every_route_is_public_by_name_or_declares_its_roles(client: Client) -> None:
    """A route added later without `requires` fails here instead of being open to anyone."""
    undeclared = [(method, path) for method, path, roles in app_routes(client) if roles is None]
    assert set(undeclared) <= PUBLIC, set(undeclared) - PUBLIC
    assert {(method, path) for method, path, _ in app_routes(client)} >= PUBLIC, "the public routes exist"


async def test_without_a_login_every_protected_route_refuses(client: Client) -> None:
    protected = [(method, path) for method, path, roles in app_routes(client) if roles is not None]
    assert len(protected) > 10
    for method, path in protected:
        response = await client.request(method, concrete_path(path), allow_redirects=False)
        if method == "GET":
            assert response.status == 302, (method, path, response.status)
            assert response.headers["Location"].startswith("/console/login?next="), path
        else:
            assert response.status == 401, (method, path, response.status)
        response.release()


async def test_every_console_route_checks_roles_on_the_server(client: Client) -> None:
    """Each route declared for some roles refuses the others, and sends the anonymous to the login page."""
    routes = [
        (route.method, route.resource.canonical, allowed_roles(route.handler))
        for route in client.app.router.routes()
        if route.resource is not None and allowed_roles(route.handler) is not None
    ]
    assert routes, "the console has protected routes"
    anonymous = await client.get("/console", allow_redirects=False)
    assert anonymous.status == 302
    for role in ("advisor", "editor", "coordinator", "admin"):
        client.session.cookie_jar.clear()
        await log_in(client, role)
        home = await client.get("/console")
        token = csrf_of(await home.text())
        for method, path, roles in routes:
            if path == "/console/logout":
                continue
            # A route of one item (a case, a topic) is asked for one that does not exist: past the role
            # check, that is 404.
            concrete = concrete_path(path)
            response = await client.request(method, concrete, data={"csrf": token}, allow_redirects=False)
            expected_ok = roles is not None and role in roles
            passed = response.status < 400 or (response.status == 404 and concrete != path)
            assert passed == expected_ok, (role, method, path, response.status)
            response.release()
