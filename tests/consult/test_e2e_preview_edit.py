"""A saved meeting's or poll's preview has ✏️ 修改 beside 📣 发布 and 取消, as the draft's staff
card has: a wrong time, option or closing time is fixed there and the preview shows the change,
still a preview with its buttons; everything else typed stays. A change of a draft is told to
nobody (not 'told 0 residents'), and a change begun and cancelled says the draft is as it was
(not 'nothing was saved'). Before, the preview offered only 发布 and 取消: a slip meant
cancelling the draft and filling in the whole form again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from models.consultations import Meeting, MeetingStatus, Poll, PollOption, PollStatus
from sandbox.driver import Driver, message_text
from tests.consult.test_e2e_meeting_capacity import STAFF, _to_capacity
from tests.consult.test_e2e_poll_cancel import _draft
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to


async def _now(d: Driver, message: dict[str, Any]) -> dict[str, Any]:
    [current] = [m for m in await d.messages(STAFF) if m["message_id"] == message["message_id"]]
    return current


async def test_meeting_preview_changes_the_time(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_capacity(h)  # 十二月居民议事会, 2026-11-25 19:30, 社区会议室
    sent = await d.send(STAFF, "30")
    preview = await d.expect(STAFF, "预览（还没有发出）", since=sent["message_id"])
    assert inline_labels(preview) == ["📣 发布", "✏️ 修改", "❌ 取消会议"]
    await d.tap(STAFF, "✏️ 修改", preview["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=preview["message_id"])
    await d.tap(STAFF, "时间", what["message_id"])
    await d.expect(STAFF, "现在是：2026-11-25 19:30", since=what["message_id"])
    await reply_to(d, STAFF, "2020-01-01 19:30", "已经过去")  # a slip: the step stays
    done = await reply_to(d, STAFF, "2026-11-26 19:30", "已修改")
    assert "正在通知" not in message_text(done) and "草稿还没有发出" in message_text(done)
    shown = await _now(d, preview)
    text = message_text(shown)
    assert text.startswith("预览（还没有发出）") and "确认无误" in text, text
    assert "11月26日（周四）19:30" in text and "11月25日" not in text
    assert "十二月居民议事会" in text and "社区会议室" in text and "人数上限：30 人" in text
    assert inline_labels(shown) == ["📣 发布", "✏️ 修改", "❌ 取消会议"]
    # a change begun and cancelled: the draft is as it was, and the answer says so
    await d.tap(STAFF, "✏️ 修改", preview["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=done["message_id"])
    await d.tap(STAFF, "地点", what["message_id"])
    await d.expect(STAFF, "现在是：社区会议室", since=what["message_id"])
    cancelled = await reply_to(d, STAFF, "✖️ 取消", "已取消")
    assert "没有做任何改动" in message_text(cancelled)
    assert "没有保存任何内容" not in message_text(cancelled)
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "已发布，正在通知", since=cancelled["message_id"])
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert meeting.status == MeetingStatus.PUBLISHED
    assert meeting.starts_at.replace(tzinfo=UTC) == datetime(2026, 11, 26, 11, 30, tzinfo=UTC)
    assert meeting.title == "十二月居民议事会"
    assert (meeting.place, meeting.capacity) == ("社区会议室", 30)


async def test_poll_preview_changes_an_option_and_the_closing_time(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _draft(d, "要不要在小区门口加装路灯？")  # 同意 / 不同意, 11-24 20:00
    assert inline_labels(preview) == ["📣 发布", "✏️ 修改", "❌ 取消投票"]
    await d.tap(STAFF, "✏️ 修改", preview["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=preview["message_id"])
    await d.tap(STAFF, "选项", what["message_id"])
    ask = await d.expect(STAFF, "请输入新的选项", since=what["message_id"])
    assert "同意\n不同意" in message_text(ask)
    await reply_to(d, STAFF, "同意", "选项要有 2 到 12 个")  # a slip: the step stays
    await reply_to(d, STAFF, "同意\n不同意", "和原来一样")
    done = await reply_to(d, STAFF, "同意\n不同意\n无所谓", "已修改")
    assert "草稿还没有发出" in message_text(done)
    shown = await _now(d, preview)
    text = message_text(shown)
    assert text.startswith("预览（还没有发出）") and "3. 无所谓" in text, text
    assert "要不要在小区门口加装路灯" in text
    assert inline_labels(shown) == ["📣 发布", "✏️ 修改", "❌ 取消投票"]
    # the closing time: further than a poll may run is refused, the step stays
    await d.tap(STAFF, "✏️ 修改", preview["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=done["message_id"])
    await d.tap(STAFF, "截止时间", what["message_id"])
    await d.expect(STAFF, "现在是：\n2026-11-24 20:00", since=what["message_id"])
    await reply_to(d, STAFF, "2027-03-01 20:00", "最长 60 天")
    done = await reply_to(d, STAFF, "2026-11-25 20:00", "已修改")
    assert "11月25日（周三）20:00" in message_text(done)  # how it was read
    assert "截止：11月25日（周三）20:00" in message_text(await _now(d, preview))
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "投票已发布", since=done["message_id"])
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
        options = (
            await session.exec(select(PollOption.text).where(PollOption.poll_id == poll.id))
        ).all()
    # published: its wording is what was announced, a change (an older button) is refused
    refused = await d.click(STAFF, preview["message_id"], data=f"cpl:edit:{poll.id}:1")
    assert refused["answer"] is not None and "已经发布了" in refused["answer"]["text"]
    assert poll.status == PollStatus.OPEN
    assert poll.closes_at.replace(tzinfo=UTC) == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert sorted(options) == sorted(["同意", "不同意", "无所谓"])


async def test_poll_draft_card_changes_the_question(linli_sandbox: Harness) -> None:
    """The draft's card (📊 投票列表) has ✏️ 修改 too; the card shows the change."""
    d = linli_sandbox.driver
    await _draft(d, "要不要装充电桩")
    hub = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "📊 投票列表", hub["message_id"])
    listed = await d.expect(STAFF, "投票列表", since=hub["message_id"])
    await d.tap(STAFF, "充电桩", listed["message_id"])
    card = await d.expect(STAFF, "状态：草稿", since=listed["message_id"])
    assert "✏️ 修改" in inline_labels(card)
    await d.tap(STAFF, "✏️ 修改", card["message_id"])
    what = await d.expect(STAFF, "要修改什么", since=card["message_id"])
    await d.tap(STAFF, "问题", what["message_id"])
    await d.expect(STAFF, "现在是：\n要不要装充电桩", since=what["message_id"])
    await reply_to(d, STAFF, "要不要在小区装电动车充电桩？", "已修改")
    shown = await _now(d, card)
    assert message_text(shown).startswith("要不要在小区装电动车充电桩？")
    assert "状态：草稿" in message_text(shown) and "📥 导出 Excel" in inline_labels(shown)
