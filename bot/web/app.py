"""The aiohttp application: the web chat page and API now, the staff console as it comes.

`init_app` composes the parts, so every test gets a fresh application and nothing lives in module globals.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler

from bot.channels import webchat
from bot.core.dialogue import Dialogue

HERE = Path(__file__).resolve().parent


@aiohttp_jinja2.template("chat.html")
async def chat_page(request: web.Request) -> dict[str, object]:
    return {}


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """No inline scripts, no framing, no MIME sniffing: the page shows text written by strangers."""
    response = await handler(request)
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def init_app(dialogue: Dialogue) -> web.Application:
    """The web application for one running service."""
    app = web.Application(middlewares=[security_headers], client_max_size=256 * 1024)
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    app.router.add_get("/", chat_page)
    app.router.add_get("/healthz", health)
    app.router.add_static("/static", HERE / "static")
    webchat.setup(app, dialogue)
    return app
