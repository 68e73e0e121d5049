"""The published guide in the database, seeded from (and kept in step with) the content/ files.

At start-up every topic file is compared with the database copy: a new topic is inserted, and a topic whose
newest revision came from the files is updated when its file changed. A topic an editor changed in the
database is never overwritten by a file; that conflict is logged for `firststeps content import` to report
(which may take the file's version on request, as a new revision: the editor's work stays in the history).
A file that equals the published copy (as `firststeps content export` writes it) is in step, not a conflict.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import ContentRevision, ContentTopic, utcnow
from content.guide import Guide, body_hash, parse_topic

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


def _in_step(row: ContentTopic, digest: str) -> bool:
    """The file equals what users see and no draft is waiting: nothing to import."""
    return (
        row.published_version is not None
        and row.published_version == row.version
        and body_hash(row.body) == digest
    )


async def sync_from_files(
    session: AsyncSession,
    bodies: dict[str, dict[str, Any]],
    *,
    force: Collection[str] = (),
    action: str = "files",
) -> SyncReport:
    """Bring file changes into the database without overwriting editors' work. Caller commits.

    Args:
        bodies: topic documents by id, as `load_topic_bodies` reads them.
        force: topic ids whose file wins over an editor's change (a new revision; history keeps the edit).
        action: recorded on the revisions written ("files" at start-up, "import" from the command).
    """
    added, updated, conflicts = [], [], []
    for topic_id, body in bodies.items():
        parse_topic(body, topic_id)  # refuse invalid content before it reaches the bot
        digest = body_hash(body)
        row = await session.get(ContentTopic, topic_id)
        if row is None:
            session.add(
                ContentTopic(id=topic_id, domain=body["domain"], body=body, version=1, published_version=1)
            )
            await session.flush()
            session.add(_revision(topic_id, 1, body, digest, action, "imported from content files"))
            added.append(topic_id)
            continue
        latest = await _latest_revision(session, topic_id)
        if _in_step(row, digest) or (latest is not None and latest.source_hash == digest):
            continue
        if latest is not None and latest.author != FILE_AUTHOR and topic_id not in force:
            conflicts.append(topic_id)
            continue
        row.version += 1
        row.published_version = row.version
        row.body, row.domain, row.updated_at = body, body["domain"], utcnow()
        session.add(_revision(topic_id, row.version, body, digest, action, "updated from content files"))
        updated.append(topic_id)
    if conflicts:
        log.warning("content files differ from edited topics (kept the edits): %s", ", ".join(conflicts))
    return SyncReport(tuple(added), tuple(updated), tuple(conflicts))


def _revision(
    topic_id: str, version: int, body: dict[str, Any], digest: str, action: str, note: str
) -> ContentRevision:
    return ContentRevision(
        topic_id=topic_id,
        version=version,
        body=body,
        source_hash=digest,
        author=FILE_AUTHOR,
        note=note,
        action=action,
    )


async def published_bodies(session: AsyncSession) -> list[tuple[str, dict[str, Any]]]:
    """Every published topic document, for building the Guide."""
    rows = await session.scalars(
        select(ContentTopic).where(ContentTopic.published_version.is_not(None)).order_by(ContentTopic.id)
    )
    return [(f"database topic {row.id}", row.body) for row in rows]


async def published_guide(session: AsyncSession, base: Guide) -> Guide:
    """The guide as published now: topics from the database, domains and directory kept from `base`.

    Editors change topics only, so the running bot can swap in a new guide after a publish without
    reading the directory or domain files again.
    """
    return Guide.from_bodies(await published_bodies(session), base.domains, base.directory)
