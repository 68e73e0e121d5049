"""The one way in for updates, from long polling and from webhooks: store first, then hand to PTB.

Telegram forgets an update once it is acknowledged (the next getUpdates offset, or a 2xx webhook answer),
so an update is committed to the database before that happens. Its id is the key: an update delivered a
second time is recognised and not handled again. Updates stored but never answered (the process stopped)
are handed to PTB again at start-up.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from telegram import Bot, Update

from bot.channels.telegram.ordering import chat_key
from bot.storage.telegram_store import ReceivedUpdate, TelegramStore

log = logging.getLogger(__name__)


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return int(value.timestamp())
    raise TypeError(f"cannot store {type(value).__name__} in an update")


def plain(update: Update) -> dict[str, Any]:
    """An update as JSON-ready data for storing.

    PTB's `to_dict()` leaves a datetime in an inaccessible message (Telegram's `date: 0`, e.g. a pinned
    message in a forum topic), which a JSON column cannot store; one such update would otherwise stop
    polling for good, since the batch could never be stored and acknowledged.
    """
    data: dict[str, Any] = json.loads(json.dumps(update.to_dict(), default=_encode))
    return data


class Intake:
    """Stores updates, then puts the new ones on PTB's update queue, in update order."""

    def __init__(self, store: TelegramStore, bot: Bot, queue: asyncio.Queue[object]) -> None:
        self.store = store
        self.bot = bot
        self.queue = queue

    async def accept(self, updates: Sequence[Update], bodies: Sequence[dict[str, Any]] | None = None) -> int:
        """Store and enqueue; returns how many were new. `bodies` are the raw JSON when at hand.

        Raises:
            Exception: storing failed; nothing was enqueued and the updates must not be acknowledged.
        """
        raw = bodies if bodies is not None else [plain(update) for update in updates]
        fresh = await self.store.receive(
            [ReceivedUpdate(u.update_id, chat_key(u), body) for u, body in zip(updates, raw, strict=True)]
        )
        for update in sorted(updates, key=lambda u: u.update_id):
            if update.update_id in fresh:
                await self.queue.put(update)
        if len(fresh) < len(updates):
            log.info("%d update(s) arrived again and were not handled twice", len(updates) - len(fresh))
        return len(fresh)

    async def accept_json(self, body: dict[str, Any]) -> bool:
        """One update as JSON (a webhook request); True if it was new."""
        return await self.accept([Update.de_json(body, self.bot)], [body]) == 1

    async def recover(self) -> int:
        """Hand PTB the updates stored before a stop but never answered; returns how many."""
        bodies = await self.store.unfinished()
        for body in bodies:
            await self.queue.put(Update.de_json(body, self.bot))
        if bodies:
            log.info("resuming %d update(s) received before the last stop", len(bodies))
        return len(bodies)
