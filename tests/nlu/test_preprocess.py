"""Lemmas per language: pymorphy3 for uk/ru, spaCy lookups for en, Morfeusz 2 for pl."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.polish import MorfeuszLemmatizer
from nlu.preprocess import Preprocessor

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def preprocessor() -> Preprocessor:
    return Preprocessor()


@pytest.mark.parametrize(
    ("language", "text", "lemmas"),
    [
        ("uk", "Як отримати дозволу для дитини?", ("як", "отримати", "дозвіл", "для", "дитина")),
        ("ru", "Нужна справка для ребенка", ("нужный", "справка", "для", "ребенок")),
        ("en", "Children need residence cards", ("child", "need", "residence", "card")),
        (
            "pl",
            "Mam pytanie o kartę pobytu dla dzieci",
            ("mieć", "pytanie", "o", "karta", "pobyt", "dla", "dziecko"),
        ),
    ],
)
def test_lemmas(preprocessor: Preprocessor, language: str, text: str, lemmas: tuple[str, ...]) -> None:
    assert preprocessor.analyse(text, language).lemmas == lemmas


def test_apostrophes_and_punctuation(preprocessor: Preprocessor) -> None:
    analysis = preprocessor.analyse("Мʼясо, п’ять!!!", "uk")
    assert analysis.tokens == ("м'ясо", "п'ять")


def test_dictionaries_tell_ukrainian_from_russian(preprocessor: Preprocessor) -> None:
    assert preprocessor.known("uk", "дякую") and not preprocessor.known("ru", "дякую")
    assert preprocessor.known("ru", "что") and not preprocessor.known("uk", "что")
    assert not preprocessor.known("pl", "что")


def test_morfeusz_gets_the_checked_polish_lemmas() -> None:
    """The measured comparison of docs/NLU.md: Morfeusz 2 must keep at least 95% on the checked list."""
    lemmatizer = MorfeuszLemmatizer()
    lines = (FIXTURES / "pl_lemmas.tsv").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t") for line in lines if line and not line.startswith("#")]
    right = sum(lemmatizer.lemma(word) == lemma for word, lemma in pairs)
    assert right / len(pairs) >= 0.95
