"""Retention: what people wrote is deleted after `privacy.message_retention_days`; statistics stay.

Every table that keeps conversation text is one line of `TRANSCRIPTS`: the table, its text column and the
timestamp that ages it. A nullable text column is emptied (the row keeps its anonymous facts: direction,
language, intent, time); a text column that cannot be empty loses the whole row. `events` and the daily
rollups hold no text and are never touched, so the dashboard's history outlives the transcripts.

Two more places can hold a person's words and are handled here too: a question written before the language
was chosen waits in `users.state["pending"]` until it is answered (dropped for people not seen since the
cut-off), and the Telegram door's own records, which clear the raw update and the sent message at once and
are pruned after `telegram.retention_hours` by the door itself.

The running service purges every `privacy.purge_every_hours`; `firststeps privacy purge` does it from cron.
Both are idempotent and safe to run from several workers at once.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Column, String, Table, cast, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.dml import Delete, Update

from bot.config import PrivacySettings
from bot.storage.models import Base, User, utcnow

log = logging.getLogger(__name__)

#: Seconds after start-up before the first purge (start-up itself comes first).
FIRST_DELAY = 30.0


@dataclass(frozen=True)
class Transcript:
    """A table holding conversation text: `text` is deleted once `timestamp` is older than the cut-off."""

    table: str
    text: str
    timestamp: str

    @property
    def name(self) -> str:
        """How the purge reports it: the table, or table.column for a second column of one table."""
        return self.table if self.text == "text" else f"{self.table}.{self.text}"

    def columns(self) -> tuple[Table, Column[object], Column[object]]:
        """The table and its two columns (KeyError names a line that does not match the schema)."""
        table = Base.metadata.tables[self.table]
        return table, table.c[self.text], table.c[self.timestamp]


#: Every table that keeps what people wrote or were told. A new transcript table is one more line.
TRANSCRIPTS: tuple[Transcript, ...] = (
    Transcript("messages", "text", "created_at"),
    # What people and advisors wrote in a case, and the files they sent (Telegram file ids).
    Transcript("case_messages", "text", "created_at"),
    Transcript("case_messages", "file_id", "created_at"),
)


def cutoff(settings: PrivacySettings, now: datetime | None = None) -> datetime:
    """Texts older than this are deleted."""
    return (now or utcnow()) - timedelta(days=settings.message_retention_days)


async def purge(engine: AsyncEngine, before: datetime) -> dict[str, int]:
    """Delete the texts older than `before`; returns the rows changed per table (and "users.pending")."""
    changed: dict[str, int] = {}
    async with engine.begin() as connection:
        for transcript in TRANSCRIPTS:
            table, text, timestamp = transcript.columns()
            old = timestamp < before
            statement: Update | Delete = (
                update(table).where(old, text.is_not(None)).values({text.name: None})
                if text.nullable
                else delete(table).where(old)
            )
            changed[transcript.name] = (await connection.execute(statement)).rowcount
        changed["users.pending"] = await _drop_pending_questions(connection, before)
    return changed


async def _drop_pending_questions(connection: AsyncConnection, before: datetime) -> int:
    """Questions asked before choosing a language, by people not seen since `before`."""
    rows = await connection.execute(
        select(User.id, User.state).where(
            User.last_seen_at < before, cast(User.state, String).like('%"pending"%')
        )
    )
    dropped = 0
    for user_id, state in rows.all():
        if isinstance(state, dict) and "pending" in state:
            kept = {key: value for key, value in state.items() if key != "pending"}
            await connection.execute(update(User).where(User.id == user_id).values(state=kept))
            dropped += 1
    return dropped


async def purge_expired(engine: AsyncEngine, settings: PrivacySettings) -> dict[str, int]:
    """One purge with the configured retention; logs what it did (counts only)."""
    changed = await purge(engine, cutoff(settings))
    if any(changed.values()):
        log.info(
            "retention: deleted texts older than %d days: %s",
            settings.message_retention_days,
            ", ".join(f"{name} {count}" for name, count in changed.items()),
        )
    return changed


async def keep_purged(
    engine: AsyncEngine, settings: PrivacySettings, first_delay: float = FIRST_DELAY
) -> None:
    """Run until cancelled; a failed purge (the database away) is logged and tried at the next pass."""
    await asyncio.sleep(first_delay)
    while True:
        try:
            await purge_expired(engine, settings)
        except Exception:
            log.exception("retention: purge failed; trying again in %.1f h", settings.purge_every_hours)
        await asyncio.sleep(settings.purge_every_hours * 3600)
