"""Migration 0019: the staff members' cards of requests, remembered to be redrawn (SQLite and
PostgreSQL): up (an empty table, one card per staff member and request), down, up again. Rows
are written and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0019_keeps_one_card_per_staff_member_and_request(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0018")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO users (id, roles, blocked_bot, quiet_hours_opt_out,"
                    " created_at, last_seen_at) VALUES (2001, 'staff', false, false, :t, :t)"
                ),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO requests (id, community_id, filed_by, channel, text, category,"
                    " keywords, urgent, urgent_reasons, status, created_at, updated_at)"
                    " VALUES (1, 1, 4001, 'bot', '漏水', 'plumbing', '', false, '', 'new',"
                    " :t, :t)"
                ),
                {"t": T},
            )
        await upgrade(engine, "0019")
        insert = text(
            "INSERT INTO request_cards (request_id, staff_id, message_id, shown, at)"
            " VALUES (1, 2001, :m, '', :t)"
        )
        async with engine.begin() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM request_cards"))).scalar() == 0
            await conn.execute(insert, {"m": 7, "t": T})
        with pytest.raises(IntegrityError):  # a second card of it: the older is replaced
            async with engine.begin() as conn:
                await conn.execute(insert, {"m": 9, "t": T})
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT request_id, staff_id, message_id FROM request_cards")
            )
            assert [tuple(r) for r in rows.all()] == [(1, 2001, 7)]
        await downgrade(engine, "0018")
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "request_cards" not in tables
        await upgrade(engine, "0019")
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "request_cards" in tables
    finally:
        await engine.dispose()
