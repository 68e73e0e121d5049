"""The values the NLU hands to the rest of the bot; all immutable, so a Parse can be cached or logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Decision = Literal["confident", "ambiguous", "unsure"]
Ranking = tuple[tuple[str, float], ...]

LANGUAGES: tuple[str, ...] = ("uk", "ru", "en", "pl")
OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class LanguageHint:
    """What the channel knows about the user's language before reading the text.

    Attributes:
        chosen: the language the user picked in the bot (uk|ru|en|pl); a strong prior.
        client: Telegram's `language_code` ("uk", "ru-RU", "en-GB"); a weak prior, often the phone's locale.
    """

    chosen: str | None = None
    client: str | None = None


@dataclass(frozen=True)
class Entities:
    """What the message says about the user's situation, for local contacts and answer variants.

    Attributes:
        district: id of a district in content/directory/districts.yml ("gdansk", "wejherowski").
        place: the place as the directory names it ("Rumia"); None when only a district was named.
        citizenship: ISO 3166 alpha-2, lower case ("ua", "by", "ge").
        documents: document ids in order of first mention ("pesel", "karta_pobytu").
    """

    district: str | None = None
    place: str | None = None
    citizenship: str | None = None
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parse:
    """Everything the conversation core needs to answer one message.

    `confidence` is the calibrated probability of `intent`; `decision` applies the two thresholds of
    NLUSettings to the ranking; `crisis` comes from a separate recall-first detector and is set even when
    the intent is something else entirely. `crisis_certain` says whether the signal is strong (a crisis
    phrase or rule, a crisis topic with a cue, or the crisis model at least `crisis_certain`) or only
    possible (the crisis model alone, between `crisis_threshold` and `crisis_certain`): the core starts the
    crisis flow for the first and adds a safety note to its normal answer for the second.
    """

    text: str
    language: str
    language_confidence: float
    intent: str
    confidence: float
    ranking: Ranking
    decision: Decision
    entities: Entities
    crisis: str | None
    crisis_certain: bool = True


@dataclass(frozen=True)
class TrainingExample:
    """One labelled message: from nlu/data, from an editor's correction, or from a test fixture."""

    text: str
    intent: str
    language: str


@dataclass(frozen=True)
class IntentResult:
    """What a classifier backend returns: intents with probabilities, best first (at most 10)."""

    ranking: Ranking
    source: str = field(default="builtin")

    @property
    def intent(self) -> str:
        """The best intent, or out_of_scope when the backend had no opinion at all."""
        return self.ranking[0][0] if self.ranking else OUT_OF_SCOPE

    @property
    def confidence(self) -> float:
        """The probability of the best intent (0 for an empty ranking)."""
        return self.ranking[0][1] if self.ranking else 0.0
