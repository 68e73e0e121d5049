"""Telegram for a running service: the PTB application, how updates get in, and its lifecycle.

One process, one event loop: PTB is built without its own Updater and without a JobQueue. Updates come in
through `Intake` (our long polling, or the webhook route on our aiohttp app), go through PTB's handlers
under `ChatOrderedProcessor`, and replies leave through `Sender` and `ChatRateLimiter`.

`start()` returns at once; connecting to the Bot API (getMe, the command menus, deleteWebhook or
setWebhook) is retried in the background until it works, so Telegram being unreachable at start-up does not
stop the web chat, and the bot comes up as soon as Telegram answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from datetime import timedelta
from typing import Any

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, CallbackContext, ExtBot

from bot.channels.telegram.advisors import AdvisorGroup
from bot.channels.telegram.commands import all_menus
from bot.channels.telegram.conversation import ChatMenus, Conversations
from bot.channels.telegram.convert import BotIdentity
from bot.channels.telegram.delivery import RetryPolicy, Sender
from bot.channels.telegram.intake import Intake
from bot.channels.telegram.lifecycle import Backoff, keep_trying
from bot.channels.telegram.ordering import ChatOrderedProcessor
from bot.channels.telegram.polling import ALLOWED_UPDATES, Poller
from bot.channels.telegram.ratelimit import ChatRateLimiter, Limits
from bot.channels.telegram.transport import AiohttpRequest
from bot.channels.telegram.webhook import WebhookEndpoint, webhook_secret
from bot.config import ConfigError, HandoffSettings, TelegramSettings
from bot.core.dialogue import Dialogue
from bot.storage.models import utcnow
from bot.storage.telegram_store import TelegramStore

log = logging.getLogger(__name__)

TelegramApp = Application[ExtBot[None], CallbackContext[Any, Any, Any, Any], Any, Any, Any, Any]
DEFAULT_API = "https://api.telegram.org"
PRUNE_EVERY = 3600.0
# Telegram takes about 30 messages/s from a bot, so a few connections carry all we may send (PTB's default
# pool is 256).
MAX_CONNECTIONS = 16


def api_urls(api_url: str | None) -> tuple[str, str]:
    """PTB's base_url and base_file_url for a Bot API server ("http://host:8081", or ending in "/bot")."""
    root = (api_url or DEFAULT_API).rstrip("/")
    root = root.removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def bot_id_of(token: str) -> int:
    """The bot's id is the token's first part; update ids are unique per bot."""
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def build_application(settings: TelegramSettings, token: str, limiter: ChatRateLimiter) -> TelegramApp:
    """PTB without Updater or JobQueue, with our pacing, chat ordering and timeouts."""
    # Opt in to PTB's timedelta periods now: with the old int periods every RetryAfter warns on creation.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    # httpx logs every request at INFO with its URL, and a Bot API URL contains the bot token.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLogger("httpx").level))
    base_url, base_file_url = api_urls(settings.api_url)
    timeout = settings.request_timeout
    request = AiohttpRequest(
        min(2 * settings.concurrent_chats + 8, MAX_CONNECTIONS),
        connect_timeout=timeout,
        read_timeout=timeout,
        pool_timeout=timeout,
    )
    application: TelegramApp = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .request(request)
        .get_updates_request(
            AiohttpRequest(1, connect_timeout=timeout, read_timeout=timeout, pool_timeout=timeout)
        )
        .rate_limiter(limiter)
        .concurrent_updates(ChatOrderedProcessor(settings.concurrent_chats))
        .updater(None)
        .job_queue(None)
        .build()
    )
    return application


class TelegramDoor:
    """Telegram in front of the core. `mount()` the webhook route (webhook mode), then `start()`/`stop()`."""

    def __init__(
        self,
        settings: TelegramSettings,
        dialogue: Dialogue,
        sessions: async_sessionmaker[AsyncSession],
        *,
        default_language: str = "uk",
        handoff: HandoffSettings | None = None,
    ) -> None:
        if settings.token is None:
            raise ConfigError("telegram: TELEGRAM_BOT_TOKEN is not set")
        if settings.mode == "webhook" and not settings.webhook_url:
            raise ConfigError("telegram.webhook_url is required when telegram.mode is webhook")
        self.settings = settings
        token = settings.token.get_secret_value()
        self.limiter = ChatRateLimiter(
            Limits(
                messages_per_second=settings.messages_per_second,
                chat_messages_per_second=settings.chat_messages_per_second,
                chat_burst=settings.chat_burst,
                group_messages_per_minute=settings.group_messages_per_minute,
            )
        )
        self.application = build_application(settings, token, self.limiter)
        self.bot = self.application.bot
        self.stopping = asyncio.Event()
        self.ready = asyncio.Event()
        self.store = TelegramStore.of(sessions, bot_id_of(token))
        self.sender = Sender(
            self.bot,
            self.store,
            RetryPolicy(
                send_timeout=settings.send_timeout,
                first_backoff=settings.retry_backoff,
                max_backoff=max(settings.retry_backoff, 30.0),
                retry_for=settings.retry_for,
            ),
            self.stopping,
        )
        self.intake = Intake(self.store, self.bot, self.application.update_queue)
        # Cases: the advisors' group (when configured) and advisors' answers to people in Telegram.
        self.advisors = AdvisorGroup(
            self.bot,
            handoff or HandoffSettings(),
            self.store,
            self.sender,
            self.processor,
            sessions,
            dialogue.bus,
            sweep_every=settings.redeliver_every,
            guide=lambda: dialogue.guide,
        )
        self.conversations = Conversations(
            dialogue,
            self.store,
            self.sender,
            self.identity,
            ChatMenus(self.bot, all_menus()),
            typing_delay=settings.typing_delay,
            default_language=default_language,
            retry_pause=settings.retry_backoff,
            advisors=self.advisors,
        )
        self.application.add_handlers(self.conversations.handlers())
        self.application.add_error_handler(self._on_error)
        self.webhook = WebhookEndpoint(webhook_secret(token), self.intake)
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def processor(self) -> ChatOrderedProcessor:
        processor = self.application.update_processor
        assert isinstance(processor, ChatOrderedProcessor)
        return processor

    def identity(self) -> BotIdentity:
        """The bot as Telegram knows it (known once getMe has answered)."""
        return BotIdentity(self.bot.id, self.bot.username)

    def mount(self, app: web.Application) -> None:
        """Serve the webhook on our aiohttp application (webhook mode only; before the app starts)."""
        if self.settings.mode == "webhook":
            app.router.add_post(self.settings.webhook_path, self.webhook.handle)

    async def start(self) -> None:
        """Begin connecting in the background; `ready` is set once updates are being handled."""
        self._tasks.append(asyncio.create_task(self._bring_up(), name="telegram-start"))

    async def stop(self) -> None:
        """Stop taking updates, finish the ones in hand (their retries give up at once), close PTB.

        Updates not yet started are left for the next start (they are stored), so a backlog does not hold
        up the shutdown.
        """
        self.stopping.set()
        self.advisors.close()
        self.processor.close()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        left = self._drop_queued()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        log.info("Telegram stopped%s", f"; {left} queued update(s) wait for the next start" if left else "")

    def _drop_queued(self) -> int:
        queue = self.application.update_queue
        dropped = 0
        while not queue.empty():
            queue.get_nowait()
            queue.task_done()
            dropped += 1
        return dropped

    async def _bring_up(self) -> None:
        backoff = Backoff(min(1.0, self.settings.startup_backoff_max), self.settings.startup_backoff_max)
        await keep_trying("connecting to the Telegram Bot API (getMe)", self.application.initialize, backoff)
        self._tasks.append(asyncio.create_task(self._set_menus(backoff.first), name="telegram-menus"))
        await keep_trying(f"switching Telegram to {self.settings.mode}", self._set_mode, backoff)
        self.sender.mark_behind(
            await keep_trying("reading the outbox", self.store.chats_with_backlog, backoff)
        )
        await self.application.start()
        await keep_trying("resuming stored updates", self.intake.recover, backoff)
        self._tasks.append(asyncio.create_task(self._sweep(), name="telegram-sweep"))
        self._tasks.append(asyncio.create_task(self.advisors.run(), name="telegram-advisors"))
        if self.settings.mode == "polling":
            poller = Poller(
                self.bot, self.intake, self.settings.poll_timeout, backoff, self.settings.request_timeout
            )
            self._tasks.append(asyncio.create_task(poller.run(), name="telegram-polling"))
        self.ready.set()
        log.info("Telegram: @%s is answering (%s)", self.bot.username, self.settings.mode)

    async def _set_mode(self) -> None:
        settings = self.settings
        if settings.mode == "polling":
            await self.bot.delete_webhook(drop_pending_updates=settings.drop_pending_updates)
            return
        assert settings.webhook_url is not None and settings.token is not None
        await self.bot.set_webhook(
            settings.webhook_url,
            secret_token=webhook_secret(settings.token.get_secret_value()),
            allowed_updates=list(ALLOWED_UPDATES),
            max_connections=settings.webhook_max_connections,
            drop_pending_updates=settings.drop_pending_updates,
        )

    async def _set_menus(self, first_backoff: float) -> None:
        """The command menu in each language (and the default language for everyone else)."""
        menus = all_menus()
        default = menus.get(self.conversations.default_language)

        async def set_all() -> None:
            for language, commands in menus.items():
                await self.bot.set_my_commands(commands, language_code=language)
            if default:
                await self.bot.set_my_commands(default)

        await keep_trying(
            "setting the command menus", set_all, Backoff(first_backoff, self.settings.startup_backoff_max)
        )

    async def _sweep(self) -> None:
        """Periodically resend what waits in the outbox, and forget old bookkeeping."""
        since_prune = PRUNE_EVERY
        while True:
            for chat in self.sender.behind:
                try:
                    await self.processor.run_in_chat(chat, self.sender.redeliver(chat))
                except Exception:
                    log.exception("resending the backlog of chat %s failed", chat)
            if since_prune >= PRUNE_EVERY:
                since_prune = 0.0
                try:
                    removed = await self.store.prune(
                        utcnow() - timedelta(hours=self.settings.retention_hours)
                    )
                except Exception:
                    log.exception("pruning Telegram bookkeeping failed")
                else:
                    log.debug("pruned %d Telegram bookkeeping rows", removed)
            await asyncio.sleep(self.settings.redeliver_every)
            since_prune += self.settings.redeliver_every

    async def _on_error(self, update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
        """Errors that escaped a handler (the handlers catch the core's own): log them, keep serving."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("error while handling Telegram update %s", update_id, exc_info=context.error)
