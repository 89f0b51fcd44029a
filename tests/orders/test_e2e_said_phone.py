"""A phone number said in the description ('我电话13900000003，下午在家') is offered at the
preview as the contact for this matter, one tap, never taken silently: the member who claims it
reads that number instead of '居民没有留电话'; the public result card still masks it."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import CHANNEL, LIU, STAFF, WU, _open_card
from tests.support import inline_labels, reply_to

SAID = "厨房水管漏水了，我电话13900000003，下午在家"
BUTTON = "📞 这件事打 13900000003 联系我"


async def _preview(h: Harness) -> dict:
    d = h.driver
    await d.say(WU, "📝 我要点单")  # 吴大爷: 1号楼 502, no phone registered
    await d.say(WU, SAID)
    preview = await reply_to(d, WU, "✅ 说完了", "分类")
    text = message_text(preview)
    # offered, not taken
    assert BUTTON in inline_labels(preview), inline_labels(preview)
    assert "描述里有电话 13900000003" in text and "这件事的联系电话：" not in text, text
    return preview


async def test_phone_said_in_the_description_is_used_once_chosen(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h)
    await d.tap(WU, BUTTON, preview["message_id"])
    chosen = await d.expect(WU, "这件事的联系电话：13900000003", since=preview["message_id"] - 1)
    assert BUTTON not in inline_labels(chosen)
    await d.tap(WU, "确认提交", chosen["message_id"])
    filed = await d.expect(WU, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == WU))).all()
    assert req.contact_phone == "13900000003"
    # the member who claims it reads the number, not '居民没有留电话'
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    order_no = message_text(await d.expect(STAFF, "已发布")).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = message_text(
        await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    )
    assert "居民没有留电话" not in claimed, claimed
    # the offer became the card: the number to call
    [card] = [m for m in await d.messages(LIU) if m["message_id"] == offer["message_id"]]
    assert "电话：13900000003" in message_text(card), message_text(card)
    assert "居民没有留电话" not in message_text(card), message_text(card)
    # done, verified: the public card masks the number said in the words
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了水管接头")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    public = message_text(await d.expect(CHANNEL, "组织晒单"))
    assert "13900000003" not in public and "502" not in public, public


async def test_phone_said_but_not_chosen_is_not_the_contact(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h)
    await d.tap(WU, "确认提交", preview["message_id"])
    await d.expect(WU, "已提交，编号", since=preview["message_id"] - 1)
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == WU))).all()
    assert req.contact_phone is None
    assert "13900000003" in req.text  # the words stay as said
