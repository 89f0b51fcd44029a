"""Order-cycle text steps through the sandbox: a stale reply button of another flow ("跳过" where
a step has none, "✅ 说完了", the phone keyboard's "不修改" …) is never stored as an order's title,
a transfer's unit or note, a reason, a result or a rating comment. The step answers politely with
its own buttons and stays: the next typed text is its answer. Where a step offers skip (with an
inline button), "跳过" as a reply button skips it."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models.orders import Claim, LedgerEvent, Order, Rating, Request, Transfer
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHENG, ZHOU, _file, _open_card
from tests.support import reply_to

STALE = ("跳过", "✅ 说完了", "不修改", "📍 发送位置", "删除手机号", "Skip", "✅ Done")


def _keyboard(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] if isinstance(b, dict) else b for row in rows for b in row]


async def _refused(d: Driver, user: int, label: str, *, keyboard: list[str]) -> None:
    """The label gets the polite answer (naming it) and the step's own buttons, nothing else."""
    [answer] = await d.say(user, label)
    text = message_text(answer)
    assert f"「{label}」是按钮上的字" in text, text
    assert _keyboard(answer) == keyboard


async def _nothing_stale_stored(h: Harness) -> None:
    """No reason, title, note, unit, result or comment anywhere is a button's label."""
    async with h.sessionmaker() as s:
        texts = [e.note for e in (await s.exec(select(LedgerEvent))).all()]
        for r in (await s.exec(select(Request))).all():
            texts += [r.text, r.decline_reason or "", r.result_note or "", r.room or ""]
            texts.append(r.contact_phone or "")
        for o in (await s.exec(select(Order))).all():
            texts += [o.title, o.result_note or ""]
        texts += [c.reason or "" for c in (await s.exec(select(Claim))).all()]
        texts += [t.unit for t in (await s.exec(select(Transfer))).all()]
        texts += [r.comment for r in (await s.exec(select(Rating))).all()]
    for label in STALE:
        assert not [t for t in texts if label in t], label


async def test_triage_steps_refuse_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # the order's title
    lamp = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, lamp)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {lamp} 派单")
    await d.tap(STAFF, "改标题")
    await d.expect(STAFF, "请输入工单标题")
    for label in ("跳过", "✅ 说完了", "不修改"):
        await _refused(d, STAFF, label, keyboard=["✖️ 取消"])
    [said, form] = await d.say(STAFF, "更换三单元楼道灯")
    assert "标题已更新" in message_text(said)
    assert "标题：更换三单元楼道灯" in message_text(form)
    await d.tap(STAFF, "发布工单")
    await d.expect(STAFF, "已发布")
    # transfer: the unit refuses every flow button; the optional note takes "跳过" as its skip
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, road)
    await d.tap(STAFF, "转办")
    await d.expect(STAFF, "转办给哪个单位")
    await _refused(d, STAFF, "跳过", keyboard=["✖️ 取消"])
    [ask] = await d.say(STAFF, "区市政工程管理处")
    assert "需要说明" in message_text(ask)
    await _refused(d, STAFF, "✅ 说完了", keyboard=["跳过", "✖️ 取消"])
    replies = await d.say(STAFF, "跳过")
    assert any(f"诉求 {road} 已转办" in message_text(m) for m in replies)
    await d.expect(WU, "区市政工程管理处")
    # decline: the reason the resident is told
    odd = await _file(h, ZHENG, "想请社区帮忙买彩票")
    await _open_card(h, odd)
    await d.tap(STAFF, "不受理")
    await d.expect(STAFF, "不受理诉求")
    await _refused(d, STAFF, "跳过", keyboard=["✖️ 取消"])
    await _refused(d, STAFF, "Skip", keyboard=["✖️ 取消"])
    await d.say(STAFF, "不属于社区服务范围")
    await d.expect(ZHENG, "不属于社区服务范围")
    async with h.sessionmaker() as s:
        [order] = (await s.exec(select(Order))).all()
        declined = (await s.exec(select(Request).where(col(Request.resident_id) == ZHENG))).one()
        [transfer] = (await s.exec(select(Transfer))).all()
    assert order.title == "更换三单元楼道灯"
    assert declined.decline_reason == "不属于社区服务范围"
    assert transfer.unit == "区市政工程管理处"
    await _nothing_stale_stored(h)


async def test_filing_for_a_resident_refuses_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "3号楼")
    await d.tap(STAFF, "电话")
    await d.expect(STAFF, "房号是多少")
    await _refused(d, STAFF, "✅ 说完了", keyboard=["跳过", "⬅️ 上一步", "✖️ 取消"])
    [ask] = await d.say(STAFF, "跳过")  # the room is optional: a reply "跳过" skips it
    assert "联系电话" in message_text(ask)
    await _refused(d, STAFF, "不修改", keyboard=["跳过", "⬅️ 上一步", "✖️ 取消"])
    [ask] = await d.say(STAFF, "13911112222")
    assert "怎么称呼" in message_text(ask)
    await _refused(d, STAFF, "不修改", keyboard=["跳过", "⬅️ 上一步", "✖️ 取消"])
    [ask] = await d.say(STAFF, "跳过")  # the name is optional too
    assert "反映的事情" in message_text(ask)
    await _refused(
        d, STAFF, "跳过", keyboard=["⬅️ 上一步", "✖️ 取消"]
    )  # the matter itself cannot be skipped
    await d.say(STAFF, "独居老人家里水管漏水")
    await d.expect(STAFF, "已代为登记")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
    assert req.text == "独居老人家里水管漏水"
    assert req.room is None and req.contact_phone == "13911112222"
    await _nothing_stale_stored(h)


async def test_claim_result_and_rating_steps_refuse_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    # the member's release reason
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "联系人")
    await d.tap(LIU, "放弃工单")
    await d.expect(LIU, "为什么要放弃")
    await _refused(d, LIU, "跳过", keyboard=["✖️ 取消"])
    await d.say(LIU, "临时要出差")
    await d.expect(LIU, "已放弃")
    # the report of what was done: "✅ 说完了" still submits, other buttons are refused
    listed = await reply_to(d, LIU, "🛠 可接工单", "可接工单（共")
    await d.tap(LIU, f"接 {order_no}", listed["message_id"])
    await d.expect(LIU, "您已接下工单", since=listed["message_id"])  # this claim's, not the first
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.expect(LIU, "做了什么")
    await _refused(d, LIU, "跳过", keyboard=["✅ 说完了", "✖️ 取消"])
    await _refused(d, LIU, "不修改", keyboard=["✅ 说完了", "✖️ 取消"])
    await d.say(LIU, "换了新灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    # staff send it back: the reason the member is told
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么")
    await _refused(d, STAFF, "✅ 说完了", keyboard=["✖️ 取消"])
    await d.say(STAFF, "请补一张照片")
    await d.expect(LIU, "请补一张照片")
    # reported again, verified; the resident's optional comment takes "跳过" as skip
    mark = (await d.messages(STAFF))[-1]["message_id"]
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "已补照片，灯亮了")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收", since=mark)
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, "已验收")
    rate = await d.expect(ZHOU, "已办好")
    await d.tap(ZHOU, "😊 满意", rate["message_id"])
    asked = await d.expect(ZHOU, "还想说点什么")
    await _refused(d, ZHOU, "✅ 说完了", keyboard=["跳过", "✖️ 取消"])
    thanks = await reply_to(d, ZHOU, "跳过", "感谢您的评价")
    assert "感谢您的评价" in message_text(thanks)
    # the question's own 跳过 went with the answer: nothing left there to tap
    [asked] = [m for m in await d.messages(ZHOU) if m["message_id"] == asked["message_id"]]
    assert not (asked.get("reply_markup") or {}).get("inline_keyboard")
    async with h.sessionmaker() as s:
        [released, _] = (await s.exec(select(Claim).order_by(col(Claim.id)))).all()
        [rating] = (await s.exec(select(Rating))).all()
        [order] = (await s.exec(select(Order))).all()
    assert released.reason == "临时要出差"
    assert rating.comment == "" and "已补照片" in (order.result_note or "")
    await _nothing_stale_stored(h)
