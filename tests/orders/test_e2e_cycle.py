"""The order cycle end to end through the sandbox: residents, staff and members in chat."""

from __future__ import annotations

import io

from PIL import Image
from sqlmodel import col, select

from models import AuditEvent, MemberProfile
from models.orders import LedgerEvent, Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 第一网格
LIU = 3001  # 刘师傅, member of 阳光社区
ZHAO = 3002  # 赵医生, member of 阳光社区
SUN = 3003  # 孙律师, member of 和谐社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302, phone 13900000001
WU = 4002  # 吴大爷, 阳光社区 1号楼 502
ZHENG = 4003  # 郑先生, 阳光社区 5号楼
HUANG = 4005  # 黄奶奶, 阳光社区 1号楼 302
CHANNEL = -1001000000001  # 阳光社区公示


def png() -> bytes:
    """A small real PNG."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buf, format="PNG")
    return buf.getvalue()


async def _file(h: Harness, resident: int, text: str, *, photo: bool = False) -> str:
    """A resident files a request in chat; returns its number."""
    d = h.driver
    await d.say(resident, "📝 我要点单")
    await d.say(resident, text)
    if photo:
        await d.send(resident, photo=png())
        await d.expect(resident, "收到照片")
    [*_, preview] = await d.say(resident, "✅ 说完了")
    assert text[:6] in message_text(preview) and "分类" in message_text(preview)
    await d.tap(resident, "确认提交", preview["message_id"])
    # the preview itself becomes the confirmation (an earlier filing's is not this one's)
    filed = await d.expect(resident, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    assert number.isdigit()
    return number


async def _open_card(h: Harness, number: str) -> None:
    """Staff open the request's card from its notice."""
    d = h.driver
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.expect(STAFF, f"诉求 {number} ·")


async def test_order_cycle_two_members_release_reassign_reopen(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑，我电话13912345678", photo=True)
    # staff get a card and issue an order for two members
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "👥 2")
    await d.expect(STAFF, "需要人数：2")
    await d.tap(STAFF, "⏰ 72 小时")
    await d.expect(STAFF, "办理时限：72 小时")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    # both members of the community are offered it; the member of another community is not
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.expect(ZHAO, f"新工单 {order_no}")
    assert not [m for m in await d.messages(SUN) if order_no in message_text(m)]
    await d.expect(ZHOU, "已受理")
    # 刘 claims, sees the phone and room, then releases with a reason
    await d.tap(LIU, "接单", offer["message_id"])
    card = await d.expect(LIU, "联系人")
    assert "13900000001" in message_text(card) and "302" in message_text(card)
    await d.tap(LIU, "放弃工单")
    await d.say(LIU, "临时要出差")
    await d.expect(LIU, "已放弃")
    # 赵 claims from 可接工单; staff reassign 赵's claim to 刘; 赵 claims again: the order is full
    await d.say(ZHAO, "🛠 可接工单")
    await d.tap(ZHAO, f"接 {order_no}")
    await d.expect(ZHAO, "您已接下工单")
    released = await d.expect(STAFF, "刘建国 放弃了，原因：临时要出差")
    await d.tap(STAFF, "查看工单", released["message_id"])
    staff_order = await d.expect(STAFF, "接单人：赵敏")
    await d.tap(STAFF, "改派", staff_order["message_id"])
    await d.expect(STAFF, "改派给谁")
    await d.tap(STAFF, "刘建国")
    await d.expect(STAFF, "已改派给 刘建国")
    await d.expect(LIU, "交给了您")
    await d.say(ZHAO, "🛠 可接工单")
    await d.tap(ZHAO, f"接 {order_no}")
    await d.expect(ZHOU, "已有党员/志愿者接单")
    # 刘 reports done with a note and a photo; staff verify
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, "换了新灯泡，住户电话13912345678")
    await d.send(LIU, photo=png())
    await d.expect(LIU, "收到照片")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, "已验收")
    await d.expect(LIU, "积分")
    await d.expect(ZHAO, "积分")
    # the public card: what and where, never the resident's name, phone or room
    card = await d.expect(CHANNEL, "组织晒单")
    text = message_text(card)
    assert "1号楼" in text and "刘建国" in text
    assert "13912345678" not in text and "302" not in text and "周阿姨" not in text
    # called by the matter, without the unit or the phone her words gave
    assert "楼道灯坏了，晚上很黑（公共设施" in text and "三单元" not in text, text
    # the resident is not satisfied: back to staff; staff handle it and the resident is satisfied
    rate = await d.expect(ZHOU, "已办好")
    assert rate.get("photo"), rate  # she sees the result (刘's photo) before she rates it
    await d.tap(ZHOU, "不满意", rate["message_id"])
    [rated] = [m for m in await d.messages(ZHOU) if m["message_id"] == rate["message_id"]]
    assert "您的评价：😞 不满意" in message_text(rated) and not rated.get("reply_markup"), rated
    await d.say(ZHOU, "灯还是一闪一闪的")
    await d.expect(ZHOU, "重新办理")
    reopened = await d.expect(STAFF, "⚠️ 居民对诉求")  # the notice (the card is redrawn too)
    await d.tap(STAFF, "查看诉求", reopened["message_id"])
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "由您直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await d.say(STAFF, "已请电工更换镇流器")
    await d.expect(STAFF, "已发给居民评价")
    second = await d.expect(ZHOU, "镇流器")
    await d.tap(ZHOU, "😊 满意", second["message_id"])
    await d.tap(ZHOU, "跳过")
    await d.expect(ZHOU, "感谢您的评价")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).one()
        assert req.status == RequestStatus.RESOLVED
        actions = [e.action for e in (await s.exec(select(LedgerEvent))).all()]
        for a in (
            "file",
            "issue_order",
            "claim",
            "release",
            "reassign",
            "done",
            "verify",
            "rate_unsatisfied",
            "handle",
            "result",
            "rate_satisfied",
        ):
            assert a in actions, a
        liu = await s.get(MemberProfile, LIU)
        assert liu is not None and liu.points == 10


async def test_forged_staff_button_from_a_resident_is_refused_and_logged(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼下有人半夜装修，太吵了")
    await _open_card(h, number)
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
    # the resident's own message with a forged callback: the bot refuses
    mine = await d.say(WU, "📂 我的诉求")
    result = await d.click(WU, mine[-1]["message_id"], data=f"oc:shandle:{req.id}:0")
    assert "没有权限" in str(result)
    async with h.sessionmaker() as s:
        fresh = await s.get(Request, req.id)
        assert fresh is not None and fresh.status == RequestStatus.NEW
        refusals = (await s.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == WU))).all()
        assert any(r.action == "refused" for r in refusals)
