"""`firststeps run`: one process, one event loop, serving the web chat (and, with a token, Telegram).

Start-up prints one "ready" line with the address and how long start-up took, so operators and the
README's run command can see at a glance that the product is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from typing import TYPE_CHECKING

from aiohttp import web

from bot.config import Settings
from bot.service import Service, open_service
from bot.stats.background import keep_rolled_up
from bot.web.app import init_app

if TYPE_CHECKING:
    from bot.channels.telegram import TelegramDoor

log = logging.getLogger(__name__)


async def run_forever(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Serve until SIGINT/SIGTERM, then close everything in order."""
    started = time.perf_counter()
    service = await open_service(settings)
    app = init_app(service.dialogue, service.sessions, settings.console)
    try:
        telegram = _telegram(settings, service)
    except BaseException:
        await service.close()
        raise
    if telegram is not None:
        telegram.mount(app)  # the webhook route, in webhook mode
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host or settings.web.host, settings.web.port if port is None else port)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if telegram is not None:
        # Connects in the background: Telegram being unreachable never keeps the web chat down.
        await telegram.start()
        log.info("Telegram: %s mode, connecting to the Bot API", settings.telegram.mode)
    rollups = asyncio.create_task(keep_rolled_up(service.sessions), name="statistics rollups")
    addresses = ", ".join(f"http://{address[0]}:{address[1]}/" for address in runner.addresses)
    log.info("ready in %.1f s: web chat at %s", time.perf_counter() - started, addresses)
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        rollups.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await rollups
        if telegram is not None:
            await telegram.stop()
        await runner.cleanup()
        await service.close()


def _telegram(settings: Settings, service: Service) -> TelegramDoor | None:
    """The Telegram door when a token is set (imported only then: the web chat alone needs no PTB)."""
    if settings.telegram.token is None:
        return None
    from bot.channels.telegram import TelegramDoor

    return TelegramDoor(
        settings.telegram,
        service.dialogue,
        service.sessions,
        default_language=settings.bot.default_language,
        handoff=settings.handoff,
    )
