"""member self pause: a member's own 暂停接单 (when it began, and when it ends; no end: until
they resume) — not staff's ⏸ 暂停, which takes the member's standing away

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Two nullable columns: no pause set, every member is offered orders as before."""
    op.add_column("member_profiles", sa.Column("paused_at", UTCDateTime(), nullable=True))
    op.add_column("member_profiles", sa.Column("paused_until", UTCDateTime(), nullable=True))


def downgrade() -> None:
    """Drop them (pauses in force are lost: those members are offered orders again). In place
    (SQLite 3.35+ and PostgreSQL), as 0021 does."""
    op.execute("ALTER TABLE member_profiles DROP COLUMN paused_until")
    op.execute("ALTER TABLE member_profiles DROP COLUMN paused_at")
