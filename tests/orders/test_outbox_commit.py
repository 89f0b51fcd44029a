"""An order-cycle action and the notices it causes land in one commit (the session's outbox)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import event
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Request, RequestStatus
from models.scheduling import Delivery
from services import orders as svc
from services import requests as req_svc
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.orders.conftest import T0, World, draft


class Texts:
    """Renders a notice as its key and arguments (the wording is not under test here)."""

    def get(self, lang: str, key: str, /, **args: object) -> str:
        # arguments as they are (not repr'd: a card's typed texts go in as private-use
        # tokens that services.fitting puts back, which a repr would escape)
        return f"{lang}:{key}:" + ";".join(f"{k}={v}" for k, v in sorted(args.items()))


async def _filed(session: AsyncSession, world: World) -> Request:
    filed = await req_svc.file_request(
        session, user=world.resident, draft=draft("楼道灯坏了"), suggestion=None, now=T0
    )
    return filed.request


async def test_decline_queues_its_notice_in_its_own_commit(
    session: AsyncSession, world: World
) -> None:
    req = await _filed(session, world)
    commits: list[int] = []
    event.listen(session.sync_session, "after_commit", lambda _s: commits.append(1))

    async def sink(notices: Sequence[Notice]) -> int:
        return await deliver(session, notices, texts=Texts(), default_language="zh-Hans", now=T0)

    use_outbox(session, sink)
    out = await svc.decline(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        reason="不属于社区服务范围",
        now=T0,
    )
    assert len(commits) == 1, "the decline and its notice are one commit"
    assert out.queued and out.pending == [] and out.notices
    queued = (
        await session.exec(select(Delivery).where(col(Delivery.chat_id) == world.resident.id))
    ).all()
    assert [d.kind for d in queued] == [out.notices[0].key[:32]]
    assert "不属于社区服务范围" in queued[0].text


async def test_when_queuing_fails_the_action_is_not_kept_either(
    session: AsyncSession, world: World
) -> None:
    req = await _filed(session, world)
    request_id = req.id or 0

    async def broken(notices: Sequence[Notice]) -> int:
        raise RuntimeError("outbox unavailable")

    use_outbox(session, broken)
    with pytest.raises(RuntimeError):
        await svc.decline(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=request_id,
            reason="不属于社区服务范围",
            now=T0,
        )
    await session.rollback()
    use_outbox(session, None)
    again = await session.get(Request, request_id, populate_existing=True)
    assert again is not None and again.status == RequestStatus.NEW


async def test_without_an_outbox_the_caller_gets_the_notices_to_queue(
    session: AsyncSession, world: World
) -> None:
    req = await _filed(session, world)
    out = await svc.decline(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=req.id or 0,
        reason="重复",
        now=T0,
    )
    assert not out.queued and out.pending == out.notices and out.notices
