"""The keyboard under a step of the meeting and poll forms fits that step.

The kind is the meeting form's first step: there is nothing before it, so back at the kinds from
the title the keyboard is ✖️ 取消 alone (as at 新建投票's question and 发通知's audience), and
⬅️ 上一步 pressed there anyway is answered as not used at this step, the kinds and what was typed
kept. Before, the title's ⬅️ 上一步 / ✖️ 取消 stayed on screen at the kinds, and each ⬅️ 上一步
sent the kinds again. A step answered with buttons (the audience, single or multiple choice)
keeps ⬅️ 上一步 on the keyboard when text is typed there (the general answer's keyboard had
✖️ 取消 alone), and the poll's maximum brings its own ⬅️ 上一步 / ✖️ 取消."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_meetings import STAFF
from tests.e2e.conftest import Harness
from tests.support import keyboard_labels, reply_to


async def test_back_at_the_kinds_offers_cancel_alone_and_keeps_the_form(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    kinds = await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话", kinds["message_id"])
    await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    await reply_to(d, STAFF, "停车难议事会", "请输入议程")
    await reply_to(d, STAFF, "⬅️ 上一步", "会议标题")
    # back at the first step: 取消 alone, and what was chosen there is said
    note = await reply_to(d, STAFF, "⬅️ 上一步", "回到了第一步")
    assert keyboard_labels(note) == ["✖️ 取消"]
    assert "楼栋夜话" in message_text(note)
    kinds = await d.expect(STAFF, "请选择会议类型", since=note["message_id"])
    # nothing before the first step: back is not used there, and the form stays as it was
    for typed in ("⬅️ 上一步", "上一步"):
        answer = await reply_to(d, STAFF, typed, "这一步用不上")
        assert keyboard_labels(answer) == ["✖️ 取消"]
    asked_again = [
        m
        for m in await d.messages(STAFF, kinds["message_id"])
        if m["from"]["is_bot"] and "请选择会议类型" in message_text(m)
    ]
    assert asked_again == []
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    title = await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    assert "停车难议事会" in message_text(title)  # what was typed is still there
    assert keyboard_labels(title) == ["⬅️ 上一步", "✖️ 取消"]


async def test_text_at_the_audience_keeps_back_on_the_keyboard(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    kinds = await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "居民议事会", kinds["message_id"])
    await d.expect(STAFF, "会议标题", since=kinds["message_id"])
    await reply_to(d, STAFF, "停车难议事会", "请输入议程")
    await reply_to(d, STAFF, "介绍方案", "开会时间")
    duration = await reply_to(d, STAFF, "2026-11-25 19:30", "多长时间")
    await d.tap(STAFF, "90 分钟", duration["message_id"])
    await d.expect(STAFF, "开会地点", since=duration["message_id"])
    await reply_to(d, STAFF, "社区会议室", "面向哪些人")
    # words naming no button ('全社区' typed is the button since the form reads it)
    answer = await reply_to(d, STAFF, "随便", "点上面消息里的按钮")
    assert keyboard_labels(answer) == ["⬅️ 上一步", "✖️ 取消"]
    place = await reply_to(d, STAFF, "⬅️ 上一步", "开会地点")
    assert "社区会议室" in message_text(place)


async def test_poll_button_steps_keep_back_on_the_keyboard(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await reply_to(d, STAFF, "小区停车怎么收费", "每行一个")
    multiple = await reply_to(d, STAFF, "按月收费\n按次收费\n免费", "单选还是多选")
    # words naming no button ('多选' typed is the button since the form reads typed answers)
    answer = await reply_to(d, STAFF, "随便", "点上面消息里的按钮")
    assert keyboard_labels(answer) == ["⬅️ 上一步", "✖️ 取消"]
    await d.tap(STAFF, "多选", multiple["message_id"])
    most = await d.expect(STAFF, "最多可以选几项", since=answer["message_id"])
    assert keyboard_labels(most) == ["⬅️ 上一步", "✖️ 取消"]
    await reply_to(d, STAFF, "⬅️ 上一步", "单选还是多选")
