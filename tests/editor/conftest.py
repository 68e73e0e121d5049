"""Fixtures for the editor: the real service on the fixture guide and a small, fast NLU training set.

The understanding is the real one (`nlu.Understanding`, trained on tests/nlu/fixtures/data, six intents in
four languages), so retraining runs the production code path in about a second instead of ~8 s.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import ContentSettings, DatabaseSettings, Settings
from bot.core.dialogue import Dialogue
from bot.editor.runtime import EditorRuntime
from bot.service import Service, open_service
from bot.storage import content_store
from bot.storage.models import Staff
from bot.storage.staff_repo import StaffRepository
from content.guide import Guide, load_topic_bodies
from nlu import NLUSettings
from tests.support.understanding import ScriptedUnderstanding

TESTS = Path(__file__).resolve().parents[1]
CONTENT = TESTS / "fixtures" / "content"
NLU_FIXTURES = TESTS / "nlu" / "fixtures"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One model cache for the session: the base fixture model is trained once."""
    return tmp_path_factory.mktemp("editor-models")


@pytest.fixture
def training_dir(tmp_path: Path) -> Path:
    """A private copy of the fixture training files (export writes into it)."""
    target = tmp_path / "nlu-data"
    shutil.copytree(NLU_FIXTURES / "data", target)
    return target


@pytest.fixture
def settings(tmp_path: Path, model_cache: Path, training_dir: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database=DatabaseSettings(auto_upgrade=True),
        content=ContentSettings(
            topics_dir=CONTENT / "topics",
            directory_dir=CONTENT / "directory",
            domains_file=CONTENT / "domains.yml",
        ),
        nlu=NLUSettings(
            data_dir=training_dir, directory_file=NLU_FIXTURES / "districts.yml", cache_dir=model_cache
        ),
    )


@pytest.fixture
async def service(settings: Settings) -> AsyncIterator[Service]:
    """The running product on the fixture guide: database, guide, real understanding, dialogue."""
    running = await open_service(settings)
    try:
        yield running
    finally:
        await running.close()


async def add_staff(sessions: async_sessionmaker[AsyncSession], name: str, role: str = "editor") -> Staff:
    async with sessions() as session:
        staff = await StaffRepository(session).add(name, PASSWORD, role)
        await session.commit()
    return staff


@pytest.fixture
async def runtime(sessions: async_sessionmaker[AsyncSession], fixture_guide: Guide) -> EditorRuntime:
    """The editor on a seeded database (SQLite and PostgreSQL) with a scripted understanding."""
    async with sessions() as session:
        await content_store.sync_from_files(session, load_topic_bodies(CONTENT / "topics"))
        await session.commit()
    dialogue = Dialogue(fixture_guide, ScriptedUnderstanding(), sessions)
    return EditorRuntime(sessions, dialogue, data_dir=NLU_FIXTURES / "data")


@pytest.fixture
async def anna(sessions: async_sessionmaker[AsyncSession]) -> Staff:
    return await add_staff(sessions, "anna")


@pytest.fixture
async def borys(sessions: async_sessionmaker[AsyncSession]) -> Staff:
    return await add_staff(sessions, "borys")
