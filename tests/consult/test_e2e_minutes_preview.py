"""Staff see the minutes and decisions exactly as they will go out, with 确认发送 / 改纪要 /
改决议 / 取消, before anyone gets them; a second tap on 确认发送 sends nothing more. Before,
the minutes went to everyone invited the moment the decisions were typed."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.consultations import Decision, Meeting, MeetingStatus
from sandbox.driver import message_text
from tests.consult.published import STAFF, published_meeting
from tests.e2e.conftest import Harness
from tests.support import reply_to

ZHOU = 4001  # 周阿姨, invited (the whole community)
OTHER_STAFF = 2003  # 陈社工, staff of 和谐社区


async def _to_preview(h: Harness) -> tuple[Meeting, dict]:
    d = h.driver
    meeting = await published_meeting(h, starts_at=h.clock() + timedelta(days=1))
    h.clock.advance(timedelta(days=1, hours=2))
    greeting = await reply_to(d, STAFF, "/start", "您好")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:minutes:{meeting.id}:0")
    ask = await d.expect(STAFF, "会议纪要", since=greeting["message_id"])
    await d.say(STAFF, "到会居民讨论了年度工作。")
    sent = await d.send(STAFF, "成立楼道清理小组\n修复路灯")
    await d.expect(STAFF, "预览", since=ask["message_id"])
    preview = await d.expect(STAFF, "议事会纪要", since=sent["message_id"])
    return meeting, preview


async def _minutes_to(h: Harness, user: int) -> list[str]:
    return [
        message_text(m) for m in await h.driver.messages(user) if "议事会纪要" in message_text(m)
    ]


async def test_preview_then_send_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting, preview = await _to_preview(h)
    shown = message_text(preview)
    assert "到会居民讨论了年度工作。" in shown and "1. 成立楼道清理小组" in shown
    assert "将发给" in message_text((await d.messages(STAFF))[-2])
    # nothing has gone out yet, nothing is saved
    assert await _minutes_to(h, ZHOU) == []
    async with h.sessionmaker() as session:
        m = await session.get(Meeting, meeting.id)
        assert m is not None and m.status == MeetingStatus.PUBLISHED
    # typed text at the preview sends nothing; it points at the buttons
    [hint] = await d.say(STAFF, "好的")
    assert "还没有发出" in message_text(hint)
    # 改决议: the current decisions shown; the new ones make a new preview
    await d.tap(STAFF, "✏️ 改决议", preview["message_id"])
    ask = await d.expect(STAFF, "现在的决议", since=preview["message_id"])
    assert "成立楼道清理小组" in message_text(ask)
    sent = await d.send(STAFF, "成立楼道清理小组\n修复2号楼门口路灯")
    preview = await d.expect(STAFF, "议事会纪要", since=sent["message_id"])
    assert "2. 修复2号楼门口路灯" in message_text(preview)
    assert "到会居民讨论了年度工作。" in message_text(preview)  # the minutes stayed
    # 确认发送, then the same button again (a stale or double tap): sent once
    await d.tap(STAFF, "✅ 确认发送", preview["message_id"])
    await d.expect(STAFF, "纪要已发布", since=preview["message_id"])
    again = await d.click(STAFF, preview["message_id"], data=f"cmt:minutes_send:{meeting.id}:0")
    assert "纪要已经发布过了" in str(again)
    # staff of another community forging the tap learn nothing about this meeting
    hello = await reply_to(d, OTHER_STAFF, "/start", "您好")
    forged = await d.click(
        OTHER_STAFF, hello["message_id"], data=f"cmt:minutes_send:{meeting.id}:0"
    )
    assert "纪要已经发布过了" not in str(forged)
    got = await d.expect(ZHOU, "议事会纪要")
    assert message_text(got) in message_text(preview)  # exactly what staff saw
    assert len(await _minutes_to(h, ZHOU)) == 1
    assert sum("纪要已发布" in message_text(m) for m in await d.messages(STAFF)) == 1
    async with h.sessionmaker() as session:
        decisions = (await session.exec(select(Decision))).all()
        assert [x.text for x in decisions] == ["成立楼道清理小组", "修复2号楼门口路灯"]


async def test_cancel_at_the_preview_sends_nothing(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting, preview = await _to_preview(h)
    await d.tap(STAFF, "✖️ 取消，不发送", preview["message_id"])
    await d.expect(STAFF, "纪要没有发出", since=preview["message_id"])
    stale = await d.click(STAFF, preview["message_id"], data=f"cmt:minutes_send:{meeting.id}:0")
    assert stale is not None and "纪要已发布" not in str(stale)
    assert await _minutes_to(h, ZHOU) == []
    async with h.sessionmaker() as session:
        m = await session.get(Meeting, meeting.id)
        assert m is not None and m.status == MeetingStatus.PUBLISHED and not m.minutes
