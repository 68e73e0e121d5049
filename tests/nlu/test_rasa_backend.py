"""The Rasa backend: typed results from POST /model/parse, and the built-in answer whenever Rasa fails."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from nlu import LanguageHint, NLUSettings, Understanding
from nlu.backends.rasa import RasaBackend, RasaError, parse_response
from nlu.loading import build_understanding
from nlu.types import IntentResult

RASA_ANSWER: dict[str, Any] = {
    "text": "hello",
    "intent": {"name": "greet", "confidence": 0.91},
    "intent_ranking": [
        {"name": "greet", "confidence": 0.91},
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "thanks", "confidence": 0.05},
    ],
    "entities": [],
}


class FakeRasa:
    """An aiohttp server on port 0 that answers /model/parse as told and records what it was sent."""

    def __init__(self) -> None:
        self.answer: Callable[[], web.StreamResponse] = lambda: web.json_response(RASA_ANSWER)
        self.delay = 0.0
        self.received: list[Any] = []
        app = web.Application()
        app.router.add_post("/model/parse", self._parse)
        self.server = TestServer(app, port=0)

    async def _parse(self, request: web.Request) -> web.StreamResponse:
        self.received.append(await request.json())
        await asyncio.sleep(self.delay)
        return self.answer()

    @property
    def url(self) -> str:
        return str(self.server.make_url(""))


@pytest.fixture
async def rasa() -> AsyncIterator[FakeRasa]:
    fake = FakeRasa()
    await fake.server.start_server()
    yield fake
    await fake.server.close()


@pytest.fixture
async def understanding(small_settings: NLUSettings, rasa: FakeRasa) -> AsyncIterator[Understanding]:
    settings = small_settings.model_copy(
        update={"backend": "rasa", "rasa_url": rasa.url, "rasa_timeout": 0.5}
    )
    nlu = build_understanding(settings)
    yield nlu
    await nlu.aclose()


async def test_rasa_ranking_is_used_and_fallback_intent_dropped(
    understanding: Understanding, rasa: FakeRasa
) -> None:
    parse = await understanding.parse("hello", LanguageHint(chosen="en"))
    assert rasa.received == [{"text": "hello"}]
    assert parse.intent == "greet"
    assert parse.ranking == (("greet", 0.91), ("thanks", 0.05))
    assert parse.language == "en"


async def test_language_entities_and_crisis_stay_built_in(understanding: Understanding) -> None:
    parse = await understanding.parse("мене бʼють, я у Гдині", LanguageHint(chosen="uk"))
    assert parse.intent == "greet"  # what the fake Rasa says
    assert parse.crisis == "violence"
    assert parse.entities.district == "gdynia"
    assert parse.language == "uk"


@pytest.mark.parametrize(
    "failure",
    [
        lambda: web.Response(status=500, text="model not loaded"),
        lambda: web.Response(text="<html>not json</html>", content_type="text/html"),
        lambda: web.json_response({"intent": None, "entities": []}),
        lambda: web.json_response({"intent": {"name": "nlu_fallback", "confidence": 0.3}}),
    ],
    ids=["http-500", "not-json", "no-intent", "only-fallback"],
)
async def test_rasa_failure_gives_the_builtin_answer(
    understanding: Understanding,
    rasa: FakeRasa,
    small: Understanding,
    failure: Callable[[], web.StreamResponse],
) -> None:
    rasa.answer = failure
    parse = await understanding.parse("де отримати песель")
    assert parse.intent == small.parse_sync("де отримати песель").intent == "legal.pesel"


async def test_rasa_timeout_gives_the_builtin_answer(understanding: Understanding, rasa: FakeRasa) -> None:
    rasa.delay = 2.0
    parse = await understanding.parse("where can i get pesel for my child")
    assert parse.intent == "legal.pesel"


async def test_rasa_down_gives_the_builtin_answer(small_settings: NLUSettings) -> None:
    settings = small_settings.model_copy(
        update={"backend": "rasa", "rasa_url": "http://127.0.0.1:9", "rasa_timeout": 0.5}
    )
    nlu = build_understanding(settings)
    try:
        assert (await nlu.parse("dzień dobry")).intent == "greet"
    finally:
        await nlu.aclose()


async def test_one_session_is_shared(rasa: FakeRasa) -> None:
    def fallback(text: str, language: str) -> IntentResult:
        raise AssertionError("Rasa answered")

    backend = RasaBackend(rasa.url, 1.0, fallback)
    await backend.classify("hello", "en")
    session = backend._session
    await backend.classify("hello again", "en")
    assert backend._session is session and len(rasa.received) == 2
    await backend.aclose()
    assert backend._session is None


def test_parse_response_is_typed() -> None:
    result = parse_response(RASA_ANSWER)
    assert result.intent == "greet" and result.confidence == pytest.approx(0.91) and result.source == "rasa"
    with pytest.raises(RasaError):
        parse_response({"intent": {"name": "", "confidence": 2}})
