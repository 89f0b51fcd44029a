"""A staff member's meeting form overtaken by a colleague, at the steps the first fix left:
张网格员 lowers the capacity below those going and is asked 保留 / 转候补, and 李社工 cancels the
meeting meanwhile; 张网格员 writes minutes and looks at their preview, and 李社工 sends his
first. Her tap (or what she types next) is answered with what happened — 已经取消了, or
'李社工 已经发布了…纪要，您写的这份没有发出' — with her menu back: the form ends, nothing is
changed or sent twice, and her card reads the meeting as it stands. Before, the tap got the
bare error ('纪要已经发布过了') and the form went on, its preview still offering ✅ 确认发送."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select

from models.consultations import Meeting, Rsvp, RsvpStatus
from sandbox.driver import Driver, message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_questions_follow import GRID, _open_card
from tests.consult.test_e2e_meeting_redrawn import _reads, _scheduler
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU

TITLE = "十二月居民议事会"
START = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai


async def _going(d: Driver, who: int) -> None:
    invite = await d.expect(who, "议事会通知")
    await d.tap(who, "去", invite["message_id"])
    await d.expect(who, "已报名", since=invite["message_id"])


async def _cancel(d: Driver, who: int, card: int) -> None:
    """`who` cancels the meeting from their card (reason: 台风)."""
    await d.tap(who, "❌ 取消会议", card)
    asked = await d.expect(who, "请简单说明原因", since=card)
    await d.send(who, "台风")
    await d.expect(who, "会议已取消", since=asked["message_id"])


def _has_menu(message: dict[str, Any]) -> bool:
    return "keyboard" in (message.get("reply_markup") or {})


@pytest.mark.parametrize("choice", ["保留已报名的 2 人", "最晚报名的 1 人转为候补"])
async def test_capacity_choice_after_a_colleague_cancelled(
    linli_sandbox: Harness, choice: str
) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    await _going(d, ZHOU)
    await _going(d, WU)
    await _scheduler(h).drain()
    mine = await _open_card(d, STAFF, meeting.id or 0)
    theirs = await _open_card(d, GRID, meeting.id or 0)
    await d.tap(GRID, "✏️ 修改", theirs)
    what = await d.expect(GRID, "要修改什么", since=theirs)
    await d.tap(GRID, "人数上限", what["message_id"])
    asked = await d.expect(GRID, "现在是：不限", since=what["message_id"])
    await d.send(GRID, "1")
    over = await d.expect(GRID, "比新的上限 1 人多 1 人", since=asked["message_id"])
    await _cancel(d, STAFF, mine)
    await _scheduler(h).drain()
    await d.tap(GRID, choice, over["message_id"])
    told = await d.expect(GRID, "已经取消了", since=over["message_id"])
    assert _has_menu(told), told  # the form ended: her menu is back
    assert "已修改" not in message_text(told), message_text(told)
    await _scheduler(h).drain()
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已取消" in text and "人数：不限" in text, text
    assert "❌ 取消会议" not in labels, labels
    # nothing changed: no capacity, both still going, nobody told of a change or a move
    async with h.sessionmaker() as session:
        stored = await session.get(Meeting, meeting.id)
        assert stored is not None and stored.capacity is None
        rsvps = (await session.exec(select(Rsvp).where(Rsvp.meeting_id == meeting.id))).all()
        assert {r.status for r in rsvps} == {RsvpStatus.GOING}, rsvps
    for who in (ZHOU, WU):
        said = [message_text(m) for m in await d.messages(who)]
        assert not any("有变动" in x or "转为候补" in x for x in said), said
    # what she types next is hers again, not a capacity
    await d.send(GRID, "2")
    after = await d.messages(GRID, since=told["message_id"])
    assert not any("已修改" in message_text(m) for m in after), after
    assert await d.errors() == []


async def _minutes_preview(d: Driver, who: int, card: int, minutes: str) -> dict[str, Any]:
    """`who` writes the minutes from their card, one decision, and is shown the preview."""
    await d.tap(who, "📝 发布纪要", card)
    asked = await d.expect(who, "会议纪要", since=card)
    await d.send(who, minutes)
    decisions = await d.expect(who, "决议", since=asked["message_id"])
    await d.send(who, "修复1号楼门口路灯")
    return await d.expect(who, "议事会纪要", since=decisions["message_id"])


async def test_minutes_sent_after_a_colleague_sent_theirs(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    h.clock.set(START + timedelta(hours=2))
    mine = await _open_card(d, STAFF, meeting.id or 0)
    theirs = await _open_card(d, GRID, meeting.id or 0)
    hers = await _minutes_preview(d, GRID, theirs, "张网格员记的纪要。")
    his = await _minutes_preview(d, STAFF, mine, "李社工记的纪要。")
    await d.tap(STAFF, "✅ 确认发送", his["message_id"])
    await d.expect(STAFF, "纪要已发布", since=his["message_id"])
    await _scheduler(h).drain()
    tapped = await d.click(GRID, hers["message_id"], text="✅ 确认发送")
    told = await d.expect(GRID, "没有发出", since=hers["message_id"])
    said = message_text(told)
    assert "李社工 已经发布了这次议事会的纪要" in said, said
    assert _has_menu(told), told  # the form ended: her menu is back
    assert not (tapped.get("answer") or {}).get("show_alert"), tapped  # told in the chat
    await _scheduler(h).drain()
    # her preview offers nothing more; her card reads 已发布纪要 with the decision's tool
    assert (await _reads(d, GRID, hers["message_id"]))[1] == []
    text, labels = await _reads(d, GRID, theirs)
    assert "状态：已发布纪要" in text, text
    assert any("转为工单" in label for label in labels), labels
    # residents got his minutes once, never hers
    notices = [message_text(m) for m in await d.messages(ZHOU) if "议事会纪要" in message_text(m)]
    assert len(notices) == 1 and "李社工记的纪要" in notices[0], notices
    async with h.sessionmaker() as session:
        stored = await session.get(Meeting, meeting.id)
        assert stored is not None and stored.minutes == "李社工记的纪要。"
    # what she types next is not taken for minutes
    await d.send(GRID, "再写一句")
    after = await d.messages(GRID, since=told["message_id"])
    assert not any("议事会纪要" in message_text(m) for m in after), after
    assert await d.errors() == []


async def test_minutes_typed_after_a_colleague_sent_theirs(linli_sandbox: Harness) -> None:
    """张网格员 is at the decisions step when 李社工 sends the minutes: her decisions are
    answered with what happened, no preview of a notice that will not go."""
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, title=TITLE, starts_at=START)
    h.clock.set(START + timedelta(hours=2))
    mine = await _open_card(d, STAFF, meeting.id or 0)
    theirs = await _open_card(d, GRID, meeting.id or 0)
    await d.tap(GRID, "📝 发布纪要", theirs)
    asked = await d.expect(GRID, "会议纪要", since=theirs)
    await d.send(GRID, "张网格员记的纪要。")
    decisions = await d.expect(GRID, "决议", since=asked["message_id"])
    his = await _minutes_preview(d, STAFF, mine, "李社工记的纪要。")
    await d.tap(STAFF, "✅ 确认发送", his["message_id"])
    await d.expect(STAFF, "纪要已发布", since=his["message_id"])
    await d.send(GRID, "修复1号楼门口路灯")
    told = await d.expect(GRID, "没有发出", since=decisions["message_id"])
    assert "李社工 已经发布了" in message_text(told) and _has_menu(told), told
    after = await d.messages(GRID, since=decisions["message_id"])
    assert not any("预览" in message_text(m) for m in after), after
    assert await d.errors() == []
