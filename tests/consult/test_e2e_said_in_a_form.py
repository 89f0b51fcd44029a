"""A meeting or a poll staff describe in one message halfway through another form (发通知 with
its buildings chosen): asked first, as a form's button is (handlers.form_guard) — ↩️ 填进
「发通知」，继续填写 keeps the form where it was, the words its step's answer without being sent
again (before, they had to be); ✍️ 不填了 begins the new form with the words. Before, the step
took the words at once (here: as the notice's text) and the meeting form was never offered."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, reply_to

STAFF = 2001  # 李社工
MEETING = "下周三晚上7点开个议事会，讨论加装电梯"
POLL = "发起一个投票：是否同意加装电梯"


async def _notice_half_filled(h: Harness) -> None:
    """发通知 begun, a building chosen: its text is asked."""
    d = h.driver
    asked = await reply_to(d, STAFF, "📢 发通知", "发给谁")
    await d.tap(STAFF, "选几栋楼", asked["message_id"])
    picked = await d.expect(STAFF, "请点选楼栋", since=asked["message_id"] - 1)
    await d.tap(STAFF, "1号楼", picked["message_id"])
    await d.tap(STAFF, "选好了", picked["message_id"])
    await d.expect(STAFF, "请输入通知内容", since=picked["message_id"] - 1)


async def test_kept_the_words_go_to_the_form_without_typing_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _notice_half_filled(h)
    asked = await reply_to(d, STAFF, MEETING, "没有填完")
    assert "「发通知」" in message_text(asked) and "新建议事会" in message_text(asked)
    assert inline_labels(asked) == ["↩️ 填进「发通知」，继续填写", "✍️ 不填了，开始新建议事会"]
    await d.tap(STAFF, "继续填写", asked["message_id"])
    await d.expect(STAFF, "刚才那句作为这一步的内容填进去", since=asked["message_id"])
    # not sent again: the words carried over as the notice's text (before: '请再发一次')
    preview = await d.expect(STAFF, "将发给", since=asked["message_id"])
    assert MEETING in message_text(preview) and "将发给 3 人" in message_text(preview)
    sent = [m for m in await d.messages(STAFF, asked["message_id"]) if not m["from"]["is_bot"]]
    assert sent == [], sent  # nothing typed again
    again = await d.click(STAFF, asked["message_id"], data="csd:go")  # its old button: stale
    assert again["answer"] is not None and again["answer"]["show_alert"], again
    assert await d.errors() == []


async def test_left_the_new_form_begins_with_the_words(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _notice_half_filled(h)
    asked = await reply_to(d, STAFF, MEETING, "没有填完")
    await d.tap(STAFF, "不填了", asked["message_id"])
    taken = await d.expect(STAFF, "已记下", since=asked["message_id"])
    assert "居民议事会 · 加装电梯" in message_text(taken), message_text(taken)
    await d.expect(STAFF, "请输入议程", since=asked["message_id"])
    # a poll said halfway through 发通知: asked first too, its form begun with the question
    await d.say(STAFF, "/cancel")
    await _notice_half_filled(h)
    asked = await reply_to(d, STAFF, POLL, "没有填完")
    assert "新建投票" in message_text(asked)
    await d.tap(STAFF, "不填了", asked["message_id"])
    await d.expect(STAFF, "是否同意加装电梯", since=asked["message_id"])
    assert await d.errors() == []


async def test_at_the_menu_and_in_its_own_form_nothing_is_asked(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    taken = await reply_to(d, STAFF, MEETING, "已记下")  # at the menu: as before
    assert "没有填完" not in message_text(taken)
    # the meeting form's own step takes what is typed there (the agenda)
    await d.expect(STAFF, "请输入议程", since=taken["message_id"] - 1)
    said = await d.say(STAFF, "开会讨论加装电梯的费用")
    assert not [m for m in said if "没有填完" in message_text(m)], [message_text(m) for m in said]
    assert await d.errors() == []
