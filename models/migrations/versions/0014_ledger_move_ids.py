"""a request's move to another building records where it was by id (building and grid), so a
later rename of a building cannot lose the grid it left

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ARROW = " → "


def upgrade() -> None:
    """ledger_events.from_building_id / from_grid_id: set on move_place rows.

    Rows written before read their building from the note ("1号楼 → 5号楼": building names are
    unique in a community), as the bot read them until now: the building of that name in the
    request's community, and its grid. A building renamed since stays unknown (NULL), as it
    was."""
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_building_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("from_grid_id", sa.Integer(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT e.id, e.note, r.community_id FROM ledger_events e"
            " JOIN requests r ON r.id = e.request_id WHERE e.action = 'move_place'"
        )
    ).all()
    for event_id, note, community_id in rows:
        if not note or _ARROW not in note:
            continue
        found = conn.execute(
            sa.text(
                "SELECT id, grid_id FROM buildings WHERE community_id = :c AND name = :n"
                " ORDER BY id"
            ),
            {"c": community_id, "n": note.split(_ARROW)[0]},
        ).first()
        if found is not None:
            conn.execute(
                sa.text(
                    "UPDATE ledger_events SET from_building_id = :b, from_grid_id = :g"
                    " WHERE id = :id"
                ),
                {"b": found[0], "g": found[1], "id": event_id},
            )


def downgrade() -> None:
    """Drop both (the notes still name the buildings)."""
    with op.batch_alter_table("ledger_events", schema=None) as batch_op:
        batch_op.drop_column("from_grid_id")
        batch_op.drop_column("from_building_id")
