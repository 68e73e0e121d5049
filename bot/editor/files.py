"""`firststeps content export|import`: the published guide to and from the files reviewed in git.

Export writes each published topic as `content/topics/<id>.yml` in the layout of the seed files (block
text, flow lists, dates unquoted), so a diff in git shows only what editors changed; a topic file read back
gives exactly the stored document, which is what keeps start-up from seeing the exported files as changes.
With `--training`, editors' training questions go into `nlu/data/<language>/<domain>.yml` (added under
their intent's block, removed ones deleted), leaving every other line of those files as it was.

Import loads files into the database with the start-up rules (a topic an editor changed is not
overwritten) and reports the conflicts with the fields that differ; `--force ID` takes the file's version
of a topic as a new revision (the editor's work stays in its history).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.ext.asyncio import AsyncSession

from bot.editor.diff import changed_fields
from bot.editor.store import TopicState, TopicStore
from bot.storage import content_store
from content.model import LANGUAGES
from nlu import TrainingExample
from nlu.training_data import read_file, strip_entity_markup

_TOP = ("id", "domain", "escalate", "related", "local", "sources", "titles", "answers", "variants")
_ANSWER = ("checked", "updated", "text", "more")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTENT_LINE = re.compile(r"""^- intent:\s*["']?(?P<intent>[^"'\s]+)["']?\s*$""")


class _Dumper(yaml.SafeDumper):
    """Seed-file style: multi-line text as `|` blocks, short lists in brackets, everything else in blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("sources:\n  - title: …"), as the seed files do.
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        # Double quotes where quotes are needed, as people write them in the seed files.
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flat = all(isinstance(item, str) and "\n" not in item for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def _ordered(mapping: dict[str, Any], order: Iterable[str]) -> dict[str, Any]:
    keys = [key for key in order if key in mapping] + [key for key in mapping if key not in order]
    return {key: mapping[key] for key in keys}


def _answer(answer: Any) -> Any:
    if not isinstance(answer, dict):
        return answer
    shaped = _ordered(answer, _ANSWER)
    for key in ("checked", "updated"):
        value = shaped.get(key)
        if isinstance(value, str) and _DATE.match(value):
            shaped[key] = date.fromisoformat(value)  # written unquoted, as people write dates
    return shaped


def _answers(answers: Any) -> Any:
    if not isinstance(answers, dict):
        return answers
    return {key: _answer(value) for key, value in _ordered(answers, LANGUAGES).items()}


def dump_topic(body: dict[str, Any]) -> str:
    """A topic document as a seed file."""
    shaped = _ordered(body, _TOP)
    if "titles" in shaped and isinstance(shaped["titles"], dict):
        shaped["titles"] = _ordered(shaped["titles"], LANGUAGES)
    if "answers" in shaped:
        shaped["answers"] = _answers(shaped["answers"])
    if isinstance(shaped.get("variants"), list):
        shaped["variants"] = [
            {**variant, "answers": _answers(variant.get("answers"))} if isinstance(variant, dict) else variant
            for variant in shaped["variants"]
        ]
    return yaml.dump(shaped, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)


@dataclass(frozen=True)
class ExportReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    drafts: tuple[str, ...]


def export_topics(states: Iterable[TopicState], topics_dir: Path) -> ExportReport:
    """Write every published topic whose file differs; drafts are not exported (they are not published)."""
    topics_dir.mkdir(parents=True, exist_ok=True)
    written, unchanged, drafts = [], [], []
    for state in states:
        if state.has_draft:
            drafts.append(state.id)
        if state.published is None:
            continue
        path = topics_dir / f"{state.id}.yml"
        text = dump_topic(state.published)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            unchanged.append(state.id)
            continue
        path.write_text(text, encoding="utf-8")
        written.append(state.id)
    return ExportReport(tuple(written), tuple(unchanged), tuple(drafts))


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    conflicts: dict[str, list[str]]


async def import_topics(
    session: AsyncSession, bodies: dict[str, dict[str, Any]], force: Collection[str] = ()
) -> ImportReport:
    """Load topic documents read from files (`load_topic_bodies`); conflicts are kept and reported.

    Raises:
        ContentError: a document is not a valid topic.
    """
    report = await content_store.sync_from_files(session, bodies, force=force, action="import")
    store = TopicStore(session)
    conflicts = {}
    for topic_id in report.conflicts:
        state = await store.state(topic_id)
        conflicts[topic_id] = changed_fields(state.draft, bodies[topic_id])
    return ImportReport(report.added, report.updated, conflicts)


# --- training questions ------------------------------------------------------------------------------------


def _intents_in(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {match.group("intent") for line in lines if (match := _INTENT_LINE.match(line))}


def _domain_file(data_dir: Path, language: str, intent: str) -> Path:
    """The file an intent's examples belong in: the one that has its block, else `<domain>.yml`."""
    folder = data_dir / language
    for path in sorted(folder.glob("*.yml")):
        if intent in _intents_in(path):
            return path
    return folder / f"{intent.split('.', 1)[0] if '.' in intent else 'conversation'}.yml"


def _block_end(lines: list[str], start: int) -> int:
    """The index after the last line of the intent block starting at `start`."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(" ")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def edit_examples(text: str, intent: str, add: list[str], remove: set[str]) -> str:
    """A Rasa training file with examples of one intent added and removed; other lines untouched."""
    lines = text.splitlines()
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if (m := _INTENT_LINE.match(line)) and m.group("intent") == intent
        ),
        None,
    )
    if start is None:
        body = [f"- intent: {intent}", "  examples: |", *(f"    - {example}" for example in add)]
        return "\n".join([*lines, *body]) + "\n" if add else text
    end = _block_end(lines, start)
    kept = [
        line
        for line in lines[start:end]
        if not (line.strip().startswith("- ") and strip_entity_markup(line.strip()[2:]) in remove)
    ]
    kept += [f"    - {example}" for example in add]
    return "\n".join([*lines[:start], *kept, *lines[end:]]) + "\n"


def export_training(
    data_dir: Path, extra: list[TrainingExample], removals: list[TrainingExample]
) -> list[Path]:
    """Write editors' additions and removals into the training files; returns the files changed."""
    changes: dict[tuple[str, str], tuple[list[str], set[str]]] = {}
    for example in extra:
        changes.setdefault((example.language, example.intent), ([], set()))[0].append(example.text)
    for example in removals:
        changes.setdefault((example.language, example.intent), ([], set()))[1].add(example.text)
    changed: list[Path] = []
    for (language, intent), (add, remove) in sorted(changes.items()):
        path = _domain_file(data_dir, language, intent)
        before = path.read_text(encoding="utf-8") if path.exists() else 'version: "3.1"\nnlu:\n'
        after = edit_examples(before, intent, add, remove)
        if after != before:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(after, encoding="utf-8")
            read_file(path, language)  # fail loudly rather than leave a file Rasa cannot read
            if path not in changed:
                changed.append(path)
    return changed
