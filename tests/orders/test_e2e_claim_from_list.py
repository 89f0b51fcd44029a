"""✋ 接 tapped in 🛠 可接工单 redraws the list as it now is (found walking the member flows as
刘师傅): the order just taken leaves the page the member is on. Before, the list went on reading
'已接 0/1' with its ✋ 接 button beside the claimed order's card, and a second tap answered
'您已经接过这张工单了'."""

from __future__ import annotations

from datetime import timedelta

from models import Role, User
from sandbox.driver import message_text
from services import orders as order_service
from services import requests as req_svc
from services.requests import Draft, FilingLimits
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU

TEXTS = ["厨房水管漏水", "水管滴水", "电灯不亮", "插座没电", "热水器漏水", "电闸跳了"]


async def _orders(h: Harness) -> None:
    """Six plumbing or electrical orders for the whole community, issued through the services."""
    async with h.sessionmaker() as session:
        resident = await session.get(User, ZHOU)
        staff = await session.get(User, STAFF)
        assert resident is not None and staff is not None
        for i, text in enumerate(TEXTS):
            now = h.clock() + timedelta(minutes=i)
            filed = await req_svc.file_request(
                session,
                user=resident,
                draft=Draft(text=f"{text}，麻烦来看看", category="water_electric"),
                suggestion=None,
                now=now,
                limits=FilingLimits(burst=99, daily=99),
            )
            await order_service.issue_order(
                session,
                user=staff,
                roles=frozenset({Role.STAFF, Role.RESIDENT}),
                request_id=filed.request.id or 0,
                spec=order_service.OrderSpec(community_wide=True, skills=("plumbing",)),
                now=now,
            )


async def test_claiming_from_the_list_redraws_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _orders(h)
    [listing] = await d.say(LIU, "🛠 可接工单")
    assert "共 6 件，第 1/2 页" in message_text(listing), message_text(listing)
    await d.tap(LIU, "下一页", listing["message_id"])
    page2 = await d.expect(LIU, "第 2/2 页", since=listing["message_id"] - 1)
    [line] = [ln for ln in message_text(page2).splitlines() if ln.startswith("G")]
    number = line.split(" ")[0]
    await d.tap(LIU, f"接 {number}", listing["message_id"])
    await d.expect(LIU, f"您已接下工单 {number}", since=listing["message_id"])
    # the list now reads as it is: five left, on one page, without the order just taken
    now = await d.expect(LIU, "共 5 件，第 1/1 页", since=listing["message_id"] - 1)
    assert now["message_id"] == listing["message_id"]
    assert number not in message_text(now), message_text(now)
