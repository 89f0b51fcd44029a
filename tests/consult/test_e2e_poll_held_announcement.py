"""A poll published at night and ended (or withdrawn) before 07:00: its announcement, held by
quiet hours, is not sent in the morning. Found walking a 每户一票 poll as 李社工: ended at 23:28,
吴大爷 got at 07:00 '🗳 投票：… 请点下方按钮投票' with its 去投票, then the result under it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from handlers.consult_kit import PollCb
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_qa_polls import STAFF, ZHOU, make_poll
from tests.e2e.conftest import Harness

NIGHT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai, a Monday
MORNING = datetime(2026, 11, 23, 23, 1, tzinfo=UTC)  # 07:01 the next day


async def _morning(h: Harness) -> list[str]:
    """07:01: what quiet hours held goes; 周阿姨's messages then."""
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(MORNING)
    await service.run_due()
    await service.drain()
    return [message_text(m) for m in await h.driver.messages(ZHOU)]


async def test_poll_ended_at_night_is_not_announced_in_the_morning(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    poll_id = await make_poll(h)
    assert await d.messages(ZHOU) == []  # held for the morning
    h.clock.advance(timedelta(minutes=20))
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="closeok", id=poll_id).pack())
    await d.expect(STAFF, "投票已结束", since=greeting["message_id"])
    texts = await _morning(h)
    assert any("投票结果：明年优先办哪些事" in t for t in texts), texts
    assert not any("请点下方按钮投票" in t for t in texts), texts


async def test_poll_withdrawn_at_night_is_not_announced_in_the_morning(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(NIGHT)
    poll_id = await make_poll(h)
    h.clock.advance(timedelta(minutes=20))
    [greeting] = await d.say(STAFF, "/start")
    await d.click(STAFF, greeting["message_id"], data=PollCb(action="cancelok", id=poll_id).pack())
    await d.expect(STAFF, "已取消", since=greeting["message_id"])
    texts = await _morning(h)
    assert not any("请点下方按钮投票" in t for t in texts), texts
