"""The "Unanswered" inbox: questions the bot could not answer well, for editors to turn into better answers.

A question enters the inbox when the understanding was unsure or torn between topics, when it was judged
outside the guide, or when the user pressed 👎 on the answer it got. Messages that raised a crisis never
enter it (advisors handle those). `refresh` finds new ones since the last look; for each it stores what the
understanding makes of it now (the ranking and the documents named) for grouping, but no text: the text stays
in `messages`, is masked when shown, and goes when the person erases their data.

An editor assigns a question to a topic (it becomes a training question, masked), marks it "needs new
content" (nothing in the guide answers it yet), or dismisses it (noise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.dialogue import Understander
from bot.editor import training
from bot.editor.grouping import Question
from bot.privacy import mask
from bot.storage.models import Event, InboxItem, Message, utcnow
from nlu import LanguageHint

#: How far back the inbox looks for questions, and how many new ones one look reads at most.
WINDOW = timedelta(days=90)
BATCH = 500
#: A 👎 concerns the question asked shortly before it in the same conversation.
FEEDBACK_REACH = timedelta(hours=1)
STATUSES = ("open", "needs_content", "assigned", "dismissed")
REASONS = ("unsure", "ambiguous", "out_of_scope", "thumbs_down")
_RANKED = 5


@dataclass(frozen=True)
class Candidate:
    """A message that belongs in the inbox, and why."""

    message: Message
    reason: str
    answered: str | None = None


def _reason(message: Message) -> str | None:
    if message.decision in ("unsure", "ambiguous"):
        return message.decision
    if message.intent == "out_of_scope":
        return "out_of_scope"
    return None


async def _known(session: AsyncSession, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(await session.scalars(select(InboxItem.message_id).where(InboxItem.message_id.in_(ids))))


async def _missed(session: AsyncSession, since: datetime) -> list[Candidate]:
    """Questions the understanding was unsure about or placed outside the guide, not yet in the inbox."""
    already = select(InboxItem.message_id)
    messages = await session.scalars(
        select(Message)
        .where(
            Message.direction == "in",
            Message.text.is_not(None),
            Message.created_at >= since,
            (Message.decision.in_(("unsure", "ambiguous"))) | (Message.intent == "out_of_scope"),
            Message.id.not_in(already),
        )
        .order_by(Message.id)
        .limit(BATCH)
    )
    return [Candidate(message, reason) for message in messages if (reason := _reason(message)) is not None]


def _asked_before(messages: Sequence[Message], event: Event) -> Message | None:
    """The question a 👎 was about: the latest one before it that got this topic, or a "Did you mean"."""
    for message in sorted(messages, key=lambda m: m.created_at, reverse=True):
        if message.created_at > event.ts or event.ts - message.created_at > FEEDBACK_REACH:
            continue
        if message.intent == event.topic or message.decision in ("unsure", "ambiguous"):
            return message
    return None


async def _disliked(session: AsyncSession, since: datetime) -> list[Candidate]:
    """Questions whose answer got a 👎, not yet in the inbox."""
    events = list(
        await session.scalars(
            select(Event).where(
                Event.kind == "feedback",
                Event.value < 0,
                Event.ts >= since,
                Event.conversation_id.is_not(None),
            )
        )
    )
    if not events:
        return []
    conversations = {event.conversation_id for event in events}
    by_conversation: dict[int, list[Message]] = {}
    for message in await session.scalars(
        select(Message).where(
            Message.conversation_id.in_(conversations),
            Message.direction == "in",
            Message.text.is_not(None),
            Message.created_at >= since - FEEDBACK_REACH,
        )
    ):
        by_conversation.setdefault(message.conversation_id, []).append(message)
    found: dict[int, Candidate] = {}
    for event in events:
        asked = _asked_before(by_conversation.get(event.conversation_id or 0, []), event)
        if asked is not None:
            found.setdefault(asked.id, Candidate(asked, "thumbs_down", answered=event.topic))
    known = await _known(session, list(found))
    return [candidate for key, candidate in found.items() if key not in known]


async def _features(understanding: Understander, message: Message) -> tuple[dict[str, Any], bool]:
    """What the understanding makes of the question now: ranking and documents; and whether it is a crisis."""
    text = message.text or ""
    parse = await understanding.parse(text, LanguageHint(chosen=message.language))
    features = {
        "ranking": [[intent, round(score, 4)] for intent, score in parse.ranking[:_RANKED]],
        "documents": list(parse.entities.documents),
    }
    return features, parse.crisis is not None


async def refresh(session: AsyncSession, understanding: Understander, now: datetime | None = None) -> int:
    """Add the questions asked since the last look; returns how many were added. Caller commits.

    Args:
        understanding: the running one, for each question's ranking and crisis signal.
    """
    since = (now or utcnow()) - WINDOW
    candidates = [*await _missed(session, since), *await _disliked(session, since)]
    seen: set[int] = set()
    for candidate in candidates:
        message = candidate.message
        if message.id in seen or (message.text or "").startswith("/"):
            continue
        seen.add(message.id)
        features, crisis = await _features(understanding, message)
        session.add(
            InboxItem(
                message_id=message.id,
                reason=candidate.reason,
                language=message.language,
                answered=candidate.answered,
                features=features,
                # A crisis is the advisors' business, never an editing task.
                status="crisis" if crisis else "open",
                asked_at=message.created_at,
            )
        )
    await session.flush()
    return len(seen)


async def questions(session: AsyncSession, status: str = "open", reason: str | None = None) -> list[Question]:
    """The inbox's questions in one state, masked, ready for grouping."""
    query = (
        select(InboxItem, Message.text)
        .join(Message, Message.id == InboxItem.message_id)
        .where(InboxItem.status == status, InboxItem.asked_at >= utcnow() - WINDOW)
        .order_by(InboxItem.asked_at.desc())
    )
    if reason:
        query = query.where(InboxItem.reason == reason)
    return [
        Question(
            id=item.message_id,
            text=mask(text or ""),
            language=item.language,
            asked_at=item.asked_at,
            reason=item.reason,
            ranking=tuple((str(i), float(s)) for i, s in item.features.get("ranking", [])),
            documents=tuple(item.features.get("documents", [])),
            answered=item.answered,
        )
        for item, text in (await session.execute(query)).all()
    ]


async def counts(session: AsyncSession) -> dict[str, int]:
    """How many questions are in each state."""
    rows = await session.execute(
        select(InboxItem.status, func.count())
        .where(InboxItem.asked_at >= utcnow() - WINDOW)
        .group_by(InboxItem.status)
    )
    return {status: count for status, count in rows.all()}


async def _items(session: AsyncSession, ids: Sequence[int]) -> list[InboxItem]:
    if not ids:
        return []
    return list(await session.scalars(select(InboxItem).where(InboxItem.message_id.in_(ids))))


async def decide(session: AsyncSession, ids: Sequence[int], status: str, author: str) -> int:
    """Mark questions "needs new content", dismissed, or open again; returns how many changed."""
    if status not in STATUSES or status == "assigned":
        raise ValueError(f"unknown inbox status {status!r}")
    items = [item for item in await _items(session, ids) if item.status != "crisis"]
    for item in items:
        item.status, item.topic = status, None
        item.decided_by, item.decided_at = (None, None) if status == "open" else (author, utcnow())
    await session.flush()
    return len(items)


async def assign(
    session: AsyncSession, data_dir: Path, ids: Sequence[int], intent: str, author: str
) -> tuple[int, int]:
    """Make the questions training questions of `intent` (masked); returns (questions, new examples)."""
    items = [item for item in await _items(session, ids) if item.status != "crisis"]
    query = select(Message.id, Message.text).where(Message.id.in_([item.message_id for item in items]))
    texts = {message_id: text for message_id, text in (await session.execute(query)).all()}
    added = 0
    for language in sorted({item.language or "" for item in items}):
        chosen = [item for item in items if (item.language or "") == language and texts.get(item.message_id)]
        if not chosen or not language:
            continue
        added += await training.add(
            session,
            data_dir,
            intent,
            language,
            [texts[item.message_id] or "" for item in chosen],
            author,
            [item.message_id for item in chosen],
        )
    for item in items:
        item.status, item.topic, item.decided_by, item.decided_at = "assigned", intent, author, utcnow()
    await session.flush()
    return len(items), added
