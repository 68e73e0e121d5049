"""The training data is valid Rasa 3.x NLU data, so `rasa train nlu` accepts nlu/data as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.training_data import (
    TrainingDataError,
    data_files,
    read_directory,
    read_document,
    strip_entity_markup,
)

PROJECT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
REAL_FILES = data_files(PROJECT / "nlu" / "data")


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_training_file_is_rasa_3_structure(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert str(document.get("version")) == "3.1"
    assert isinstance(document.get("nlu"), list) and document["nlu"]
    for item in document["nlu"]:
        assert set(item) <= {"intent", "examples", "metadata"}, f"unexpected keys in {item.get('intent')}"
        assert isinstance(item["intent"], str) and item["intent"]
        assert isinstance(item["examples"], str), "examples must be a literal block"
        lines = [line.strip() for line in item["examples"].splitlines() if line.strip()]
        assert lines and all(line.startswith("- ") and len(line) > 2 for line in lines)


def test_real_data_covers_every_topic_and_intent() -> None:
    catalogue = PROJECT.parent / "shared" / "spec" / "topics.yml"
    if not catalogue.exists() or not REAL_FILES:
        pytest.skip("topic catalogue or training data not available")
    spec = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    expected = {t["id"] for t in spec["topics"]} | set(spec["intents"])
    examples = read_directory(PROJECT / "nlu" / "data")
    for language in ("uk", "ru", "en", "pl"):
        present = {e.intent for e in examples if e.language == language}
        assert expected <= present, f"{language} lacks {sorted(expected - present)}"


def test_fixture_examples_carry_their_folder_language() -> None:
    examples = read_directory(FIXTURES / "data")
    assert {e.language for e in examples} == {"uk", "ru", "en", "pl"}
    assert any(e.text == "how do i get my PESEL number" for e in examples)  # entity markup stripped


def test_metadata_language_overrides_the_folder() -> None:
    document = {
        "version": "3.1",
        "nlu": [{"intent": "greet", "metadata": {"language": "pl"}, "examples": "- hej\n"}],
    }
    assert read_document(document, "uk", "test")[0].language == "pl"


@pytest.mark.parametrize(
    "document",
    [
        {"version": "3.1"},
        {"nlu": [{"intent": "greet"}]},
        {"nlu": [{"intent": "greet", "examples": "hej\n"}]},
        {"nlu": [{"intent": "greet", "metadata": {"language": "de"}, "examples": "- hallo\n"}]},
    ],
)
def test_malformed_documents_are_rejected(document: object) -> None:
    with pytest.raises(TrainingDataError):
        read_document(document, "pl", "test")


def test_entity_markup_is_removed() -> None:
    assert (
        strip_entity_markup('живу в [Гдині](city) з [PESEL]{"entity": "document"}') == "живу в Гдині з PESEL"
    )
