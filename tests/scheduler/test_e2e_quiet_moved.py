"""周阿姨 moves from 阳光社区 (quiet hours 22:00–07:00) to 和谐社区, whose staff switched quiet
hours off: a notice held for her until 07:00 reaches her as soon as her new address is saved,
at 23:00, instead of the next morning."""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services.delivery import enqueue
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

HARMONY_STAFF = 2003  # 陈社工, 和谐社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
NOTICE = "您报名的志愿活动时间有调整，请留意。"


async def test_moving_to_a_community_without_quiet_hours_releases_what_was_held(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    off = await d.send(HARMONY_STAFF, "/quiet off")
    await d.expect(HARMONY_STAFF, "已关闭免打扰时段", since=off["message_id"])
    async with h.sessionmaker() as session:  # a notice that names no community
        held = await enqueue(session, chat_id=ZHOU, text=NOTICE, now=h.clock.now)
        await session.commit()
        assert held.held_from is not None  # 阳光社区's quiet hours hold it until 07:00

    [profile] = await d.say(ZHOU, "/profile")
    await d.tap(ZHOU, "修改住址", profile["message_id"])
    mark = profile["message_id"]
    mark = (await d.expect(ZHOU, "请选择您所在的", since=mark))["message_id"] - 1
    await d.tap(ZHOU, "和谐社区")
    mark = (await d.expect(ZHOU, "请选择您所在的网格", since=mark))["message_id"]
    await d.tap(ZHOU, "不清楚", mark)
    await d.expect(ZHOU, "请选择您住的楼栋", since=mark)
    await d.tap(ZHOU, "东1栋")
    await d.expect(ZHOU, "房号", since=mark)
    await d.say(ZHOU, "202")
    await service.drain()
    got = await d.expect(ZHOU, "志愿活动时间有调整", timeout=10)
    assert message_text(got) == NOTICE
