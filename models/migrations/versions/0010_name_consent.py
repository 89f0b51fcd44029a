"""members are named publicly only when they said so: existing members were never asked

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """member_profiles.show_name_public: false for every member so far.

    It defaulted to true and no step asked the member, so nobody gave the consent that
    publishing a name needs (个人信息保护法). Members now answer at 双报到 and can change it
    in 我的资料; until they do, result cards and the points board show '刘**'.
    """
    op.execute(sa.text("UPDATE member_profiles SET show_name_public = false"))


def downgrade() -> None:
    """Nothing to undo: the old values were a default, not anyone's answer."""
