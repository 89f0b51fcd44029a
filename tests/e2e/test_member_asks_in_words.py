"""Members ask about their work in words, as many retirees do rather than tap: where the
order is, by when, the resident's phone ('这个单在哪', '几点之前要做完', '居民电话多少'), their
points and place on the board ('我有多少分了', '这个月我排第几'). Each is answered as the button
would answer it; before, the words were offered to be filed as a matter of their own ('要把这件
事报给社区吗？'). A member who does not live in the community they serve is answered as a
member too. (handlers.fallback, handlers.claims.answer_typed_question,
services.smalltalk.order_asked)"""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card
from tests.support import inline_labels

OFFER = "要把这件事报给社区吗"
PHONE = "13900000001"  # 周阿姨's


def _said(replies: list[dict[str, Any]]) -> str:
    return "\n".join(message_text(r) for r in replies)


async def _issue(h: Harness, text: str) -> str:
    """周阿姨 files `text`, 李社工 issues it to the whole community; its order number."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    return message_text(issued).split("工单 ")[1].split(" ")[0]


async def test_a_member_asks_where_when_and_the_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "1号楼三单元楼道灯坏了，晚上很黑")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    # before claiming: no phone nor room, and not a matter to file; the open orders instead
    replies = await d.say(LIU, "居民电话多少")
    said = _said(replies)
    assert "还没有接下的工单" in said and "接单后才会显示" in said, said
    assert PHONE not in said and "302" not in said and OFFER not in said, said
    assert any(f"✋ 接 {order_no}" in inline_labels(r) for r in replies), said
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    # claimed: the order's card, with where, by when and how to reach 周阿姨
    for asked in ("这个单在哪", "几点之前要做完", "居民电话多少", "他家住几楼"):
        replies = await d.say(LIU, asked)
        said = _said(replies)
        assert f"工单 {order_no}" in said and "都在下面这张卡片上" in said, (asked, said)
        assert "1号楼" in said and "办理时限" in said, (asked, said)
        assert PHONE in said and "房号：302" in said, (asked, said)
        assert OFFER not in said, (asked, said)
        assert "✅ 完成上报" in inline_labels(replies[-1]), (asked, said)
    # the office's phone is still the office's
    [office] = await d.say(LIU, "社区电话多少")
    assert PHONE not in message_text(office) and OFFER not in message_text(office)


async def test_a_member_asks_about_points_in_words(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [tapped] = await d.say(LIU, "🏅 我的积分")
    for asked in (
        "我有多少分了",
        "这个月我排第几",
        "我排第几名",
        "what is my rank",
        "what's my rank?",
    ):
        [points] = await d.say(LIU, asked)
        assert message_text(points) == message_text(tapped), asked
        assert "✓ 本月" in inline_labels(points), asked


async def test_a_member_living_elsewhere_is_answered_as_a_member(linli_sandbox: Harness) -> None:
    """赵医生 serves 阳光社区 without an address there: asking for work she gets the orders
    (before: how to find them), and words about the order she holds are offered to its staff
    (💬 告诉社区), beside registering an address for a matter of her own (before: only that)."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "1号楼三单元楼道灯坏了，晚上很黑")
    await d.expect(ZHAO, f"新工单 {order_no}")
    replies = await d.say(ZHAO, "有什么活可以干吗")
    [orders] = [r for r in replies if message_text(r).startswith("可接工单")]
    await d.tap(ZHAO, f"✋ 接 {order_no}", orders["message_id"])
    await d.expect(ZHAO, "您已接下工单", since=orders["message_id"])
    mark = (await d.messages(STAFF))[-1]["message_id"]
    [offer] = await d.say(ZHAO, "敲门没人在家")
    assert f"💬 告诉社区：{order_no}" in inline_labels(offer), message_text(offer)
    assert "🏠 现在登记" in inline_labels(offer)
    await d.tap(ZHAO, f"💬 告诉社区：{order_no}", offer["message_id"])
    await d.expect(ZHAO, f"已转告社区（工单 {order_no}）", since=offer["message_id"])
    note = await d.expect(STAFF, "敲门没人在家", since=mark)
    assert f"工单 {order_no}" in message_text(note)
    # and where the order is, by when, the resident's phone
    said = _said(await d.say(ZHAO, "这个单在哪"))
    assert "都在下面这张卡片上" in said and PHONE in said and OFFER not in said, said
