"""Advisors act on cases from any desk (the Telegram advisors' group, the web console) through one `Desk`.

Each action is one transaction that records the case message and moves the case on; what must then reach
someone is left as state in `case_messages` (an advisor's message not yet `delivered_at` the person, a
person's message not yet `relayed_at` the Telegram topic), and the bus wakes whoever carries it. Channels
drain that state, so a restart in the middle of a case loses nothing: the next sweep finds what is left.

Rules every desk shares: a case taken by one advisor is not answered or closed by another; notes stay
internal (they are never delivered to the person); closing tells the person, in their language, that
writing within `reopen_days` reopens the case.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core import compose
from bot.handoff.bus import CaseBus, CaseNews
from bot.handoff.cases import OPEN, Advisor, CaseBook, ClaimResult
from bot.i18n import translator
from bot.storage.models import CaseMessage, HandoffCase, User, utcnow

DEFAULT_LANGUAGE = "uk"


class Done(enum.Enum):
    """How an advisor's action ended."""

    OK = "ok"
    NOT_FOUND = "not_found"
    CLOSED = "closed"  # the case is closed: nothing to answer
    TAKEN = "taken"  # another advisor holds the case
    EMPTY = "empty"


@dataclass(frozen=True)
class ForPerson:
    """A message waiting to reach the person of a case, in the core's markup."""

    message_id: int
    case_id: int
    channel: str
    user_ref: str
    text: str
    media_kind: str | None = None
    file_id: str | None = None


class Desk:
    """What advisors do to cases, the same from Telegram and from the console."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], bus: CaseBus, *, reopen_days: float = 3
    ) -> None:
        self.sessions = sessions
        self.bus = bus
        self.reopen_days = reopen_days

    async def claim(self, case_id: int, advisor: Advisor) -> ClaimResult:
        """Take a waiting case; exactly one of several simultaneous claimers wins."""
        async with self.sessions() as session:
            result = await CaseBook(session).claim(case_id, advisor)
            await session.commit()
        if result.won:
            self.bus.publish(CaseNews(case_id, "claimed"))
        return result

    async def reply(
        self,
        case_id: int,
        advisor: Advisor,
        text: str | None,
        *,
        media_kind: str | None = None,
        file_id: str | None = None,
        in_topic: bool = False,
    ) -> Done:
        """An advisor's message to the person (`in_topic`: written in the case's Telegram topic)."""
        if not (text or "").strip() and file_id is None:
            return Done.EMPTY
        async with self.sessions() as session:
            book = CaseBook(session)
            refused = await self._refusal(book, case_id, advisor)
            if refused is not None:
                return refused
            found = await book.get(case_id)
            assert found is not None
            book.add_message(
                found,
                "advisor",
                text,
                author=advisor.name,
                staff_id=advisor.staff_id,
                media_kind=media_kind,
                file_id=file_id,
                relayed=in_topic,
            )
            await book.answered(case_id, advisor)
            await session.commit()
        self.bus.publish(CaseNews(case_id, "advisor_message"))
        return Done.OK

    async def note(self, case_id: int, advisor: Advisor, text: str, *, in_topic: bool = False) -> Done:
        """An internal note: kept with the case for advisors, never sent to the person."""
        if not text.strip():
            return Done.EMPTY
        async with self.sessions() as session:
            book = CaseBook(session)
            found = await book.get(case_id)
            if found is None:
                return Done.NOT_FOUND
            book.add_message(
                found, "note", text, author=advisor.name, staff_id=advisor.staff_id, relayed=in_topic
            )
            await session.commit()
        self.bus.publish(CaseNews(case_id, "note"))
        return Done.OK

    async def close(self, case_id: int, advisor: Advisor) -> Done:
        """Close the case and tell the person (in their language) how it reopens."""
        async with self.sessions() as session:
            book = CaseBook(session)
            refused = await self._refusal(book, case_id, advisor)
            if refused is not None:
                return refused
            if not await book.close(case_id, "advisor"):
                return Done.CLOSED
            found = await book.get(case_id)
            assert found is not None
            t = translator(found.language or DEFAULT_LANGUAGE)
            days = math.ceil(self.reopen_days)
            book.add_message(
                found, "system", compose.closed_by_advisor(case_id, days, t), author=advisor.name
            )
            await session.commit()
        self.bus.publish(CaseNews(case_id, "closed"))
        return Done.OK

    @staticmethod
    async def _refusal(book: CaseBook, case_id: int, advisor: Advisor) -> Done | None:
        found = await book.get(case_id)
        if found is None:
            return Done.NOT_FOUND
        if found.status not in OPEN:
            return Done.CLOSED
        if not await book.may_act(case_id, advisor):
            return Done.TAKEN
        return None

    # --- what waits to be carried ---------------------------------------------------------------------

    async def for_persons(self, channel: str, user_ref: str | None = None) -> list[ForPerson]:
        """Advisors' and system messages not yet handed to the people of a channel (one person: user_ref)."""
        async with self.sessions() as session:
            return await undelivered(session, channel, user_ref)

    async def delivered(self, message_ids: Sequence[int]) -> None:
        """The channel has taken these messages (written to its outbox, or fetched by the web chat)."""
        if not message_ids:
            return
        async with self.sessions() as session:
            await session.execute(
                update(CaseMessage)
                .where(CaseMessage.id.in_(message_ids), CaseMessage.delivered_at.is_(None))
                .values(delivered_at=utcnow())
            )
            await session.commit()


async def undelivered(session: AsyncSession, channel: str, user_ref: str | None = None) -> list[ForPerson]:
    """Messages for people that no channel has taken yet, oldest first, rendered for the person."""
    query = (
        select(CaseMessage, HandoffCase.language, User.external_id)
        .join(HandoffCase, CaseMessage.case_id == HandoffCase.id)
        .join(User, HandoffCase.user_id == User.id)
        .where(
            CaseMessage.direction.in_(("advisor", "system")),
            CaseMessage.delivered_at.is_(None),
            User.channel == channel,
        )
        .order_by(CaseMessage.id)
    )
    if user_ref is not None:
        query = query.where(User.external_id == user_ref)
    out = []
    for message, language, external_id in (await session.execute(query)).all():
        t = translator(language or DEFAULT_LANGUAGE)
        text = message.text or ""
        if message.direction == "advisor":
            text = compose.from_advisor(text, t)
        out.append(
            ForPerson(
                message.id, message.case_id, channel, external_id, text, message.media_kind, message.file_id
            )
        )
    return out
