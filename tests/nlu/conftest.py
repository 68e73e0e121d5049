"""Fixtures for the NLU tests: a small model trained on tests/nlu/fixtures (fast, stable) and the real model
trained on nlu/data, cached across test runs in pytest's cache folder so it is trained at most once."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu import NLUSettings, Understanding, build_understanding

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).parents[2]


@pytest.fixture(scope="session")
def small_settings(tmp_path_factory: pytest.TempPathFactory) -> NLUSettings:
    """Settings pointing at the fixture training data and directory, with a throw-away model cache."""
    return NLUSettings(
        data_dir=FIXTURES / "data",
        directory_file=FIXTURES / "districts.yml",
        cache_dir=tmp_path_factory.mktemp("models"),
    )


@pytest.fixture(scope="session")
def small(small_settings: NLUSettings) -> Understanding:
    """An Understanding trained on the fixture data (six intents, four languages)."""
    return build_understanding(small_settings)


@pytest.fixture(scope="session")
def real_settings(pytestconfig: pytest.Config) -> NLUSettings:
    """Settings for the project's real data; the model cache lives in pytest's cache folder."""
    if not any((PROJECT / "nlu" / "data").glob("*/*.yml")):
        pytest.skip("no training data under nlu/data")
    assert pytestconfig.cache is not None
    return NLUSettings(
        data_dir=PROJECT / "nlu" / "data",
        directory_file=PROJECT / "content" / "directory" / "districts.yml",
        cache_dir=pytestconfig.cache.mkdir("nlu-models"),
    )


@pytest.fixture(scope="session")
def real(real_settings: NLUSettings) -> Understanding:
    """The real Understanding, trained once per data/code version and then loaded from the cache."""
    return build_understanding(real_settings)
