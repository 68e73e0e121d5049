"""Which of uk, ru, en, pl a message is written in.

These signals are combined:

1. lingua (restricted to the four languages, low-accuracy mode: ~30 MB instead of ~170 MB, same accuracy on
   our messages) knows the languages in general;
2. a character n-gram model trained on our own examples (nlu.language_model) knows chat habits, including
   Russian and Ukrainian typed in Latin letters, which lingua reads as English or Polish;
3. uk versus ru: words only one of the two dictionaries knows (Cyrillic, or transliterated and read back
   into Cyrillic), and letters only one of the two alphabets has (і ї є ґ / ы э ъ ё);
4. the short chat words only one language uses (nlu.lexicons.chat_words: "де", "спс", "plz", "dzieki"),
   which decide one-word messages that character statistics misread;
5. the hint: the language the user chose in the bot (strong prior) and the client's language_code (weak).

Latin look-alike letters inside a Cyrillic word ("вiтаю") are read as Cyrillic first. Polish office words
("karta pobytu", "PESEL", "zezwolenie") are set aside as evidence when the message has other words: "як
отримати карту побиту" is Ukrainian; a message of such words only is Polish as written when it is in Latin
letters, and Ukrainian or Russian by the alphabet and the priors when it is in Cyrillic. Transliterated
Russian or Ukrainian is labelled as Russian or Ukrainian: that is the language the user reads and the reply
goes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from nlu.language_model import CharLanguageModel
from nlu.lexicons.chat_words import CHAT_WORDS
from nlu.matcher import PhraseMatcher, build_matcher
from nlu.normalize import is_cyrillic, skeleton_word, strip_polish_diacritics, words
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
# A transliterated word whose Cyrillic reading only the Ukrainian (or only the Russian) dictionary knows
# multiplies the odds by this: a reading is a guess, so it weighs less than a Cyrillic word does
# (LanguageWeights.dictionary_odds).
_DICTIONARY_ODDS = 4.0
# Letters only one of the two alphabets has: і ї є ґ are Ukrainian, ы э ъ ё Russian. A message with letters
# of one alphabet only is all but certainly in that language.
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")
_ALPHABET_ODDS = 20.0

# Latin letters typed inside a Cyrillic word look like the Cyrillic ones ("вiтаю", "лiкар"): a Russian
# keyboard layout has no "і", so Ukrainians type the Latin one. Read as Cyrillic, they are evidence again.
_LOOKALIKES = MappingProxyType(
    {
        "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "i": "і", "ï": "ї", "k": "к", "m": "м",
        "o": "о", "p": "р", "t": "т", "x": "х", "y": "у",
    }
)  # fmt: skip
_STRETCHED = re.compile(r"(\w)\1{2,}")
# Each chat word with the column of its language (the lists are disjoint, a test checks it).
_CHAT_COLUMNS = MappingProxyType(
    {word: LANGUAGES.index(language) for language, listed in CHAT_WORDS.items() for word in listed}
)

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
    # lingua is sure of itself on one or two words ("щасти вам": Russian, probability 1): on short messages
    # its probabilities are floored at this, so it can weigh at most √(1/0.05) ≈ 4.5 times against a
    # language instead of vetoing it.
    short_lingua_floor: float = 0.05
    # Short messages whose every word both dictionaries know ("телефон", "квартира", "zarplata"): the
    # word is spelled alike in both languages and the character statistics mostly say in which language's
    # training examples it happened to occur. Their share is taken to this power, so the chosen language
    # (×3) decides and, without a hint, strong statistics still can.
    shared_power: float = 0.5
    # A Cyrillic word that only the Ukrainian (or only the Russian) dictionary knows multiplies the odds by
    # this. Measured on the training examples: 60% of Ukrainian words are known to the Ukrainian dictionary
    # only, against 0.4% of Russian words (and 62% / 0.2% the other way), a likelihood ratio above 100;
    # 10 stays well below it because the words of one message are not independent.
    dictionary_odds: float = 10.0
    # A word of nlu.lexicons.chat_words ("де", "спс", "plz", "dzieki") multiplies its language's odds by
    # this: enough to outweigh the character model's misreading of one short word, not a hint's ×3 times
    # a Ukrainian or Russian dictionary word.
    chat_odds: float = 30.0


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
        read = " ".join(_unmixed(word) for word in words(text))  # "вiтаю" with a Latin "i" -> "вітаю"
        # The first words of a long story tell its language as well as all of them, at a fraction of the cost.
        evidence = self.evidence(read)[:_MAX_EVIDENCE_WORDS]
        joined = " ".join(evidence)
        letters = [c for c in joined if c.isalpha()]
        if not letters:
            return _normalised(_prior(hint)), 0
        own_words = bool(content_words(read))
        cyrillic = sum(map(is_cyrillic, letters)) / len(letters) >= 0.5
        if cyrillic:
            mixed = self._cyrillic(evidence, own_words) * _alphabet(f"{text} {read}")
        elif own_words:
            mixed = self._latin(evidence)
        else:  # only Polish office words in Latin letters ("karta pobytu"): Polish as written
            mixed = np.asarray([float(language == "pl") for language in LANGUAGES])
        chat = _chat_odds(evidence, self._weights.chat_odds)
        return _normalised(mixed * chat * _prior(hint)), len(evidence)

    def _cyrillic(self, evidence: Sequence[str], own_words: bool) -> npt.NDArray[np.float64]:
        """uk versus ru for Cyrillic text: the character model and lingua (both tempered on short messages,
        see LanguageWeights), times the dictionaries' odds."""
        dictionaries = self._dictionaries(evidence)
        if not own_words:  # Polish office words in Cyrillic ("песель?"): the letters and the priors decide
            uk_ru = np.asarray([float(language in ("uk", "ru")) for language in LANGUAGES])
            return uk_ru * dictionaries
        joined = " ".join(evidence)
        lingua = self._lingua(joined, ("uk", "ru"))
        short = len(evidence) <= self._weights.short_words
        char = self._char_model(joined)
        if short:
            char = _normalised(char**self._weights.short_char)
            lingua = np.maximum(lingua, self._weights.short_lingua_floor)
        mixed = self._mix(char, lingua, ("uk", "ru"))
        if short and self.known is not None and all(self._shared(word) for word in evidence):
            mixed = _normalised(mixed**self._weights.shared_power)
        return mixed * dictionaries

    def _shared(self, word: str) -> bool:
        """Whether both dictionaries know `word`: then it is spelled alike in both languages."""
        assert self.known is not None
        return self.known("uk", word) and self.known("ru", word)

    def _shared_latin(self, word: str) -> bool:
        """Whether a Latin word read back into Cyrillic is a word of both dictionaries ("zarplata")."""
        assert self.known is not None
        return all(
            any(self.known(language, reading) for reading in cyrillic_readings(word, language))
            for language in ("uk", "ru")
        )

    def _latin(self, evidence: Sequence[str]) -> npt.NDArray[np.float64]:
        """Latin letters: first transliterated uk/ru versus en/pl, from the character model alone (lingua
        has never seen transliteration), then uk versus ru by the character model (tempered on short
        messages as for Cyrillic) and the dictionaries of the words read back into Cyrillic, and en versus
        pl with lingua's help."""
        joined = " ".join(evidence)
        char = self._char_model(joined)
        slavic = float(char[LANGUAGES.index("uk")] + char[LANGUAGES.index("ru")])
        latin = self._mix(char, self._lingua(joined, ("en", "pl")), ("en", "pl"))
        slavic_only = np.asarray([lang in ("uk", "ru") for lang in LANGUAGES])
        within = _normalised(char * slavic_only)
        if len(evidence) <= self._weights.short_words:
            within = _normalised(within**self._weights.short_char)
            if self.known is not None and all(self._shared_latin(word) for word in evidence):
                within = _normalised(within**self._weights.shared_power)
        within = _normalised(within * self._latin_dictionaries(evidence))
        return slavic * within + (1.0 - slavic) * latin

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
                odds[uk if in_uk else ru] *= self._weights.dictionary_odds
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


def _unmixed(word: str) -> str:
    """A Cyrillic word with Latin look-alike letters typed in it ("вiтаю", "лiкар") in Cyrillic letters only;
    any other word (a Latin word, or one with more Latin letters than Cyrillic) as it is."""
    cyrillic = sum(map(is_cyrillic, word))
    if cyrillic == 0 or 2 * cyrillic < len(word):
        return word
    return "".join(_LOOKALIKES.get(char, char) for char in word)


def _chat_key(word: str) -> str:
    """How a word is looked up in CHAT_WORDS: stretched letters once ("дякууую"), Polish letters plain."""
    return strip_polish_diacritics(_STRETCHED.sub(r"\1", word))


def _chat_odds(evidence: Sequence[str], odds_per_word: float) -> npt.NDArray[np.float64]:
    """Odds from the short chat words only one language uses (nlu.lexicons.chat_words): "де", "спс",
    "plz", "dzieki" decide a one-word message that the character statistics misread."""
    odds = np.ones(len(LANGUAGES))
    for word in evidence:
        column = _CHAT_COLUMNS.get(_chat_key(word))
        if column is not None:
            odds[column] *= odds_per_word
    return odds


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
