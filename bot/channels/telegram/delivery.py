"""Getting outbox messages to their chat: every message once, in order, whatever Telegram answers.

PTB never retries a send: a 429 raises `RetryAfter`, a 5xx `NetworkError`, no answer `TimedOut` (after
5 s by default). This loop retries all three for the message in hand, so the chat's later messages wait
behind it and keep their order, while other chats carry on. What it takes care of:

- A send that was delivered but answered late raises `TimedOut` too, and a blind retry would show the
  message twice. So sends get a long read timeout of their own (`send_timeout`): a slow answer is
  waited for, not abandoned. Only a send with no answer at all in that time is sent again; the log says
  whether the request had even left (connect or pool timeout: certainly not delivered) or may have
  arrived.
- A message is marked sent the moment Telegram confirms it, so neither a retry nor a restart repeats it.
  If the database cannot take that note, the note is retried (and remembered in memory), never the send.
- 403 (the user blocked the bot): the user is marked inactive and nothing more is tried.
- 400 (Telegram refuses the message itself): retrying cannot help; it is logged and recorded.
- After `retry_for` seconds of failures (Telegram down) the message stays pending in the outbox; the
  chat is "behind", its next reply first sends what waits, and a periodic sweep retries it.
- A message for a forum topic that is gone (an admin deleted a case's topic: TOPIC_DELETED, "message
  thread not found") is refused like any 400, and `on_thread_lost` lets the advisors' relay recreate the
  topic and send it again there.

Besides text (`text`, `keyboard`, `preview`), a row may carry a file already on Telegram's servers
(`media`: photo, document, video, voice, audio or sticker, `file_id`, `caption`) and a forum topic
(`thread`).
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError, TimedOut

from bot.channels.telegram.ratelimit import seconds
from bot.storage.telegram_store import OutboxRow, TelegramStore

log = logging.getLogger(__name__)


class Result(enum.Enum):
    SENT = "sent"
    REJECTED = "rejected"
    BLOCKED = "blocked"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait for Telegram and how to retry (seconds)."""

    send_timeout: float = 20.0
    first_backoff: float = 0.5
    max_backoff: float = 30.0
    retry_for: float = 120.0


def never_left(error: TimedOut) -> bool:
    """True when the request certainly did not reach Telegram (no connection, or none free), with our
    aiohttp transport or PTB's httpx one."""
    return isinstance(
        error.__cause__, aiohttp.ConnectionTimeoutError | httpx.ConnectTimeout | httpx.PoolTimeout
    )


ThreadLost = Callable[["OutboxRow"], Awaitable[None]]


def thread_gone(error: TelegramError) -> bool:
    """Telegram's ways of saying that a forum topic no longer exists."""
    text = error.message.lower()
    return "thread not found" in text or "topic_deleted" in text or "topic deleted" in text


def _markup(params: dict[str, object]) -> InlineKeyboardMarkup | None:
    rows = params.get("keyboard")
    if not isinstance(rows, list) or not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(**button) for button in row] for row in rows])


class Sender:
    """Delivers outbox rows chat by chat; call it in the chat's order (see ordering.ChatOrderedProcessor)."""

    def __init__(
        self,
        bot: Bot,
        store: TelegramStore,
        policy: RetryPolicy,
        stopping: asyncio.Event,
        clock: Callable[[], float] = time.monotonic,
        on_thread_lost: ThreadLost | None = None,
    ) -> None:
        self.bot = bot
        self.store = store
        self.policy = policy
        self.stopping = stopping
        self.clock = clock
        self.on_thread_lost = on_thread_lost
        self._behind: set[int] = set()
        # Delivered, but the database did not take the note: never send these again, only record them.
        self._unrecorded: dict[int, tuple[int | None, int]] = {}

    @property
    def behind(self) -> frozenset[int]:
        """Chats with messages still waiting in the outbox."""
        return frozenset(self._behind)

    def mark_behind(self, chats: Sequence[int]) -> None:
        """Chats found with waiting messages (at start-up): their next reply sends those first."""
        self._behind.update(chats)

    async def deliver(self, chat_id: int, rows: Sequence[OutboxRow]) -> None:
        """Send a chat's new messages, after any older ones that still wait."""
        if chat_id in self._behind:
            await self.redeliver(chat_id)  # the backlog includes `rows`: they were written before this call
            return
        await self._send_all(chat_id, rows)

    async def redeliver(self, chat_id: int) -> None:
        """Send whatever waits for a chat, oldest first."""
        self._behind.discard(chat_id)
        await self._send_all(chat_id, await self.store.backlog(chat_id))

    async def _send_all(self, chat_id: int, rows: Sequence[OutboxRow]) -> None:
        for row in rows:
            try:
                if row.id in self._unrecorded:
                    result = await self._record(row, *self._unrecorded[row.id])
                else:
                    result = await self._send(row)
            except Exception:
                # The database failed around a send: leave the rest pending for the sweep.
                log.exception("could not record delivery to chat %s; will retry", chat_id)
                result = Result.DEFERRED
            if result is Result.BLOCKED:
                return
            if result is Result.DEFERRED:
                self._behind.add(chat_id)
                return

    async def _send(self, row: OutboxRow) -> Result:
        attempts, delay = row.attempts, self.policy.first_backoff
        deadline = self.clock() + self.policy.retry_for
        while True:
            attempts += 1
            sleep, next_try = delay, self.clock() + delay
            try:
                message = await self._call(row)
            except RetryAfter as exc:
                # The rate limiter already holds this chat (only this chat) for the flood wait.
                sleep, next_try = 0.0, self.clock() + seconds(exc.retry_after)
                error = f"flood wait {seconds(exc.retry_after):g} s"
                log.info("Telegram asks to wait before writing to chat %s: %s", row.chat_id, error)
            except Forbidden as exc:
                log.info("chat %s blocked the bot (%s); marked inactive", row.chat_id, exc.message)
                await self.store.blocked(row.chat_id, exc.message)
                return Result.BLOCKED
            except (BadRequest, ChatMigrated) as exc:
                lost = row.params.get("thread") is not None and thread_gone(exc)
                if lost:
                    log.warning("topic %s of chat %s is gone (%s)", row.params["thread"], row.chat_id, exc)
                else:
                    log.error("Telegram refused message %s for chat %s: %s", row.id, row.chat_id, exc)
                await self.store.rejected(row.id, attempts, str(exc))
                if lost and self.on_thread_lost is not None:
                    await self.on_thread_lost(row)
                return Result.REJECTED
            except TimedOut as exc:
                if never_left(exc):
                    error = "timed out before sending"
                else:
                    error = f"no answer in {self.policy.send_timeout:g} s; it may have arrived"
                log.warning("message %s for chat %s: %s; sending again", row.id, row.chat_id, error)
            except TelegramError as exc:
                error = str(exc)
                log.warning("message %s for chat %s failed: %s; will retry", row.id, row.chat_id, error)
            else:
                return await self._record(row, message.message_id, attempts)
            if self.stopping.is_set() or next_try > deadline:
                return await self._defer(row, attempts, error)
            if sleep > 0:
                await self._sleep(sleep)
                delay = min(delay * 2, self.policy.max_backoff)

    async def _record(self, row: OutboxRow, message_id: int | None, attempts: int) -> Result:
        """Note a delivered message as sent, retrying the database rather than ever sending it again."""
        delay, deadline = self.policy.first_backoff, self.clock() + self.policy.retry_for
        while True:
            try:
                await self.store.sent(row.id, message_id, attempts)
            except Exception:
                if self.stopping.is_set() or self.clock() + delay > deadline:
                    log.exception("message %s reached chat %s but could not be recorded", row.id, row.chat_id)
                    self._unrecorded[row.id] = (message_id, attempts)
                    return Result.DEFERRED
                log.warning("recording message %s as sent failed; retrying", row.id, exc_info=True)
                await self._sleep(delay)
                delay = min(delay * 2, self.policy.max_backoff)
            else:
                self._unrecorded.pop(row.id, None)
                return Result.SENT

    async def _call(self, row: OutboxRow) -> Message:
        params = row.params
        thread = params.get("thread")
        if params.get("media"):
            return await self._media(row.chat_id, params, thread)
        return await self.bot.send_message(
            row.chat_id,
            str(params["text"]),
            parse_mode=ParseMode.HTML,
            reply_markup=_markup(params),
            link_preview_options=LinkPreviewOptions(is_disabled=not params.get("preview", False)),
            message_thread_id=thread,
            read_timeout=self.policy.send_timeout,
        )

    async def _media(self, chat_id: int, params: dict[str, Any], thread: int | None) -> Message:
        """A file Telegram already has (relayed between a person and the advisors), by its file id."""
        kind, file_id = str(params["media"]), str(params["file_id"])
        timeout = self.policy.send_timeout
        if kind == "sticker":
            return await self.bot.send_sticker(
                chat_id, file_id, message_thread_id=thread, read_timeout=timeout
            )
        senders: dict[str, Callable[..., Awaitable[Message]]] = {
            "photo": self.bot.send_photo,
            "document": self.bot.send_document,
            "video": self.bot.send_video,
            "voice": self.bot.send_voice,
            "audio": self.bot.send_audio,
        }
        return await senders[kind](
            chat_id,
            file_id,
            caption=params.get("caption"),
            parse_mode=ParseMode.HTML,
            message_thread_id=thread,
            read_timeout=timeout,
        )

    async def _defer(self, row: OutboxRow, attempts: int, error: str) -> Result:
        log.warning(
            "message %s for chat %s stays in the outbox after %d attempts", row.id, row.chat_id, attempts
        )
        await self.store.attempted(row.id, attempts, error)
        return Result.DEFERRED

    async def _sleep(self, delay: float) -> None:
        """Wait before the next attempt, but not past shutdown."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), timeout=delay)
