"""deliveries remember what quiet hours held (so /quiet off and opt-outs can release them)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """deliveries.held_from (when quiet hours held it) and deliveries.deliver_by."""
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held_from", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("deliver_by", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drop the two columns."""
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("deliver_by")
        batch_op.drop_column("held_from")
