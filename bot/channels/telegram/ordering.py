"""Updates of one chat are handled one after another, in arrival order; different chats run side by side.

PTB's `concurrent_updates` either serialises everything or lets a user's second message overtake the
first (a button pressed right after a question could be answered before the question). This processor
chains the updates of each chat: an update starts when its chat's previous update has finished, while
updates of other chats go ahead, up to `max_chats` at a time.

The chain position is taken synchronously when PTB hands the update over. PTB starts one task per update
in queue order and its own semaphore never blocks here (its capacity is set far above ours), so the chain
order is the queue order.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

T = TypeVar("T")
PTB_CAPACITY = 1 << 20


def chat_key(update: object) -> int | None:
    """The chat an update belongs to (the user, for a callback from an inline message), if any."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """In order within a chat, concurrent across chats, at most `max_chats` updates at once."""

    def __init__(self, max_chats: int) -> None:
        super().__init__(max_concurrent_updates=PTB_CAPACITY)
        self._slots = asyncio.Semaphore(max_chats)
        self._tails: dict[int, asyncio.Future[None]] = {}
        self._closing = False

    def close(self) -> None:
        """From now on, work whose turn comes is not run (at shutdown: stored updates wait for the next
        start instead of holding the shutdown up); work already running finishes."""
        self._closing = True

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: PTB waits for the running updates before shutting down."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run PTB's handling of `update` after the chat's previous update."""
        await self.run_in_chat(chat_key(update), coroutine)

    async def run_in_chat(self, chat: int | None, work: Awaitable[T]) -> T | None:
        """Run `work` in the chat's order (also used to resend a chat's backlog between its updates).

        Returns None, with `work` closed unrun, when the processor closed before its turn came. If the wait
        is cancelled, `work` is closed unrun too, and the chat's next update still waits for the one before.
        """
        previous, done = self._enter(chat)
        try:
            if previous is not None:
                # Shielded: cancelling this waiter must not cancel the predecessor's completion signal.
                await asyncio.shield(previous)
        except BaseException:
            _discard(work)
            self._leave_after(chat, done, previous)
            raise
        started = False
        try:
            async with self._slots:
                if self._closing:
                    return None
                started = True
                return await work
        finally:
            if not started:
                _discard(work)
            self._leave(chat, done)

    def _enter(self, chat: int | None) -> tuple[asyncio.Future[None] | None, asyncio.Future[None] | None]:
        if chat is None:
            return None, None
        previous = self._tails.get(chat)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[chat] = done
        return previous, done

    def _leave(self, chat: int | None, done: asyncio.Future[None] | None) -> None:
        if chat is None or done is None:
            return
        if not done.done():
            done.set_result(None)
        if self._tails.get(chat) is done:
            del self._tails[chat]

    def _leave_after(
        self, chat: int | None, done: asyncio.Future[None] | None, previous: asyncio.Future[None] | None
    ) -> None:
        """Give up a place in the chain without letting the next update overtake the previous one."""
        if previous is None or previous.done():
            self._leave(chat, done)
        else:
            previous.add_done_callback(lambda _: self._leave(chat, done))

    @property
    def busy_chats(self) -> int:
        """Chats with an update running or waiting (for logs and tests)."""
        return len(self._tails)


def _discard(work: Awaitable[Any]) -> None:
    """Close a coroutine that will never run, so Python does not warn that it was never awaited."""
    if inspect.iscoroutine(work):
        work.close()
