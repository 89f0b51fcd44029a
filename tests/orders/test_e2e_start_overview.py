"""/start greets each person with what waits for them: staff their queue (urgent apart), members
the orders that fit them and their own, residents their matters in progress. Staff and members
without a home address are not told to register one first."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file

ADMIN = 1001  # 王主任
OTHER_STAFF = 2003  # 陈社工, 和谐社区


async def _greeting(h: Harness, user: int) -> str:
    """The greeting /start brings (a staff card may arrive in the same moment)."""
    sent = await h.driver.send(user, text="/start")
    greeting = await h.driver.expect(user, "您好，", since=sent["message_id"])
    return message_text(greeting)


async def _file_urgent(h: Harness, text: str) -> None:
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, text)
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    if "改为不紧急" not in str(preview.get("reply_markup")):  # not seen as urgent by itself
        await d.tap(ZHOU, "标为紧急", preview["message_id"])
        preview = await d.expect(ZHOU, "紧急", since=preview["message_id"] - 1)
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)


async def test_start_shows_each_role_what_waits(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    quiet = await _greeting(h, STAFF)
    assert "您是阳光社区的工作人员" in quiet and "目前没有待办事项" in quiet, quiet
    assert "第一次使用请先" not in quiet and "也住在本街道" in quiet, quiet
    assert "正在办理" not in await _greeting(h, ZHOU)
    assert "工单" not in await _greeting(h, LIU)

    await _file_urgent(h, "楼上邻居家一直在滴水，想请人看看")
    await _file(h, ZHOU, "小区门口的垃圾好几天没人收了")
    staff = await _greeting(h, STAFF)
    assert "待受理诉求 2 件（其中紧急 1 件）" in staff, staff
    assert "点「📋 待办诉求」开始处理" in staff, staff
    assert "目前没有待办事项" in await _greeting(h, OTHER_STAFF)  # not his community's
    admin = await _greeting(h, ADMIN)
    assert "街道管理员" in admin and "待受理诉求 2 件" in admin, admin
    zhou = await _greeting(h, ZHOU)
    assert "您有 2 件诉求正在办理" in zhou and "第一次使用" not in zhou, zhou

    # an order for a third matter: 刘师傅 is told it fits him, then that he holds it
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    assert "有 1 个工单适合您" in await _greeting(h, LIU)
    offer = await h.driver.expect(LIU, f"新工单 {order_no}")
    await h.driver.click(LIU, offer["message_id"], text="✋ 接单")
    await h.driver.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    liu = await _greeting(h, LIU)
    assert "您手上有 1 个工单" in liu and "适合您" not in liu, liu
    assert "第一次使用" not in liu, liu


async def test_start_tells_staff_of_residents_topics_to_decide(linli_sandbox: Harness) -> None:
    """A topic a resident proposed waits for staff (列入议程 or 答复): /start says so, and the
    hint to 待办诉求 is left out when no request waits."""
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "提议题")
    await d.say(ZHOU, "电动车在楼道充电很危险，建议建集中充电棚")
    await d.say(ZHOU, "跳过")
    await d.expect(ZHOU, "议题已提交")
    staff = await _greeting(h, STAFF)
    assert "居民提的议题待处理 1 个（点「🏛 议事管理」→「💡 处理议题」）" in staff, staff
    assert "目前没有待办事项" not in staff and "待办诉求" not in staff, staff
    assert "目前没有待办事项" in await _greeting(h, OTHER_STAFF)  # not his community's
