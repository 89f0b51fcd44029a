"""The user middleware's read of every update: on PostgreSQL without a transaction of its own
(no BEGIN, no COMMIT round trip), while the handler after it still works in one transaction."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import User as TgUser
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from bot.i18n import Translator
from bot.middlewares import UserMiddleware
from bot.settings import load_settings
from models import Community, User
from models.db import make_sessionmaker


def _watch(engine: AsyncEngine) -> list[tuple[str, str]]:
    """Each statement with the isolation it runs in ('AUTOCOMMIT': no BEGIN/COMMIT sent)."""
    seen: list[tuple[str, str]] = []

    def statement(conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        level = conn.get_execution_options().get("isolation_level", "")
        seen.append((sql.split()[0], level))

    event.listen(engine.sync_engine, "before_cursor_execute", statement)
    return seen


async def test_the_read_takes_no_transaction_and_the_handler_keeps_its_own(
    engine: AsyncEngine,
) -> None:
    settings = load_settings(bot_token="0:x")
    middleware = UserMiddleware(settings, Translator(default=settings.default_language))
    sessionmaker = make_sessionmaker(engine)
    tg = TgUser(id=5001, is_bot=False, first_name="周", language_code="zh-hans")
    postgres = engine.dialect.name == "postgresql"

    async def update(handler: Any) -> None:
        async with sessionmaker() as session:
            await middleware(handler, object(), {"event_from_user": tg, "session": session})  # type: ignore[arg-type]

    async def nothing(_event: object, data: dict[str, Any]) -> None:
        assert data["user"].id == tg.id

    await update(nothing)  # first contact: the user is created (and their language kept)
    seen = _watch(engine)
    await update(nothing)
    assert seen == [("SELECT", "AUTOCOMMIT" if postgres else "")], seen

    async def fails_halfway(_event: object, data: dict[str, Any]) -> None:
        session = data["session"]
        session.add(Community(name="半途社区"))
        await session.flush()  # written, not committed: the failure below must undo it
        raise RuntimeError("the handler fails")

    seen.clear()
    with pytest.raises(RuntimeError):
        await update(fails_halfway)
    # the handler's statements run in a transaction of their own (the usual isolation)
    assert seen[0] == ("SELECT", "AUTOCOMMIT" if postgres else "") and seen[1:], seen
    assert all(level != "AUTOCOMMIT" for _, level in seen[1:]), seen
    async with sessionmaker() as session:
        assert (await session.get(User, tg.id)) is not None
        kept = select(Community).where(col(Community.name) == "半途社区")
        assert (await session.exec(kept)).first() is None
