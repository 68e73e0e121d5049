"""Masking personal data in text that staff read or that leaves the conversation tables.

Users write their phone numbers, e-mail addresses, PESEL, passport, ID card and residence card numbers and
bank accounts into questions ("my PESEL 85010112345 is not working"). Editors need the question, not those
numbers, and a training example must never carry them. `mask` replaces each with a bracketed tag such as
`[PESEL]`, so the sentence still reads naturally; the original stays only in `messages`, where erasure
(/forget) finds it.

Names and street addresses cannot be recognised reliably with patterns and are not masked.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The tag each kind of data is replaced with, in the order the patterns are applied.
TAGS = {
    "email": "[email]",
    "iban": "[IBAN]",
    "card": "[card]",
    "pesel": "[PESEL]",
    "document": "[document no.]",
    "phone": "[phone]",
    "number": "[number]",
}

_LETTER = r"A-Za-zА-ЯІЇЄҐа-яіїєґ"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)),
    # IBAN: a country code, two check digits, then letters or digits in groups of four (typed with or
    # without spaces); a Polish account number is the same without "PL" (26 digits).
    (
        "iban",
        re.compile(
            r"(?<![\w])"
            r"(?:[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?\d{1,3})?|\d{2}(?:[ -]?\d{4}){6})"
            r"(?![\w])",
        ),
    ),
    ("card", re.compile(r"(?<!\d)\d{4}(?:[ -]?\d{4}){3}(?!\d)")),
    ("pesel", re.compile(r"(?<!\d)\d{11}(?!\d)")),
    # Passports, ID cards and residence cards: two or three letters, then six or seven digits
    # (Polish ID "ABC 123456", passport "EA1234567", karta pobytu "RP1234567", Ukrainian "МН 123456").
    ("document", re.compile(rf"(?<![{_LETTER}\d])[{_LETTER}]{{2,3}}[ -]?№?\s?\d{{6,7}}(?!\d)")),
    # Phones: an optional +, then at least nine digits with spaces, dashes, dots or brackets between.
    ("phone", re.compile(r"(?<![\w+(])(?:\+|00|\()?\d(?:[\s().-]{0,2}\d){8,14}(?!\d)")),
    # Anything else with six or more digits in a row (case numbers, ID card numbers): never useful to editors.
    ("number", re.compile(r"(?<!\d)\d{6,}(?!\d)")),
)


#: Extra checks where a pattern alone would catch ordinary words ("ab12 hello worlds" is no IBAN).
_PLAUSIBLE: dict[str, Callable[[str], bool]] = {
    "iban": lambda found: sum(character.isdigit() for character in found) >= 12,
}


def _replacer(kind: str, tag: Callable[[str], str]) -> Callable[[re.Match[str]], str]:
    plausible = _PLAUSIBLE.get(kind)

    def replace(match: re.Match[str]) -> str:
        if plausible is not None and not plausible(match.group(0)):
            return match.group(0)
        return tag(kind)

    return replace


def mask(text: str, tag: Callable[[str], str] = TAGS.__getitem__) -> str:
    """The text with every phone number, e-mail, PESEL, document number and bank account replaced.

    Args:
        text: what a user wrote.
        tag: the replacement for a kind of data (see `TAGS`); the default writes the tag itself.
    """
    for kind, pattern in _PATTERNS:
        text = pattern.sub(_replacer(kind, tag), text)
    return text


def strip_masked(text: str) -> str:
    """Masked text without its tags, for training examples: "my [PESEL] is wrong" -> "my is wrong".

    A tag teaches the classifier nothing about the question, and a training example should read like
    something a user would type.
    """
    for value in TAGS.values():
        text = text.replace(value, " ")
    return " ".join(text.split())
