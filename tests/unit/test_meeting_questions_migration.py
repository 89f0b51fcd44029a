"""Migration 0020: residents' questions to a meeting's organizer (SQLite and PostgreSQL): the
table, a question and its answer kept whole, and gone again on the way down. Rows are written
and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0020_keeps_questions_and_answers_and_goes_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0019")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO users (id, roles, blocked_bot, quiet_hours_opt_out,"
                    " created_at, last_seen_at) VALUES (4001, 'resident', false, false, :t, :t)"
                ),
                {"t": T},
            )
            await conn.execute(
                text(
                    "INSERT INTO meetings (id, community_id, kind, title, starts_at,"
                    " duration_minutes, audience_kind, audience_ids, status, created_by,"
                    " created_at, version) VALUES (1, 1, 'residents', '十二月居民议事会', :t,"
                    " 90, 'community', '', 'published', 2001, :t, 1)"
                ),
                {"t": T},
            )
        await upgrade(engine, "0020")
        long = "我能带老伴一起去吗" * 400  # 3600 characters, kept whole
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO meeting_questions (meeting_id, resident_id, text, asked_at,"
                    " answer, answered_by, answered_at) VALUES (1, 4001, :q, :t, '可以', 2001, :t)"
                ),
                {"q": long, "t": T},
            )
        async with engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT meeting_id, resident_id, text, answer, answered_by"
                    " FROM meeting_questions"
                )
            )
            assert [tuple(r) for r in rows.all()] == [(1, 4001, long, "可以", 2001)]
        await downgrade(engine, "0019")
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "meeting_questions" not in tables
        await upgrade(engine, "0020")  # and up again
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
            assert "meeting_questions" in tables
    finally:
        await engine.dispose()
