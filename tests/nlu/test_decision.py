"""Thresholds turn rankings into decisions: confident, ambiguous (near-tie) or unsure."""

from __future__ import annotations

import pytest

from nlu import LanguageHint, NLUSettings, Understanding
from nlu.decision import candidates, decide
from nlu.loading import build_understanding


def test_near_tie_is_ambiguous() -> None:
    ranking = (("legal.residence_card", 0.46), ("legal.temporary_residence", 0.44), ("out_of_scope", 0.1))
    assert decide(ranking, NLUSettings(min_confidence=0.3, min_gap=0.1)) == "ambiguous"
    assert candidates(ranking) == ("legal.residence_card", "legal.temporary_residence")


def test_low_confidence_is_unsure() -> None:
    assert decide((("legal.pesel", 0.2), ("greet", 0.1)), NLUSettings(min_confidence=0.3)) == "unsure"
    assert decide((), NLUSettings()) == "unsure"


def test_clear_winner_is_confident() -> None:
    assert (
        decide((("legal.pesel", 0.9), ("greet", 0.05)), NLUSettings(min_confidence=0.3, min_gap=0.1))
        == "confident"
    )


@pytest.mark.parametrize(
    ("min_confidence", "min_gap", "expected"),
    [(0.3, 0.1, "confident"), (0.999999, 0.1, "unsure"), (0.3, 0.999999, "ambiguous")],
)
def test_thresholds_change_the_decision_of_a_real_parse(
    small_settings: NLUSettings, small: Understanding, min_confidence: float, min_gap: float, expected: str
) -> None:
    tuned = build_understanding(
        small_settings.model_copy(update={"min_confidence": min_confidence, "min_gap": min_gap})
    )
    text = "де отримати песель"
    assert small.parse_sync(text).intent == tuned.parse_sync(text).intent == "legal.pesel"
    assert tuned.parse_sync(text, LanguageHint(chosen="uk")).decision == expected
