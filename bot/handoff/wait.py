"""The wait a person is told: measured from advisors' real first replies, never a constant.

The median first-reply time of the latest `sample` cases opened during office hours (cases opened at
night wait for the morning and would distort it). With fewer than `minimum` such cases nothing is
promised: the person hears "as soon as possible during office hours" instead of a made-up number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import HandoffSettings
from bot.handoff.hours import OfficeHours
from bot.storage.models import HandoffCase, utcnow

# Cases outside office hours are skipped in Python (hours are not SQL), so read a few more than needed.
OVERSAMPLE = 8


async def expected_wait(
    session: AsyncSession, hours: OfficeHours, *, sample: int = 30, minimum: int = 5
) -> timedelta | None:
    """The median first reply of recent office-hours cases, or None with too few of them."""
    rows = await session.execute(
        select(HandoffCase.created_at, HandoffCase.first_response_at)
        .where(HandoffCase.first_response_at.is_not(None))
        .order_by(HandoffCase.created_at.desc())
        .limit(sample * OVERSAMPLE)
    )
    waits = [
        (replied - opened).total_seconds()
        for opened, replied in rows
        if replied is not None and hours.is_open(opened)
    ][:sample]
    if len(waits) < minimum:
        return None
    return timedelta(seconds=median(waits))


def queued_for(since: datetime | None, now: datetime) -> timedelta:
    """How long a case has waited (zero if unknown)."""
    return max(now - since, timedelta(0)) if since is not None else timedelta(0)


@dataclass(frozen=True)
class Availability:
    """What to tell a person about when a person will answer."""

    open_now: bool
    wait: timedelta | None
    back_at: datetime | None


class HandoffPolicy:
    """The configured rules the core applies when a case opens or the person writes again."""

    def __init__(
        self, settings: HandoffSettings | None = None, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.settings = settings or HandoffSettings()
        self.hours = OfficeHours.from_settings(self.settings)
        self.clock = clock

    @property
    def reopen_within(self) -> timedelta:
        return timedelta(days=self.settings.reopen_days)

    async def availability(self, session: AsyncSession, now: datetime | None = None) -> Availability:
        """Open now and the measured wait, or when advisors are back."""
        now = now or self.clock()
        if self.hours.is_open(now):
            wait = await expected_wait(
                session, self.hours, sample=self.settings.wait_sample, minimum=self.settings.wait_min_cases
            )
            return Availability(True, wait, None)
        return Availability(False, None, self.hours.next_open(now))
