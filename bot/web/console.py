"""The staff console shell: the home page, the menu each role sees, and the template context.

Areas (advisor queue, editor, dashboard) register themselves in `AREAS` with the roles that may open them;
the same roles guard their routes, so the menu never links to a page the role cannot open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from babel import negotiate_locale

from bot.i18n import request_language, set_request_language, translator
from bot.web.auth import csrf_token, current_staff, requires


@dataclass(frozen=True)
class Area:
    """A console section: where it lives, its menu label (a UI string), and who may open it."""

    href: str
    label: str
    roles: frozenset[str]


AREAS: list[Area] = []


def role_label(role: str, language: str) -> str:
    t = translator(language)
    labels = {
        "advisor": t._("advisor"),
        "editor": t._("editor"),
        "coordinator": t._("coordinator"),
        "admin": t._("administrator"),
    }
    return labels.get(role, role)


def menu(request: web.Request) -> list[dict[str, Any]]:
    staff = current_staff(request)
    if staff is None:
        return []
    t = translator(request_language())
    return [
        {"href": area.href, "label": t._(area.label), "active": request.path.startswith(area.href)}
        for area in AREAS
        if staff.role in area.roles or staff.role == "admin"
    ]


def template_context(request: web.Request) -> dict[str, Any]:
    """Values every console template can use."""
    staff = current_staff(request)
    language = request_language()
    return {
        "staff": staff,
        "csrf": csrf_token(request),
        "menu": menu(request),
        "role_label": role_label(staff.role, language) if staff else "",
        "console_language": language,
    }


@web.middleware
async def console_language(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Staff read the console in their browser's language among uk, ru, en, pl (Polish by default)."""
    preferred = [
        part.split(";")[0].strip().replace("-", "_")
        for part in request.headers.get("Accept-Language", "").split(",")
        if part.strip()
    ]
    set_request_language(negotiate_locale(preferred, ["pl", "uk", "ru", "en"], sep="_") or "pl")
    return await handler(request)


def render(template: str, request: web.Request, context: dict[str, Any] | None = None) -> web.Response:
    """Render a console page with the values every console template uses."""
    return aiohttp_jinja2.render_template(template, request, {**template_context(request), **(context or {})})


@requires("advisor", "editor", "coordinator")
async def home(request: web.Request) -> web.Response:
    return render("console/home.html", request)
