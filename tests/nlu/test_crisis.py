"""The crisis detector fires on violence, trafficking and self-harm in any language, even in passing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu import LanguageHint, Understanding
from nlu.crisis import CrisisDetector, from_intent, sentences
from nlu.crisis_model import EXAMPLES_FILE, read_examples
from nlu.lexicons.crisis import CRISIS, CUES, IDIOMS, RULES
from nlu.matcher import compile_pattern
from nlu.normalize import skeleton
from nlu.training_data import read_file

FIXTURES = Path(__file__).parent / "fixtures"

PHRASES: list[dict[str, Any]] = yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))
GROUPS = sorted({(p["language"], p["crisis"]) for p in PHRASES})


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector()


def detect(detector: CrisisDetector, text: str) -> str | None:
    return detector.detect_text(text)


def test_the_phrase_set_is_large_and_balanced() -> None:
    for language in ("uk", "ru", "en", "pl"):
        for kind in ("self_harm", "trafficking", "violence"):
            assert sum(p["language"] == language and p["crisis"] == kind for p in PHRASES) >= 60
        assert sum(p["language"] == language and p["crisis"] == "none" for p in PHRASES) >= 40


@pytest.mark.parametrize(("language", "kind"), [g for g in GROUPS if g[1] != "none"])
def test_every_crisis_phrasing_is_caught(detector: CrisisDetector, language: str, kind: str) -> None:
    group = [p["text"] for p in PHRASES if (p["language"], p["crisis"]) == (language, kind)]
    missed = [text for text in group if detect(detector, text) is None]
    assert not missed, f"{len(missed)} of {len(group)} missed: {missed[:5]}"


@pytest.mark.parametrize("language", sorted({g[0] for g in GROUPS}))
def test_near_misses_do_not_alarm(detector: CrisisDetector, language: str) -> None:
    group = [p["text"] for p in PHRASES if (p["language"], p["crisis"]) == (language, "none")]
    alarms = [(text, detect(detector, text)) for text in group if detect(detector, text) is not None]
    assert not alarms, f"{len(alarms)} of {len(group)} alarmed: {alarms[:5]}"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("vona ne hoche zhyty, pysala shcho pokinchyt' z soboyu", "self_harm"),  # transliterated
        ("cholovik pohrozhuye shcho vbye mene", "violence"),  # Ukrainian "г" typed as "h"
        ("sucide thoughts every night", "self_harm"),  # a typo in a long word
        ("не хочу більше.", "self_harm"),  # ends the sentence
        ("хочу чтобы меня не было", "self_harm"),  # co-occurrence: want + not exist
        ("паспорт у бригадира і не віддає", "trafficking"),  # documents + withheld
        ("kept in a restaurant kitchen and not paid", "trafficking"),
        ("сестра ріже собі руки", "self_harm"),  # self-reference + cutting
    ],
)
def test_spellings_and_rules(detector: CrisisDetector, text: str, kind: str) -> None:
    assert detect(detector, text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "не хочу більше чекати на карту побиту",  # "не хочу більше" not at the end of the sentence
        "this queue is killing me",
        "I'm dying to know when the card is ready",
        "umieram z ciekawości",
        "чоловік б'є рекорди продажів",  # an idiom overlapping a violence phrase
        "паспорт забрали на вклейку візи в консульстві",  # a veto word in the sentence
        "фільм про торгівлю людьми для уроку",  # a study, not a crisis
        "де купити таблетки від алергії",  # "де" shares its skeleton with English "die"
        "czy grozi mi deportacja za przeterminowaną wizę",  # Polish "grozi" = "faces", not "threatens"
        "help us please",
    ],
)
def test_idioms_and_vetoes(detector: CrisisDetector, text: str) -> None:
    assert detect(detector, text) is None


def test_a_phrase_never_spans_two_sentences(detector: CrisisDetector) -> None:
    assert sentences("Я не хочу. Жити тут погано") == [["ia", "ne", "hochu"], ["ziti", "tut", "pohano"]]
    assert detect(detector, "Я не хочу. Жити тут погано, шукаю квартиру") is None
    assert detect(detector, "Я не хочу жити") == "self_harm"


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


def test_the_intent_net_needs_a_weak_cue(detector: CrisisDetector) -> None:
    ranking = (("safety.trafficking", 0.8), ("legal.residence_card", 0.1))
    assert from_intent(ranking, 0.35, detector.read("мій паспорт прострочений")[1]) is None
    assert from_intent(ranking, 0.35, detector.read("роботодавець не платить і погрожує")[1]) == "trafficking"
    assert detector.read("film o handlu ludźmi i niewolnictwie na lekcję")[1] == frozenset()


def test_every_lexicon_phrase_compiles() -> None:
    for label, phrases in CRISIS.items():
        for phrase in phrases:
            compile_pattern(phrase, label)
    for rule in RULES:
        assert len(rule.concepts) >= 2 and rule.window >= 2
        for concept in rule.concepts:
            for phrase in concept:
                compile_pattern(phrase, rule.kind)
    for phrase in (*IDIOMS, *(p for cues in CUES.values() for p in cues)):
        compile_pattern(phrase, "other")


def test_crisis_phrasings_are_ours_not_the_holdout() -> None:
    """The crisis model trains on the phrasings: none may equal (same skeleton) a held-out message."""
    data = Path(__file__).parents[1] / "data"
    held: set[str] = set()
    if (data / "crisis_holdout.yml").exists():
        crisis = yaml.safe_load((data / "crisis_holdout.yml").read_text(encoding="utf-8")) or []
        held |= {skeleton(str(item["text"])) for item in crisis}
    if (data / "nlu_holdout.yml").exists():
        held |= {skeleton(e.text) for e in read_file(data / "nlu_holdout.yml")}
    # Only a count: a held-out message must never be printed, not even by a failing test.
    overlap = len(held & {skeleton(e.text) for e in read_examples()})
    assert overlap == 0, f"{overlap} crisis phrasings also occur in a held-out file"


def test_the_kind_to_act_on_follows_the_question_between_violence_and_trafficking() -> None:
    from nlu.crisis import most_urgent

    both = {"violence", "trafficking"}
    assert most_urgent(both, (("safety.domestic_violence", 0.8),)) == "violence"
    assert most_urgent(both, (("safety.trafficking", 0.8),)) == "trafficking"
    assert most_urgent(both, (("legal.pesel", 0.8),)) == "trafficking", "else the fixed priority"
    assert most_urgent({*both, "self_harm"}, (("safety.domestic_violence", 0.9),)) == "self_harm"
