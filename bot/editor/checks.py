"""The content check a topic must pass before users see it: the same rules as `firststeps content check`.

Publishing from the editor and checking the files in CI share `content.check`, so a topic that an editor
can publish is one the files would accept, and the refusal names the field and language to fix.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from content.check import Report, check_topic, load_spec
from content.guide import ContentError, parse_topic

SPEC_FILE = Path(__file__).resolve().parents[2] / "spec" / "topics.yml"


@cache
def _spec(path: Path, _mtime: float) -> dict[str, Any]:
    return load_spec(path)


def spec(path: Path = SPEC_FILE) -> dict[str, Any]:
    """The topic catalogue (read again only when the file changes)."""
    return _spec(path, path.stat().st_mtime)


def check_document(body: dict[str, Any], known_ids: set[str], spec_file: Path = SPEC_FILE) -> Report:
    """Errors (which stop a publish) and warnings for one topic document.

    Args:
        body: the document as it would be published.
        known_ids: the ids of the published topics, for checking `related`.
    """
    report = Report()
    try:
        topic = parse_topic(body, f"topic {body.get('id', '?')}")
    except ContentError as exc:
        report.errors.extend(part.strip() for part in str(exc).split(";"))
        return report
    check_topic(topic, spec(spec_file), known_ids | {topic.id}, report)
    report.topics = 1
    return report
