"""The editor's actions as units of work: save a draft, publish, roll back, confirm, create a topic.

Each action opens one session, writes the revision (and the translation flags and audit entry that go with
it) in one transaction, and, when users' answers changed, swaps the new guide into the running bot. The web
layer only turns forms into these calls and their results or exceptions into pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.editor import translations
from bot.editor.checks import check_document
from bot.editor.documents import (
    Body,
    LanguageEdit,
    apply_language_edit,
    changed_languages,
    new_topic,
    parse_sources,
    with_sources,
)
from bot.editor.runtime import EditorRuntime
from bot.editor.store import TopicState, TopicStore
from bot.storage.models import Staff
from bot.storage.staff_repo import StaffRepository
from content.check import Report

TOPIC_ID = re.compile(r"^[a-z]+\.[a-z0-9_]+$")
ESCALATE = ("never", "always", "crisis")


class PublishRefused(Exception):
    """The content check found errors; nothing was published (or saved)."""

    def __init__(self, report: Report) -> None:
        super().__init__("; ".join(report.errors))
        self.report = report


class InvalidInput(ValueError):
    """A form value cannot be used. `code` names the problem for the page; `details` are the bad values."""

    def __init__(self, code: str, details: list[str] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.details = details or []


@dataclass(frozen=True)
class Result:
    """What an action did."""

    version: int | None = None
    published: bool = False
    unchanged: bool = False
    flagged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _audit(session: AsyncSession, staff: Staff, action: str, target: str) -> None:
    StaffRepository(session).audit(staff, action, target=target[:128])


async def _publish(
    session: AsyncSession,
    store: TopicStore,
    runtime: EditorRuntime,
    state: TopicState,
    base_version: int,
    body: Body,
    staff: Staff,
    *,
    action: str = "publish",
    note: str | None = None,
) -> Result:
    if state.version != base_version:
        raise await store.conflict(state.id, base_version)
    if not state.has_draft and state.published == body:
        return Result(version=state.version, unchanged=True)
    report = check_document(body, await store.published_ids(), runtime.spec_file)
    if report.errors:
        raise PublishRefused(report)
    version = await store.commit_revision(
        state.id, base_version, body, staff.username, action=action, note=note, publish=True
    )
    flagged: list[str] = []
    if state.published is not None:
        flagged = await translations.after_publish(
            session,
            state.id,
            changed_languages(state.published, body),
            (body.get("answers") or {}).keys(),
            version=version,
            since_version=state.published_version,
            author=staff.username,
        )
    _audit(session, staff, f"content_{action}", f"{state.id} v{version}")
    return Result(version=version, published=True, flagged=flagged, warnings=report.warnings)


async def _finish(runtime: EditorRuntime, session: AsyncSession, result: Result) -> Result:
    await session.commit()
    if result.published:
        await runtime.publish_guide()
    return result


async def save_language(
    runtime: EditorRuntime,
    staff: Staff,
    topic_id: str,
    language: str,
    base_version: int,
    edit: LanguageEdit,
    sources: str,
    *,
    publish: bool,
    note: str | None = None,
) -> Result:
    """Save one language version (and the topic's sources) as a draft, or publish the topic with it.

    Raises:
        EditConflict: the topic changed since `base_version`; nothing was saved.
        PublishRefused: publishing was asked and the content check failed; nothing was saved.
        InvalidInput: the sources could not be read ("sources").
        TopicNotFound: no such topic.
    """
    parsed, problems = parse_sources(sources)
    if problems:
        raise InvalidInput("sources", problems)
    async with runtime.sessions() as session:
        store = TopicStore(session)
        state = await store.state(topic_id)
        body = with_sources(apply_language_edit(state.draft, language, edit), parsed)
        if publish:
            result = await _publish(session, store, runtime, state, base_version, body, staff, note=note)
        elif body == state.draft and state.version == base_version:
            return Result(version=state.version, unchanged=True)
        else:
            version = await store.commit_revision(
                topic_id, base_version, body, staff.username, action="draft", note=note
            )
            _audit(session, staff, "content_draft", f"{topic_id} v{version}")
            result = Result(version=version)
        return await _finish(runtime, session, result)


async def publish_draft(runtime: EditorRuntime, staff: Staff, topic_id: str, base_version: int) -> Result:
    """Publish the topic's newest revision as it is (see `save_language` for the exceptions)."""
    async with runtime.sessions() as session:
        store = TopicStore(session)
        state = await store.state(topic_id)
        result = await _publish(session, store, runtime, state, base_version, state.draft, staff)
        return await _finish(runtime, session, result)


async def rollback(
    runtime: EditorRuntime, staff: Staff, topic_id: str, to_version: int, base_version: int
) -> Result:
    """Publish an earlier revision's document again, as a new revision (history is never rewritten)."""
    async with runtime.sessions() as session:
        store = TopicStore(session)
        state = await store.state(topic_id)
        old = await store.revision(topic_id, to_version)
        result = await _publish(
            session,
            store,
            runtime,
            state,
            base_version,
            old.body,
            staff,
            action="rollback",
            note=f"rolled back to version {to_version}",
        )
        return await _finish(runtime, session, result)


async def confirm_translation(runtime: EditorRuntime, staff: Staff, topic_id: str, language: str) -> bool:
    """An editor checked a flagged translation and it still says the same: clear the flag."""
    async with runtime.sessions() as session:
        cleared = await translations.confirm(session, topic_id, language)
        if cleared:
            _audit(session, staff, "content_confirm", f"{topic_id} {language}")
        await session.commit()
    return cleared


async def create_topic(
    runtime: EditorRuntime, staff: Staff, topic_id: str, escalate: str, titles: dict[str, str]
) -> None:
    """A new topic as a draft; it reaches the bot and its menu when it is published.

    Raises:
        InvalidInput: "topic_id" (not domain.name), "domain" (unknown domain), "exists", "title".
    """
    if not TOPIC_ID.match(topic_id):
        raise InvalidInput("topic_id", [topic_id])
    domain = topic_id.split(".", 1)[0]
    if runtime.guide.domain(domain) is None:
        raise InvalidInput("domain", [domain])
    if not any(title.strip() for title in titles.values()):
        raise InvalidInput("title")
    body = new_topic(topic_id, domain, escalate if escalate in ESCALATE else "never", titles)
    async with runtime.sessions() as session:
        store = TopicStore(session)
        try:
            await store.create(topic_id, body, staff.username, note="created in the editor")
        except ValueError as exc:
            raise InvalidInput("exists", [topic_id]) from exc
        _audit(session, staff, "content_create", topic_id)
        await session.commit()
