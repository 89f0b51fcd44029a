"""Migration 0015: requests.public_area, NULL for every request filed before (each stays at its
building); a downgrade drops it and keeps the requests (SQLite and PostgreSQL). Rows are written
and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0015_adds_the_public_area_and_keeps_requests_both_ways(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0014")
        async with engine.begin() as conn:
            for sql in (
                "INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)",
                "INSERT INTO grids (id, community_id, name) VALUES (1, 1, '第一网格')",
                "INSERT INTO buildings (id, community_id, grid_id, name, households)"
                " VALUES (1, 1, 1, '1号楼', 60)",
                "INSERT INTO requests (id, community_id, grid_id, building_id, filed_by,"
                " channel, room, text, category, keywords, urgent, urgent_reasons, status,"
                " created_at, updated_at) VALUES (1, 1, 1, 1, 4001, 'bot', '302',"
                " '小区东门外马路上有个大坑', 'facilities', '', false, '', 'new', :t, :t)",
            ):
                await conn.execute(text(sql), {"t": T})
        await upgrade(engine, "0015")
        async with engine.begin() as conn:
            before = (
                await conn.execute(text("SELECT building_id, public_area FROM requests"))
            ).one()
            assert tuple(before) == (1, None)
            await conn.execute(
                text(
                    "UPDATE requests SET building_id = NULL, room = NULL,"
                    " public_area = '东门外马路' WHERE id = 1"
                )
            )
        await downgrade(engine, "0014")
        async with engine.connect() as conn:
            after = (
                await conn.execute(text("SELECT id, grid_id, building_id, text FROM requests"))
            ).one()
        # placed in a public area: in its community and grid, as a request without a building
        assert tuple(after) == (1, 1, None, "小区东门外马路上有个大坑")
    finally:
        await engine.dispose()
