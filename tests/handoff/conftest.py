"""Fixtures for handoff tests: a dialogue with office hours and a clock the test controls, and a desk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import HandoffSettings
from bot.core.dialogue import Dialogue
from bot.handoff.bus import CaseBus
from bot.handoff.relay import Desk
from bot.handoff.wait import HandoffPolicy
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding

# A Tuesday, 11:00 in Warsaw (10:00 UTC): advisors are in.
IN_HOURS = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
# A Saturday evening: advisors are out until Monday 09:00.
OUT_OF_HOURS = datetime(2026, 12, 5, 19, 0, tzinfo=UTC)


class Clock:
    """A settable clock for office hours (the database keeps its own real timestamps)."""

    def __init__(self, now: datetime = IN_HOURS) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def bus() -> CaseBus:
    return CaseBus()


@pytest.fixture
def understanding() -> ScriptedUnderstanding:
    return ScriptedUnderstanding()


DialogueFactory = Callable[..., Dialogue]


@pytest.fixture
def make_dialogue(
    fixture_guide: Guide, understanding: ScriptedUnderstanding, clock: Clock, bus: CaseBus
) -> DialogueFactory:
    def make(sessions: async_sessionmaker[AsyncSession], **settings: object) -> Dialogue:
        policy = HandoffPolicy(HandoffSettings.model_validate(settings), clock=clock)
        return Dialogue(fixture_guide, understanding, sessions, handoff=policy, bus=bus)

    return make


@pytest.fixture
def dialogue(make_dialogue: DialogueFactory, sqlite_sessions: async_sessionmaker[AsyncSession]) -> Dialogue:
    return make_dialogue(sqlite_sessions)


@pytest.fixture
def desk(sqlite_sessions: async_sessionmaker[AsyncSession], bus: CaseBus) -> Desk:
    return Desk(sqlite_sessions, bus, reopen_days=3)
