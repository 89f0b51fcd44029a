"""The stairway: each revision upgrades, downgrades, upgrades again (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import models  # noqa: F401
from bot.app import StartupError, prepare_database
from bot.settings import load_settings
from models.db import create_engine
from models.migrate import all_revisions, current_revision, downgrade, head_revision, upgrade


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def test_stairway(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        revisions = all_revisions()
        assert revisions[0] == "0001"
        previous = "base"
        for revision in revisions:
            await upgrade(engine, revision)
            assert await current_revision(engine) == revision
            await downgrade(engine, previous)
            await upgrade(engine, revision)
            previous = revision
        assert await current_revision(engine) == head_revision()
        # The migrations create every table the models declare.
        assert set(SQLModel.metadata.tables) <= await _tables(engine)
        await downgrade(engine, "base")
        assert await _tables(engine) <= {"alembic_version"}
    finally:
        await engine.dispose()


async def test_postgres_on_old_schema_refuses_to_start(pg_url: str) -> None:
    engine = create_engine(pg_url)
    await upgrade(engine, "0001")
    await engine.dispose()
    settings = load_settings(database_url=pg_url)
    try:
        await prepare_database(settings)
    except StartupError as exc:
        assert "run `linli migrate`" in str(exc)
    else:
        raise AssertionError("start-up on an old schema must stop")


async def test_sqlite_is_migrated_at_start(sqlite_url: str) -> None:
    engine = await prepare_database(load_settings(database_url=sqlite_url))
    try:
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


async def test_sqlite_behind_head_is_migrated_and_at_head_is_left_alone(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(sqlite_url)
    await upgrade(engine, "0001")
    await engine.dispose()
    engine = await prepare_database(load_settings(database_url=sqlite_url))
    try:
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()

    async def no_run(*_: object, **__: object) -> None:
        raise AssertionError("Alembic ran on a database already at head")

    monkeypatch.setattr("bot.app.upgrade", no_run)
    engine = await prepare_database(load_settings(database_url=sqlite_url))
    await engine.dispose()
