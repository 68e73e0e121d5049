"""The database schema: users, conversations, messages, events, handoff cases, staff and content.

Personal data sits in `users` and `messages` only, so erasure (/forget) and retention touch two tables;
`events` are anonymous facts for statistics and survive erasure.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import DateTime, TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now; every timestamp is stored in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Keeps datetimes aware on SQLite too, which stores them without a zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class User(Base):
    """A person talking to the bot through one channel."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("channel", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(2))
    client_language: Mapped[str | None] = mapped_column(String(16))
    district: Mapped[str | None] = mapped_column(String(32))
    citizenship: Mapped[str | None] = mapped_column(String(2))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class Conversation(Base):
    """A stretch of talk with one user; kept (without the user) for statistics after erasure."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(2))
    district: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)


class Message(Base):
    """One message in or out, with what the understanding layer made of an incoming one."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_conversation_created", "conversation_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(3))
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str | None] = mapped_column(String(2))
    intent: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None]
    decision: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Event(Base):
    """An anonymous fact for statistics: no user id and no text, only what the dashboard counts."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_kind_ts", "kind", "ts"),
        Index("ix_events_ts", "ts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ts: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(24))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(2))
    district: Mapped[str | None] = mapped_column(String(32))
    topic: Mapped[str | None] = mapped_column(String(64))
    domain: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(24))
    value: Mapped[float | None]


class HandoffCase(Base):
    """A conversation handed to a CWII advisor: waiting -> assigned -> answered -> closed."""

    __tablename__ = "handoff_cases"
    __table_args__ = (Index("ix_handoff_cases_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    reason: Mapped[str] = mapped_column(String(24))
    crisis: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(2))
    topic: Mapped[str | None] = mapped_column(String(64))
    district: Mapped[str | None] = mapped_column(String(32))
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_response_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # --- the advisors' side (migration 0006) ---
    # What set the case off in detail (command, phrase, button, topic, feedback, misunderstood, crisis);
    # `reason` keeps the statistics' coarse vocabulary (request, crisis, escalate).
    trigger: Mapped[str | None] = mapped_column(String(24), default=None)
    # Who claimed it: a console account (assigned_to) and/or a member of the Telegram advisors' group.
    assigned_name: Mapped[str | None] = mapped_column(String(64), default=None)
    assigned_telegram_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    assigned_at: Mapped[datetime | None] = mapped_column(default=None)
    # The latest advisor message to the user (first_response_at is the first one).
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
    # Since when the person has been waiting in the queue: opening, or the latest reopening.
    waiting_since: Mapped[datetime | None] = mapped_column(default=None)
    closed_by: Mapped[str | None] = mapped_column(String(16), default=None)
    reopen_count: Mapped[int] = mapped_column(default=0)
    # Whether the person was told that their messages since the advisor's last turn arrived.
    user_acked: Mapped[bool] = mapped_column(default=False)
    # The case's forum topic in the Telegram advisors' group (None: not created yet, or deleted).
    telegram_thread_id: Mapped[int | None] = mapped_column(BigInteger, default=None)


class CaseMessage(Base):
    """One message of a handoff case: the person's (user), an advisor's (advisor) or an internal note.

    Notes never reach the person. `text` is nullable and `created_at` indexed so that retention can purge
    old texts like those of `messages`; /forget deletes the rows. `relayed_at` records that the message is
    in the case's Telegram topic (or in the outbox towards it), `delivered_at` that a web chat visitor
    fetched an advisor's message: the relay state lives here, so a restart loses nothing.
    """

    __tablename__ = "case_messages"
    __table_args__ = (Index("ix_case_messages_case_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("handoff_cases.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(8))
    author: Mapped[str | None] = mapped_column(String(64), default=None)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), default=None)
    text: Mapped[str | None] = mapped_column(Text, default=None)
    media_kind: Mapped[str | None] = mapped_column(String(16), default=None)
    file_id: Mapped[str | None] = mapped_column(String(256), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    relayed_at: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)


class Staff(Base):
    """A CWII staff account for the web console; the password is stored as an argon2 hash only."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    languages: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The advisor's Telegram user id, to credit what they do in the advisors' group (migration 0006).
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True, default=None)


class ContentTopic(Base):
    """The current published version of one guide topic (the whole topic document as JSON)."""

    __tablename__ = "content_topics"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    domain: Mapped[str] = mapped_column(String(16))
    body: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revisions: Mapped[list[ContentRevision]] = relationship(
        back_populates="topic", order_by="ContentRevision.version"
    )
    # The revision users see; `version` is the newest revision, a draft when the two differ. None: a new
    # topic that was never published (it is not in the guide).
    published_version: Mapped[int | None] = mapped_column(default=None)


class ContentRevision(Base):
    """Every change to a topic, kept for history and rollback."""

    __tablename__ = "content_revisions"
    __table_args__ = (UniqueConstraint("topic_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("content_topics.id", ondelete="CASCADE"))
    version: Mapped[int]
    body: Mapped[dict[str, Any]]
    source_hash: Mapped[str | None] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    topic: Mapped[ContentTopic] = relationship(back_populates="revisions")
    # What the revision did: files | import | create | draft | publish | rollback (None: before the editor).
    action: Mapped[str | None] = mapped_column(String(16), default=None)


class StaffSession(Base):
    """A logged-in console session; only a hash of the cookie's token is stored."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class AuditEntry(Base):
    """What a staff member did in the console, for accountability (never message texts)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_ts", "ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ts: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    target: Mapped[str | None] = mapped_column(String(128))
    remote: Mapped[str | None] = mapped_column(String(64))


class TelegramUpdate(Base):
    """A Telegram update as received, stored before it is acknowledged so that none is lost or answered twice.

    The primary key is Telegram's own update id (per bot), so a redelivered update is recognised. `body` keeps
    the raw update only until its replies are decided (the core keeps the transcript); the row itself stays
    for the deduplication window and is then pruned.
    """

    __tablename__ = "telegram_updates"
    __table_args__ = (Index("ix_telegram_updates_status", "status"),)

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12), default="new")
    body: Mapped[dict[str, Any] | None]
    received_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    handled_at: Mapped[datetime | None]


class TelegramOutbox(Base):
    """One message for a Telegram chat, written before the first attempt to send it.

    A reply survives retries and restarts here, and `status` says whether it reached the chat, so a retry
    never sends a delivered message again. `params` (the message itself) is cleared once the row is final.
    """

    __tablename__ = "telegram_outbox"
    __table_args__ = (
        UniqueConstraint("bot_id", "update_id", "seq"),
        Index("ix_telegram_outbox_status_chat", "status", "chat_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bot_id: Mapped[int] = mapped_column(BigInteger)
    update_id: Mapped[int | None] = mapped_column(BigInteger)
    seq: Mapped[int] = mapped_column(default=0)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    params: Mapped[dict[str, Any] | None]
    attempts: Mapped[int] = mapped_column(default=0)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    sent_at: Mapped[datetime | None]


# --- statistics ---------------------------------------------------------------------------------------
# The dashboard reads completed days from these rollups and only today from `events`, so a page costs the
# same with a thousand events or a million. Range scans by time need these two indexes as well.
Index("ix_conversations_started_at", Conversation.started_at)
Index("ix_handoff_cases_created_at", HandoffCase.created_at)


class StatsDay(Base):
    """A local (Europe/Warsaw) day whose events are rolled up into `stats_daily`; it is never recounted.

    A day is rolled up only once it is over, and events are never written into the past, so the rollup stays
    exact. `firststeps stats --rebuild` clears both tables when events were imported afterwards.
    """

    __tablename__ = "stats_days"

    day: Mapped[date] = mapped_column(primary_key=True)
    events: Mapped[int] = mapped_column(default=0)
    rolled_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatsDaily(Base):
    """One cell of one breakdown on one day: e.g. ("languages", 2026-11-02, "uk", "answered", "") -> 412.

    Keys are dimension values with "" for "not known"; which dimension each key holds is defined once per
    breakdown in `bot.stats.cube.BREAKDOWNS`. Rows of "w:<breakdown>" and "m:<breakdown>" hold the sums of
    a whole week or month (day = its first day), marked done by a "w:done" or "m:done" row.
    """

    __tablename__ = "stats_daily"
    __table_args__ = (Index("ix_stats_daily_breakdown_key1_day", "breakdown", "key1", "day"),)

    breakdown: Mapped[str] = mapped_column(String(24), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    key1: Mapped[str] = mapped_column(String(64), primary_key=True, default="")
    key2: Mapped[str] = mapped_column(String(64), primary_key=True, default="")
    key3: Mapped[str] = mapped_column(String(64), primary_key=True, default="")
    count: Mapped[int] = mapped_column(default=0)


# --- editors ------------------------------------------------------------------------------------------
# The editor keeps its workflow beside the content tables: review flags for translations, the training
# questions editors add or remove, and the "Unanswered" inbox. The inbox holds no text: the question stays in
# `messages`, so erasing a person (/forget) erases their inbox items too.


class ContentReview(Base):
    """A language version flagged "needs review" because another language of the topic changed."""

    __tablename__ = "content_reviews"

    topic_id: Mapped[str] = mapped_column(
        ForeignKey("content_topics.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(2), primary_key=True)
    changed: Mapped[str] = mapped_column(String(16))
    since_version: Mapped[int | None]
    version: Mapped[int]
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EditorExample(Base):
    """A training question an editor added to a topic ("add") or took away from the files ("remove")."""

    __tablename__ = "editor_examples"
    __table_args__ = (
        UniqueConstraint("intent", "language", "action", "text"),
        Index("ix_editor_examples_intent_language", "intent", "language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    intent: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(8), default="add")
    author: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InboxItem(Base):
    """A question the bot could not answer (or answered unhelpfully), waiting for an editor's decision."""

    __tablename__ = "inbox_items"
    __table_args__ = (Index("ix_inbox_items_status_asked_at", "status", "asked_at"),)

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    reason: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(2))
    answered: Mapped[str | None] = mapped_column(String(64))
    features: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(16), default="open")
    topic: Mapped[str | None] = mapped_column(String(64))
    asked_at: Mapped[datetime]
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
