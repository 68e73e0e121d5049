"""`firststeps backup FILE` and `firststeps restore FILE`: a consistent copy of the database, and back.

- SQLite: SQLite's online backup API, which copies the pages in one read transaction, so the copy is
  consistent while the service keeps writing (WAL lets it go on meanwhile). Restoring copies the pages back
  with the same API.
- PostgreSQL: `pg_dump --format=custom` (one snapshot, consistent while the service runs) and
  `pg_restore --clean --if-exists --single-transaction` (all or nothing). The password travels in the
  environment (PGPASSWORD), never on the command line where `ps` would show it.

Restore is for a stopped service: every worker holds its guide and model in memory, and sessions of the
old database would write into the restored one. It refuses to overwrite a database that holds data unless
told to (`--force`), and prints the schema version it restored, so `firststeps db upgrade` can follow.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from bot.storage.engine import create_engine, current_revision


class BackupError(Exception):
    """The copy or the restore could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Copied:
    """What a backup or restore did, for the operator."""

    path: Path
    revision: str | None


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(url.database)


def _copy_pages(source: Path, target: Path) -> None:
    """Copy a whole SQLite database with the online backup API (one step: one consistent snapshot)."""
    with sqlite3.connect(source, timeout=30) as reader, sqlite3.connect(target, timeout=30) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()


def _sqlite_revision(path: Path) -> str | None:
    """The schema version of a SQLite backup, after checking that it is whole."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError(f"{path} is damaged (PRAGMA integrity_check failed)")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a whole Pierwsze Kroki database ({exc})") from exc
    return str(row[0]) if row else None


def _has_data(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    connection.close()
    return bool(tables and tables[0])


def _pg_environment(url: URL) -> tuple[list[str], dict[str, str]]:
    """libpq arguments without the password, and the environment that carries it."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    arguments = [f"--dbname={url.database}"]
    if url.host:
        arguments.append(f"--host={url.host}")
    if url.port:
        arguments.append(f"--port={url.port}")
    if url.username:
        arguments.append(f"--username={url.username}")
    return arguments, env


async def _run(program: str, *arguments: str, env: dict[str, str]) -> None:
    try:
        process = await asyncio.create_subprocess_exec(
            program, *arguments, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
    except FileNotFoundError as exc:
        raise BackupError(
            f"{program} is not installed (Debian/Ubuntu: apt install postgresql-client)"
        ) from exc
    _, errors = await process.communicate()
    if process.returncode != 0:
        raise BackupError(f"{program} failed: {errors.decode(errors='replace').strip()}")


async def _revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        return await current_revision(engine)
    finally:
        await engine.dispose()


def _new_file(target: Path) -> Path:
    """The temporary name the copy is written under, renamed to `target` once complete."""
    if target.exists():
        raise BackupError(f"{target} exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.with_name(f".{target.name}.partial")


async def backup(database_url: str, target: Path) -> Copied:
    """Write a consistent copy of the database to `target` (which must not exist yet)."""
    url = make_url(database_url)
    partial = await asyncio.to_thread(_new_file, target)
    try:
        if url.get_backend_name() == "sqlite":
            await asyncio.to_thread(_copy_pages, _sqlite_file(url), partial)
        else:
            arguments, env = _pg_environment(url)
            await _run("pg_dump", "--format=custom", f"--file={partial}", *arguments, env=env)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return Copied(target, await _revision(database_url))


async def restore(database_url: str, source: Path, *, force: bool = False) -> Copied:
    """Replace the database's content with a backup made by `backup`.

    Raises:
        BackupError: no such file, a damaged file, or a database that holds data without `force`.
    """
    url = make_url(database_url)
    if not await asyncio.to_thread(source.is_file):
        raise BackupError(f"{source} not found")
    if url.get_backend_name() == "sqlite":
        target = _sqlite_file(url)
        await asyncio.to_thread(_sqlite_revision, source)
        if not force and await asyncio.to_thread(_has_data, target):
            raise BackupError(f"{target} holds data; stop the service and add --force to replace it")
        target.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(_copy_pages, source, target)
    else:
        if not force and await _revision(database_url) is not None:
            raise BackupError(f"{url.database} holds data; stop the service and add --force to replace it")
        arguments, env = _pg_environment(url)
        await _run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *arguments,
            str(source),
            env=env,
        )
    return Copied(source, await _revision(database_url))
