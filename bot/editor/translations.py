"""Translation review: when one language version of a topic changes, its siblings need an editor's look.

The flag is raised when a change is published (what users read is what must stay in step) for every other
language that exists and did not change in the same publish. It is cleared when that language is updated
and published, or when an editor confirms the translation still says the same. A flag remembers which
languages changed and since which published version, so the editor can be shown exactly what changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import ContentReview
from content.model import LANGUAGES


async def flags(
    session: AsyncSession, topic_ids: Iterable[str] | None = None
) -> dict[str, dict[str, ContentReview]]:
    """Open flags by topic id and language."""
    query = select(ContentReview)
    if topic_ids is not None:
        query = query.where(ContentReview.topic_id.in_(list(topic_ids)))
    found: dict[str, dict[str, ContentReview]] = {}
    for flag in await session.scalars(query):
        found.setdefault(flag.topic_id, {})[flag.language] = flag
    return found


async def after_publish(
    session: AsyncSession,
    topic_id: str,
    changed: set[str],
    present: Iterable[str],
    *,
    version: int,
    since_version: int | None,
    author: str,
) -> list[str]:
    """Flag the siblings of the changed languages, clear the flags of those updated; returns the flagged."""
    if not changed:
        return []
    await session.execute(
        delete(ContentReview).where(ContentReview.topic_id == topic_id, ContentReview.language.in_(changed))
    )
    existing = (await flags(session, [topic_id])).get(topic_id, {})
    flagged = []
    for language in (code for code in LANGUAGES if code in set(present) - changed):
        flag = existing.get(language)
        if flag is None:
            session.add(
                ContentReview(
                    topic_id=topic_id,
                    language=language,
                    changed=",".join(code for code in LANGUAGES if code in changed),
                    since_version=since_version,
                    version=version,
                    author=author,
                )
            )
        else:
            # Still waiting since the first change; now more languages differ.
            merged = set(flag.changed.split(",")) | changed
            flag.changed = ",".join(code for code in LANGUAGES if code in merged)
            flag.version, flag.author = version, author
        flagged.append(language)
    await session.flush()
    return flagged


async def confirm(session: AsyncSession, topic_id: str, language: str) -> bool:
    """An editor checked the translation against the change: clear its flag. False if there was none."""
    flag = await session.get(ContentReview, (topic_id, language))
    if flag is None:
        return False
    await session.delete(flag)
    await session.flush()
    return True
