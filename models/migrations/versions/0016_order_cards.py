"""order cards redrawn: the card each member has of an order in their chat (opened from 详情 or
📌 我的工单, or the offer they claimed from), one per member and order

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OFFERS = ("order-notice-offer", "order-notice-offer-again")


def upgrade() -> None:
    """The table; and the cards redrawn until now, found in the outbox as before: for each
    active claim, the latest offer its member got of the order (the one claimed from, which
    became the card)."""
    op.create_table(
        "order_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("shown", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.ForeignKeyConstraint(["member_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_id", "member_id", name="uq_order_cards_member"),
    )
    op.create_index("ix_order_cards_order_id", "order_cards", ["order_id"], unique=False)
    conn = op.get_bind()
    claims = conn.execute(
        sa.text("SELECT order_id, member_id FROM claims WHERE status = 'active'")
    ).all()
    held = {(int(order_id), int(member_id)) for order_id, member_id in claims}
    if not held:
        return
    offers = conn.execute(
        sa.text(
            "SELECT chat_id, matter, message_ids FROM deliveries"
            " WHERE kind IN (:a, :b) AND state = 'sent' AND matter LIKE 'order:%'"
            " ORDER BY id"
        ),
        {"a": _OFFERS[0], "b": _OFFERS[1]},
    ).all()
    cards: dict[tuple[int, int], int] = {}
    for chat_id, matter, message_ids in offers:
        parts = str(matter).split(":")
        if len(parts) < 2 or not parts[1].isdigit() or not message_ids:
            continue
        key = (int(parts[1]), int(chat_id))
        if key in held:  # the latest wins
            cards[key] = int(str(message_ids).split(",")[0])
    table = sa.table(
        "order_cards",
        sa.column("order_id", sa.Integer()),
        sa.column("member_id", sa.BigInteger()),
        sa.column("message_id", sa.BigInteger()),
        sa.column("shown", sa.String()),
        sa.column("at", UTCDateTime()),
    )
    now = datetime.now(UTC)
    if cards:
        op.bulk_insert(
            table,
            [
                {
                    "order_id": order_id,
                    "member_id": member_id,
                    "message_id": message_id,
                    "shown": "",
                    "at": now,
                }
                for (order_id, member_id), message_id in cards.items()
            ],
        )


def downgrade() -> None:
    """Drop it (the cards in chats stay as they are)."""
    op.drop_index("ix_order_cards_order_id", table_name="order_cards")
    op.drop_table("order_cards")
