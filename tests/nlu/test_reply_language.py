"""The reply goes in the chosen language unless the user clearly writes in another one."""

from __future__ import annotations

import pytest

from nlu import Entities, Parse, reply_language


def parse(text: str, language: str, confidence: float = 0.99) -> Parse:
    return Parse(
        text, language, confidence, "legal.pesel", 0.9, (("legal.pesel", 0.9),), "confident", Entities(), None
    )


def test_no_choice_follows_the_message() -> None:
    assert reply_language(parse("kak poluchit pesel", "ru"), None) == "ru"


def test_same_language_stays() -> None:
    assert reply_language(parse("як отримати песель", "uk"), "uk") == "uk"


@pytest.mark.parametrize(
    ("text", "language", "confidence"),
    [
        ("ok", "en", 0.99),  # too short to switch
        ("дякую", "uk", 0.99),
        ("karta pobytu", "pl", 0.99),  # office words are not a language choice
        ("PESEL wniosek urząd", "pl", 0.99),
        ("какие документы нужны для песеля", "ru", 0.6),  # long enough but not sure enough
    ],
)
def test_chosen_language_wins_unless_clear(text: str, language: str, confidence: float) -> None:
    assert reply_language(parse(text, language, confidence), "uk") == "uk"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("какие документы нужны для песеля", "ru"),
        ("kak poluchit pesel dlya rebenka", "ru"),
        ("gdzie mogę złożyć wniosek o pesel", "pl"),
    ],
)
def test_a_clear_message_in_another_language_switches(text: str, language: str) -> None:
    assert reply_language(parse(text, language), "uk") == language


def test_unknown_choice_is_ignored() -> None:
    assert reply_language(parse("hello there my friend", "en"), "de") == "en"
