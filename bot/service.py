"""Assembling the running product from the settings: database, guide, understanding, dialogue.

Every door (`run`, `chat`, `ask`) builds the same `Service`, so they all answer alike.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.core.dialogue import Dialogue
from bot.editor import training as editor_training
from bot.handoff.wait import HandoffPolicy
from bot.storage import content_store
from bot.storage.engine import create_engine, ensure_schema, sessionmaker
from bot.storage.models import Base
from bot.trust.gate import Gate
from content.guide import Guide, load_directory, load_domains, load_topic_bodies
from nlu import Understanding, load_understanding

log = logging.getLogger(__name__)


@dataclass
class Service:
    """The parts of a running product; close it when done."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    # The guide loaded at start-up; editors publish into `dialogue.guide`, which every door reads.
    guide: Guide
    understanding: Understanding
    dialogue: Dialogue

    async def close(self) -> None:
        await self.understanding.aclose()
        await self.engine.dispose()


async def _load_guide(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> Guide:
    content = settings.content
    bodies = load_topic_bodies(content.topics_dir)
    async with sessions() as session:
        report = await content_store.sync_from_files(session, bodies)
        await session.commit()
        if report.added or report.updated:
            log.info(
                "content: %d topics added, %d updated from files", len(report.added), len(report.updated)
            )
        published = await content_store.published_bodies(session)
    return Guide.from_bodies(
        published, load_domains(content.domains_file), load_directory(content.directory_dir)
    )


async def _add_editors_examples(
    understanding: Understanding, sessions: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    """Train in the questions editors added since the training files were written (cached after once)."""
    async with sessions() as session:
        extra = await editor_training.extra_examples(session, settings.nlu.data_dir)
    if extra:
        log.info("NLU: adding %d training questions from editors", len(extra))
        await understanding.reload(extra)


async def open_service(settings: Settings, *, ephemeral: bool = False) -> Service:
    """Start everything. `ephemeral` uses a private in-memory database (the `ask` door).

    Raises:
        SchemaOutdatedError: the database is behind the code and auto-upgrade is off.
        ContentError: the content files are invalid.
    """
    if ephemeral:
        engine = create_engine("sqlite+aiosqlite:///:memory:")
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
    else:
        engine = create_engine(settings.database_url, echo=settings.database.echo)
        await ensure_schema(engine, settings.database.auto_upgrade)
    sessions = sessionmaker(engine)
    try:
        guide = await _load_guide(settings, sessions)
        understanding = await load_understanding(settings.nlu)
        await _add_editors_examples(understanding, sessions, settings)
    except BaseException:
        await engine.dispose()
        raise
    dialogue = Dialogue(
        guide,
        understanding,
        sessions,
        default_language=settings.bot.default_language,
        max_message_length=settings.bot.max_message_length,
        handoff=HandoffPolicy(settings.handoff),
        gate=Gate(
            settings.abuse,
            retry_seconds=settings.database.retry_seconds,
            default_language=settings.bot.default_language,
        ),
    )
    return Service(settings, engine, sessions, guide, understanding, dialogue)
