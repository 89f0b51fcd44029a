"""A member offers to do the work in words under a new order ('我来接这个单', '这单我接了'):
the orders open to them come back, each with its ✋ 接 button, and a tap claims it as the
offer's does. Before, the words were offered to be filed as a new matter. Someone who is not
a member is told how to sign up first."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU
from tests.support import inline_labels

ZHOU = 4001  # 周阿姨, a resident, not a member


async def test_a_member_takes_the_order_in_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, "新工单")
    number = message_text(offer).split("新工单 ")[1].split("：")[0]
    [listed] = await d.say(LIU, "我来接这个单")
    assert "可接工单" in message_text(listed), message_text(listed)
    assert f"✋ 接 {number}" in inline_labels(listed)
    assert "报给社区" not in message_text(listed)
    await d.tap(LIU, f"✋ 接 {number}", listed["message_id"])
    await d.expect(LIU, f"您已接下工单 {number}", since=listed["message_id"])
    # a resident saying it is told how to become a member, not offered to file it
    [told] = await d.say(ZHOU, "我来吧")
    assert "报到" in message_text(told) and "报给社区" not in message_text(told)
    assert await d.errors() == []
