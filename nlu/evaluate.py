"""`firststeps nlu evaluate`: how well the NLU does on held-out messages and in cross-validation.

Writes nlu_evaluation.json (everything) and nlu_evaluation.md (the summary) to --out. Held-out messages are
parsed without a language hint, so language id is measured as it is when a new user writes first. The
metric definitions are in nlu.metrics. Reports hold aggregate figures only, never a held-out message's text:
whoever reads them to improve the NLU must not be tuning it on the held-out files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from nlu.crisis import CRISIS_TOPICS
from nlu.decision import decide
from nlu.entities import EntityExtractor
from nlu.evaluation_report import render_markdown
from nlu.gazetteer import load_gazetteer
from nlu.loading import build_understanding
from nlu.metrics import Judged, confusions, decisions, language_id, out_of_scope, per_intent, topic_accuracy
from nlu.normalize import skeleton
from nlu.preprocess import Preprocessor
from nlu.settings import NLUSettings
from nlu.training import train_bundle
from nlu.training_data import read_directory, read_file
from nlu.types import OUT_OF_SCOPE, LanguageHint, TrainingExample
from nlu.understanding import Understanding

log = logging.getLogger(__name__)

_SWEEP_CONFIDENCE = (0.2, 0.3, 0.35, 0.4, 0.5, 0.6)
_SWEEP_GAP = (0.0, 0.05, 0.1, 0.15, 0.2)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="firststeps nlu evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--holdout", type=Path, default=Path("tests/data/nlu_holdout.yml"))
    parser.add_argument("--crisis", type=Path, default=Path("tests/data/crisis_holdout.yml"))
    parser.add_argument("--entities", type=Path, default=Path("tests/data/entities_holdout.yml"))
    parser.add_argument(
        "--folds", type=int, default=5, help="stratified k-fold on the training data; 0 skips"
    )
    parser.add_argument("--out", type=Path, default=Path("benchmarks/reports"))
    parser.add_argument("--data-dir", type=Path, default=None, help="training data (default: the settings')")
    return parser.parse_args(list(argv))


def judge(understanding: Understanding, examples: Sequence[TrainingExample]) -> list[Judged]:
    """Parse every example without a hint and keep it with its labels."""
    return [Judged(e.intent, e.language, understanding.parse_sync(e.text)) for e in examples]


def intent_report(items: Sequence[Judged]) -> dict[str, Any]:
    """All intent metrics of one set of judged messages."""
    return {
        "topic_accuracy": topic_accuracy(items),
        "out_of_scope": out_of_scope(items),
        "decisions": decisions(items),
        "per_intent": per_intent(items),
        "confusions": confusions(items),
    }


def threshold_sweep(items: Sequence[Judged], settings: NLUSettings) -> list[dict[str, Any]]:
    """Topic accuracy, rejections and out-of-scope recall for a grid of thresholds (same rankings)."""
    rows = []
    for confidence in _SWEEP_CONFIDENCE:
        for gap in _SWEEP_GAP:
            tuned = settings.model_copy(update={"min_confidence": confidence, "min_gap": gap})
            rejudged = [
                Judged(
                    j.intent,
                    j.language,
                    dataclasses.replace(j.parse, decision=decide(j.parse.ranking, tuned)),
                )
                for j in items
            ]
            accuracy = topic_accuracy(rejudged)
            worst = min((v["accuracy"] or 0.0) for k, v in accuracy.items() if k != "all")
            rows.append(
                {
                    "min_confidence": confidence,
                    "min_gap": gap,
                    "accuracy": accuracy["all"]["accuracy"],
                    "worst_language": worst,
                    "wrong_confident": accuracy["all"]["wrong_confident"],
                    **{
                        k: v
                        for k, v in out_of_scope(rejudged).items()
                        if k in ("recall", "in_scope_rejected")
                    },
                }
            )
    return rows


def cross_validate(
    understanding: Understanding, examples: Sequence[TrainingExample], folds: int
) -> dict[str, Any]:
    """Stratified k-fold on the training data: train on k-1 folds, judge the held-out fold."""
    from sklearn.model_selection import StratifiedKFold

    from nlu.backends.builtin import BuiltinClassifier
    from nlu.language import LanguageIdentifier
    from nlu.understanding import Models

    current = understanding.models
    detector = current.language.detector
    preprocessor = Preprocessor(current.classifier.preprocessor.polish_lemmatizer)  # training lemmatizes
    labels = [f"{e.intent}/{e.language}" for e in examples]
    judged: list[Judged] = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=11)
    try:
        for train, test in splitter.split(np.zeros(len(examples)), labels):
            bundle = train_bundle(
                [examples[i] for i in train], preprocessor, current.classifier.bundle.config
            )
            understanding.swap(
                Models(
                    BuiltinClassifier(bundle, preprocessor),
                    LanguageIdentifier(bundle.language_model, detector, preprocessor.known),
                )
            )
            judged.extend(judge(understanding, [examples[i] for i in test]))
    finally:
        understanding.swap(current)
    report = intent_report(judged)
    report["language_id"] = language_id((j.parse.text, j.language, j.parse.language) for j in judged)
    return report


def hinted_language_id(
    understanding: Understanding, languages: Sequence[tuple[str, str, str]]
) -> dict[str, Any]:
    """Language id as the bot meets it: with the language the user chose in the bot (taken to be the one the
    message is written in, the common case), and with only Telegram's language_code set to it."""
    identify = understanding.models.language.identify
    hints: dict[str, Callable[[str], LanguageHint]] = {
        "chosen language": lambda label: LanguageHint(chosen=label),
        "Telegram language_code only": lambda label: LanguageHint(client=label),
    }
    return {
        name: language_id((text, label, identify(text, hint(label)).language) for text, label, _ in languages)
        for name, hint in hints.items()
    }


def crisis_alarms(items: Sequence[Judged]) -> dict[str, Any]:
    """How many messages of the intent file raise a crisis signal: in-scope messages outside the crisis
    topics (each one an advisor's time spent for nothing), and messages of the crisis topics."""
    ordinary = [j for j in items if j.intent != OUT_OF_SCOPE and j.intent not in CRISIS_TOPICS]
    crisis_topics = [j for j in items if j.intent in CRISIS_TOPICS]
    by_topic = Counter(j.intent for j in ordinary if j.parse.crisis is not None)
    return {
        "in_scope_messages": len(ordinary),
        "in_scope_alarms": sum(j.parse.crisis is not None for j in ordinary),
        # Of those, the ones that start the crisis flow (and open a case); the rest get a safety note.
        "in_scope_flows": sum(j.parse.crisis is not None and j.parse.crisis_certain for j in ordinary),
        # health.mental holds questions such as "where to get help with suicidal thoughts": a signal there
        # is no false alarm, so the topics are shown.
        "in_scope_alarms_by_topic": dict(by_topic.most_common()),
        "out_of_scope_alarms": sum(j.parse.crisis is not None for j in items if j.intent == OUT_OF_SCOPE),
        "crisis_topic_messages": len(crisis_topics),
        "crisis_topic_alarms": sum(j.parse.crisis is not None for j in crisis_topics),
    }


def _load_list(path: Path) -> list[dict[str, Any]]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(document, dict):  # tolerate a top-level key holding the list
        document = next((v for v in document.values() if isinstance(v, list)), [])
    return [item for item in document or [] if isinstance(item, dict) and item.get("text")]


def crisis_report(path: Path, understanding: Understanding) -> dict[str, Any]:
    """Recall of each crisis kind and false alarms on the `none` items, as Parse.crisis reports them;
    `flow_*` count only certain signals (the crisis flow with an advisor; the rest get a safety note)."""
    items = _load_list(path)
    parses = [understanding.parse_sync(str(i["text"])) for i in items]
    results = [(str(i.get("crisis") or "none"), p.crisis, i) for i, p in zip(items, parses, strict=True)]
    flows = [p.crisis is not None and p.crisis_certain for i, p in zip(items, parses, strict=True)]
    crisis_flows = [f for (truth, _, _), f in zip(results, flows, strict=True) if truth != "none"]
    none_flows = [f for (truth, _, _), f in zip(results, flows, strict=True) if truth == "none"]
    crises = [r for r in results if r[0] != "none"]
    nones = [r for r in results if r[0] == "none"]
    per_kind = {}
    for kind in sorted({r[0] for r in crises}):
        group = [r for r in crises if r[0] == kind]
        per_kind[kind] = {
            "messages": len(group),
            "detected": sum(r[1] is not None for r in group),
            "same_kind": sum(r[1] == kind for r in group),
        }
    return {
        "messages": len(items),
        "recall": round(sum(r[1] is not None for r in crises) / len(crises), 4) if crises else None,
        "kind_accuracy": round(sum(r[1] == r[0] for r in crises) / len(crises), 4) if crises else None,
        "flow_recall": round(sum(crisis_flows) / len(crisis_flows), 4) if crisis_flows else None,
        "none_messages": len(nones),
        "false_alarms": sum(r[1] is not None for r in nones),
        "false_flows": sum(none_flows),
        "per_kind": per_kind,
        "_languages": [(str(r[2]["text"]), str(r[2].get("language"))) for r in results],
    }


def entity_report(path: Path, settings: NLUSettings) -> dict[str, Any]:
    """District and citizenship accuracy (a null label must be predicted as null)."""
    extractor = EntityExtractor(load_gazetteer(settings.directory_file))
    items = _load_list(path)
    report: dict[str, Any] = {"messages": len(items)}
    predictions = [(item, extractor.extract(skeleton(str(item["text"])).split())) for item in items]
    for field in ("district", "citizenship"):
        hits = [(item.get(field) or None) == getattr(entities, field) for item, entities in predictions]
        named = [h for (item, _), h in zip(predictions, hits, strict=True) if item.get(field)]
        report[field] = {
            "accuracy": round(sum(hits) / len(hits), 4) if hits else None,
            "recall_when_named": round(sum(named) / len(named), 4) if named else None,
        }
    report["_languages"] = [(str(item["text"]), str(item.get("language"))) for item, _ in predictions]
    return report


def evaluate(args: argparse.Namespace, settings: NLUSettings | None = None) -> dict[str, Any]:
    """Run every evaluation whose input exists; returns the JSON report.

    `settings` are the service's (thresholds, crisis threshold), so the report measures what users get.
    """
    settings = settings or NLUSettings()
    if args.data_dir:
        settings = settings.model_copy(update={"data_dir": args.data_dir})
    started = time.perf_counter()
    understanding = build_understanding(settings)
    examples = read_directory(settings.data_dir)
    report: dict[str, Any] = {
        "settings": {
            "min_confidence": settings.min_confidence,
            "min_gap": settings.min_gap,
            "crisis_threshold": settings.crisis_threshold,
        },
        "training": {
            "examples": len(examples),
            "intents": len({e.intent for e in examples}),
            "per_language": {
                lang: sum(e.language == lang for e in examples) for lang in ("uk", "ru", "en", "pl")
            },
            "features": understanding.bundle.vectorizer.size,
        },
    }
    languages: list[tuple[str, str, str]] = []
    if args.holdout.exists():
        holdout = read_file(args.holdout)
        judged = judge(understanding, holdout)
        seen = {skeleton(e.text) for e in examples}
        unseen = [j for j in judged if skeleton(j.parse.text) not in seen]
        report["holdout"] = {"messages": len(holdout), **intent_report(judged)}
        # Held-out messages that also occur in the training data (same skeleton) flatter the numbers;
        # the same metrics on the rest show generalisation.
        report["holdout"]["also_in_training"] = len(judged) - len(unseen)
        report["holdout_unseen"] = {"messages": len(unseen), **intent_report(unseen)}
        report["holdout"]["threshold_sweep"] = threshold_sweep(judged, settings)
        report["holdout"]["crisis_alarms"] = crisis_alarms(judged)
        languages.extend((j.parse.text, j.language, j.parse.language) for j in judged)
    if args.crisis.exists():
        report["crisis"] = crisis_report(args.crisis, understanding)
    if args.entities.exists():
        report["entities"] = entity_report(args.entities, settings)
    for name in ("crisis", "entities"):
        for text, language in report.get(name, {}).pop("_languages", []):
            languages.append((text, language, understanding.parse_sync(text).language))
    if languages:
        report["language_id"] = language_id(languages)
        report["language_id_hinted"] = hinted_language_id(understanding, languages)
    if args.folds > 1:
        report["cross_validation"] = {
            "folds": args.folds,
            **cross_validate(understanding, examples, args.folds),
        }
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def main(argv: list[str], settings: NLUSettings | None = None) -> int:
    """Evaluate and write the reports; returns 0 (the numbers are the result, not a pass/fail)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = _arguments(argv)
    report = evaluate(args, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "nlu_evaluation.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (args.out / "nlu_evaluation.md").write_text(render_markdown(report), encoding="utf-8")
    print(f"wrote {args.out / 'nlu_evaluation.md'} and nlu_evaluation.json")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
