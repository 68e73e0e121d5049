"""The published guide in the database, seeded from (and kept in step with) the content/ files.

At start-up every topic file is compared with the database copy: a new topic is inserted, and a topic whose
newest revision came from the files is updated when its file changed. A topic an editor changed in the
database is never overwritten by a file; that conflict is logged for `firststeps content import` to report.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import ContentRevision, ContentTopic, utcnow
from content.guide import body_hash, parse_topic

log = logging.getLogger(__name__)

FILE_AUTHOR = "content-files"


@dataclass(frozen=True)
class SyncReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()


async def _latest_revision(session: AsyncSession, topic_id: str) -> ContentRevision | None:
    return await session.scalar(
        select(ContentRevision)
        .where(ContentRevision.topic_id == topic_id)
        .order_by(ContentRevision.version.desc())
        .limit(1)
    )


async def sync_from_files(session: AsyncSession, bodies: dict[str, dict[str, Any]]) -> SyncReport:
    """Bring file changes into the database without overwriting editors' work. Caller commits."""
    added, updated, conflicts = [], [], []
    for topic_id, body in bodies.items():
        parse_topic(body, topic_id)  # refuse invalid content before it reaches the bot
        digest = body_hash(body)
        row = await session.get(ContentTopic, topic_id)
        if row is None:
            session.add(ContentTopic(id=topic_id, domain=body["domain"], body=body, version=1))
            await session.flush()
            session.add(
                ContentRevision(
                    topic_id=topic_id,
                    version=1,
                    body=body,
                    source_hash=digest,
                    author=FILE_AUTHOR,
                    note="imported from content files",
                )
            )
            added.append(topic_id)
            continue
        latest = await _latest_revision(session, topic_id)
        if latest is not None and latest.source_hash == digest:
            continue
        if latest is not None and latest.author != FILE_AUTHOR:
            conflicts.append(topic_id)
            continue
        row.version += 1
        row.body, row.domain, row.updated_at = body, body["domain"], utcnow()
        session.add(
            ContentRevision(
                topic_id=topic_id,
                version=row.version,
                body=body,
                source_hash=digest,
                author=FILE_AUTHOR,
                note="updated from content files",
            )
        )
        updated.append(topic_id)
    if conflicts:
        log.warning("content files differ from edited topics (kept the edits): %s", ", ".join(conflicts))
    return SyncReport(tuple(added), tuple(updated), tuple(conflicts))


async def published_bodies(session: AsyncSession) -> list[tuple[str, dict[str, Any]]]:
    """Every published topic document, for building the Guide."""
    rows = await session.scalars(select(ContentTopic).order_by(ContentTopic.id))
    return [(f"database topic {row.id}", row.body) for row in rows]
