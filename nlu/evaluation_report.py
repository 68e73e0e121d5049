"""The Markdown summary of an evaluation report (the JSON file has everything)."""

from __future__ import annotations

from typing import Any


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(r) + " |" for r in rows),
    ]


def _intents(section: dict[str, Any], title: str) -> list[str]:
    lines = [f"## {title}", ""]
    accuracy = section["topic_accuracy"]
    lines += _table(
        [
            "language",
            "in-scope messages",
            "topic accuracy",
            "clarified (right button)",
            "wrong confident",
            "rejected",
            "top-1",
        ],
        [
            [
                k,
                str(v["messages"]),
                _pct(v["accuracy"]),
                _pct(v["clarified"]),
                _pct(v["wrong_confident"]),
                _pct(v["rejected"]),
                _pct(v["top1"]),
            ]
            for k, v in accuracy.items()
        ],
    )
    oos = section["out_of_scope"]
    lines += [
        "",
        f"Out of scope: {oos['messages']} messages, recall {_pct(oos['recall'])} "
        "(strict, intent out_of_scope: "
        f"{_pct(oos['recall_strict'])}), precision {_pct(oos['precision'])}; in-scope messages rejected: "
        f"{_pct(oos['in_scope_rejected'])}.",
        "",
        "Decisions: " + ", ".join(f"{k} {_pct(v)}" for k, v in section["decisions"].items()) + ".",
        "",
        "Top confusions (label → predicted):",
        "",
        *(f"- {c['label']} → {c['predicted']}: {c['count']}" for c in section["confusions"][:10]),
        "",
        "Weakest intents (accuracy):",
        "",
    ]
    weakest = sorted(section["per_intent"].items(), key=lambda kv: kv[1]["accuracy"] or 0.0)[:10]
    lines += [f"- {intent}: {_pct(v['accuracy'])} of {v['messages']}" for intent, v in weakest]
    return [*lines, ""]


def _sweep(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["### Threshold sweep (same rankings, other thresholds)", ""]
    return (
        lines
        + _table(
            [
                "min_confidence",
                "min_gap",
                "accuracy",
                "worst language",
                "wrong confident",
                "OOS recall",
                "in-scope rejected",
            ],
            [
                [
                    str(r["min_confidence"]),
                    str(r["min_gap"]),
                    _pct(r["accuracy"]),
                    _pct(r["worst_language"]),
                    _pct(r["wrong_confident"]),
                    _pct(r["recall"]),
                    _pct(r["in_scope_rejected"]),
                ]
                for r in rows
            ],
        )
        + [""]
    )


def render_markdown(report: dict[str, Any]) -> str:
    """The human summary: targets first, then details."""
    training = report["training"]
    lines = [
        "# NLU evaluation",
        "",
        f"Training data: {training['examples']} examples, {training['intents']} intents "
        f"({', '.join(f'{k} {v}' for k, v in training['per_language'].items())}), "
        f"{training['features']} features. "
        f"Thresholds: min_confidence {report['settings']['min_confidence']}, "
        f"min_gap {report['settings']['min_gap']}. "
        "Held-out messages are parsed without a language hint.",
        "",
    ]
    if "holdout" in report:
        lines += _intents(report["holdout"], f"Held-out messages ({report['holdout']['messages']})")
        lines += _sweep(report["holdout"]["threshold_sweep"])
    if "holdout_unseen" in report:
        lines += [
            f"{report['holdout']['also_in_training']} held-out messages also occur in the training data "
            "(same skeleton); the same metrics without them:",
            "",
        ]
        lines += _intents(
            report["holdout_unseen"],
            f"Held-out messages not in the training data ({report['holdout_unseen']['messages']})",
        )
    if "crisis" in report:
        crisis = report["crisis"]
        lines += [
            "## Crisis detection",
            "",
            f"Recall {_pct(crisis['recall'])} (same kind {_pct(crisis['kind_accuracy'])}); "
            f"false alarms {crisis['false_alarms']} of {crisis['none_messages']} `none` messages.",
            "",
            "Certain signals only (the crisis flow: emergency numbers first and an advisor at once; the "
            "other signals get a safety note with 112 and an advisor button above the normal answer): recall "
            f"{_pct(crisis.get('flow_recall'))}, false alarms {crisis.get('false_flows')} of "
            f"{crisis['none_messages']}.",
            "",
        ]
        lines += [
            f"- {k}: {v['detected']}/{v['messages']} detected, {v['same_kind']} as {k}"
            for k, v in crisis["per_kind"].items()
        ]
        lines += [""]
        alarms = report.get("holdout", {}).get("crisis_alarms")
        if alarms:
            lines += [
                f"On the intent file: {alarms['in_scope_alarms']} of {alarms['in_scope_messages']} in-scope "
                f"messages outside the crisis topics raise a crisis signal "
                f"({alarms.get('in_scope_flows')} of them the crisis flow, the rest a safety note), "
                f"{alarms['out_of_scope_alarms']} out-of-scope messages, and "
                f"{alarms['crisis_topic_alarms']} of {alarms['crisis_topic_messages']} messages of the "
                "crisis topics (safety.domestic_violence, safety.trafficking). In-scope alarms by topic: "
                + ", ".join(f"{k} {v}" for k, v in alarms.get("in_scope_alarms_by_topic", {}).items())
                + ".",
                "",
            ]
    if "entities" in report:
        entities = report["entities"]
        lines += [
            "## Entities",
            "",
            f"{entities['messages']} messages. District accuracy "
            f"{_pct(entities['district']['accuracy'])} "
            f"(recall when named {_pct(entities['district']['recall_when_named'])}); "
            f"citizenship accuracy {_pct(entities['citizenship']['accuracy'])} (recall when named "
            f"{_pct(entities['citizenship']['recall_when_named'])}).",
            "",
        ]
    if "language_id" in report:
        lines += ["## Language id (all held-out files, no hint)", ""]
        lines += _table(
            ["bucket", "messages", "accuracy"],
            [
                [k, str(v["messages"]), _pct(v["accuracy"])]
                for k, v in report["language_id"].items()
                if k != "errors"
            ],
        )
        lines += [
            "",
            "Errors: "
            + (
                ", ".join(
                    f"{e['label']}→{e['predicted']} {e['count']}" for e in report["language_id"]["errors"]
                )
                or "none"
            ),
            "",
        ]
    if "language_id_hinted" in report:
        lines += ["With a hint (the language the user chose, or Telegram's language_code only):", ""]
        lines += _table(
            ["hint", "1-2 words", "3+ words"],
            [
                [name, _pct(v["1-2 words"]["accuracy"]), _pct(v["3+ words"]["accuracy"])]
                for name, v in report["language_id_hinted"].items()
                if "1-2 words" in v and "3+ words" in v
            ],
        )
        lines += [""]
    if "cross_validation" in report:
        lines += _intents(
            report["cross_validation"],
            f"Cross-validation on the training data ({report['cross_validation']['folds']} folds)",
        )
    lines += [f"Evaluation took {report['seconds']} s.", ""]
    return "\n".join(lines)
