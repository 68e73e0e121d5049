"""`Understanding`: one object that turns a message into a Parse.

Per message: language id (lingua + trained character model + hint) -> skeleton words -> crisis detector
(lexicons, then the crisis model) and entities (built in, whatever the backend) -> intent ranking from the
backend (built-in or Rasa) -> the decision from the two thresholds. The built-in models sit behind one
attribute that `reload` replaces in a single assignment, so a parse running during a retrain sees either the
old models or the new ones, never a mix.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlu.backends import create_backend
from nlu.backends.builtin import BuiltinClassifier
from nlu.crisis import CrisisDetector, from_intent, most_urgent
from nlu.decision import decide
from nlu.entities import EntityExtractor
from nlu.language import LanguageGuess, LanguageIdentifier
from nlu.normalize import skeleton
from nlu.settings import NLUSettings
from nlu.training import ModelBundle
from nlu.types import IntentResult, LanguageHint, Parse, TrainingExample

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Models:
    """The trained parts, swapped together on reload."""

    classifier: BuiltinClassifier
    language: LanguageIdentifier


@dataclass(frozen=True)
class _Reading:
    """What the built-in parts say about a message before its intent is known."""

    guess: LanguageGuess
    tokens: tuple[str, ...]
    # Crisis kinds from the phrases and rules (certain), or the crisis model's kind and whether it
    # reached `crisis_certain`.
    kinds: frozenset[str]
    model_kind: str | None
    model_certain: bool
    cues: frozenset[str]


class Understanding:
    """Parses messages; create it with `load_understanding` (or `build_understanding` in scripts)."""

    def __init__(
        self,
        settings: NLUSettings,
        models: Models,
        extractor: EntityExtractor,
        crisis: CrisisDetector,
        retrain: Callable[[Sequence[TrainingExample]], Models],
    ) -> None:
        self.settings = settings
        self._models = models
        self._extractor = extractor
        self._crisis = crisis
        self._retrain = retrain
        self._backend = create_backend(settings, self._classify_builtin)

    @property
    def models(self) -> Models:
        """The trained parts in use."""
        return self._models

    def swap(self, models: Models) -> None:
        """Replace the trained parts in one assignment (reload, cross-validation)."""
        self._models = models

    @property
    def bundle(self) -> ModelBundle:
        """The trained built-in model in use (sizes, training time, configuration)."""
        return self._models.classifier.bundle

    def _classify_builtin(self, text: str, language: str) -> IntentResult:
        return self._models.classifier.classify(text, language)

    def _read(self, text: str, hint: LanguageHint | None) -> _Reading:
        tokens = tuple(skeleton(text).split())
        kinds, cues = self._crisis.read_all(text)
        model_kind, model_certain = None, False
        if not kinds and (model := self._models.classifier.bundle.crisis) is not None:
            probability, kind = model.score(text)
            if probability >= self.settings.crisis_threshold:
                model_kind, model_certain = kind, probability >= self.settings.crisis_certain
        guess = self._models.language.identify(text, hint)
        return _Reading(guess, tokens, kinds, model_kind, model_certain, cues)

    def _assemble(self, text: str, reading: _Reading, result: IntentResult) -> Parse:
        crisis, certain = most_urgent(reading.kinds, result.ranking), True
        if crisis is None:
            crisis = from_intent(result.ranking, self.settings.min_confidence, reading.cues)
        if crisis is None and reading.model_kind is not None:
            crisis, certain = reading.model_kind, reading.model_certain
        return Parse(
            text=text,
            language=reading.guess.language,
            language_confidence=reading.guess.confidence,
            intent=result.intent,
            confidence=result.confidence,
            ranking=result.ranking,
            decision=decide(result.ranking, self.settings),
            entities=self._extractor.extract(reading.tokens),
            crisis=crisis,
            crisis_certain=certain,
        )

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse:
        """Parse one message with the configured backend (Rasa falls back to built-in on failure)."""
        reading = self._read(text, hint)
        result = await self._backend.classify(text, reading.guess.language)
        return self._assemble(text, reading, result)

    def parse_sync(self, text: str, hint: LanguageHint | None = None) -> Parse:
        """Parse with the built-in classifier only, without an event loop (batches, evaluation)."""
        reading = self._read(text, hint)
        return self._assemble(text, reading, self._classify_builtin(text, reading.guess.language))

    async def reload(self, extra: Sequence[TrainingExample]) -> None:
        """Retrain on nlu/data plus `extra` (e.g. editors' corrections) in a worker thread, then swap.

        Parsing continues on the old models meanwhile; the new model is cached like the base one.
        """
        self.swap(await asyncio.to_thread(self._retrain, tuple(extra)))
        log.info("NLU reloaded with %d extra examples", len(extra))

    async def aclose(self) -> None:
        """Release the backend's connections."""
        await self._backend.aclose()
