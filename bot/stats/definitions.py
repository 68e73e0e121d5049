"""What the statistics count, defined once: questions, answered and unanswered, days, the privacy floor.

Every figure on the dashboard, in CSV files and in `firststeps stats` is built from these names, so a
change of definition (say, whether a clarifying question counts as unanswered) is made here and nowhere else.
docs/STATISTICS.md explains each one for coordinators.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

#: Days, weeks and months are those of the region, not of UTC: a question at 00:30 in Gdańsk belongs to
#: the day it was asked there.
TIMEZONE = ZoneInfo("Europe/Warsaw")

#: A day is rolled up this long after it ended, so a message answered across midnight is never missed.
ROLLUP_MARGIN = timedelta(minutes=15)

#: The guide found the topic and answered (typed question, menu choice, "more", or a crisis answer).
ANSWERED = frozenset({"answered", "chosen", "more", "crisis"})

#: The guide did not answer: it only guessed ("Did you mean…"), found nothing, or the question was off-topic.
UNANSWERED = frozenset({"clarify", "fallback", "out_of_scope"})

#: Question outcomes that count as questions. Small talk ("hi", "thanks") is recorded but is not a question.
QUESTION_OUTCOMES = ANSWERED | UNANSWERED

#: Outcomes in the order tables show them.
OUTCOME_ORDER = ("answered", "chosen", "more", "crisis", "clarify", "fallback", "out_of_scope")

#: Counts from 1 to MIN_COUNT - 1 are shown as "<5": a small number could point to one person.
MIN_COUNT = 5

#: Languages of the guide, in the order tables show them.
LANGUAGES = ("uk", "ru", "en", "pl")

#: The key of a dimension that is not known (no district given, no topic recognised).
UNKNOWN = ""


def is_question(outcome: str) -> bool:
    """Whether a `question` event with this outcome counts as a question."""
    return outcome in QUESTION_OUTCOMES


def is_unanswered(outcome: str) -> bool:
    """Whether a counted question was left unanswered (see UNANSWERED)."""
    return outcome in UNANSWERED
