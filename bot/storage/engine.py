"""Engine and session factory, SQLite pragmas, and the schema-version gate.

The service refuses to run on a database whose schema is behind the code (unless config says to upgrade
automatically), because a missing column found in the middle of a conversation loses that message.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from bot.storage import sqlite_driver

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


class SchemaOutdatedError(Exception):
    """The database schema is older than the code; `firststeps db upgrade` fixes it."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the web console read while the bot writes; foreign keys make erasure cascade.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_async_sqlite_args(url: str) -> tuple[list[Any], dict[str, Any]]:
    """What SQLAlchemy's aiosqlite dialect would pass to `connect` for this URL."""
    parsed = make_url(url)
    args, kwargs = parsed.get_dialect()().create_connect_args(parsed)
    return list(args), dict(kwargs)


def create_engine(url: str, echo: bool = False) -> AsyncEngine:
    """An async engine for SQLite (aiosqlite) or PostgreSQL (asyncpg), with the data folder created.

    Statement parameters are left out of error messages (unless echoing for debugging): they are what
    people wrote, and a failed insert would otherwise put a message text into the log.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # Every transaction here ends in a commit or a rollback before its connection goes back (sessions and
        # `engine.begin()` do it, a closed `engine.connect()` rolls back what it began), so the pool's own
        # rollback on return is one more trip to aiosqlite's thread for nothing.
        args, kwargs = make_async_sqlite_args(url)
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=not echo,
            pool_reset_on_return=None,
            async_creator=lambda: sqlite_driver.connect(*args, **kwargs),
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=not echo)


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit (replies are built after the commit)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    """Alembic configuration built in code, so there is one source of truth for the URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = url
    return config


def head_revision() -> str | None:
    """The newest migration the code knows."""
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def current_revision(engine: AsyncEngine) -> str | None:
    """The migration the database is at (None for an empty database)."""
    async with engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def _upgrade(connection: Connection, url: str) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Apply every pending migration (what `firststeps db upgrade` runs)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, engine.url.render_as_string(hide_password=False))


async def ensure_schema(engine: AsyncEngine, auto_upgrade: bool) -> None:
    """Upgrade or refuse, before the service touches the database.

    Raises:
        SchemaOutdatedError: the schema is behind and automatic upgrades are off.
    """
    current, head = await current_revision(engine), head_revision()
    if current == head:
        return
    if auto_upgrade:
        log.info("upgrading database schema from %s to %s", current or "empty", head)
        await upgrade(engine)
        return
    raise SchemaOutdatedError(
        f"the database schema is at {current or 'nothing (empty database)'} but this version needs {head}; "
        "run `firststeps db upgrade` (or set database.auto_upgrade: true in config.yml)"
    )
