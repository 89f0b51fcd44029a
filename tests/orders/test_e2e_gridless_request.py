"""周阿姨's address lost its grid (1号楼 kept, no grid): her request is in no grid. 张网格员
(第一网格) used to get its card and could open it and issue its order — which then went to
the whole community, though a grid worker may never offer one community-wide. A matter in no
grid is the community's staff's: 李社工 gets the card and handles it; 张网格员 gets no card, it
is not in their 待办诉求, and their taps on it (a card's data sent by hand) are refused
politely and audited."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent, User
from models.scheduling import Delivery
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file
from tests.orders.test_e2e_staff_place import DAY, GRID_WORKER, STAFF, ZHOU, _card, _labels


async def test_a_request_in_no_grid_is_the_community_staffs(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    async with h.sessionmaker() as s:
        zhou = await s.get(User, ZHOU)
        assert zhou is not None
        zhou.grid_id = None
        s.add(zhou)
        await s.commit()
    number = await _file(h, ZHOU, "楼道里的电闸老是跳，整层都没电")
    card = await _card(h, number)  # 李社工's
    assert "📍 改地点" in _labels(card), _labels(card)
    async with h.sessionmaker() as s:
        told = (
            await s.exec(
                select(Delivery.chat_id).where(
                    col(Delivery.matter) == f"request:{int(number)}:new"
                )
            )
        ).all()
    assert STAFF in told and GRID_WORKER not in told, told

    # not in 张网格员's queue
    [*_, queue] = await d.say(GRID_WORKER, "📋 待办诉求")
    assert number not in message_text(queue), message_text(queue)

    # their hand-made taps: open it, handle it directly
    for action in ("sreq", "shandle"):
        answer = await d.click(
            GRID_WORKER, queue["message_id"], data=f"oc:{action}:{int(number)}:0"
        )
        assert "没有权限" in str(answer), answer
    async with h.sessionmaker() as s:
        refused = (
            await s.exec(
                select(AuditEvent.detail).where(
                    col(AuditEvent.actor_id) == GRID_WORKER, col(AuditEvent.action) == "refused"
                )
            )
        ).all()
    assert list(refused) == ["view_request", "handle_directly"]

    # 李社工 still handles it
    await d.tap(STAFF, "直接办理", card["message_id"])
    await d.expect(STAFF, f"诉求 {number} 由您直接办理", since=card["message_id"])
    assert await d.errors() == []
