"""Polish lemmas. spaCy's blank Polish pipeline cannot lemmatize (its lookup tables cost >1 GB), so Polish
words go to Morfeusz 2 (the SGJP morphological dictionary) or, for comparison, simplemma.

Morfeusz 2 was chosen by measurement (docs/NLU.md): it got more of a hand-checked lemma list right than
simplemma and costs ~45 MB instead of ~400 MB, because simplemma unpickles its whole Polish word list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, Protocol

# When Morfeusz offers several lemmas, prefer the reading a chat question most likely means:
# finite verbs and nouns over gerunds, imperatives and rare senses ("mam" -> "mieć", not "mama").
_TAG_PRIORITY = MappingProxyType(
    {
        "fin": 0,
        "praet": 0,
        "inf": 0,
        "subst": 1,
        "adj": 1,
        "adv": 2,
        "prep": 2,
        "conj": 2,
        "qub": 2,
        "num": 0,
        "comp": 2,
        "pred": 2,
        "interj": 2,
        "ppron12": 2,
        "ppron3": 2,
        "siebie": 2,
        "bedzie": 0,
        "winien": 1,
        "pact": 3,
        "ppas": 3,
        "pcon": 3,
        "ger": 4,
        "impt": 5,
        "depr": 5,
    }
)
_MARKED = ("pot.", "daw.", "rzad.", "książk.", "środ.")


class PolishLemmatizer(Protocol):
    """Turns one Polish word (any case) into its dictionary form, lower case; unknown words come back."""

    name: str

    def lemma(self, word: str) -> str:
        """The lemma of `word`, or `word` lower-cased when the dictionary does not know it."""
        ...


def _rank(analysis: tuple[Any, ...]) -> tuple[int, int, int]:
    tag = str(analysis[2])
    qualifiers = analysis[4] if len(analysis) > 4 else []
    penalty = int(any(q in _MARKED for q in qualifiers)) + int(":pt" in tag)
    # Ties go to singular readings: chat questions name one card, one office ("karty" -> "karta").
    return _TAG_PRIORITY.get(tag.split(":")[0], 6), penalty, int(":sg:" not in tag)


class MorfeuszLemmatizer:
    """Morfeusz 2 analyses, disambiguated without context by `_rank` and by how many readings agree."""

    name = "morfeusz2"

    def __init__(self) -> None:
        import morfeusz2  # imported here: the comparison in the benchmark may run without it

        self._morfeusz = morfeusz2.Morfeusz(generate=False, expand_tags=False)

    def lemma(self, word: str) -> str:
        """The best-ranked lemma of the readings that cover the whole word."""
        readings = [item[2] for item in self._morfeusz.analyse(word) if item[0] == 0 and item[1] == 1]
        readings = [r for r in readings if r[2] != "ign"]
        if not readings:
            return word.lower()
        votes = Counter(r[1] for r in readings)
        best = min(readings, key=lambda r: (*_rank(r)[:2], -votes[r[1]], _rank(r)[2]))
        return str(best[1]).split(":")[0].lower()


class SimplemmaLemmatizer:
    """simplemma's Polish dictionary lookup with its rule fallback; kept for the measured comparison."""

    name = "simplemma"

    def lemma(self, word: str) -> str:
        """simplemma's lemma, lower case."""
        import simplemma

        return str(simplemma.lemmatize(word, lang="pl")).lower()


@cache
def _generator() -> Any:
    import morfeusz2

    return morfeusz2.Morfeusz(analyse=False, generate=True, expand_tags=False)


def polish_forms(lemma: str) -> set[str]:
    """Every inflected form Morfeusz 2 generates for `lemma` (empty if it does not know the lemma); used at
    training time to write the lemma table (nlu.preprocess)."""
    try:
        return {str(item[0]).lower() for item in _generator().generate(lemma)}
    except RuntimeError:  # Morfeusz raises for lemmas that are not in its dictionary
        return set()


POLISH_LEMMATIZERS: Mapping[str, Callable[[], PolishLemmatizer]] = MappingProxyType(
    {MorfeuszLemmatizer.name: MorfeuszLemmatizer, SimplemmaLemmatizer.name: SimplemmaLemmatizer}
)
DEFAULT_POLISH_LEMMATIZER = MorfeuszLemmatizer.name
