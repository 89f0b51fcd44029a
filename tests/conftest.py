"""Shared fixtures: a fresh migrated database per test, on SQLite and (when asked) PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models.db import create_engine, make_sessionmaker
from models.migrate import upgrade

PG_ADMIN_URL = os.environ.get(
    "LINLI_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("LINLI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _unavailable(what: str, exc: BaseException) -> None:
    """In CI a missing service fails the run; on a laptop the test is skipped with the reason."""
    message = f"{what} is not reachable ({exc.__class__.__name__}: {exc})"
    if IN_CI:
        pytest.fail(message + " — CI=true requires it", pytrace=False)
    pytest.skip(message)


async def _create_pg_database(*, template: str | None = None, prefix: str = "linli_t_") -> str:
    admin = create_engine(PG_ADMIN_URL)
    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    try:
        async with admin.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    except (OSError, ConnectionError) as exc:
        await admin.dispose()
        _unavailable("PostgreSQL", exc)
    except Exception as exc:  # asyncpg raises its own hierarchy for refused logins etc.
        await admin.dispose()
        if "asyncpg" in type(exc).__module__ or "sqlalchemy" in type(exc).__module__:
            _unavailable("PostgreSQL", exc)
        raise
    await admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


async def _drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL)
    async with admin.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped afterwards."""
    url = await _create_pg_database()
    try:
        yield url
    finally:
        await _drop_pg_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a fresh SQLite file."""
    return f"sqlite+aiosqlite:///{tmp_path / 'linli.sqlite3'}"


@pytest.fixture(scope="session")
def demo_template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session keeps its migrated, demo-seeded SQLite database (see demo_sqlite_url)."""
    return tmp_path_factory.mktemp("demo-template")


async def _build_template(path: Path, *, seed: bool) -> None:
    """Migrate a new SQLite file and (with `seed`) seed the demo data into it, as a sandbox's
    start does."""
    from bot.demo.seed import seed_demo

    building = path.with_name(path.name + ".part")
    building.unlink(missing_ok=True)
    engine = create_engine(f"sqlite+aiosqlite:///{building}")
    try:
        await upgrade(engine)
        if seed:
            async with make_sessionmaker(engine)() as session:
                await seed_demo(session)
    finally:
        await engine.dispose()
    building.replace(path)  # only a whole template is ever copied


def _copy_sqlite(template: Path, target: Path) -> str:
    """Copy a SQLite database (SQLite's backup API: whole, whatever its journal holds); its URL."""
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return f"sqlite+aiosqlite:///{target}"


@pytest.fixture
async def demo_sqlite_url(tmp_path: Path, demo_template_dir: Path) -> str:
    """The URL of a fresh SQLite file of this test's own, migrated to head and holding the demo
    data: a copy of one database built once per session (for a sandbox started with
    `seed=False`). Migrating and seeding anew took a fifth of a second per test; seed_demo takes
    nothing but the session (not the test's clock or settings), so one template serves all."""
    template = demo_template_dir / "demo.sqlite3"
    if not template.exists():
        await _build_template(template, seed=True)
    return _copy_sqlite(template, tmp_path / "e2e.sqlite3")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database URL; every test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'linli.sqlite3'}"
        return
    url = await _create_pg_database()
    try:
        yield url
    finally:
        await _drop_pg_database(url)


# The session's PostgreSQL database migrated to head, from which each test's is copied
# (CREATE DATABASE ... TEMPLATE); dropped when the session ends.
_PG_TEMPLATE: list[str] = []


async def _pg_database_from_template() -> str:
    """A fresh PostgreSQL database of this test's own, already migrated to head: a copy of one
    migrated once per session (migrating anew took most of a second per test)."""
    if not _PG_TEMPLATE:
        url = await _create_pg_database(prefix="linli_tpl_")
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()  # a template must have no one connected when it is copied
        _PG_TEMPLATE.append(url.rsplit("/", 1)[1])
    return await _create_pg_database(template=_PG_TEMPLATE[0])


@pytest.fixture
async def migrated_pg_url() -> AsyncIterator[str]:
    """The URL of a fresh PostgreSQL database migrated to head (a copy of the session's
    template), dropped afterwards."""
    url = await _pg_database_from_template()
    try:
        yield url
    finally:
        await _drop_pg_database(url)


@pytest.fixture(scope="session", autouse=True)
def _drop_pg_template() -> Iterator[None]:
    """Drops the session's PostgreSQL template database, if one was made."""
    yield
    if _PG_TEMPLATE:
        url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + _PG_TEMPLATE.pop()
        asyncio.run(_drop_pg_database(url))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def engine(
    request: pytest.FixtureRequest, tmp_path: Path, demo_template_dir: Path
) -> AsyncIterator[AsyncEngine]:
    """An engine on a fresh database migrated to head, on SQLite and on PostgreSQL (the test's
    own copy of one migrated once per session)."""
    if request.param == "sqlite":
        template = demo_template_dir / "schema.sqlite3"
        if not template.exists():
            await _build_template(template, seed=False)
        url = _copy_sqlite(template, tmp_path / "linli.sqlite3")
    else:
        url = await _pg_database_from_template()
    eng = create_engine(url)  # at head already: the template was migrated in this session
    try:
        yield eng
    finally:
        await eng.dispose()
        if request.param != "sqlite":
            await _drop_pg_database(url)


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions on the migrated test database."""
    return make_sessionmaker(engine)


@pytest.fixture
async def session(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One session on the migrated test database."""
    async with sessionmaker() as s:
        yield s


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """A reachable Redis URL (skips, or fails in CI, when Redis is down)."""
    from redis.asyncio import Redis

    client = Redis.from_url(REDIS_URL)
    try:
        await client.ping()
    except Exception as exc:  # redis raises ConnectionError subclasses and OSError
        await client.aclose()
        _unavailable("Redis", exc)
    await client.aclose()
    yield REDIS_URL
