"""Nobody loses a half-filled form without a word. Every button that starts a form (the
consultation forms, and the order cycle's 派单, 转办, 不受理, 完成上报, 放弃工单, 补充信息,
评价 …) asks first when another form has something entered: '您还有「提议题」没有填完。现在开始
完成上报的话，它填到一半的内容不会保存。' with '↩️ 继续填写「提议题」' / '✍️ 不填了，开始完成上报'.
A main-menu button leaving any form with something entered says what was not kept (before,
only the consultation forms did; 点单, 双报到, 登记住址 and staff's 转办 were dropped silently),
and so do /start, /register and /join, which start over the same way;
a request draft the filing limits held back is kept, so it says how to go back to it. A form
with nothing entered yet (📝 我要点单 just tapped, the first question) is left without asking."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_form_starters_ask import _half_poll
from tests.consult.test_e2e_qa_polls import labels_of
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHENG, ZHOU, _file, _open_card

NEW_USER = 5001  # 小林, unregistered
LEFT = "ℹ️ 「{}」还没有填完，已经离开，填到一半的内容没有保存。"


async def _hub(d: Driver, user: int) -> dict[str, Any]:
    """🗳 近期议事: the message with ✍️ 提议题."""
    replies = await d.say(user, "🗳 近期议事")
    [hub] = [m for m in replies if "✍️ 提议题" in labels_of(m)]
    return hub


async def _busy(d: Driver, user: int, since: int) -> dict[str, Any]:
    """The question a starter asks when another form is half filled."""
    return await d.expect(user, "没有填完", since=since)


async def test_request_draft_and_consultation_starter(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    hub = await _hub(d, ZHOU)
    # 📝 我要点单 just tapped: nothing written yet, so ✍️ 提议题 starts at once
    [ask] = await d.say(ZHOU, "📝 我要点单")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    title = await d.expect(ZHOU, "想讨论的事", since=ask["message_id"])
    assert not [m for m in await d.messages(ZHOU, ask["message_id"]) if "没有填完" in str(m)]
    # something written: asked, and 继续填写 keeps what was written
    await d.say(ZHOU, "📝 我要点单")
    [got] = await d.say(ZHOU, "3号楼电梯一直停在8楼不动")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    busy = await _busy(d, ZHOU, got["message_id"])
    assert "您还有「点单」没有填完。现在开始提议题的话" in message_text(busy)
    assert labels_of(busy) == ["↩️ 继续填写「点单」", "✍️ 不填了，开始提议题"]
    await d.tap(ZHOU, "继续填写", busy["message_id"])
    await d.expect(ZHOU, "请接着填写「点单」", since=busy["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "3号楼电梯一直停在8楼不动" in message_text(preview)
    # a main-menu button at the preview says the draft was not kept, then does what it says
    first, *rest = await d.say(ZHOU, "🗳 近期议事")
    assert message_text(first) == LEFT.format("点单")
    assert any("✍️ 提议题" in labels_of(m) for m in rest)
    # an old 继续填写 (a double tap) has no form to go on with: out of date, and no /start
    answer = await d.click(ZHOU, busy["message_id"], data="cfg:keep")
    stale = str(answer["answer"]["text"])
    assert "按钮已经失效" in stale and "最新一条消息" in stale and "/start" not in stale
    assert title  # (the topic form of the first tap was left when 我要点单 was pressed again)


async def test_staff_consultation_form_and_transfer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, number)
    *_, card = [m for m in await d.messages(STAFF) if f"诉求 {number} ·" in message_text(m)]
    asked = await _half_poll(d)
    await d.tap(STAFF, "转办", card["message_id"])
    busy = await _busy(d, STAFF, asked["message_id"])
    assert "您还有「新建投票」没有填完。现在开始转办的话" in message_text(busy)
    assert labels_of(busy) == ["↩️ 继续填写「新建投票」", "✍️ 不填了，开始转办"]
    await d.tap(STAFF, "继续填写", busy["message_id"])
    kept = await d.expect(STAFF, "请接着填写「新建投票」", since=busy["message_id"])
    [choose] = await d.say(STAFF, "装\n不装")
    assert "单选还是多选" in message_text(choose)
    # 转办 again, and this time leave the poll
    await d.tap(STAFF, "转办", card["message_id"])
    busy = await _busy(d, STAFF, kept["message_id"])
    await d.tap(STAFF, "不填了，开始转办", busy["message_id"])
    unit = await d.expect(STAFF, "转办给哪个单位", since=busy["message_id"])
    assert labels_of(await d.expect(STAFF, "没有填完", since=choose["message_id"])) == []
    # the unit typed, then a main-menu button: the transfer is named as not kept
    await d.say(STAFF, "区市政工程管理处")
    sent = await d.send(STAFF, "📋 待办诉求")
    left = await d.expect(STAFF, "还没有填完", since=sent["message_id"])
    assert message_text(left) == LEFT.format("转办")
    assert unit
    # at its first question (nothing typed) a transfer is left without a word
    await d.tap(STAFF, "转办", card["message_id"])
    ask = await d.expect(STAFF, "转办给哪个单位", since=left["message_id"])
    replies = await d.say(STAFF, "📋 待办诉求")
    assert not any("没有填完" in message_text(m) for m in replies)
    assert ask


async def test_member_report_asks_and_is_asked(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    card = await d.expect(LIU, "联系人")
    # 刘师傅 (also a resident) is half way through a topic when he taps 完成上报
    hub = await _hub(d, LIU)
    await d.tap(LIU, "✍️ 提议题", hub["message_id"])
    await d.expect(LIU, "想讨论的事", since=hub["message_id"])
    [detail] = await d.say(LIU, "2号楼车棚的灯不亮")
    await d.tap(LIU, "完成上报", card["message_id"])
    busy = await _busy(d, LIU, detail["message_id"])
    assert "您还有「提议题」没有填完。现在开始完成上报的话" in message_text(busy)
    await d.tap(LIU, "不填了，开始完成上报", busy["message_id"])
    await d.expect(LIU, f"请写一下工单 {order_no} 做了什么", since=busy["message_id"])
    [noted] = await d.say(LIU, "换了新灯泡")
    # 放弃工单 in the middle of the report asks nothing: the report is kept as written (it is
    # said so), and 完成上报 again goes on with it
    await d.tap(LIU, "放弃工单", card["message_id"])
    kept = await d.expect(LIU, "内容已经为您保存", since=noted["message_id"])
    assert "「完成上报」还没有提交" in message_text(kept), message_text(kept)
    await d.expect(LIU, "为什么要放弃", since=noted["message_id"])
    await d.tap(LIU, "完成上报", card["message_id"])
    again = await d.expect(LIU, "接着上次没写完的", since=kept["message_id"])
    assert "换了新灯泡" in message_text(again), message_text(again)
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收", since=again["message_id"])


async def _sign_up_to_the_name(d: Driver, user: int) -> None:
    """🙋 党员/志愿者报到, through its consent question (asked until it is given)."""
    [first] = await d.say(user, "🙋 党员/志愿者报到")
    if "个人信息" in message_text(first):
        await d.tap(user, "同意并继续", first["message_id"])
        await d.expect(user, "真实姓名", since=first["message_id"])


async def test_member_sign_up_and_registration_left_by_the_menu(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    # 双报到 at its first question: a menu button leaves it without a word
    await d.say(ZHOU, "🙋 党员/志愿者报到")
    replies = await d.say(ZHOU, "👤 我的资料")
    assert not any("没有填完" in message_text(m) for m in replies)
    # the name typed: the menu button says the sign-up was not kept, then shows the profile
    await _sign_up_to_the_name(d, ZHOU)
    [unit] = await d.say(ZHOU, "周丽华")
    assert "工作单位" in message_text(unit)
    first, *rest = await d.say(ZHOU, "👤 我的资料")
    assert message_text(first) == LEFT.format("党员/志愿者报到")
    assert rest
    # /start (like /register and /join) starts over as the menu does, and says so too
    await _sign_up_to_the_name(d, ZHOU)
    await d.say(ZHOU, "周丽华")
    first, *rest = await d.say(ZHOU, "/start")
    assert message_text(first) == LEFT.format("党员/志愿者报到")
    assert rest
    # registration with its community chosen, left for ❓ 帮助
    await d.say(NEW_USER, "/start")
    await d.say(NEW_USER, "🏠 登记住址")
    await d.tap(NEW_USER, "同意")
    await d.expect(NEW_USER, "请选择您所在的社区")
    await d.tap(NEW_USER, "阳光社区")
    await d.expect(NEW_USER, "网格")
    first, *_ = await d.say(NEW_USER, "❓ 帮助")
    assert message_text(first) == LEFT.format("登记住址")


@pytest.mark.sandbox_settings(request_burst_limit=1)
async def test_held_request_draft_is_kept_not_lost(linli_sandbox: Harness) -> None:
    """A request the filing limits held back waits aside: leaving it says how to go back to
    it, and a form starter goes on without asking (nothing is lost)."""
    h = linli_sandbox
    d = h.driver
    hub = await _hub(d, ZHOU)
    await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "6号楼门口的井盖松了，踩上去会晃")
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    await d.expect(ZHOU, "后再提交", since=preview["message_id"])
    kept = "ℹ️ 「点单」还没有提交，内容已经为您保存：再按「📝 我要点单」就能接着提交。"
    first, *_ = await d.say(ZHOU, "📂 我的诉求")
    assert message_text(first) == kept
    [*_, again] = await d.say(ZHOU, "📝 我要点单")
    assert "6号楼门口的井盖松了" in message_text(again)
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    note = await d.expect(ZHOU, "内容已经为您保存", since=again["message_id"])
    await d.expect(ZHOU, "想讨论的事", since=note["message_id"])
    assert not [m for m in await d.messages(ZHOU, again["message_id"]) if "没有填完" in str(m)]
    [*_, back] = await d.say(ZHOU, "📝 我要点单")
    assert "6号楼门口的井盖松了" in message_text(back)


async def test_merge_candidate_and_language_switch(linli_sandbox: Harness) -> None:
    """An old merge candidate tapped in the middle of a poll merges and leaves the poll as it
    is (before, the poll's question was dropped without a word); choosing a language starts
    afresh and names the form it left, in the language chosen."""
    h = linli_sandbox
    d = h.driver
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    dup = await _file(h, ZHENG, "门口路上有个大坑")
    await _open_card(h, dup)
    await d.tap(STAFF, "合并")
    offered = await d.expect(STAFF, "可能重复的诉求")
    asked = await _half_poll(d)  # the menu button left the merge step (nothing typed)
    await d.tap(STAFF, f"并入 {road}", offered["message_id"])
    merged = await d.expect(STAFF, f"诉求 {dup} 已并入诉求 {road}", since=asked["message_id"])
    [choose] = await d.say(STAFF, "装\n不装")
    assert "单选还是多选" in message_text(choose)
    # /lang in the middle of the poll: the form is left, and said so in English
    await d.say(STAFF, "/lang")
    await d.tap(STAFF, "English")
    left = await d.expect(STAFF, "not kept", since=merged["message_id"])
    assert message_text(left) == (
        "ℹ️ You left “new poll” before finishing it; what you entered there is not kept."
    )
    await d.expect(STAFF, "Language set to English", since=merged["message_id"])
