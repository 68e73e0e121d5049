"""The trained model is cached on disk: a second start loads it instead of training again."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from nlu import NLUSettings, build_understanding, loading
from nlu.model_cache import ModelCache, cache_key
from nlu.training import TrainingConfig
from nlu.types import TrainingExample


@pytest.fixture
def settings(tmp_path: Path, small_settings: NLUSettings) -> NLUSettings:
    data = tmp_path / "data"
    shutil.copytree(small_settings.data_dir, data)
    return small_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "models"})


def test_second_load_reuses_the_cache_file_without_training(
    settings: NLUSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_understanding(settings)
    files = list(settings.cache_dir.glob("nlu-*.pkl"))
    assert len(files) == 1
    modified = files[0].stat().st_mtime_ns

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cached model should have been used")

    monkeypatch.setattr(loading, "train_bundle", no_training)
    started = time.perf_counter()
    understanding = build_understanding(settings)
    assert time.perf_counter() - started < 5
    assert understanding.parse_sync("де отримати песель").intent == "legal.pesel"
    assert [f.stat().st_mtime_ns for f in settings.cache_dir.glob("nlu-*.pkl")] == [modified]


def test_changed_data_changes_the_key(settings: NLUSettings) -> None:
    config = TrainingConfig()
    before = cache_key(settings.data_dir, (), config, "morfeusz2")
    with (settings.data_dir / "en" / "topics.yml").open("a", encoding="utf-8") as handle:
        handle.write("    - where is my pesel\n")
    assert cache_key(settings.data_dir, (), config, "morfeusz2") != before


def test_extra_examples_and_config_change_the_key(settings: NLUSettings) -> None:
    base = cache_key(settings.data_dir, (), TrainingConfig(), "morfeusz2")
    extra = (TrainingExample("hej hej", "greet", "pl"),)
    assert cache_key(settings.data_dir, extra, TrainingConfig(), "morfeusz2") != base
    assert cache_key(settings.data_dir, (), TrainingConfig(c=2.0), "morfeusz2") != base
    assert cache_key(settings.data_dir, (), TrainingConfig(), "simplemma") != base


def test_unreadable_cache_file_is_ignored(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    cache.path("broken").write_bytes(b"not a pickle")
    assert cache.load("broken") is None
    assert cache.load("absent") is None


def test_no_training_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(loading.NLUError, match="no usable training data"):
        build_understanding(NLUSettings(data_dir=tmp_path, cache_dir=tmp_path / "models"))
