"""A report begun again after 退回 from words typed ('修好了，换了新阀门') says what the last
report said and that its photos stay, as 完成上报 tapped on the card does; so does a report
taken up again after 取消. Before, the typed path showed only the new words: the member could
not tell they replace the last ones, nor that the photos need not be sent again."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, png


async def test_a_report_told_in_words_after_sent_back_quotes_the_last_one(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "厨房水龙头一直滴水，关不紧")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.tap(LIU, "完成上报", offer["message_id"])
    await d.expect(LIU, "做了什么", since=offer["message_id"])
    await d.say(LIU, "拧紧了龙头")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "共 1 张")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么")
    await d.say(STAFF, "还在滴水，请再看看")
    back = await d.expect(LIU, "被退回")

    [typed] = await d.say(LIU, "修好了，换了新阀门")
    text = message_text(typed)
    assert f"工单 {order_no}" in text and "「修好了，换了新阀门」" in text, text
    assert "上次上报写的是：「拧紧了龙头」" in text, text
    assert "照片 1 张会保留" in text and "替换" in text, text

    # left with 取消 and taken up from the card: the same line under what was written
    await d.say(LIU, "✖️ 取消")
    await d.expect(LIU, "已取消", since=typed["message_id"])
    await d.tap(LIU, "完成上报", back["message_id"])
    again = message_text(await d.expect(LIU, "接着上次没写完的", since=typed["message_id"]))
    assert "修好了，换了新阀门" in again and "上次上报写的是：「拧紧了龙头」" in again, again
    await d.say(LIU, "✅ 说完了")
    verify = message_text(await d.expect(STAFF, "请验收", since=verify["message_id"]))
    assert "换了新阀门" in verify and "照片：1 张" in verify, verify
    assert await d.errors() == []
