"""free text people type (a topic's explanation, an answer, reasons, notes, comments) is kept
whole up to what Telegram lets a message carry (4096 characters); before, such columns held
500–2000 and longer texts were refused

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TYPED_MAX = 4096

# (table, column, length before, nullable)
_COLUMNS = (
    ("topics", "detail", 1000, False),
    ("topics", "answer", 1000, True),
    ("meetings", "cancel_reason", 500, True),
    ("requests", "decline_reason", 500, True),
    ("claims", "reason", 500, True),
    ("order_transfers", "note", 1000, False),
    ("order_transfers", "answer", 2000, True),
    ("order_ratings", "comment", 1000, False),
    ("member_profiles", "reject_reason", 500, True),
)


def upgrade() -> None:
    """Each column to VARCHAR(4096). SQLite does not hold a VARCHAR to its length: there the
    columns already keep a long text, and the tables are left as they are."""
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column, before, nullable in _COLUMNS:
        op.alter_column(
            table,
            column,
            existing_type=sa.String(length=before),
            type_=sa.String(length=TYPED_MAX),
            existing_nullable=nullable,
        )


def downgrade() -> None:
    """Back to the old lengths: a text longer than its column held before is cut to fit, its
    last character '…' (the rest of the row is kept)."""
    conn = op.get_bind()
    for table, column, before, nullable in _COLUMNS:
        conn.execute(
            sa.text(
                f"UPDATE {table} SET {column} = substr({column}, 1, :keep) || '…'"  # noqa: S608
                f" WHERE length({column}) > :before"
            ),
            {"keep": before - 1, "before": before},
        )
        if conn.dialect.name == "sqlite":
            continue
        op.alter_column(
            table,
            column,
            existing_type=sa.String(length=TYPED_MAX),
            type_=sa.String(length=before),
            existing_nullable=nullable,
        )
