"""The result card in the community's public channel after the resident's rating, in chat: 不满意
turns the posted card (the photo stays) into one saying the resident was not satisfied and the
community handles it again, without the resident's name, room, phone or words; handled again
and rated 满意, the same card says so (as does the post of staff's own second result)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import CHANNEL, LIU, STAFF, ZHOU, _file, _open_card, png


async def test_public_card_follows_the_rating(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了新灯泡")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    card = await d.expect(CHANNEL, "组织晒单")
    assert card.get("photo") and "换了新灯泡" in message_text(card)
    # 周阿姨 is not satisfied: the card no longer reads as a job done
    rate = await d.expect(ZHOU, "已办好")
    await d.tap(ZHOU, "不满意", rate["message_id"])
    await d.say(ZHOU, "灯还是一闪一闪的，302周阿姨")
    await d.expect(ZHOU, "重新办理")
    reopened = await d.expect(CHANNEL, "社区正在重新办理")
    assert reopened["message_id"] == card["message_id"]  # the same post, redrawn
    assert reopened.get("photo") == card["photo"]
    text = message_text(reopened)
    assert "居民对办理结果不满意" in text and "换了新灯泡" in text and "1号楼" in text
    for private in ("周阿姨", "302", "一闪一闪", "13900000001"):
        assert private not in text, text
    assert len([m for m in await d.messages(CHANNEL) if "组织晒单" in message_text(m)]) == 1
    # staff handle it again and she is satisfied: the card says so
    notice = await d.expect(STAFF, "⚠️ 居民对诉求")  # the notice (the card is redrawn too)
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await d.say(STAFF, "已请电工更换镇流器")
    await d.expect(STAFF, "已发给居民评价")
    second = await d.expect(ZHOU, "镇流器")
    await d.tap(ZHOU, "😊 满意", second["message_id"])
    await d.expect(CHANNEL, "居民表示满意")
    [first] = [m for m in await d.messages(CHANNEL) if m["message_id"] == card["message_id"]]
    assert "✅ 更新：社区重新办理后，居民表示满意。" in message_text(first)
    assert "不满意" not in message_text(first)
    # the post of staff's own result says it too
    own = await d.expect(CHANNEL, "居民表示满意", since=card["message_id"])
    assert "镇流器" in message_text(own)
