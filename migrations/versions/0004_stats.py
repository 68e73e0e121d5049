"""statistics: daily rollups and time indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 12:00:00

Daily rollups of the anonymous events (one row per breakdown cell and day, and the days already rolled up),
plus the two range indexes the dashboard needs: conversations by start and handoff cases by creation.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stats_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("rolled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_stats_days")),
    )
    op.create_table(
        "stats_daily",
        sa.Column("breakdown", sa.String(length=24), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("key1", sa.String(length=64), nullable=False),
        sa.Column("key2", sa.String(length=64), nullable=False),
        sa.Column("key3", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("breakdown", "day", "key1", "key2", "key3", name=op.f("pk_stats_daily")),
    )
    with op.batch_alter_table("stats_daily", schema=None) as batch_op:
        batch_op.create_index("ix_stats_daily_breakdown_key1_day", ["breakdown", "key1", "day"], unique=False)
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.create_index("ix_conversations_started_at", ["started_at"], unique=False)
    with op.batch_alter_table("handoff_cases", schema=None) as batch_op:
        batch_op.create_index("ix_handoff_cases_created_at", ["created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handoff_cases", schema=None) as batch_op:
        batch_op.drop_index("ix_handoff_cases_created_at")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index("ix_conversations_started_at")
    with op.batch_alter_table("stats_daily", schema=None) as batch_op:
        batch_op.drop_index("ix_stats_daily_breakdown_key1_day")
    op.drop_table("stats_daily")
    op.drop_table("stats_days")
