"""The events of a time range, counted by every dimension at once, and the breakdowns cut from that count.

One GROUP BY over the range gives the "cube": how many events of each kind, outcome, domain, topic,
language, district and feedback polarity (plus one row counting the conversations started in the range).
Each breakdown the dashboard needs (languages by outcome, districts by language, …) is a function of a
cube row, registered by name in `BREAKDOWNS`. The same functions serve today's live figures and the daily
rollups, so the two can never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.stats.definitions import ANSWERED, UNKNOWN, is_question
from bot.storage.models import Conversation, Event

Key = tuple[str, str, str]
COUNTED_KINDS = ("question", "feedback", "handoff")
#: The kind of the cube row that counts conversations (not an event kind).
CONVERSATIONS = "conversation"


class CubeRow(NamedTuple):
    """How many events share these values ("" where a value is not known)."""

    kind: str
    outcome: str
    domain: str
    topic: str
    language: str
    district: str
    polarity: str
    n: int

    @property
    def question(self) -> bool:
        return self.kind == "question" and is_question(self.outcome)

    @property
    def answered(self) -> bool:
        return self.kind == "question" and self.outcome in ANSWERED and bool(self.topic)


def _questions(row: CubeRow) -> Key | None:
    return (row.domain, row.outcome, "") if row.question else None


def _topics(row: CubeRow) -> Key | None:
    return (row.topic, row.outcome, row.domain) if row.question and row.topic else None


def _languages(row: CubeRow) -> Key | None:
    return (row.language, row.outcome, "") if row.question else None


def _districts(row: CubeRow) -> Key | None:
    return (row.district, row.outcome, "") if row.question else None


def _district_languages(row: CubeRow) -> Key | None:
    return (row.district, row.language, "") if row.question else None


def _topic_districts(row: CubeRow) -> Key | None:
    return (row.topic, row.district, "") if row.answered else None


def _topic_languages(row: CubeRow) -> Key | None:
    return (row.topic, row.language, "") if row.answered else None


def _feedback(row: CubeRow) -> Key | None:
    return (row.topic, row.polarity, row.domain) if row.kind == "feedback" and row.topic else None


def _escalations(row: CubeRow) -> Key | None:
    # The core writes one "handoff" event when it opens a case, so these count cases by reason.
    return (row.outcome, "", "") if row.kind == "handoff" else None


def _conversations(row: CubeRow) -> Key | None:
    return ("", "", "") if row.kind == CONVERSATIONS else None


#: name -> the key a cube row adds to (or None: the row does not belong to this breakdown).
#: key1..key3 of `stats_daily` hold these keys; the comments name the dimensions.
BREAKDOWNS: dict[str, Callable[[CubeRow], Key | None]] = {
    "questions": _questions,  # domain, outcome
    "topics": _topics,  # topic, outcome, domain
    "languages": _languages,  # language, outcome
    "districts": _districts,  # district, outcome
    "district_languages": _district_languages,  # district, language
    "topic_districts": _topic_districts,  # topic, district (answered questions)
    "topic_languages": _topic_languages,  # topic, language (answered questions)
    "feedback": _feedback,  # topic, "up" | "down", domain
    "escalations": _escalations,  # reason
    "conversations": _conversations,  # (conversations started)
}


def cut(rows: Iterable[CubeRow], breakdown: str) -> Counter[Key]:
    """One breakdown of a cube."""
    key_of = BREAKDOWNS[breakdown]
    counts: Counter[Key] = Counter()
    for row in rows:
        key = key_of(row)
        if key is not None:
            counts[key] += row.n
    return counts


def _polarity() -> ColumnElement[str]:
    # Literals are rendered inline: PostgreSQL would see bound parameters in SELECT and in GROUP BY as two
    # different expressions and refuse the query.
    feedback = Event.kind == literal_column("'feedback'")
    return case(
        (and_(feedback, Event.value > literal_column("0")), literal_column("'up'")),
        (feedback, literal_column("'down'")),
        else_=literal_column("''"),
    )


async def cube(session: AsyncSession, start: datetime, end: datetime) -> list[CubeRow]:
    """The cube of the counted events with start <= ts < end (aware UTC instants), and conversations."""
    polarity = _polarity()
    dimensions = (Event.kind, Event.outcome, Event.domain, Event.topic, Event.language, Event.district)
    query = (
        select(*dimensions, polarity, func.count())
        .where(Event.kind.in_(COUNTED_KINDS), Event.ts >= start, Event.ts < end)
        .group_by(*dimensions, polarity)
    )
    connection = await session.connection()
    rows = [_row(*row) for row in (await connection.execute(query)).all()]
    started = select(func.count()).where(Conversation.started_at >= start, Conversation.started_at < end)
    conversations = int(await session.scalar(started) or 0)
    if conversations:
        rows.append(CubeRow(CONVERSATIONS, "", "", "", "", "", "", conversations))
    return rows


def _row(
    kind: str | None,
    outcome: str | None,
    domain: str | None,
    topic: str | None,
    language: str | None,
    district: str | None,
    polarity: str | None,
    count: int | None,
) -> CubeRow:
    return CubeRow(
        kind or UNKNOWN,
        outcome or UNKNOWN,
        domain or UNKNOWN,
        topic or UNKNOWN,
        language or UNKNOWN,
        district or UNKNOWN,
        polarity or UNKNOWN,
        int(count or 0),
    )
