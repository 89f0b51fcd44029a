"""An order given back at night is offered again ('还在等人接') in a message held for the morning;
a member's 🛠 可接工单 list showing it has one ✋ for it, not two (found as 赵医生): a list shown
before reads that a new message offers it (详情 only), and the morning's offer is the one to
claim on, as the older offers of it read; a list opened after, at night, offers ✋ 接 itself,
and the held offer is not sent in the morning, as for a card opened meanwhile. Before, the
list's line offered ✋ 接 again all night and the morning's offer came with ✋ 接单 as well.
(services.open_lists._state 'resent', services.open_lists.remember)"""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.e2e.test_member_pause_read_by_clock import _issue_counting
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import SettledDriver, inline_labels

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 23:00 in Shanghai
MORNING = datetime(2026, 11, 23, 23, 1, tzinfo=UTC)  # Tuesday 07:01


async def _given_back_at_night(h: Harness, order_no: str) -> None:
    """刘师傅 claims the order from his offer by day and gives it back at 23:00."""
    d = h.driver
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    h.clock.set(NIGHT)
    await d.tap(LIU, "放弃工单", offer["message_id"])
    await d.expect(LIU, "原因", since=offer["message_id"])
    await d.say(LIU, "临时要出差")
    await d.expect(LIU, f"已放弃工单 {order_no}")


async def _morning(h: Harness) -> None:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(MORNING)
    await service.drain()
    await service.drain()


async def _live(d: SettledDriver, order_no: str) -> list[int]:
    """赵医生's messages offering ✋ for the order."""
    await d.settle()
    return [
        m["message_id"]
        for m in await d.messages(ZHAO)
        if order_no in message_text(m)
        and any(label.startswith("✋") for label in inline_labels(m))
        and not m["deleted"]
    ]


async def test_a_list_shown_before_points_to_the_mornings_offer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no, _ = await _issue_counting(h, "楼道里的灯坏了，晚上看不见路")
    [listing] = await d.say(ZHAO, "🛠 可接工单")
    assert f"✋ 接 {order_no}" in inline_labels(listing), inline_labels(listing)
    await _given_back_at_night(h, order_no)
    # at night: the list says a new message offers it (held for the morning), without ✋ 接
    assert await _live(d, order_no) == []
    [now] = [m for m in await d.messages(ZHAO) if m["message_id"] == listing["message_id"]]
    assert "又在等人接了，另发一条新消息给您" in message_text(now), message_text(now)
    assert inline_labels(now) == ["详情"], inline_labels(now)
    # the morning: the offer comes, and is the one ✋ for the order in her chat
    await _morning(h)
    again = await d.expect(ZHAO, "还在等人接", since=listing["message_id"])
    assert await _live(d, order_no) == [again["message_id"]]
    assert await d.errors() == []


async def test_a_list_opened_at_night_is_the_one_to_claim_on(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no, _ = await _issue_counting(h, "楼道里的灯坏了，晚上看不见路")
    await _given_back_at_night(h, order_no)
    [listing] = await d.say(ZHAO, "🛠 可接工单")
    assert f"✋ 接 {order_no}" in inline_labels(listing), inline_labels(listing)
    await _morning(h)
    assert await _live(d, order_no) == [listing["message_id"]]
    mine = [message_text(m) for m in await d.messages(ZHAO, since=listing["message_id"])]
    assert not [text for text in mine if "还在等人接" in text], mine
    # and it claims from there
    await d.tap(ZHAO, f"✋ 接 {order_no}", listing["message_id"])
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=listing["message_id"])
    assert await d.errors() == []
