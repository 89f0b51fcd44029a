"""A meeting form's question answered by typing ('45', '30人') shows the answer, as a tapped
one does ('✅ 90 分钟'); before, its buttons went and the question read as unanswered."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_meeting_capacity import STAFF
from tests.e2e.conftest import Harness


async def test_typed_duration_and_capacity_are_shown_answered(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "十二月居民议事会")
    await d.say(STAFF, "年度工作回顾")
    [duration] = await d.say(STAFF, "2026-11-25 19:30")
    assert "会议大约多长时间" in message_text(duration)
    await d.say(STAFF, "45")
    [asked] = [m for m in await d.messages(STAFF) if m["message_id"] == duration["message_id"]]
    assert message_text(asked).endswith("✅ 45 分钟"), message_text(asked)
    assert not (asked.get("reply_markup") or {}).get("inline_keyboard")
    await d.say(STAFF, "社区会议室")
    await d.tap(STAFF, "全社区")
    capacity = await d.expect(STAFF, "最多多少人")
    [first, *_] = await d.say(STAFF, "三十人")
    await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    asked = await d.expect(STAFF, "✅ 30 人", since=capacity["message_id"] - 1)
    assert asked["message_id"] == capacity["message_id"]
    assert message_text(asked).endswith("✅ 30 人"), message_text(asked)
    assert not (asked.get("reply_markup") or {}).get("inline_keyboard")
