"""Migration 0010: members were never asked whether to be named publicly, so none is named
until they say so; migration 0011: who was asked since is recorded, the others will be told
(SQLite and PostgreSQL). Rows are written and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def _add_member(engine: AsyncEngine, user_id: int, name: str, *, named: bool) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO users (id, first_name, roles, blocked_bot, quiet_hours_opt_out,"
                " created_at, last_seen_at) VALUES (:id, :name, 'member', false, false, :t, :t)"
            ),
            {"id": user_id, "name": name, "t": T},
        )
        await conn.execute(
            text(
                "INSERT INTO member_profiles (user_id, real_name, work_unit, phone, skills,"
                " custom_skills, community_id, status, show_name_public, points,"
                " service_minutes, created_at, updated_at) VALUES (:id, :name, '区住建局',"
                " '13800000001', '', '', 1, 'approved', :named, 0, 0, :t, :t)"
            ),
            {"id": user_id, "name": name, "named": named, "t": T},
        )


async def _named(engine: AsyncEngine) -> dict[int, bool]:
    async with engine.connect() as conn:
        rows = await conn.execute(text("SELECT user_id, show_name_public FROM member_profiles"))
        return {int(uid): bool(named) for uid, named in rows.all()}


async def test_existing_members_are_not_named_after_0010(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0009")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
        # the old default, never the member's answer
        await _add_member(engine, 3001, "刘建国", named=True)
        await upgrade(engine, "0010")
        assert await _named(engine) == {3001: False}
        # going back leaves them unnamed (there is no earlier answer to restore)
        await downgrade(engine, "0009")
    finally:
        await engine.dispose()


async def test_0011_records_who_answered_since_0010(db_url: str) -> None:
    """After 0010: one member said yes (named), one switched it in 我的资料 (audited), one
    was never asked. 0011 counts the first two as asked; the third is left to be told."""
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0010")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
        await _add_member(engine, 3001, "刘建国", named=True)
        await _add_member(engine, 3002, "赵敏", named=False)
        await _add_member(engine, 3003, "孙立", named=False)
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id,"
                    " detail) VALUES (:t, 3002, 'member_name_hidden', 'member', '3002', '')"
                ),
                {"t": T},
            )
        await upgrade(engine, "0011")
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT user_id, name_asked_at FROM member_profiles ORDER BY user_id")
            )
            asked = {int(uid): at is not None for uid, at in rows.all()}
        assert asked == {3001: True, 3002: True, 3003: False}
        await downgrade(engine, "0010")
        assert await _named(engine) == {3001: True, 3002: False, 3003: False}
    finally:
        await engine.dispose()
