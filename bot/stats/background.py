"""Keeping the statistics rollups current while the service runs, so no coordinator's page waits for them.

Pages roll up what is missing on demand, which is quick for a day or two but takes seconds for months of
events nobody has rolled up yet (a restored backup, a long downtime, the first view after an import). The
service therefore rolls up every completed day shortly after start-up and then once an hour, so the work is
done before anyone asks. Rolling up is idempotent and safe with several workers: each does what is missing.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats import rollup
from bot.stats.period import local_day
from bot.storage.models import Event, utcnow

log = logging.getLogger(__name__)

#: Seconds after start-up before the first pass (start-up itself comes first) and between passes.
FIRST_DELAY = 5.0
EVERY = 3600.0


async def roll_up_everything(sessions: async_sessionmaker[AsyncSession]) -> int:
    """Roll up every completed day from the first event on; returns how many days were rolled up now."""
    async with sessions() as session:
        first = await session.scalar(select(func.min(Event.ts)))
    if first is None:
        return 0
    return await rollup.roll_up(sessions, local_day(first), local_day(utcnow()))


async def keep_rolled_up(
    sessions: async_sessionmaker[AsyncSession], first_delay: float = FIRST_DELAY, every: float = EVERY
) -> None:
    """Run until cancelled; a failed pass is logged and tried again at the next one."""
    await asyncio.sleep(first_delay)
    while True:
        try:
            await roll_up_everything(sessions)
        except Exception:  # the database may be briefly away; the next pass catches up
            log.exception("statistics: rolling up failed; trying again in %.0f s", every)
        await asyncio.sleep(every)
