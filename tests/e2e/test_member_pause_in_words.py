"""A member going away says so in words ('我这周出差，先别派给我', "I'm away this week, don't
send me orders"): their own pause is read back with its end (this week: to Sunday night) and
⏸ 确认暂停, and each order in hand comes with its ↩️ 放弃 (the button asks the reason): the pause
leaves their claims theirs. Before the member's own pause existed they were told to ask the
office; before that, the words were offered to be filed as a matter ('要把这件事报给社区吗？').
(handlers.fallback, handlers.claims.answer_typed_pause, services.smalltalk.asks_pause,
services.member_self.pause_end)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_asks_in_words import OFFER, _issue
from tests.orders.test_e2e_cycle import LIU, ZHAO
from tests.support import inline_labels


async def test_a_member_going_away_is_asked_to_confirm_a_pause(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    [answer] = await d.say(LIU, "我这周出差，先别派给我")
    said = message_text(answer)
    assert "暂停接单到11月29日（周日）结束吗" in said and OFFER not in said, said
    assert "您手上还有 1 件工单" in said, said
    labels = inline_labels(answer)
    assert labels[:2] == ["⏸ 确认暂停", "✖️ 取消"], labels
    assert labels[2].startswith(f"↩️ 放弃 {order_no}"), labels
    await d.tap(LIU, labels[2], answer["message_id"])
    await d.expect(LIU, f"为什么要放弃工单 {order_no}", since=answer["message_id"])
    await d.say(LIU, "✖️ 取消")
    # holding nothing: the pause's buttons alone; no end said, until they resume
    [answer] = await d.say(ZHAO, "暂停接单")
    said = message_text(answer)
    assert "暂停接单吗" in said and "您手上还有" not in said, said
    assert inline_labels(answer) == ["⏸ 确认暂停", "✖️ 取消"]
    await d.tap(ZHAO, "✖️ 取消", answer["message_id"])
    await d.expect(ZHAO, "没有暂停", since=answer["message_id"] - 1)
