"""The Telegram door's own records: received updates and the outbox of messages to chats.

Two promises rest on these rows. An update is stored before Telegram is told it arrived, and its id is the
key, so a redelivered update is recognised and answered once. A reply is written to the outbox before the
first attempt to send it and marked when Telegram confirms it, so retries and restarts neither lose it nor
send it twice. Personal content (the raw update, the message text) is cleared as soon as it is no longer
needed, and the remaining bookkeeping is pruned after the deduplication window.

Every operation here is one or two Core statements in a short transaction on a connection of its own (no
ORM session): this sits on the path of every Telegram message, next to the conversation core's own writes,
and a session would cost a third more.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.sql.dml import Insert

from bot.storage.models import CaseMessage, HandoffCase, Staff, TelegramOutbox, TelegramUpdate, User, utcnow

CHANNEL = "telegram"
FINAL = ("sent", "rejected", "blocked")
OPEN_CASES = ("waiting", "assigned", "answered")

# INSERT … ON CONFLICT DO NOTHING, per engine: a redelivered update must be a no-op, not an error that
# aborts the batch it arrived with.
_UPSERTS: dict[str, Callable[[type[TelegramUpdate]], Insert]] = {
    "sqlite": sqlite.insert,
    "postgresql": postgresql.insert,
}


@dataclass(frozen=True)
class ReceivedUpdate:
    """An update as it arrived: its id, the chat it belongs to (if any) and the raw JSON."""

    update_id: int
    chat_id: int | None
    body: dict[str, Any]


@dataclass(frozen=True)
class TopicMessage:
    """A case message still to be shown in its case's forum topic."""

    id: int
    case_id: int
    thread_id: int
    direction: str
    author: str | None
    text: str | None
    media_kind: str | None
    file_id: str | None


@dataclass(frozen=True)
class OutboxRow:
    """A message waiting for (or going through) delivery to one chat."""

    id: int
    chat_id: int
    params: dict[str, Any]
    attempts: int = 0


class TelegramStore:
    """Updates and outbox rows of one bot (Telegram's update ids are unique per bot only)."""

    def __init__(self, engine: AsyncEngine, bot_id: int) -> None:
        self.engine = engine
        self.bot_id = bot_id

    @classmethod
    def of(cls, sessions: async_sessionmaker[AsyncSession], bot_id: int) -> TelegramStore:
        """The store on the engine behind a session factory (what the doors are given)."""
        engine = sessions.kw.get("bind")
        if not isinstance(engine, AsyncEngine):
            raise TypeError("the session factory is not bound to an async engine")
        return cls(engine, bot_id)

    async def receive(self, updates: Sequence[ReceivedUpdate]) -> set[int]:
        """Store new updates; returns the ids that were new (the others arrived before)."""
        if not updates:
            return set()
        now = utcnow()
        rows = [
            {
                "bot_id": self.bot_id,
                "update_id": item.update_id,
                "chat_id": item.chat_id,
                "status": "new",
                "body": item.body,
                "received_at": now,
            }
            for item in updates
        ]
        async with self.engine.begin() as connection:
            statement = (
                _UPSERTS[connection.dialect.name](TelegramUpdate)
                .on_conflict_do_nothing()  # type: ignore[attr-defined]
                .returning(TelegramUpdate.update_id)
            )
            return set((await connection.scalars(statement, rows)).all())

    async def unfinished(self) -> list[dict[str, Any]]:
        """Raw updates stored but not yet answered (the process stopped first), oldest first."""
        async with self.engine.connect() as connection:
            rows = await connection.scalars(
                select(TelegramUpdate.body)
                .where(TelegramUpdate.bot_id == self.bot_id, TelegramUpdate.status == "new")
                .order_by(TelegramUpdate.update_id)
            )
            return [body for body in rows if body is not None]

    async def _enqueue(
        self,
        connection: AsyncConnection,
        update_id: int | None,
        chat_id: int,
        messages: Sequence[dict[str, Any]],
    ) -> list[OutboxRow]:
        """Insert messages for one chat into the outbox, in order (`seq`); the caller's transaction."""
        if not messages:
            return []
        now = utcnow()
        result = await connection.execute(
            insert(TelegramOutbox).returning(
                TelegramOutbox.id, TelegramOutbox.seq, sort_by_parameter_order=True
            ),
            [
                {
                    "bot_id": self.bot_id,
                    "update_id": update_id,
                    "seq": seq,
                    "chat_id": chat_id,
                    "status": "pending",
                    "params": params,
                    "attempts": 0,
                    "created_at": now,
                }
                for seq, params in enumerate(messages)
            ],
        )
        return [OutboxRow(row_id, chat_id, messages[seq]) for row_id, seq in result.all()]

    async def answer(
        self, update_id: int, chat_id: int, messages: Sequence[dict[str, Any]], status: str = "answered"
    ) -> list[OutboxRow]:
        """Write the replies to an update and close it (`status`), in one transaction."""
        async with self.engine.begin() as connection:
            return await self.answer_in(connection, update_id, chat_id, messages, status)

    async def answer_in(
        self,
        connection: AsyncConnection,
        update_id: int,
        chat_id: int,
        messages: Sequence[dict[str, Any]],
        status: str = "answered",
    ) -> list[OutboxRow]:
        """`answer` in the caller's transaction (the one in which the core stores its answer)."""
        rows = await self._enqueue(connection, update_id, chat_id, messages)
        await self._close_update(connection, update_id, status)
        return rows

    async def finish(self, update_id: int, status: str) -> None:
        """Close an update that needs no reply ('ignored') or could not be answered ('failed')."""
        async with self.engine.begin() as connection:
            await self._close_update(connection, update_id, status)

    async def _close_update(self, connection: AsyncConnection, update_id: int, status: str) -> None:
        await connection.execute(
            update(TelegramUpdate)
            .where(TelegramUpdate.bot_id == self.bot_id, TelegramUpdate.update_id == update_id)
            .values(status=status, body=None, handled_at=utcnow())
        )

    async def backlog(self, chat_id: int) -> list[OutboxRow]:
        """The chat's messages still waiting for delivery, in the order they must arrive."""
        async with self.engine.connect() as connection:
            result = await connection.execute(
                select(TelegramOutbox.id, TelegramOutbox.params, TelegramOutbox.attempts)
                .where(
                    TelegramOutbox.bot_id == self.bot_id,
                    TelegramOutbox.chat_id == chat_id,
                    TelegramOutbox.status == "pending",
                )
                .order_by(TelegramOutbox.id)
            )
            return [OutboxRow(row_id, chat_id, params or {}, attempts) for row_id, params, attempts in result]

    async def chats_with_backlog(self) -> list[int]:
        """Chats that have messages waiting (after a restart or a long Telegram outage)."""
        async with self.engine.connect() as connection:
            chats = await connection.scalars(
                select(TelegramOutbox.chat_id)
                .where(TelegramOutbox.bot_id == self.bot_id, TelegramOutbox.status == "pending")
                .group_by(TelegramOutbox.chat_id)
                .order_by(TelegramOutbox.chat_id)
            )
            return list(chats)

    async def sent(self, row_id: int, message_id: int | None, attempts: int) -> None:
        """Telegram confirmed the message: it must never be sent again."""
        async with self.engine.begin() as connection:
            await connection.execute(
                update(TelegramOutbox)
                .where(TelegramOutbox.id == row_id)
                .values(
                    status="sent", message_id=message_id, attempts=attempts, params=None, sent_at=utcnow()
                )
            )

    async def attempted(self, row_id: int, attempts: int, error: str) -> None:
        """An attempt failed and the message stays pending (kept for the next try and for operators)."""
        async with self.engine.begin() as connection:
            await connection.execute(
                update(TelegramOutbox)
                .where(TelegramOutbox.id == row_id)
                .values(attempts=attempts, error=error[:200])
            )

    async def rejected(self, row_id: int, attempts: int, error: str) -> None:
        """Telegram refused the message itself (a bad request): retrying cannot help."""
        async with self.engine.begin() as connection:
            await connection.execute(
                update(TelegramOutbox)
                .where(TelegramOutbox.id == row_id)
                .values(status="rejected", attempts=attempts, error=error[:200], params=None)
            )

    async def blocked(self, chat_id: int, error: str) -> None:
        """The user blocked the bot: drop what waits for them and mark them inactive until they return."""
        async with self.engine.begin() as connection:
            await connection.execute(
                update(TelegramOutbox)
                .where(
                    TelegramOutbox.bot_id == self.bot_id,
                    TelegramOutbox.chat_id == chat_id,
                    TelegramOutbox.status == "pending",
                )
                .values(status="blocked", error=error[:200], params=None)
            )
            await self._set_active(connection, chat_id, False)

    async def set_active(self, chat_id: int, active: bool) -> None:
        """Record that a user blocked (False) or unblocked (True) the bot."""
        async with self.engine.begin() as connection:
            await self._set_active(connection, chat_id, active)

    @staticmethod
    async def _set_active(connection: AsyncConnection, chat_id: int, active: bool) -> None:
        await connection.execute(
            update(User)
            .where(User.channel == CHANNEL, User.external_id == str(chat_id))
            .values(active=active)
        )

    async def language(self, chat_id: int) -> str | None:
        """The language the user of a chat chose, if they did."""
        async with self.engine.connect() as connection:
            return await connection.scalar(
                select(User.language).where(User.channel == CHANNEL, User.external_id == str(chat_id))
            )

    async def prune(self, before: datetime) -> int:
        """Forget closed updates and final outbox rows older than `before`; returns the rows removed."""
        async with self.engine.begin() as connection:
            updates = await connection.execute(
                delete(TelegramUpdate).where(
                    TelegramUpdate.bot_id == self.bot_id,
                    TelegramUpdate.status != "new",
                    TelegramUpdate.received_at < before,
                )
            )
            outbox = await connection.execute(
                delete(TelegramOutbox).where(
                    TelegramOutbox.bot_id == self.bot_id,
                    TelegramOutbox.status.in_(FINAL),
                    TelegramOutbox.created_at < before,
                )
            )
            return updates.rowcount + outbox.rowcount

    # --- the advisors' group: forum topics of cases, and what is relayed ---------------------------------

    async def enqueue(
        self,
        chat_id: int,
        messages: Sequence[dict[str, Any]],
        *,
        relayed: Sequence[int] = (),
        delivered: Sequence[int] = (),
    ) -> list[OutboxRow]:
        """Write messages that answer no update (relayed between a person and advisors) to the outbox, and
        in the same transaction mark the case messages they carry as relayed to the topic / delivered to
        the person, so a crash can neither lose them nor carry them twice."""
        async with self.engine.begin() as connection:
            rows = await self._enqueue(connection, None, chat_id, messages)
            if relayed:
                await connection.execute(
                    update(CaseMessage).where(CaseMessage.id.in_(relayed)).values(relayed_at=utcnow())
                )
            if delivered:
                await connection.execute(
                    update(CaseMessage).where(CaseMessage.id.in_(delivered)).values(delivered_at=utcnow())
                )
            return rows

    async def case_of_thread(self, thread_id: int) -> int | None:
        """The case whose forum topic this is."""
        async with self.engine.connect() as connection:
            return await connection.scalar(
                select(HandoffCase.id).where(HandoffCase.telegram_thread_id == thread_id).limit(1)
            )

    async def cases_needing_topic(self, limit: int = 10) -> list[int]:
        """Open cases without a forum topic: crises first, then the longest waiting."""
        async with self.engine.connect() as connection:
            rows = await connection.scalars(
                select(HandoffCase.id)
                .where(
                    HandoffCase.status.in_(OPEN_CASES),
                    HandoffCase.telegram_thread_id.is_(None),
                    HandoffCase.closed_by.is_(None),
                )
                .order_by(HandoffCase.crisis.is_(None), HandoffCase.waiting_since, HandoffCase.id)
                .limit(limit)
            )
            return list(rows)

    async def set_thread(self, case_id: int, thread_id: int | None) -> None:
        async with self.engine.begin() as connection:
            await connection.execute(
                update(HandoffCase).where(HandoffCase.id == case_id).values(telegram_thread_id=thread_id)
            )

    async def thread_lost(self, thread_id: int, case_message_id: int | None) -> None:
        """A case's topic is gone: forget it (a new one is created) and relay the message again there."""
        async with self.engine.begin() as connection:
            await connection.execute(
                update(HandoffCase)
                .where(HandoffCase.telegram_thread_id == thread_id)
                .values(telegram_thread_id=None)
            )
            if case_message_id is not None:
                await connection.execute(
                    update(CaseMessage).where(CaseMessage.id == case_message_id).values(relayed_at=None)
                )

    async def for_topics(self, limit: int = 200) -> list[TopicMessage]:
        """Case messages not yet in their case's topic (cases that have one), oldest first."""
        async with self.engine.connect() as connection:
            result = await connection.execute(
                select(
                    CaseMessage.id,
                    CaseMessage.case_id,
                    HandoffCase.telegram_thread_id,
                    CaseMessage.direction,
                    CaseMessage.author,
                    CaseMessage.text,
                    CaseMessage.media_kind,
                    CaseMessage.file_id,
                )
                .join(HandoffCase, CaseMessage.case_id == HandoffCase.id)
                .where(CaseMessage.relayed_at.is_(None), HandoffCase.telegram_thread_id.is_not(None))
                .order_by(CaseMessage.id)
                .limit(limit)
            )
            return [
                TopicMessage(row_id, case_id, thread, direction, author, text, kind, file_id)
                for row_id, case_id, thread, direction, author, text, kind, file_id in result.all()
                if thread is not None
            ]

    async def erased_topics(self) -> list[tuple[int, int]]:
        """(case, topic) of cases whose person erased their data: the topic must go too."""
        async with self.engine.connect() as connection:
            result = await connection.execute(
                select(HandoffCase.id, HandoffCase.telegram_thread_id).where(
                    HandoffCase.closed_by == "erased", HandoffCase.telegram_thread_id.is_not(None)
                )
            )
            return [(case_id, thread) for case_id, thread in result.all() if thread is not None]

    async def staff_of(self, telegram_id: int) -> tuple[int, str] | None:
        """The console account linked to a member of the advisors' group (id, username)."""
        async with self.engine.connect() as connection:
            row = (
                await connection.execute(
                    select(Staff.id, Staff.username).where(Staff.telegram_id == telegram_id, Staff.active)
                )
            ).first()
            return (row[0], row[1]) if row is not None else None
