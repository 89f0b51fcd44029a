"""Several bot processes share the catalogue admins edit: an edit is stored in the database and
each process takes it up at its next look (at once when told, else within `check_every`),
without a query per update. Two CatalogueSync objects stand for two processes' views."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from services.categories import CatalogueSync, add_category, remove_category
from services.order_common import use_catalogue
from services.triage import Category, load_catalogue, load_deployment_catalogue
from tests.support import FakeClock

ADMIN = 1001


class _Process:
    """One process's catalogue in memory, and how many times it opened a session."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], data_dir: Path) -> None:
        self.sessionmaker = sessionmaker
        self.codes: list[str] = [c.code for c in load_catalogue()]
        self.looks = 0
        self.sync = CatalogueSync(
            data_dir=data_dir, check_every=timedelta(seconds=5), apply=self._apply
        )

    def _apply(self, categories: Iterable[Category]) -> None:
        self.codes = [c.code for c in categories]

    def sessions(self) -> AsyncSession:
        self.looks += 1
        return self.sessionmaker()


@pytest.fixture(autouse=True)
def _default_catalogue_after() -> Iterator[None]:
    yield
    use_catalogue(load_catalogue())  # the edits below set this process's catalogue too


async def test_an_edit_reaches_the_other_process_without_a_query_per_update(
    sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    clock = FakeClock()
    other = _Process(sessionmaker, tmp_path / "other")
    assert not await other.sync.refresh(other.sessions, now=clock())  # nothing edited yet
    async with sessionmaker() as session:
        admin = User(id=ADMIN, roles=Role.ADMIN.value)
        session.add(admin)
        await session.commit()
        await add_category(
            session,
            admin=admin,
            roles={Role.ADMIN},
            data_dir=tmp_path / "editor",
            code="pets",
            hours=48,
            name_zh="宠物管理",
            name_en="Pets",
            skills=["general"],
        )
    # updates in the other process before its next look cost no query
    looks = other.looks
    for _ in range(50):
        clock.advance(timedelta(milliseconds=80))
        assert not await other.sync.refresh(other.sessions, now=clock())
    assert other.looks == looks and "pets" not in other.codes
    clock.advance(timedelta(seconds=1))
    assert await other.sync.refresh(other.sessions, now=clock())
    assert "pets" in other.codes and other.sync.version == 1
    # its own data directory gets the copy (`linli triage` there agrees)
    assert "pets" in {c.code for c in load_deployment_catalogue(tmp_path / "other")}
    # a look that finds the same number reads nothing more
    clock.advance(timedelta(seconds=5))
    assert not await other.sync.refresh(other.sessions, now=clock())

    # an edit made in a third process starts from the database's catalogue, not its own file
    async with sessionmaker() as session:
        admin = await session.get(User, ADMIN)
        assert admin is not None
        await remove_category(
            session, admin=admin, roles={Role.ADMIN}, data_dir=tmp_path / "third", code="pets"
        )
    # announced (Redis): taken up at the next update, before check_every has passed
    other.sync.mark_stale()
    assert await other.sync.refresh(other.sessions, now=clock())
    assert "pets" not in other.codes and other.sync.version == 2


class _SwallowingPubSub:
    """A Redis subscription whose read, cancelled, returns nothing and reads on: what redis-py's
    get_message did in the sandbox when the cancellation met its own read timeout (the task
    stayed 'cancelling' inside get_message, and the bot's shutdown hung)."""

    def __init__(self) -> None:
        self.reading = asyncio.Event()
        self.closed = False

    async def subscribe(self, channel: str) -> None:
        pass

    async def get_message(  # redis-py's signature
        self,
        *,
        ignore_subscribe_messages: bool,
        timeout: float,  # noqa: ASYNC109
    ) -> None:
        self.reading.set()
        try:
            await asyncio.Event().wait()  # no announcement comes
        except asyncio.CancelledError:
            task = asyncio.current_task()
            assert task is not None
            task.uncancel()  # taken for the read's own timeout: nothing read

    async def aclose(self) -> None:
        self.closed = True


class _Redis:
    def __init__(self) -> None:
        self.subscriptions: list[_SwallowingPubSub] = []
        self.subscribed = asyncio.Event()

    def pubsub(self) -> _SwallowingPubSub:
        self.subscriptions.append(_SwallowingPubSub())
        self.subscribed.set()
        return self.subscriptions[-1]


async def test_the_redis_listener_stops_even_when_a_read_swallows_the_cancellation(
    sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    from bot.catalogue_watch import CatalogueWatch

    redis = _Redis()
    watch = CatalogueWatch(_Process(sessionmaker, tmp_path).sync, sessionmaker, redis=redis)
    await watch.start()
    await redis.subscribed.wait()
    await redis.subscriptions[0].reading.wait()
    stopping = asyncio.ensure_future(watch.stop())
    done, _ = await asyncio.wait({stopping}, timeout=4)
    assert stopping in done, "the listener went on reading after stop()"
    assert watch._listener is None
    assert all(sub.closed for sub in redis.subscriptions)
