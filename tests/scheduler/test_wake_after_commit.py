"""What an update's session queues wakes the sender once its commit is through, and only then:
never before the commit, never for a transaction rolled back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from bot.middlewares import DbSessionMiddleware, OutboxMiddleware
from bot.settings import Settings
from models.org import Community
from models.scheduling import Delivery
from services.delivery import enqueue, wake_after_commit

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


class Wakes:
    """Counts the wakes."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


async def test_a_commit_that_queued_wakes_once_after_it(session: AsyncSession) -> None:
    wakes = Wakes()
    wake_after_commit(session, wakes)
    await enqueue(session, chat_id=11, text="new request", urgent=True, now=NOW)
    await session.flush()
    assert wakes.count == 0, "flushed is not committed: the sender would not find it"
    await session.commit()
    assert wakes.count == 1
    session.add(Community(name="阳光社区"))
    await session.commit()
    assert wakes.count == 1, "a commit that queued nothing wakes nobody"


async def test_a_rolled_back_transaction_wakes_nobody(session: AsyncSession) -> None:
    wakes = Wakes()
    wake_after_commit(session, wakes)
    await enqueue(session, chat_id=11, text="never", urgent=True, now=NOW)
    await session.flush()
    await session.rollback()
    session.add(Community(name="阳光社区"))
    await session.commit()  # the next transaction queued nothing
    assert wakes.count == 0
    count = (await session.exec(select(func.count()).select_from(Delivery))).one()
    assert count == 0


async def test_a_session_without_the_hook_wakes_nobody(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    wakes = Wakes()
    async with sessionmaker() as hooked:
        wake_after_commit(hooked, wakes)
    async with sessionmaker() as other:
        await enqueue(other, chat_id=11, text="from a job", urgent=True, now=NOW)
        await other.commit()
    assert wakes.count == 0


def _middlewares(
    sessionmaker: async_sessionmaker[AsyncSession], wakes: Wakes
) -> tuple[DbSessionMiddleware, OutboxMiddleware]:
    settings = Settings(bot_token=None)
    return DbSessionMiddleware(sessionmaker), OutboxMiddleware(settings, Translator(), wake=wakes)


async def _through(
    sessionmaker: async_sessionmaker[AsyncSession], wakes: Wakes, handler: Any
) -> None:
    """Run `handler(session)` as an update's handler behind the session and outbox middlewares."""
    db, outbox = _middlewares(sessionmaker, wakes)

    async def inner(event: Any, data: dict[str, Any]) -> Any:
        return await handler(data["session"])

    async def with_outbox(event: Any, data: dict[str, Any]) -> Any:
        return await outbox(inner, event, data)

    await db(with_outbox, object(), {})  # type: ignore[arg-type]


async def test_a_handler_that_commits_its_notices_wakes_the_sender(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    wakes = Wakes()

    async def handler(session: AsyncSession) -> None:
        await enqueue(session, chat_id=11, text="card for staff", urgent=True, now=NOW)
        await session.commit()
        assert wakes.count == 1

    await _through(sessionmaker, wakes, handler)
    assert wakes.count == 1


async def test_a_handler_that_fails_before_its_commit_wakes_nobody(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    wakes = Wakes()

    async def handler(session: AsyncSession) -> None:
        await enqueue(session, chat_id=11, text="card for staff", urgent=True, now=NOW)
        await session.flush()
        raise RuntimeError("the action failed after queuing")

    with pytest.raises(RuntimeError):
        await _through(sessionmaker, wakes, handler)
    assert wakes.count == 0
    async with sessionmaker() as session:
        count = (await session.exec(select(func.count()).select_from(Delivery))).one()
    assert count == 0, "nothing was kept, so there is nothing to send"


async def test_notices_released_from_quiet_hours_wake_after_the_commit(
    session: AsyncSession,
) -> None:
    """A resident opting out of quiet hours (🔔 夜里也通知我): what was held for them is due
    now, an UPDATE, not a new row — the sender is woken once it is committed."""
    from datetime import timedelta

    from services.delivery import release_held

    session.add(
        Delivery(
            chat_id=11,
            kind="order-notice",
            text="held for the morning",
            not_before=NOW + timedelta(hours=5),
            held_from=NOW,
        )
    )
    await session.commit()
    wakes = Wakes()
    wake_after_commit(session, wakes)
    assert await release_held(session, chat_id=11, now=NOW) == 1
    await session.flush()
    assert wakes.count == 0
    await session.commit()
    assert wakes.count == 1
    assert await release_held(session, chat_id=11, now=NOW) == 0  # nothing held any more
    await session.commit()
    assert wakes.count == 1
