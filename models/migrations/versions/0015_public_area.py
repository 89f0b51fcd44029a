"""a request can be placed in a public area of its community (no building): staff's words for
where it is

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """requests.public_area: NULL for every request filed before (each is at a building, or
    nowhere more precise than its community, as it was)."""
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("public_area", sa.String(length=60), nullable=True))


def downgrade() -> None:
    """Drop it: a request placed in a public area reads as in its community (and grid) only,
    as a request without a building read before."""
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_column("public_area")
