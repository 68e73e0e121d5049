"""UI catalogs: complete in four languages, with the right plural forms."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, translator

LANGUAGES = ("uk", "ru", "en", "pl")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    with (LOCALES_DIR / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    missing = [m.id for m in template if m.id and (m.id not in catalog or not catalog[m.id].string)]
    assert missing == []
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uk", ["1 тема", "2 теми", "5 тем", "22 теми", "11 тем"]),
        ("ru", ["1 тема", "2 темы", "5 тем", "22 темы", "11 тем"]),
        ("pl", ["1 temat", "2 tematy", "5 tematów", "22 tematy", "11 tematów"]),
        ("en", ["1 topic", "2 topics", "5 topics", "22 topics", "11 topics"]),
    ],
)
def test_plurals(language: str, expected: list[str]) -> None:
    t = translator(language)
    assert [t.ngettext("{n} topic", "{n} topics", n) for n in (1, 2, 5, 22, 11)] == expected


def test_placeholders_survive_translation() -> None:
    for language in LANGUAGES:
        assert "+48 58 000" in translator(language)._("phone {phone}", phone="+48 58 000")


def test_every_string_in_the_code_is_in_the_catalogs() -> None:
    """A UI string added in code but not extracted would silently show in English to everyone."""
    from babel.messages.extract import extract_from_dir

    root = LOCALES_DIR.parent
    found = {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(
            root / "bot",
            method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2")],
            keywords={"_": None, "ngettext": (1, 2)},
        )
    }
    with (LOCALES_DIR / "uk" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="uk")
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert sorted(found - known) == [], "run `make i18n` and translate the new strings"
