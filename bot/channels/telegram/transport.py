"""PTB's HTTP requests over aiohttp instead of httpx.

Every reply costs at least one Bot API call, and PTB's default transport (httpx over httpcore and anyio)
spends about a millisecond of CPU per call in its own layers, more than PTB and aiohttp together
(`benchmarks/telegram_bench.py` measures both). aiohttp is already the service's HTTP stack, so the bot's
calls go through one `aiohttp.ClientSession` with a bounded connection pool.

The contract is PTB's `BaseRequest`: return the status and body, raise `TimedOut` when Telegram did not
answer in time and `NetworkError` when the connection failed. Whether a timed-out call was delivered is
unknown to PTB either way; `delivery.Sender` deals with that.
"""

from __future__ import annotations

import aiohttp
from telegram._utils.defaultvalue import DefaultValue  # PTB's "not given" marker
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def _pick(value: object, default: float | None) -> float | None:
    """A timeout PTB passed explicitly, or ours when it passed its "not given" marker."""
    if isinstance(value, DefaultValue):
        return default
    return value if isinstance(value, int | float) or value is None else default


class AiohttpRequest(BaseRequest):
    """A PTB request object backed by aiohttp; one per kind of traffic (calls, long polling)."""

    def __init__(
        self,
        connections: int = 8,
        *,
        connect_timeout: float | None = 5.0,
        read_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self.connections = connections
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.connections),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("this AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else None
        read = _pick(read_timeout, self._read_timeout)
        connect = _pick(connect_timeout, self._connect_timeout)
        pool = _pick(pool_timeout, self._pool_timeout)
        # aiohttp has no write timeout: a request body is small, or a file whose upload Telegram paces.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        body: aiohttp.FormData | dict[str, str] | None = fields
        if files:
            form = aiohttp.FormData(quote_fields=False)
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mime) in files.items():
                form.add_field(name, content, filename=filename, content_type=mime)
            body = form
        try:
            async with self._session.request(method, url, data=body, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
