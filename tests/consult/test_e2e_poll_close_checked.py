"""A poll's closing time further ahead than a poll may run (60 days) is refused where it is
typed, and the step stays. Before, the form took it and refused the poll only at its last
step (the threshold), where a time typed again was read as a share: staff had to go back four
steps to change it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_polls import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_a_closing_time_too_far_ahead_is_refused_at_its_step(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "要不要在小区门口加装路灯？", "每行一个")
    ask = await reply_to(d, STAFF, "同意\n不同意", "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    await d.tap(STAFF, "报到党员/志愿者", ask["message_id"])
    await d.expect(STAFF, "截止时间", since=ask["message_id"])
    refused = await reply_to(d, STAFF, "2027-03-01 20:00", "最长 60 天")
    assert "60 天以内" in message_text(refused)
    await reply_to(d, STAFF, "2026-11-24 20:00", "匿名还是实名")
