"""Alembic environment: runs on the connection `firststeps db upgrade` hands in, or opens its own.

The URL comes from the application's settings (config.yml + DATABASE_URL), never from alembic.ini, so
there is one source of truth for where the data lives.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from bot.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_own_connection(url: str) -> None:
    from bot.storage.engine import create_engine

    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("database_url")
    if not url:
        from bot.config import load_settings

        url = load_settings().database_url
    asyncio.run(_run_own_connection(url))


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; run `firststeps db upgrade`")
main()
