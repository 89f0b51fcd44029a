"""When staff will see a request just filed (told to the resident at night) comes with the
filing, read from the cards it queued: the same moment the outbox's rows give, with no query;
and queuing the cards reads nothing from the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import event
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery
from services import requests as req_svc
from services.order_common import Notice, matter_of
from services.order_notices import deliver
from tests.orders.conftest import World, draft

NIGHT = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # Mon 23:30 in Shanghai
MORNING = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # Tue 07:00, the default hours' end
DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00


class Texts:
    def get(self, lang: str, key: str, /, **args: object) -> str:
        return f"{lang}:{key}"


async def _file(
    session: AsyncSession, world: World, now: datetime, *, urgent: bool = False
) -> req_svc.Filed:
    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=now)

    d = draft("楼道灯坏了，晚上很黑")
    d.urgent = urgent
    return await req_svc.file_request(
        session, user=world.resident, draft=d, suggestion=None, now=now, outbox=sink
    )


async def _queried(session: AsyncSession, filed: req_svc.Filed, now: datetime) -> object:
    return await req_svc.staff_see_at(session, request=filed.request, now=now)


async def test_filed_at_night_the_cards_wait_for_the_morning(
    session: AsyncSession, world: World
) -> None:
    statements: list[str] = []
    event.listen(
        session.bind.sync_engine,  # type: ignore[union-attr]
        "before_cursor_execute",
        lambda *a: statements.append(a[2]),
    )
    filed = await _file(session, world, NIGHT)
    # the filing reads nothing from the outbox: no card about a request just created can be
    # queued already (no de-duplication lookup), and the cards' times are in the session
    assert not any(s.startswith("SELECT") and "FROM deliveries" in s for s in statements)
    cards = (
        await session.exec(
            select(Delivery).where(col(Delivery.matter) == matter_of(filed.request))
        )
    ).all()
    assert sorted(d.chat_id for d in cards) == sorted(n.chat_id for n in filed.notices)
    assert len({d.chat_id for d in cards}) == len(cards) > 0  # one card each
    assert filed.staff_see_at == MORNING
    assert await _queried(session, filed, NIGHT) == MORNING


async def test_by_day_urgent_or_a_staff_member_awake_nothing_waits(
    session: AsyncSession, world: World
) -> None:
    filed = await _file(session, world, DAY)
    assert filed.staff_see_at is None and await _queried(session, filed, DAY) is None
    filed = await _file(session, world, NIGHT, urgent=True)
    assert filed.staff_see_at is None and await _queried(session, filed, NIGHT) is None
    # one of the community's staff takes notices at night: someone sees it now
    world.grid_staff.quiet_hours_opt_out = True
    session.add(world.grid_staff)
    await session.commit()
    filed = await _file(session, world, NIGHT)
    assert filed.staff_see_at is None and await _queried(session, filed, NIGHT) is None
