"""Phrase lists matched on skeleton words, shared by the crisis detector and the entity lexicons.

A pattern is a short phrase written as people write it ("забрали паспорт", "zabrali pasport*"); each word
becomes a skeleton (nlu.normalize), so one pattern also matches the text without diacritics, in the other
script, or with another apostrophe. A word written "a|b|c" matches any of the alternatives.
A word ending in "*" matches any word it begins ("побої*" matches
"побоями"); phrase words must come in order with at most `max_gap` other words between them. Words written
"!w" at the end of a phrase block it when the next word is w ("не хочу жити !в": not "не хочу жити в
гуртожитку"); a phrase starting with "=" allows no words in between ("=threatened me", not "threatened to
fire me").

A prefix loses a final i/y/j: the skeleton merges "ie" into "e", so "zezwoleni*" is read as "zezwolen*"
and still matches "zezwolenie".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from nlu.normalize import skeleton_word, words

_PREFIX_KEY = 3


@dataclass(frozen=True)
class Word:
    """One word of a pattern: its skeleton, whether it is a prefix, or a set of alternative skeletons."""

    skeleton: str
    prefix: bool
    alternatives: frozenset[str] = frozenset()

    def matches(self, token: str) -> bool:
        """True when the skeleton token is this word (or one of its alternatives), or starts with a prefix."""
        if self.alternatives:
            return token in self.alternatives
        return token.startswith(self.skeleton) if self.prefix else token == self.skeleton


@dataclass(frozen=True)
class Pattern:
    """A phrase and the label it stands for (a crisis kind, a document id, a country code)."""

    words: tuple[Word, ...]
    label: str
    source: str
    blocked_next: frozenset[str] = frozenset()
    adjacent: bool = False
    # Exact words after the first: a message without all of them cannot match (a cheap early exit).
    required: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """Where a pattern matched: token positions [start, end) in the skeleton token list."""

    label: str
    start: int
    end: int
    source: str


def _pattern_words(raw: str) -> list[Word]:
    """One written word; it may split like message text does ("self-harm" -> self, harm)."""
    if "|" in raw:
        alternatives = frozenset(skeleton_word(a) for a in raw.split("|") if len(words(a)) == 1)
        return [Word("", False, alternatives)] if alternatives else []
    prefix = raw.endswith("*")
    parts = [skeleton_word(part) for part in words(raw.rstrip("*"))]
    parts = [part for part in parts if part]
    compiled = [Word(part, False) for part in parts]
    if prefix and compiled:
        # "ie" becomes "e" in a skeleton, so a prefix ending in i/y/j would miss "...ie" words.
        compiled[-1] = Word(compiled[-1].skeleton.rstrip("i"), True)
    return compiled


def compile_pattern(phrase: str, label: str) -> Pattern:
    """Turn a written phrase into a pattern; raises ValueError for one that would match everything."""
    adjacent = phrase.startswith("=")
    raws = phrase.lstrip("=").split()
    blocked = frozenset(skeleton_word(raw[1:]) for raw in raws if raw.startswith("!"))
    compiled = [word for raw in raws if not raw.startswith("!") for word in _pattern_words(raw)]
    if not compiled or any(word.prefix and len(word.skeleton) < _PREFIX_KEY for word in compiled):
        raise ValueError(f"pattern {phrase!r} for {label!r} is empty or has a prefix that is too short")
    required = frozenset(word.skeleton for word in compiled[1:] if not word.prefix and not word.alternatives)
    return Pattern(tuple(compiled), label, phrase, blocked, adjacent, required)


class PhraseMatcher:
    """Finds every pattern occurrence in a list of skeleton tokens.

    Patterns are indexed by their first word (exact skeleton, or the first three letters of a prefix), so
    a long message costs one or two dict look-ups per token, not one comparison per pattern.
    """

    def __init__(self, patterns: Iterable[Pattern], max_gap: int = 0) -> None:
        self._exact: dict[str, list[Pattern]] = defaultdict(list)
        self._prefix: dict[str, list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            first = pattern.words[0]
            if first.prefix:
                self._prefix[first.skeleton[:_PREFIX_KEY]].append(pattern)
            for key in first.alternatives or {first.skeleton} if not first.prefix else ():
                self._exact[key].append(pattern)
        self._max_gap = max_gap

    def _candidates(self, token: str) -> list[Pattern]:
        found = list(self._exact.get(token, ()))
        found.extend(p for p in self._prefix.get(token[:_PREFIX_KEY], ()) if p.words[0].matches(token))
        return found

    def _end_of(
        self, pattern: Pattern, tokens: Sequence[str], start: int, present: frozenset[str]
    ) -> int | None:
        if not pattern.required <= present:
            return None
        position = start + 1
        gap = 0 if pattern.adjacent else self._max_gap
        for word in pattern.words[1:]:
            limit = min(len(tokens), position + gap + 1)
            found = next((i for i in range(position, limit) if word.matches(tokens[i])), None)
            if found is None:
                return None
            position = found + 1
        if position < len(tokens) and tokens[position] in pattern.blocked_next:
            return None
        return position

    def find(self, tokens: Sequence[str]) -> list[Match]:
        """All matches, ordered by start position (then by pattern length, longest first)."""
        present = frozenset(tokens)
        matches = []
        for start, token in enumerate(tokens):
            for pattern in self._candidates(token):
                end = self._end_of(pattern, tokens, start, present)
                if end is not None:
                    matches.append(Match(pattern.label, start, end, pattern.source))
        return sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))


def build_matcher(lexicon: Mapping[str, Sequence[str]], max_gap: int = 0) -> PhraseMatcher:
    """A matcher for a label -> phrases lexicon."""
    return PhraseMatcher(
        (compile_pattern(phrase, label) for label, phrases in lexicon.items() for phrase in phrases), max_gap
    )
