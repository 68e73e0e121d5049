"""The guide as typed, validated objects: topics with their answers, domains, and the district directory.

The same models validate the YAML seed files, the database copy and what editors submit, so a topic that
passes here can be shown in every channel.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

LANGUAGES: tuple[str, ...] = ("uk", "ru", "en", "pl")
Language = Literal["uk", "ru", "en", "pl"]
ContactKind = Literal[
    "pup", "registration", "legal_aid", "social_welfare", "info_point", "voivode_office", "wup", "helpline"
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Model):
    title: str = Field(min_length=3, max_length=200)
    url: HttpUrl


class Answer(_Model):
    """One language version of an answer."""

    checked: date
    text: str = Field(min_length=20)
    more: str | None = None
    updated: date | None = None


class Variant(_Model):
    """An answer that replaces the default for some users (by citizenship or status)."""

    when: dict[Literal["citizenship", "status"], tuple[str, ...]]
    answers: dict[Language, Answer]

    def applies(self, citizenship: str | None, status: str | None) -> bool:
        """True when the user's known citizenship or status is one this variant is written for."""
        return (citizenship is not None and citizenship in self.when.get("citizenship", ())) or (
            status is not None and status in self.when.get("status", ())
        )


class Topic(_Model):
    """One guide topic: its answers in four languages, sources, and how it links to the rest."""

    id: str = Field(pattern=r"^[a-z]+\.[a-z0-9_]+$")
    domain: str
    escalate: Literal["never", "always", "crisis"] = "never"
    related: tuple[str, ...] = ()
    local: tuple[ContactKind, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    titles: dict[Language, str]
    answers: dict[Language, Answer]
    variants: tuple[Variant, ...] = ()
    source_language: Language = "pl"

    @model_validator(mode="after")
    def _domain_matches_id(self) -> Topic:
        if self.id.split(".", 1)[0] != self.domain:
            raise ValueError(f"domain {self.domain!r} does not match the id {self.id!r}")
        return self

    @field_validator("titles")
    @classmethod
    def _short_titles(cls, titles: dict[str, str]) -> dict[str, str]:
        for language, title in titles.items():
            if not 1 <= len(title) <= 40:
                raise ValueError(f"title in {language} must be 1-40 characters: {title!r}")
        return titles

    def answer(self, language: str, citizenship: str | None = None, status: str | None = None) -> Answer:
        """The answer for this user: a matching variant first, then the default, then any language."""
        for variant in self.variants:
            if variant.applies(citizenship, status) and language in variant.answers:
                return variant.answers[language]
        if language in self.answers:
            return self.answers[language]
        return next(iter(self.answers.values()))

    def title(self, language: str) -> str:
        return self.titles.get(language) or next(iter(self.titles.values()))  # type: ignore[call-overload]


class Contact(_Model):
    """A local office or help point; only what a source states, unknown fields left out."""

    kind: ContactKind
    name: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    url: HttpUrl | None = None
    hours: str | None = None
    note: str | None = None
    source: HttpUrl | None = None
    checked: date | None = None


class Place(_Model):
    name: str
    forms: tuple[str, ...] = ()


class District(_Model):
    """One of the 20 districts of Pomorskie (16 land districts, 4 cities with district rights)."""

    id: str = Field(pattern=r"^[a-z_]+$")
    kind: Literal["district", "city"]
    names: dict[Language, str]
    seat: str
    places: tuple[Place, ...] = ()
    contacts: tuple[Contact, ...] = ()

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["pl"]  # type: ignore[call-overload]


class Directory(_Model):
    districts: tuple[District, ...] = ()
    regional: tuple[Contact, ...] = ()

    def district(self, district_id: str | None) -> District | None:
        return next((d for d in self.districts if d.id == district_id), None)


class Domain(_Model):
    id: str
    titles: dict[Language, str]
    icon: str = ""

    def title(self, language: str) -> str:
        return self.titles.get(language) or self.titles["en"]  # type: ignore[call-overload]
