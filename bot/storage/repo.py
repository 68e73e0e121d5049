"""The conversation core's unit of work: users, conversations, messages, events and handoff cases.

One `Repository` wraps one session for one incoming message; the caller decides when to commit. The core
never sees an engine or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ScalarSelect, delete, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.handoff.cases import CaseBook
from bot.storage.models import Conversation, Event, HandoffCase, Message, User, utcnow

CONVERSATION_GAP = timedelta(hours=6)
OPEN_CASE_STATUSES = ("waiting", "assigned", "answered")


@dataclass
class Arrival:
    """What the core needs to know about the sender of a message, read in one query."""

    user: User
    conversation: Conversation | None  # their latest conversation, if any (maybe too old to go on)
    latest_case: HandoffCase | None  # their latest handoff case, open or not
    recent: int  # their incoming messages since the `since` asked for (0 if not asked)


class Repository:
    """Storage operations for one unit of work (one incoming message)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def commit(self) -> None:
        await self.session.commit()

    async def user(self, channel: str, external_id: str, client_language: str | None) -> User:
        """The user behind a chat, created on first contact."""
        user = await self.session.scalar(
            select(User).where(User.channel == channel, User.external_id == external_id)
        )
        if user is None:
            user = User(channel=channel, external_id=external_id, state={})
            self.session.add(user)
        self._seen(user, client_language)
        return user

    async def arrive(
        self, channel: str, external_id: str, client_language: str | None, since: datetime | None = None
    ) -> Arrival:
        """The sender (created on first contact) with their latest conversation, their latest case and
        the count of their messages since `since`, in one statement.

        Every incoming message starts here, so the four lookups it needs share one round trip.
        """
        latest_conversation = (
            select(Conversation.id)
            .where(Conversation.user_id == User.id)
            .order_by(Conversation.last_message_at.desc())
            .limit(1)
            .correlate(User)
            .scalar_subquery()
        )
        latest_case = (
            select(HandoffCase.id)
            .where(HandoffCase.user_id == User.id)
            .order_by(HandoffCase.created_at.desc(), HandoffCase.id.desc())
            .limit(1)
            .correlate(User)
            .scalar_subquery()
        )
        recent: ScalarSelect[int] | Any = literal(0)
        if since is not None:
            recent = (
                select(func.count(Message.id))
                .where(Message.user_id == User.id, Message.direction == "in", Message.created_at > since)
                .correlate(User)
                .scalar_subquery()
            )
        row = (
            await self.session.execute(
                select(User, Conversation, HandoffCase, recent)
                .outerjoin(Conversation, Conversation.id == latest_conversation)
                .outerjoin(HandoffCase, HandoffCase.id == latest_case)
                .where(User.channel == channel, User.external_id == external_id)
            )
        ).first()
        if row is None:
            user = User(channel=channel, external_id=external_id, state={})
            self.session.add(user)
            arrival = Arrival(user, None, None, 0)
        else:
            arrival = Arrival(row[0], row[1], row[2], int(row[3] or 0))
        self._seen(arrival.user, client_language)
        return arrival

    @staticmethod
    def _seen(user: User, client_language: str | None) -> None:
        if client_language:
            user.client_language = client_language[:16]
        user.last_seen_at = utcnow()
        user.active = True

    async def conversation(self, user: User) -> Conversation:
        """The user's current conversation; a new one after a long silence (for per-conversation stats)."""
        await self.session.flush()
        latest = await self.session.scalar(
            select(Conversation)
            .where(Conversation.user_id == user.id)
            .order_by(Conversation.last_message_at.desc())
            .limit(1)
        )
        return await self.go_on(user, latest)

    async def go_on(self, user: User, latest: Conversation | None) -> Conversation:
        """`latest` continued, or a new conversation if there is none or it ended in a long silence."""
        if user.id is None:
            await self.session.flush()  # a new user: the conversation needs their id
        now = utcnow()
        if latest is None or now - latest.last_message_at > CONVERSATION_GAP:
            latest = Conversation(user_id=user.id, channel=user.channel, started_at=now)
            self.session.add(latest)
        latest.last_message_at = now
        latest.language = user.language or latest.language
        latest.district = user.district or latest.district
        if latest.id is None:
            await self.session.flush()  # a new conversation: the message needs its id
        return latest

    def message(
        self, conversation: Conversation, user: User | None, direction: str, **fields: Any
    ) -> Message:
        """Record a message in or out ('in' | 'out')."""
        record = Message(
            conversation_id=conversation.id,
            user_id=user.id if user else None,
            direction=direction,
            **fields,
        )
        self.session.add(record)
        return record

    def event(self, kind: str, conversation: Conversation | None, user: User | None, **fields: Any) -> None:
        """Record an anonymous statistics event; language and district come from the user's profile."""
        self.session.add(
            Event(
                kind=kind,
                conversation_id=conversation.id if conversation else None,
                channel=user.channel if user else None,
                language=fields.pop("language", user.language if user else None),
                district=user.district if user else None,
                **fields,
            )
        )

    async def open_case(
        self, user: User, conversation: Conversation, **fields: Any
    ) -> tuple[HandoffCase, bool]:
        """The user's open handoff case, or a new one; returns (case, created).

        `language` is the language the person is answered in, for a person who has not chosen one yet.
        """
        language = fields.pop("language", None)
        case = await self.session.scalar(
            select(HandoffCase)
            .where(HandoffCase.user_id == user.id, HandoffCase.status.in_(OPEN_CASE_STATUSES))
            .order_by(HandoffCase.created_at.desc())
            .limit(1)
        )
        if case is not None:
            if fields.get("crisis") and not case.crisis:
                case.crisis = fields["crisis"]
            return case, False
        case = HandoffCase(
            user_id=user.id,
            conversation_id=conversation.id,
            language=user.language or language,
            district=user.district,
            status="waiting",
            waiting_since=utcnow(),
            **fields,
        )
        self.session.add(case)
        await self.session.flush()
        return case, True

    async def erase_user(self, user: User) -> None:
        """Erase a person's data (/forget): transcripts and profile go, anonymous events stay."""
        await self.session.execute(delete(Message).where(Message.user_id == user.id))
        conversations = select(Conversation.id).where(Conversation.user_id == user.id)
        await self.session.execute(delete(Message).where(Message.conversation_id.in_(conversations)))
        await self.session.execute(
            update(Conversation).where(Conversation.user_id == user.id).values(user_id=None)
        )
        # Case messages go, cases close and lose the person; anonymous case timings stay.
        await CaseBook(self.session).erase_user(user)
        await self.session.delete(user)
