"""李社工 walking the poll form through its buttons, for e2e tests that start at a later step."""

from __future__ import annotations

from typing import Any

from sandbox.driver import Driver
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


async def to_close_step(d: Driver, question: str, options: str) -> dict[str, Any]:
    """A single-choice poll for the whole community, any registered resident voting, not one
    per household, up to the question of its closing time (returned)."""
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, question)
    ask = await reply_to(d, STAFF, options, "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "全社区", ask["message_id"])
    ask = await d.expect(STAFF, "谁可以投票", since=ask["message_id"])
    await d.tap(STAFF, "已登记住址的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "❌ 否", ask["message_id"])
    return await d.expect(STAFF, "截止时间", since=ask["message_id"])
