"""Evaluation metrics over parsed messages, as plain functions returning JSON-ready dicts.

Definitions (also in docs/NLU.md):

* in-scope message: labelled with anything but out_of_scope (guide topics and conversation intents).
* correct: the decision is "confident" and the intent is the label. This is what the user experiences as a
  right answer. Topic accuracy = correct / in-scope messages, per language.
* clarified: the decision is "ambiguous" and the label is among the offered candidates (the best three
  in-scope intents): the user gets a "Did you mean" button with the right topic. Reported separately, never
  counted as correct.
* wrong: confident with another intent (the costly case), or ambiguous without the right candidate.
* rejected: an in-scope message decided out_of_scope or "unsure" (the bot says it did not understand).
* out-of-scope recall: out_of_scope messages that are not answered with a topic, i.e. whose intent is
  out_of_scope or whose decision is "unsure"; precision: out_of_scope predictions that are right.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from nlu.decision import candidates
from nlu.language import content_words
from nlu.normalize import is_cyrillic, words
from nlu.types import OUT_OF_SCOPE, Parse


@dataclass(frozen=True)
class Judged:
    """A parse next to its labels."""

    intent: str
    language: str
    parse: Parse

    @property
    def in_scope(self) -> bool:
        """Whether the label is a guide topic or conversation intent."""
        return self.intent != OUT_OF_SCOPE

    @property
    def correct(self) -> bool:
        """Confident and right."""
        return self.parse.decision == "confident" and self.parse.intent == self.intent

    @property
    def clarified(self) -> bool:
        """Ambiguous, with the right intent among the offered buttons."""
        return self.parse.decision == "ambiguous" and self.intent in candidates(self.parse.ranking)

    @property
    def rejected(self) -> bool:
        """Not answered with any topic: decided out_of_scope, or unsure."""
        return self.parse.intent == OUT_OF_SCOPE or self.parse.decision == "unsure"


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def topic_accuracy(items: Sequence[Judged]) -> dict[str, Any]:
    """Correct, clarified, wrong and rejected shares of the in-scope messages, overall and per language."""

    def block(group: Sequence[Judged]) -> dict[str, Any]:
        scoped = [j for j in group if j.in_scope]
        correct = sum(j.correct for j in scoped)
        return {
            "messages": len(scoped),
            "accuracy": _share(correct, len(scoped)),
            "clarified": _share(sum(j.clarified for j in scoped), len(scoped)),
            "wrong_confident": _share(
                sum(j.parse.decision == "confident" and not j.correct and not j.rejected for j in scoped),
                len(scoped),
            ),
            "rejected": _share(sum(j.rejected for j in scoped), len(scoped)),
            "top1": _share(sum(j.parse.intent == j.intent for j in scoped), len(scoped)),
        }

    per_language = defaultdict(list)
    for judged in items:
        per_language[judged.language].append(judged)
    return {"all": block(items), **{lang: block(group) for lang, group in sorted(per_language.items())}}


def per_intent(items: Sequence[Judged]) -> dict[str, dict[str, Any]]:
    """Per label: message count, accuracy (correct share), recall of top-1 and precision of top-1."""
    predicted = Counter(j.parse.intent for j in items)
    result: dict[str, dict[str, Any]] = {}
    for intent in sorted({j.intent for j in items}):
        group = [j for j in items if j.intent == intent]
        hits = sum(j.parse.intent == intent for j in group)
        result[intent] = {
            "messages": len(group),
            "accuracy": _share(sum(j.correct for j in group), len(group)),
            "recall": _share(hits, len(group)),
            "precision": _share(hits, predicted[intent]),
        }
    return result


def confusions(items: Iterable[Judged], limit: int = 15) -> list[dict[str, Any]]:
    """The most frequent (label -> predicted top-1) mistakes."""
    pairs = Counter((j.intent, j.parse.intent) for j in items if j.parse.intent != j.intent)
    return [{"label": a, "predicted": b, "count": n} for (a, b), n in pairs.most_common(limit)]


def out_of_scope(items: Sequence[Judged]) -> dict[str, Any]:
    """Out-of-scope recall and precision, and the share of in-scope messages rejected."""
    oos = [j for j in items if not j.in_scope]
    predicted_oos = [j for j in items if j.parse.intent == OUT_OF_SCOPE]
    scoped = [j for j in items if j.in_scope]
    return {
        "messages": len(oos),
        "recall": _share(sum(j.rejected for j in oos), len(oos)),
        "recall_strict": _share(sum(j.parse.intent == OUT_OF_SCOPE for j in oos), len(oos)),
        "precision": _share(sum(not j.in_scope for j in predicted_oos), len(predicted_oos)),
        "in_scope_rejected": _share(sum(j.rejected for j in scoped), len(scoped)),
    }


def decisions(items: Sequence[Judged]) -> dict[str, Any]:
    """How often each decision was taken."""
    counts = Counter(j.parse.decision for j in items)
    return {
        decision: _share(counts[decision], len(items)) for decision in ("confident", "ambiguous", "unsure")
    }


def length_bucket(text: str) -> str:
    """ "1-2 words" or "3+ words", the two buckets of the language-id targets."""
    return "1-2 words" if len(words(text)) <= 2 else "3+ words"


def short_kind(text: str) -> str:
    """What a 1-2 word message is made of: only Polish office terms, numbers or emoji ("pesel?",
    "карта побиту"), which say nothing of the writer's language; or words of its own, in Cyrillic or Latin
    letters."""
    if not content_words(text):
        return "office terms only"
    letters = [c for c in text if c.isalpha()]
    return "Cyrillic" if sum(map(is_cyrillic, letters)) * 2 >= len(letters) else "Latin"


def language_id(pairs: Iterable[tuple[str, str, str]]) -> dict[str, Any]:
    """Language-id accuracy by length bucket (short messages also by what they are made of) and by
    language, from (text, label, predicted) triples."""
    buckets: dict[str, list[bool]] = defaultdict(list)
    errors: Counter[tuple[str, str]] = Counter()
    for text, label, predicted in pairs:
        bucket = length_bucket(text)
        buckets[bucket].append(label == predicted)
        if bucket == "1-2 words":
            buckets[f"1-2 words: {short_kind(text)}"].append(label == predicted)
        buckets[f"lang:{label}"].append(label == predicted)
        if label != predicted:
            errors[(label, predicted)] += 1
    report: dict[str, Any] = {
        k: {"messages": len(v), "accuracy": _share(sum(v), len(v))} for k, v in sorted(buckets.items())
    }
    report["errors"] = [{"label": a, "predicted": b, "count": n} for (a, b), n in errors.most_common(8)]
    return report
