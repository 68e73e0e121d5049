"""`firststeps nlu evaluate` writes its two reports, on fixture data in a few seconds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from nlu import LanguageHint, NLUSettings, Parse, Understanding
from nlu.evaluate import main
from nlu.metrics import Judged, out_of_scope, topic_accuracy
from nlu.training_data import read_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_main_writes_markdown_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "data", project / "nlu" / "data")
    (project / "content" / "directory").mkdir(parents=True)
    shutil.copy(FIXTURES / "districts.yml", project / "content" / "directory" / "districts.yml")
    crisis = project / "crisis.yml"
    shutil.copy(FIXTURES / "crisis_dev.yml", crisis)
    monkeypatch.chdir(project)
    code = main(
        ["--holdout", str(FIXTURES / "holdout.yml"), "--crisis", str(crisis), "--folds", "2", "--out", "out"]
    )
    assert code == 0
    report = json.loads((project / "out" / "nlu_evaluation.json").read_text(encoding="utf-8"))
    assert report["holdout"]["messages"] == 4
    assert set(report["holdout"]["topic_accuracy"]) >= {"all", "uk", "en", "pl"}
    assert report["crisis"]["recall"] >= 0.9
    assert report["holdout"]["crisis_alarms"]["in_scope_messages"] >= 1
    assert report["cross_validation"]["folds"] == 2
    assert "1-2 words" in report["language_id"]
    markdown = (project / "out" / "nlu_evaluation.md").read_text(encoding="utf-8")
    assert "topic accuracy" in markdown and "Crisis detection" in markdown


def test_reports_hold_no_held_out_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoever reads the reports to improve the NLU must not see (and tune on) held-out messages."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "data", project / "nlu" / "data")
    (project / "content" / "directory").mkdir(parents=True)
    shutil.copy(FIXTURES / "districts.yml", project / "content" / "directory" / "districts.yml")
    crisis = project / "crisis.yml"
    shutil.copy(FIXTURES / "crisis_dev.yml", crisis)
    monkeypatch.chdir(project)
    main(
        ["--holdout", str(FIXTURES / "holdout.yml"), "--crisis", str(crisis), "--folds", "0", "--out", "out"]
    )
    written = "".join(path.read_text(encoding="utf-8") for path in (project / "out").iterdir())
    texts = [item["text"] for item in yaml.safe_load(crisis.read_text(encoding="utf-8"))]
    texts += [e.text for e in read_file(FIXTURES / "holdout.yml")]
    assert not [text for text in texts if text in written]


def _judged(small: Understanding, intent: str, text: str, decision: str) -> Judged:
    parse = small.parse_sync(text, LanguageHint(chosen="en"))
    forced = Parse(**{**parse.__dict__, "decision": decision, "intent": parse.ranking[0][0]})
    return Judged(intent, "en", forced)


def test_ambiguous_with_the_right_button_is_not_counted_correct(small: Understanding) -> None:
    items = [
        _judged(small, "legal.pesel", "pesel for my kid", "confident"),
        _judged(small, "legal.pesel", "pesel for my kid", "ambiguous"),
        _judged(small, "legal.pesel", "pesel for my kid", "unsure"),
        _judged(small, "out_of_scope", "tell me a joke please", "confident"),
    ]
    accuracy = topic_accuracy(items)["all"]
    assert accuracy["accuracy"] == pytest.approx(1 / 3, abs=1e-3)
    assert accuracy["clarified"] == pytest.approx(1 / 3, abs=1e-3)
    assert accuracy["rejected"] == pytest.approx(1 / 3, abs=1e-3)
    assert out_of_scope(items)["recall"] == 1.0


def test_settings_used_by_evaluate_are_the_defaults() -> None:
    assert NLUSettings().data_dir == Path("nlu/data")
