"""english names: a community's and a grid's optional English name (name_en), shown to English
readers and read when typed

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Two nullable columns: no name set, the Chinese name is shown as before."""
    op.add_column("communities", sa.Column("name_en", sa.String(length=100), nullable=True))
    op.add_column("grids", sa.Column("name_en", sa.String(length=100), nullable=True))


def downgrade() -> None:
    """Drop them (the English names are lost). In place (SQLite 3.35+ and PostgreSQL): a
    batch copy of communities would be refused by the grids, buildings and users naming it."""
    op.execute("ALTER TABLE grids DROP COLUMN name_en")
    op.execute("ALTER TABLE communities DROP COLUMN name_en")
