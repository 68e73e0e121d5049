"""Reading Rasa 3.x NLU training files, so one data set serves the built-in classifier and a Rasa server.

Layout (docs/CONTENT_FORMAT.md): `nlu/data/<language>/<domain>.yml`; an example's language is its folder,
unless the intent block carries `metadata: {language: xx}` (as the held-out file does).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from nlu.types import LANGUAGES, TrainingExample

log = logging.getLogger(__name__)

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Rasa's inline entity markup: "[Gdynia](city)" or "[Gdynia]{"entity": "city"}" -> "Gdynia".
_ENTITY_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


class TrainingDataError(ValueError):
    """A training file is not the Rasa 3.x NLU structure this module reads."""


def strip_entity_markup(text: str) -> str:
    """The plain message text of a Rasa example line."""
    return _ENTITY_MARKUP.sub(r"\1", text).strip()


def _example_lines(block: str) -> Iterator[str]:
    for line in block.splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            yield strip_entity_markup(stripped[2:])
        elif stripped:
            raise TrainingDataError(f"example line does not start with '- ': {stripped[:60]!r}")


def _examples_of(item: dict[str, Any]) -> Iterator[str]:
    examples = item.get("examples")
    if isinstance(examples, str):
        yield from _example_lines(examples)
    elif isinstance(examples, list):
        for entry in examples:
            text = entry.get("text") if isinstance(entry, dict) else None
            if not isinstance(text, str):
                raise TrainingDataError("an examples list must hold mappings with a 'text' string")
            yield strip_entity_markup(text)
    else:
        raise TrainingDataError(f"intent {item.get('intent')!r} has no examples block")


def _language_of(item: dict[str, Any], default: str | None) -> str:
    metadata = item.get("metadata")
    language = metadata.get("language") if isinstance(metadata, dict) else None
    language = language or default
    if language not in LANGUAGES:
        raise TrainingDataError(f"intent {item.get('intent')!r}: unknown language {language!r}")
    return str(language)


def read_document(document: Any, default_language: str | None, source: str) -> list[TrainingExample]:
    """Examples of one parsed YAML document.

    Raises:
        TrainingDataError: the structure is not Rasa 3.x NLU data; the message names `source`.
    """
    if not isinstance(document, dict) or not isinstance(document.get("nlu"), list):
        raise TrainingDataError(f"{source}: expected a mapping with an 'nlu' list")
    examples: list[TrainingExample] = []
    for item in document["nlu"]:
        if not isinstance(item, dict) or "intent" not in item:
            continue  # synonyms, regexes and lookup tables are Rasa's business, not ours
        try:
            language = _language_of(item, default_language)
            intent = str(item["intent"])
            examples.extend(TrainingExample(text, intent, language) for text in _examples_of(item) if text)
        except TrainingDataError as exc:
            raise TrainingDataError(f"{source}: {exc}") from exc
    return examples


def read_file(path: Path, default_language: str | None = None) -> list[TrainingExample]:
    """Examples of one Rasa YAML file; `default_language` applies where no metadata says otherwise."""
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise TrainingDataError(f"{path}: not valid YAML: {exc}") from exc
    return read_document(document, default_language, str(path))


def data_files(data_dir: Path) -> list[Path]:
    """The training files under `data_dir`, in a stable order (the model cache key depends on it)."""
    return sorted(p for p in data_dir.glob("*/*.yml") if p.parent.name in LANGUAGES)


def read_directory(data_dir: Path) -> list[TrainingExample]:
    """All examples under nlu/data, each labelled with its folder's language; duplicates removed."""
    examples: list[TrainingExample] = []
    for path in data_files(data_dir):
        examples.extend(read_file(path, path.parent.name))
    if not examples:
        log.warning("no training examples found under %s", data_dir)
    return list(dict.fromkeys(examples))


def fingerprint(examples: Iterable[TrainingExample]) -> str:
    """A stable hash of the examples' content, independent of file layout and order."""
    digest = hashlib.sha256()
    for example in sorted(set(examples), key=lambda e: (e.intent, e.language, e.text)):
        digest.update(f"{example.intent}\t{example.language}\t{example.text}\n".encode())
    return digest.hexdigest()
