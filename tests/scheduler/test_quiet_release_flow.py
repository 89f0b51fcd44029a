"""Through the bot: a notice held for the night arrives as soon as its resident opts out of quiet
hours (profile) or staff switch the community's quiet hours off (`/quiet off`)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import col, select

from models import User
from models.scheduling import Delivery, DeliveryState
from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
NOTICE = "明天上午8点到12点停水，请提前储水。"


async def _got_notice(d: Driver, uid: int) -> bool:
    return any(NOTICE in message_text(m) for m in await d.messages(uid))


async def test_a_held_notice_arrives_right_after_quiet_hours_are_switched_off(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    # 22:30: a notice to 第二网格 is held until 07:00
    h.clock.set(datetime(2026, 11, 24, 14, 30, tzinfo=UTC))
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几个网格")
    picker = await d.expect(STAFF, "请点选网格")
    await d.tap(STAFF, "第一网格", picker["message_id"])
    await d.tap(STAFF, "第二网格", picker["message_id"])
    await d.tap(STAFF, "选好了", picker["message_id"])
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, NOTICE)
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    await d.expect(STAFF, "免打扰", since=preview["message_id"], timeout=15)
    async with h.sessionmaker() as session:
        held = (await session.exec(select(Delivery).where(Delivery.kind == "broadcast"))).all()
        people = sorted(x.chat_id for x in held if x.state == DeliveryState.PENDING)
        residents = (
            await session.exec(
                select(User.id).where(col(User.id).in_(people), col(User.roles) == "resident")
            )
        ).all()
    assert len(people) >= 2 and residents
    opting = residents[0]
    others = [uid for uid in people if uid != opting]
    await service.drain()
    assert not any([await _got_notice(d, uid) for uid in people])

    # one resident asks for notices at night too: theirs arrives now, the others' still wait
    profile = (await d.say(opting, "/profile"))[-1]
    await d.tap(opting, "🔔 夜里也通知我", profile["message_id"])
    got = await d.expect(opting, NOTICE, timeout=10)
    assert "阳光社区通知" in message_text(got)
    await service.drain()
    assert not any([await _got_notice(d, uid) for uid in others])

    # staff switch the community's quiet hours off: everyone else's arrives now
    await d.say(STAFF, "/quiet off")
    await d.expect(STAFF, "已关闭免打扰时段")
    for uid in others:
        await d.expect(uid, NOTICE, timeout=10)
    assert all([await _got_notice(d, uid) for uid in people])
