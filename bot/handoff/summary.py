"""What an advisor needs to see first: who is asking, in which language, about what, and why it came here.

The summary is built from the case, the person's profile (district, citizenship if they said it) and the
latest messages of their conversation with the bot, and rendered in the advisors' language. The same
`Summary` feeds the first message of the case's Telegram topic and the head of the console's case page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel import Locale
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.storage.models import HandoffCase, Message, User
from content.guide import Guide
from content.markup import escape

TOPIC_NAME_LIMIT = 128
QUOTE_LIMIT = 300


@dataclass(frozen=True)
class Line:
    """One message of the conversation before (or during) the handoff."""

    direction: str  # "in" (the person) or "out" (the bot)
    text: str
    at: datetime


@dataclass(frozen=True)
class Summary:
    case_id: int
    language: str | None
    topics: tuple[str, ...]
    district: str | None
    citizenship: str | None
    reason: str
    trigger: str | None
    crisis: str | None
    channel: str | None
    reopened: int
    opened: datetime
    last: tuple[Line, ...]


def topic_name(found: HandoffCase) -> str:
    """The forum topic's name: "#12 · UK · legal.temporary_residence" (🆘 first for a crisis)."""
    parts = [f"#{found.id}", (found.language or "??").upper()]
    if found.topic:
        parts.append(found.topic)
    name = " · ".join(parts)
    if found.crisis:
        name = f"🆘 {name} · {found.crisis}"
    return name[:TOPIC_NAME_LIMIT]


async def build(session: AsyncSession, found: HandoffCase, last: int = 8) -> Summary:
    """The summary of a case from the database."""
    user = await session.get(User, found.user_id) if found.user_id is not None else None
    lines: list[Line] = []
    topics: list[str] = [found.topic] if found.topic else []
    if found.conversation_id is not None:
        rows = await session.scalars(
            select(Message)
            .where(Message.conversation_id == found.conversation_id, Message.text.is_not(None))
            .order_by(Message.id.desc())
            .limit(max(last, 1) * 3)
        )
        recent = list(rows)
        for message in recent:
            intent = message.intent or ""
            if message.direction == "in" and "." in intent and intent not in topics:
                topics.append(intent)
        lines = [
            Line(message.direction, _quote(message.text or ""), message.created_at)
            for message in reversed(recent[:last])
        ]
    return Summary(
        case_id=found.id,
        language=found.language,
        topics=tuple(topics[:5]),
        district=found.district or (user.district if user else None),
        citizenship=user.citizenship if user else None,
        reason=found.reason,
        trigger=found.trigger,
        crisis=found.crisis,
        channel=user.channel if user else None,
        reopened=found.reopen_count,
        opened=found.created_at,
        last=tuple(lines),
    )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


def why(summary: Summary, t: Translator) -> str:
    """Why the case reached advisors, in words."""
    triggers = {
        "command": t._("asked for an advisor (/advisor)"),
        "button": t._("pressed “Talk to an advisor”"),
        "phrase": t._("asked to talk to a person"),
        "topic": t._("a topic that always needs an advisor"),
        "feedback": t._("the answer did not help (👎)"),
        "misunderstood": t._("the bot did not understand repeatedly"),
        "crisis": t._("crisis signals: {kind}", kind=summary.crisis or "?"),
    }
    return triggers.get(summary.trigger or "", summary.reason)


def country(code: str | None, language: str) -> str | None:
    """A citizenship code as a country name in the advisors' language."""
    if not code:
        return None
    return str(Locale.parse(language).territories.get(code.upper(), code.upper()))


def district_name(guide: Guide, district: str | None, language: str) -> str | None:
    """A district's name in a language (its id when the guide does not know it)."""
    found = guide.district(district)
    return found.name(language) if found is not None else district


def render(summary: Summary, t: Translator, district_name: str | None = None) -> str:
    """The summary as markup (the first message of a case's Telegram topic)."""
    head = t._("Case #{case}", case=summary.case_id)
    if summary.crisis:
        head = f"🆘 {head}"
    rows = [
        f"**{escape(head)}**",
        t._("Why: {why}", why=escape(why(summary, t))),
        t._("Language: {language}", language=(summary.language or "?").upper()),
    ]
    if summary.topics:
        rows.append(t._("Topics: {topics}", topics=escape(", ".join(summary.topics))))
    if summary.district:
        rows.append(t._("District: {district}", district=escape(district_name or summary.district)))
    citizenship = country(summary.citizenship, t.language)
    if citizenship:
        rows.append(t._("Citizenship: {country}", country=escape(citizenship)))
    if summary.channel:
        rows.append(t._("Channel: {channel}", channel=escape(summary.channel)))
    if summary.reopened:
        rows.append(t._("Reopened: {count}×", count=summary.reopened))
    parts = ["\n".join(rows)]
    if summary.last:
        quoted = [f"{'👤' if line.direction == 'in' else '🤖'} {escape(line.text)}" for line in summary.last]
        latest = t._("Latest messages")
        parts.append(f"**{escape(latest)}**\n" + "\n".join(quoted))
    parts.append(how_to_answer(t))
    return "\n\n".join(parts)


def how_to_answer(t: Translator) -> str:
    """The commands of a case's topic in the advisors' group."""
    return t._(
        "Write here to answer the person. /claim takes the case, /note adds an internal note "
        "(never sent), /close closes it."
    )
