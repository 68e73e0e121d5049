"""The figures of a period and of the period before it, as plain counts (nothing hidden yet).

`overview`, `topic_detail` and `district_detail` first roll up the completed days they need, then read
the counts; the "<5" rule is applied afterwards, when the figures become tables (`bot.stats.tables`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats.counts import Counts
from bot.stats.cube import Key
from bot.stats.definitions import ANSWERED, TIMEZONE, UNANSWERED, is_question
from bot.stats.period import Period
from bot.stats.privacy import Timing
from bot.stats.rollup import MONTH, WEEK, roll_up
from bot.storage.models import Event, HandoffCase, utcnow

Granularity = Literal["hour", "day", "week", "month"]


def _sum(counts: Counter[Key], index: int, where: Iterable[str] | None = None) -> Counter[str]:
    """Fold a breakdown onto one key, optionally keeping only questions with the given outcomes."""
    allowed = set(where) if where is not None else None
    folded: Counter[str] = Counter()
    for key, n in counts.items():
        if allowed is None or key[1] in allowed:
            folded[key[index]] += n
    return folded


@dataclass(frozen=True)
class Times:
    """The response times of one reason's cases, in seconds, and how many still wait for a reply."""

    first_response: tuple[float, ...] = ()
    resolution: tuple[float, ...] = ()
    waiting: int = 0


@dataclass(frozen=True)
class Escalations:
    """The handoff cases opened in a period: counted from the core's handoff events, timed from the cases."""

    counts: Counter[str]
    times: dict[str, Times]

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def by_reason(self) -> Counter[str]:
        return self.counts

    def _of(self, reason: str | None) -> list[Times]:
        return list(self.times.values()) if reason is None else [self.times.get(reason, Times())]

    def waiting(self, reason: str | None = None) -> int:
        """Open cases still without an advisor's reply."""
        return sum(t.waiting for t in self._of(reason))

    def first_response(self, reason: str | None = None) -> Timing:
        return Timing.of([s for t in self._of(reason) for s in t.first_response])

    def resolution(self, reason: str | None = None) -> Timing:
        return Timing.of([s for t in self._of(reason) for s in t.resolution])


Expression = Callable[..., ColumnElement[Any]]

#: A timestamp as seconds, and the values of a column gathered into one value, per database engine. Times
#: are computed in SQL and come back as one row per reason: a year has tens of thousands of cases, and one
#: text (SQLite) or array (PostgreSQL, sent in binary) is read far faster than as many rows.
SECONDS: dict[str, Expression] = {
    "sqlite": lambda moment: func.julianday(moment) * 86400.0,
    # date_part gives double precision; EXTRACT gives numeric, several times slower to compute with.
    "postgresql": lambda moment: func.date_part("epoch", moment),
}
GATHERED: dict[str, Expression] = {
    "sqlite": lambda values: func.group_concat(values, ","),
    "postgresql": func.array_agg,
}


def _floats(gathered: str | Sequence[float | None] | None) -> tuple[float, ...]:
    """The sorted values of a group_concat text or an array (whose NULLs are dropped)."""
    if not gathered:
        return ()
    values = gathered.split(",") if isinstance(gathered, str) else gathered
    return tuple(sorted(float(v) for v in values if v is not None))


async def case_times(session: AsyncSession, period: Period) -> dict[str, Times]:
    """Response times of the cases opened in the period, by reason."""
    start, end = period.utc_range()
    connection = await session.connection()
    seconds, gathered = SECONDS[connection.dialect.name], GATHERED[connection.dialect.name]
    # Each timestamp is converted once, in a subquery; the differences are taken outside it.
    cases = (
        select(
            HandoffCase.reason.label("reason"),
            seconds(HandoffCase.created_at).label("opened"),
            seconds(HandoffCase.first_response_at).label("replied"),
            seconds(HandoffCase.closed_at).label("closed"),
        )
        .where(HandoffCase.created_at >= start, HandoffCase.created_at < end)
        .subquery()
    )
    replied, waiting = cases.c.replied.is_not(None), and_(cases.c.replied.is_(None), cases.c.closed.is_(None))
    query = select(
        cases.c.reason,
        gathered(cases.c.replied - cases.c.opened),
        gathered(case((replied, cases.c.closed - cases.c.opened))),
        func.sum(case((waiting, 1), else_=0)),
    ).group_by(cases.c.reason)
    return {
        reason: Times(_floats(first), _floats(done), int(open_ or 0))
        for reason, first, done, open_ in (await connection.execute(query)).all()
    }


@dataclass(frozen=True)
class Figures:
    """Every count of one period; breakdown keys are described in `bot.stats.cube.BREAKDOWNS`."""

    period: Period
    questions_by: Counter[Key]
    topics_by: Counter[Key]
    languages_by: Counter[Key]
    districts_by: Counter[Key]
    district_languages: Counter[Key]
    feedback_by: Counter[Key]
    escalations: Escalations
    conversations: int

    @property
    def questions(self) -> int:
        return sum(self.questions_by.values())

    @property
    def unanswered(self) -> int:
        return sum(n for (_, outcome, _), n in self.questions_by.items() if outcome in UNANSWERED)

    def outcomes(self) -> Counter[str]:
        return _sum(self.questions_by, 1)

    def domains(self) -> Counter[str]:
        """Questions by domain; "" holds the questions no topic was found for."""
        return _sum(self.questions_by, 0)

    def topics(self) -> Counter[str]:
        """Answered questions by topic."""
        return _sum(self.topics_by, 0, ANSWERED)

    def near_misses(self) -> Counter[str]:
        """Topics offered as "Did you mean…" when the guide was unsure."""
        return _sum(self.topics_by, 0, ("clarify",))

    def topic_domains(self) -> dict[str, str]:
        return {topic: domain for topic, _, domain in self.topics_by if domain}

    def languages(self, unanswered: bool = False) -> Counter[str]:
        return _sum(self.languages_by, 0, UNANSWERED if unanswered else None)

    def districts(self, unanswered: bool = False) -> Counter[str]:
        return _sum(self.districts_by, 0, UNANSWERED if unanswered else None)

    def feedback(self) -> dict[str, tuple[int, int]]:
        """(thumbs up, thumbs down) by topic."""
        up, down = _sum(self.feedback_by, 0, ("up",)), _sum(self.feedback_by, 0, ("down",))
        return {topic: (up[topic], down[topic]) for topic in sorted(set(up) | set(down))}

    @property
    def feedback_totals(self) -> tuple[int, int]:
        up, down = _sum(self.feedback_by, 1)["up"], _sum(self.feedback_by, 1)["down"]
        return up, down


#: The breakdowns a period's figures read, all in one query.
FIGURE_BREAKDOWNS = (
    "questions",
    "topics",
    "languages",
    "districts",
    "district_languages",
    "feedback",
    "escalations",
    "conversations",
)


async def figures(session: AsyncSession, counts: Counts, period: Period) -> Figures:
    first, last = period.start, period.end
    found = await counts.totals(FIGURE_BREAKDOWNS, first, last)
    return Figures(
        period=period,
        questions_by=found["questions"],
        topics_by=found["topics"],
        languages_by=found["languages"],
        districts_by=found["districts"],
        district_languages=found["district_languages"],
        feedback_by=found["feedback"],
        escalations=Escalations(_sum(found["escalations"], 0), await case_times(session, period)),
        conversations=sum(found["conversations"].values()),
    )


# --- over time ----------------------------------------------------------------------------------------


def granularity(period: Period) -> Granularity:
    """Hours for one day, days up to a quarter, weeks up to two years, months beyond."""
    if period.length == 1:
        return "hour"
    if period.length <= 92:
        return "day"
    return "week" if period.length <= 731 else "month"


def bucket_start(day: date, unit: Granularity) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


@dataclass
class Bucket:
    """One bar of the charts over time: questions by domain, unanswered ones and escalations."""

    start: date
    hour: int | None = None
    domains: Counter[str] = field(default_factory=Counter)
    unanswered: int = 0
    escalations: int = 0

    @property
    def questions(self) -> int:
        return sum(self.domains.values())


def _buckets(period: Period, unit: Granularity) -> dict[tuple[date, int | None], Bucket]:
    if unit == "hour":
        return {(period.start, h): Bucket(period.start, h) for h in range(24)}
    starts = dict.fromkeys(bucket_start(day, unit) for day in period.days())
    return {(start, None): Bucket(start) for start in starts}


def _add_question(bucket: Bucket, domain: str, outcome: str, n: int) -> None:
    bucket.domains[domain] += n
    if outcome in UNANSWERED:
        bucket.unanswered += n


async def _hourly(session: AsyncSession, period: Period) -> list[tuple[datetime, str, str, str]]:
    """(time, kind, domain, outcome) of the day's questions and handoffs: one day is shown by the hour."""
    start, end = period.utc_range()
    query = select(Event.ts, Event.kind, Event.domain, Event.outcome).where(
        Event.kind.in_(("question", "handoff")), Event.ts >= start, Event.ts < end
    )
    return [
        (ts, kind, domain or "", outcome or "")
        for ts, kind, domain, outcome in (await (await session.connection()).execute(query)).all()
    ]


async def timeline(session: AsyncSession, counts: Counts, period: Period) -> tuple[Granularity, list[Bucket]]:
    """The period in buckets (hours, days, weeks or months), each with its questions and escalations."""
    unit = granularity(period)
    buckets = _buckets(period, unit)
    if unit == "hour":
        for ts, kind, domain, outcome in await _hourly(session, period):
            bucket = buckets[(period.start, ts.astimezone(TIMEZONE).hour)]
            if kind == "handoff":
                bucket.escalations += 1
            elif is_question(outcome):
                _add_question(bucket, domain, outcome, 1)
        return unit, list(buckets.values())
    bucket_of = {day: buckets[(bucket_start(day, unit), None)] for day in period.days()}
    # Weeks and months inside the period come summed, under their first day: the bucket they belong to.
    levels = {"week": (WEEK,), "month": (MONTH,)}.get(unit, ())
    for day, day_counts in (await counts.daily("questions", period.start, period.end, levels)).items():
        for (domain, outcome, _), n in day_counts.items():
            _add_question(bucket_of[day], domain, outcome, n)
    for day, day_counts in (await counts.daily("escalations", period.start, period.end, levels)).items():
        bucket_of[day].escalations += sum(day_counts.values())
    return unit, list(buckets.values())


# --- what a page asks for -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """A period against the one before it, and the period over time."""

    current: Figures
    previous: Figures
    unit: Granularity
    timeline: list[Bucket]


async def _prepared(
    sessions: async_sessionmaker[AsyncSession], period: Period, now: datetime | None
) -> Period:
    previous = period.previous()
    await roll_up(sessions, previous.start, period.end, now or utcnow())
    return previous


async def overview(
    sessions: async_sessionmaker[AsyncSession], period: Period, now: datetime | None = None
) -> Report:
    """Everything the dashboard's first page shows."""
    previous = await _prepared(sessions, period, now)
    async with sessions() as session:
        counts = await Counts.load(session, previous.start, period.end)
        current = await figures(session, counts, period)
        before = await figures(session, counts, previous)
        unit, buckets = await timeline(session, counts, period)
    return Report(current, before, unit, buckets)


@dataclass(frozen=True)
class Detail:
    """One topic or one district against the period before.

    `split` is the other dimension: the districts a topic was asked in, or the topics asked in a district.
    """

    period: Period
    subject: str
    questions: int
    previous_questions: int
    unanswered: int
    split: Counter[str]
    previous_split: Counter[str]
    languages: Counter[str]
    feedback: tuple[int, int] | None


async def topic_detail(
    sessions: async_sessionmaker[AsyncSession], period: Period, topic: str, now: datetime | None = None
) -> Detail:
    """One topic: answered questions by district and language, and its thumbs up/down."""
    previous = await _prepared(sessions, period, now)
    async with sessions() as session:
        counts = await Counts.load(session, previous.start, period.end)
        places = _sum(await counts.total("topic_districts", period.start, period.end, key1=topic), 1)
        before = _sum(await counts.total("topic_districts", previous.start, previous.end, key1=topic), 1)
        languages = _sum(await counts.total("topic_languages", period.start, period.end, key1=topic), 1)
        votes = _sum(await counts.total("feedback", period.start, period.end, key1=topic), 1)
        misses = _sum(await counts.total("topics", period.start, period.end, key1=topic), 1, UNANSWERED)
    return Detail(
        period,
        topic,
        sum(places.values()),
        sum(before.values()),
        sum(misses.values()),
        places,
        before,
        languages,
        (votes["up"], votes["down"]),
    )


async def district_detail(
    sessions: async_sessionmaker[AsyncSession], period: Period, district: str, now: datetime | None = None
) -> Detail:
    """One district: answered questions by topic and all questions by language."""
    previous = await _prepared(sessions, period, now)
    async with sessions() as session:
        counts = await Counts.load(session, previous.start, period.end)
        topics = _sum(await counts.total("topic_districts", period.start, period.end, key2=district), 0)
        before = _sum(await counts.total("topic_districts", previous.start, previous.end, key2=district), 0)
        languages = _sum(await counts.total("district_languages", period.start, period.end, key1=district), 1)
        outcomes = _sum(await counts.total("districts", period.start, period.end, key1=district), 1)
        previous_total = await counts.total("districts", previous.start, previous.end, key1=district)
    return Detail(
        period,
        district,
        sum(outcomes.values()),
        sum(previous_total.values()),
        sum(n for outcome, n in outcomes.items() if outcome in UNANSWERED),
        topics,
        before,
        languages,
        None,
    )
