"""The trained model on disk, keyed so that start-up never retrains needlessly and never loads a stale model.

The key hashes the training data (file bytes, the crisis phrasings, plus any extra examples), the code
that turns text into features and trains (the source of those modules), the training configuration, the
Polish lemmatizer and the scikit-learn version. Any change to one of them yields a new key, hence a
retrain; otherwise the pickle is loaded in milliseconds. Writes go to a temporary file and are renamed into
place, so a crash mid-write or two processes training at once never leave a half-written model behind.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from nlu import (
    crisis,
    crisis_model,
    features,
    language_model,
    linear_model,
    matcher,
    normalize,
    polish,
    preprocess,
    training,
    translit,
    vectorizer,
)
from nlu.lexicons import countries
from nlu.training import ModelBundle, TrainingConfig
from nlu.training_data import data_files, fingerprint
from nlu.types import TrainingExample

log = logging.getLogger(__name__)

_PREFIX = "nlu-"
_SUFFIX = ".pkl"
_KEEP = 2
# Modules whose behaviour is baked into a trained model (the country lists and the matcher make the
# "@abroad" feature; nlu.crisis splits sentences into the crisis model's words).
_MODEL_CODE = (
    countries,
    crisis,
    crisis_model,
    features,
    language_model,
    linear_model,
    matcher,
    normalize,
    polish,
    preprocess,
    training,
    translit,
    vectorizer,
)


def code_version() -> str:
    """A hash of the source of the modules that shape a trained model."""
    digest = hashlib.sha256()
    for module in _MODEL_CODE:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


def _sklearn_version() -> str:
    try:
        return metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:
        return "none"


def cache_key(
    data_dir: Path, extra: Sequence[TrainingExample], config: TrainingConfig, polish_lemmatizer: str
) -> str:
    """The cache key of a model trained on `data_dir` plus `extra` with `config`."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for path in crisis_model.example_files():
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    parts: Iterable[str] = (
        fingerprint(extra) if extra else "",
        code_version(),
        repr(config),
        polish_lemmatizer,
        _sklearn_version(),
    )
    for part in parts:
        digest.update(part.encode())
    return digest.hexdigest()[:24]


class ModelCache:
    """A folder of pickled ModelBundles named by key.

    Two are kept: the base model and one retrained with editors' extra examples, so that switching between
    them at start-up costs no training.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def path(self, key: str) -> Path:
        """Where the model of `key` lives."""
        return self._folder / f"{_PREFIX}{key}{_SUFFIX}"

    def load(self, key: str) -> ModelBundle | None:
        """The cached model of `key`, or None if absent or unreadable (then the caller retrains)."""
        path = self.path(key)
        try:
            with path.open("rb") as handle:
                bundle = pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            log.warning("ignoring unreadable model cache %s: %s", path, exc)
            return None
        return bundle if isinstance(bundle, ModelBundle) else None

    def save(self, key: str, bundle: ModelBundle) -> Path:
        """Store `bundle` atomically; older models beyond the newest two are removed."""
        self._folder.mkdir(parents=True, exist_ok=True)
        target = self.path(key)
        descriptor, temporary = tempfile.mkstemp(dir=self._folder, prefix=".tmp-", suffix=_SUFFIX)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(bundle, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        models = sorted(
            self._folder.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in models[_KEEP:]:
            old.unlink(missing_ok=True)
        return target
