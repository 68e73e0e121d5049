"""The third fresh batch of crisis phrasings (tests/nlu/fixtures/crisis_dev3.yml) on the real model.

The batch was written before the detector was run on it, mostly oblique (a crisis buried in a question about
work, housing or documents, euphemisms, slang, transliteration, surzhyk, Polish words inside Ukrainian or
Russian), with near misses that share words with crises. It was then used to find which constructions the
phrase lists and the model missed, so it guards against regressions; how far the detector generalises is
measured on messages it never saw (tests/data, `firststeps nlu evaluate`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu import Understanding
from nlu.crisis_model import read_examples
from nlu.normalize import skeleton
from nlu.types import Parse

FIXTURES = Path(__file__).parent / "fixtures"
HELD_OUT = Path(__file__).parents[1] / "data" / "crisis_holdout.yml"
LANGUAGES = ("uk", "ru", "en", "pl")
KINDS = ("violence", "trafficking", "self_harm")


def load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return items


DEV3 = load("crisis_dev3.yml")
CRISES = [item for item in DEV3 if item["crisis"] != "none"]
NEAR_MISSES = [item for item in DEV3 if item["crisis"] == "none"]


def flow(parse: Parse) -> bool:
    """The message starts the crisis flow (a certain signal), not only a safety note."""
    return parse.crisis is not None and parse.crisis_certain


@pytest.fixture(scope="module")
def parses(real: Understanding) -> dict[str, Parse]:
    return {item["text"]: real.parse_sync(item["text"]) for item in DEV3}


def test_the_batch_is_balanced() -> None:
    for language in LANGUAGES:
        for kind in KINDS:
            assert sum(i["language"] == language and i["crisis"] == kind for i in DEV3) >= 20
        assert sum(i["language"] == language and i["crisis"] == "none" for i in DEV3) >= 30


def test_the_batch_is_new_and_never_trained_on() -> None:
    fresh = {skeleton(item["text"]) for item in DEV3}
    assert len(fresh) == len(DEV3), "no message twice"
    trained = len(fresh & {skeleton(e.text) for e in read_examples()})
    assert trained == 0, f"{trained} messages are also crisis training phrasings"
    earlier = {skeleton(i["text"]) for name in ("crisis_dev.yml", "crisis_dev2.yml") for i in load(name)}
    assert not fresh & earlier, "no phrasing of the earlier batches"
    if HELD_OUT.exists():
        # Only a count: a held-out message must never be printed, not even by a failing test.
        held = yaml.safe_load(HELD_OUT.read_text(encoding="utf-8")) or []
        overlap = len(fresh & {skeleton(str(item["text"])) for item in held})
        assert overlap == 0, f"{overlap} messages also occur in the held-out file"


@pytest.mark.parametrize("language", LANGUAGES)
def test_crises_start_the_flow_in_every_language(parses: dict[str, Parse], language: str) -> None:
    """Measured when the batch was last tuned on: 60 of 60 in every language."""
    group = [item for item in CRISES if item["language"] == language]
    missed = [item["text"] for item in group if not flow(parses[item["text"]])]
    assert len(missed) <= 2, f"{len(missed)} of {len(group)} without the crisis flow: {missed}"


def test_every_crisis_gets_a_signal(parses: dict[str, Parse]) -> None:
    """Measured: every one of the 240 at least gets the safety note."""
    silent = [item["text"] for item in CRISES if parses[item["text"]].crisis is None]
    assert len(silent) <= 2, silent


def test_near_misses_rarely_start_the_flow(parses: dict[str, Parse]) -> None:
    """Measured: 3 of 128 start the flow (a playground fight read as domestic violence by the intent net, a
    children's fight and a deadline "killing me" read by the model); 8 get at least the safety note."""
    alarms = [item["text"] for item in NEAR_MISSES if flow(parses[item["text"]])]
    assert len(alarms) <= 7, alarms
    assert sum(parses[item["text"]].crisis is not None for item in NEAR_MISSES) <= 14
