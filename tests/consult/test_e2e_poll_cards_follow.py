"""Every staff card of a poll on a screen follows the poll: when the close job ends it on
time, the cards already open read 已结束 with the final count and only 查看结果 / 导出; when
one staff member ends or withdraws it, a colleague's card and their own other copy are
redrawn too (through the outbox), not only the card tapped. Before, those cards went on
reading 进行中 with 代投 and 立即结束 until tapped."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from tests.consult.test_e2e_poll_reach import _draft
from tests.consult.test_e2e_qa_polls import (
    CLOSES,
    STAFF,
    ZHOU,
    ballot,
    current,
    labels_of,
    make_poll,
)
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任, every community
OPEN_TOOLS = ["✍️ 代投", "📊 查看结果", "⏹ 立即结束", "❌ 取消投票", "📥 导出 Excel"]
ENDED_TOOLS = ["📊 查看结果", "📥 导出 Excel"]


async def _card(d: Driver, user: int, *, status: str = "进行中") -> dict[str, Any]:
    """The poll's staff card, opened from 🏛 议事管理 → 📊 投票列表."""
    [hub] = await d.say(user, "🏛 议事管理")
    await d.tap(user, "📊 投票列表", hub["message_id"])
    listed = await d.expect(user, "投票列表", since=hub["message_id"])
    await d.tap(user, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(user, f"状态：{status}", since=listed["message_id"])
    if status == "进行中":
        assert labels_of(card) == OPEN_TOOLS, card
    return card


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def test_cards_read_ended_once_closed_on_time(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)  # closes 11-24 20:00
    mine = await _card(d, STAFF)
    theirs = await _card(d, ADMIN)

    # the close job ends it on time; nobody taps anything
    h.clock.set(CLOSES)
    service = _scheduler(h)
    await service.run_due()
    await service.drain()

    for chat, card in ((STAFF, mine), (ADMIN, theirs)):
        shown = await current(d, chat, card["message_id"])
        text = message_text(shown)
        assert "状态：已结束 · 截止 11月24日（周二）20:00" in text, text
        assert "共 0 票（已结束）· 无人投票" in text, text
        assert "进行中" not in text, text
        assert labels_of(shown) == ENDED_TOOLS, shown
    assert await d.errors() == []


async def test_the_option_with_most_votes_reads_as_written(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, options=["修路灯", "水&电<改造>"])
    card = await _card(d, STAFF)
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "水&电<改造>", mine["message_id"])
    await d.expect(ZHOU, "已投票：水&电<改造>", since=mine["message_id"])

    h.clock.set(CLOSES)
    service = _scheduler(h)
    await service.run_due()
    await service.drain()
    text = message_text(await current(d, STAFF, card["message_id"]))
    # escaped once (before, the card's outcome was escaped twice: '最多：水&amp;电…')
    assert "共 1 票（已结束）· 最多：水&电<改造>" in text, text
    assert await d.errors() == []


async def test_closing_now_redraws_the_other_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    older = await _card(d, STAFF)  # a copy left further up the chat
    theirs = await _card(d, ADMIN)
    tapped = await _card(d, STAFF)
    await d.tap(STAFF, "⏹ 立即结束", tapped["message_id"])
    ask = await d.expect(STAFF, "确定现在就结束", since=tapped["message_id"])
    await d.tap(STAFF, "⏹ 确认立即结束", ask["message_id"])
    await d.expect(STAFF, "投票已结束", since=ask["message_id"])
    await _scheduler(h).drain()

    drawn = message_text(await current(d, STAFF, tapped["message_id"]))
    assert "状态：已结束 · 截止 11月23日（周一）10:00" in drawn, drawn  # ended now
    for chat, card in ((STAFF, older), (ADMIN, theirs)):
        shown = await current(d, chat, card["message_id"])
        assert message_text(shown) == drawn, shown  # the one card, as the closer's reads
        assert labels_of(shown) == ENDED_TOOLS, shown
    assert await d.errors() == []


async def test_withdrawing_redraws_the_other_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    theirs = await _card(d, ADMIN)
    tapped = await _card(d, STAFF)
    await d.tap(STAFF, "❌ 取消投票", tapped["message_id"])
    ask = await d.expect(STAFF, "取消", since=tapped["message_id"])
    await d.tap(STAFF, "❌ 确认取消投票", ask["message_id"])
    await d.expect(STAFF, "投票已取消", since=ask["message_id"])
    await _scheduler(h).drain()

    shown = await current(d, ADMIN, theirs["message_id"])
    text = message_text(shown)
    assert "状态：已取消" in text and "（已取消，不计结果）" in text, text
    assert labels_of(shown) == ENDED_TOOLS, shown
    assert await d.errors() == []


async def test_publishing_a_draft_redraws_the_other_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _draft(h)
    theirs = await _card(d, ADMIN, status="草稿")
    tapped = await _card(d, STAFF, status="草稿")
    await d.tap(STAFF, "📣 发布", tapped["message_id"])
    await d.expect(STAFF, "投票已发布", since=tapped["message_id"])
    await _scheduler(h).drain()

    drawn = await current(d, STAFF, tapped["message_id"])
    shown = await current(d, ADMIN, theirs["message_id"])
    assert "状态：进行中" in message_text(shown), shown
    assert message_text(shown) == message_text(drawn), shown
    assert labels_of(shown) == OPEN_TOOLS, shown
    assert await d.errors() == []
