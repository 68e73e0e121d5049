"""telegram updates and outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:07:05.384440

Received Telegram updates (stored before they are acknowledged, deduplicated by update id) and the outbox
of messages to Telegram chats (written before the first attempt, so a retry never repeats a delivered one).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_updates",
        sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("body", sa.JSON(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name=op.f("pk_telegram_updates")),
    )
    with op.batch_alter_table("telegram_updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_telegram_updates_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_telegram_updates_status", ["status"], unique=False)

    op.create_table(
        "telegram_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bot_id", sa.BigInteger(), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("params", sa.JSON(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_outbox")),
        sa.UniqueConstraint("bot_id", "update_id", "seq", name=op.f("uq_telegram_outbox_bot_id")),
    )
    with op.batch_alter_table("telegram_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_telegram_outbox_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_telegram_outbox_status_chat", ["status", "chat_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("telegram_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_telegram_outbox_status_chat")
        batch_op.drop_index(batch_op.f("ix_telegram_outbox_created_at"))
    op.drop_table("telegram_outbox")

    with op.batch_alter_table("telegram_updates", schema=None) as batch_op:
        batch_op.drop_index("ix_telegram_updates_status")
        batch_op.drop_index(batch_op.f("ix_telegram_updates_received_at"))
    op.drop_table("telegram_updates")
