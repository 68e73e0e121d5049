"""Long polling that acknowledges an update only after it is stored.

PTB's Updater hands updates to the queue and immediately asks for the next batch, which acknowledges the
previous one: a crash with a backlog in the queue loses it. Here the next getUpdates (the acknowledgement)
is sent only once the batch is committed. Failures never end the loop (PTB's `run_polling` gives up on
start-up errors by default): they are logged and retried with a growing pause.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot
from telegram.error import Conflict, InvalidToken

from bot.channels.telegram.intake import Intake
from bot.channels.telegram.lifecycle import Backoff

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")


class Poller:
    """getUpdates → store → enqueue → getUpdates with the next offset, until stopped."""

    def __init__(
        self, bot: Bot, intake: Intake, timeout: int, backoff: Backoff, request_timeout: float
    ) -> None:
        self.bot = bot
        self.intake = intake
        self.timeout = timeout
        self.backoff = backoff
        self.request_timeout = request_timeout
        self.offset: int | None = None

    async def run(self) -> None:
        """Poll until cancelled."""
        while True:
            try:
                await self.poll_once()
                self.backoff.reset()
            except asyncio.CancelledError:
                raise
            except InvalidToken:
                log.error("Telegram refused the bot token; check TELEGRAM_BOT_TOKEN")
                await self.backoff.wait()
            except Conflict as exc:
                log.error("another process polls this bot, or a webhook is set: %s", exc)
                await self.backoff.wait()
            except Exception as exc:
                log.warning("polling failed (%s); retrying in %.1f s", exc, self.backoff.next_delay)
                await self.backoff.wait()

    async def poll_once(self) -> int:
        """One long poll; returns the number of updates received."""
        updates = await self.bot.get_updates(
            offset=self.offset,
            timeout=self.timeout,
            allowed_updates=list(ALLOWED_UPDATES),
            read_timeout=self.timeout + self.request_timeout,
        )
        if updates:
            await self.intake.accept(updates)
            self.offset = updates[-1].update_id + 1
        return len(updates)
