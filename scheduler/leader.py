"""Electing the one scheduler: a PostgreSQL advisory lock, held by an open connection.

The lock belongs to the database session that took it, so when the leading process dies its
connection closes, PostgreSQL releases the lock and the next process that tries takes over.
SQLite is the embedded single-process store: there the process is always the leader.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

LOCK_KEY = 0x4C494E4C49  # "LINLI"


class Leadership:
    """Try to become the leader, check that we still are, and step down."""

    def __init__(self, engine: AsyncEngine, *, key: int = LOCK_KEY) -> None:
        self.engine = engine
        self.key = key
        self._conn: AsyncConnection | None = None
        self.embedded = engine.dialect.name != "postgresql"

    @property
    def held(self) -> bool:
        """True while this process believes it leads."""
        return self.embedded or self._conn is not None

    async def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; True when this process now leads."""
        if self.embedded:
            return True
        if self._conn is not None:
            return await self.still_held()
        conn = await self.engine.connect()
        try:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            got = (
                await conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key})
            ).scalar()
        except Exception:  # the database is away: not the leader, try again later
            await conn.close()
            log.exception("leader: could not ask for the lock")
            return False
        if not got:
            await conn.close()
            return False
        self._conn = conn
        log.info("leader: this process now runs the scheduler")
        return True

    async def still_held(self) -> bool:
        """True while the connection that holds the lock is alive."""
        if self.embedded:
            return True
        if self._conn is None:
            return False
        try:
            await self._conn.execute(text("SELECT 1"))
        except Exception:  # the connection is gone, and the lock with it
            log.warning("leader: lost the connection holding the lock")
            await self._drop()
            return False
        return True

    async def release(self) -> None:
        """Step down (at shutdown)."""
        if self._conn is None:
            return
        try:
            await self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
        except Exception:  # closing the connection releases it anyway
            log.debug("leader: unlock failed, closing the connection instead")
        await self._drop()

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.close()
            except Exception:  # already broken
                log.debug("leader: closing a broken connection failed")
