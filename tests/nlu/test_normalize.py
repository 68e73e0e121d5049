"""Spellings users mix up meet in one skeleton; the folded form keeps the script."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlu.normalize import fold, skeleton, strip_polish_diacritics, words


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("карта побиту", "karta pobytu"),
        ("песель", "PESEL"),
        ("злецене", "zlecenie"),
        ("мельдунек", "meldunek"),
        ("Гдині", "Gdyni"),
        ("zezwolenie na pracę", "zezwolenie na prace"),
        ("як отримати", "yak otrymaty"),
        ("как получить", "kak poluchit"),
        ("м'ясо", "мʼясо"),
        ("Żłobek", "zlobek"),
    ],
)
def test_spelling_variants_share_a_skeleton(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


def test_fold_keeps_script_and_unifies_apostrophes() -> None:
    assert fold("Мʼясо’ Ёж") == "м'ясо' еж"
    assert words("пʼять б’ють, ok!") == ["п'ять", "б'ють", "ok"]


def test_polish_diacritics_are_stripped() -> None:
    assert strip_polish_diacritics("zaświadczenie łóżko żółć") == "zaswiadczenie lozko zolc"


@given(st.text(max_size=80))
def test_skeleton_is_plain_ascii_words(text: str) -> None:
    result = skeleton(text)
    assert re.fullmatch(r"[a-z0-9 ]*", result)
    assert len(result.split()) <= len(words(text))


@given(st.text(max_size=80))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
