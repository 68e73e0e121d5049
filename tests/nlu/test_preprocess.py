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


@pytest.fixture(scope="module")
def serving(preprocessor: Preprocessor) -> Preprocessor:
    """A serving preprocessor (no lemmatizers) with the table a training on two phrases would write."""
    vocabulary = [("uk", "дитини"), ("ru", "справка"), ("pl", "kartę"), ("en", "children"), ("uk", "до")]
    lean = Preprocessor(lemmatize=False)
    lean.use_table(preprocessor.expand_lemmas(vocabulary))
    return lean


@pytest.mark.parametrize(
    ("language", "text", "lemmas"),
    [
        # forms never seen in training, of lemmas that were: the table has every form
        ("uk", "з дитиною", ("з", "дитина")),
        ("ru", "справки нет", ("справка", "нет")),
        ("pl", "kartą", ("karta",)),
        ("en", "child", ("child",)),
        # a word whose lemma the training never met stands for itself
        ("uk", "отримати дозволу", ("отримати", "дозволу")),
    ],
)
def test_serving_lemmas_come_from_the_table(
    serving: Preprocessor, language: str, text: str, lemmas: tuple[str, ...]
) -> None:
    assert not serving.lemmatizes
    assert serving.analyse(text, language).lemmas == lemmas


def test_the_table_agrees_with_the_lemmatizers(preprocessor: Preprocessor, serving: Preprocessor) -> None:
    for language, text in (("uk", "дитині дитину дітей"), ("pl", "kartą karty kart"), ("en", "children")):
        assert serving.analyse(text, language) == preprocessor.analyse(text, language)


@pytest.mark.parametrize(
    "word",
    ["дякую", "что", "ґанок", "ганок", "ещё", "еще", "дитина", "ребенок", "поруч", "рядом", "pesel", "м'ясо"],
)
def test_serving_dictionaries_know_what_pymorphy3_knows(
    preprocessor: Preprocessor, serving: Preprocessor, word: str
) -> None:
    for language in ("uk", "ru", "pl"):
        assert serving.known(language, word) == preprocessor.known(language, word)


def test_expanding_lemmas_needs_the_lemmatizers(serving: Preprocessor) -> None:
    with pytest.raises(RuntimeError):
        serving.expand_lemmas([("uk", "дитини")])
