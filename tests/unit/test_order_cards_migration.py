"""Migration 0016: the members' cards of orders, remembered to be redrawn. A card redrawn until
then (the offer a member claimed from, found in the outbox: the latest sent to them of the
order) is remembered for each active claim (SQLite and PostgreSQL). Rows are written and read
in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0016_remembers_the_offer_each_claimant_claimed_from(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0015")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            for uid in (3001, 3002, 3003):
                await conn.execute(
                    text(
                        "INSERT INTO users (id, roles, blocked_bot, quiet_hours_opt_out,"
                        " created_at, last_seen_at) VALUES (:id, 'member', false, false, :t, :t)"
                    ),
                    {"id": uid, "t": T},
                )
            await conn.execute(
                text(
                    "INSERT INTO requests (id, community_id, filed_by, channel, text, category,"
                    " keywords, urgent, urgent_reasons, status, created_at, updated_at)"
                    " VALUES (1, 1, 4001, 'bot', '漏水', 'plumbing', '', false, '', 'ordered',"
                    " :t, :t)"
                ),
                {"t": T},
            )
            for oid in (1, 2):
                await conn.execute(
                    text(
                        "INSERT INTO orders (id, request_id, community_id, title, category,"
                        " skills, points, service_minutes, members_needed, claimed_count,"
                        " status, created_by, created_at, updated_at) VALUES (:id, 1, 1, '漏水',"
                        " 'plumbing', '', 10, 60, 2, 1, 'open', 2001, :t, :t)"
                    ),
                    {"id": oid, "t": T},
                )
            # 3001 holds order 1; 3002 gave it back; 3003 holds order 2
            for cid, oid, member, status in (
                (1, 1, 3001, "active"),
                (2, 1, 3002, "released"),
                (3, 2, 3003, "active"),
            ):
                await conn.execute(
                    text(
                        "INSERT INTO claims (id, order_id, member_id, status, claimed_at)"
                        " VALUES (:id, :o, :m, :s, :t)"
                    ),
                    {"id": cid, "o": oid, "m": member, "s": status, "t": T},
                )
            for did, chat, kind, matter, state, ids in (
                (1, 3001, "order-notice-offer", "order:1:open", "sent", "5"),
                # offered again later: the one he claimed from, a long one in two parts
                (2, 3001, "order-notice-offer-again", "order:1:offer-shown-full", "sent", "9,10"),
                (3, 3001, "order-notice-offer", "order:2:open", "sent", "12"),  # not his
                (4, 3002, "order-notice-offer", "order:1:open", "sent", "4"),  # given back
                (5, 3003, "order-notice-offer", "order:2:open", "pending", None),  # not sent
                (6, 3003, "order-notice-claimed", "order:2:claimed", "sent", "7"),  # no offer
            ):
                await conn.execute(
                    text(
                        "INSERT INTO deliveries (id, chat_id, kind, text, urgent, not_before,"
                        " state, attempts, created_at, matter, message_ids) VALUES (:id, :chat,"
                        " :kind, '…', false, :t, :state, 0, :t, :matter, :ids)"
                    ),
                    {
                        "id": did,
                        "chat": chat,
                        "kind": kind,
                        "matter": matter,
                        "state": state,
                        "ids": ids,
                        "t": T,
                    },
                )
        await upgrade(engine, "0016")
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT order_id, member_id, message_id, shown FROM order_cards")
            )
            assert [tuple(r) for r in rows.all()] == [(1, 3001, 9, "")]
        await downgrade(engine, "0015")
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "order_cards" not in tables
    finally:
        await engine.dispose()
