"""The aiohttp application: the web chat and the staff console.

`init_app` composes the parts, so every test gets a fresh application and nothing lives in module globals.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels import webchat
from bot.config import ConsoleSettings
from bot.core.dialogue import Dialogue
from bot.editor.runtime import EditorRuntime
from bot.i18n import context_gettext, context_ngettext
from bot.web import auth, cases, console, dashboard, editor

HERE = Path(__file__).resolve().parent


@aiohttp_jinja2.template("chat.html")
async def chat_page(request: web.Request) -> dict[str, object]:
    return {}


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """No inline scripts, no framing, no MIME sniffing: the pages show text written by strangers."""
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
        _harden(response)
        raise
    _harden(response)
    return response


def _harden(response: web.StreamResponse) -> None:
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")


def _templates(app: web.Application) -> None:
    env = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(context_gettext, context_ngettext, newstyle=True)  # type: ignore[attr-defined]


def init_app(
    dialogue: Dialogue,
    sessions: async_sessionmaker[AsyncSession],
    console_settings: ConsoleSettings | None = None,
    editor_runtime: EditorRuntime | None = None,
) -> web.Application:
    """The web application for one running service.

    `editor_runtime` connects the guide editor to the running service; by default it publishes into
    `dialogue` and retrains the dialogue's understanding on its own training files.
    """
    app = web.Application(
        middlewares=[security_headers, console.console_language, auth.console_auth],
        client_max_size=256 * 1024,
    )
    app[auth.SESSIONS] = sessions
    app[auth.CONSOLE] = console_settings or ConsoleSettings()
    _templates(app)
    app.router.add_get("/", chat_page)
    app.router.add_get("/healthz", health)
    app.router.add_static("/static", HERE / "static")
    app.router.add_get("/console/login", auth.login_page)
    app.router.add_post("/console/login", auth.login)
    app.router.add_post("/console/logout", auth.logout)
    app.router.add_get("/console", console.home)
    dashboard.setup(app, lambda: dialogue.guide)
    editor.setup(app, editor_runtime or EditorRuntime.for_dialogue(sessions, dialogue))
    cases.setup(app, dialogue.bus, lambda: dialogue.guide, reopen_days=dialogue.handoff.settings.reopen_days)
    webchat.setup(app, dialogue)
    return app
