"""The topic list editors work from: each topic's status per language, with search and filters.

A language version is, in order of what needs attention first: missing (no answer), needs review (a
sibling changed), draft (changed but not published), or published. A topic never published is new.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.editor.documents import readable
from bot.editor.store import TopicState
from bot.storage.models import ContentReview
from content.model import LANGUAGES

STATES = ("missing", "review", "draft", "published")


@dataclass(frozen=True)
class LanguageStatus:
    """One language version's state and the date it was last checked against its sources."""

    language: str
    state: str
    checked: str | None
    review: ContentReview | None = None


@dataclass(frozen=True)
class TopicRow:
    """A topic in the list."""

    state: TopicState
    title: str
    languages: tuple[LanguageStatus, ...]
    text: str

    @property
    def id(self) -> str:
        return self.state.id

    @property
    def domain(self) -> str:
        return self.state.domain

    def language(self, code: str) -> LanguageStatus:
        return next(status for status in self.languages if status.language == code)


def language_status(state: TopicState, language: str, review: ContentReview | None) -> LanguageStatus:
    answer = (state.draft.get("answers") or {}).get(language)
    checked = str(answer.get("checked")) if isinstance(answer, dict) and answer.get("checked") else None
    if not answer or not answer.get("text"):
        return LanguageStatus(language, "missing", checked, review)
    if review is not None:
        return LanguageStatus(language, "review", checked, review)
    if state.published is None or readable(state.published, language) != readable(state.draft, language):
        return LanguageStatus(language, "draft", checked, review)
    if state.published.get("answers", {}).get(language) != answer:
        return LanguageStatus(language, "draft", checked, review)
    return LanguageStatus(language, "published", checked, review)


def _searchable(state: TopicState) -> str:
    body = state.draft
    parts = [state.id, *(body.get("titles") or {}).values()]
    for answer in (body.get("answers") or {}).values():
        if isinstance(answer, dict):
            parts += [str(answer.get("text") or ""), str(answer.get("more") or "")]
    return "\n".join(parts).casefold()


def rows(
    states: list[TopicState], flags: Mapping[str, Mapping[str, ContentReview]], ui_language: str
) -> list[TopicRow]:
    """One row per topic, titled in the console's language."""
    found = []
    for state in states:
        titles = state.draft.get("titles") or {}
        title = titles.get(ui_language) or titles.get("en") or next(iter(titles.values()), state.id)
        reviews = flags.get(state.id, {})
        languages = tuple(language_status(state, code, reviews.get(code)) for code in LANGUAGES)
        found.append(TopicRow(state, str(title), languages, _searchable(state)))
    return found


def matches(row: TopicRow, query: str, domain: str, language: str, status: str) -> bool:
    """Whether a row passes the list's filters (empty filters pass everything)."""
    if query and query.casefold() not in row.text:
        return False
    if domain and row.domain != domain:
        return False
    codes = [language] if language in LANGUAGES else list(LANGUAGES)
    if status == "new":
        return row.state.is_new
    if status in STATES:
        return any(row.language(code).state == status for code in codes)
    return True
