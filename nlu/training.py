"""Training the built-in classifier: features -> TF-IDF -> linear SVM -> temperature-calibrated softmax.

A linear SVM on character and lemma n-grams is the strongest simple model for a few thousand short,
noisy, multilingual messages (and fits in about a second). Its margins are not probabilities, so a softmax
temperature is fitted on out-of-fold margins: then "confidence 0.8" means right about 80% of the time, which
is what the two decision thresholds assume. scikit-learn is imported only here: serving needs numpy alone.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from nlu.crisis_model import (
    CRISIS_MIN_DF,
    CrisisExample,
    CrisisModel,
    blocks,
    message_keys,
    training_set,
)
from nlu.features import FeatureConfig, extract, focus_text
from nlu.language_model import CharLanguageModel, train_language_model
from nlu.linear_model import LinearModel, softmax
from nlu.preprocess import LemmaTable, Preprocessor
from nlu.types import OUT_OF_SCOPE, TrainingExample
from nlu.vectorizer import Blocks, Vectorizer, fit_vectorizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainingConfig:
    """Model hyper-parameters; part of the model cache key. Chosen by cross-validation (docs/NLU.md)."""

    features: FeatureConfig = field(default_factory=FeatureConfig)
    block_weights: tuple[float, float] = (1.0, 0.6)
    min_df: int = 1
    c: float = 1.0
    out_of_scope_weight: float = 1.0
    calibration_folds: int = 3
    seed: int = 7


@dataclass(frozen=True)
class ModelBundle:
    """Everything the built-in classifier and language id need at run time, pickled in the model cache."""

    config: TrainingConfig
    vectorizer: Vectorizer
    intents: LinearModel
    language_model: CharLanguageModel
    examples: int
    seconds: float
    # Every form of the training vocabulary's lemmas with its lemma (nlu.preprocess.expand_lemmas): the
    # serving process lemmatizes from it and loads no lemmatizer.
    lemmas: LemmaTable = field(default_factory=dict)
    # The crisis detector's statistical second opinion (None when trained without crisis phrasings).
    crisis: CrisisModel | None = None


def featurize(
    examples: Sequence[TrainingExample], preprocessor: Preprocessor, config: FeatureConfig
) -> tuple[list[Blocks], set[tuple[str, str]]]:
    """Feature blocks of each example, lemmatized with the pipeline of the example's language, and the
    (language, word) pairs of the training vocabulary."""
    rows: list[Blocks] = []
    vocabulary: set[tuple[str, str]] = set()
    for e in examples:
        analysis = preprocessor.analyse(focus_text(e.text, config), e.language)
        rows.append(extract(e.text, analysis, config))
        vocabulary.update((e.language, token) for token in analysis.tokens)
    return rows, vocabulary


def _fit_svm(
    matrix: Any, labels: npt.NDArray[np.int_], config: TrainingConfig, weights: dict[int, float]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """One-vs-rest linear SVM; returns one weight row per class present in `labels` (sorted)."""
    from sklearn.svm import LinearSVC

    present = set(np.unique(labels).tolist())
    class_weight = {label: weight for label, weight in weights.items() if label in present} or None
    model = LinearSVC(C=config.c, random_state=config.seed, max_iter=5000, class_weight=class_weight)
    model.fit(matrix, labels)
    coef, intercept = np.asarray(model.coef_), np.asarray(model.intercept_)
    if coef.shape[0] == 1:  # binary: a single row scores class 1 against class 0
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    return coef, intercept


def _out_of_fold_scores(
    matrix: Any, labels: npt.NDArray[np.int_], config: TrainingConfig, weights: dict[int, float]
) -> npt.NDArray[np.float64]:
    """Margins of each example from a model that did not see it (classes missing from a fold score low)."""
    from sklearn.model_selection import StratifiedKFold

    n_classes = int(labels.max()) + 1
    scores = np.full((len(labels), n_classes), -10.0)
    counts = np.bincount(labels, minlength=n_classes)
    folds = max(2, min(config.calibration_folds, int(counts.min())))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=config.seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class with fewer members than folds is fine here
        splits = list(splitter.split(np.zeros(len(labels)), labels))
    for train, test in splits:
        coef, intercept = _fit_svm(matrix[train], labels[train], config, weights)
        present = np.unique(labels[train])
        scores[np.ix_(test, present)] = matrix[test] @ coef.T + intercept
    return scores


def fit_temperature(scores: npt.NDArray[np.float64], labels: npt.NDArray[np.int_]) -> float:
    """The softmax temperature that minimises the log-loss of held-out scores."""
    from scipy.optimize import minimize_scalar

    def loss(log_t: float) -> float:
        probabilities = softmax(scores, float(np.exp(log_t)))
        return float(-np.mean(np.log(probabilities[np.arange(len(labels)), labels] + 1e-12)))

    result = minimize_scalar(loss, bounds=(np.log(0.01), np.log(10.0)), method="bounded")
    return float(np.exp(result.x))


def train_intent_model(
    rows: Sequence[Blocks], intents: Sequence[str], config: TrainingConfig
) -> tuple[Vectorizer, LinearModel]:
    """Fit the vectorizer, the SVM on all rows, and the temperature on out-of-fold scores."""
    classes = tuple(sorted(set(intents)))
    labels = np.asarray([classes.index(intent) for intent in intents])
    vectorizer = fit_vectorizer(rows, config.block_weights, config.min_df)
    matrix = vectorizer.matrix(rows)
    if len(classes) < 2:
        raise ValueError("training needs at least two intents")
    class_weights = (
        {classes.index(OUT_OF_SCOPE): config.out_of_scope_weight} if OUT_OF_SCOPE in classes else {}
    )
    temperature = fit_temperature(_out_of_fold_scores(matrix, labels, config, class_weights), labels)
    coef, intercept = _fit_svm(matrix, labels, config, class_weights)
    weights = np.ascontiguousarray(coef.T, dtype=np.float16)  # see LinearModel
    return vectorizer, LinearModel(classes, weights, intercept.astype(np.float32), temperature)


def train_crisis_model(
    examples: Sequence[TrainingExample], crisis_examples: Sequence[CrisisExample], config: TrainingConfig
) -> CrisisModel:
    """The crisis model: the crisis phrasings against every ordinary intent example (nlu.crisis_model)."""
    texts, labels = training_set([(e.text, e.intent) for e in examples], crisis_examples)
    rows = [blocks(message_keys(t)) for t in texts]
    vectorizer, model = train_intent_model(rows, labels, replace(config, min_df=CRISIS_MIN_DF))
    return CrisisModel(vectorizer, model)


def train_bundle(
    examples: Sequence[TrainingExample],
    preprocessor: Preprocessor,
    config: TrainingConfig | None = None,
    crisis_examples: Sequence[CrisisExample] = (),
) -> ModelBundle:
    """Train everything the built-in backend needs from labelled examples (and, given crisis phrasings,
    the crisis model)."""
    config = config or TrainingConfig()
    started = time.perf_counter()
    rows, vocabulary = featurize(examples, preprocessor, config.features)
    lemmas = preprocessor.expand_lemmas(vocabulary)
    vectorizer, intents = train_intent_model(rows, [e.intent for e in examples], config)
    language_model = train_language_model(examples)
    crisis = train_crisis_model(examples, crisis_examples, config) if crisis_examples else None
    seconds = time.perf_counter() - started
    per_intent = Counter(e.intent for e in examples)
    log.info(
        "trained on %d examples, %d intents (smallest %d), %d features, T=%.3f in %.1f s",
        len(examples),
        len(per_intent),
        min(per_intent.values()),
        vectorizer.size,
        intents.temperature,
        seconds,
    )
    return ModelBundle(config, vectorizer, intents, language_model, len(examples), seconds, lemmas, crisis)
