"""Logs: no message text in INFO lines, and personal data masked wherever it reaches a log record."""

from __future__ import annotations

import logging
import sys

import pytest

from bot.trust.logs import MaskingFilter, install_masking
from nlu import LanguageHint, Parse
from tests.telegram.conftest import DoorFactory, PacedUnderstanding
from tests.telegram.emulator import BotApiEmulator

SECRET = "Oleksandra Hrytsenko-Mazur"
QUESTION = f"I am {SECRET}, PESEL 85010112345, mail oleksandra.h@example.com, phone +48 601 234 567"
PERSONAL = ("85010112345", "oleksandra.h@example.com", "601 234 567")


def test_the_filter_masks_arguments_and_tracebacks() -> None:
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed for %s", ("a@b.example",), None)
    try:
        raise ValueError("cannot parse 'PESEL 85010112345'")
    except ValueError:
        record.exc_info = sys.exc_info()
    assert MaskingFilter().filter(record)
    line = logging.Formatter("%(message)s").format(record)
    assert "failed for [email]" in line and "[PESEL]" in line
    assert "a@b.example" not in line and "85010112345" not in line


def test_masking_is_installed_once_on_every_handler() -> None:
    logger = logging.getLogger("tests.trust.install")
    logger.addHandler(logging.NullHandler())
    logger.addHandler(logging.StreamHandler())
    first, second = install_masking(logger), install_masking(logger)
    assert first is second
    assert all(handler.filters == [first] for handler in logger.handlers)


async def test_a_telegram_conversation_logs_no_text_at_info_and_masks_errors(
    emulator: BotApiEmulator,
    door_factory: DoorFactory,
    understanding: PacedUnderstanding,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.handler.addFilter(MaskingFilter())
    caplog.set_level(logging.INFO)
    scripted = understanding.parse

    async def parse(text: str, hint: LanguageHint | None = None) -> Parse:
        if text.startswith("crash"):
            raise ValueError(f"cannot understand {text!r}")
        return await scripted(text, hint)

    monkeypatch.setattr(understanding, "parse", parse)
    user = emulator.user(515, "en")
    async with door_factory():
        user.presses("1|lang|en")
        await emulator.replies(515, 3)
        user.says(QUESTION)
        await emulator.replies(515)
        user.says(f"crash {QUESTION}")
        [apology] = await emulator.replies(515)
        await emulator.settle(0.2)

    assert "went wrong" in apology.text
    informative = [record for record in caplog.records if record.levelno <= logging.INFO]
    assert informative, "the conversation did log something"
    for record in informative:
        assert SECRET not in record.getMessage() and "PESEL" not in record.getMessage()
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors, "the crash was logged"
    assert "[PESEL]" in caplog.text and "[email]" in caplog.text
    assert not [value for value in PERSONAL if value in caplog.text]
