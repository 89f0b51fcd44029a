"""report drafts: 完成上报 left halfway (the note and photos so far), one per member and order,
kept in the database so that a restart of a bot without Redis does not lose them

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The table (drafts kept beside conversations in Redis until now stay there, unread: a
    member who left a report halfway writes it again)."""
    op.create_table(
        "report_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photos", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("member_id", "order_id", name="uq_report_drafts_member"),
    )
    op.create_index("ix_report_drafts_member_id", "report_drafts", ["member_id"], unique=False)


def downgrade() -> None:
    """Drop it (the drafts in it are lost)."""
    op.drop_index("ix_report_drafts_member_id", table_name="report_drafts")
    op.drop_table("report_drafts")
