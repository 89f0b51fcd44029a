"""A member going away says so in words ('我这周出差，先别派给我', "I'm away this week, don't
send me orders"): they are told that offers are not assignments (nothing is theirs until they
tap ✋ 接单), each order in hand comes with its ↩️ 放弃 (the button asks the reason), and the
community office is named for asking for no offers meanwhile. Before, the words were offered
to be filed as a matter of their own ('要把这件事报给社区吗？').
(handlers.fallback, handlers.claims.answer_typed_pause, services.smalltalk.asks_pause)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_asks_in_words import OFFER, _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import inline_labels


async def test_a_member_going_away_is_told_what_to_do(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    [answer] = await d.say(LIU, "我这周出差，先别派给我")
    said = message_text(answer)
    assert "不点「✋ 接单」就不算您的" in said and OFFER not in said, said
    assert "您手上还有 1 件工单" in said and "服务中心" in said, said
    [release] = inline_labels(answer)
    assert release.startswith(f"↩️ 放弃 {order_no}"), release
    await d.tap(LIU, release, answer["message_id"])
    await d.expect(LIU, f"为什么要放弃工单 {order_no}", since=answer["message_id"])
    await d.say(LIU, "✖️ 取消")
    # holding nothing: no buttons, nothing about orders in hand
    [answer] = await d.say(ZHAO, "暂停接单")
    said = message_text(answer)
    assert "不点「✋ 接单」就不算您的" in said and "您手上还有" not in said, said
    assert not inline_labels(answer)
