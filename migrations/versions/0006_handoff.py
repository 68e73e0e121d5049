"""handoff: advisors' side of cases, case messages, Telegram topics, staff Telegram ids

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00

`handoff_cases` gains the lifecycle the advisors drive (who claimed it and when, the latest answer, who
closed it, reopenings, the detailed trigger) and the id of its forum topic in the Telegram advisors' group.
`case_messages` holds what the person and the advisors wrote in a case, internal notes included, with the
relay state. `staff.telegram_id` links a console account to a member of the advisors' group.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoff_cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trigger", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("assigned_name", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("assigned_telegram_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("closed_by", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("reopen_count", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("user_acked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("telegram_thread_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("handoff_cases", schema=None) as batch_op:
        batch_op.alter_column("reopen_count", server_default=None)
        batch_op.alter_column("user_acked", server_default=None)
    op.execute("UPDATE handoff_cases SET waiting_since = created_at")

    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("telegram_id", sa.BigInteger(), nullable=True))
        batch_op.create_unique_constraint(op.f("uq_staff_telegram_id"), ["telegram_id"])

    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("media_kind", sa.String(length=16), nullable=True),
        sa.Column("file_id", sa.String(length=256), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("relayed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["handoff_cases.id"],
            name=op.f("fk_case_messages_case_id_handoff_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_case_messages_staff_id_staff"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_messages")),
    )
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.create_index("ix_case_messages_case_id", ["case_id", "id"], unique=False)
        batch_op.create_index(op.f("ix_case_messages_created_at"), ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_messages", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_case_messages_created_at"))
        batch_op.drop_index("ix_case_messages_case_id")
    op.drop_table("case_messages")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_staff_telegram_id"), type_="unique")
        batch_op.drop_column("telegram_id")
    with op.batch_alter_table("handoff_cases", schema=None) as batch_op:
        for column in (
            "telegram_thread_id",
            "user_acked",
            "reopen_count",
            "closed_by",
            "waiting_since",
            "answered_at",
            "assigned_at",
            "assigned_telegram_id",
            "assigned_name",
            "trigger",
        ):
            batch_op.drop_column(column)
