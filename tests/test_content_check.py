"""`firststeps content check`: an editor's mistake is caught with a message that says where."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import ContentSettings
from content.check import check_content, list_content
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[1]


def fixture_copy(tmp_path: Path) -> ContentSettings:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    base = tmp_path / "content"
    return ContentSettings(
        topics_dir=base / "topics", directory_dir=base / "directory", domains_file=base / "domains.yml"
    )


def spec_for(tmp_path: Path, ids: list[str]) -> Path:
    spec = yaml.safe_load((ROOT / "spec" / "topics.yml").read_text())
    escalate = {item["id"]: item.get("escalate") for item in spec["topics"]}
    spec["topics"] = [{"id": i, **({"escalate": escalate[i]} if escalate.get(i) else {})} for i in ids]
    path = tmp_path / "topics.yml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True))
    return path


def edit(settings: ContentSettings, topic_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = settings.topics_dir / f"{topic_id}.yml"
    body = yaml.safe_load(path.read_text())
    change(body)
    path.write_text(yaml.safe_dump(body, allow_unicode=True))


IDS = [
    "legal.pesel",
    "housing.registration",
    "work.permit",
    "safety.domestic_violence",
    "legal.return_decision",
]


def _errors(tmp_path: Path, settings: ContentSettings) -> list[str]:
    report = check_content(settings, spec_file=spec_for(tmp_path, IDS))
    return report.errors


def test_fixture_content_passes_apart_from_the_directory_size(tmp_path: Path) -> None:
    errors = _errors(tmp_path, fixture_copy(tmp_path))
    assert errors == ["directory: 1 districts, expected 20"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b["answers"].pop("ru"), "answers missing for ru"),
        (lambda b: b["answers"]["pl"].update(text="Długi tekst. " * 120), "[pl]: text is"),
        (lambda b: b["answers"]["en"].update(text="Call **112 now, it is free of charge."), "unclosed"),
        (lambda b: b.update(related=["legal.nothing"]), "related topic 'legal.nothing' does not exist"),
        (lambda b: b.update(sources=[{"title": "old site", "url": "http://example.com"}]), "not https"),
        (lambda b: b.update(escalate="always"), "the catalogue says 'never'"),
        (lambda b: b["answers"]["uk"].pop("checked"), "answers.uk.checked"),
        (
            lambda b: b["titles"].update(en="A title far too long to fit on any button at all"),
            "1-40 characters",
        ),
    ],
)
def test_each_mistake_is_reported_with_its_place(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    settings = fixture_copy(tmp_path)
    edit(settings, "legal.pesel", change)
    errors = _errors(tmp_path, settings)
    assert any(expected in error and "legal.pesel" in error for error in errors), errors


def test_a_topic_missing_from_the_catalogue_is_an_error(tmp_path: Path) -> None:
    settings = fixture_copy(tmp_path)
    (settings.topics_dir / "work.permit.yml").unlink()
    assert any("topic work.permit: missing" in error for error in _errors(tmp_path, settings))


def test_a_stale_translation_is_flagged(tmp_path: Path) -> None:
    settings = fixture_copy(tmp_path)
    edit(settings, "legal.pesel", lambda b: b["answers"]["pl"].update(updated="2026-11-25"))
    report = check_content(settings, spec_file=spec_for(tmp_path, IDS))
    assert any("legal.pesel [uk]: translation checked before" in w for w in report.warnings)
    listing = {item["id"]: item for item in list_content(settings)}
    assert listing["legal.pesel"]["languages"]["uk"]["stale"] is True
    assert listing["legal.pesel"]["languages"]["pl"]["stale"] is False


def test_the_real_guide_passes_the_check() -> None:
    settings = ContentSettings(
        topics_dir=ROOT / "content/topics",
        directory_dir=ROOT / "content/directory",
        domains_file=ROOT / "content/domains.yml",
    )
    report = check_content(settings, spec_file=ROOT / "spec" / "topics.yml")
    assert report.errors == []
    assert report.topics == 56
