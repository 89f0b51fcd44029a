"""The offer under words a member holding an order typed at the menu says which of its
buttons was tapped — '✓ 已选：报给社区' — as the residents' offers do, and a tap on its other
button afterwards (an old screen) is answered with that choice, nothing sent. Before, 💬
告诉社区 only took the buttons away."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU
from tests.orders.test_e2e_member_note import _notes, _order
from tests.orders.test_e2e_typed_done import _claim
from tests.support import inline_labels


async def test_filed_from_the_members_offer_it_says_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claim(h, "楼道里的灯坏了，晚上看不见路")
    order = await _order(h, number)
    [offer] = await d.say(LIU, "楼下的下水道堵了，味道很大")
    assert inline_labels(offer) == ["📝 报给社区", f"💬 告诉社区：{number}"], inline_labels(offer)
    await d.tap(LIU, "📝 报给社区", offer["message_id"])
    await d.expect(LIU, "好的", since=offer["message_id"])
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    assert inline_labels(now) == []
    assert message_text(now).endswith("\n\n✓ 已选：报给社区"), message_text(now)
    # 💬 from a screen still showing it: answered with the choice made, no note passed on
    told = await d.click(LIU, offer["message_id"], data=f"oc:mnotet:{order.id}:0")
    assert "这条已经选过了：「报给社区」" in str(told["answer"]), told
    assert await _notes(h) == []
    assert await d.errors() == []
