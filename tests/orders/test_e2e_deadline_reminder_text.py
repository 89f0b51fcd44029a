"""A member's deadline reminders say when the deadline is and carry what they ask for:
✅ 完成上报 on both, 💬 告诉社区 on the overdue one ('…或联系社区'). Found walking 刘师傅's
claim: held for the night, '快到办理时限了，请抓紧' was read at 07:00 without the time, and its
one button was 详情."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from models.scheduling import ScheduledJob
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


async def _run_at(h: Harness, when: Any) -> None:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(when)
    await service.run_due()
    await service.drain()


async def test_reminders_say_when_and_offer_what_they_ask(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")  # Monday 10:00
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    claimed = await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    async with h.sessionmaker() as s:
        jobs = {
            j.kind: j.due_at
            for j in (
                await s.exec(
                    select(ScheduledJob).where(
                        col(ScheduledJob.key).like(f"order-{int(order_no[1:])}-deadline%")
                    )
                )
            ).all()
        }
    due = jobs["order.deadline"].astimezone(SHANGHAI)
    day = f"{due.month}月{due.day}日"
    # by day, so it goes at once (not held for the morning): the deadline is in it
    await _run_at(h, jobs["order.deadline_near"] + timedelta(hours=4))
    near = await d.expect(LIU, "快到办理时限了", since=claimed["message_id"])
    assert f"快到办理时限了：{day}" in message_text(near), message_text(near)
    assert f"{due:%H:%M}" in message_text(near), message_text(near)
    assert _labels(near) == ["✅ 完成上报", "详情"], _labels(near)
    await _run_at(h, jobs["order.deadline"] + timedelta(minutes=1))
    late = await d.expect(LIU, "已超过时限", since=near["message_id"])
    assert f"时限是 {day}" in message_text(late), message_text(late)
    assert _labels(late) == ["✅ 完成上报", "💬 告诉社区", "详情"], _labels(late)
    await d.tap(LIU, "💬 告诉社区", late["message_id"])
    await d.expect(LIU, f"工单 {order_no} 有什么情况要告诉社区", since=late["message_id"])
    await d.say(LIU, "/cancel")
    last = (await d.messages(LIU))[-1]["message_id"]
    await d.tap(LIU, "✅ 完成上报", near["message_id"])
    await d.expect(LIU, f"请写一下工单 {order_no} 做了什么", since=last)
