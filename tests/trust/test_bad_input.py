"""Hostile and strange input, generated (hypothesis): never a crash, never HTML that Telegram refuses.

The texts mix everything people and attackers actually send: any Unicode, right-to-left and zero-width
marks, control characters, HTML and Markdown meant to inject markup, and texts up to 100 KB. They go
through the core with a real (small) understanding, through Telegram update parsing and rendering, and
through the running Telegram door against the emulator, which refuses what Telegram refuses. The example
counts are kept small so the suite stays fast; every run draws new examples.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, Update

from bot.channels.telegram.convert import BotIdentity, to_inbound
from bot.channels.telegram.render import MAX_TEXT, render
from bot.config import AbuseSettings
from bot.core.dialogue import Dialogue
from bot.core.types import Incoming, Outcome
from bot.trust.gate import Gate
from content.guide import Guide
from nlu import NLUSettings, Understanding, build_understanding
from tests.telegram.conftest import DoorFactory
from tests.telegram.emulator import BotApiEmulator, check_keyboard, parse_html, utf16_length

NLU_FIXTURES = Path(__file__).resolve().parents[1] / "nlu" / "fixtures"
BOT = BotIdentity(123456, "firststeps_test_bot")
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

NASTY = st.sampled_from(
    [
        "\u202eevil\u202c",  # right-to-left override
        "\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",  # RTL mark, Hebrew, Arabic
        "\u200b\u200c\u200d\ufeff",  # zero-width characters
        "\x00\x01\x07\x1b[31m\x7f",  # control characters, a terminal escape
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "<b>bold</i>",
        "&amp; &lt; & <",
        '<a href="javascript:alert(1)">x</a>',
        "**bold** __u__ _i_ `code` ```pre``` [link](javascript:alert(1))",
        "/start@firststeps_test_bot",
        "@firststeps_test_bot",
        "👍🏽👨‍👩‍👧 🇺🇦",
        "де зробити песель",
        "gdzie zrobić PESEL dla dziecka?",
    ]
)
TEXT = st.lists(
    st.one_of(NASTY, st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)),
    min_size=1,
    max_size=8,
).map("".join)
HUGE = st.builds(lambda piece, n: (piece * n)[:100_000], TEXT.filter(bool), st.integers(1000, 100_000))
ANY_TEXT = st.one_of(TEXT, TEXT, TEXT, HUGE)
PAYLOAD = st.one_of(
    st.text(max_size=64),
    st.sampled_from(
        ["1|lang|pl", "1|t|legal.pesel", "1|fb|legal.pesel|down", "1|forget|no", "1|town|gdansk"]
    ),
    st.builds(lambda kind, arg: f"1|{kind}|{arg}", st.sampled_from(["t", "dom", "fb", "lang", "town"]), TEXT),
)


def assert_telegram_accepts(outcome: Outcome) -> None:
    """What the emulator checks on sendMessage: valid HTML, not empty, not too long, valid keyboards."""
    messages = render(outcome)
    for message in messages:
        visible = parse_html(message["text"])
        assert visible.strip() and utf16_length(visible) <= MAX_TEXT
        check_keyboard({"inline_keyboard": message.get("keyboard", [])})


@pytest.fixture(scope="module")
def small_understanding(tmp_path_factory: pytest.TempPathFactory) -> Understanding:
    """The real understanding trained on the small fixture data (about a second)."""
    return build_understanding(
        NLUSettings(
            data_dir=NLU_FIXTURES / "data",
            directory_file=NLU_FIXTURES / "districts.yml",
            cache_dir=tmp_path_factory.mktemp("fuzz-models"),
        )
    )


def screened(
    guide: Guide, understanding: Understanding, sessions: async_sessionmaker[AsyncSession]
) -> Dialogue:
    """The core as the service builds it: behind the gate (with a limit no test reaches)."""
    return Dialogue(guide, understanding, sessions, gate=Gate(AbuseSettings(max_messages=10_000)))


@pytest.fixture
def users() -> Iterator[str]:
    return (f"fuzz-{n}" for n in itertools.count())


@FUZZ
@given(
    texts=st.lists(ANY_TEXT, min_size=1, max_size=3),
    payload=PAYLOAD,
    language=st.sampled_from(["uk", "ru", "en", "pl", None, "zz-ZZ", ""]),
)
async def test_the_core_answers_any_text_and_button_without_failing(
    texts: list[str],
    payload: str,
    language: str | None,
    fixture_guide: Guide,
    small_understanding: Understanding,
    sessions: async_sessionmaker[AsyncSession],
    users: Iterator[str],
) -> None:
    dialogue = screened(fixture_guide, small_understanding, sessions)
    user = next(users)
    for incoming in (
        *(Incoming("test", user, text=text, client_language=language) for text in texts),
        Incoming("test", user, payload=payload),
        Incoming("test", user, payload="1|lang|uk"),
        *(Incoming("test", user, text=text) for text in texts),
    ):
        outcome = await dialogue.handle(incoming)
        # No reply at all is right while an advisor has the conversation (messages are passed on).
        assert outcome.answer_id != "ui.error", "answered, not apologised for"
        assert_telegram_accepts(outcome)


def update_of(text: str, name: str, chat_type: str, kind: str, user_id: int = 4242) -> dict[str, Any]:
    """A Telegram update (without its id) as Telegram sends it, with `text` from someone called `name`."""
    sender = {
        "id": user_id,
        "is_bot": False,
        "first_name": name or "x",
        "last_name": name,
        "language_code": "pl",
    }
    chat: dict[str, Any] = {
        "id": user_id if chat_type == "private" else -100123,
        "type": chat_type,
        "title": name,
    }
    message: dict[str, Any] = {"message_id": 1, "date": 0, "chat": chat, "from": sender}
    if kind == "callback_query":
        return {
            "callback_query": {"id": "1", "from": sender, "chat_instance": "1", "data": text[:64] or "x"},
        }
    if kind == "caption":
        message |= {
            "photo": [{"file_id": "a", "file_unique_id": "a", "width": 1, "height": 1}],
            "caption": text,
        }
    else:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0] or "/")}
            ]
    return {"edited_message" if kind == "edit" else "message": message}


@FUZZ
@given(
    text=ANY_TEXT,
    name=TEXT,
    chat_type=st.sampled_from(["private", "group", "supergroup", "channel"]),
    kind=st.sampled_from(["message", "caption", "callback_query", "edit"]),
)
async def test_any_telegram_update_is_converted_answered_and_rendered(
    text: str,
    name: str,
    chat_type: str,
    kind: str,
    fixture_guide: Guide,
    small_understanding: Understanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    update = Update.de_json({"update_id": 1, **update_of(text, name, chat_type, kind)}, Bot("1:TEST"))
    inbound = to_inbound(update, BOT)
    if inbound is None:
        assert kind == "edit" or chat_type != "private", (
            "only private messages and buttons always get a reply"
        )
        return
    outcome = await screened(fixture_guide, small_understanding, sqlite_sessions).handle(inbound.incoming)
    assert outcome.answer_id != "ui.error"
    assert_telegram_accepts(outcome)


@settings(FUZZ, max_examples=12)
@given(text=TEXT.filter(lambda text: text.strip() != ""), name=TEXT)
async def test_the_running_door_answers_hostile_names_and_texts(
    text: str, name: str, emulator: BotApiEmulator, door_factory: DoorFactory, users: Iterator[str]
) -> None:
    chat = 900_000 + int(next(users).removeprefix("fuzz-"))
    user = emulator.user(chat, "en")
    async with door_factory():
        user.presses("1|lang|en")
        await emulator.replies(chat, 3)
        emulator.push(update_of(text, name, "private", "message", chat))
        replies = await emulator.replies(chat, within=10)
        await emulator.settle(0.1)
    assert replies, "answered"
    refused = [call for call in emulator.calls_of("sendMessage") if call.status >= 400]
    assert refused == [], "Telegram accepted every message"


@pytest.mark.parametrize("text", ["nul \x00 inside", "\x00", "bell \x07 and escape \x1b[31m"])
async def test_control_characters_are_stored_and_answered_on_every_engine(
    text: str,
    fixture_guide: Guide,
    small_understanding: Understanding,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    dialogue = screened(fixture_guide, small_understanding, sessions)
    await dialogue.handle(Incoming("test", "ctl", payload="1|lang|en"))
    outcome = await dialogue.handle(Incoming("test", "ctl", text=text))
    assert outcome.answer_id != "ui.error"
    assert_telegram_accepts(outcome)
