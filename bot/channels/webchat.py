"""The web chat door: the same core behind a small JSON API and a page, for the sandbox and websites.

The visitor is identified by a random HttpOnly cookie, so a reload keeps the conversation. Requests must be
JSON from our own origin: a cross-site form cannot post messages in a visitor's name. While a visitor has a
case with advisors, the page asks `GET /api/chat/updates` every few seconds for advisors' messages.
"""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from bot.core.dialogue import Dialogue
from bot.core.types import Incoming, Outcome
from bot.handoff.relay import Desk
from content.markup import to_html

CHANNEL = "web"
COOKIE = "fs_chat"
MAX_TEXT = 20_000
DIALOGUE: web.AppKey[Dialogue] = web.AppKey("dialogue", Dialogue)
DESK: web.AppKey[Desk] = web.AppKey("webchat_desk", Desk)


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    """Replies as HTML (escaped by the markup renderer) with their buttons."""
    return {
        "language": outcome.language,
        "replies": [
            {
                "html": to_html(reply.text),
                "buttons": [
                    [{"label": b.label, "payload": b.payload, "url": b.url} for b in row]
                    for row in reply.buttons
                ],
            }
            for reply in outcome.replies
        ],
    }


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    return origin is None or origin.split("://", 1)[-1] == request.host


async def post_message(request: web.Request) -> web.Response:
    """POST /api/chat {"text": …} or {"payload": …} → the replies."""
    if request.content_type != "application/json" or not _same_origin(request):
        raise web.HTTPForbidden(text="JSON from this site only")
    try:
        data = await request.json()
    except ValueError as exc:
        raise web.HTTPBadRequest(text="invalid JSON") from exc
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="expected an object")
    text, payload = data.get("text"), data.get("payload")
    if (
        not isinstance(text, str | None)
        or not isinstance(payload, str | None)
        or (text is None) == (payload is None)
    ):
        raise web.HTTPBadRequest(text='send either "text" or "payload"')
    visitor = request.cookies.get(COOKIE) or secrets.token_urlsafe(18)
    language = data.get("language")
    hint = language if isinstance(language, str) and language else request.headers.get("Accept-Language", "")
    incoming = Incoming(
        CHANNEL,
        visitor[:64],
        text=text[:MAX_TEXT] if text is not None else None,
        payload=payload,
        client_language=hint[:16] or None,
    )
    outcome = await request.app[DIALOGUE].handle(incoming)
    response = web.json_response(outcome_json(outcome))
    if COOKIE not in request.cookies:
        response.set_cookie(COOKIE, visitor, max_age=180 * 86400, httponly=True, samesite="Lax")
    return response


async def get_updates(request: web.Request) -> web.Response:
    """GET /api/chat/updates: advisors' messages for this visitor that the page has not shown yet."""
    visitor = request.cookies.get(COOKIE)
    if not visitor:
        return web.json_response({"replies": []})
    desk = request.app[DESK]
    waiting = await desk.for_persons(CHANNEL, visitor[:64])
    await desk.delivered([item.message_id for item in waiting])
    return web.json_response(
        {"replies": [{"html": to_html(item.text), "buttons": [], "advisor": True} for item in waiting]},
        headers={"Cache-Control": "no-store"},
    )


def setup(app: web.Application, dialogue: Dialogue) -> None:
    """Mount the chat API on an application (the page itself is served by bot.web)."""
    app[DIALOGUE] = dialogue
    app[DESK] = Desk(dialogue.sessions, dialogue.bus, reopen_days=dialogue.handoff.settings.reopen_days)
    app.router.add_post("/api/chat", post_message)
    app.router.add_get("/api/chat/updates", get_updates)
