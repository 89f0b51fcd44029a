"""Two orders of the same category read differently in a member's 📌 我的工单: each is called by
the matter in the resident's words ('楼道灯坏了，晚上很黑', '电梯坏了，按钮没反应'), not both by
'公共设施(电梯/路灯/道路/门禁)', and never with her room. The order form shows staff that title
before they publish (they can still type another)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file
from tests.support import reply_to


async def _issue(h: Harness, text: str, title: str) -> str:
    """周阿姨 files `text`; staff open its order form, which names the order `title`, and
    publish it community-wide; the order's number."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "派单", card["message_id"])
    # the card becomes the form (edited in place), the form the answer
    form = await d.expect(STAFF, f"为诉求 {number} 派单", since=notice["message_id"])
    assert f"标题：{title}\n" in message_text(form), message_text(form)
    await d.tap(STAFF, "改为全社区", form["message_id"])
    await d.expect(STAFF, "全社区的党员", since=notice["message_id"])
    await d.tap(STAFF, "发布工单", form["message_id"])
    issued = await d.expect(STAFF, "已发布", since=notice["message_id"])
    return message_text(issued).split("工单 ")[1].split(" ")[0]


async def test_a_members_orders_read_by_their_matter(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    lamp = await _issue(h, "1号楼楼道灯坏了，晚上很黑，我家302门口", "楼道灯坏了，晚上很黑")
    lift = await _issue(h, "电梯坏了，按钮没反应", "电梯坏了，按钮没反应")
    for number in (lamp, lift):
        offer = await d.expect(LIU, f"新工单 {number}")
        await d.click(LIU, offer["message_id"], text="✋ 接单")
        await d.expect(LIU, f"您已接下工单 {number}", since=offer["message_id"])
    mine = message_text(await reply_to(d, LIU, "📌 我的工单", "我的工单"))
    assert f"{lamp} · 楼道灯坏了，晚上很黑 · " in mine, mine
    assert f"{lift} · 电梯坏了，按钮没反应 · " in mine, mine
    assert "公共设施" not in mine and "302" not in mine, mine
