"""Feature strings of one message for the linear intent classifier.

Two blocks, each normalised on its own so that neither drowns the other:

* characters: n-grams (2-5) of the message skeleton (nlu.normalize), word-bounded. They survive typos,
  missing diacritics and the script change between "карта побиту" and "karta pobytu".
* words: lemma unigrams and bigrams, also as skeletons, so that "дитини"/"дитина"/"dytyna" and
  "kartę"/"karta" meet. Lemmas generalise over inflection where character n-grams only approximate it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from nlu.normalize import skeleton, skeleton_word
from nlu.preprocess import Analysis

CHAR_BLOCK = 0
WORD_BLOCK = 1


@dataclass(frozen=True)
class FeatureConfig:
    """What the extractor emits; part of the model cache key, so changing it retrains."""

    char_min: int = 2
    char_max: int = 5
    word_bigrams: bool = True


def char_ngrams(text: str, low: int, high: int) -> Counter[str]:
    """Word-bounded character n-grams of the skeleton of `text` (like scikit-learn's "char_wb")."""
    grams: Counter[str] = Counter()
    for word in skeleton(text).split():
        padded = f" {word} "
        for size in range(low, high + 1):
            grams.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def word_grams(analysis: Analysis, bigrams: bool) -> Counter[str]:
    """Skeleton lemma unigrams and, optionally, adjacent lemma bigrams."""
    lemmas = [s for s in (skeleton_word(lemma) for lemma in analysis.lemmas) if s]
    grams: Counter[str] = Counter(lemmas)
    if bigrams:
        grams.update(f"{a}_{b}" for a, b in pairwise(lemmas))
    return grams


def extract(text: str, analysis: Analysis, config: FeatureConfig) -> tuple[Counter[str], Counter[str]]:
    """Both feature blocks of one message: (character n-grams, lemma grams), with counts."""
    return char_ngrams(text, config.char_min, config.char_max), word_grams(analysis, config.word_bigrams)
