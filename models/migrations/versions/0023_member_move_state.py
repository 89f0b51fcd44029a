"""member move state: a member's latest request to serve another community (they moved) —
which community, when asked, pending / approved / declined, by whom and when — so a
colleague's copy of the staff card cannot decide it again, and asking twice sends one card

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nullable columns: no member has asked yet (cards sent before this, still on staff's
    screens, are read as pending: services.members.decide_move)."""
    op.add_column("member_profiles", sa.Column("move_to_id", sa.Integer(), nullable=True))
    op.add_column("member_profiles", sa.Column("move_state", sa.String(16), nullable=True))
    op.add_column("member_profiles", sa.Column("move_asked_at", UTCDateTime(), nullable=True))
    op.add_column("member_profiles", sa.Column("move_decided_by", sa.BigInteger(), nullable=True))
    op.add_column("member_profiles", sa.Column("move_decided_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    """Drop them (who decided a move is still in the audit log; a pending request is lost:
    its cards then act as before 0023). In place (SQLite 3.35+ and PostgreSQL), as 0022 does."""
    for column in ("move_decided_at", "move_decided_by", "move_asked_at", "move_state", "move_to_id"):
        op.execute(f"ALTER TABLE member_profiles DROP COLUMN {column}")
