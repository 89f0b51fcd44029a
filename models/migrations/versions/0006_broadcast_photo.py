"""a broadcast may carry one photo (its text is the caption, or follows the photo)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """broadcasts.photo_ref: the Telegram file_id of the notice's photo."""
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("photo_ref", sa.String(length=512), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.drop_column("photo_ref")
