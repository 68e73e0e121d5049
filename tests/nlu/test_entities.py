"""Places, citizenship and documents a user mentions, in any language and spelling."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from nlu.entities import EntityExtractor
from nlu.gazetteer import load_gazetteer, stem
from nlu.normalize import skeleton
from nlu.types import Entities

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor(load_gazetteer(FIXTURES / "districts.yml"))


def extract(extractor: EntityExtractor, text: str) -> Entities:
    return extractor.extract(skeleton(text).split())


@pytest.mark.parametrize(
    ("text", "district", "place"),
    [
        ("mieszkam w Gdyni", "gdynia", "Gdynia"),
        ("я живу у Гдині", "gdynia", "Gdynia"),
        ("живу в Гдыне, где песель", "gdynia", "Gdynia"),  # not listed: found by its stem
        ("zhyvu v Gdyni", "gdynia", "Gdynia"),
        ("jestem z Wejherowa", "wejherowski", "Wejherowo"),  # not listed: stem
        ("Rumii urząd", "wejherowski", "Rumia"),
        ("у Вейгеровському повіті", "wejherowski", None),
        ("hello, how are you", None, None),
    ],
)
def test_places_map_to_their_district(
    extractor: EntityExtractor, text: str, district: str, place: str
) -> None:
    entities = extract(extractor, text)
    assert (entities.district, entities.place) == (district, place)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("я з Грузії", "ge"),
        ("я грузин, працюю тут", "ge"),
        ("obywatel Białorusi", "by"),
        ("obywatel Bialorusi", "by"),
        ("I'm Indian", "in"),
        ("мы из Молдовы", "md"),
        ("jestem z Ukrainy", "ua"),
        ("громадянка України", "ua"),
        ("я из Узбекистана", "uz"),
        ("I come from the Philippines", "ph"),
        ("я працюю вантажником, грузити ящики", None),
        ("where is the office", None),
    ],
)
def test_citizenship_in_four_languages(extractor: EntityExtractor, text: str, code: str | None) -> None:
    assert extract(extractor, text).citizenship == code


def test_documents_in_order_of_mention(extractor: EntityExtractor) -> None:
    entities = extract(extractor, "маю песель, потрібна карта побиту і паспорт, також umowa zlecenie")
    assert entities.documents == ("pesel", "karta_pobytu", "passport", "contract")


def test_first_mention_wins(extractor: EntityExtractor) -> None:
    assert extract(extractor, "I am from Belarus, my wife is Ukrainian").citizenship == "by"


def test_stem_never_shorter_than_four_letters() -> None:
    assert stem("gdini") == "gdin"
    assert stem("helo") == "helo"


def test_missing_directory_gives_empty_gazetteer_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        gazetteer = load_gazetteer(tmp_path / "missing.yml")
    assert gazetteer.size == 0
    assert gazetteer.find(["gdini"]) is None
    assert "not found" in caplog.text


def test_broken_directory_gives_empty_gazetteer(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    broken = tmp_path / "districts.yml"
    broken.write_text("districts: [unclosed", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_gazetteer(broken).size == 0
    assert "could not be read" in caplog.text
