"""Which of uk, ru, en, pl a message is written in.

These signals are combined:

1. lingua (restricted to the four languages, low-accuracy mode: ~30 MB instead of ~170 MB, same accuracy on
   our messages) knows the languages in general;
2. a character n-gram model trained on our own examples (nlu.language_model) knows chat habits, including
   Russian and Ukrainian typed in Latin letters, which lingua reads as English or Polish;
3. uk versus ru: words only one of the two dictionaries knows (Cyrillic, or transliterated and read back
   into Cyrillic), and letters only one of the two alphabets has (і ї є ґ / ы э ъ ё);
4. the hint: the language the user chose in the bot (strong prior) and the client's language_code (weak).

Polish office words ("karta pobytu", "PESEL", "zezwolenie") are set aside as evidence when the message has
other words: "як отримати карту побиту" is Ukrainian. Transliterated Russian or Ukrainian is labelled as
Russian or Ukrainian: that is the language the user reads and the reply goes in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from nlu.language_model import CharLanguageModel
from nlu.matcher import PhraseMatcher, build_matcher
from nlu.normalize import is_cyrillic, skeleton_word, words
from nlu.translit import cyrillic_readings
from nlu.types import LANGUAGES, LanguageHint

# Polish office words that users keep in Polish whatever language they write in.
_OFFICE_TERMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "office": (
            "pesel*",
            "песел*",
            "cukr",
            "цукр",
            "kart* pobyt*",
            "карт* побит*",
            "карт* побыт*",
            "pobyt*",
            "побит*",
            "побыт*",
            "czasow*",
            "часов*",
            "stał* pobyt*",
            "zameldowan*",
            "замельдуван*",
            "meldun*",
            "мельдун*",
            "zlecen*",
            "злецен*",
            "umow* o prac*",
            "umow* zlecen*",
            "умов* злецен*",
            "oświadczen*",
            "освядчен*",
            "zaświadczen*",
            "засвядчен*",
            "zezwolen*",
            "зезволен*",
            "wniosek",
            "wniosku",
            "urząd*",
            "urzęd*",
            "уженд*",
            "ужонд*",
            "wojewod*",
            "воєвод*",
            "воевод*",
            "mos",
            "udsc",
            "zus",
            "nfz",
            "pup",
            "mops",
            "gops",
            "mopr",
            "ceidg",
            "pit",
            "ukr",
            "cwii",
            "ewuś",
            "profil zaufany",
            "gov",
            "obywatel",
            "dzieło",
            "blik",
            "niebieska karta",
            "nieodpłatn*",
            "pomoc prawna",
            "żłobek",
            "przedszkol*",
            "oddział przygotowawcz*",
            "nostryfikac*",
            "paszport*",
        ),
    }
)

_UNKNOWN_CONFIDENCE = 0.25
_MAX_EVIDENCE_WORDS = 40
# A Cyrillic word that only the Ukrainian (or only the Russian) dictionary knows multiplies the odds by this.
_DICTIONARY_ODDS = 4.0
# Letters only one of the two alphabets has: і ї є ґ are Ukrainian, ы э ъ ё Russian. A message with letters
# of one alphabet only is all but certainly in that language.
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")
_ALPHABET_ODDS = 20.0

_CHOSEN_PRIOR = 3.0
_CLIENT_PRIOR = 1.5
# Most users come from Ukraine: when a short message could be Ukrainian or Russian ("ок", "так", "дякую"
# typed as "спасибо" by a Ukrainian), Ukrainian is the better bet.
_POPULATION_PRIOR = MappingProxyType({"uk": 1.5, "ru": 1.0, "en": 1.0, "pl": 1.0})


@dataclass(frozen=True)
class LanguageGuess:
    """The language, its probability after the hint, and the words that served as evidence."""

    language: str
    confidence: float
    evidence_words: int


@dataclass(frozen=True)
class LanguageWeights:
    """How the two models' log-probabilities are mixed; tuned by cross-validation (docs/NLU.md)."""

    char_model: float = 1.0
    lingua: float = 0.5
    char_scale: float = 0.3
    # Cyrillic messages of at most `short_words` evidence words: the character model's share. It learned
    # that Ukrainian text is full of і ї є, so it reads any short message without them as Russian
    # ("аптека поруч", "оператор"), counting again what the alphabet odds already weigh.
    short_words: int = 2
    short_char: float = 0.5


@cache
def _office_terms() -> PhraseMatcher:
    return build_matcher(_OFFICE_TERMS)


def content_words(text: str) -> list[str]:
    """The words of `text` minus numbers and Polish office terms (possibly none)."""
    found = [word for word in words(text) if not word.isdigit()]
    covered: set[int] = set()
    for match in _office_terms().find([skeleton_word(word) for word in found]):
        covered.update(range(match.start, match.end))
    return [word for i, word in enumerate(found) if i not in covered]


def evidence_words(text: str) -> list[str]:
    """The words of `text` that tell its language: its content words, unless there are none (then the
    office words are the message, and they are Polish)."""
    return content_words(text) or [word for word in words(text) if not word.isdigit()]


def client_language(code: str | None) -> str | None:
    """Telegram's language_code ("ru-RU", "en-GB", "uk") as one of our languages, if it is one."""
    if not code:
        return None
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def _prior(hint: LanguageHint | None) -> npt.NDArray[np.float64]:
    prior = np.asarray([_POPULATION_PRIOR[language] for language in LANGUAGES])
    if hint is not None:
        if client := client_language(hint.client):
            prior[LANGUAGES.index(client)] *= _CLIENT_PRIOR
        if hint.chosen in LANGUAGES:
            prior[LANGUAGES.index(hint.chosen)] *= _CHOSEN_PRIOR
    return prior


def _normalised(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    total = float(values.sum())
    return values / total if total > 0 else np.full(len(values), 1.0 / len(values))


class LanguageIdentifier:
    """Combines lingua, the trained character model and the hint (see the module docstring)."""

    def __init__(
        self,
        model: CharLanguageModel,
        detector: Any,
        known: Callable[[str, str], bool] | None = None,
        weights: LanguageWeights = LanguageWeights(),
    ) -> None:
        self._model = model
        self.detector = detector
        self.known = known
        self._weights = weights

    def evidence(self, text: str) -> list[str]:
        """The words that tell the language (see `evidence_words`)."""
        return evidence_words(text)

    def _lingua(self, text: str, candidates: Sequence[str]) -> npt.NDArray[np.float64]:
        values = {
            r.language.iso_code_639_1.name.lower(): r.value
            for r in self.detector.compute_language_confidence_values(text)
        }
        scores = np.asarray(
            [values.get(language, 0.0) if language in candidates else 0.0 for language in LANGUAGES]
        )
        return _normalised(scores)

    def _char_model(self, text: str) -> npt.NDArray[np.float64]:
        log_likelihoods, _ = self._model.log_likelihoods(text)
        scaled = log_likelihoods * self._weights.char_scale
        return _normalised(np.exp(scaled - scaled.max()))

    def probabilities(
        self, text: str, hint: LanguageHint | None = None
    ) -> tuple[npt.NDArray[np.float64], int]:
        """Probabilities in LANGUAGES order and the number of evidence words."""
        # The first words of a long story tell its language as well as all of them, at a fraction of the cost.
        evidence = self.evidence(text)[:_MAX_EVIDENCE_WORDS]
        joined = " ".join(evidence)
        letters = [c for c in joined if c.isalpha()]
        if not letters:
            return _normalised(_prior(hint)), 0
        char = self._char_model(joined)
        cyrillic = sum(map(is_cyrillic, letters)) / len(letters) >= 0.5
        if cyrillic:
            dictionaries = self._dictionaries(evidence)
            alphabet = _alphabet(text)
            if content_words(text):
                if len(evidence) <= self._weights.short_words:
                    char = _normalised(char**self._weights.short_char)
                mixed = self._mix(char, self._lingua(joined, ("uk", "ru")), ("uk", "ru"))
            else:  # Polish office words in Cyrillic ("песель?"): the letters and the priors decide
                mixed = np.asarray([float(language in ("uk", "ru")) for language in LANGUAGES])
            mixed = mixed * dictionaries * alphabet
        else:
            # Latin letters: first transliterated uk/ru versus en/pl, from the character model alone
            # (lingua has never seen transliteration), then en versus pl with lingua's help.
            slavic = float(char[LANGUAGES.index("uk")] + char[LANGUAGES.index("ru")])
            latin = self._mix(char, self._lingua(joined, ("en", "pl")), ("en", "pl"))
            slavic_only = np.asarray([lang in ("uk", "ru") for lang in LANGUAGES])
            within = _normalised(char * slavic_only * self._latin_dictionaries(evidence))
            mixed = slavic * within + (1.0 - slavic) * latin
        return _normalised(mixed * _prior(hint)), len(evidence)

    def _dictionaries(self, evidence: Sequence[str]) -> npt.NDArray[np.float64]:
        """Odds from words only one of the uk/ru dictionaries knows ("що", "дитина" vs "что", "запись"):
        decisive for short messages where character statistics of the two languages overlap."""
        odds = np.ones(len(LANGUAGES))
        if self.known is None:
            return odds
        uk, ru = LANGUAGES.index("uk"), LANGUAGES.index("ru")
        for word in evidence:
            in_uk, in_ru = self.known("uk", word), self.known("ru", word)
            if in_uk != in_ru:
                odds[uk if in_uk else ru] *= _DICTIONARY_ODDS
        return odds

    def _latin_dictionaries(self, evidence: Sequence[str]) -> npt.NDArray[np.float64]:
        """The same odds for transliterated words: "horosho" read back in Cyrillic is a Russian word
        ("хорошо") and not a Ukrainian one, "dyakuyu" a Ukrainian one ("дякую")."""
        odds = np.ones(len(LANGUAGES))
        if self.known is None:
            return odds
        uk, ru = LANGUAGES.index("uk"), LANGUAGES.index("ru")
        for word in evidence:
            if not word.isascii() or len(word) < 3:
                continue
            in_uk = any(self.known("uk", reading) for reading in cyrillic_readings(word, "uk"))
            in_ru = any(self.known("ru", reading) for reading in cyrillic_readings(word, "ru"))
            if in_uk != in_ru:
                odds[uk if in_uk else ru] *= _DICTIONARY_ODDS
        return odds

    def _mix(
        self, char: npt.NDArray[np.float64], lingua: npt.NDArray[np.float64], candidates: Sequence[str]
    ) -> npt.NDArray[np.float64]:
        mask = np.asarray([language in candidates for language in LANGUAGES])
        with np.errstate(divide="ignore"):
            log = self._weights.char_model * np.log(char + 1e-12) + self._weights.lingua * np.log(
                lingua + 1e-6
            )
        log = np.where(mask, log, -np.inf)
        return _normalised(np.exp(log - log.max()))

    def identify(self, text: str, hint: LanguageHint | None = None) -> LanguageGuess:
        """The most probable language.

        A message without words of its own (only numbers, emoji, or Polish office words such as "PESEL")
        says nothing about the user's language: the hint decides, when there is one.
        """
        hinted = _hinted(hint)
        if hinted is not None and not content_words(text):
            return LanguageGuess(hinted, _UNKNOWN_CONFIDENCE * 2, 0)
        probabilities, evidence = self.probabilities(text, hint)
        if evidence == 0:
            return LanguageGuess(hinted or "uk", _UNKNOWN_CONFIDENCE, 0)
        best = int(np.argmax(probabilities))
        return LanguageGuess(LANGUAGES[best], round(float(probabilities[best]), 4), evidence)


def _alphabet(text: str) -> npt.NDArray[np.float64]:
    """Odds from letters only Ukrainian or only Russian has (see `_UKRAINIAN_LETTERS`)."""
    letters = set(text.lower())
    odds = np.ones(len(LANGUAGES))
    ukrainian, russian = bool(letters & _UKRAINIAN_LETTERS), bool(letters & _RUSSIAN_LETTERS)
    if ukrainian != russian:
        odds[LANGUAGES.index("uk" if ukrainian else "ru")] = _ALPHABET_ODDS
    return odds


def _hinted(hint: LanguageHint | None) -> str | None:
    if hint is None:
        return None
    return hint.chosen if hint.chosen in LANGUAGES else client_language(hint.client)


def build_detector() -> Any:
    """lingua restricted to our four languages, in low-accuracy mode, models preloaded at start-up."""
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.UKRAINIAN, Language.RUSSIAN, Language.ENGLISH, Language.POLISH
        )
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )
