"""What advisors do reaches the coordinators' dashboard: escalations and their measured response times."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.handoff.cases import Advisor
from bot.handoff.relay import Desk, Done
from bot.stats.period import Period, local_day
from bot.stats.report import overview
from bot.storage.models import HandoffCase, utcnow
from tests.support.chat import Chat

OLENA = Advisor("Olena", staff_id=None, telegram_id=501)


async def test_first_response_and_resolution_times_come_from_real_cases(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession], desk: Desk
) -> None:
    waits = (10, 20, 30, 40, 50)  # minutes from opening to the advisor's first answer
    for n, minutes in enumerate(waits):
        chat = Chat(dialogue, user=f"person-{n}")
        await chat.send_payload("1|lang|en")
        opened = await chat.say("/advisor")
        assert opened.handoff is not None
        case_id = opened.handoff.case_id
        async with sqlite_sessions() as session:
            await session.execute(
                update(HandoffCase)
                .where(HandoffCase.id == case_id)
                .values(created_at=utcnow() - timedelta(minutes=minutes))
            )
            await session.commit()
        assert await desk.reply(case_id, OLENA, "Hello, I am Olena from CWII.") is Done.OK
        assert await desk.close(case_id, OLENA) is Done.OK
    waiting = Chat(dialogue, user="still-waiting")
    await waiting.send_payload("1|lang|en")
    await waiting.say("/advisor")

    today = local_day(utcnow())
    report = await overview(sqlite_sessions, Period("day", today, today))
    escalations = report.current.escalations
    assert escalations.count == 6 and escalations.by_reason()["request"] == 6
    first = escalations.first_response()
    assert first.cases == 5 and first.median is not None
    assert abs(first.median - 30 * 60) < 60, "the median of 10, 20, 30, 40 and 50 minutes"
    assert escalations.resolution().cases == 5
    assert escalations.waiting() == 1, "the case nobody answered yet"
