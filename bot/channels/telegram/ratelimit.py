"""Pacing requests to Telegram's limits, chat by chat, so that one chat's flood wait never stalls the others.

Telegram allows a bot about 30 messages per second overall, about one per second in a private chat (short
bursts tolerated) and about 20 per minute in a group. PTB's `AIORateLimiter` paces the overall and group
rates, but a `RetryAfter` for any one chat halts *every* request for that long, and it does not pace
private chats at all (measured in benchmarks/reports/telegram.md). This limiter paces messages per chat and
overall, and a `RetryAfter` pauses only the chat it was raised for (or everything, for a request that names
no chat). It never retries by itself: the delivery loop owns retries, because only it knows whether a
message was confirmed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

Result = bool | dict[str, Any] | list[dict[str, Any]]
PRUNE_ABOVE = 10_000

# Requests that put a message into a chat; chat actions, callback answers and edits are not paced as
# messages (Telegram counts messages), but they do respect a chat's flood wait.
_MESSAGE_METHODS = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})


def is_message(endpoint: str) -> bool:
    """Whether a Bot API method puts a new message into a chat (and so counts against the limits)."""
    return endpoint in _MESSAGE_METHODS or (endpoint.startswith("send") and endpoint != "sendChatAction")


def seconds(value: int | float | timedelta) -> float:
    """A Bot API period as seconds, whichever type PTB hands out."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Pace:
    """A GCRA schedule: `rate` requests per second on average, `burst` of them back to back.

    A reservation is taken at once (so requests keep their order) and says how long to wait. `pause`
    blocks the schedule until a moment given by Telegram's flood wait.
    """

    __slots__ = ("interval", "paused_until", "tat", "tolerance")

    def __init__(self, rate: float, burst: int) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.tolerance = max(burst - 1, 0) * self.interval
        self.tat = 0.0
        self.paused_until = 0.0

    def reserve(self, now: float) -> float:
        """Take the next slot; returns the seconds to wait for it."""
        start = max(now, self.paused_until)
        tat = max(self.tat, start)
        self.tat = tat + self.interval
        return max(tat - self.tolerance, start) - now

    def pause(self, until: float) -> None:
        self.paused_until = max(self.paused_until, until)

    def idle(self, now: float) -> bool:
        return self.tat <= now and self.paused_until <= now


@dataclass(frozen=True)
class Limits:
    """Telegram's limits as configured; a rate of 0 switches that limit off (for a local emulator only)."""

    messages_per_second: float = 30.0
    chat_messages_per_second: float = 1.0
    chat_burst: int = 3
    group_messages_per_minute: float = 20.0


class ChatRateLimiter(BaseRateLimiter[None]):
    """Per-chat and overall pacing of messages; a flood wait pauses only the chat it concerns."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        # One second's worth may go back to back (as PTB's AIORateLimiter allows): replies arriving at
        # Telegram's full rate would otherwise queue behind every small jitter.
        self._overall = Pace(limits.messages_per_second, max(1, int(limits.messages_per_second)))
        self._chats: dict[int | str, Pace] = {}

    async def initialize(self) -> None:
        """Nothing to set up: the schedules live in memory."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def paused_for(self, chat: int | str | None) -> float:
        """Seconds until requests to this chat (or, with None, any request) may go again."""
        now = self.clock()
        pace = self._overall if chat is None else self._chats.get(chat)
        own = pace.paused_until - now if pace else 0.0
        return max(own, self._overall.paused_until - now, 0.0)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Result:
        """Wait for this chat's (and the bot's) next slot, send, and turn a flood wait into a pause."""
        chat = _chat_key(data.get("chat_id"))
        if is_message(endpoint) and chat is not None:
            await self._wait(self._chat(chat).reserve(self.clock()))
            if self.limits.messages_per_second > 0:
                await self._wait(self._overall.reserve(self.clock()))
        # A second flood wait may push the pause further while we sleep: check again after waking.
        while (left := self.paused_for(chat)) > 0:  # noqa: ASYNC110
            await asyncio.sleep(left)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            until = self.clock() + seconds(exc.retry_after)
            (self._overall if chat is None else self._chat(chat)).pause(until)
            raise

    @staticmethod
    async def _wait(delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)

    def _chat(self, chat: int | str) -> Pace:
        pace = self._chats.get(chat)
        if pace is None:
            if len(self._chats) > PRUNE_ABOVE:
                self._prune()
            group = isinstance(chat, str) or chat < 0
            limits = self.limits
            rate = limits.group_messages_per_minute / 60 if group else limits.chat_messages_per_second
            pace = self._chats[chat] = Pace(rate, limits.chat_burst)
        return pace

    def _prune(self) -> None:
        now = self.clock()
        for key in [key for key, pace in self._chats.items() if pace.idle(now)]:
            del self._chats[key]


def _chat_key(chat_id: object) -> int | str | None:
    """Private chats have positive ids, groups negative ones, channels may be '@name'."""
    if isinstance(chat_id, bool) or chat_id is None:
        return None
    if isinstance(chat_id, int):
        return chat_id
    text = str(chat_id)
    try:
        return int(text)
    except ValueError:
        return text
