"""/forget as people see it (through the sandbox): the staff card held overnight about the
resident's request arrives in the morning without the phone number and name typed into it; a
resident who deletes their data is told their meeting sign-ups go, gets no reminder, and the
person waiting for a seat gets it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.published import published_meeting
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, _file


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def _forget(h: Harness, user: int) -> str:
    """The user deletes their data; returns the question they confirmed."""
    d = h.driver
    [question] = await d.say(user, "/forget")
    await d.tap(user, "确定删除", question["message_id"])
    await d.expect(user, "已删除", since=question["message_id"])
    return message_text(question)


async def test_the_card_held_overnight_comes_without_the_phone_and_name(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # Monday 23:00, quiet hours
    number = await _file(h, ZHOU, "楼道里的灯坏了，我是周阿姨，电话13812345678")
    await service.drain()
    assert not [m for m in await d.messages(STAFF) if f"新诉求 {number}" in message_text(m)]
    h.clock.set(datetime(2026, 11, 23, 15, 30, tzinfo=UTC))
    await _forget(h, ZHOU)
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))  # Tuesday 07:01
    await service.drain()
    card = message_text(await d.expect(STAFF, f"新诉求 {number}", timeout=10))
    assert "楼道里的灯坏了" in card
    assert "13812345678" not in card and "周阿姨" not in card


async def test_meeting_sign_up_goes_with_the_data_and_the_seat_moves_on(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会", capacity=1)
    await service.drain()
    for who, reply in ((ZHOU, "已报名"), (WU, "候补")):
        card = await d.expect(who, "楼道改造议事会")
        await d.tap(who, "去", card["message_id"])
        await d.expect(who, reply, since=card["message_id"])
    question = await _forget(h, ZHOU)
    assert "还没召开的议事会，您的报名会取消" in question
    await service.drain()
    await d.expect(WU, "已从候补转为正式参加：楼道改造议事会", timeout=10)
    # the day before: the reminder goes to 吴大爷, not to 周阿姨
    h.clock.set(meeting.starts_at - timedelta(hours=24) + timedelta(minutes=1))
    await service.run_due()
    await service.drain()
    await d.expect(WU, "⏰ 提醒：楼道改造议事会", timeout=10)
    assert not [m for m in await d.messages(ZHOU) if "⏰ 提醒" in message_text(m)]
