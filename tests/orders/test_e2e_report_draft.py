"""完成上报 left halfway (✖️ 取消, a menu button, another form) lost what the member had written
and the photos sent (found walking as 刘师傅): starting again on the same order asked from
scratch. Now what was written is kept as it is written, by order; 完成上报 on that order again
goes on with it ('接着上次没写完的继续'), 🗑 重新写 starts afresh, and reporting it drops it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, png
from tests.support import SettledDriver


async def test_a_report_left_halfway_is_kept_and_taken_up_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    card = offer["message_id"]

    await d.click(LIU, card, text="✅ 完成上报")
    await d.expect(LIU, "做了什么", since=card)
    await d.say(LIU, "换了新的软管")
    sent = await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片", since=sent["message_id"])
    [cancelled] = await d.say(LIU, "✖️ 取消")
    assert "写好的内容已经为您保存" in message_text(cancelled), message_text(cancelled)

    # taken up again where it was left; a menu button leaves it kept too
    for leave in ("🏅 我的积分", None):
        last = (await d.messages(LIU))[-1]["message_id"]
        await d.click(LIU, card, text="✅ 完成上报")
        asked = await d.expect(LIU, "接着上次没写完的", since=last)
        assert "换了新的软管" in message_text(asked) and "照片 1 张" in message_text(asked)
        if leave is not None:
            said = await d.say(LIU, leave)
            assert any("内容已经为您保存" in message_text(m) for m in said), said
    await d.say(LIU, "阀门也换了")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报")
    verify = message_text(await d.expect(STAFF, "请验收"))
    assert "换了新的软管\n阀门也换了" in verify and "照片：1 张" in verify, verify

    # once reported, nothing is kept: after 退回 the report starts from the last one
    notice = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "退回", notice["message_id"])
    await d.say(STAFF, "请补一张关好阀门的照片")
    back = await d.expect(LIU, f"工单 {order_no} 被退回")
    await d.click(LIU, back["message_id"], text="✅ 完成上报")
    asked = await d.expect(LIU, "请重新写一下", since=back["message_id"])
    assert "接着上次" not in message_text(asked), message_text(asked)


async def test_a_report_kept_can_be_written_afresh(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    card = offer["message_id"]
    await d.click(LIU, card, text="✅ 完成上报")
    await d.say(LIU, "写错了的内容")
    await d.say(LIU, "✖️ 取消")
    await d.click(LIU, card, text="✅ 完成上报")
    asked = await d.expect(LIU, "接着上次没写完的", since=card)
    assert "🗑 重新写" in str(asked.get("reply_markup")), asked
    [afresh] = await d.say(LIU, "🗑 重新写")
    assert "请写一下工单" in message_text(afresh), message_text(afresh)
    await d.say(LIU, "换了新的软管")
    await d.say(LIU, "✅ 说完了")
    verify = message_text(await d.expect(STAFF, "请验收"))
    assert "换了新的软管" in verify and "写错了" not in verify, verify
