"""meeting messages redrawn: where a meeting's card, sign-up answer and announcement went, and
outbox deliveries that edit a message instead of sending one

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """A table of the messages to redraw; a column naming the message a delivery edits."""
    op.create_table(
        "meeting_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("shown", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chat_id", "message_id", name="uq_meeting_messages_chat_message"),
    )
    op.create_index(
        "ix_meeting_messages_meeting_id", "meeting_messages", ["meeting_id"], unique=False
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_message_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    """Drop both (messages already sent stay as they are)."""
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("edit_message_id")
    op.drop_index("ix_meeting_messages_meeting_id", table_name="meeting_messages")
    op.drop_table("meeting_messages")
