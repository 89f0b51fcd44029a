"""members are told once that their name is hidden unless they agree: record who was asked

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """member_profiles.name_asked_at: when the member was asked whether to be named publicly
    (at 双报到, by the one-off notice, or by answering in 我的资料); NULL: never asked.

    Members with an answer on record count as asked: those named (only their own yes sets it
    since 0010) and those who switched it in 我的资料 (audited). The others get the notice.
    """
    with op.batch_alter_table("member_profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_asked_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        sa.text(
            "UPDATE member_profiles SET name_asked_at = updated_at"
            " WHERE show_name_public = true"
            " OR CAST(user_id AS VARCHAR(64)) IN (SELECT subject_id FROM audit_events"
            " WHERE subject_type = 'member'"
            " AND action IN ('member_name_public', 'member_name_hidden'))"
        )
    )


def downgrade() -> None:
    """Drop the column (who was asked is forgotten; their answers stay)."""
    with op.batch_alter_table("member_profiles", schema=None) as batch_op:
        batch_op.drop_column("name_asked_at")
