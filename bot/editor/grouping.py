"""Grouping unanswered questions so that one task stands for every way (and language) it was asked.

Three language-independent signals, each between 0 and 1:

- **intents** (weight 0.45): how much the classifier's rankings agree: the sum over guide topics of the
  smaller of the two probabilities (histogram intersection). "де отримати песель" and "gdzie dostać pesel"
  both put almost all probability on legal.pesel, so they agree ≈ 1 even though they share no word.
  Out-of-scope and conversation intents are left out: "not about the guide" says nothing about the topic.
- **words** (0.25): the Dice overlap of character trigrams of the words' skeletons (`nlu.normalize.skeleton`:
  Cyrillic transliterated, Polish letters folded), so "песель"/"pesel" or "карта побиту"/"karta pobytu"
  match across scripts.
- **documents** (0.3, only when either question names one): the overlap of the documents the NLU found
  (pesel, karta_pobytu, passport…), which are ids, the same in every language.

The similarity is their weighted mean, or, for near-duplicates, the word overlap alone rescaled so that
only a large overlap counts ((words - 0.4) / 0.6: "як отримати песель" and "як отримати карту побиту" share
half their trigrams and stay apart, a question repeated with one word more does not). Questions are taken
newest first; each joins the group with the most similar member among its first few (at least
`THRESHOLD`), or starts a new group. Groups are listed by size.

Only groups that share something with the question are compared: a topic the classifier gives at least
2%, a document, or a word of four letters or more. Below that the weighted mean cannot reach the threshold
(and near-duplicates share a word), so the result is the same and 1,000 questions group in a fraction of
the time an all-pairs comparison takes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from nlu.normalize import skeleton

THRESHOLD = 0.45
WEIGHTS = {"intents": 0.45, "words": 0.25, "documents": 0.3}
#: Word overlap below this says nothing on its own (shared question words like "how to get").
WORDS_ALONE = 0.4
#: A topic is suggested for a group only when the classifier gives it at least this much on average (the
#: understanding's own minimum confidence); a weaker leaning would only mislead the editor.
SUGGEST = 0.35
#: How many members of a group a question is compared with (bounds the work on big groups).
COMPARED = 5
#: A topic below this probability is not a reason to compare two questions (see the module docstring).
KEY_FLOOR = 0.02
NOT_TOPICS = frozenset(
    {
        "out_of_scope",
        "greet",
        "goodbye",
        "thanks",
        "bot_challenge",
        "human_handoff",
        "change_language",
        "affirm",
        "deny",
    }
)


@dataclass(frozen=True)
class Question:
    """One unanswered question as the grouping sees it (the text is already masked)."""

    id: int
    text: str
    language: str | None
    asked_at: datetime
    reason: str
    ranking: tuple[tuple[str, float], ...] = ()
    documents: tuple[str, ...] = ()
    answered: str | None = None

    @cached_property
    def topics(self) -> dict[str, float]:
        return {intent: score for intent, score in self.ranking if intent not in NOT_TOPICS}

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(word for word in skeleton(self.text).split() if len(word) >= 3)

    @cached_property
    def grams(self) -> frozenset[str]:
        return frozenset(f"#{word}#"[i : i + 3] for word in self.words for i in range(len(word)))

    @cached_property
    def keys(self) -> frozenset[str]:
        """What a similar question must share with this one for the two to be compared at all."""
        topics = {f"t:{intent}" for intent, score in self.topics.items() if score >= KEY_FLOOR}
        return frozenset(
            topics
            | {f"d:{document}" for document in self.documents}
            | {f"w:{w}" for w in self.words if len(w) >= 4}
        )


def _intents(a: Question, b: Question) -> float:
    return sum(min(score, b.topics.get(intent, 0.0)) for intent, score in a.topics.items())


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _documents(a: Question, b: Question) -> float | None:
    if not a.documents and not b.documents:
        return None
    both, either = set(a.documents) & set(b.documents), set(a.documents) | set(b.documents)
    return len(both) / len(either)


def similarity(a: Question, b: Question) -> float:
    """How likely two questions ask the same thing, from 0 to 1 (see the module docstring)."""
    if a.grams and a.grams == b.grams:
        return 1.0
    scores = {"intents": _intents(a, b), "words": _dice(a.grams, b.grams)}
    documents = _documents(a, b)
    if documents is not None:
        scores["documents"] = documents
    weight = sum(WEIGHTS[name] for name in scores)
    mean = sum(WEIGHTS[name] * score for name, score in scores.items()) / weight
    return max(mean, (scores["words"] - WORDS_ALONE) / (1 - WORDS_ALONE))


@dataclass
class Group:
    """Questions that ask the same thing, with what the editor needs to decide about them."""

    questions: list[Question] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id for forms: the first (newest) question's id."""
        return str(self.questions[0].id)

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def languages(self) -> list[tuple[str, int]]:
        return Counter(q.language or "?" for q in self.questions).most_common()

    @property
    def reasons(self) -> list[tuple[str, int]]:
        return Counter(q.reason for q in self.questions).most_common()

    @property
    def latest(self) -> datetime:
        return max(q.asked_at for q in self.questions)

    @property
    def suggestion(self) -> str | None:
        """The topic the classifier leans to over the whole group, if it leans clearly enough."""
        totals: Counter[str] = Counter()
        for question in self.questions:
            totals.update(question.topics)
        best = totals.most_common(1)
        return best[0][0] if best and best[0][1] >= SUGGEST * len(self.questions) else None


def _best_group(question: Question, groups: Sequence[Group], threshold: float) -> Group | None:
    best, best_score = None, threshold
    for group in groups:
        score = max(similarity(question, member) for member in group.questions[:COMPARED])
        if score >= best_score:
            best, best_score = group, score
    return best


def group(questions: Iterable[Question], threshold: float = THRESHOLD) -> list[Group]:
    """Similar questions together; the biggest groups first, then the most recent."""
    groups: list[Group] = []
    index: dict[str, list[Group]] = {}
    for question in sorted(questions, key=lambda q: q.asked_at, reverse=True):
        candidates = {id(g): g for key in question.keys for g in index.get(key, ())}
        found = _best_group(question, list(candidates.values()), threshold)
        if found is None:
            found = Group([question])
            groups.append(found)
        else:
            found.questions.append(question)
        if len(found.questions) <= COMPARED:
            for key in question.keys:
                index.setdefault(key, []).append(found)
    return sorted(groups, key=lambda g: (-g.count, -g.latest.timestamp()))
