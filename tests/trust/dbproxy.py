"""A TCP proxy in front of PostgreSQL that can go down: connections cut, new ones refused, then back.

It stands for a database restart or a network failure without touching the shared server: the engine under
test connects to the proxy's port, and the test switches the proxy off and on.
"""

from __future__ import annotations

import asyncio
import contextlib


class DatabaseProxy:
    """Forwards 127.0.0.1:<port> to the database server while up."""

    def __init__(self, host: str = "127.0.0.1", port: int = 5432) -> None:
        self.target = (host, port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._pipes: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    async def up(self) -> None:
        """Accept connections (on the same port as before, if it was up already)."""
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        """Cut every open connection and refuse new ones."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        for pipe in list(self._pipes):
            pipe.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    def url(self, database_url: str) -> str:
        """`database_url` pointed at the proxy."""
        host = f"{self.target[0]}:{self.target[1]}"
        assert host in database_url, "the URL must name the proxied server"
        return database_url.replace(host, f"127.0.0.1:{self.port}")

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers |= {writer, upstream_writer}
        for source, sink in ((reader, upstream_writer), (upstream_reader, writer)):
            task = asyncio.create_task(self._pipe(source, sink))
            self._pipes.add(task)
            task.add_done_callback(self._pipes.discard)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
        except OSError:
            pass  # the other side is gone: this direction ends too
        finally:
            self._writers.discard(sink)
            with contextlib.suppress(Exception):
                sink.transport.abort()
