"""Generated activity for a fresh database, so the dashboard can be seen (and timed) on a new machine.

The numbers are invented but shaped like the real thing: more questions on weekdays and in the evening,
slow growth with a burst of questions about one topic mid-period, mostly Ukrainian, most people in the
Tricity, advisors who answer fast in office hours and slower at night. The same seed gives the same data.
Conversations have no users and no messages: the dashboard never reads either.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats import rollup
from bot.stats.definitions import TIMEZONE
from bot.stats.period import local_day
from bot.storage.models import Base, Event, utcnow

DOMAIN_WEIGHTS = {
    "legal": 34,
    "work": 19,
    "housing": 10,
    "health": 10,
    "education": 7,
    "social": 8,
    "safety": 3,
    "daily": 7,
    "cwii": 2,
}
LANGUAGE_WEIGHTS = {"uk": 54, "ru": 20, "en": 13, "pl": 12, "": 1}
#: Where people say they live: the Tricity first, then the larger towns; many never say.
DISTRICT_WEIGHTS = {
    "gdansk": 300,
    "gdynia": 120,
    "slupsk": 45,
    "sopot": 25,
    "gdanski": 60,
    "wejherowski": 55,
    "kartuski": 30,
    "pucki": 28,
    "tczewski": 30,
    "starogardzki": 28,
    "chojnicki": 20,
    "kwidzynski": 18,
    "malborski": 17,
    "leborski": 15,
    "koscierski": 14,
    "bytowski": 9,
    "slupski": 9,
    "czluchowski": 7,
    "nowodworski": 4,
    "sztumski": 3,
    "": 210,
}
OUTCOME_WEIGHTS = {
    "answered": 655,
    "chosen": 120,
    "clarify": 95,
    "fallback": 55,
    "out_of_scope": 30,
    "small_talk": 45,
}
#: Questions per hour of the day (local time), relative.
HOURS = (1, 1, 0, 0, 0, 1, 2, 4, 7, 9, 9, 8, 8, 8, 7, 7, 8, 9, 10, 10, 9, 7, 4, 2)
WEEKDAY_FACTOR = (1.0, 1.0, 0.97, 0.95, 0.9, 0.6, 0.55)
AVERAGE_WEEKDAY = sum(WEEKDAY_FACTOR) / 7
CRISES = {
    "violence": "safety.domestic_violence",
    "self_harm": "health.mental",
    "trafficking": "safety.trafficking",
}
SMALL_TALK = ("greet", "thanks", "goodbye", "bot_challenge")
EVENTS_PER_CONVERSATION = 2.34
#: Every event row gets every column, so rows can be inserted in one batch.
TABLES = Base.metadata.tables
EVENT_COLUMNS = ("ts", "kind", "channel", "language", "district", "topic", "domain", "outcome", "value")


@dataclass(frozen=True)
class Shape:
    """What the generated data talks about: topic ids with their domains, and district ids."""

    topics: Sequence[tuple[str, str]]
    districts: Sequence[str]
    spike_topic: str = "legal.ukr_status"


@dataclass
class _Day:
    """The rows generated for one day."""

    conversations: list[dict[str, Any]] = field(default_factory=list)
    events: list[list[dict[str, Any]]] = field(default_factory=list)
    cases: list[dict[str, Any] | None] = field(default_factory=list)


class Generator:
    """Draws conversations, events and handoff cases from fixed distributions with one seeded RNG."""

    def __init__(self, shape: Shape, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.shape = shape
        by_domain: dict[str, list[str]] = {}
        for topic, domain in shape.topics:
            by_domain.setdefault(domain, []).append(topic)
        self.domains = {d: ts for d, ts in by_domain.items() if d in DOMAIN_WEIGHTS}
        self.domain_of = dict(shape.topics)
        # Each topic gets a stable popularity within its domain and its own share of thumbs up.
        self.popularity = {t: 1 / (1 + i) ** 0.8 for ts in self.domains.values() for i, t in enumerate(ts)}
        self.helpful = {t: 0.55 + 0.4 * self.rng.random() for t, _ in shape.topics}
        known = set(shape.districts)
        self.districts = {d: w for d, w in DISTRICT_WEIGHTS.items() if d in known or d == ""}

    def _pick(self, weights: dict[str, float] | dict[str, int]) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def topic(self, spike: bool) -> str:
        if spike and self.shape.spike_topic in self.domain_of and self.rng.random() < 0.25:
            return self.shape.spike_topic
        topics = self.domains[self._pick(DOMAIN_WEIGHTS)]
        return self.rng.choices(topics, weights=[self.popularity[t] for t in topics])[0]

    def start(self, day: date) -> datetime | None:
        """A moment of the day, by the hourly profile; None if it would be in the future."""
        hour = self.rng.choices(range(24), weights=HOURS)[0]
        local = datetime.combine(day, time(hour), TIMEZONE) + timedelta(seconds=self.rng.randrange(3600))
        moment = local.astimezone(self.now.tzinfo)
        return moment if moment < self.now else None

    def response_times(self, created: datetime, crisis: bool) -> tuple[datetime | None, datetime | None]:
        """When an advisor first replied and when the case was closed (None: not yet)."""
        local = created.astimezone(TIMEZONE)
        office = local.weekday() < 5 and 8 <= local.hour < 18
        if crisis:
            delay = self.rng.lognormvariate(math.log(8 * 60), 0.6)
        elif office:
            delay = self.rng.lognormvariate(math.log(35 * 60), 0.8)
        else:
            delay = _until_office(local) + self.rng.lognormvariate(math.log(50 * 60), 0.7)
        first = created + timedelta(seconds=delay)
        if first >= self.now:
            return None, None
        closed = first + timedelta(seconds=self.rng.lognormvariate(math.log(20 * 3600), 0.9))
        return first, (closed if closed < self.now else None)

    def conversation(
        self, day: date, spike: bool
    ) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None] | None:
        started = self.start(day)
        if started is None:
            return None
        language, district = self._pick(LANGUAGE_WEIGHTS), self._pick(self.districts)
        channel = "telegram" if self.rng.random() < 0.72 else "web"
        common = {"channel": channel, "language": language or None, "district": district or None}
        events: list[dict[str, Any]] = []
        clock = started
        if self.rng.random() < 0.35:
            events.append({**common, "ts": clock, "kind": "language", "outcome": language or "uk"})
        questions = 1 + min(int(self.rng.expovariate(1 / 1.1)), 12)
        misses, case = 0, None
        for _ in range(questions):
            clock += timedelta(seconds=self.rng.randint(15, 240))
            if clock >= self.now:
                break
            event, feedback, handoff = self._question(clock, common, spike, misses)
            events.append(event)
            misses = misses + 1 if event["outcome"] in ("clarify", "fallback") else 0
            if feedback:
                events.append(feedback)
            if handoff and case is None:
                events.append(handoff)
                case = self._case(handoff, language, district)
        if self.rng.random() < 0.004:
            events.append({**common, "ts": clock + timedelta(seconds=30), "kind": "forget"})
        row = {**common, "started_at": started, "last_message_at": clock}
        return row, [e for e in events if e["ts"] < self.now], case

    def _question(
        self, clock: datetime, common: dict[str, Any], spike: bool, misses: int
    ) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]:
        base = {**common, "ts": clock, "kind": "question"}
        if self.rng.random() < 0.004:
            crisis = self.rng.choice(list(CRISES))
            topic = CRISES[crisis] if CRISES[crisis] in self.domain_of else self.topic(spike)
            event = {
                **base,
                "outcome": "crisis",
                "topic": topic,
                "domain": self.domain_of[topic],
                "value": 0.9,
            }
            return (
                event,
                None,
                {**common, "ts": clock, "kind": "handoff", "outcome": "crisis", "topic": topic},
            )
        outcome = self._pick(OUTCOME_WEIGHTS)
        if outcome == "small_talk":
            intent = self.rng.choice(SMALL_TALK)
            return {**base, "outcome": "small_talk", "topic": intent}, None, None
        topic = self.topic(spike)
        confidence = round(
            self.rng.uniform(0.55, 0.99) if outcome in ("answered", "chosen") else self.rng.uniform(0.1, 0.5),
            3,
        )
        if outcome in ("answered", "chosen"):
            event = {
                **base,
                "outcome": outcome,
                "topic": topic,
                "domain": self.domain_of[topic],
                "value": confidence,
            }
            return (
                event,
                self._feedback(clock, common, topic),
                self._maybe_request(clock, common, topic, 0.02),
            )
        event = {
            **base,
            "outcome": outcome,
            "topic": topic if outcome == "clarify" else None,
            "value": confidence,
        }
        chance = 0.25 if misses >= 1 else 0.03
        return event, None, self._maybe_request(clock, common, f"ui.{outcome}", chance)

    def _feedback(self, clock: datetime, common: dict[str, Any], topic: str) -> dict[str, Any] | None:
        if self.rng.random() >= 0.2:
            return None
        value = 1.0 if self.rng.random() < self.helpful[topic] else -1.0
        ts = clock + timedelta(seconds=self.rng.randint(20, 120))
        return {
            **common,
            "ts": ts,
            "kind": "feedback",
            "topic": topic,
            "domain": self.domain_of[topic],
            "value": value,
        }

    def _maybe_request(
        self, clock: datetime, common: dict[str, Any], topic: str, chance: float
    ) -> dict[str, Any] | None:
        if self.rng.random() >= chance:
            return None
        ts = clock + timedelta(seconds=self.rng.randint(10, 90))
        return {**common, "ts": ts, "kind": "handoff", "outcome": "request", "topic": topic}

    def _case(self, handoff: dict[str, Any], language: str, district: str) -> dict[str, Any] | None:
        created: datetime = handoff["ts"]
        if created >= self.now:
            return None
        first, closed = self.response_times(created, handoff["outcome"] == "crisis")
        status = "closed" if closed else ("answered" if first else "waiting")
        return {
            "status": status,
            "reason": handoff["outcome"],
            "crisis": "violence" if handoff["outcome"] == "crisis" else None,
            "language": language or None,
            "district": district or None,
            "topic": handoff["topic"],
            "created_at": created,
            "first_response_at": first,
            "closed_at": closed,
        }

    def day(self, day: date, per_day: float, spike: bool) -> _Day:
        generated = _Day()
        for _ in range(_poisson(self.rng, per_day * WEEKDAY_FACTOR[day.weekday()])):
            drawn = self.conversation(day, spike)
            if drawn is not None:
                row, events, case = drawn
                generated.conversations.append(row)
                generated.events.append(events)
                generated.cases.append(case)
        return generated


def _until_office(local: datetime) -> float:
    """Seconds from a local moment to the next office opening (8:00 on a weekday)."""
    day = local.date() if local.hour < 8 else local.date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return (datetime.combine(day, time(8), TIMEZONE) - local).total_seconds()


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson-like draw (normal approximation, fine for the tens to thousands used here)."""
    return max(0, round(rng.gauss(mean, math.sqrt(mean)))) if mean > 0 else 0


@dataclass(frozen=True)
class Generated:
    conversations: int
    events: int
    cases: int
    first_day: date
    last_day: date


async def is_empty(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """Whether the database has no events yet (demo data goes only into a fresh database)."""
    async with sessions() as session:
        return not await session.scalar(select(func.count()).select_from(Event))


async def _store(session: AsyncSession, generated: _Day) -> tuple[int, int]:
    if not generated.conversations:
        return 0, 0
    # Core inserts on the tables: batched multi-row statements, far faster than ORM bulk inserts.
    table = TABLES["conversations"]
    query = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = list(await session.scalars(query, generated.conversations))
    events = [
        {**dict.fromkeys(EVENT_COLUMNS), **e, "conversation_id": cid}
        for cid, evs in zip(ids, generated.events, strict=True)
        for e in evs
    ]
    cases = [{**c, "conversation_id": cid} for cid, c in zip(ids, generated.cases, strict=True) if c]
    if events:
        await session.execute(insert(TABLES["events"]), events)
    if cases:
        await session.execute(insert(TABLES["handoff_cases"]), cases)
    return len(events), len(cases)


async def generate(
    sessions: async_sessionmaker[AsyncSession],
    shape: Shape,
    *,
    events: int = 100_000,
    days: int = 120,
    seed: int = 7,
    now: datetime | None = None,
) -> Generated:
    """Fill the database with about `events` events over the last `days` days (today included so far).

    Rollups are cleared afterwards, so the dashboard recounts the days that just got their events.
    """
    now = now or utcnow()
    generator = Generator(shape, seed, now)
    last = local_day(now)
    first = last - timedelta(days=days - 1)
    # Growth: the last day sees about twice the conversations of the first.
    base = events / EVENTS_PER_CONVERSATION / (days * 1.5 * AVERAGE_WEEKDAY)
    totals = [0, 0, 0]
    spike_from, spike_to = first + timedelta(days=days // 2), first + timedelta(days=days // 2 + 6)
    async with sessions() as session:
        for offset in range(days):
            day = first + timedelta(days=offset)
            per_day = base * (1 + offset / max(days - 1, 1))
            generated = generator.day(day, per_day, spike_from <= day <= spike_to)
            stored_events, stored_cases = await _store(session, generated)
            totals = [
                totals[0] + len(generated.conversations),
                totals[1] + stored_events,
                totals[2] + stored_cases,
            ]
            if offset % 10 == 9:
                await session.commit()
        await session.commit()
    await rollup.clear(sessions)
    return Generated(totals[0], totals[1], totals[2], first, last)
