"""The recall-first crisis detector: violence, trafficking / forced labour, self-harm.

It does not depend on the intent classifier, which picks one topic per message: a user who asks about the
800+ benefit and mentions in passing that her husband beats her must get the emergency numbers first. The
detector matches the phrase lists of nlu.lexicons.crisis on the whole message, whatever its topic, in any
of the four languages, with or without diacritics, in Cyrillic or in Latin transliteration. When the phrase
lists find nothing, a confident classification as a crisis topic still raises the signal (`from_intent`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from nlu.lexicons.crisis import CRISIS, PRIORITY
from nlu.matcher import Match, build_matcher
from nlu.types import Ranking

# Topics whose catalogue entry says `escalate: crisis`: when the classifier is sure a message is about one
# of them, that is a crisis signal too (a second net under the phrase lists, never the only one).
CRISIS_TOPICS: Mapping[str, str] = MappingProxyType(
    {"safety.domestic_violence": "violence", "safety.trafficking": "trafficking"}
)

# Two words may stand between the words of a phrase: "забрали у мене паспорт", "бьет меня и детей".
_MAX_GAP = 2


class CrisisDetector:
    """Finds crisis signals in the skeleton words of a message."""

    def __init__(self) -> None:
        self._matcher = build_matcher(CRISIS, max_gap=_MAX_GAP)

    def matches(self, tokens: Sequence[str]) -> list[Match]:
        """Every crisis phrase found (for logs and for reviewing false alarms)."""
        return self._matcher.find(tokens)

    def detect(self, tokens: Sequence[str]) -> str | None:
        """The most urgent crisis kind signalled by the message, or None."""
        found = {match.label for match in self.matches(tokens)}
        return next((kind for kind in PRIORITY if kind in found), None)


def from_intent(ranking: Ranking, min_confidence: float) -> str | None:
    """The crisis kind of the best intent, if it is a crisis topic ranked at least `min_confidence`."""
    if not ranking or ranking[0][1] < min_confidence:
        return None
    return CRISIS_TOPICS.get(ranking[0][0])
