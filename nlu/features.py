"""Feature strings of one message for the linear intent classifier.

Two blocks, each normalised on its own so that neither drowns the other:

* characters: n-grams (2-5) of the message skeleton (nlu.normalize), word-bounded. They survive typos,
  missing diacritics and the script change between "карта побиту" and "karta pobytu".
* words: lemma unigrams and bigrams, also as skeletons, so that "дитини"/"дитина"/"dytyna" and
  "kartę"/"karta" meet. Lemmas generalise over inflection where character n-grams only approximate it.
  One more word, "@abroad", stands for "another country is named and nothing places the message in Poland"
  (nlu.lexicons.countries): residence, work or schools in Germany or Canada are out of scope, and the
  model learns that once for every country instead of once per country name.

A long message often tells a story first ("я з Харкова, живу в Гдині пів року...") and asks last; the story's
words (Kharkiv, half a year, work) pull towards other topics. When a message has several sentences, the
sentence that asks (`question_sentence`) is counted twice (`focus_text`), at training and at serving time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from nlu.lexicons.countries import ABROAD, POLAND
from nlu.matcher import PhraseMatcher, build_matcher
from nlu.normalize import skeleton, skeleton_word
from nlu.preprocess import Analysis

CHAR_BLOCK = 0
WORD_BLOCK = 1


@dataclass(frozen=True)
class FeatureConfig:
    """What the extractor emits; part of the model cache key, so changing it retrains."""

    char_min: int = 2
    char_max: int = 5
    word_bigrams: bool = True
    abroad: bool = True
    question_focus: bool = True
    # "words": the question counts twice in the lemma block only; "all": in both blocks.
    focus_blocks: str = "all"


ABROAD_FEATURE = "@abroad"

_SENTENCES = re.compile(r"[^.!?\n;…]+[.!?\n;…]*")
# Words that open or mark a question, in the four languages (skeletons compared, so spelling varies).
_QUESTION_WORDS = frozenset(
    skeleton_word(word)
    for word in (
        "як", "де", "чи", "куди", "скільки", "коли", "що", "чому", "навіщо", "який", "яка", "які", "хто",
        "можна", "треба", "потрібно", "как", "где", "ли", "куда", "сколько", "когда", "что", "почему",
        "зачем", "какой", "какая", "какие", "кто", "можно", "нужно", "надо", "how", "where", "can", "what",
        "when", "why", "which", "who", "do", "does", "is", "are", "should", "could", "may", "jak", "gdzie",
        "czy", "ile", "kiedy", "co", "dlaczego", "jaki", "jaka", "jakie", "kto", "można", "trzeba",
        "muszę", "підкажіть", "подскажите", "podpowiedzcie", "help", "допоможіть", "помогите", "pomóżcie",
    )
)  # fmt: skip
_MIN_SENTENCES = 2
# Only a story is worth refocusing ("Hi. Where is the office?" is not), and only on a question that says
# something ("What now?" says nothing without the story).
_MIN_STORY_WORDS = 20
_MIN_QUESTION_WORDS = 4


def question_sentence(text: str) -> str | None:
    """The sentence of a story (several sentences, `_MIN_STORY_WORDS` words or more) that asks: the last one
    with a question mark, else the last one with a question word; None when there is no such sentence or it
    is too short to say anything on its own."""
    sentences = [m.group(0).strip() for m in _SENTENCES.finditer(text) if m.group(0).strip(" .!?;…\n")]
    if len(sentences) < _MIN_SENTENCES or len(skeleton(text).split()) < _MIN_STORY_WORDS:
        return None
    asked = [s for s in sentences if "?" in s]
    worded = [s for s in sentences if _QUESTION_WORDS.intersection(skeleton(s).split())]
    question = asked[-1] if asked else worded[-1] if worded else None
    return question if question and len(skeleton(question).split()) >= _MIN_QUESTION_WORDS else None


def focus_text(text: str, config: FeatureConfig) -> str:
    """The text the classifier reads: the message, plus once more the sentence that asks, if any."""
    if not config.question_focus:
        return text
    question = question_sentence(text)
    return f"{text}\n{question}" if question else text


@cache
def _places() -> tuple[PhraseMatcher, PhraseMatcher]:
    return build_matcher(ABROAD), build_matcher(POLAND)


def abroad(text: str) -> bool:
    """Whether `text` names another country (not one people come from) and nothing places it in Poland."""
    tokens = skeleton(text).split()
    foreign, poland = _places()
    return bool(foreign.find(tokens)) and not poland.find(tokens)


def char_ngrams(text: str, low: int, high: int) -> Counter[str]:
    """Word-bounded character n-grams of the skeleton of `text` (like scikit-learn's "char_wb")."""
    grams: Counter[str] = Counter()
    for word in skeleton(text).split():
        padded = f" {word} "
        for size in range(low, high + 1):
            grams.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def word_grams(analysis: Analysis, bigrams: bool) -> Counter[str]:
    """Skeleton lemma unigrams and, optionally, adjacent lemma bigrams."""
    lemmas = [s for s in (skeleton_word(lemma) for lemma in analysis.lemmas) if s]
    grams: Counter[str] = Counter(lemmas)
    if bigrams:
        grams.update(f"{a}_{b}" for a, b in pairwise(lemmas))
    return grams


def extract(text: str, analysis: Analysis, config: FeatureConfig) -> tuple[Counter[str], Counter[str]]:
    """Both feature blocks of one message: (character n-grams, lemma grams), with counts.

    `analysis` is that of `focus_text(text, config)`; the character block reads the focused text too when
    `config.focus_blocks` is "all".
    """
    words = word_grams(analysis, config.word_bigrams)
    if config.abroad and abroad(text):
        words[ABROAD_FEATURE] += 1
    characters = focus_text(text, config) if config.focus_blocks == "all" else text
    return char_ngrams(characters, config.char_min, config.char_max), words
