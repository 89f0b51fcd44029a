"""A report again after 退回 (found walking as a volunteer): the member is shown what the last
report said and that its photos stay, and staff read the count of every photo the result has.
Before, the member was asked as the first time — the one photo staff asked for, sent with a
word, silently replaced the first report's words — and staff read '照片：1 张' while
🖼 查看照片 showed three."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, png


async def test_a_report_again_shows_the_last_one_and_counts_every_photo(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.tap(LIU, "完成上报", offer["message_id"])
    first = await d.expect(LIU, "做了什么", since=offer["message_id"])
    assert "上次" not in message_text(first)
    await d.say(LIU, "换了灯泡和开关，<b>亮了</b>")
    for count in (1, 2):
        await d.send(LIU, photo=png())
        await d.expect(LIU, f"共 {count} 张")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    assert "照片：2 张" in message_text(verify), message_text(verify)
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么")
    await d.say(STAFF, "请补一张开灯后的照片")
    back = await d.expect(LIU, "被退回")
    # asked again: with the words he reported and that the two photos stay
    await d.tap(LIU, "完成上报", back["message_id"])
    again = message_text(await d.expect(LIU, "上次上报写的是", since=back["message_id"]))
    assert "「换了灯泡和开关，<b>亮了</b>」" in again, again
    assert "照片 2 张会保留" in again and "替换" in again, again
    await d.send(LIU, photo=png(), text="开灯后")
    await d.expect(LIU, "共 1 张")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收", since=verify["message_id"])
    # every photo the result has, as 🖼 查看照片 shows them
    assert "照片：3 张" in message_text(verify), message_text(verify)


async def test_a_report_without_photos_says_so(linli_sandbox: Harness) -> None:
    """No photo with the report: staff read '没有附照片', not '照片：0 张'."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.tap(LIU, "完成上报", offer["message_id"])
    await d.expect(LIU, "做了什么", since=offer["message_id"])
    await d.say(LIU, "换了灯泡")
    await d.say(LIU, "✅ 说完了")
    verify = message_text(await d.expect(STAFF, "请验收"))
    assert "照片：没有附照片" in verify and "0 张" not in verify, verify
