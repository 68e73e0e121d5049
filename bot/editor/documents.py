"""Topic documents as editors change them: one language version at a time, sources for the whole topic.

A document is the JSON-safe dict the database stores and the seed files hold (dates as ISO strings). Edits
copy the document and change only the fields the editor touched, so keys the editor cannot see (variants,
`updated`, future fields) survive every save unchanged.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

Body = dict[str, Any]

#: The parts of one language version a reader sees; a change to any of them concerns its translations.
READABLE = ("text", "more")
_SOURCE_LINE = re.compile(r"^(?P<title>.+?)\s*\|\s*(?P<url>\S+)\s*$")


@dataclass(frozen=True)
class LanguageEdit:
    """What the editor submitted for one language: title, answer text, optional "more", date checked."""

    title: str
    text: str
    more: str
    checked: str


def normalize_text(text: str) -> str:
    """Text as stored: Unix line ends, no trailing spaces, one final newline (a YAML block in the files)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    stripped = "\n".join(lines).strip("\n")
    return f"{stripped}\n" if stripped.strip() else ""


def _keep_if_same(old: Any, new: str) -> Any:
    """The stored value when the submitted text only differs in line ends or trailing spaces.

    A form sends the text back even when it was not touched; this keeps such a save from counting as a
    change of that language (and from flagging its translations).
    """
    if isinstance(old, str) and normalize_text(old) == new:
        return old
    return new


def apply_language_edit(body: Body, language: str, edit: LanguageEdit) -> Body:
    """A copy of `body` with one language's title and answer replaced by the editor's version."""
    changed = copy.deepcopy(body)
    titles = changed.setdefault("titles", {})
    title = " ".join(edit.title.split())
    if (title or language in titles) and titles.get(language) != title:
        titles[language] = title
    answers = changed.setdefault("answers", {})
    answer = dict(answers.get(language) or {})
    answer["checked"] = edit.checked or answer.get("checked", "")
    answer["text"] = _keep_if_same(answer.get("text"), normalize_text(edit.text))
    more = normalize_text(edit.more)
    if more:
        answer["more"] = _keep_if_same(answer.get("more"), more)
    else:
        answer.pop("more", None)
    answers[language] = answer
    return changed


def parse_sources(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """Sources from the editor's lines "title | https://…", and the lines that could not be read."""
    sources, problems = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        match = _SOURCE_LINE.match(line.strip())
        if match is None:
            problems.append(line.strip())
        else:
            sources.append({"title": match.group("title").strip(), "url": match.group("url")})
    return sources, problems


def sources_text(body: Body) -> str:
    """The sources as the editor edits them: one "title | url" line each."""
    return "\n".join(f"{s.get('title', '')} | {s.get('url', '')}" for s in body.get("sources") or [])


def with_sources(body: Body, sources: list[dict[str, str]]) -> Body:
    """A copy of `body` with new sources; the same list (titles and URLs) keeps the stored one."""
    if [(s.get("title"), s.get("url")) for s in body.get("sources") or []] == [
        (s["title"], s["url"]) for s in sources
    ]:
        return body
    changed = copy.deepcopy(body)
    changed["sources"] = sources
    return changed


def readable(body: Body, language: str) -> tuple[Any, ...]:
    """What a reader of one language sees of the topic: its title and answer texts."""
    answer = (body.get("answers") or {}).get(language) or {}
    return ((body.get("titles") or {}).get(language), *(answer.get(field) for field in READABLE))


def changed_languages(before: Body | None, after: Body) -> set[str]:
    """Languages whose title or answer text differ between two versions (dates do not count)."""
    languages = set(after.get("answers") or {}) | set(after.get("titles") or {})
    if before is not None:
        languages |= set(before.get("answers") or {})
    if before is None:
        return languages
    return {language for language in languages if readable(before, language) != readable(after, language)}


def new_topic(topic_id: str, domain: str, escalate: str, titles: dict[str, str]) -> Body:
    """The first draft of a topic created in the editor: its id, domain and titles, no answers yet."""
    return {
        "id": topic_id,
        "domain": domain,
        "escalate": escalate,
        "related": [],
        "sources": [],
        "titles": {language: title for language, title in titles.items() if title},
        "answers": {},
    }


def with_input(draft: Body, language: str, edit: LanguageEdit, sources: str) -> Body:
    """The document with the editor's unsaved input, for the preview (unreadable source lines skipped)."""
    body = apply_language_edit(draft, language, edit)
    parsed, _problems = parse_sources(sources)
    return with_sources(body, parsed) if sources.strip() else body
