"""Consultation wizards through the sandbox: a stale reply button of another flow ("✅ 说完了",
"跳过" where a step has no skip, the phone keyboard's "不修改" …) is never stored as a title,
a question or a topic; the step answers politely and stays. Skip still works where offered."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.consultations import Meeting, Poll, Topic
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨


def _keyboard(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] if isinstance(b, dict) else b for row in rows for b in row]


async def _refused(d: Driver, user: int, label: str, *, keyboard: list[str]) -> None:
    """The label gets the polite answer (naming it) and the step's own buttons, nothing else."""
    [answer] = await d.say(user, label)
    text = message_text(answer)
    assert f"「{label}」是按钮上的字" in text and "请直接输入文字" in text, text
    assert _keyboard(answer) == keyboard


STEP = ["⬅️ 上一步", "✖️ 取消"]  # a step after a form's first


async def test_meeting_steps_take_typed_text_not_stale_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    # each step after the kind offers ⬅️ 上一步 beside ✖️ 取消 (on_meeting_back)
    for label in ("✅ 说完了", "跳过", "📍 发送位置", "✅ Done"):
        await _refused(d, STAFF, label, keyboard=STEP)
    [ask] = await d.say(STAFF, "1号楼加装电梯夜话")
    assert "请输入议程" in message_text(ask)
    await _refused(d, STAFF, "不修改", keyboard=STEP)
    [ask] = await d.say(STAFF, "介绍加装方案\n听取低层住户意见")
    assert "开会时间" in message_text(ask)
    await _refused(d, STAFF, "✅ 说完了", keyboard=STEP)
    # cancel is still the way out, and nothing was saved
    [done] = await d.say(STAFF, "✖️ 取消")
    assert "已取消" in message_text(done)
    async with h.sessionmaker() as session:
        assert not (await session.exec(select(Meeting))).all()


async def test_poll_question_is_not_a_stale_button(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    for label in ("✅ 说完了", "Skip", "删除手机号"):
        await _refused(d, STAFF, label, keyboard=["✖️ 取消"])
    [ask] = await d.say(STAFF, "是否在1号楼加装电梯？")
    assert "请输入选项" in message_text(ask)
    await _refused(d, STAFF, "跳过", keyboard=STEP)  # after the question: 上一步 too
    [ask] = await d.say(STAFF, "同意\n不同意")
    assert "单选" in str(ask["reply_markup"])
    async with h.sessionmaker() as session:
        assert not (await session.exec(select(Poll))).all()


async def test_topic_detail_takes_skip_but_not_other_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [hub] = await d.say(ZHOU, "🗳 近期议事")
    await d.tap(ZHOU, "✍️ 提议题", hub["message_id"])
    await d.expect(ZHOU, "想讨论的事")
    await _refused(d, ZHOU, "✅ 说完了", keyboard=["✖️ 取消"])
    await _refused(d, ZHOU, "跳过", keyboard=["✖️ 取消"])  # a title cannot be skipped
    [ask] = await d.say(ZHOU, "小区东门路灯太暗")
    assert "跳过" in message_text(ask)
    # the optional step keeps its skip button in the answer, and skip still works
    await _refused(d, ZHOU, "✅ 说完了", keyboard=["跳过", "✖️ 取消"])
    await _refused(d, ZHOU, "📍 发送位置", keyboard=["跳过", "✖️ 取消"])
    [done] = await d.say(ZHOU, "跳过")
    assert "议题已提交：小区东门路灯太暗" in message_text(done)
    async with h.sessionmaker() as session:
        [topic] = (await session.exec(select(Topic))).all()
    assert topic.title == "小区东门路灯太暗" and not topic.detail
