"""The phrase matcher's conditions: prefixes, alternatives, typos, the end of a sentence, blocks, vetoes."""

from __future__ import annotations

import pytest

from nlu.matcher import build_matcher, compile_pattern, within_one_edit
from nlu.normalize import skeleton


def labels(phrases: list[str], text: str, max_gap: int = 2) -> list[str]:
    return [m.label for m in build_matcher({"x": phrases}, max_gap=max_gap).find(skeleton(text).split())]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("suicide", "sucide", True),  # a letter missing
        ("suicide", "suicidde", True),  # a letter extra
        ("suicide", "suicode", True),  # a letter wrong
        ("suicide", "siucide", True),  # two letters swapped
        ("suicide", "sucdie", False),
        ("abc", "xyz", False),
    ],
)
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected


def test_a_typo_tolerant_prefix() -> None:
    assert labels(["suicid~"], "sucidal thoughts") == ["x"]
    assert labels(["самогубств~"], "думаю про сомогубство") == ["x"]
    assert labels(["suicid~"], "succeeded") == []
    with pytest.raises(ValueError, match="too short"):
        compile_pattern("kill~", "x")  # too short to tolerate a typo


def test_alternatives_may_be_prefixes() -> None:
    assert labels(["mnie|nas napadł*|napadli"], "ktoś mnie napadł wczoraj") == ["x"]
    assert labels(["mnie|nas napadł*|napadli"], "ktoś nas napadli") == ["x"]
    assert labels(["mnie|nas napadł*|napadli"], "ktoś mnie napisał") == []


def test_end_of_sentence() -> None:
    assert labels(["не можу більше $"], "я не можу більше") == ["x"]
    assert labels(["не можу більше $"], "я не можу більше чекати") == []


def test_a_blocked_next_word_may_be_a_prefix() -> None:
    assert labels(["grozi mi !mandat*"], "grozi mi mandatem") == []
    assert labels(["grozi mi !mandat*"], "on grozi mi") == ["x"]


def test_a_veto_anywhere_in_the_tokens() -> None:
    assert labels(["паспорт* забрал* -консул*"], "паспорт забрали на вклейку візи в консульстві") == []
    assert labels(["паспорт* забрал* -консул*"], "паспорт забрали на роботі") == ["x"]


def test_a_key_makes_skeletons_coarser() -> None:
    def merge_g_h(word: str) -> str:
        return word.replace("g", "h")

    matcher = build_matcher({"x": ["погрожує"]}, key=merge_g_h)
    assert matcher.find([merge_g_h(t) for t in skeleton("він pohrozhuye").split()])
