"""Migration 0023: a member's request to change community (which one, when, pending /
approved / declined, by whom and when), on SQLite and PostgreSQL: members signed up already
have asked nothing, a request set is kept, and the columns go on the way down (the member
stays as they were). Rows are written and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect, text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
MOVE = ("move_to_id", "move_state", "move_asked_at", "move_decided_by", "move_decided_at")


async def test_0023_adds_a_members_move_request_and_goes_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0022")
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t),"
                    " (2, '和谐社区', :t)"
                ),
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
        await upgrade(engine, "0023")
        async with engine.begin() as conn:
            rows = await conn.execute(
                text(f"SELECT user_id, {', '.join(MOVE)} FROM member_profiles")
            )
            assert [tuple(r) for r in rows.all()] == [(3001, None, None, None, None, None)]
            await conn.execute(
                text(
                    "UPDATE member_profiles SET move_to_id = 2, move_state = 'declined',"
                    " move_asked_at = :t, move_decided_by = 2003, move_decided_at = :u"
                ),
                {"t": T, "u": T + timedelta(hours=1)},
            )
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT move_to_id, move_state, move_decided_by FROM member_profiles")
            )
            assert [tuple(r) for r in rows.all()] == [(2, "declined", 2003)]
        await downgrade(engine, "0022")
        async with engine.connect() as conn:
            columns = await conn.run_sync(
                lambda c: [col["name"] for col in inspect(c).get_columns("member_profiles")]
            )
            assert not set(MOVE) & set(columns)
            rows = await conn.execute(
                text("SELECT user_id, community_id, status FROM member_profiles")
            )
            assert [tuple(r) for r in rows.all()] == [(3001, 1, "approved")]
        await upgrade(engine, "0023")  # and up again
    finally:
        await engine.dispose()
