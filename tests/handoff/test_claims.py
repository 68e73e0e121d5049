"""Two advisors claiming the same case at the same moment: exactly one wins, on SQLite and PostgreSQL.

Every claimer has its own session and connection, opens its transaction, and waits at a barrier until all
have; then they all send the claim at once. The database, not the application, decides the winner.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.handoff.cases import Advisor, CaseBook, ClaimResult
from bot.storage.models import HandoffCase

CLAIMERS = 4
ROUNDS = 15


async def _claim_at_once(
    sessions: async_sessionmaker[AsyncSession], case_id: int, barrier: asyncio.Barrier, advisor: Advisor
) -> ClaimResult:
    async with sessions() as session:
        await session.execute(text("SELECT 1"))  # the transaction and its connection are open
        await barrier.wait()
        result = await CaseBook(session).claim(case_id, advisor)
        await session.commit()
        return result


async def test_exactly_one_of_simultaneous_claimers_wins(sessions: async_sessionmaker[AsyncSession]) -> None:
    advisors = [Advisor(f"advisor-{n}", telegram_id=1000 + n) for n in range(CLAIMERS)]
    for _ in range(ROUNDS):
        async with sessions() as session:
            found = HandoffCase(reason="request", status="waiting")
            session.add(found)
            await session.commit()
        barrier = asyncio.Barrier(CLAIMERS)
        results = await asyncio.gather(
            *(_claim_at_once(sessions, found.id, barrier, advisor) for advisor in advisors)
        )
        winners = [advisor for advisor, result in zip(advisors, results, strict=True) if result.won]
        assert len(winners) == 1, results
        async with sessions() as session:
            stored = await session.scalar(select(HandoffCase).where(HandoffCase.id == found.id))
            assert stored is not None
            assert (stored.status, stored.assigned_name) == ("assigned", winners[0].name)
            assert stored.assigned_telegram_id == winners[0].telegram_id
        losers = [result for result in results if not result.won]
        assert all(result.holder == winners[0].name for result in losers), "losers learn who holds it"
