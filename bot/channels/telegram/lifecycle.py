"""Retrying start-up and polling calls, so that Telegram being unreachable for a while stops nothing.

PTB's `run_polling()` defaults to `bootstrap_retries=0`: one failed getMe or deleteWebhook at start-up and
the bot exits. Here start-up calls are retried with growing pauses until they succeed (or the service
stops), while the rest of the service (the web chat) keeps running.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import InvalidToken

log = logging.getLogger(__name__)

T = TypeVar("T")


class Backoff:
    """Pauses between failed attempts: `first`, then doubling up to `maximum`."""

    def __init__(self, first: float, maximum: float) -> None:
        self.first = first
        self.maximum = maximum
        self.next_delay = first

    def reset(self) -> None:
        self.next_delay = self.first

    async def wait(self) -> None:
        await asyncio.sleep(self.next_delay)
        self.next_delay = min(self.next_delay * 2, self.maximum)


async def keep_trying(what: str, operation: Callable[[], Awaitable[T]], backoff: Backoff) -> T:
    """Run `operation` until it succeeds, logging each failure; cancel the caller to give up."""
    backoff.reset()
    while True:
        try:
            return await operation()
        except InvalidToken:
            log.error("%s: Telegram refused the bot token; check TELEGRAM_BOT_TOKEN", what)
        except Exception as exc:
            log.warning("%s failed (%s); retrying in %.1f s", what, exc, backoff.next_delay)
        await backoff.wait()
