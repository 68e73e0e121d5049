"""Intent classifier backends behind one Protocol, looked up by name (NLUSettings.backend).

Language id, entities and crisis detection never go through a backend: they are built in and identical
whichever backend classifies the intent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Protocol

from nlu.backends.builtin import BuiltinBackend
from nlu.backends.rasa import RasaBackend
from nlu.settings import NLUSettings
from nlu.types import IntentResult

Classify = Callable[[str, str], IntentResult]


class IntentBackend(Protocol):
    """Classifies a message whose language is already known."""

    name: str

    async def classify(self, text: str, language: str) -> IntentResult:
        """The intent ranking of `text`, best first."""
        ...

    async def aclose(self) -> None:
        """Release connections; the backend is not used afterwards."""
        ...


def _builtin(settings: NLUSettings, builtin: Classify) -> IntentBackend:
    return BuiltinBackend(builtin)


def _rasa(settings: NLUSettings, builtin: Classify) -> IntentBackend:
    return RasaBackend(settings.rasa_url, settings.rasa_timeout, fallback=builtin)


BACKENDS: Mapping[str, Callable[[NLUSettings, Classify], IntentBackend]] = MappingProxyType(
    {"builtin": _builtin, "rasa": _rasa}
)


def create_backend(settings: NLUSettings, builtin: Classify) -> IntentBackend:
    """The backend named in the settings.

    `builtin` is the in-process classifier, which every backend may fall back on.
    """
    return BACKENDS[settings.backend](settings, builtin)
