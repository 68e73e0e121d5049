"""editor: drafts and published versions, translation reviews, editors' training questions, inbox

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 14:00:00

A topic's newest revision may now be a draft: `content_topics.published_version` says which revision users
see (existing topics: their current version), `content_revisions.action` what each revision did. New tables
hold the "needs review" flags of translations, the training questions editors add or remove, and the
"Unanswered" inbox (which points at `messages` and keeps no text of its own).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("content_topics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_version", sa.Integer(), nullable=True))
    op.execute("UPDATE content_topics SET published_version = version")
    with op.batch_alter_table("content_revisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("action", sa.String(length=16), nullable=True))

    op.create_table(
        "content_reviews",
        sa.Column("topic_id", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("changed", sa.String(length=16), nullable=False),
        sa.Column("since_version", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["content_topics.id"],
            name=op.f("fk_content_reviews_topic_id_content_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("topic_id", "language", name=op.f("pk_content_reviews")),
    )
    op.create_table(
        "editor_examples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intent", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_editor_examples_message_id_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editor_examples")),
        sa.UniqueConstraint(
            "intent", "language", "action", "text", name=op.f("uq_editor_examples_intent")
        ),
    )
    with op.batch_alter_table("editor_examples", schema=None) as batch_op:
        batch_op.create_index("ix_editor_examples_intent_language", ["intent", "language"], unique=False)
    op.create_table(
        "inbox_items",
        sa.Column("message_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=True),
        sa.Column("answered", sa.String(length=64), nullable=True),
        sa.Column("features", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_inbox_items_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_inbox_items")),
    )
    with op.batch_alter_table("inbox_items", schema=None) as batch_op:
        batch_op.create_index("ix_inbox_items_status_asked_at", ["status", "asked_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox_items", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_items_status_asked_at")
    op.drop_table("inbox_items")
    with op.batch_alter_table("editor_examples", schema=None) as batch_op:
        batch_op.drop_index("ix_editor_examples_intent_language")
    op.drop_table("editor_examples")
    op.drop_table("content_reviews")
    with op.batch_alter_table("content_revisions", schema=None) as batch_op:
        batch_op.drop_column("action")
    with op.batch_alter_table("content_topics", schema=None) as batch_op:
        batch_op.drop_column("published_version")
