"""UI strings (buttons, prompts, errors) from gettext catalogs, chosen per user and per message.

Guide answers are content and live in content/; only the interface is translated here. Catalogs are
compiled from the `.po` files in memory when first used, so a fresh clone works without a build step and
a stale `.mo` can never shadow an edited `.po`.
"""

from __future__ import annotations

import io
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_timedelta
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "messages"


class CatalogError(Exception):
    """A catalog is missing or broken."""


@cache
def _translations(language: str) -> Translations:
    po_file = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        with po_file.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    except OSError as exc:
        raise CatalogError(f"no catalog for {language!r} at {po_file}") from exc
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


@dataclass(frozen=True)
class Translator:
    """The UI strings of one language. Use `t._("…")` and `t.ngettext(…)` so Babel can extract them."""

    language: str

    def _(self, message: str, **values: object) -> str:
        text = _translations(self.language).gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = _translations(self.language).ngettext(singular, plural, n)
        return text.format(n=n, **values)

    def duration(self, delta: timedelta) -> str:
        """A human duration in this language ("2 години", "about 3 hours")."""
        return format_timedelta(delta, locale=Locale.parse(self.language), threshold=1.1)


def translator(language: str) -> Translator:
    """The translator for a language code (uk, ru, en, pl)."""
    _translations(language)
    return Translator(language)


# The console's Jinja templates translate through these, in the language of the current request.
_current: ContextVar[str] = ContextVar("ui_language", default="pl")


def set_request_language(language: str) -> None:
    """Choose the language of templates rendered for the current request (one task per request)."""
    _current.set(language if language in ("uk", "ru", "en", "pl") else "pl")


def request_language() -> str:
    return _current.get()


def context_gettext(message: str) -> str:
    return _translations(_current.get()).gettext(message)


def context_ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(_current.get()).ngettext(singular, plural, n)
