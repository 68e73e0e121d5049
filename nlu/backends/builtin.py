"""The default backend: the in-process linear classifier, no I/O."""

from __future__ import annotations

from collections.abc import Callable

from nlu.features import extract, focus_text
from nlu.preprocess import Preprocessor
from nlu.training import ModelBundle
from nlu.types import IntentResult


class BuiltinClassifier:
    """Text and language in, intent ranking out, with a trained ModelBundle."""

    def __init__(self, bundle: ModelBundle, preprocessor: Preprocessor) -> None:
        self.bundle = bundle
        self.preprocessor = preprocessor

    def classify(self, text: str, language: str) -> IntentResult:
        """Lemmatize with the pipeline of `language`, vectorise, and rank with the linear model."""
        config = self.bundle.config.features
        analysis = self.preprocessor.analyse(focus_text(text, config), language)
        row = self.bundle.vectorizer.row(extract(text, analysis, config))
        return IntentResult(self.bundle.intents.rank(row), "builtin")


class BuiltinBackend:
    """Wraps the current built-in classifier (which `Understanding.reload` may swap) as a backend."""

    name = "builtin"

    def __init__(self, classify: Callable[[str, str], IntentResult]) -> None:
        self._classify = classify

    async def classify(self, text: str, language: str) -> IntentResult:
        """Runs inline: a parse takes about a millisecond, less than a thread hand-off would cost."""
        return self._classify(text, language)

    async def aclose(self) -> None:
        """Nothing to release."""
