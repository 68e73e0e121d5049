"""Our own development sets measured on the real model: out-of-scope near misses, long stories, short
messages' language. They guard against regressions; the held-out files in tests/data measure generalisation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu import LanguageHint, Understanding
from nlu.lexicons.chat_words import CHAT_WORDS
from nlu.normalize import skeleton
from nlu.training_data import read_directory, read_file

FIXTURES = Path(__file__).parent / "fixtures"
HOLDOUT = Path(__file__).parents[1] / "data" / "nlu_holdout.yml"
PROJECT = Path(__file__).parents[2]


def load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return items


@pytest.mark.parametrize(
    "name", ["oos_dev.yml", "long_stories.yml", "short_messages.yml", "short_dev.yml", "short_dev2.yml"]
)
def test_dev_sets_are_ours_not_the_holdout_nor_the_training_data(name: str) -> None:
    texts = {skeleton(item["text"]) for item in load(name)}
    if HOLDOUT.exists():
        # Only a count: a held-out message must never be printed, not even by a failing test.
        overlap = len(texts & {skeleton(e.text) for e in read_file(HOLDOUT)})
        assert overlap == 0, f"{overlap} messages also occur in the held-out file"
    if not name.startswith("short_"):
        assert not texts & {skeleton(e.text) for e in read_directory(PROJECT / "nlu" / "data")}


def test_out_of_scope_near_misses(real: Understanding) -> None:
    items = load("oos_dev.yml")
    caught = [
        p.intent == "out_of_scope" or p.decision == "unsure"
        for p in (real.parse_sync(item["text"]) for item in items)
    ]
    assert sum(caught) / len(items) >= 0.75  # 82% when measured (docs/NLU.md)


def test_long_stories_are_answered_by_their_question(real: Understanding) -> None:
    items = load("long_stories.yml")
    parses = [real.parse_sync(item["text"]) for item in items]
    right = sum(p.intent == item["intent"] for p, item in zip(parses, items, strict=True))
    wrong_confident = sum(
        p.intent != item["intent"] and p.decision == "confident"
        for p, item in zip(parses, items, strict=True)
    )
    assert right / len(items) >= 0.85  # 37 of 40 when measured
    assert wrong_confident <= 4


def language_shares(real: Understanding, name: str) -> tuple[float, float]:
    """Share of a dev set's messages whose language is right without a hint, and with the chosen one."""
    items = load(name)
    identify = real.models.language.identify
    plain = sum(identify(item["text"]).language == item["language"] for item in items)
    chosen = sum(
        identify(item["text"], LanguageHint(chosen=item["language"])).language == item["language"]
        for item in items
    )
    return plain / len(items), chosen / len(items)


def test_short_messages_language(real: Understanding) -> None:
    plain, chosen = language_shares(real, "short_messages.yml")
    assert plain >= 0.88
    assert chosen >= 0.97


def test_second_batch_of_short_messages_language(real: Understanding) -> None:
    """Written after the first batch had tuned language id: 109 of 115 right without a hint when measured
    (110 since the chat words and the shared-word rule, docs/NLU.md)."""
    items = load("short_dev.yml")
    identify = real.models.language.identify
    assert sum(identify(item["text"]).language == item["language"] for item in items) / len(items) >= 0.92


def test_third_batch_of_short_messages_language(real: Understanding) -> None:
    """Written before language id was run on it: 255 of 266 right without a hint and 262 with the chosen
    language at first, 260 and 264 after the changes it led to (docs/NLU.md)."""
    plain, chosen = language_shares(real, "short_dev2.yml")
    assert plain >= 0.96
    assert chosen >= 0.975


def test_chat_words_belong_to_one_language_each() -> None:
    """A word in two lists would cancel out (and says nothing: it is not one language's word)."""
    lists = list(CHAT_WORDS.values())
    assert all(not a & b for i, a in enumerate(lists) for b in lists[i + 1 :])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("лiкарня", "uk"),  # a Latin "i" typed for "і"
        ("пiдкажiть", "uk"),
        ("где?", "ru"),
        ("де?", "uk"),  # both dictionaries know "де"; in a chat it is Ukrainian
        ("thnx", "en"),
        ("prosze!", "pl"),
        ("umowa zlecenie", "pl"),  # office words only, in Latin letters: Polish as written
    ],
)
def test_short_words_that_tell_their_language(real: Understanding, text: str, language: str) -> None:
    assert real.models.language.identify(text).language == language


@pytest.mark.parametrize("text", ["аптека поруч", "хочу оператора", "консультант"])
def test_short_ukrainian_without_its_own_letters_is_not_taken_for_russian(
    real: Understanding, text: str
) -> None:
    """Ukrainian words without і ї є are not Russian: the alphabet odds weigh those letters once, and
    the character model of a short message does not weigh their absence again."""
    assert real.models.language.identify(text).language == "uk"
