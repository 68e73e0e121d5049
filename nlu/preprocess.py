"""Tokens and lemmas per language with spaCy blank pipelines.

uk and ru lemmatize with pymorphy3 ("pymorphy3_lookup": a blank pipeline has no POS tags, so the
POS-filtered mode would fall back to lookup anyway); en uses spacy-lookups-data in "lookup" mode (the default
"rule" mode silently returns nothing without a tagger); pl tokenises with spaCy and lemmatizes with
nlu.polish. These lemmatizers are context-free, so a word's lemma is cached: a long message then costs
dictionary look-ups only for words never seen before, which keeps parse latency flat.
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import spacy

from nlu.normalize import fold
from nlu.polish import DEFAULT_POLISH_LEMMATIZER, POLISH_LEMMATIZERS, PolishLemmatizer

log = logging.getLogger(__name__)

_SPACY_LEMMATIZER_MODES = MappingProxyType(
    {"uk": "pymorphy3_lookup", "ru": "pymorphy3_lookup", "en": "lookup"}
)
_LEMMA_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Analysis:
    """The words of one message (folded, punctuation dropped) and their lemmas, position by position."""

    tokens: tuple[str, ...]
    lemmas: tuple[str, ...]


def _blank_pipeline(language: str) -> Any:
    nlp = spacy.blank(language)
    mode = _SPACY_LEMMATIZER_MODES.get(language)
    if mode is not None:
        nlp.add_pipe("lemmatizer", config={"mode": mode})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # spaCy warns that a blank pipeline has no trained components
            nlp.initialize()
    return nlp


class Preprocessor:
    """One spaCy pipeline per language plus the Polish lemmatizer, with a per-language lemma cache."""

    def __init__(self, polish: str = DEFAULT_POLISH_LEMMATIZER) -> None:
        self._pipelines = {language: _blank_pipeline(language) for language in ("uk", "ru", "en", "pl")}
        self._polish: PolishLemmatizer = POLISH_LEMMATIZERS[polish]()
        self._lemmas: dict[tuple[str, str], str] = {}
        self._known = lru_cache(maxsize=_LEMMA_CACHE_SIZE)(self._known_uncached)
        # A retrain runs in a worker thread while the event loop keeps parsing: spaCy objects are not
        # documented as thread-safe, so one lock serialises them (uncontended it costs ~0.1 µs).
        self._lock = threading.Lock()

    @property
    def polish_lemmatizer(self) -> str:
        """Which Polish lemmatizer is in use (recorded in the model cache key)."""
        return self._polish.name

    def _lemma_uncached(self, language: str, word: str) -> str:
        if language == "pl":
            return self._polish.lemma(word)
        nlp = self._pipelines[language]
        if "lemmatizer" not in nlp.pipe_names:
            return word
        doc = nlp(word)
        return fold(doc[0].lemma_) if len(doc) == 1 and doc[0].lemma_ else word

    def known(self, language: str, word: str) -> bool:
        """Whether the uk or ru dictionary of pymorphy3 knows `word` (folded); False for other languages."""
        return self._known(language, word)

    def _known_uncached(self, language: str, word: str) -> bool:
        nlp = self._pipelines.get(language)
        # spaCy keeps the pymorphy3 analyser on its lemmatizer: reusing it avoids loading a dictionary twice.
        morph = (
            getattr(nlp.get_pipe("lemmatizer"), "_morph", None)
            if nlp and "lemmatizer" in nlp.pipe_names
            else None
        )
        return bool(morph is not None and morph.word_is_known(word))

    def analyse(self, text: str, language: str) -> Analysis:
        """Tokenise `text` with the pipeline of `language` and lemmatize each word.

        Only words and numbers are kept: punctuation carries no topic and the classifier's character
        n-grams see the raw text anyway.
        """
        with self._lock:
            doc = self._pipelines[language].make_doc(fold(text))
            tokens = tuple(t.text.strip("'") for t in doc if (t.is_alpha or t.like_num or "'" in t.text))
            tokens = tuple(t for t in tokens if t)
            return Analysis(tokens, tuple(self._lemma(language, token) for token in tokens))

    def _lemma(self, language: str, word: str) -> str:
        key = (language, word)
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self._lemma_uncached(language, word)
            if len(self._lemmas) < _LEMMA_CACHE_SIZE:
                self._lemmas[key] = lemma
        return lemma

    def lemma_table(self) -> dict[tuple[str, str], str]:
        """A copy of the lemmas computed so far, keyed by (language, word)."""
        with self._lock:
            return dict(self._lemmas)

    def seed(self, table: dict[tuple[str, str], str]) -> None:
        """Pre-fill the lemma cache with the training vocabulary's lemmas (stored in the model).

        A new word costs the uk/ru dictionaries ~0.4 ms: without this, the first long messages after a
        start would be slow.
        """
        with self._lock:
            for key, lemma in table.items():
                if len(self._lemmas) >= _LEMMA_CACHE_SIZE:
                    break
                self._lemmas.setdefault(key, lemma)
