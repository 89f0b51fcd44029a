"""Reports of orders left half written (services.report_drafts): one per member and order, the
latest few kept (5; 2 here), none older than a conversation is kept, and /forget drops them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from services import report_drafts
from services.users import forget_user
from tests.orders.conftest import T0, World
from tests.orders.test_cycle import _file, _issue

DAY = timedelta(hours=72)


async def test_a_draft_is_kept_replaced_capped_aged_and_forgotten(
    session: AsyncSession, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = world
    monkeypatch.setattr(report_drafts, "KEPT", 2)  # filing limits allow a few requests
    orders = [
        await _issue(session, w, await _file(session, w, f"{n}号楼灯坏了")) for n in range(3)
    ]
    ids = [o.id or 0 for o in orders]
    member = w.member.id or 0

    async def read(order_id: int, *, at: timedelta = timedelta(0)) -> report_drafts.Draft:
        return await report_drafts.draft_of(
            session, member_id=member, order_id=order_id, now=T0 + at, max_age=DAY
        )

    await report_drafts.keep_draft(
        session, member_id=member, order_id=ids[0], note="换了灯泡", photos=["A1"], now=T0
    )
    assert await read(ids[0]) == report_drafts.Draft(note="换了灯泡", photos=["A1"])
    # written further: in place of what was kept (one per member and order)
    await report_drafts.keep_draft(
        session,
        member_id=member,
        order_id=ids[0],
        note="换了灯泡\n修好了",
        photos=["A1", "A2"],
        now=T0,
    )
    assert (await read(ids[0])).photos == ["A1", "A2"]
    assert not await read(ids[0], at=DAY + timedelta(minutes=1))  # left too long ago
    # nothing written: it goes
    await report_drafts.keep_draft(
        session, member_id=member, order_id=ids[0], note=" ", photos=[], now=T0
    )
    assert not await read(ids[0]) and not await report_drafts.has_draft(
        session, member_id=member, order_id=ids[0]
    )
    # the latest KEPT are kept
    for n, order_id in enumerate(ids):
        await report_drafts.keep_draft(
            session,
            member_id=member,
            order_id=order_id,
            note=f"第{n}份",
            photos=[],
            now=T0 + timedelta(minutes=n),
        )
    kept = [bool(await read(i, at=timedelta(hours=1))) for i in ids]
    assert kept == [False, True, True], kept

    await forget_user(session, user=w.member, now=T0 + timedelta(hours=2))
    assert not any([bool(await read(i, at=timedelta(hours=1))) for i in ids])
