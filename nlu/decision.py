"""From a ranking to a decision, the way Rasa's FallbackClassifier does it.

"unsure" (best intent below `min_confidence`): the bot asks again and offers an advisor, it never guesses.
"ambiguous" (best two closer than `min_gap`): the bot offers the candidates as "Did you mean" buttons.
"confident": the bot answers the best intent. A wrong confident answer about residence law is the worst
failure, so the thresholds are tuned for few wrong confident answers at a small cost in clarifications.
"""

from __future__ import annotations

from nlu.settings import NLUSettings
from nlu.types import OUT_OF_SCOPE, Decision, Ranking


def decide(ranking: Ranking, settings: NLUSettings) -> Decision:
    """Apply the two thresholds to a ranking (best first)."""
    if not ranking or ranking[0][1] < settings.min_confidence:
        return "unsure"
    runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
    if ranking[0][1] - runner_up < settings.min_gap:
        return "ambiguous"
    return "confident"


def candidates(ranking: Ranking, limit: int = 3) -> tuple[str, ...]:
    """The intents a clarifying question offers as buttons: the best `limit` in-scope intents."""
    return tuple(intent for intent, _ in ranking if intent != OUT_OF_SCOPE)[:limit]
