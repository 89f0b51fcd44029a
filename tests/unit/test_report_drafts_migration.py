"""Migration 0018: 完成上报 drafts kept in the database (SQLite and PostgreSQL): the table, one
draft per member and order, and gone again on the way down. Rows are written and read in SQL:
the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0018_keeps_one_draft_per_member_and_order_and_goes_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0017")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO users (id, roles, blocked_bot, quiet_hours_opt_out,"
                    " created_at, last_seen_at) VALUES (3001, 'member', false, false, :t, :t)"
                ),
                {"t": T},
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
            await conn.execute(
                text(
                    "INSERT INTO orders (id, request_id, community_id, title, category,"
                    " skills, points, service_minutes, members_needed, claimed_count,"
                    " status, created_by, created_at, updated_at) VALUES (1, 1, 1, '漏水',"
                    " 'plumbing', '', 10, 60, 1, 1, 'claimed', 2001, :t, :t)"
                ),
                {"t": T},
            )
        await upgrade(engine, "0018")
        insert = text(
            "INSERT INTO report_drafts (member_id, order_id, note, photos, at)"
            " VALUES (3001, 1, :note, :photos, :t)"
        )
        async with engine.begin() as conn:
            await conn.execute(insert, {"note": "换了新的软管", "photos": "AgAD1\nAgAD2", "t": T})
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT member_id, order_id, note, photos FROM report_drafts")
            )
            assert [tuple(r) for r in rows.all()] == [(3001, 1, "换了新的软管", "AgAD1\nAgAD2")]
        with pytest.raises(IntegrityError):  # one per member and order
            async with engine.begin() as conn:
                await conn.execute(insert, {"note": "又一份", "photos": "", "t": T})
        await downgrade(engine, "0017")
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "report_drafts" not in tables
        await upgrade(engine, "0018")  # and up again
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "report_drafts" in tables
    finally:
        await engine.dispose()
