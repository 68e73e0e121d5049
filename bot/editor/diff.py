"""What changed between two versions of a topic, field by field and word by word, for the history page.

A topic document is flattened into named fields ("answers.uk.text", "titles.pl", "sources"); each field
that differs is shown with its removed and inserted words marked, which is what an editor needs to review a
change to a 1,200-character answer (a line diff would mark whole paragraphs).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from content.model import LANGUAGES

Op = Literal["same", "added", "removed"]
# A word with the spaces after it is one token, so a changed phrase reads as one removal and one insertion.
_TOKENS = re.compile(r"^\s+|\S+\s*")
_ORDER = ("titles", "answers", "sources", "related", "local", "escalate", "domain", "variants")


@dataclass(frozen=True)
class Piece:
    """A run of text that is unchanged, added or removed."""

    op: Op
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: its name, language (if any) and the word-level pieces."""

    field: str
    language: str | None
    old: str
    new: str
    pieces: tuple[Piece, ...]


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    if isinstance(value, list) and all(isinstance(item, dict) and "url" in item for item in value):
        return "\n".join(f"{item.get('title', '')} | {item.get('url', '')}" for item in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)


def flatten(body: dict[str, Any] | None) -> dict[str, str]:
    """Named, comparable fields of a topic document in a stable, readable order."""
    if not body:
        return {}
    fields: dict[str, str] = {}
    for key in _ORDER:
        value = body.get(key)
        if key in ("titles", "answers") and isinstance(value, dict):
            for language in sorted(value, key=lambda code: (code not in LANGUAGES, code)):
                inner = value[language]
                if isinstance(inner, dict):
                    for part in ("text", "more", "checked"):
                        if part in inner:
                            fields[f"{key}.{language}.{part}"] = _scalar(inner[part])
                else:
                    fields[f"{key}.{language}"] = _scalar(inner)
        elif value is not None:
            fields[key] = _scalar(value)
    for key in sorted(set(body) - set(_ORDER) - {"id"}):
        fields[key] = _scalar(body[key])
    return fields


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """Unchanged, removed and added runs of words (whitespace kept, so paragraphs stay visible).

    Trailing whitespace is not compared: a final newline is how the files store text, not a change.
    """
    a, b = _TOKENS.findall(old.rstrip()), _TOKENS.findall(new.rstrip())
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", "".join(b[j1:j2])))
    return tuple(pieces)


def _language_of(field: str) -> str | None:
    parts = field.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LANGUAGES else None


def changes(
    old: dict[str, Any] | None, new: dict[str, Any] | None, language: str | None = None
) -> list[FieldChange]:
    """Every field that differs between two versions; only one language's fields when `language` is set.

    Topic-wide fields (sources, related…) are always included.
    """
    before, after = flatten(old), flatten(new)
    names = list(after) + [name for name in before if name not in after]
    found = []
    for name in names:
        field_language = _language_of(name)
        if language is not None and field_language not in (None, language):
            continue
        old_value, new_value = before.get(name, ""), after.get(name, "")
        if old_value != new_value:
            found.append(
                FieldChange(name, field_language, old_value, new_value, word_diff(old_value, new_value))
            )
    return found


def changed_fields(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    """Just the names of the changed fields (for the one-line summary of a revision)."""
    before, after = flatten(old), flatten(new)
    return [name for name in {**before, **after} if before.get(name) != after.get(name)]
