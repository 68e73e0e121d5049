"""The webhook endpoint on our own aiohttp application.

Telegram signs each webhook request with the secret token given to setWebhook; a request without the right
one is refused with 403 (compared in constant time). The update is committed before the 200 answer,
because Telegram never resends an acknowledged update; if it cannot be stored, the answer is 503 and
Telegram tries again later. A repeated update is acknowledged and not handled twice.

The secret is derived from the bot token, so every worker behind a load balancer computes the same one and
there is no second secret to manage; it reveals nothing about the token.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from aiohttp import web

from bot.channels.telegram.intake import Intake

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_secret(token: str) -> str:
    """The secret_token for setWebhook (64 characters of [0-9a-f], within Telegram's 1-256 [A-Za-z0-9_-])."""
    return hmac.new(token.encode(), b"firststeps telegram webhook", hashlib.sha256).hexdigest()


class WebhookEndpoint:
    """POST handler for Telegram's webhook requests."""

    def __init__(self, secret: str, intake: Intake) -> None:
        self._secret = secret.encode()
        self.intake = intake

    async def handle(self, request: web.Request) -> web.Response:
        """Check the secret, store the update, then acknowledge."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("webhook request without the right secret from %s", request.remote)
            raise web.HTTPForbidden(text="wrong secret token")
        try:
            body = await request.json()
        except ValueError as exc:
            raise web.HTTPBadRequest(text="expected a JSON update") from exc
        if not isinstance(body, dict) or not isinstance(body.get("update_id"), int):
            raise web.HTTPBadRequest(text="expected a JSON update")
        try:
            await self.intake.accept_json(body)
        except Exception as exc:
            log.exception("could not store webhook update %s; Telegram will resend it", body["update_id"])
            raise web.HTTPServiceUnavailable(text="try again") from exc
        return web.Response(text="ok")
