"""The optional Rasa backend: POST /model/parse on a Rasa server trained on the same nlu/data.

One aiohttp ClientSession is shared by all requests (created on first use, inside the running loop), each
request has a total timeout, and the answer is validated into a typed result. Any failure (server down,
timeout, HTTP error, unexpected JSON) is logged and answered by the built-in classifier, so the bot keeps
working when the Rasa service does not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import aiohttp
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nlu.linear_model import MAX_RANKING
from nlu.types import IntentResult

log = logging.getLogger(__name__)

# Rasa's own FallbackClassifier intent: our thresholds make that decision, so it is dropped from rankings.
_RASA_FALLBACK = "nlu_fallback"


class RasaError(Exception):
    """The Rasa server did not give a usable answer."""


class _RasaIntent(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)


class _RasaParse(BaseModel):
    model_config = ConfigDict(extra="ignore")

    intent: _RasaIntent
    intent_ranking: list[_RasaIntent] = []


def parse_response(payload: object) -> IntentResult:
    """The typed result of a /model/parse answer.

    Raises:
        RasaError: the answer lacks an intent or is malformed.
    """
    try:
        parsed = _RasaParse.model_validate(payload)
    except ValidationError as exc:
        raise RasaError(f"unexpected /model/parse answer: {exc.error_count()} problems") from exc
    ranking = parsed.intent_ranking or [parsed.intent]
    pairs = tuple((i.name, i.confidence) for i in ranking if i.name != _RASA_FALLBACK)[:MAX_RANKING]
    if not pairs:
        raise RasaError("the answer ranks no intent but the fallback")
    return IntentResult(pairs, "rasa")


class RasaBackend:
    """Classifies through a Rasa server, falling back on the built-in classifier on any failure."""

    name = "rasa"

    def __init__(self, url: str, timeout: float, fallback: Callable[[str, str], IntentResult]) -> None:
        self._endpoint = url.rstrip("/") + "/model/parse"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._fallback = fallback
        self._session: aiohttp.ClientSession | None = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        return self._session

    async def _post(self, text: str) -> object:
        async with self._client().post(self._endpoint, json={"text": text}) as response:
            if response.status != 200:
                raise RasaError(f"HTTP {response.status}")
            return await response.json(content_type=None)

    async def classify(self, text: str, language: str) -> IntentResult:
        """Rasa's ranking, or the built-in one if Rasa fails."""
        try:
            return parse_response(await self._post(text))
        except (aiohttp.ClientError, TimeoutError, RasaError, ValueError) as exc:
            log.warning(
                "Rasa at %s failed (%s: %s); using the built-in classifier",
                self._endpoint,
                type(exc).__name__,
                exc,
            )
            return self._fallback(text, language)

    async def aclose(self) -> None:
        """Close the shared session."""
        if self._session is not None:
            await self._session.close()
            self._session = None
