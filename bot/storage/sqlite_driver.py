"""aiosqlite connections that run each statement in one trip to their thread.

aiosqlite runs SQLite on a thread per connection and makes a trip there for every call: SQLAlchemy's
adapter opens a cursor, executes, fetches and closes it — four trips (a queue hand-off, a thread wake-up and
an event-loop wake-up each) for a statement that SQLite itself runs in microseconds. On the path of a chat
message that is about a dozen statements, and these trips were the largest single cost of an answer
(`benchmarks/telegram_bench.py`). Here a cursor does its whole work — create, execute, fetch every row,
close — in one trip, and hands SQLAlchemy the buffered result.

Only the cursor changes; connecting, commits, rollbacks and everything else stay aiosqlite's own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import aiosqlite

Row = tuple[Any, ...]


class OneTripCursor:
    """The part of aiosqlite's cursor that SQLAlchemy uses, with each execute done in one trip."""

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self.arraysize = 1
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Row] = []

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        return None

    def _run(self, call: Callable[[sqlite3.Cursor], object]) -> None:
        """On the connection's thread: run the statement, keep what it returned, close the cursor."""
        cursor = self._connection.raw.cursor()
        try:
            call(cursor)
            self.description = cursor.description
            self._rows = cursor.fetchall() if cursor.description else []
            self.rowcount = cursor.rowcount  # after the rows: RETURNING counts them as they are read
            self.lastrowid = cursor.lastrowid
        finally:
            cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> OneTripCursor:
        await self._connection.run(self._run, lambda cursor: cursor.execute(sql, parameters or ()))
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> OneTripCursor:
        await self._connection.run(self._run, lambda cursor: cursor.executemany(sql, parameters))
        return self

    async def fetchone(self) -> Row | None:
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Row]:
        count = self.arraysize if size is None else size
        taken, self._rows = self._rows[:count], self._rows[count:]
        return taken

    async def fetchall(self) -> list[Row]:
        taken, self._rows = self._rows, []
        return taken

    async def close(self) -> None:
        self._rows = []


class _CursorStart:
    """What `connection.cursor()` returns: awaitable, and usable as `async with` (like aiosqlite's)."""

    def __init__(self, cursor: OneTripCursor) -> None:
        self.cursor = cursor

    def __await__(self) -> Generator[Any, None, OneTripCursor]:
        return self.cursor.__aenter__().__await__()

    async def __aenter__(self) -> OneTripCursor:
        return self.cursor

    async def __aexit__(self, *_exc: object) -> None:
        await self.cursor.close()


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors make one trip per statement."""

    @property
    def raw(self) -> sqlite3.Connection:
        """The sqlite3 connection (used on the connection's own thread only)."""
        return self._conn

    async def run(self, function: Callable[..., object], *args: Any) -> object:
        """`function(*args)` on the connection's thread."""
        execute = cast(Callable[..., Awaitable[object]], self._execute)  # aiosqlite's own, untyped
        return await execute(function, *args)

    def cursor(self) -> _CursorStart:  # type: ignore[override]
        return _CursorStart(OneTripCursor(self))


def connect(database: str | Path, *args: Any, **kwargs: Any) -> OneTripConnection:
    """Like `aiosqlite.connect`, with one-trip cursors (for `create_async_engine(async_creator=…)`)."""

    def connector() -> sqlite3.Connection:
        connection: sqlite3.Connection = sqlite3.connect(str(database), *args, **kwargs)
        return connection

    connection = OneTripConnection(connector, 64)
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite: never hold up the exit
    return connection
