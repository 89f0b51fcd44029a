"""A stale reply button tapped while a request is being described is not part of the request."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU


async def test_stale_button_labels_stay_out_of_a_request(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    for stale in ("跳过", "不修改"):  # left on screen by other flows' keyboards
        [*_, hint] = await d.say(ZHOU, stale)
        assert f"「{stale}」是按钮上的字" in message_text(hint)
        keyboard = str(hint.get("reply_markup"))
        # the step's own keyboard is back: done, location (a real location button), cancel
        assert "说完了" in keyboard and "发送位置" in keyboard and "request_location" in keyboard
    await d.say(ZHOU, "2号楼电梯又停了，老人下不了楼")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    shown = message_text(preview)
    assert "电梯又停了" in shown and "跳过" not in shown and "不修改" not in shown
    await d.tap(ZHOU, "确认提交")
    await d.expect(ZHOU, "已提交，编号")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).one()
    assert req.text == "2号楼电梯又停了，老人下不了楼"


async def test_stale_finish_button_is_not_added_information(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "楼道灯坏了")
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    await d.expect(ZHOU, "已提交，编号")
    [*_, mine] = await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, "查看", mine["message_id"])
    card = await d.expect(ZHOU, "诉求", since=mine["message_id"])
    await d.tap(ZHOU, "补充信息", card["message_id"])
    await d.expect(ZHOU, "请补充诉求")
    [*_, hint] = await d.say(ZHOU, "✅ 说完了")
    assert "是按钮上的字" in message_text(hint)
    await d.say(ZHOU, "是三楼那盏")
    await d.expect(ZHOU, "已补充到诉求")
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).one()
    assert "三楼那盏" in req.text and "说完了" not in req.text
