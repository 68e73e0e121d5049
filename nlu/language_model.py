"""A character n-gram naive Bayes language model trained on our own data.

lingua knows the four languages in general but not chat habits: it reads "kak poluchit pesel" as English
and "hello" as Polish. This small model learns from the training examples themselves, plus copies of them as
people also type them: Ukrainian and Russian in Latin letters (nlu.translit) and Polish without diacritics.
nlu.language combines the two.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from nlu.normalize import fold, strip_polish_diacritics, words
from nlu.translit import schemes, to_latin
from nlu.types import LANGUAGES, TrainingExample

_NGRAM_MAX = 4
_SMOOTHING = 0.05


def grams(text: str) -> Counter[str]:
    """Word-bounded character 1-4 grams of folded text; the script and diacritics are kept as evidence."""
    counts: Counter[str] = Counter()
    for word in words(text):
        padded = f" {word} "
        for size in range(1, _NGRAM_MAX + 1):
            counts.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    return counts


@dataclass(frozen=True)
class CharLanguageModel:
    """log P(gram | language) for the grams seen in training, columns in `LANGUAGES` order."""

    vocabulary: dict[str, int]
    log_probabilities: npt.NDArray[np.float32]

    def log_likelihoods(self, text: str) -> tuple[npt.NDArray[np.float64], int]:
        """Summed log-likelihood per language and the number of known grams that contributed."""
        rows: list[int] = []
        counts: list[int] = []
        for gram, count in grams(text).items():
            row = self.vocabulary.get(gram)
            if row is not None:
                rows.append(row)
                counts.append(count)
        if not rows:
            return np.zeros(len(LANGUAGES)), 0
        weights = np.asarray(counts, dtype=np.float32)
        return (weights @ self.log_probabilities[rows]).astype(np.float64), int(sum(counts))


def augmented(examples: Iterable[TrainingExample]) -> Iterator[tuple[str, str]]:
    """(text, language) pairs: each example, plus its Latin transliterations (uk, ru) or its
    diacritic-free spelling (pl), because users write both ways."""
    for example in examples:
        text = fold(example.text)
        yield text, example.language
        if example.language == "pl":
            yield strip_polish_diacritics(text), "pl"
        for scheme in range(schemes(example.language)):
            yield to_latin(text, example.language, scheme), example.language


def train_language_model(examples: Sequence[TrainingExample]) -> CharLanguageModel:
    """Multinomial naive Bayes with additive smoothing over the augmented examples."""
    per_language: dict[str, Counter[str]] = {language: Counter() for language in LANGUAGES}
    for text, language in augmented(examples):
        per_language[language].update(grams(text))
    vocabulary_list = sorted(set().union(*per_language.values()))
    vocabulary = {gram: i for i, gram in enumerate(vocabulary_list)}
    table = np.empty((len(vocabulary_list), len(LANGUAGES)), dtype=np.float32)
    for column, language in enumerate(LANGUAGES):
        counts = per_language[language]
        total = sum(counts.values()) + _SMOOTHING * len(vocabulary_list)
        table[:, column] = [math.log((counts[g] + _SMOOTHING) / total) for g in vocabulary_list]
    return CharLanguageModel(vocabulary, table)
