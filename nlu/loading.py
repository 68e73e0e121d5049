"""Putting an Understanding together: pipelines, lingua, the cached (or freshly trained) model, lexicons."""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import time
from collections.abc import Sequence
from functools import partial
from typing import Any

from nlu.backends.builtin import BuiltinClassifier
from nlu.crisis import CrisisDetector
from nlu.crisis_model import read_examples
from nlu.entities import EntityExtractor
from nlu.gazetteer import load_gazetteer
from nlu.language import LanguageIdentifier, build_detector
from nlu.model_cache import ModelCache, cache_key
from nlu.preprocess import Preprocessor
from nlu.settings import NLUSettings
from nlu.training import ModelBundle, TrainingConfig, train_bundle
from nlu.training_data import read_directory
from nlu.types import TrainingExample
from nlu.understanding import Models, Understanding

log = logging.getLogger(__name__)


class NLUError(RuntimeError):
    """The NLU cannot start: e.g. there is no training data and no cached model."""


def load_bundle(
    settings: NLUSettings,
    preprocessor: Preprocessor,
    extra: Sequence[TrainingExample] = (),
    config: TrainingConfig | None = None,
) -> ModelBundle:
    """The cached model for the current data, code and versions, or a newly trained (and cached) one.

    Training needs the lemmatizers: a serving `preprocessor` without them is joined by one that has them
    for the time of the training only.
    """
    config = config or TrainingConfig()
    key = cache_key(settings.data_dir, extra, config, preprocessor.polish_lemmatizer)
    cache = ModelCache(settings.cache_dir)
    bundle = cache.load(key)
    if bundle is not None:
        log.info("NLU model %s loaded from %s", key, cache.path(key))
        return bundle
    examples = [*read_directory(settings.data_dir), *extra]
    if len({e.intent for e in examples}) < 2:
        raise NLUError(f"no usable training data under {settings.data_dir} (need at least two intents)")
    log.info("NLU model %s not cached: training on %d examples", key, len(examples))
    trainer = preprocessor if preprocessor.lemmatizes else Preprocessor(preprocessor.polish_lemmatizer)
    bundle = train_bundle(examples, trainer, config, read_examples())
    cache.save(key, bundle)
    return bundle


def load_models(
    settings: NLUSettings,
    preprocessor: Preprocessor,
    detector: Any,
    extra: Sequence[TrainingExample] = (),
    config: TrainingConfig | None = None,
) -> Models:
    """The trained parts of an Understanding (used at start-up and by `Understanding.reload`)."""
    bundle = load_bundle(settings, preprocessor, extra, config)
    preprocessor.use_table(bundle.lemmas)
    return Models(
        BuiltinClassifier(bundle, preprocessor),
        LanguageIdentifier(bundle.language_model, detector, preprocessor.known),
    )


def build_understanding(settings: NLUSettings, config: TrainingConfig | None = None) -> Understanding:
    """Load everything synchronously: for scripts, the evaluator and the benchmark."""
    started = time.perf_counter()
    preprocessor = Preprocessor(lemmatize=False)
    detector = build_detector()
    models = load_models(settings, preprocessor, detector, (), config)
    understanding = Understanding(
        settings,
        models,
        EntityExtractor(load_gazetteer(settings.directory_file)),
        CrisisDetector(),
        retrain=partial(load_models, settings, preprocessor, detector, config=config),
    )
    # The dictionaries, vocabularies and lexicons just loaded are a million long-lived objects; freezing
    # them keeps the cyclic garbage collector from rescanning them, which caused 10-30 ms pauses in parses.
    gc.freeze()
    _return_freed_memory()
    log.info("NLU ready in %.2f s (backend %s)", time.perf_counter() - started, settings.backend)
    return understanding


def _return_freed_memory() -> None:
    """Give the heap pages freed by loading (unpickling, building lexicons) back to the system.

    glibc keeps freed memory for reuse; after loading, about 5 MB of it is never needed again. Elsewhere
    (another C library, another system) this does nothing.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        return


async def load_understanding(settings: NLUSettings) -> Understanding:
    """Load (or train and cache) the NLU without blocking the event loop; fast when the model is cached."""
    return await asyncio.to_thread(build_understanding, settings)
