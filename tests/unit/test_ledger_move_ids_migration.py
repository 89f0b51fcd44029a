"""Migration 0014: a request's move records where it was by id. Moves recorded before read
their building from the note, as the bot did until then (SQLite and PostgreSQL). Rows are
written and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0014_reads_the_building_a_move_left_from_its_note(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0013")
        async with engine.begin() as conn:
            for sql in (
                "INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)",
                "INSERT INTO communities (id, name, created_at) VALUES (2, '和谐社区', :t)",
                "INSERT INTO grids (id, community_id, name) VALUES (1, 1, '第一网格')",
                "INSERT INTO grids (id, community_id, name) VALUES (2, 1, '第二网格')",
                "INSERT INTO grids (id, community_id, name) VALUES (3, 2, '东区网格')",
                "INSERT INTO buildings (id, community_id, grid_id, name, households)"
                " VALUES (1, 1, 1, '1号楼', 60)",
                "INSERT INTO buildings (id, community_id, grid_id, name, households)"
                " VALUES (5, 1, 2, '5号楼', 60)",
                # the same name in another community is not the one it left
                "INSERT INTO buildings (id, community_id, grid_id, name, households)"
                " VALUES (9, 2, 3, '1号楼', 60)",
            ):
                await conn.execute(text(sql), {"t": T})
            for rid, note in ((1, "1号楼 → 5号楼"), (2, "旧楼 → 5号楼"), (3, "-")):
                await conn.execute(
                    text(
                        "INSERT INTO requests (id, community_id, grid_id, building_id, filed_by,"
                        " channel, text, category, keywords, urgent, urgent_reasons, status,"
                        " created_at, updated_at) VALUES (:id, 1, 2, 5, 4001, 'bot', '漏水',"
                        " 'plumbing', '', false, '', 'new', :t, :t)"
                    ),
                    {"id": rid, "t": T},
                )
                await conn.execute(
                    text(
                        "INSERT INTO ledger_events (id, request_id, subject, subject_id, action,"
                        " at, note) VALUES (:id, :id, 'request', :id, 'move_place', :t, :note)"
                    ),
                    {"id": rid, "t": T, "note": note},
                )
            await conn.execute(
                text(
                    "INSERT INTO ledger_events (id, request_id, subject, subject_id, action,"
                    " at, note) VALUES (4, 1, 'request', 1, 'add_info', :t, '1号楼 → 5号楼')"
                ),
                {"t": T},
            )
        await upgrade(engine, "0014")
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT id, from_building_id, from_grid_id FROM ledger_events ORDER BY id")
            )
            found = [tuple(r) for r in rows.all()]
        # a building renamed before (旧楼), a note without one, another action: unknown
        assert found == [(1, 1, 1), (2, None, None), (3, None, None), (4, None, None)]
        await downgrade(engine, "0013")
        async with engine.connect() as conn:
            notes = await conn.execute(text("SELECT note FROM ledger_events ORDER BY id"))
            # the notes, as people read them, stay
            assert [n for (n,) in notes.all()] == [
                "1号楼 → 5号楼",
                "旧楼 → 5号楼",
                "-",
                "1号楼 → 5号楼",
            ]
    finally:
        await engine.dispose()
