"""🔄 办理中的事项 (staff's list of matters in progress) names who took each one: '接单：刘建国'.
Before, staff saw the status alone and had to open every card to ask who was on it.
(handlers.triage_staff._queue, services.orders.claimants_of_requests)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.support import SettledDriver


def _entry(listed: str, number: str) -> str:
    """The request's entry in the list: its line and the words under it."""
    lines = listed.splitlines()
    at = next(i for i, ln in enumerate(lines) if number in ln)
    return "\n".join(lines[at : at + 2])


async def test_the_list_in_progress_names_the_claimants(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    [listed] = await d.say(STAFF, "办理中的")
    line = _entry(message_text(listed), number)
    assert "接单：" not in line and "楼道灯" in line, line  # nobody yet (and the words stay)
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单")
    [listed] = await d.say(STAFF, "办理中的")
    line = _entry(message_text(listed), number)
    assert "接单：刘建国" in line, line
    assert await d.errors() == []
