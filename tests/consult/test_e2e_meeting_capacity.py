"""The capacity step takes what staff type: a number (also full-width, with 人), or the no-limit
button's word typed instead of tapped."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.consultations import Meeting
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工


async def _to_capacity(h: Harness) -> None:
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "十二月居民议事会")
    await d.say(STAFF, "年度工作回顾")
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "社区会议室")
    await d.tap(STAFF, "全社区")
    await d.expect(STAFF, "最多多少人")


@pytest.mark.parametrize(("typed", "capacity"), [("不限", None), ("５０人", 50), ("30", 30)])
async def test_capacity_as_typed(linli_sandbox: Harness, typed: str, capacity: int | None) -> None:
    h = linli_sandbox
    await _to_capacity(h)
    [first, *_] = await h.driver.say(STAFF, typed)
    preview = await h.driver.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert "十二月居民议事会" in message_text(preview)
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert meeting.capacity == capacity


async def test_capacity_that_is_not_a_number_is_asked_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _to_capacity(h)
    [answer] = await h.driver.say(STAFF, "很多")
    assert "人数上限要在 1 到" in message_text(answer)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Meeting))).all() == []
