"""Button payloads fit Telegram's 64 bytes and old ones are recognised as old."""

from __future__ import annotations

import pytest

from bot.core import payloads


def test_round_trip() -> None:
    assert payloads.decode(payloads.encode("fb", "legal.temporary_residence", "down")) == payloads.Action(
        "fb", ("legal.temporary_residence", "down")
    )


def test_every_topic_payload_fits_64_bytes() -> None:
    longest = "x" * 55
    with pytest.raises(ValueError, match="64 bytes"):
        payloads.encode("more", longest + "y" * 10)
    assert len(payloads.encode("fb", "education.preparatory_class", "down").encode()) <= 64


@pytest.mark.parametrize("payload", ["0|t|legal.pesel", "garbage", "", "1|nosuchkind|x", "1|"])
def test_foreign_or_old_payloads_are_not_misread(payload: str) -> None:
    assert payloads.decode(payload) is None


def test_separators_inside_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot encode"):
        payloads.encode("t", "a|b")
