"""派单's order form and a decision's order plan are forms like the others: a form starter asks
first, and a main-menu button says what was not kept, once something was chosen or typed there
(before, they lived in the chat's data with no step, and 📝 我要点单, 代居民登记, 发通知 or a
consultation starter dropped them without a word). The form's own buttons still work, 发布工单
tapped twice publishes once, and a preview left behind answers its buttons as out of date.
/broadcast leaves a staff member's form as 📢 发通知 does; from anyone else it keeps their form
and says the command is staff's."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlmodel import select

from models import Role, User
from models.consultations import Decision
from models.orders import Order
from sandbox.driver import Driver, message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import published_meeting
from tests.consult.test_e2e_form_starters_ask import _half_poll
from tests.consult.test_e2e_qa_polls import labels_of
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card

LEFT = "ℹ️ 「{}」还没有填完，已经离开，填到一半的内容没有保存。"
STALE = "按钮已经失效"


async def _hub(d: Driver) -> dict[str, Any]:
    """李社工's 🏛 议事管理: the message with ➕ 新建投票."""
    replies = await d.say(STAFF, "🏛 议事管理")
    [hub] = [m for m in replies if "➕ 新建投票" in labels_of(m)]
    return hub


def _data(message: dict[str, Any], label: str) -> str:
    """The callback data of the button with this label on a message."""
    markup = message.get("reply_markup") or {}
    [data] = [
        b["callback_data"]
        for row in markup.get("inline_keyboard", [])
        for b in row
        if label in b["text"]
    ]
    return str(data)


async def _now(d: Driver, chat: int, message_id: int) -> dict[str, Any]:
    """A message as it is now (edited in place)."""
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def _again(d: Driver, number: str, form: int) -> int:
    """An order form's 取消 (the request's card comes below), then 派单 on that card: the card
    becomes the new form; its message id."""
    await d.tap(STAFF, "取消", form)
    card = await d.expect(STAFF, f"诉求 {number} ·", since=form)
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单", since=form)
    return int(card["message_id"])


async def _orders(h: Harness) -> list[Order]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(Order))).all())


async def test_issue_order_form_is_a_form(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    hub = await _hub(d)
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    preview = await d.expect(STAFF, f"为诉求 {number} 派单")
    form = preview["message_id"]
    # at its defaults nothing is lost: a menu button leaves it without a word
    replies = await d.say(STAFF, "📋 待办诉求")
    assert not any("没有填完" in message_text(m) for m in replies)
    answer = await d.tap(STAFF, "发布工单", form)  # the form was left: out of date
    assert STALE in str(answer["answer"]["text"])
    # the old form's 取消 brings back the card; 派单 again, and a number chosen
    form = await _again(d, number, form)
    await d.tap(STAFF, "👥 2", form)
    assert "需要人数：2" in message_text(await _now(d, STAFF, form))
    # a menu button now says the form was not kept (before: dropped without a word)
    first, *rest = await d.say(STAFF, "📝 我要点单")
    assert message_text(first) == LEFT.format("派单")
    assert rest
    answer = await d.tap(STAFF, "发布工单", form)
    assert STALE in str(answer["answer"]["text"])
    assert await _orders(h) == []
    # a title typed: a consultation starter (➕ 新建投票) asks first, and 继续填写 keeps the form
    await d.say(STAFF, "✖️ 取消")
    form = await _again(d, number, form)
    await d.tap(STAFF, "改标题", form)
    await d.expect(STAFF, "请输入工单标题", since=form)
    [*_, titled] = await d.say(STAFF, "修1号楼三单元楼道灯")
    assert "标题：修1号楼三单元楼道灯" in message_text(titled)
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=titled["message_id"])
    assert "您还有「派单」没有填完。现在开始新建投票的话" in message_text(busy)
    await d.tap(STAFF, "继续填写", busy["message_id"])
    await d.expect(STAFF, "请接着填写「派单」", since=busy["message_id"])
    # its buttons still work; 发布工单 tapped twice at once publishes once
    await d.tap(STAFF, "⭐ 20", titled["message_id"])
    assert "积分：20" in message_text(await _now(d, STAFF, titled["message_id"]))
    publish = _data(await _now(d, STAFF, titled["message_id"]), "发布工单")
    taps = await asyncio.gather(
        *(d.click(STAFF, titled["message_id"], data=publish, timeout=10) for _ in range(2))
    )
    assert sum(STALE in str(tap.get("answer")) for tap in taps) == 1, taps
    assert "已发布" in message_text(await _now(d, STAFF, titled["message_id"]))
    [order] = await _orders(h)
    assert (order.title, order.members_needed, order.points) == ("修1号楼三单元楼道灯", 1, 20)
    # published: a menu button has no form to leave
    replies = await d.say(STAFF, "📋 待办诉求")
    assert not any("没有填完" in message_text(m) for m in replies)


async def test_decision_order_plan_with_its_title_is_a_form(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(hours=1))
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.publish_minutes(
            session,
            user=staff,
            roles=roles,
            meeting_id=meeting.id or 0,
            minutes="到会居民同意修路灯。",
            decisions=["修复1号楼门口路灯"],
            now=h.clock() + timedelta(hours=3),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
        [decision] = (await session.exec(select(Decision))).all()
    hub = await _hub(d)
    await d.click(STAFF, hub["message_id"], data=f"cmt:order:{meeting.id}:{decision.id}")
    plan = await d.expect(STAFF, "决议转为工单", since=hub["message_id"])
    await d.tap(STAFF, "✏️ 改标题", plan["message_id"])
    await d.expect(STAFF, "现在的标题是：修复1号楼门口路灯", since=plan["message_id"])
    [first, *_] = await d.say(STAFF, "修1号楼门口路灯")
    plan = await d.expect(STAFF, "决议转为工单", since=first["message_id"] - 1)
    assert "工单标题：修1号楼门口路灯" in message_text(plan)
    # the title typed is something to lose: a menu button says it was not kept, and the plan
    # showing it is out of date (it would not create what it shows)
    first, *_ = await d.say(STAFF, "📋 待办诉求")
    assert message_text(first) == LEFT.format("决议转工单")
    answer = await d.tap(STAFF, "✅ 创建工单", plan["message_id"])
    assert STALE in str(answer["answer"]["text"])
    assert await _orders(h) == []
    hub = await _hub(d)
    await d.click(STAFF, hub["message_id"], data=f"cmt:order:{meeting.id}:{decision.id}")
    plan = await d.expect(STAFF, "决议转为工单", since=hub["message_id"])
    assert "工单标题：修复1号楼门口路灯" in message_text(plan)
    await d.tap(STAFF, "✏️ 改标题", plan["message_id"])
    await d.expect(STAFF, "现在的标题是：修复1号楼门口路灯", since=plan["message_id"])
    [first, *_] = await d.say(STAFF, "修1号楼门口路灯")
    plan = await d.expect(STAFF, "决议转为工单", since=first["message_id"] - 1)
    # a form starter asks first
    await d.tap(STAFF, "➕ 新建投票", hub["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=plan["message_id"])
    assert "您还有「决议转工单」没有填完。现在开始新建投票的话" in message_text(busy)
    await d.tap(STAFF, "继续填写", busy["message_id"])
    await d.expect(STAFF, "请接着填写「决议转工单」", since=busy["message_id"])
    await d.tap(STAFF, "✅ 创建工单", plan["message_id"])
    await d.expect(STAFF, "已根据决议创建工单", since=busy["message_id"])
    [order] = await _orders(h)
    assert order.title == "修1号楼门口路灯"
    # created: a menu button has no form to leave
    replies = await d.say(STAFF, "📋 待办诉求")
    assert not any("没有填完" in message_text(m) for m in replies)


async def test_broadcast_command_leaves_a_staff_form_keeps_a_residents(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    asked = await _half_poll(d)
    # staff: /broadcast leaves the poll as 📢 发通知 does, saying what was not kept
    first, *rest = await d.say(STAFF, "/broadcast")
    assert message_text(first) == LEFT.format("新建投票")
    assert any("这条通知发给谁" in message_text(m) for m in rest)
    assert asked
    # a resident: the command is not theirs, and their draft stays as it was
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "3号楼电梯一直停在8楼不动")
    [told] = await d.say(ZHOU, "/broadcast")
    assert "/broadcast 是社区工作人员发通知用的" in message_text(told)
    assert "您正在填写的「点单」还在" in message_text(told)
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "3号楼电梯一直停在8楼不动" in message_text(preview)
    assert "/broadcast" not in message_text(preview)
