"""A meeting date typed without a year that has passed this year ('11月1日 19:00' on 23
November) is read as next year's and refused as too far ahead; the refusal now says why, so
staff are not left wondering how 11月1日 can be 'too far' (before: '开会时间太远了，最多提前 180
天安排。' and nothing more)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工


async def test_a_past_month_day_is_explained(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "十二月居民议事会")
    await d.say(STAFF, "年度工作回顾")
    [refusal] = await d.say(STAFF, "11月1日 19:00")
    assert "开会时间太远了" in message_text(refusal)
    assert "今年已经过了" in message_text(refusal) and "会算成明年的" in message_text(refusal)
    [read] = await d.say(STAFF, "11月25日 19:00")  # the step stays
    assert "11月25日（周三）19:00" in message_text(read)
