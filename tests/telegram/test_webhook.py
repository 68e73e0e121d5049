"""Webhook mode: Telegram posts updates to our aiohttp app; the secret header is checked, and an update is
stored before it is acknowledged and answered once even when it arrives twice."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramDoor, webhook_secret
from bot.core.dialogue import Dialogue
from bot.storage.models import TelegramUpdate
from tests.telegram.conftest import running, settings_for
from tests.telegram.emulator import BotApiEmulator


@asynccontextmanager
async def webhook_door(
    emulator: BotApiEmulator, dialogue: Dialogue, sessions: async_sessionmaker[AsyncSession]
) -> AsyncIterator[TelegramDoor]:
    """A door in webhook mode behind our own aiohttp app on a free port."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/telegram/webhook"
    door = TelegramDoor(settings_for(emulator, mode="webhook", webhook_url=url), dialogue, sessions)
    app = web.Application()
    door.mount(app)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    try:
        async with running(door):
            yield door
    finally:
        await runner.cleanup()


def help_update(emulator: BotApiEmulator, user_id: int) -> dict[str, Any]:
    user = emulator.user(user_id, "en")
    return emulator.raw_update(
        {"message": {"message_id": 1, "date": 0, "chat": user.chat, "from": user.sender, "text": "/help"}}
    )


async def test_telegram_is_told_where_to_post_and_the_conversation_works(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with webhook_door(emulator, dialogue, sqlite_sessions):
        assert emulator.webhook is not None
        assert emulator.webhook["secret_token"] == webhook_secret(emulator.token)
        user = emulator.user(301, "uk")
        user.says("/start")
        await emulator.replies(301)
        user.press("Українська")
        await emulator.replies(301, 3)
    assert emulator.webhook_statuses and set(emulator.webhook_statuses) == {200}
    assert not emulator.calls_of("getUpdates"), "no polling in webhook mode"


async def test_a_request_without_the_right_secret_is_refused(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    async with webhook_door(emulator, dialogue, sqlite_sessions):
        assert await emulator.post_webhook(help_update(emulator, 302), secret="guessed") == 403
        assert await emulator.post_webhook(help_update(emulator, 302), secret="") == 403
        assert await emulator.post_webhook(help_update(emulator, 302)) == 200
        await emulator.replies(302)
        await emulator.settle(0.2)
    assert len(emulator.messages(302)) == 1, "only the signed update was answered"


async def test_an_update_delivered_twice_is_answered_once_and_stored_before_the_ack(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    update = help_update(emulator, 303)
    async with webhook_door(emulator, dialogue, sqlite_sessions):
        assert await emulator.post_webhook(update) == 200
        async with sqlite_sessions() as session:
            stored = await session.scalar(
                select(TelegramUpdate).where(TelegramUpdate.update_id == update["update_id"])
            )
            assert stored is not None, "committed before Telegram got its 200"
        assert await emulator.post_webhook(update) == 200, "a retry is acknowledged…"
        await emulator.replies(303)
        await emulator.settle(0.2)
    assert len(emulator.messages(303)) == 1, "…and not answered again"


async def test_an_update_that_cannot_be_stored_is_not_acknowledged(
    emulator: BotApiEmulator,
    dialogue: Dialogue,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    update = help_update(emulator, 304)
    async with webhook_door(emulator, dialogue, sqlite_sessions) as door:

        async def broken(*args: Any) -> set[int]:
            raise OSError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(door.store, "receive", broken)
            assert await emulator.post_webhook(update) == 503, "Telegram will send it again"
        assert await emulator.post_webhook(update) == 200
        await emulator.replies(304)


async def test_malformed_requests_are_refused(
    emulator: BotApiEmulator, dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    from aiohttp import ClientSession

    async with webhook_door(emulator, dialogue, sqlite_sessions) as door, ClientSession() as client:
        assert emulator.webhook is not None
        headers = {"X-Telegram-Bot-Api-Secret-Token": webhook_secret(emulator.token)}
        for body in (b"not json", b"[1, 2]", b'{"update_id": "1"}'):
            async with client.post(emulator.webhook["url"], data=body, headers=headers) as response:
                assert response.status == 400
        assert door.ready.is_set()
