"""The meeting form goes back a step (DESIGN: every flow goes back a step): after the kind, each
step has ⬅️ 上一步 beside ✖️ 取消 (also typed: 上一步 / 返回), which asks the step before again
with what was entered; a button question left that way loses its buttons. Before, only 取消 was
offered: a slip in the title or the time meant starting the meeting again, and '⬅️ 上一步' was
refused as 'not text'."""

from __future__ import annotations

from sqlmodel import col, select

from models.consultations import AgendaItem, Meeting, MeetingKind
from sandbox.driver import message_text
from tests.consult.test_e2e_meetings import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to


def _reply_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


async def test_meeting_form_goes_back_and_keeps_the_change(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    kinds = await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话", kinds["message_id"])
    title = await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    assert _reply_labels(title) == ["⬅️ 上一步", "✖️ 取消"]
    # the back label is never a title: it goes back to the kinds
    kinds = await reply_to(d, STAFF, "⬅️ 上一步", "请选择会议类型")
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    await reply_to(d, STAFF, "停车难议事会", "请输入议程")
    again = await reply_to(d, STAFF, "返回", "会议标题")  # typed, not tapped
    assert "停车难议事会" in message_text(again)
    await reply_to(d, STAFF, "停车位分配议事会", "请输入议程")
    await reply_to(d, STAFF, "介绍方案\n听取意见", "开会时间")
    duration = await reply_to(d, STAFF, "2026-11-25 19:30", "多长时间")
    # from the duration back to the time: the time shown as read, the duration's buttons gone
    again = await reply_to(d, STAFF, "⬅️ 上一步", "开会时间")
    assert "11月25日（周三）19:30" in message_text(again)
    [duration] = [m for m in await d.messages(STAFF) if m["message_id"] == duration["message_id"]]
    assert not (duration.get("reply_markup") or {}).get("inline_keyboard")
    # and to the agenda, shown one item a line
    again = await reply_to(d, STAFF, "⬅️ 上一步", "请输入议程")
    assert "介绍方案\n听取意见" in message_text(again)
    await reply_to(d, STAFF, "介绍方案\n听取意见\n投票表决", "开会时间")
    duration = await reply_to(d, STAFF, "2026-11-26 19:30", "多长时间")
    await d.tap(STAFF, "60 分钟", duration["message_id"])
    await d.expect(STAFF, "开会地点", since=duration["message_id"])
    audience = await reply_to(d, STAFF, "社区活动室", "面向哪些人")
    place = await reply_to(d, STAFF, "⬅️ 上一步", "开会地点")
    assert "社区活动室" in message_text(place)
    audience = await reply_to(d, STAFF, "1号楼架空层", "面向哪些人")
    await d.tap(STAFF, "全社区", audience["message_id"])
    capacity = await d.expect(STAFF, "最多多少人", since=audience["message_id"])
    # from the capacity back to the audience: 不限 goes, the audience is asked again
    audience = await reply_to(d, STAFF, "⬅️ 上一步", "面向哪些人")
    [capacity] = [m for m in await d.messages(STAFF) if m["message_id"] == capacity["message_id"]]
    assert not (capacity.get("reply_markup") or {}).get("inline_keyboard")
    await d.tap(STAFF, "指定楼栋", audience["message_id"])
    pick = await d.expect(STAFF, "可多选", since=audience["message_id"])
    await d.tap(STAFF, "1号楼", pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    await d.expect(STAFF, "最多多少人", since=pick["message_id"])
    preview = await reply_to(d, STAFF, "30", "预览")
    text = message_text(preview)
    assert "居民议事会：停车位分配议事会" in text and "1号楼架空层" in text, text
    assert "11月26日（周四）19:30" in text and "上一步" not in text
    await d.tap(STAFF, "📣 发布", preview["message_id"])
    await d.expect(STAFF, "已发布", since=preview["message_id"])
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting).order_by(col(Meeting.id).desc()))).first()
        assert meeting is not None
        items = (
            await session.exec(
                select(AgendaItem.text)
                .where(AgendaItem.meeting_id == meeting.id)
                .order_by(col(AgendaItem.position))
            )
        ).all()
    assert meeting.kind == MeetingKind.RESIDENTS and meeting.title == "停车位分配议事会"
    assert meeting.place == "1号楼架空层" and meeting.duration_minutes == 60
    assert meeting.capacity == 30 and meeting.audience_kind == "buildings"
    assert list(items) == ["介绍方案", "听取意见", "投票表决"]
