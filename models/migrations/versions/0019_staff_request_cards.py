"""staff request cards redrawn: the card each staff member has of a request in their chat
(opened from 📄 查看诉求, a list, /find or its number typed), one per staff member and request

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table, empty: cards shown before are not known (each is redrawn on its next tap,
    as before, and remembered once opened again)."""
    op.create_table(
        "request_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("shown", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"]),
        sa.ForeignKeyConstraint(["staff_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id", "staff_id", name="uq_request_cards_staff"),
    )
    op.create_index("ix_request_cards_request_id", "request_cards", ["request_id"], unique=False)


def downgrade() -> None:
    """Drop it (the cards in chats stay as they are)."""
    op.drop_index("ix_request_cards_request_id", table_name="request_cards")
    op.drop_table("request_cards")
