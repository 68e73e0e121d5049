"""`firststeps run`: one process, one event loop, serving the web chat (and, with a token, Telegram).

Start-up prints one "ready" line with the address and how long start-up took, so operators and the
README's run command can see at a glance that the product is up.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time

from aiohttp import web

from bot.config import Settings
from bot.service import open_service
from bot.web.app import init_app

log = logging.getLogger(__name__)


async def run_forever(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Serve until SIGINT/SIGTERM, then close everything in order."""
    started = time.perf_counter()
    service = await open_service(settings)
    runner = web.AppRunner(init_app(service.dialogue, service.sessions, settings.console), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host or settings.web.host, settings.web.port if port is None else port)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if settings.telegram.token is not None:
        log.warning("TELEGRAM_BOT_TOKEN is set, but this version serves only the web chat")
    addresses = ", ".join(f"http://{address[0]}:{address[1]}/" for address in runner.addresses)
    log.info("ready in %.1f s: web chat at %s", time.perf_counter() - started, addresses)
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        await runner.cleanup()
        await service.close()
