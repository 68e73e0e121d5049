"""Revisions, drafts and publishing, with optimistic locking so that no editor overwrites another unseen.

Every change is a new revision (who, when, what, and the whole document). `content_topics.version` is the
newest revision and acts as the lock: a save names the version the editor started from, and the update
only succeeds while the topic is still at that version (one compare-and-set `UPDATE … WHERE version = …`,
so two saves racing in two processes cannot both win). `published_version` is the revision users see; when
it is behind `version`, the newest revision is a draft.

The caller opens the session and commits; nothing here commits on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.editor.documents import Body
from bot.storage.models import ContentRevision, ContentTopic, utcnow


class TopicNotFound(LookupError):
    """No topic with this id (or no revision with this version)."""


@dataclass(frozen=True)
class RevisionInfo:
    """One revision as the history page shows it."""

    version: int
    author: str
    created_at: datetime
    action: str | None
    note: str | None
    body: Body


class EditConflict(Exception):
    """The topic changed since the editor opened it; nothing was saved.

    Attributes:
        base: the revision the editor started from (None when it no longer exists).
        current: the newest revision, whose author and changes the editor is shown.
    """

    def __init__(self, topic_id: str, base: RevisionInfo | None, current: RevisionInfo) -> None:
        super().__init__(f"{topic_id} changed: version {current.version} by {current.author}")
        self.topic_id = topic_id
        self.base = base
        self.current = current


@dataclass(frozen=True)
class TopicState:
    """A topic's newest revision (the draft, if any) and the published one."""

    id: str
    domain: str
    version: int
    published_version: int | None
    published: Body | None
    draft: Body
    updated_at: datetime

    @property
    def has_draft(self) -> bool:
        return self.published_version != self.version

    @property
    def is_new(self) -> bool:
        """Never published: not in the guide yet."""
        return self.published_version is None


def _info(revision: ContentRevision) -> RevisionInfo:
    return RevisionInfo(
        revision.version, revision.author, revision.created_at, revision.action, revision.note, revision.body
    )


class TopicStore:
    """Topic revisions in one session (one unit of work)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _row(self, topic_id: str) -> ContentTopic:
        row = await self.session.get(ContentTopic, topic_id, populate_existing=True)
        if row is None:
            raise TopicNotFound(topic_id)
        return row

    async def revision(self, topic_id: str, version: int) -> RevisionInfo:
        found = await self.session.scalar(
            select(ContentRevision).where(
                ContentRevision.topic_id == topic_id, ContentRevision.version == version
            )
        )
        if found is None:
            raise TopicNotFound(f"{topic_id} v{version}")
        return _info(found)

    async def history(self, topic_id: str) -> list[RevisionInfo]:
        """Every revision, newest first."""
        await self._row(topic_id)
        rows = await self.session.scalars(
            select(ContentRevision)
            .where(ContentRevision.topic_id == topic_id)
            .order_by(ContentRevision.version.desc())
        )
        return [_info(row) for row in rows]

    async def state(self, topic_id: str) -> TopicState:
        row = await self._row(topic_id)
        latest = await self.revision(topic_id, row.version)
        return self._state(row, latest.body)

    async def states(self) -> list[TopicState]:
        """Every topic with its newest and published documents, by id."""
        rows = (
            await self.session.execute(
                select(ContentTopic, ContentRevision.body)
                .join(
                    ContentRevision,
                    (ContentRevision.topic_id == ContentTopic.id)
                    & (ContentRevision.version == ContentTopic.version),
                )
                .order_by(ContentTopic.id)
            )
        ).all()
        return [self._state(row, body) for row, body in rows]

    @staticmethod
    def _state(row: ContentTopic, latest: Body) -> TopicState:
        published = row.body if row.published_version is not None else None
        return TopicState(
            row.id, row.domain, row.version, row.published_version, published, latest, row.updated_at
        )

    async def conflict(self, topic_id: str, base_version: int) -> EditConflict:
        """The conflict to report when the topic is no longer at `base_version`."""
        row = await self._row(topic_id)
        current = await self.revision(topic_id, row.version)
        try:
            base: RevisionInfo | None = await self.revision(topic_id, base_version)
        except TopicNotFound:
            base = None
        return EditConflict(topic_id, base, current)

    async def commit_revision(
        self,
        topic_id: str,
        base_version: int,
        body: Body,
        author: str,
        *,
        action: str,
        note: str | None = None,
        publish: bool = False,
    ) -> int:
        """Write `body` as the next revision if the topic is still at `base_version`; returns the new version.

        Raises:
            EditConflict: someone saved the topic after `base_version`; nothing was written.
            TopicNotFound: no such topic.
        """
        values: dict[str, Any] = {"version": base_version + 1, "updated_at": utcnow()}
        if publish:
            values |= {"body": body, "domain": body.get("domain", ""), "published_version": base_version + 1}
        result = await self.session.execute(
            update(ContentTopic)
            .where(ContentTopic.id == topic_id, ContentTopic.version == base_version)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise await self.conflict(topic_id, base_version)
        self.session.add(
            ContentRevision(
                topic_id=topic_id,
                version=base_version + 1,
                body=body,
                author=author,
                note=note or None,
                action=action,
            )
        )
        await self.session.flush()
        return base_version + 1

    async def create(self, topic_id: str, body: Body, author: str, note: str | None = None) -> None:
        """A new topic as a first draft (revision 1, not published).

        Raises:
            ValueError: a topic with this id exists already.
        """
        if await self.session.get(ContentTopic, topic_id) is not None:
            raise ValueError(f"topic {topic_id} exists already")
        self.session.add(
            ContentTopic(id=topic_id, domain=body["domain"], body=body, version=1, published_version=None)
        )
        await self.session.flush()
        self.session.add(
            ContentRevision(
                topic_id=topic_id, version=1, body=body, author=author, note=note, action="create"
            )
        )
        await self.session.flush()

    async def published_ids(self) -> set[str]:
        """Ids of the topics users can see (for checking `related`)."""
        rows = await self.session.scalars(
            select(ContentTopic.id).where(ContentTopic.published_version.is_not(None))
        )
        return set(rows)
