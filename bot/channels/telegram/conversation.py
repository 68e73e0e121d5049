"""The PTB handlers: one update in, at most one call to the core, its replies out through the outbox.

Each update takes the same path: translate it (`convert`), ask the core while "typing…" shows if that takes
a moment, render the outcome (`render`) and write the messages to the outbox, marking the update answered,
in the transaction in which the core stores its answer, then deliver them (`delivery`). A pressed button is
answered at once so it stops spinning. An update that is not a message to the bot is closed without a reply.
If the core fails (it catches its own errors inside a turn, so this means its storage failed), it is tried
once more; then the error is logged and the user gets the core's apology with the advisor button, in their
language.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection
from telegram import Bot, BotCommand, BotCommandScopeChat, ChatMember, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackContext,
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.channels.telegram.advisors import AdvisorGroup
from bot.channels.telegram.convert import BotIdentity, Inbound, to_inbound
from bot.channels.telegram.delivery import Sender
from bot.channels.telegram.render import render, render_reply
from bot.core import compose
from bot.core.dialogue import Dialogue, WithAnswer
from bot.core.types import Outcome, Reply
from bot.i18n import translator
from bot.storage.telegram_store import OutboxRow, TelegramStore
from content.model import LANGUAGES

log = logging.getLogger(__name__)

Context = CallbackContext[Any, Any, Any, Any]
TYPING_EVERY = 4.5  # Telegram shows a chat action for 5 s
CORE_ATTEMPTS = 2


class Typing:
    """Shows "typing…" while the core works, once it has taken longer than `delay` seconds.

    A quick answer needs no indicator, and an indicator sent after the reply would linger for five seconds
    under it: so the reply waits for a chat action already on its way, and none starts after.
    """

    def __init__(self, bot: Bot, chat_id: int, delay: float) -> None:
        self.bot, self.chat_id, self.delay = bot, chat_id, delay
        self._sending = False
        self._closing = False
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Typing:
        self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._closing = True
        if self._task is None:
            return
        if self._sending:
            await self._task
        else:
            self._task.cancel()

    async def _run(self) -> None:
        await asyncio.sleep(self.delay)
        while not self._closing:
            self._sending = True
            try:
                await self.bot.send_chat_action(self.chat_id, ChatAction.TYPING)
            except TelegramError as exc:
                log.debug("typing action for chat %s failed: %s", self.chat_id, exc)
            finally:
                self._sending = False
            if self._closing:
                return
            await asyncio.sleep(TYPING_EVERY)


class ChatMenus:
    """Keeps a chat's command menu in the language chosen in the bot when it differs from the app's.

    Telegram shows the menu of the Telegram app's language; a Ukrainian whose app is in Polish and who chose
    Ukrainian here gets a Ukrainian menu for this chat only. Remembered per process for the chats seen
    recently; after a restart the menu is set again once.
    """

    def __init__(self, bot: Bot, menus: dict[str, list[BotCommand]], remember: int = 10_000) -> None:
        self.bot, self.menus, self.remember = bot, menus, remember
        self._shown: OrderedDict[int, str] = OrderedDict()

    async def follow(self, chat_id: int, language: str, client_language: str | None) -> None:
        app_language = (client_language or "").split("-")[0].lower()
        shown = self._shown.get(chat_id, app_language)
        if chat_id < 0 or language == shown or language not in self.menus:
            return
        self._shown[chat_id] = language
        self._shown.move_to_end(chat_id)
        while len(self._shown) > self.remember:
            self._shown.popitem(last=False)
        try:
            await self.bot.set_my_commands(self.menus[language], scope=BotCommandScopeChat(chat_id))
        except TelegramError as exc:
            log.info("could not set the command menu of chat %s: %s", chat_id, exc)


class Conversations:
    """PTB callbacks that hand each update to the core and its replies to the outbox."""

    def __init__(
        self,
        dialogue: Dialogue,
        store: TelegramStore,
        sender: Sender,
        identity: Callable[[], BotIdentity],
        menus: ChatMenus,
        *,
        typing_delay: float,
        default_language: str,
        retry_pause: float = 0.5,
        advisors: AdvisorGroup | None = None,
    ) -> None:
        self.dialogue = dialogue
        self.advisors = advisors
        self.store = store
        self.sender = sender
        self.identity = identity
        self.menus = menus
        self.typing_delay = typing_delay
        self.default_language = default_language
        self.retry_pause = retry_pause

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        """In order: membership changes, buttons, new messages, and everything else (closed unanswered)."""
        return [
            ChatMemberHandler(self.on_membership, ChatMemberHandler.MY_CHAT_MEMBER),
            CallbackQueryHandler(self.on_message),
            MessageHandler(filters.UpdateType.MESSAGE, self.on_message),
            TypeHandler(Update, self.on_other),
        ]

    async def on_message(self, update: Update, context: Context) -> None:
        """A message or a pressed button."""
        if self.advisors is not None and self.advisors.owns(update):
            await self.advisors.handle(update)  # the advisors' group is never a conversation with the core
            await self.store.finish(update.update_id, "noted")
            return
        inbound = to_inbound(update, self.identity())
        if inbound is None:
            await self.store.finish(update.update_id, "ignored")
            return
        answering = asyncio.create_task(self._answer_button(update)) if inbound.callback_id else None
        rows: list[OutboxRow] = []

        async def with_answer(connection: AsyncConnection, outcome: Outcome) -> None:
            # The replies enter the outbox and the update closes in the core's own last transaction.
            messages = render(outcome)
            rows[:] = await self.store.answer_in(connection, update.update_id, inbound.chat_id, messages)

        try:
            outcome = await self._ask_core(context.bot, inbound, with_answer)
            if outcome is None:
                # If this fails (the database is gone), the update stays stored for the next start.
                rows = await self.store.answer(
                    update.update_id, inbound.chat_id, await self._apology(inbound), status="failed"
                )
        finally:
            if answering is not None:
                await answering
        await self.sender.deliver(inbound.chat_id, rows)
        if outcome is not None:
            await self.menus.follow(inbound.chat_id, outcome.language, inbound.incoming.client_language)

    async def on_membership(self, update: Update, context: Context) -> None:
        """The user blocked (or unblocked) the bot: no reply is possible, but we stop trying."""
        change = update.my_chat_member
        if change is not None and change.chat.type == change.chat.PRIVATE:
            status = change.new_chat_member.status
            if status in (ChatMember.BANNED, ChatMember.LEFT):
                await self.store.set_active(change.chat.id, False)
            elif status == ChatMember.MEMBER:
                await self.store.set_active(change.chat.id, True)
        await self.store.finish(update.update_id, "noted")

    async def on_other(self, update: Update, context: Context) -> None:
        """Edits, channel posts, inline queries…: nothing for the core; close the update quietly."""
        log.debug("update %s needs no reply", update.update_id)
        await self.store.finish(update.update_id, "ignored")

    async def _ask_core(self, bot: Bot, inbound: Inbound, with_answer: WithAnswer) -> Outcome | None:
        """The core's outcome; one more try after a failure (a busy database), then None."""
        async with Typing(bot, inbound.chat_id, self.typing_delay):
            for attempt in range(CORE_ATTEMPTS):
                try:
                    return await self.dialogue.handle(inbound.incoming, with_answer=with_answer)
                except Exception:
                    log.exception(
                        "the conversation core failed on a message from chat %s (attempt %d of %d)",
                        inbound.chat_id,
                        attempt + 1,
                        CORE_ATTEMPTS,
                    )
                    if attempt + 1 < CORE_ATTEMPTS:
                        await asyncio.sleep(self.retry_pause)
        return None

    async def _apology(self, inbound: Inbound) -> Sequence[dict[str, Any]]:
        """The core's apology for its own failures, with an advisor button, in the user's language."""
        try:
            language = await self.store.language(inbound.chat_id)
        except Exception:
            log.exception("could not read the language of chat %s", inbound.chat_id)
            language = None
        client = (inbound.incoming.client_language or "").split("-")[0].lower()
        t = translator(language or (client if client in LANGUAGES else self.default_language))
        # The core says this when it fails inside a turn (Dialogue._apology); here it failed before one.
        text = t._("Sorry, something went wrong on my side. Please try again, or talk to an advisor.")
        return render_reply(Reply(text, ((compose.advisor_button(t), compose.menu_button(t)),)))

    @staticmethod
    async def _answer_button(update: Update) -> None:
        """Stop the button's spinner; the reply itself comes as a message."""
        query = update.callback_query
        if query is None:
            return
        try:
            await query.answer()
        except TelegramError as exc:
            log.info("could not answer button press %s: %s", query.id, exc)
