"""The crisis detector fires on violence, trafficking and self-harm in any language, even in passing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu import LanguageHint, Understanding
from nlu.crisis import CrisisDetector, from_intent
from nlu.lexicons.crisis import CRISIS
from nlu.matcher import compile_pattern
from nlu.normalize import skeleton

FIXTURES = Path(__file__).parent / "fixtures"

PHRASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "crisis_phrases.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector()


def detect(detector: CrisisDetector, text: str) -> str | None:
    return detector.detect(skeleton(text).split())


@pytest.mark.parametrize("item", [p for p in PHRASES if p["crisis"] != "none"], ids=lambda p: p["text"][:40])
def test_every_crisis_phrasing_is_caught(detector: CrisisDetector, item: dict[str, Any]) -> None:
    assert detect(detector, item["text"]) is not None


@pytest.mark.parametrize("item", [p for p in PHRASES if p["crisis"] == "none"], ids=lambda p: p["text"][:40])
def test_near_misses_do_not_alarm(detector: CrisisDetector, item: dict[str, Any]) -> None:
    assert detect(detector, item["text"]) is None


def test_kinds_are_reported(detector: CrisisDetector) -> None:
    assert detect(detector, "my husband hits me") == "violence"
    assert detect(detector, "роботодавець забрав у мене паспорт") == "trafficking"
    assert detect(detector, "nie chcę żyć") == "self_harm"


def test_the_most_urgent_kind_wins(detector: CrisisDetector) -> None:
    assert detect(detector, "they took my passport and he hits me, i want to die") == "self_harm"


def test_violence_inside_a_long_benefit_question_is_crisis(small: Understanding) -> None:
    text = (
        "Добрий день! Я з двома дітьми живу в Гдині вже рік, працюю на umowa zlecenie. Хотіла спитати, "
        "як подати заяву на 800+ через ZUS, які документи потрібні і скільки чекати. Чоловік інколи мене "
        "бʼє, коли вип'є, але це зараз не головне. Дякую!"
    )
    parse = small.parse_sync(text, LanguageHint(chosen="uk"))
    assert parse.crisis == "violence"


def test_confident_crisis_topic_is_a_signal_too() -> None:
    assert from_intent((("safety.trafficking", 0.9), ("work.rights", 0.1)), 0.35) == "trafficking"
    assert from_intent((("safety.trafficking", 0.2), ("work.rights", 0.1)), 0.35) is None
    assert from_intent((("legal.pesel", 0.9),), 0.35) is None


def test_every_lexicon_phrase_compiles() -> None:
    for label, phrases in CRISIS.items():
        for phrase in phrases:
            compile_pattern(phrase, label)


def test_phrase_fixture_is_ours_not_the_holdout() -> None:
    holdout = Path(__file__).parents[1] / "data" / "crisis_holdout.yml"
    if holdout.exists():
        held = {str(item["text"]) for item in yaml.safe_load(holdout.read_text(encoding="utf-8")) or []}
        overlap = held & {p["text"] for p in PHRASES}
        assert not overlap, f"{len(overlap)} fixture phrases also occur in the held-out file"
