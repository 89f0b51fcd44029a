"""A meeting's staff cards follow the clock on every staff screen: when check-in opens (30
minutes before the start) 李社工's and 张网格员's cards of it read 已发布，签到中, when it starts
进行中, and once its planned end passes 已结束，待发纪要 — redrawn by the scheduled jobs of those
moments through the outbox, as a change tapped by a colleague redraws them. Before, a card went
on reading 已发布 through the meeting and after it, until opened again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sandbox.driver import Driver
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_questions_follow import GRID, _open_card
from tests.consult.test_e2e_meeting_redrawn import _reads, _redrawn, _scheduler
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU

TITLE = "十二月居民议事会"
START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai, 90 minutes long


async def _at(h: Harness, when: datetime) -> None:
    """Time moves to `when`: the jobs due by then run and what they queued goes out."""
    h.clock.set(when)
    service = _scheduler(h)
    await service.run_due(now=when)
    await service.drain(now=when)


async def _both_read(d: Driver, cards: dict[int, int], status: str) -> None:
    for chat, card in cards.items():
        text, labels = await _redrawn(d, chat, card, f"状态：{status} ·")
        assert f"状态：{status} ·" in text, (chat, text)
        assert "📝 发布纪要" in labels, labels


async def test_staff_cards_read_check_in_start_and_end_as_they_come(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    invite = await d.expect(ZHOU, TITLE)
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    cards = {
        STAFF: await _open_card(d, STAFF, meeting.id or 0),
        GRID: await _open_card(d, GRID, meeting.id or 0),
    }
    await _scheduler(h).drain()
    for chat, card in cards.items():
        assert "状态：已发布 ·" in (await _reads(d, chat, card))[0]
    await _at(h, START - timedelta(minutes=30))
    await d.expect(ZHOU, "现在开始签到", since=invite["message_id"])
    await _both_read(d, cards, "已发布，签到中")
    await _at(h, START)
    await _both_read(d, cards, "进行中")
    await _at(h, START + timedelta(minutes=90))
    await _both_read(d, cards, "已结束，待发纪要")
    assert await _reads(d, STAFF, cards[STAFF]) == await _reads(d, GRID, cards[GRID])
    assert await d.errors() == []
