"""`firststeps content export` and `content import`: the database and the files reviewed in git.

Thin shells over `bot.editor.files` with the service's engine and settings; they print one line per file
or conflict, and return the exit code (1 when import left conflicts, so a script notices).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.config import Settings
from bot.editor import files
from bot.editor.store import TopicStore
from bot.editor.training import extra_examples, pending_removals
from bot.storage.engine import create_engine, ensure_schema, sessionmaker
from content.guide import load_topic_bodies


async def export_content(settings: Settings, folder: str | None, *, training: bool, out: TextIO) -> int:
    """Write the published topics (and, with `training`, editors' questions) to the files."""
    topics_dir = Path(folder) if folder else settings.content.topics_dir
    engine = create_engine(settings.database_url)
    try:
        await ensure_schema(engine, settings.database.auto_upgrade)
        async with sessionmaker(engine)() as session:
            states = await TopicStore(session).states()
            extra = await extra_examples(session, settings.nlu.data_dir) if training else []
            removals = await pending_removals(session, settings.nlu.data_dir) if training else []
    finally:
        await engine.dispose()
    report = files.export_topics(states, topics_dir)
    for topic_id in report.written:
        print(f"wrote {topics_dir / topic_id}.yml", file=out)
    if report.drafts:
        print(f"not exported (unpublished drafts): {', '.join(report.drafts)}", file=out)
    print(f"{len(report.written)} topics written, {len(report.unchanged)} unchanged", file=out)
    if training:
        changed = files.export_training(settings.nlu.data_dir, extra, removals)
        for path in changed:
            print(f"wrote {path}", file=out)
        print(f"{len(extra)} training questions added, {len(removals)} removed in the files", file=out)
    return 0


async def import_content(settings: Settings, folder: str | None, *, force: list[str], out: TextIO) -> int:
    """Load the topic files; a topic editors changed is kept and reported unless it is in `force`.

    Raises:
        ContentError: a file is not a valid topic (nothing is imported).
    """
    topics_dir = Path(folder) if folder else settings.content.topics_dir
    bodies = load_topic_bodies(topics_dir)
    engine = create_engine(settings.database_url)
    try:
        await ensure_schema(engine, settings.database.auto_upgrade)
        async with sessionmaker(engine)() as session:
            report = await files.import_topics(session, bodies, force)
            await session.commit()
    finally:
        await engine.dispose()
    for topic_id in report.added:
        print(f"added {topic_id}", file=out)
    for topic_id in report.updated:
        print(f"updated {topic_id}", file=out)
    for topic_id, fields in report.conflicts.items():
        differs = ", ".join(fields) or "nothing"
        print(
            f"conflict {topic_id}: edited in the database, the file differs in {differs}"
            f" (kept the database; --force {topic_id} takes the file)",
            file=out,
        )
    print(
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.conflicts)} conflicts",
        file=out,
    )
    return 1 if report.conflicts else 0
