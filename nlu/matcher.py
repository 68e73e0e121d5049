"""Phrase lists matched on skeleton words, shared by the crisis detector and the entity lexicons.

A pattern is a short phrase written as people write it ("забрали паспорт", "zabrali pasport*"); each word
becomes a skeleton (nlu.normalize), so one pattern also matches the text without diacritics, in the other
script, or with another apostrophe. A word written "a|b|c*" matches any of the alternatives (here "c*" is a
prefix).
A word ending in "*" matches any word it begins ("побої*" matches "побоями"); a word ending in "~" is a
prefix that also tolerates one typo (a letter missing, extra, wrong or two letters swapped: "suicid~"
matches "sucide" and "suicde"); phrase words must come in order with at most `max_gap` other words between
them. Besides the words, a phrase may carry conditions:

* "!w" at the end blocks it when the next word is w ("не хочу жити !в": not "не хочу жити в гуртожитку");
  "!w*" blocks any next word starting with w;
* "$" at the end requires the phrase to end its sentence ("не можу більше $": not "не можу більше чекати");
* "-w" (or "-w*") vetoes the phrase when w occurs anywhere in the same token list ("паспорт* забрал*
  -консул*": a consulate keeping a passport for a visa sticker is no crisis);
* a phrase starting with "=" allows no words in between ("=threatened me", not "threatened to fire me").

A prefix loses a final i/y/j: the skeleton merges "ie" into "e", so "zezwoleni*" is read as "zezwolen*"
and still matches "zezwolenie".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlu.normalize import skeleton_word, words

_PREFIX_KEY = 3
# A typo-tolerant prefix must be long enough that one edit does not make it match unrelated words.
_FUZZY_MIN = 6
_CACHE_SIZE = 50_000


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by at most one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        rest_a, rest_b = a[start + 1 :], b[start + 1 :]
        swapped = a[start + 2 :] == b[start + 2 :] and a[start : start + 2] == b[start : start + 2][::-1]
        return rest_a == rest_b or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


def _fuzzy_prefix(token: str, prefix: str) -> bool:
    # Not cached: the patterns a token may start are cached per token (PhraseMatcher), so this runs once
    # per (token, prefix) anyway, and a cache of it only grew with every new word.
    size = len(prefix)
    return any(within_one_edit(token[:n], prefix) for n in (size - 1, size, size + 1) if 0 < n <= len(token))


@dataclass(frozen=True)
class Word:
    """One word of a pattern: its skeleton, whether it is a prefix (or a typo-tolerant prefix), or a set
    of alternative skeletons."""

    skeleton: str
    prefix: bool
    alternatives: frozenset[str] = frozenset()
    fuzzy: bool = False
    prefixes: tuple[str, ...] = ()

    def matches(self, token: str) -> bool:
        """True when the skeleton token is this word (or one of its alternatives), or starts with a prefix."""
        if self.alternatives or self.prefixes:
            return token in self.alternatives or any(token.startswith(p) for p in self.prefixes)
        if self.fuzzy:
            return token.startswith(self.skeleton) or _fuzzy_prefix(token, self.skeleton)
        return token.startswith(self.skeleton) if self.prefix else token == self.skeleton


@dataclass(frozen=True)
class Pattern:
    """A phrase and the label it stands for (a crisis kind, a document id, a country code)."""

    words: tuple[Word, ...]
    label: str
    source: str
    blocked_next: tuple[Word, ...] = ()
    adjacent: bool = False
    # Exact words after the first: a message without all of them cannot match (a cheap early exit).
    required: frozenset[str] = frozenset()
    at_end: bool = False
    vetoes: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Match:
    """Where a pattern matched: token positions [start, end) in the skeleton token list."""

    label: str
    start: int
    end: int
    source: str


Key = Callable[[str], str]


def _same(word: str) -> str:
    return word


@lru_cache(maxsize=20_000)
def _pattern_words(raw: str, key: Key = _same) -> tuple[Word, ...]:
    """One written word; it may split like message text does ("self-harm" -> self, harm). Cached: the same
    words recur in many phrases."""
    if "|" in raw:
        options = [a for a in raw.split("|") if len(words(a.rstrip("*"))) == 1]
        alternatives = frozenset(key(skeleton_word(a)) for a in options if not a.endswith("*"))
        prefixes = tuple(key(skeleton_word(a.rstrip("*")).rstrip("i")) for a in options if a.endswith("*"))
        if any(len(p) < _PREFIX_KEY for p in prefixes):
            raise ValueError(f"alternative prefix in {raw!r} is too short")
        return (Word("", False, alternatives, prefixes=prefixes),) if alternatives or prefixes else ()
    fuzzy = raw.endswith("~")
    prefix = fuzzy or raw.endswith("*")
    parts = [key(skeleton_word(part)) for part in words(raw.rstrip("*~"))]
    parts = [part for part in parts if part]
    compiled = [Word(part, False) for part in parts]
    if prefix and compiled:
        # "ie" becomes "e" in a skeleton, so a prefix ending in i/y/j would miss "...ie" words.
        compiled[-1] = Word(compiled[-1].skeleton.rstrip("i"), True, fuzzy=fuzzy)
    return tuple(compiled)


@lru_cache(maxsize=4096)
def _condition_words(raws: tuple[str, ...], key: Key) -> tuple[Word, ...]:
    """Compiled condition words; cached, so that phrases sharing a veto list share one tuple."""
    return tuple(word for raw in raws for word in _pattern_words(raw, key))


@lru_cache(maxsize=4096)
def _split_conditions(conditions: tuple[Word, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Condition words as one set of exact skeletons and one tuple of prefixes (fast to test)."""
    exact = {w.skeleton for w in conditions if not w.prefix and not w.alternatives and not w.prefixes}
    exact.update(a for w in conditions for a in w.alternatives)
    prefixes = [w.skeleton for w in conditions if w.prefix] + [p for w in conditions for p in w.prefixes]
    return frozenset(exact), tuple(prefixes)


def compile_pattern(phrase: str, label: str, key: Key = _same) -> Pattern:
    """Turn a written phrase into a pattern; raises ValueError for one that would match everything.

    `key` maps each skeleton to a coarser one (the tokens to match must be mapped the same way).
    """
    adjacent = phrase.startswith("=")
    raws = phrase.lstrip("=").split()
    blocked = _condition_words(tuple(raw[1:] for raw in raws if raw.startswith("!")), key)
    vetoes = _condition_words(tuple(raw[1:] for raw in raws if raw.startswith("-") and len(raw) > 1), key)
    at_end = "$" in raws
    compiled = [word for raw in raws if raw[0] not in "!-$" for word in _pattern_words(raw, key)]
    if not compiled or any(word.prefix and len(word.skeleton) < _PREFIX_KEY for word in compiled):
        raise ValueError(f"pattern {phrase!r} for {label!r} is empty or has a prefix that is too short")
    if any(word.fuzzy and len(word.skeleton) < _FUZZY_MIN for word in compiled):
        raise ValueError(f"pattern {phrase!r} for {label!r} has a typo-tolerant prefix that is too short")
    required = frozenset(
        w.skeleton for w in compiled[1:] if not w.prefix and not w.alternatives and not w.prefixes
    )
    return Pattern(tuple(compiled), label, phrase, blocked, adjacent, required, at_end, vetoes)


class PhraseMatcher:
    """Finds every pattern occurrence in a list of skeleton tokens.

    Patterns are indexed by their first word (exact skeleton, or the first three letters of a prefix), so
    a long message costs one or two dict look-ups per token, not one comparison per pattern. Patterns whose
    first word tolerates a typo are few and checked on every token long enough to hold one.
    """

    def __init__(self, patterns: Iterable[Pattern], max_gap: int = 0) -> None:
        self._exact: dict[str, list[Pattern]] = defaultdict(list)
        self._prefix: dict[str, list[Pattern]] = defaultdict(list)
        self._fuzzy: list[Pattern] = []
        for pattern in patterns:
            first = pattern.words[0]
            if first.fuzzy:
                self._fuzzy.append(pattern)
            elif first.prefix:
                self._prefix[first.skeleton[:_PREFIX_KEY]].append(pattern)
            for prefix in first.prefixes:
                self._prefix[prefix[:_PREFIX_KEY]].append(pattern)
            if first.alternatives or first.prefixes:
                keys: Iterable[str] = first.alternatives
            else:
                keys = () if first.prefix else (first.skeleton,)
            for key in keys:
                self._exact[key].append(pattern)
        self._max_gap = max_gap
        # The patterns a token may start: chat vocabulary repeats, so this is computed once per word.
        self._cache: dict[str, tuple[Pattern, ...]] = {}

    def _candidates(self, token: str) -> tuple[Pattern, ...]:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        found = list(self._exact.get(token, ()))
        seen = {id(p) for p in found}
        for pattern in self._prefix.get(token[:_PREFIX_KEY], ()):
            if id(pattern) not in seen and pattern.words[0].matches(token):
                seen.add(id(pattern))
                found.append(pattern)
        if self._fuzzy and len(token) >= _FUZZY_MIN - 1:
            found.extend(p for p in self._fuzzy if id(p) not in seen and p.words[0].matches(token))
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = result = tuple(found)
        return result

    def _end_of(
        self,
        pattern: Pattern,
        tokens: Sequence[str],
        start: int,
        present: frozenset[str],
        vetoed: dict[int, bool],
        opening: frozenset[int] = frozenset(),
    ) -> int | None:
        position = start + 1
        gap = 0 if pattern.adjacent else self._max_gap
        for word in pattern.words[1:]:
            limit = min(len(tokens), position + gap + 1)
            found = next((i for i in range(position, limit) if word.matches(tokens[i])), None)
            if found is None:
                return None
            position = found + 1
        open_ended = position >= len(tokens) or position in opening
        if not open_ended and any(word.matches(tokens[position]) for word in pattern.blocked_next):
            return None
        if pattern.at_end and not open_ended:
            return None
        if pattern.vetoes:
            found = vetoed.get(id(pattern.vetoes))
            if found is None:
                exact, prefixes = _split_conditions(pattern.vetoes)
                found = vetoed[id(pattern.vetoes)] = not exact.isdisjoint(present) or (
                    bool(prefixes) and any(token.startswith(prefixes) for token in present)
                )
            if found:
                return None
        return position

    def find(self, tokens: Sequence[str], breaks: Iterable[int] = ()) -> list[Match]:
        """All matches, ordered by start position (then by pattern length, longest first).

        `breaks` are the positions of tokens that open a new clause (after a comma, a colon...): there a
        phrase counts as ended ("$") and a blocked next word does not block ("не хочу жити, з ким...").
        """
        present = frozenset(tokens)
        opening = frozenset(breaks)
        vetoed: dict[int, bool] = {}
        matches = []
        for start, token in enumerate(tokens):
            for pattern in self._candidates(token):
                if not pattern.required <= present:
                    continue
                end = self._end_of(pattern, tokens, start, present, vetoed, opening)
                if end is not None:
                    matches.append(Match(pattern.label, start, end, pattern.source))
        return sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))


def build_matcher(lexicon: Mapping[str, Sequence[str]], max_gap: int = 0, key: Key = _same) -> PhraseMatcher:
    """A matcher for a label -> phrases lexicon (`key`: see `compile_pattern`)."""
    return PhraseMatcher(
        (compile_pattern(phrase, label, key) for label, phrases in lexicon.items() for phrase in phrases),
        max_gap,
    )
