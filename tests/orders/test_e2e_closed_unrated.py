"""A matter closed because no rating came in the follow-up window (7 days) no longer offers its
rating. Before, the rating notice ('✅ 您的诉求 … 已办好 … 请给这次服务打个分') and its 48-hour
reminder kept 满意/基本满意/不满意, and a tap answered '这件诉求已经评价过了', which was not
true: it was never rated. Now the close redraws both to say the matter was closed without a
rating and where to go if something is still wrong (📝 我要点单), without buttons; a tap on a
button left (a card opened before the close) says the same, and the card (📂 我的诉求) says
why it closed. After 不满意 and a second result,
the first result's notice keeps its rating: the close is about the second."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.orders import Request, RequestStatus
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, _file
from tests.orders.test_e2e_qa import _handle_directly
from tests.orders.test_e2e_rate_from_card import _buttons, _card, _now

MONDAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai
WEDNESDAY = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # Wed 11:00: not rated in 48 hours
NEXT_MONDAY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # Mon 11:00: not rated in 7 days


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def _run(h: Harness, at: datetime) -> None:
    h.clock.set(at)
    await _scheduler(h).run_due()
    await _scheduler(h).drain()


async def test_closed_unrated_the_notice_and_reminder_say_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY)
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    await _handle_directly(h, number, "已清运垃圾桶")
    ask = await d.expect(WU, "请给这次服务打个分")
    await _run(h, WEDNESDAY)
    reminder = await d.expect(WU, "您满意吗", since=ask["message_id"])
    assert _buttons(reminder)
    card = await _card(h, number, reminder["message_id"])  # opened before the close
    await _run(h, NEXT_MONDAY)
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None and req.status == RequestStatus.CLOSED
    # the notice and its reminder: what was done, that it closed unrated, where to go now
    for message_id in (ask["message_id"], reminder["message_id"]):
        now = await d.expect(WU, "已自动结案", since=message_id - 1)
        assert now["message_id"] == message_id and not _buttons(now), _buttons(now)
        text = message_text(now)
        assert "没有收到您的评价" in text and "📝 我要点单" in text, text
        assert "打个分" not in text and "您满意吗" not in text, text
    assert "已清运垃圾桶" in message_text(await _now(h, ask["message_id"]))
    # the card opened before: a tap is told the truth, and the card reads as it is now
    tap = await d.click(WU, card["message_id"], text="😊 满意")
    answer = str(tap["answer"])
    assert "没有收到评价" in answer and "已经评价过" not in answer, tap
    now = await d.expect(WU, f"诉求 {number} · 已结案", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"] and not _buttons(now), _buttons(now)
    # the card says why it closed, and where to go if something is still wrong
    text = message_text(now)
    assert "回访期内没有收到您的评价，已自动结案" in text and "📝 我要点单" in text, text
    # a button of the notice, had its redraw not reached it, says the same
    rid = int(number)
    tap = await d.click(WU, ask["message_id"], data=f"oc:rate1:{rid}:0")
    assert "没有收到评价" in str(tap["answer"]), tap
    assert await d.errors() == []


async def test_closed_unrated_after_a_second_result_leaves_the_first_as_rated(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY)
    number = await _file(h, WU, "楼道里堆了很多杂物，不好走")
    await _handle_directly(h, number, "已清理楼道杂物")
    first = await d.expect(WU, "请给这次服务打个分")
    await d.tap(WU, "😞 不满意", first["message_id"])
    asked = await d.expect(WU, "很抱歉没让您满意", since=first["message_id"])
    await d.tap(WU, "跳过", asked["message_id"])
    rated = message_text(await _now(h, first["message_id"]))
    assert "😞 不满意" in rated, rated
    # staff handle it again: a second result, a second rating notice, never answered
    notice = await d.expect(STAFF, "⚠️ 居民对诉求")  # (the card, redrawn, reads 不满意 too)
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.tap(STAFF, "直接办理")
    await d.expect(STAFF, "社区办理中")
    await d.tap(STAFF, "填写结果")
    await d.say(STAFF, "已请物业全部清走")
    await d.expect(STAFF, "已发给居民评价")
    second = await d.expect(WU, "已请物业全部清走")
    assert _buttons(second)
    await _run(h, NEXT_MONDAY)
    now = await d.expect(WU, "已自动结案", since=second["message_id"] - 1)
    assert now["message_id"] == second["message_id"] and not _buttons(now), _buttons(now)
    assert "已请物业全部清走" in message_text(now)
    # the first result's notice still tells the first result and how it was rated
    assert message_text(await _now(h, first["message_id"])) == rated
    rid = int(number)
    tap: dict[str, Any] = await d.click(WU, first["message_id"], data=f"oc:rate1:{rid}:0")
    assert "已经评价过" in str(tap["answer"]), tap
    tap = await d.click(WU, second["message_id"], data=f"oc:rate1:{rid}:0")
    assert "没有收到评价" in str(tap["answer"]), tap
    assert await d.errors() == []
