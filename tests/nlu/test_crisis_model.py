"""The crisis model catches crisis phrasings the lexicons were never written for, without alarming on
ordinary questions; it is trained with the intent model and cached with it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu import NLUSettings, Understanding, build_understanding
from nlu import crisis_model as crisis_module
from nlu.crisis import CrisisDetector
from nlu.crisis_model import EXAMPLES_FILE, read_examples, windows
from nlu.model_cache import cache_key
from nlu.normalize import skeleton
from nlu.training import TrainingConfig

FIXTURES = Path(__file__).parent / "fixtures"
HELD_OUT = Path(__file__).parents[1] / "data" / "crisis_holdout.yml"
DEV: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "crisis_dev.yml").read_text(encoding="utf-8"))
DEV2: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "crisis_dev2.yml").read_text(encoding="utf-8"))
CRISES = [item for item in DEV if item["crisis"] != "none"]
NEAR_MISSES = [item for item in DEV if item["crisis"] == "none"]


@pytest.mark.parametrize(("batch", "size"), [(DEV, 15), (DEV2, 12)])
def test_the_fresh_batches_are_balanced_and_never_trained_on(batch: list[dict[str, Any]], size: int) -> None:
    for language in ("uk", "ru", "en", "pl"):
        for kind in ("self_harm", "trafficking", "violence", "none"):
            assert sum(i["language"] == language and i["crisis"] == kind for i in batch) == size
    fresh = {skeleton(item["text"]) for item in batch}
    trained = len(fresh & {skeleton(e.text) for e in read_examples()})
    assert trained == 0, f"{trained} fresh phrasings are also crisis training phrasings"
    if HELD_OUT.exists():
        # Only a count: a held-out message must never be printed, not even by a failing test.
        held = yaml.safe_load(HELD_OUT.read_text(encoding="utf-8")) or []
        overlap = len(fresh & {skeleton(str(item["text"])) for item in held})
        assert overlap == 0, f"{overlap} fresh phrasings also occur in the held-out file"


def test_the_model_catches_what_the_lexicons_miss(real: Understanding) -> None:
    """Measured when written: the lexicons alone caught 147 of 180, everything with the model 174."""
    lexicons = CrisisDetector()
    by_lexicons = sum(lexicons.detect_text(item["text"]) is not None for item in CRISES)
    caught = sum(real.parse_sync(item["text"]).crisis is not None for item in CRISES)
    assert caught / len(CRISES) >= 0.95
    assert caught - by_lexicons >= 15


def test_near_misses_rarely_alarm(real: Understanding) -> None:
    """Measured when written: 9 of 60 (without the model 5): recall comes first."""
    alarms = sum(real.parse_sync(item["text"]).crisis is not None for item in NEAR_MISSES)
    assert alarms <= 12


def test_the_second_fresh_batch(real: Understanding) -> None:
    """Written after every choice had been made on the first batch, and measured once: 138 of 144 caught
    (113 without the model), 8 of 48 near misses alarming (3 without the model)."""
    parses = [(item["crisis"], real.parse_sync(item["text"]).crisis) for item in DEV2]
    assert sum(found is not None for kind, found in parses if kind != "none") >= 134
    assert sum(found is not None for kind, found in parses if kind == "none") <= 10


def test_ordinary_questions_rarely_alarm(real: Understanding) -> None:
    """The out-of-scope near misses and long stories of our development sets are no crises."""
    texts = [
        item["text"]
        for name in ("oos_dev.yml", "long_stories.yml", "short_messages.yml")
        for item in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    ]
    alarms = sum(real.parse_sync(text).crisis is not None for text in texts)
    assert alarms / len(texts) <= 0.03


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("охранник не выпускает нас с фермы, денег не платят", "trafficking"),
        ("szef trzyma nasze paszporty i nie placi", "trafficking"),
        ("my husband beats me every evening", "violence"),
        ("стою на даху і хочу стрибнути", "self_harm"),
        ("how do i register my car in gdansk", None),
    ],
)
def test_the_model_reports_the_kind(real: Understanding, text: str, kind: str | None) -> None:
    model = real.bundle.crisis
    assert model is not None
    assert model.kind(text) == kind


def test_a_buried_sentence_is_scored_on_its_own() -> None:
    text = (
        "Добрий день, підкажіть як записати дитину в садочок у Гдині і які документи потрібні для цього. "
        "Сил вже нема"
    )
    parts = list(windows(text))
    assert parts[-1] == ["sil", "vze", "nema"]
    assert all(len(part) <= 12 for part in parts)


def test_changed_crisis_phrasings_change_the_model_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "crisis_data"
    folder.mkdir()
    shutil.copy(EXAMPLES_FILE, folder / "phrases.yml")
    monkeypatch.setattr(crisis_module, "CRISIS_DATA", folder)
    data = Path(__file__).parents[2] / "nlu" / "data"
    before = cache_key(data, (), TrainingConfig(), "morfeusz2")
    with (folder / "phrases.yml").open("a", encoding="utf-8") as handle:
        handle.write('- {language: en, crisis: self_harm, text: "i will not be here tomorrow"}\n')
    assert cache_key(data, (), TrainingConfig(), "morfeusz2") != before


def test_the_threshold_is_the_operators_choice(small: Understanding, small_settings: NLUSettings) -> None:
    """A message only the model flags (the lexicons do not) follows `crisis_threshold`."""
    text = "нам запрещают выходить из общежития без бригадира"
    assert CrisisDetector().detect_text(text) is None
    assert small.parse_sync(text).crisis == "trafficking"
    strict = build_understanding(small_settings.model_copy(update={"crisis_threshold": 1.0}))
    assert strict.parse_sync(text).crisis is None


def test_only_strong_signals_start_the_crisis_flow(real: Understanding) -> None:
    """Weak model-only signals get a safety note instead of the flow (which opens an advisor's case and
    relays the person's next messages). Measured when written: 169 of 180 crises start the flow, 6 more
    get the note; 7 of 60 near misses start the flow."""
    crises = [real.parse_sync(item["text"]) for item in CRISES]
    assert sum(p.crisis is not None and p.crisis_certain for p in crises) / len(crises) >= 0.9
    assert any(p.crisis is not None and not p.crisis_certain for p in crises)
    near = [real.parse_sync(item["text"]) for item in NEAR_MISSES]
    assert sum(p.crisis is not None and p.crisis_certain for p in near) <= 9
    detector = CrisisDetector()
    lexical = [p for p, item in zip(crises, CRISES, strict=True) if detector.detect_text(item["text"])]
    assert lexical and all(p.crisis_certain for p in lexical), "a phrase or rule always starts the flow"
