"""The recall-first crisis detector: violence, trafficking / forced labour, self-harm.

It does not depend on the intent classifier, which picks one topic per message: a user who asks about the
800+ benefit and mentions in passing that her husband beats her must get the emergency numbers first. The
detector reads the whole message, whatever its topic, in any of the four languages, with or without
diacritics, in Cyrillic or in Latin transliteration, one sentence at a time:

1. the phrase lists of nlu.lexicons.crisis (`CRISIS`: "покінчити з собою", "took my passport");
2. co-occurrence rules (`RULES`): concepts that signal a crisis only together, a few words apart in one
   sentence or across the boundary of two ("ріже собі руки" = cutting + a self-reference; "паспорт у
   бригадира" = documents + withheld; "Де найвищий міст? Хочу стрибнути" = a jump + a height);
3. idioms (`IDIOMS`): a match overlapping a figurative phrase ("умираю от скуки", "dying to know") is dropped.

When the lexicons find nothing, a confident classification as a crisis topic still raises the signal
(`from_intent`) if the message holds at least one weak cue of that kind (`CUES`: a hitting verb, a threat,
a debt, "not allowed"...): passports alone, a film about trafficking or a record "beaten" are not enough.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations, product
from types import MappingProxyType

from nlu.lexicons.crisis import CRISIS, CUES, IDIOMS, PRIORITY, RULES, Rule
from nlu.matcher import Match, build_matcher
from nlu.normalize import skeleton
from nlu.types import Ranking

# Topics whose catalogue entry says `escalate: crisis`: when the classifier is sure a message is about one
# of them, that is a crisis signal too (a second net under the phrase lists, never the only one).
CRISIS_TOPICS: Mapping[str, str] = MappingProxyType(
    {"safety.domestic_violence": "violence", "safety.trafficking": "trafficking"}
)

# Two words may stand between the words of a phrase: "забрали у мене паспорт", "бьет меня и детей".
_MAX_GAP = 2
# Between the words of one concept of a rule ("за дорогу", "під замком") at most one.
_CONCEPT_GAP = 1
# Sentences end at these marks; a phrase never spans two sentences (a rule may join two neighbours).
_SENTENCE_END = re.compile(r"[.!?;\n\r…]+")
# Clauses end at these marks: "не хочу жити, з ким поговорити" is not "не хочу жити з ..." (a blocked
# continuation), and "$" (the end of a phrase's sentence) is also the end of a clause.
_CLAUSE_END = re.compile(r"[,:()—–]+|\s-\s")
# Laughing and embarrassed emoji read as a word, "haha": "чоловік мене вбʼє якщо побачить ціну 😂" is a joke
# like "... lol" (the phrase lists veto a threat next to laughter, and the crisis model learns the word).
_LAUGHING = re.compile(
    "[\U0001f602\U0001f923\U0001f605\U0001f606\U0001f604\U0001f601\U0001f61c\U0001f61d"
    "\U0001f61b\U0001f648\U0001f639\U0001f92a\U0001f92d]+"
)
# Neighbouring sentences are joined for the rules by this many words on either side of the boundary.
_NEIGHBOUR_WORDS = 6
# A rule looks at no more than this many combinations of concept matches per sentence.
_MAX_COMBINATIONS = 400


def crisis_key(word: str) -> str:
    """A skeleton word made coarser for the crisis lexicons: Ukrainian "г" is typed "h" in Latin letters
    ("pohrozhuye" for "погрожує") and "х" sometimes "x", so g, h and x are one letter here."""
    return word.replace("g", "h").replace("x", "h")


def sentences(text: str) -> list[list[str]]:
    """The crisis keys of the words of each sentence of `text` (sentences without words are dropped)."""
    return [tokens for tokens, _ in _sentences(text)]


def _sentences(text: str) -> list[tuple[list[str], frozenset[int]]]:
    """Each sentence's crisis keys and the positions where a new clause starts."""
    found = []
    for sentence in _SENTENCE_END.split(_LAUGHING.sub(" haha ", text)):
        tokens: list[str] = []
        breaks: set[int] = set()
        for clause in _CLAUSE_END.split(sentence):
            keys = [crisis_key(token) for token in skeleton(clause).split()]
            if keys and tokens:
                breaks.add(len(tokens))
            tokens.extend(keys)
        if tokens:
            found.append((tokens, frozenset(breaks)))
    return found


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


class CrisisDetector:
    """Finds crisis signals in a message (`detect_text`) or in one list of skeleton words (`detect`)."""

    def __init__(self) -> None:
        self._phrases = build_matcher(CRISIS, max_gap=_MAX_GAP, key=crisis_key)
        self._idioms = build_matcher({"idiom": IDIOMS}, max_gap=1, key=crisis_key)
        self._rules: tuple[Rule, ...] = RULES
        concepts = {
            f"{index}/{position}": phrases
            for index, rule in enumerate(RULES)
            for position, phrases in enumerate(rule.concepts)
        }
        self._concepts = build_matcher(concepts, max_gap=_CONCEPT_GAP, key=crisis_key)
        self._concept_of = {label: (int(label.split("/")[0]), int(label.split("/")[1])) for label in concepts}
        self._cues = build_matcher(CUES, max_gap=1, key=crisis_key)

    def _concept_matches(self, tokens: Sequence[str]) -> dict[int, dict[int, list[Match]]]:
        """Concept matches by rule and by concept position."""
        found: dict[int, dict[int, list[Match]]] = defaultdict(lambda: defaultdict(list))
        for match in self._concepts.find(tokens):
            rule_index, position = self._concept_of[match.label]
            found[rule_index][position].append(match)
        return found

    def _rule_matches(self, found: dict[int, dict[int, list[Match]]]) -> Iterator[Match]:
        for index, groups in found.items():
            rule = self._rules[index]
            if len(groups) < len(rule.concepts):
                continue
            for count, combination in enumerate(product(*groups.values())):
                if count >= _MAX_COMBINATIONS:
                    break
                start = min(m.start for m in combination)
                end = max(m.end for m in combination)
                apart = not any(_overlap(a, b) for a, b in combinations(combination, 2))
                if end - start <= rule.window and apart:
                    yield Match(rule.kind, start, end, f"rule: {rule.name}")
                    break

    def _sentence(
        self, tokens: Sequence[str], with_cues: bool, breaks: frozenset[int] = frozenset()
    ) -> tuple[list[Match], set[str], frozenset[int]]:
        """Matches and cue kinds of one sentence, and the rules of which it holds some concept."""
        idioms = self._idioms.find(tokens)

        def literal(matches: Iterable[Match]) -> list[Match]:
            return [m for m in matches if not any(_overlap(m, idiom) for idiom in idioms)]

        concepts = self._concept_matches(tokens)
        found = literal([*self._phrases.find(tokens, breaks), *self._rule_matches(concepts)])
        cues = {m.label for m in literal(self._cues.find(tokens))} if with_cues else set()
        return found, cues, frozenset(concepts)

    def matches(self, tokens: Sequence[str]) -> list[Match]:
        """Every crisis phrase and rule found in one sentence's words (crisis keys of skeleton words)."""
        return self._sentence(tokens, with_cues=False)[0]

    def matches_text(self, text: str) -> list[Match]:
        """Every match in every sentence of `text` (positions are within the sentence)."""
        return self._read(text, with_cues=False)[0]

    def _read(self, text: str, with_cues: bool) -> tuple[list[Match], set[str]]:
        found: list[Match] = []
        cues: set[str] = set()
        parts = _sentences(text)
        touched: list[frozenset[int]] = []
        for tokens, breaks in parts:
            matches, sentence_cues, rules = self._sentence(tokens, with_cues, breaks)
            found.extend(matches)
            cues.update(sentence_cues)
            touched.append(rules)
        # A rule may also join the end of one sentence to the start of the next ("Де найвищий міст? Хочу
        # стрибнути"): neighbours that both hold a concept of the same rule are read once more, rules only.
        for i in range(len(parts) - 1):
            if not touched[i] & touched[i + 1]:
                continue
            joined = [*parts[i][0][-_NEIGHBOUR_WORDS:], *parts[i + 1][0][:_NEIGHBOUR_WORDS]]
            idioms = self._idioms.find(joined)
            found.extend(
                m
                for m in self._rule_matches(self._concept_matches(joined))
                if not any(_overlap(m, idiom) for idiom in idioms)
            )
        return found, cues

    def read(self, text: str) -> tuple[str | None, frozenset[str]]:
        """The most urgent crisis kind signalled anywhere in the message (or None), and the kinds of which
        it holds a weak cue (see `from_intent`)."""
        kinds, cues = self.read_all(text)
        return most_urgent(kinds), cues

    def read_all(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """Every crisis kind signalled anywhere in the message, and the kinds of which it holds a weak cue."""
        found, cues = self._read(text, with_cues=True)
        return frozenset(match.label for match in found), frozenset(cues)

    def detect(self, tokens: Sequence[str]) -> str | None:
        """The most urgent crisis kind signalled by one list of skeleton words, or None."""
        return _most_urgent(self.matches([crisis_key(token) for token in tokens]))

    def detect_text(self, text: str) -> str | None:
        """The most urgent crisis kind signalled anywhere in the message, or None."""
        return _most_urgent(self.matches_text(text))

    def cues(self, text: str) -> frozenset[str]:
        """The crisis kinds of which the message holds a weak cue (see `from_intent`)."""
        return self.read(text)[1]


class CueReader:
    """Only the weak cues of `CrisisDetector` (a matcher a tenth of its size), for the crisis model, which
    lets a cue confirm a possible trafficking reading (nlu.crisis_model)."""

    def __init__(self) -> None:
        self._cues = build_matcher(CUES, max_gap=1, key=crisis_key)
        self._idioms = build_matcher({"idiom": IDIOMS}, max_gap=1, key=crisis_key)

    def kinds(self, text: str) -> frozenset[str]:
        """The crisis kinds of which the message holds a weak cue (the same as `CrisisDetector.cues`)."""
        found: set[str] = set()
        for tokens in sentences(text):
            idioms = self._idioms.find(tokens)
            found.update(
                m.label for m in self._cues.find(tokens) if not any(_overlap(m, idiom) for idiom in idioms)
            )
        return frozenset(found)


def most_urgent(kinds: Iterable[str], ranking: Ranking = ()) -> str | None:
    """The kind to act on: self-harm before anything else; between the others, the one the best intent
    is about ("he beats me and took my documents" is violence at home, not trafficking), else PRIORITY."""
    found = set(kinds)
    if ranking and "self_harm" not in found and CRISIS_TOPICS.get(ranking[0][0]) in found:
        return CRISIS_TOPICS[ranking[0][0]]
    return next((kind for kind in PRIORITY if kind in found), None)


def _most_urgent(matches: Sequence[Match]) -> str | None:
    return most_urgent(match.label for match in matches)


def from_intent(ranking: Ranking, min_confidence: float, cues: frozenset[str] | None = None) -> str | None:
    """The crisis kind of the best intent, if it is a crisis topic ranked at least `min_confidence` and
    (when `cues` are given) the message holds a weak cue of that kind."""
    if not ranking or ranking[0][1] < min_confidence:
        return None
    kind = CRISIS_TOPICS.get(ranking[0][0])
    return kind if kind is not None and (cues is None or kind in cues) else None
