"""CSV files: any dashboard table, and one row per conversation streamed straight from the database.

The per-conversation file has no texts and no identifiers: no conversation or user id and no timestamps;
rows are grouped by language and district. A district is written only when at least 5 conversations
in the file share it with the same language; otherwise it reads "<5", as in every other breakdown.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats.cells import Table, csv_value
from bot.stats.definitions import ANSWERED, MIN_COUNT, UNANSWERED, UNKNOWN, is_question
from bot.stats.period import Period
from bot.stats.privacy import HIDDEN, minutes
from bot.storage.models import Conversation, Event, HandoffCase

CONVERSATION_COLUMNS = (
    "language",
    "district",
    "questions",
    "answered",
    "unanswered",
    "result",
    "topics",
    "escalated",
    "escalation_reason",
    "first_response_minutes",
    "resolution_minutes",
    "thumbs_up",
    "thumbs_down",
)
#: Database rows fetched at a time (a conversation's rows may span two batches; that is handled).
FETCH_ROWS = 2000


@dataclass(frozen=True)
class Case:
    """What the per-conversation export uses of a conversation's (first) handoff case."""

    reason: str
    created_at: datetime
    first_response_at: datetime | None
    closed_at: datetime | None

    @property
    def first_response(self) -> float | None:
        """Seconds to an advisor's first reply."""
        if self.first_response_at is None:
            return None
        return (self.first_response_at - self.created_at).total_seconds()

    @property
    def resolution(self) -> float | None:
        """Seconds to closing, for cases an advisor answered (a case closed by erasure is not resolved)."""
        if self.closed_at is None or self.first_response_at is None:
            return None
        return (self.closed_at - self.created_at).total_seconds()


def csv_lines(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def table_csv(table: Table) -> str:
    """A table as CSV: column ids as the header, "<5" for hidden counts, "" for withheld figures."""
    header = [column.id for column in table.columns]
    return csv_lines([header, *([csv_value(cell) for cell in row.cells] for row in table.rows)])


@dataclass
class _Conversation:
    language: str
    district: str
    outcomes: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    up: int = 0
    down: int = 0

    def add(self, kind: str | None, outcome: str | None, topic: str | None, value: float | None) -> None:
        if kind == "question" and outcome and is_question(outcome):
            self.outcomes.append(outcome)
            if outcome in ANSWERED and topic and topic not in self.topics:
                self.topics.append(topic)
        elif kind == "feedback":
            self.up += (value or 0) > 0
            self.down += (value or 0) <= 0

    def row(self, case: Case | None, small: set[tuple[str, str]]) -> list[str]:
        answered = sum(1 for outcome in self.outcomes if outcome in ANSWERED)
        unanswered = sum(1 for outcome in self.outcomes if outcome in UNANSWERED)
        district = HIDDEN if (self.language, self.district) in small else self.district
        return [
            self.language,
            district,
            str(len(self.outcomes)),
            str(answered),
            str(unanswered),
            _result(answered, unanswered),
            " ".join(self.topics),
            "yes" if case else "no",
            case.reason if case else "",
            minutes(case.first_response if case else None),
            minutes(case.resolution if case else None),
            str(self.up),
            str(self.down),
        ]


def _result(answered: int, unanswered: int) -> str:
    if not answered and not unanswered:
        return "no questions"
    if not unanswered:
        return "answered"
    return "unanswered" if not answered else "partly answered"


async def _small_groups(session: AsyncSession, period: Period) -> set[tuple[str, str]]:
    """(language, district) pairs shared by fewer than MIN_COUNT conversations of the period."""
    start, end = period.utc_range()
    query = (
        select(Conversation.language, Conversation.district, func.count())
        .where(Conversation.started_at >= start, Conversation.started_at < end)
        .group_by(Conversation.language, Conversation.district)
    )
    counts: Counter[tuple[str, str]] = Counter()
    for language, district, n in (await (await session.connection()).execute(query)).all():
        counts[(language or UNKNOWN, district or UNKNOWN)] += int(n)
    return {pair for pair, n in counts.items() if n < MIN_COUNT and pair[1] != UNKNOWN}


async def _cases(session: AsyncSession, period: Period) -> dict[int, Case]:
    """The first handoff case of each conversation started in the period."""
    start, end = period.utc_range()
    query = (
        select(
            HandoffCase.conversation_id,
            HandoffCase.reason,
            HandoffCase.created_at,
            HandoffCase.first_response_at,
            HandoffCase.closed_at,
        )
        .join(Conversation, HandoffCase.conversation_id == Conversation.id)
        .where(Conversation.started_at >= start, Conversation.started_at < end)
        .order_by(HandoffCase.created_at)
    )
    cases: dict[int, Case] = {}
    for conversation_id, reason, created, first_response, closed in (
        await (await session.connection()).execute(query)
    ).all():
        if conversation_id is not None:
            cases.setdefault(conversation_id, Case(reason, created, first_response, closed))
    return cases


async def conversation_rows(
    sessions: async_sessionmaker[AsyncSession], period: Period
) -> AsyncIterator[list[list[str]]]:
    """One row per conversation started in the period (CONVERSATION_COLUMNS), in batches, read as a stream."""
    start, end = period.utc_range()
    async with sessions() as session:
        small = await _small_groups(session, period)
        cases = await _cases(session, period)
        query = (
            select(
                Conversation.id,
                Conversation.language,
                Conversation.district,
                Event.kind,
                Event.outcome,
                Event.topic,
                Event.value,
            )
            .outerjoin(
                Event,
                and_(Event.conversation_id == Conversation.id, Event.kind.in_(("question", "feedback"))),
            )
            .where(Conversation.started_at >= start, Conversation.started_at < end)
            .order_by(Conversation.language, Conversation.district, Conversation.id, Event.id)
        )
        # A Core stream on the connection (a server-side cursor on PostgreSQL), read in batches: rows
        # one by one would cost an await each.
        stream = await (await session.connection()).stream(query)
        current_id: int | None = None
        current = _Conversation(UNKNOWN, UNKNOWN)
        async for batch in stream.partitions(FETCH_ROWS):
            rows = []
            for cid, language, district, kind, outcome, topic, value in batch:
                if cid != current_id:
                    if current_id is not None:
                        rows.append(current.row(cases.get(current_id), small))
                    current_id, current = cid, _Conversation(language or UNKNOWN, district or UNKNOWN)
                current.add(kind, outcome, topic, value)
            if rows:
                yield rows
        if current_id is not None:
            yield [current.row(cases.get(current_id), small)]


async def conversations_csv(sessions: async_sessionmaker[AsyncSession], period: Period) -> AsyncIterator[str]:
    """The per-conversation CSV in chunks of text, header first."""
    yield csv_lines([CONVERSATION_COLUMNS])
    async for rows in conversation_rows(sessions, period):
        yield csv_lines(rows)
