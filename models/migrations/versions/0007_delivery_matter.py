"""deliveries name the matter they ask someone to act on (so a stale one is not sent)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """deliveries.matter ("order:12:open"), indexed: a state change cancels by it."""
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("matter", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_deliveries_matter"), ["matter"], unique=False)


def downgrade() -> None:
    """Drop the index and the column."""
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_matter"))
        batch_op.drop_column("matter")
