"""What each editor page shows, read from the database in one session; the templates only lay it out.

Kept apart from the HTTP handlers so the pages can be built (and tested) without a request, and so the
handlers stay a translation of forms into workflow calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.editor import grouping, inbox, training, translations
from bot.editor.diff import FieldChange, changed_fields, changes
from bot.editor.documents import Body, LanguageEdit, sources_text, with_input
from bot.editor.listing import matches, rows
from bot.editor.preview import render
from bot.editor.runtime import EditorRuntime
from bot.editor.store import RevisionInfo, TopicState, TopicStore
from bot.storage.models import ContentReview
from content.model import LANGUAGES


async def _refresh_inbox(session: AsyncSession, runtime: EditorRuntime) -> None:
    """Read new unanswered questions; another editor's page doing the same at once is not an error."""
    try:
        await inbox.refresh(session, runtime.dialogue.understander)
        await session.commit()
    except IntegrityError:
        await session.rollback()


@dataclass(frozen=True)
class Filters:
    """The topic list's search box and filters."""

    query: str = ""
    domain: str = ""
    language: str = ""
    status: str = ""


async def topic_list(
    session: AsyncSession, runtime: EditorRuntime, ui_language: str, filters: Filters
) -> dict[str, Any]:
    """The list reads new unanswered questions first, so its count of questions to do is current."""
    await _refresh_inbox(session, runtime)
    states = await TopicStore(session).states()
    flags = await translations.flags(session)
    every = rows(states, flags, ui_language)
    shown = [
        row for row in every if matches(row, filters.query, filters.domain, filters.language, filters.status)
    ]
    counts = await inbox.counts(session)
    return {
        "rows": shown,
        "total": len(every),
        "filters": filters,
        "languages": LANGUAGES,
        "inbox_open": counts.get("open", 0),
        "review_count": sum(len(by_language) for by_language in flags.values()),
        "draft_count": sum(1 for state in states if state.has_draft),
    }


def answer_of(body: Body | None, language: str) -> dict[str, Any]:
    answer = ((body or {}).get("answers") or {}).get(language)
    return answer if isinstance(answer, dict) else {}


async def topic_page(session: AsyncSession, runtime: EditorRuntime, topic_id: str) -> dict[str, Any]:
    """Raises TopicNotFound."""
    state = await TopicStore(session).state(topic_id)
    flags = (await translations.flags(session, [topic_id])).get(topic_id, {})
    (row,) = rows([state], {topic_id: flags}, "en")
    return {
        "state": state,
        "row": row,
        "languages": LANGUAGES,
        "pending": changes(state.published, state.draft) if state.has_draft else [],
        "training": await training.counts(session, runtime.data_dir, topic_id),
        "variants": len(state.draft.get("variants") or []),
    }


async def _review_changes(
    store: TopicStore, state: TopicState, flag: ContentReview | None
) -> list[tuple[str, list[FieldChange]]]:
    """For a flagged translation: what changed in the other languages since it last matched."""
    if flag is None or flag.since_version is None or state.published is None:
        return []
    before = (await store.revision(state.id, flag.since_version)).body
    return [(code, changes(before, state.published, code)) for code in flag.changed.split(",") if code]


async def edit_page(
    session: AsyncSession,
    runtime: EditorRuntime,
    topic_id: str,
    language: str,
    form: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The edit form of one language: the stored draft, or what the editor submitted (`form`), previewed.

    Raises TopicNotFound.
    """
    store = TopicStore(session)
    state = await store.state(topic_id)
    flags = (await translations.flags(session, [topic_id])).get(topic_id, {})
    (row,) = rows([state], {topic_id: flags}, language)
    answer = answer_of(state.draft, language)
    values = form or {
        "title": str((state.draft.get("titles") or {}).get(language, "")),
        "text": str(answer.get("text") or ""),
        "more": str(answer.get("more") or ""),
        "checked": str(answer.get("checked") or ""),
        "sources": sources_text(state.draft),
        "version": str(state.version),
        "note": "",
    }
    others = [
        (code, str((state.draft.get("titles") or {}).get(code, "")), answer_of(state.draft, code))
        for code in LANGUAGES
        if code != language
    ]
    return {
        "state": state,
        "row": row,
        "language": language,
        "languages": LANGUAGES,
        "values": values,
        "others": others,
        "flag": flags.get(language),
        "review_changes": await _review_changes(store, state, flags.get(language)),
        "preview": render(runtime.guide, _typed(state.draft, language, form), language),
    }


def _typed(draft: Body, language: str, form: dict[str, str] | None) -> Body:
    """The draft with what the editor typed (when a form comes back unsaved), for the preview."""
    if form is None:
        return draft
    edit = LanguageEdit(form["title"], form["text"], form["more"], form["checked"])
    return with_input(draft, language, edit, form["sources"])


@dataclass(frozen=True)
class HistoryEntry:
    revision: RevisionInfo
    fields: list[str]
    published: bool


async def history_page(session: AsyncSession, topic_id: str, show: int | None) -> dict[str, Any]:
    """Raises TopicNotFound."""
    store = TopicStore(session)
    state = await store.state(topic_id)
    revisions = await store.history(topic_id)
    entries = []
    for index, revision in enumerate(revisions):
        previous = revisions[index + 1].body if index + 1 < len(revisions) else None
        entries.append(
            HistoryEntry(
                revision, changed_fields(previous, revision.body), revision.version == state.published_version
            )
        )
    shown = next(
        (entry for entry in entries if entry.revision.version == show), entries[0] if entries else None
    )
    shown_changes: list[FieldChange] = []
    if shown is not None:
        position = entries.index(shown)
        previous_body = entries[position + 1].revision.body if position + 1 < len(entries) else None
        shown_changes = changes(previous_body, shown.revision.body)
    return {"state": state, "entries": entries, "shown": shown, "changes": shown_changes}


async def training_page(
    session: AsyncSession, runtime: EditorRuntime, topic_id: str, language: str
) -> dict[str, Any]:
    """Raises TopicNotFound."""
    state = await TopicStore(session).state(topic_id)
    examples = await training.examples_for(session, runtime.data_dir, topic_id, language)
    return {
        "state": state,
        "language": language,
        "languages": LANGUAGES,
        "examples": examples,
        "pending_extra": len(await training.extra_examples(session, runtime.data_dir)),
        "retrain": runtime.last_retrain,
        "can_retrain": runtime.understanding is not None,
    }


async def inbox_page(
    session: AsyncSession, runtime: EditorRuntime, status: str, reason: str, ui_language: str
) -> dict[str, Any]:
    """Reads the new questions first, so the page is always current."""
    await _refresh_inbox(session, runtime)
    found = await inbox.questions(session, status, reason or None)
    states = await TopicStore(session).states()
    topics = [
        (state.id, str((state.draft.get("titles") or {}).get(ui_language) or state.id)) for state in states
    ]
    return {
        "groups": grouping.group(found),
        "questions": len(found),
        "status": status,
        "reason": reason,
        "statuses": inbox.STATUSES,
        "reasons": inbox.REASONS,
        "counts": await inbox.counts(session),
        "topics": topics,
        "known": {topic_id for topic_id, _ in topics},
        "pending_extra": len(await training.extra_examples(session, runtime.data_dir)),
        "retrain": runtime.last_retrain,
        "can_retrain": runtime.understanding is not None,
    }
