"""放弃工单 on an older card of an order already reported done (found walking the flows as
刘师傅): it says '工单 … 已经上报过了，正在等待社区验收。' and asks for no reason. Before, it
asked why, then refused every answer ('这件事刚刚已经有人处理过了') until 取消. His card of the
order (opened from 📌 我的工单) no longer has the button once reported: it is redrawn; the tap
comes from a copy of it drawn before."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.e2e.test_stale_buttons_done import _inline, _now, _report
from tests.orders.test_e2e_cycle import LIU


async def test_release_on_an_older_card_after_the_report(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    [order_id] = {
        b["callback_data"].split(":")[2]
        for row in card["reply_markup"]["inline_keyboard"]
        for b in row
    }
    # 📌 我的工单's card of the order, opened before the report: it has 放弃工单
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, "查看")
    older = await d.expect(LIU, "分类：", since=card["message_id"])
    assert "↩️ 放弃工单" in _inline(older)
    await _report(d, older, "换了新灯泡")
    assert _inline(await _now(d, LIU, older["message_id"])) == []  # redrawn: reported
    mark = (await d.messages(LIU))[-1]["message_id"]
    answer = await d.click(LIU, older["message_id"], data=f"oc:mrel:{order_id}:0")
    assert "已经上报过了" in str(answer["answer"]["text"])
    assert not [m for m in await d.messages(LIU, mark) if "为什么" in message_text(m)]
    assert await d.messages(LIU, mark) == []
