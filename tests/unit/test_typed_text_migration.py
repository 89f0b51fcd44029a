"""Migration 0017: free text people type (a topic's explanation, a rating's comment, a decline
reason …) is kept whole up to 4096 characters; a downgrade cuts what no longer fits the old
lengths, keeping the rows (SQLite and PostgreSQL). Rows are written and read in SQL: the models
are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
LONG = "东门口的路灯坏了好几个月，晚上老人出门散步很不安全。" * 150  # 3900 characters


async def test_0017_keeps_long_typed_text_and_cuts_it_back_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0016")
        await upgrade(engine, "0017")
        async with engine.begin() as conn:
            for sql in (
                "INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)",
                "INSERT INTO users (id, roles, blocked_bot, quiet_hours_opt_out, created_at,"
                " last_seen_at) VALUES (4001, 'resident', false, false, :t, :t)",
                "INSERT INTO topics (id, community_id, proposer_id, title, detail, status,"
                " backers, answer, created_at) VALUES (1, 1, 4001, '东门路灯', :long, 'open',"
                " 0, :long, :t)",
                "INSERT INTO requests (id, community_id, filed_by, channel, text, category,"
                " keywords, urgent, urgent_reasons, status, decline_reason, created_at,"
                " updated_at) VALUES (1, 1, 4001, 'bot', '路灯坏了', 'facilities', '', false,"
                " '', 'declined', :long, :t, :t)",
                "INSERT INTO order_ratings (id, request_id, rater_id, score, comment, at)"
                " VALUES (1, 1, 4001, 'bad', :long, :t)",
            ):
                await conn.execute(text(sql), {"t": T, "long": LONG})
        async with engine.connect() as conn:
            kept = (
                await conn.execute(
                    text(
                        "SELECT t.detail, t.answer, r.decline_reason, o.comment FROM topics t,"
                        " requests r, order_ratings o"
                    )
                )
            ).one()
        assert tuple(kept) == (LONG,) * 4
        await downgrade(engine, "0016")
        async with engine.connect() as conn:
            cut = (
                await conn.execute(
                    text(
                        "SELECT t.title, t.detail, t.answer, r.decline_reason, o.comment"
                        " FROM topics t, requests r, order_ratings o"
                    )
                )
            ).one()
        assert cut[0] == "东门路灯"
        # each to the length its column held before: 1000 (topics, comments), 500 (reasons)
        assert cut[1:] == (LONG[:999] + "…",) * 2 + (LONG[:499] + "…", LONG[:999] + "…")
        await upgrade(engine, "0017")
    finally:
        await engine.dispose()
