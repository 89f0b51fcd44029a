"""李社工 gives 刘师傅's claim to 赵医生. 刘师傅's card still had ✅ 完成上报 and ↩️ 放弃工单: a
tap was answered '抱歉，您没有权限进行这个操作' and logged as a forged button — and a report he was
writing when it happened was refused the same way at ✅ 说完了, the step left open. Now he is
told the order was given to someone else, his card of it is redrawn at once as the order now
is (without his buttons), a tap of those buttons says what happened, his step ends, and
nothing is logged as refused."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import AuditEvent
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _claimed_by_liu(h: Harness) -> tuple[str, dict[str, Any]]:
    """An order claimed by 刘师傅: its number and his card."""
    d = h.driver
    number = await _file(h, ZHOU, "厨房水管漏水，地上都是水")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "不限技能")  # 赵医生 (health, elderly care) may be given it too
    await d.expect(STAFF, "需要的技能：不限")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    card = await d.expect(LIU, "联系人", since=offer["message_id"] - 1)
    assert "✅ 完成上报" in _labels(card), _labels(card)
    return order_no, card


async def _reassign_to_zhao(h: Harness, order_no: str) -> None:
    d = h.driver
    full = await d.expect(STAFF, f"工单 {order_no}（")
    await d.tap(STAFF, "查看工单", full["message_id"])
    staff_card = await d.expect(STAFF, "接单人：刘建国", since=full["message_id"])
    await d.tap(STAFF, "改派", staff_card["message_id"])
    await d.expect(STAFF, "改派给谁", since=staff_card["message_id"])
    await d.tap(STAFF, "赵敏")
    await d.expect(STAFF, "已改派给 赵敏")
    await d.expect(ZHAO, "交给了您")
    await d.expect(LIU, "已改派给其他人")


async def _refusals(h: Harness) -> list[str]:
    async with h.sessionmaker() as s:
        rows = await s.exec(
            select(AuditEvent.detail).where(
                col(AuditEvent.actor_id) == LIU, col(AuditEvent.action) == "refused"
            )
        )
        return [str(r) for r in rows.all()]


async def test_the_old_card_of_a_reassigned_claim_says_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no, card = await _claimed_by_liu(h)
    [order_id] = {
        b["callback_data"].split(":")[2]
        for row in card["reply_markup"]["inline_keyboard"]
        for b in row
    }
    # a second card of it, from 📌 我的工单: his card of it now (the first one is taken away)
    [listed] = await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}", listed["message_id"])
    again = await d.expect(LIU, f"工单 {order_no} ·", since=listed["message_id"])
    await d.settle()
    [first] = [m for m in await d.messages(LIU) if m["message_id"] == card["message_id"]]
    assert first.get("deleted"), first
    await _reassign_to_zhao(h, order_no)
    await d.settle()
    # redrawn at once: the order as it now is, without his buttons or the resident's phone
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == again["message_id"]]
    assert not {"✅ 完成上报", "↩️ 放弃工单"} & set(_labels(now)), _labels(now)
    assert "接单人：赵敏" in message_text(now), message_text(now)
    assert "13900000001" not in message_text(now), message_text(now)

    # a tap of the buttons it had (gone now: as from a copy of it elsewhere) says what happened
    for action in ("mdone", "mrel"):
        tapped = await d.click(LIU, again["message_id"], data=f"oc:{action}:{order_id}:0")
        said = str((tapped.get("answer") or {}).get("text"))
        assert "没有权限" not in said, said
        assert order_no in said and "改派" in said, said
    assert await _refusals(h) == []


async def test_a_report_written_while_the_claim_was_reassigned_is_answered_so(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no, card = await _claimed_by_liu(h)
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, "做了什么", since=card["message_id"])
    await d.say(LIU, "换了新的软管")
    await _reassign_to_zhao(h, order_no)

    sent = await d.send(LIU, "✅ 说完了")
    told = await d.expect(LIU, "改派", since=sent["message_id"])
    assert order_no in message_text(told) and "没有权限" not in message_text(told)
    assert "说完了" not in str(told.get("reply_markup")), told  # the step is over
    assert await _refusals(h) == []
