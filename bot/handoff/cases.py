"""The life of a handoff case in storage: waiting -> assigned -> answered -> closed, and reopened.

Every change an advisor makes is one conditional UPDATE whose WHERE clause states what must still be true
(the status, who holds the case), so two advisors acting at once can never both win: the database decides,
and the loser learns it from the row count. That holds across processes and on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Result, and_, case, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import CaseMessage, HandoffCase, Staff, User, utcnow

OPEN = ("waiting", "assigned", "answered")
# "system": what the product itself told the person about the case (e.g. that it was closed).
DIRECTIONS = ("user", "advisor", "note", "system")


@dataclass(frozen=True)
class Advisor:
    """Who acts on a case: a console account, a member of the Telegram advisors' group, or both (linked)."""

    name: str
    staff_id: int | None = None
    telegram_id: int | None = None


@dataclass(frozen=True)
class ClaimResult:
    """`won` is True for exactly one of several advisors claiming the same case at once."""

    won: bool
    holder: str | None = None


def _held_by(advisor: Advisor) -> list[ColumnElement[bool]]:
    """Conditions meaning "this advisor holds the case" (by console account or Telegram id)."""
    held: list[ColumnElement[bool]] = []
    if advisor.staff_id is not None:
        held.append(HandoffCase.assigned_to == advisor.staff_id)
    if advisor.telegram_id is not None:
        held.append(HandoffCase.assigned_telegram_id == advisor.telegram_id)
    return held


def _changed(result: Result[Any]) -> int:
    """Rows an UPDATE changed (what tells the winner of a race)."""
    return result.rowcount if isinstance(result, CursorResult) else 0


class CaseBook:
    """Case operations for one unit of work; the caller commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, case_id: int) -> HandoffCase | None:
        return await self.session.get(HandoffCase, case_id)

    async def open_case_of(self, user: User) -> HandoffCase | None:
        """The person's case that advisors still handle, if any."""
        return await self.session.scalar(
            select(HandoffCase)
            .where(HandoffCase.user_id == user.id, HandoffCase.status.in_(OPEN))
            .order_by(HandoffCase.created_at.desc())
            .limit(1)
        )

    @staticmethod
    def relay_case(
        latest: HandoffCase | None, within: timedelta, now: datetime | None = None
    ) -> HandoffCase | None:
        """The case what the person writes belongs to, given their latest case: that case if it is open,
        or if an advisor closed it less than `within` ago (to be reopened; a user's own close and an
        erasure do not reopen). A person has at most one open case, and it is their latest.
        """
        if latest is None or latest.status in OPEN:
            return latest
        now = now or utcnow()
        if (
            within <= timedelta(0)
            or latest.status != "closed"
            or latest.closed_by != "advisor"
            or latest.closed_at is None
            or now - latest.closed_at > within
        ):
            return None
        return latest

    async def reopen(self, found: HandoffCase) -> bool:
        """Back to the queue (to whoever held it, if anyone). False if it changed meanwhile."""
        now = utcnow()
        result = await self.session.execute(
            update(HandoffCase)
            .where(HandoffCase.id == found.id, HandoffCase.status == "closed")
            .values(
                status=case((HandoffCase.assigned_at.is_(None), "waiting"), else_="assigned"),
                closed_at=None,
                closed_by=None,
                waiting_since=now,
                reopen_count=HandoffCase.reopen_count + 1,
                user_acked=False,
            )
            .execution_options(synchronize_session=False)
        )
        await self.session.refresh(found)
        return _changed(result) == 1

    def add_message(
        self,
        found: HandoffCase,
        direction: str,
        text: str | None,
        *,
        author: str | None = None,
        staff_id: int | None = None,
        media_kind: str | None = None,
        file_id: str | None = None,
        relayed: bool = False,
    ) -> CaseMessage:
        """Record a message of the case (nothing is sent here)."""
        if direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {direction!r}")
        record = CaseMessage(
            case_id=found.id,
            direction=direction,
            author=author,
            staff_id=staff_id,
            text=text,
            media_kind=media_kind,
            file_id=file_id,
            created_at=utcnow(),
            relayed_at=utcnow() if relayed else None,
        )
        self.session.add(record)
        return record

    async def claim(self, case_id: int, advisor: Advisor) -> ClaimResult:
        """Take a waiting case. Exactly one of several simultaneous claimers wins."""
        now = utcnow()
        result = await self.session.execute(
            update(HandoffCase)
            .where(
                HandoffCase.id == case_id,
                HandoffCase.status == "waiting",
                HandoffCase.assigned_to.is_(None),
                HandoffCase.assigned_telegram_id.is_(None),
            )
            .values(
                status="assigned",
                assigned_to=advisor.staff_id,
                assigned_telegram_id=advisor.telegram_id,
                assigned_name=advisor.name[:64],
                assigned_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if _changed(result) == 1:
            return ClaimResult(True, advisor.name)
        holder = await self.session.scalar(select(HandoffCase.assigned_name).where(HandoffCase.id == case_id))
        return ClaimResult(False, holder)

    async def answered(self, case_id: int, advisor: Advisor) -> None:
        """An advisor wrote to the person: who holds an unclaimed case, first reply time, status."""
        # Answering an unclaimed case claims it, under the same condition as a claim (so never twice).
        await self.claim(case_id, advisor)
        now = utcnow()
        await self.session.execute(
            update(HandoffCase)
            .where(HandoffCase.id == case_id, HandoffCase.status.in_(OPEN))
            .values(
                status="answered",
                answered_at=now,
                first_response_at=case(
                    (HandoffCase.first_response_at.is_(None), now), else_=HandoffCase.first_response_at
                ),
                user_acked=False,
            )
            .execution_options(synchronize_session=False)
        )

    async def close(self, case_id: int, by: str) -> bool:
        """Close an open case ('advisor' or 'user'); False if it was not open (already closed)."""
        result = await self.session.execute(
            update(HandoffCase)
            .where(HandoffCase.id == case_id, HandoffCase.status.in_(OPEN))
            .values(status="closed", closed_at=utcnow(), closed_by=by)
            .execution_options(synchronize_session=False)
        )
        return _changed(result) == 1

    async def may_act(self, case_id: int, advisor: Advisor) -> bool:
        """Whether the case is open and unclaimed or held by this advisor (others must not interfere)."""
        found = await self.session.scalar(
            select(HandoffCase.id).where(
                HandoffCase.id == case_id,
                or_(
                    and_(HandoffCase.assigned_to.is_(None), HandoffCase.assigned_telegram_id.is_(None)),
                    *_held_by(advisor),
                ),
            )
        )
        return found is not None

    async def messages(self, case_id: int, after: int = 0, limit: int = 500) -> Sequence[CaseMessage]:
        """The case's messages in order (notes included)."""
        rows = await self.session.scalars(
            select(CaseMessage)
            .where(CaseMessage.case_id == case_id, CaseMessage.id > after)
            .order_by(CaseMessage.id)
            .limit(limit)
        )
        return rows.all()

    @staticmethod
    def acknowledge(found: HandoffCase) -> bool:
        """True once per advisor turn: the person should be told their message arrived."""
        if found.user_acked:
            return False
        found.user_acked = True
        return True

    async def erase_user(self, user: User) -> None:
        """/forget: the person's case messages go, their cases close and lose the link to them.

        The anonymous timings stay for statistics. A Telegram topic of an erased case is deleted by the
        advisors' relay (it finds `closed_by == "erased"` cases that still have a topic).
        """
        cases = select(HandoffCase.id).where(HandoffCase.user_id == user.id)
        await self.session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(cases)))
        await self.session.execute(
            update(HandoffCase)
            .where(HandoffCase.user_id == user.id, HandoffCase.status.in_(OPEN))
            .values(status="closed", closed_at=utcnow(), closed_by="erased")
        )
        await self.session.execute(
            update(HandoffCase)
            .where(HandoffCase.user_id == user.id, HandoffCase.telegram_thread_id.is_not(None))
            .values(closed_by="erased")
        )
        await self.session.execute(
            update(HandoffCase).where(HandoffCase.user_id == user.id).values(user_id=None)
        )

    async def staff_by_telegram(self, telegram_id: int) -> Staff | None:
        return await self.session.scalar(select(Staff).where(Staff.telegram_id == telegram_id))
