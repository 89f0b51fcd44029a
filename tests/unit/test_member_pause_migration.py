"""Migration 0022: a member's own pause (暂停接单), on SQLite and PostgreSQL: members already
signed up are not paused, a pause set is kept with its end, and the columns go on the way down
(the member stays, as they were). Rows are written and read in SQL: the models are the newest
schema's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect, text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0022_adds_a_members_own_pause_and_goes_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0021")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO users (id, first_name, roles, blocked_bot, quiet_hours_opt_out,"
                    " created_at, last_seen_at) VALUES (3001, '刘师傅', 'member', false, false,"
                    " :t, :t)"
                ),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO member_profiles (user_id, real_name, work_unit, phone, skills,"
                    " custom_skills, community_id, status, show_name_public, points,"
                    " service_minutes, created_at, updated_at) VALUES (3001, '刘建国', '区住建局',"
                    " '13800000001', 'plumbing', '开锁', 1, 'approved', true, 0, 0, :t, :t)"
                ),
                {"t": T},
            )
        await upgrade(engine, "0022")
        async with engine.begin() as conn:
            rows = await conn.execute(
                text("SELECT user_id, paused_at, paused_until FROM member_profiles")
            )
            assert [tuple(r) for r in rows.all()] == [(3001, None, None)]
            await conn.execute(
                text("UPDATE member_profiles SET paused_at = :t, paused_until = :u"),
                {"t": T, "u": T + timedelta(days=6)},
            )
        async with engine.connect() as conn:
            rows = await conn.execute(text("SELECT paused_until FROM member_profiles"))
            [(until,)] = rows.all()
            assert until is not None
        await downgrade(engine, "0021")
        async with engine.connect() as conn:
            columns = await conn.run_sync(
                lambda c: [col["name"] for col in inspect(c).get_columns("member_profiles")]
            )
            assert "paused_at" not in columns and "paused_until" not in columns
            rows = await conn.execute(
                text("SELECT user_id, skills, custom_skills, status FROM member_profiles")
            )
            assert [tuple(r) for r in rows.all()] == [(3001, "plumbing", "开锁", "approved")]
        await upgrade(engine, "0022")  # and up again
    finally:
        await engine.dispose()
