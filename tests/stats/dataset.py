"""A small, hand-built week of activity whose every figure is worked out by hand in EXPECTED below.

Week Mon 2 - Sun 8 November 2026 (local time, UTC+1), compared with Mon 26 October - Sun 1 November.
Conversations (language, district) and their events:

    c1      uk gdansk  Mon 00:15  pesel answered x2, clarify(pesel) x2, thumbs up pesel x2  case A request
    c2      uk gdansk  Mon 10:00  pesel answered x2, thumbs up pesel x2, down x1            case B request
    c3      ru gdansk  Tue        pesel answered                                             case C request
    c4      ru gdynia  Tue        pesel answered
    c5      en -       Wed        permit answered x3, thumbs up permit x1, down x2          case D request
    c6      pl gdansk  Thu        permit chosen x2                                           case E request
    c7      uk slupsk  Thu        housing.registration answered, small talk x2              case F request
    c8      ru -       Fri        fallback x3                                                case G request
    c9      en gdansk  Sat        out of scope
    c10     uk gdynia  Sun 23:30  crisis (safety.domestic_violence)                         case H crisis
    c11-15  pl gdynia  Sun 12:00  language chosen only
    c16     uk gdansk  Mon 9 Nov 00:30 (next week: outside)  pesel answered
    p1      uk gdansk  Tue 27 Oct  pesel answered x5, fallback x1                           case P request
    p2      uk gdansk  Tue 27 Oct  (only asked for an advisor)                              case Q request

Cases open 10 minutes after the conversation starts. Minutes to the first reply / to closing: A 10/60,
B 20/120, C 30/180, D 40/240, E 50/- (answered, open), F -/- (waiting), G -/90 (closed with no reply),
H 5/30; P 15/-, Q 25/-.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.stats.definitions import TIMEZONE
from bot.stats.period import Period
from bot.storage.models import Conversation, Event, HandoffCase

WEEK = Period("week", date(2026, 11, 2), date(2026, 11, 8))
PREVIOUS = Period("week", date(2026, 10, 26), date(2026, 11, 1))
#: "Now" for tests: well after the week, so every day of it can be rolled up.
LATER = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TOPIC_DOMAIN = {
    "legal.pesel": "legal",
    "work.permit": "work",
    "housing.registration": "housing",
    "safety.domestic_violence": "safety",
}


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware UTC instant from a local (Europe/Warsaw) wall-clock time."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TIMEZONE).astimezone(UTC)


@dataclass
class Talk:
    """One conversation with its events and at most one handoff case."""

    language: str | None
    district: str | None
    start: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    case: dict[str, Any] | None = None

    def _add(self, kind: str, **fields: Any) -> Talk:
        ts = self.start + timedelta(minutes=len(self.events))
        self.events.append({"kind": kind, "ts": ts, **fields})
        return self

    def ask(self, outcome: str, topic: str | None = None, times: int = 1) -> Talk:
        domain = TOPIC_DOMAIN.get(topic or "") if outcome in ("answered", "chosen", "crisis") else None
        for _ in range(times):
            self._add("question", outcome=outcome, topic=topic, domain=domain, value=0.9)
        return self

    def thumbs(self, topic: str, up: int = 0, down: int = 0) -> Talk:
        for value in [1.0] * up + [-1.0] * down:
            self._add("feedback", topic=topic, domain=TOPIC_DOMAIN[topic], value=value)
        return self

    def escalate(self, reason: str, first: int | None, closed: int | None) -> Talk:
        created = self.start + timedelta(minutes=10)
        self.case = {
            "reason": reason,
            "status": "closed" if closed is not None else ("answered" if first is not None else "waiting"),
            "created_at": created,
            "first_response_at": created + timedelta(minutes=first) if first is not None else None,
            "closed_at": created + timedelta(minutes=closed) if closed is not None else None,
        }
        return self._add("handoff", outcome=reason)


def talks() -> list[Talk]:
    mon, tue, wed, thu = (date(2026, 11, d) for d in (2, 3, 4, 5))
    fri, sat, sun = (date(2026, 11, d) for d in (6, 7, 8))
    return [
        Talk("uk", "gdansk", local(mon, 0, 15))
        .ask("answered", "legal.pesel", 2)
        .ask("clarify", "legal.pesel", 2)
        .thumbs("legal.pesel", up=2)
        .escalate("request", 10, 60),
        Talk("uk", "gdansk", local(mon, 10))
        .ask("answered", "legal.pesel", 2)
        .thumbs("legal.pesel", up=2, down=1)
        .escalate("request", 20, 120),
        Talk("ru", "gdansk", local(tue, 9)).ask("answered", "legal.pesel").escalate("request", 30, 180),
        Talk("ru", "gdynia", local(tue, 11)).ask("answered", "legal.pesel"),
        Talk("en", None, local(wed, 14))
        .ask("answered", "work.permit", 3)
        .thumbs("work.permit", up=1, down=2)
        .escalate("request", 40, 240),
        Talk("pl", "gdansk", local(thu, 9)).ask("chosen", "work.permit", 2).escalate("request", 50, None),
        Talk("uk", "slupsk", local(thu, 18))
        .ask("answered", "housing.registration")
        .ask("small_talk", "greet", 2)
        .escalate("request", None, None),
        Talk("ru", None, local(fri, 20)).ask("fallback", None, 3).escalate("request", None, 90),
        Talk("en", "gdansk", local(sat, 13)).ask("out_of_scope"),
        Talk("uk", "gdynia", local(sun, 23, 30))
        .ask("crisis", "safety.domestic_violence")
        .escalate("crisis", 5, 30),
        *(Talk("pl", "gdynia", local(sun, 12))._add("language", outcome="pl") for _ in range(5)),
        Talk("uk", "gdansk", local(date(2026, 11, 9), 0, 30)).ask("answered", "legal.pesel"),
        Talk("uk", "gdansk", local(date(2026, 10, 27), 10))
        .ask("answered", "legal.pesel", 5)
        .ask("fallback")
        .escalate("request", 15, None),
        Talk("uk", "gdansk", local(date(2026, 10, 27), 16)).escalate("request", 25, None),
    ]


async def load(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Write the dataset the way the core does: conversations, anonymous events, handoff cases."""
    async with sessions() as session:
        for talk in talks():
            conversation = Conversation(
                channel="telegram",
                language=talk.language,
                district=talk.district,
                started_at=talk.start,
                last_message_at=talk.start,
            )
            session.add(conversation)
            await session.flush()
            for event in talk.events:
                session.add(
                    Event(
                        conversation_id=conversation.id,
                        channel="telegram",
                        language=talk.language,
                        district=talk.district,
                        **event,
                    )
                )
            if talk.case is not None:
                session.add(HandoffCase(conversation_id=conversation.id, language=talk.language, **talk.case))
        await session.commit()
