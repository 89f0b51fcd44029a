"""Migration 0021: a community's and a grid's optional English name (SQLite and PostgreSQL):
existing rows keep their names with none set, a name set is kept, and the columns go on the way
down. Rows are written and read in SQL: the models are the newest schema's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import inspect, text

from models.db import create_engine
from models.migrate import downgrade, upgrade

T = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


async def test_0021_adds_english_names_and_goes_down(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        await upgrade(engine, "0020")
        async with engine.begin() as conn:
            await conn.execute(
                text("INSERT INTO communities (id, name, created_at) VALUES (1, '阳光社区', :t)"),
                {"t": T},
            )
            await conn.execute(
                text("INSERT INTO grids (id, community_id, name) VALUES (1, 1, '第一网格')")
            )
        await upgrade(engine, "0021")
        async with engine.begin() as conn:
            rows = await conn.execute(text("SELECT name, name_en FROM communities"))
            assert [tuple(r) for r in rows.all()] == [("阳光社区", None)]
            await conn.execute(text("UPDATE communities SET name_en = 'Sunshine Community'"))
            await conn.execute(text("UPDATE grids SET name_en = 'Grid 1'"))
        async with engine.connect() as conn:
            rows = await conn.execute(text("SELECT name, name_en FROM grids"))
            assert [tuple(r) for r in rows.all()] == [("第一网格", "Grid 1")]
        await downgrade(engine, "0020")
        async with engine.connect() as conn:
            for table in ("communities", "grids"):
                columns = await conn.run_sync(
                    lambda c, table=table: [col["name"] for col in inspect(c).get_columns(table)]
                )
                assert "name_en" not in columns and "name" in columns
            rows = await conn.execute(text("SELECT name FROM communities"))
            assert [tuple(r) for r in rows.all()] == [("阳光社区",)]
        await upgrade(engine, "0021")  # and up again
    finally:
        await engine.dispose()
