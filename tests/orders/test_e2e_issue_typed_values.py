"""Staff type the order form's points, time limit and members needed instead of tapping the
quick buttons ('15分', '两人', '3天', '明天下午5点前'): the form comes again below with the
value, the one above loses its buttons, and the order is published with it. What is out of
range, gone by or unreadable gets a polite refusal and the form stays as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import select

from models.orders import Order
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _form(h: Harness) -> dict[str, Any]:
    number = await _file(h, ZHOU, "楼道里的灯坏了，晚上看不见路")
    await _open_card(h, number)
    await h.driver.tap(STAFF, "派单")
    return await h.driver.expect(STAFF, f"为诉求 {number} 派单")


async def _typed(h: Harness, text: str) -> dict[str, Any]:
    """What staff type at the form; the bot's one answer."""
    [answer] = await h.driver.say(STAFF, text)
    return answer


async def _order(h: Harness) -> Order:
    async with h.sessionmaker() as session:
        [order] = (await session.exec(select(Order))).all()
    return order


async def test_typed_values_set_the_form_and_the_order(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _form(h)
    form = await _typed(h, "15分")
    assert "积分：15" in message_text(form), message_text(form)
    assert "✅ 发布工单" in _buttons(form)
    # the form above no longer changes or publishes a draft it does not show
    [old] = [m for m in await d.messages(STAFF) if m["message_id"] == first["message_id"]]
    assert _buttons(old) == []
    form = await _typed(h, "两人")
    assert "需要人数：2" in message_text(form) and "积分：15" in message_text(form)
    form = await _typed(h, "3天")
    assert "办理时限：72 小时" in message_text(form)
    # a deadline as people say it (Monday 10:00 now): Tuesday 17:00, shown as read
    form = await _typed(h, "明天下午5点前")
    assert "办理时限：11月24日（周二）17:00" in message_text(form), message_text(form)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    order = await _order(h)
    assert (order.points, order.members_needed) == (15, 2)
    assert order.deadline_at is not None
    due = order.deadline_at.replace(tzinfo=order.deadline_at.tzinfo or UTC)
    assert due == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


async def test_refusals_keep_the_form_as_it_was(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    form = await _form(h)
    refusals = {
        "2000分": "积分要在 0 到",
        "30个人": "需要人数要在 1 到 20 人之间，您输入的是 30 人",
        "100天": "办理时限要在 1 小时到 90 天之间，您输入的是「100天」",
        "昨天下午5点": "已经过去了",
        "周五前": "几点截止",
        "15": "「15」是积分、办理时限还是人数",
        "好的": "没看懂「好的」",
    }
    for typed, said in refusals.items():
        answer = await _typed(h, typed)
        assert said in message_text(answer), (typed, message_text(answer))
        assert "为诉求" not in message_text(answer)
    # the form is the one drawn at the start, its buttons still working, its values unchanged
    [still] = [m for m in await d.messages(STAFF) if m["message_id"] == form["message_id"]]
    assert "✅ 发布工单" in _buttons(still)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    order = await _order(h)
    assert (order.points, order.members_needed) == (10, 1)
    assert await d.errors() == []


async def test_a_tapped_time_limit_replaces_a_typed_deadline(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _form(h)
    form = await _typed(h, "明天下午5点前")
    assert "11月24日（周二）17:00" in message_text(form)
    await d.tap(STAFF, "⏰ 24 小时", form["message_id"])
    tapped = await d.expect(STAFF, "办理时限：24 小时", since=form["message_id"] - 1)
    assert "17:00" not in message_text(tapped)


async def test_a_typed_deadline_gone_by_is_refused_at_publishing(linli_sandbox: Harness) -> None:
    """The form left open past its deadline: 发布工单 says so, and nothing is published."""
    h = linli_sandbox
    d = h.driver
    await _form(h)
    form = await _typed(h, "今天下午3点前")
    h.clock.advance(timedelta(hours=5))  # 15:00 has passed
    tap = await d.tap(STAFF, "发布工单", form["message_id"])
    assert "已经过去了" in str(tap.get("answer")), tap
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Order))).all() == []


async def test_several_values_typed_at_once(linli_sandbox: Harness) -> None:
    """Staff on a phone type the whole order in one line, with the words they add ('每人',
    '吧', '完成'): the form takes all of it; one part it cannot read changes nothing."""
    h = linli_sandbox
    d = h.driver
    await _form(h)
    answer = await _typed(h, "3个人，20分，随便")
    assert "没看懂「随便」" in message_text(answer), message_text(answer)
    form = await _typed(h, "3个人，每人20分，两天内完成吧")
    text = message_text(form)
    assert "需要人数：3" in text and "积分：20" in text and "办理时限：48 小时" in text, text
    form = await _typed(h, "一天半")
    assert "办理时限：36 小时" in message_text(form), message_text(form)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    order = await _order(h)
    assert (order.points, order.members_needed) == (20, 3)
    assert await d.errors() == []


async def test_spans_and_counts_as_staff_say_them(linli_sandbox: Harness) -> None:
    """'2人以上' / '至少两个人' are two members, '两周' / '一个月' a time limit shown in days too,
    '一个半小时' an hour and a half (not rounded down to one), and '明天下班前' tomorrow 18:00,
    said back as read; the order is published with them."""
    h = linli_sandbox
    d = h.driver
    await _form(h)
    form = await _typed(h, "2人以上")
    assert "需要人数：2" in message_text(form), message_text(form)
    form = await _typed(h, "1个人，至少两个人")
    assert "需要人数：2" in message_text(form), message_text(form)
    form = await _typed(h, "两周")
    assert "办理时限：336 小时（14 天）" in message_text(form), message_text(form)
    form = await _typed(h, "时限一个月")
    assert "办理时限：720 小时（30 天）" in message_text(form), message_text(form)
    form = await _typed(h, "一个半小时")
    assert "办理时限：1 小时 30 分钟" in message_text(form), message_text(form)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    order = await _order(h)
    assert order.members_needed == 2
    assert order.deadline_at is not None
    due = order.deadline_at.replace(tzinfo=order.deadline_at.tzinfo or UTC)
    assert due == h.clock.now + timedelta(minutes=90)
    assert await d.errors() == []


async def test_tomorrow_end_of_work_said_back(linli_sandbox: Harness) -> None:
    """'明天下班前' (Monday 10:00 now): Tuesday 18:00, with how 下班 was read; the order's
    deadline is that."""
    h = linli_sandbox
    d = h.driver
    await _form(h)
    form = await _typed(h, "3个人，明天下班前")
    text = message_text(form)
    assert "办理时限：11月24日（周二）18:00（「下班」按 18:00 算" in text, text
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)
    order = await _order(h)
    assert order.members_needed == 3 and order.deadline_at is not None
    due = order.deadline_at.replace(tzinfo=order.deadline_at.tzinfo or UTC)
    assert due == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert await d.errors() == []
