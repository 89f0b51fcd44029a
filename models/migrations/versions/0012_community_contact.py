"""community office contact: phone, address and opening hours of each 社区服务中心

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Three optional columns, filled by `linli org import` (empty until then)."""
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("office_hours", sa.String(length=100), nullable=True))


def downgrade() -> None:
    """Drop them (the org file still has them for the next import)."""
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.drop_column("office_hours")
        batch_op.drop_column("address")
        batch_op.drop_column("phone")
