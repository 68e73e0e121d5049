"""Training questions per topic and language: those in the training files and those editors add or remove.

The files (nlu/data, Rasa YAML) are the reviewed base and are not written by the running bot. Editors'
additions live in `editor_examples` and are given to the understanding as extra examples on every retrain
and at start-up. Taking away an example that comes from the files is recorded too; the understanding can
only train on the files as they are, so such a removal takes effect when `firststeps content export
--training` writes the files (and the model is retrained from them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy import mask, strip_masked
from bot.storage.models import EditorExample
from nlu import TrainingExample
from nlu.training_data import data_files, read_directory

MAX_LENGTH = 300
MIN_LENGTH = 2


@dataclass(frozen=True)
class Example:
    """A training question as the editor sees it."""

    text: str
    origin: str  # "file" | "editor" | "inbox"
    removed: bool = False
    author: str | None = None
    created_at: datetime | None = None


@cache
def _read(data_dir: Path, _stamp: tuple[tuple[str, float], ...]) -> tuple[TrainingExample, ...]:
    return tuple(read_directory(data_dir))


def file_examples(data_dir: Path) -> tuple[TrainingExample, ...]:
    """Every example in the training files (read again only when a file changes)."""
    stamp = tuple((str(path), path.stat().st_mtime) for path in data_files(data_dir))
    return _read(data_dir, stamp)


def clean(text: str) -> str:
    """An example as stored: personal data taken out, whitespace collapsed, at most MAX_LENGTH characters."""
    return strip_masked(mask(" ".join(text.split())))[:MAX_LENGTH].strip()


async def _rows(
    session: AsyncSession, intent: str | None = None, language: str | None = None
) -> list[EditorExample]:
    query = select(EditorExample).order_by(EditorExample.created_at, EditorExample.id)
    if intent is not None:
        query = query.where(EditorExample.intent == intent)
    if language is not None:
        query = query.where(EditorExample.language == language)
    return list(await session.scalars(query))


async def examples_for(session: AsyncSession, data_dir: Path, intent: str, language: str) -> list[Example]:
    """The topic's questions in one language: the files' (marked when removed), then the editors'."""
    rows = await _rows(session, intent, language)
    removed = {row.text for row in rows if row.action == "remove"}
    found = [
        Example(example.text, "file", removed=example.text in removed)
        for example in file_examples(data_dir)
        if example.intent == intent and example.language == language
    ]
    in_files = {example.text for example in found}
    found.extend(
        Example(
            row.text, "inbox" if row.message_id else "editor", author=row.author, created_at=row.created_at
        )
        for row in rows
        if row.action == "add" and row.text not in in_files
    )
    return found


async def add(
    session: AsyncSession,
    data_dir: Path,
    intent: str,
    language: str,
    texts: list[str],
    author: str,
    message_ids: list[int | None] | None = None,
) -> int:
    """Add questions to a topic in a language; returns how many are new.

    A question already in the files or already added is skipped; adding one that was removed from the
    files restores it.
    """
    in_files = {e.text for e in file_examples(data_dir) if e.intent == intent and e.language == language}
    existing = {(row.action, row.text): row for row in await _rows(session, intent, language)}
    added = 0
    for text, message_id in zip(texts, message_ids or [None] * len(texts), strict=True):
        example = clean(text)
        if len(example) < MIN_LENGTH:
            continue
        if ("remove", example) in existing:
            await session.delete(existing.pop(("remove", example)))
            added += 1
        elif example not in in_files and ("add", example) not in existing:
            row = EditorExample(
                intent=intent,
                language=language,
                text=example,
                action="add",
                author=author,
                message_id=message_id,
            )
            session.add(row)
            existing[("add", example)] = row
            added += 1
    await session.flush()
    return added


async def remove(
    session: AsyncSession, data_dir: Path, intent: str, language: str, text: str, author: str
) -> bool:
    """Take a question away from a topic; False when the topic has no such question."""
    deleted = await session.execute(
        delete(EditorExample).where(
            EditorExample.intent == intent,
            EditorExample.language == language,
            EditorExample.action == "add",
            EditorExample.text == text,
        )
    )
    if deleted.rowcount:  # type: ignore[attr-defined]
        return True
    in_files = any(
        e.intent == intent and e.language == language and e.text == text for e in file_examples(data_dir)
    )
    already = await session.scalar(
        select(EditorExample.id).where(
            EditorExample.intent == intent,
            EditorExample.language == language,
            EditorExample.action == "remove",
            EditorExample.text == text,
        )
    )
    if not in_files or already is not None:
        return False
    session.add(EditorExample(intent=intent, language=language, text=text, action="remove", author=author))
    await session.flush()
    return True


async def extra_examples(session: AsyncSession, data_dir: Path) -> list[TrainingExample]:
    """The editors' additions the training files do not have yet: what a retrain adds to the files."""
    in_files = set(file_examples(data_dir))
    extra = (
        TrainingExample(row.text, row.intent, row.language)
        for row in await _rows(session)
        if row.action == "add"
    )
    return [example for example in dict.fromkeys(extra) if example not in in_files]


async def pending_removals(session: AsyncSession, data_dir: Path) -> list[TrainingExample]:
    """Examples editors took away that are still in the files (they leave with the next export)."""
    in_files = set(file_examples(data_dir))
    removals = (
        TrainingExample(row.text, row.intent, row.language)
        for row in await _rows(session)
        if row.action == "remove"
    )
    return [example for example in removals if example in in_files]


async def counts(session: AsyncSession, data_dir: Path, intent: str) -> dict[str, int]:
    """Questions per language for one topic (files minus removals, plus additions)."""
    totals: dict[str, int] = {}
    for example in file_examples(data_dir):
        if example.intent == intent:
            totals[example.language] = totals.get(example.language, 0) + 1
    for row in await _rows(session, intent):
        totals[row.language] = totals.get(row.language, 0) + (1 if row.action == "add" else -1)
    return totals
