"""The crisis detector's statistical second opinion: a linear model on crisis-key n-grams.

The phrase lists and rules of nlu.crisis are precise but only catch what someone thought of: every fresh
batch of phrasings written for them scored 60-82% before its misses were turned into entries. People in
danger keep finding new words ("купила пігулки, хочу випити всю пачку", "guards watch us so nobody runs
away"), so a classifier trained on the crisis phrasings and on thousands of ordinary questions reads
what the lists miss: four classes (none, violence, trafficking, self_harm) over character 2-5-grams and
word uni- and bigrams of crisis keys (skeletons, so scripts, transliteration and missing diacritics meet),
calibrated like the intent model. It is trained with the intent model and cached with it (ModelBundle).

Each sentence is scored on its own (and long sentences in overlapping windows), because a crisis is often
one clause of a question about something else; the message raises the signal when any part's crisis
probability (1 - P(none)) reaches the threshold. The threshold is low on purpose (recall first): at 0.5,
out of fold, about 1.5% of ordinary questions raise a signal, and the fresh development batch
(tests/nlu/fixtures/crisis_dev.yml) lost no recall against 0.3 (docs/NLU.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import yaml

from nlu.crisis import CRISIS_TOPICS, CueReader, sentences
from nlu.linear_model import LinearModel
from nlu.vectorizer import Blocks, Vectorizer

NONE = "none"
CRISIS_KINDS: tuple[str, ...] = ("self_harm", "trafficking", "violence")
# The crisis phrasings the model learns from (ours, never the held-out files); see nlu/crisis_data/README.md.
# phrases.yml is also what the lexicons must catch; model_phrases.yml teaches the model only.
CRISIS_DATA = Path(__file__).parent / "crisis_data"
EXAMPLES_FILE = CRISIS_DATA / "phrases.yml"

# Crisis probability at which a message raises the signal (NLUSettings.crisis_threshold): see above.
THRESHOLD = 0.5
# Features seen in a single training message are dropped: half the vocabulary (and memory), same recall.
CRISIS_MIN_DF = 2
# Sentences longer than this are read in windows of this many words, half overlapping.
_WINDOW = 12
# A single word is too little for a statistical reading ("goodbye", "y", "ыыыыы" scored as self-harm out of
# fold): one-word crises are the lexicons' ("kms", "suicide"). Out of fold this cut the alarms on ordinary
# questions from 1.46% to 1.37% for 0.4 points of the model's recall; the fresh batch did not change.
_MIN_WORDS = 2
_CHAR_MIN, _CHAR_MAX = 2, 5
# Laughter in a sentence ("lol", "хаха", "xD", a laughing emoji, which nlu.crisis reads as "haha") marks a
# joke: "my husband will kill me if he sees the bill lol". The phrase lists already drop a threat next to
# laughter; the model may still raise a possible signal there (a safety note), never more than this. A
# sentence is one reading unit, so the cap holds for every window of it, with the laughter or without.
_LAUGHING_CAP = THRESHOLD
# A message read in several windows, whose strongest window reads as a crisis while the whole message reads
# as clearly ordinary (crisis probability below this), gets a possible signal (a safety note), not more. On
# our development batches the crises the model alone found in long messages read as crises as a whole too
# (0.64 or more, with one exception at 0.09), while long ordinary stories ("we came a week ago with my
# husband and two kids, we stay with friends for now...") had a window at 0.8-0.9 and a whole below 0.1.
_ORDINARY_WHOLE = 0.2
# A possible trafficking reading (threshold to certain) is confirmed by a weak trafficking cue in the message
# (coercion, a debt, withheld papers or pay, "not allowed"...: nlu.lexicons.crisis.CUES) and then counts as
# this probability, which starts the crisis flow at the default `crisis_certain`. Two weak signals agree,
# as for the intent net (nlu.crisis.from_intent). Measured on our development batches: 3 more trafficking
# messages start the flow, 1 near miss more; violence cues ("afraid", "police", "drunk") are too common in
# ordinary messages to do the same.
_CUE_CONFIRMED = 0.9
_LAUGHTER = re.compile(r"(lol|lmao|rofl|hd|jk|a?(ha){2,}h?|(he){2,}h?|(hi){3,})")


@dataclass(frozen=True)
class CrisisExample:
    """One labelled message for the crisis model: `kind` is a crisis kind or "none"."""

    text: str
    kind: str
    language: str


def example_files(folder: Path | None = None) -> list[Path]:
    """The crisis phrasing files (of `folder`, by default CRISIS_DATA), in a stable order (the model cache
    key hashes them)."""
    return sorted((folder or CRISIS_DATA).glob("*.yml"))


def read_examples(folder: Path | None = None) -> list[CrisisExample]:
    """The labelled crisis phrasings and near misses of every file in `folder` (YAML lists of
    language/crisis/text)."""
    examples: list[CrisisExample] = []
    for path in example_files(folder):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        examples.extend(CrisisExample(str(i["text"]), str(i["crisis"]), str(i["language"])) for i in items)
    return examples


@lru_cache(maxsize=2_048)  # the common words; a larger cache costs more memory than it saves time
def _char_grams(key: str) -> tuple[str, ...]:
    padded = f" {key} "
    return tuple(
        padded[i : i + n] for n in range(_CHAR_MIN, _CHAR_MAX + 1) for i in range(len(padded) - n + 1)
    )


def blocks(keys: Sequence[str]) -> Blocks:
    """Character n-grams (word-bounded) and word uni-/bigrams of a list of crisis keys."""
    chars: Counter[str] = Counter()
    for key in keys:
        chars.update(_char_grams(key))
    words: Counter[str] = Counter(keys)
    words.update(f"{a} {b}" for a, b in pairwise(keys))
    return chars, words


def laughing(keys: Sequence[str]) -> bool:
    """Whether a sentence's crisis keys hold laughter ("lol", "хаха", "xd", a laughing emoji)."""
    return any(_LAUGHTER.fullmatch(key) for key in keys)


def _parts(text: str) -> Iterator[tuple[list[str], bool]]:
    """The windows of `windows` with whether their sentence laughs."""
    for keys in sentences(text):
        if len(keys) < _MIN_WORDS:
            continue
        joke = laughing(keys)
        if len(keys) <= _WINDOW:
            yield keys, joke
            continue
        for start in range(0, len(keys) - _WINDOW // 2, _WINDOW // 2):
            yield keys[start : start + _WINDOW], joke


def windows(text: str) -> Iterator[list[str]]:
    """The parts of a message the model scores: each sentence of two words or more, long ones in
    half-overlapping windows."""
    for keys, _ in _parts(text):
        yield keys


def message_keys(text: str) -> list[str]:
    """The crisis keys of a whole message (all sentences), as the model is trained."""
    return [key for keys in sentences(text) for key in keys]


@dataclass(frozen=True)
class CrisisModel:
    """The trained model: `kind(text)` is the most probable crisis kind if any part of the message reaches
    the threshold, else None."""

    vectorizer: Vectorizer
    model: LinearModel

    def probabilities(self, keys: Sequence[str]) -> dict[str, float]:
        """Calibrated class probabilities of one list of crisis keys."""
        values = self.model.probabilities(self.vectorizer.row(blocks(keys)))
        return {label: float(p) for label, p in zip(self.model.classes, values, strict=True)}

    def score(self, text: str) -> tuple[float, str | None]:
        """The highest crisis probability over the parts of `text` and the crisis kind it points to: capped
        for a joke or a long ordinary message, raised for a trafficking reading confirmed by a cue."""
        best, kind, parts, joke = 0.0, None, 0, False
        none = self.model.classes.index(NONE)
        for keys, laughs in _parts(text):
            parts += 1
            values = self.model.probabilities(self.vectorizer.row(blocks(keys)))
            crisis = 1.0 - float(values[none])
            if laughs:
                crisis = min(crisis, _LAUGHING_CAP)
            if crisis > best:
                values[none] = -1.0
                best, kind, joke = crisis, self.model.classes[int(np.argmax(values))], laughs
        if parts > 1 and best > _LAUGHING_CAP and self._crisis(message_keys(text)) < _ORDINARY_WHOLE:
            return _LAUGHING_CAP, kind
        if kind == "trafficking" and not joke and THRESHOLD <= best < _CUE_CONFIRMED and _confirmed(text):
            return _CUE_CONFIRMED, kind
        return best, kind

    def _crisis(self, keys: Sequence[str]) -> float:
        """The crisis probability (1 - P(none)) of one list of crisis keys."""
        values = self.model.probabilities(self.vectorizer.row(blocks(keys)))
        return 1.0 - float(values[self.model.classes.index(NONE)])

    def kind(self, text: str, threshold: float = THRESHOLD) -> str | None:
        """The crisis kind the model sees in `text`, or None below `threshold`."""
        probability, kind = self.score(text)
        return kind if probability >= threshold else None


@lru_cache(maxsize=1)
def _cue_reader() -> CueReader:
    return CueReader()


def _confirmed(text: str) -> bool:
    """Whether the message holds a weak trafficking cue."""
    return "trafficking" in _cue_reader().kinds(text)


def training_set(
    intent_examples: Sequence[tuple[str, str]], crisis_examples: Sequence[CrisisExample]
) -> tuple[list[str], list[str]]:
    """Texts and labels: the crisis phrasings and near misses, plus every intent example as "none" except
    those of the crisis topics (which mix crises with questions about the procedures)."""
    texts = [e.text for e in crisis_examples]
    labels = [e.kind for e in crisis_examples]
    for text, intent in intent_examples:
        if intent not in CRISIS_TOPICS:
            texts.append(text)
            labels.append(NONE)
    return texts, labels
