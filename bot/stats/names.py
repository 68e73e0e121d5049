"""What the keys of the statistics are called: guide titles and district names in the reader's language.

Tables carry ids (stable, for scripts and CSV files) and names (for people). Pages name things from the
published guide in the console language; `firststeps stats` keeps the ids only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.i18n import translator
from bot.stats.definitions import LANGUAGES, UNKNOWN
from content.guide import Guide
from content.model import Directory, Domain


def _(text: str) -> str:
    """Marks a UI string for extraction by `make i18n`; it is translated when shown."""
    return text


LANGUAGE_NAMES = {"uk": _("Ukrainian"), "ru": _("Russian"), "en": _("English"), "pl": _("Polish")}
OUTCOME_NAMES = {
    "answered": _("answered"),
    "chosen": _("chosen from the menu"),
    "more": _("asked for more"),
    "crisis": _("crisis: emergency numbers"),
    "clarify": _('unsure: "Did you mean…"'),
    "fallback": _("not understood"),
    "out_of_scope": _("outside the guide"),
}
REASON_NAMES = {
    "request": _("the person asked for an advisor"),
    "crisis": _("crisis"),
    "escalate": _("topic needs an advisor"),
}


class Names(Protocol):
    """Names for the keys of the statistics, and the UI strings of tables."""

    @property
    def language(self) -> str: ...

    def label(self, text: str) -> str: ...

    def domain(self, key: str) -> str: ...

    def topic(self, key: str) -> str: ...

    def district(self, key: str) -> str: ...

    def spoken(self, key: str) -> str: ...

    def outcome(self, key: str) -> str: ...

    def reason(self, key: str) -> str: ...

    def domains(self) -> Sequence[str]: ...

    def districts(self) -> Sequence[str]: ...


class PlainNames:
    """Ids as names and English labels: for scripts (`firststeps stats`, CSV without a guide)."""

    language = "en"

    def __init__(self, domains: Sequence[Domain] = (), directory: Directory | None = None) -> None:
        self._domains = tuple(d.id for d in domains)
        self._districts = tuple(d.id for d in directory.districts) if directory else ()

    def label(self, text: str) -> str:
        return text

    def domain(self, key: str) -> str:
        return key

    topic = district = spoken = outcome = reason = domain

    def domains(self) -> Sequence[str]:
        return self._domains

    def districts(self) -> Sequence[str]:
        return self._districts


class GuideNames:
    """Names from the published guide and the UI catalogs, in one console language."""

    def __init__(self, guide: Guide, language: str) -> None:
        self.guide = guide
        self.language = language
        self.t = translator(language)

    def label(self, text: str) -> str:
        return self.t._(text)

    def domain(self, key: str) -> str:
        if key == UNKNOWN:
            return self.t._("no topic recognised")
        found = self.guide.domain(key)
        return found.title(self.language) if found else key

    def topic(self, key: str) -> str:
        found = self.guide.topics.get(key)
        return found.title(self.language) if found else key

    def district(self, key: str) -> str:
        if key == UNKNOWN:
            return self.t._("district not known")
        found = self.guide.district(key)
        return found.name(self.language) if found else key

    def spoken(self, key: str) -> str:
        return self.t._(LANGUAGE_NAMES[key]) if key in LANGUAGE_NAMES else self.t._("language not known")

    def outcome(self, key: str) -> str:
        return self.t._(OUTCOME_NAMES[key]) if key in OUTCOME_NAMES else key

    def reason(self, key: str) -> str:
        return self.t._(REASON_NAMES[key]) if key in REASON_NAMES else key

    def domains(self) -> Sequence[str]:
        return tuple(d.id for d in self.guide.domains)

    def districts(self) -> Sequence[str]:
        return tuple(d.id for d in self.guide.directory.districts)


def language_keys(found: Sequence[str]) -> list[str]:
    """The four languages in their usual order, then any other code seen, then "not known"."""
    others = sorted(k for k in found if k not in LANGUAGES and k != UNKNOWN)
    return [*LANGUAGES, *others, UNKNOWN]
