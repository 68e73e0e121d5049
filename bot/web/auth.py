"""Staff login for the web console: sessions, CSRF protection and roles checked on every route.

Every console route is declared with the roles that may use it (`requires`), and the check runs on the
server for each request; the menu only hides what the role cannot open. Unsafe methods need the session's
CSRF token, so a page on another site cannot act in a logged-in advisor's name.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any
from urllib.parse import quote, urlsplit

import aiohttp_jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ConsoleSettings
from bot.i18n import request_language
from bot.storage.models import Staff, StaffSession
from bot.storage.staff_repo import StaffRepository

log = logging.getLogger(__name__)

SESSION_COOKIE = "fs_staff"
LOGIN_CSRF_COOKIE = "fs_login_csrf"
SESSIONS: web.AppKey[async_sessionmaker[AsyncSession]] = web.AppKey("sessions", async_sessionmaker)
CONSOLE: web.AppKey[ConsoleSettings] = web.AppKey("console_settings", ConsoleSettings)
ROLES_ATTRIBUTE = "_console_roles"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

STAFF: web.RequestKey[Staff] = web.RequestKey("staff", Staff)
STAFF_SESSION: web.RequestKey[StaffSession] = web.RequestKey("staff_session", StaffSession)

RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def current_staff(request: web.Request) -> Staff | None:
    """The logged-in staff member, if any."""
    return request.get(STAFF)


def csrf_token(request: web.Request) -> str:
    """The token every console form must send back."""
    record = request.get(STAFF_SESSION)
    return record.csrf_token if record is not None else ""


def requires(*roles: str) -> Callable[[RouteHandler], RouteHandler]:
    """Declare which roles may use a console route; admins may use every route."""

    def decorate(handler: RouteHandler) -> RouteHandler:
        setattr(handler, ROLES_ATTRIBUTE, frozenset(roles) | {"admin"})
        return handler

    return decorate


def allowed_roles(handler: Any) -> frozenset[str] | None:
    return getattr(handler, ROLES_ATTRIBUTE, None)


def _remote(request: web.Request) -> str:
    return (request.remote or "")[:64]


async def _load_session(request: web.Request, repo: StaffRepository, settings: ConsoleSettings) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return
    found = await repo.session_for(token, timedelta(hours=settings.session_hours))
    if found is not None:
        request[STAFF], request[STAFF_SESSION] = found


def _csrf_ok(request: web.Request, sent: str | None) -> bool:
    expected = csrf_token(request)
    return bool(expected) and sent is not None and hmac.compare_digest(expected, sent)


@web.middleware
async def console_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Load the staff session, enforce the route's roles and the CSRF token, in one place."""
    roles = allowed_roles(getattr(request.match_info, "handler", None))
    if roles is None:
        return await handler(request)
    settings = request.app[CONSOLE]
    async with request.app[SESSIONS]() as session:
        repo = StaffRepository(session)
        await _load_session(request, repo, settings)
        await session.commit()
    staff = current_staff(request)
    if staff is None:
        if request.method in UNSAFE:
            raise web.HTTPUnauthorized(text="log in first")
        raise web.HTTPFound(f"/console/login?next={quote(request.path_qs)}")
    if staff.role not in roles:
        raise web.HTTPForbidden(text="your role cannot open this page")
    if request.method in UNSAFE:
        sent = request.headers.get("X-CSRF-Token")
        if sent is None and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            sent = str((await request.post()).get("csrf", ""))
        if not _csrf_ok(request, sent):
            raise web.HTTPForbidden(text="the form has expired: reload the page and try again")
    return await handler(request)


def _safe_next(target: str | None) -> str:
    """Only local console paths: a login link must not redirect to another site."""
    if not target:
        return "/console"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/console") or target.startswith("//"):
        return "/console"
    return target


async def login_page(request: web.Request) -> web.Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = aiohttp_jinja2.render_template(
        "console/login.html",
        request,
        {
            "staff": None,
            "csrf": token,
            "next": _safe_next(request.query.get("next")),
            "error": request.query.get("error"),
            "console_language": request_language(),
        },
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        path="/console",
        secure=request.app[CONSOLE].secure_cookies,
    )
    return response


async def login(request: web.Request) -> web.Response:
    """POST /console/login: check the password, open a session, go where the user was going."""
    form = await request.post()
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, str(form.get("csrf", ""))):
        raise web.HTTPForbidden(text="the form has expired: reload the page and try again")
    settings = request.app[CONSOLE]
    username, password = str(form.get("username", ""))[:64], str(form.get("password", ""))[:1024]
    async with request.app[SESSIONS]() as session:
        repo = StaffRepository(session)
        result = await repo.login(
            username,
            password,
            max_failures=settings.max_failed_logins,
            lockout=timedelta(minutes=settings.lockout_minutes),
            session_length=timedelta(hours=settings.session_hours),
        )
        repo.audit(
            result.staff,
            "login" if result.token else "login_failed",
            remote=_remote(request),
            username=username,
        )
        await session.commit()
    next_page = _safe_next(str(form.get("next", "")))
    if result.token is None:
        error = "locked" if result.locked_until else "invalid"
        raise web.HTTPFound(f"/console/login?error={error}&next={quote(next_page)}")
    response = web.HTTPFound(next_page)
    response.set_cookie(
        SESSION_COOKIE,
        result.token,
        httponly=True,
        samesite="Strict",
        path="/",
        secure=settings.secure_cookies,
    )
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/console")
    raise response


@requires("advisor", "editor", "coordinator")
async def logout(request: web.Request) -> web.Response:
    token = request.cookies.get(SESSION_COOKIE, "")
    async with request.app[SESSIONS]() as session:
        repo = StaffRepository(session)
        await repo.logout(token)
        repo.audit(current_staff(request), "logout", remote=_remote(request))
        await session.commit()
    response = web.HTTPFound("/console/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response
