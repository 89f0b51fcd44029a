"""meeting questions: a resident's question to a meeting's organizer (❓ 问组织者), and the
staff answer (↩️ 回复) once given

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table, with the meeting's and the resident's questions found by index."""
    op.create_table(
        "meeting_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.String(length=4096), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.String(length=4096), nullable=True),
        sa.Column("answered_by", sa.BigInteger(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"]),
        sa.ForeignKeyConstraint(["resident_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_meeting_questions_meeting_id", "meeting_questions", ["meeting_id"], unique=False
    )
    op.create_index(
        "ix_meeting_questions_resident_id", "meeting_questions", ["resident_id"], unique=False
    )


def downgrade() -> None:
    """Drop it (the questions and answers in it are lost)."""
    op.drop_index("ix_meeting_questions_resident_id", table_name="meeting_questions")
    op.drop_index("ix_meeting_questions_meeting_id", table_name="meeting_questions")
    op.drop_table("meeting_questions")
