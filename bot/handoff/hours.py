"""Office hours of the advisors: whether they are in now, when they are back, and how to say the hours.

Hours are per weekday in the office's time zone (Europe/Warsaw), with closed dates for public holidays, as
configured in `handoff:` of config.yml. All instants in and out are aware datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, format_time, get_day_names

from bot.config import WEEKDAYS, HandoffSettings

LOOK_AHEAD_DAYS = 30


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(23, 59, 59) if hours == "24" else time(int(hours), int(minutes))


@dataclass(frozen=True)
class OfficeHours:
    """When advisors answer: `spans[weekday]` is (opens, closes) or None, Monday = 0."""

    zone: ZoneInfo
    spans: tuple[tuple[time, time] | None, ...]
    closed_dates: frozenset[date]

    @classmethod
    def from_settings(cls, settings: HandoffSettings) -> OfficeHours:
        spans = []
        for day in WEEKDAYS:
            span = settings.hours.get(day)
            spans.append((_clock(span[:5]), _clock(span[6:])) if span else None)
        return cls(ZoneInfo(settings.timezone), tuple(spans), frozenset(settings.closed_dates))

    def _span(self, day: date) -> tuple[time, time] | None:
        return None if day in self.closed_dates else self.spans[day.weekday()]

    def is_open(self, at: datetime) -> bool:
        """Whether advisors are in at this instant."""
        local = at.astimezone(self.zone)
        span = self._span(local.date())
        return span is not None and span[0] <= local.time() < span[1]

    def next_open(self, at: datetime) -> datetime | None:
        """The next opening after `at` (in the office's zone), or None if the office never opens."""
        local = at.astimezone(self.zone)
        for offset in range(LOOK_AHEAD_DAYS + 1):
            day = local.date() + timedelta(days=offset)
            span = self._span(day)
            if span is None:
                continue
            opens = datetime.combine(day, span[0], tzinfo=self.zone)
            if opens > local:
                return opens
        return None

    def describe(self, language: str) -> str:
        """The weekly hours in a language, days with the same hours grouped: "Mon–Fri 09:00–17:00"."""
        names = get_day_names("abbreviated", locale=language)
        groups: list[tuple[int, int, tuple[time, time]]] = []
        for weekday, span in enumerate(self.spans):
            if span is None:
                continue
            if groups and groups[-1][1] == weekday - 1 and groups[-1][2] == span:
                groups[-1] = (groups[-1][0], weekday, span)
            else:
                groups.append((weekday, weekday, span))
        parts = []
        for first, last, (opens, closes) in groups:
            days = names[first] if first == last else f"{names[first]}–{names[last]}"
            hours = "–".join(format_time(moment, "HH:mm", locale=language) for moment in (opens, closes))
            parts.append(f"{days} {hours}")
        return ", ".join(parts)

    def format_moment(self, moment: datetime, language: str) -> str:
        """A moment as the person reads it in their language, in the office's zone."""
        return format_datetime(moment, "EEEE d MMMM, HH:mm", tzinfo=self.zone, locale=language)
