"""A meeting with the longest agenda staff may type (2,000 characters in 20 items, mostly
emoji, so its screens are longer than one Telegram message as it counts them): the preview, the
announcement and the staff card arrive whole in several messages (bot.long_messages, the
outbox sender), their buttons under the last part still work, and an announcement redrawn after
a change is edited in place, its rest not sent again."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from services.delivery import TEXT_LIMIT, utf16_len
from tests.consult.test_e2e_meetings import STAFF, WU, ZHOU
from tests.e2e.conftest import Harness

ITEMS = [f"第{i:02d}项" + "🏗🛗"[i % 2] * 96 for i in range(20)]  # 100 characters each
AGENDA = "\n".join(ITEMS)


def _bot(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m["from"]["is_bot"] and not m["deleted"]]


def _inline_labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _status_lines(messages: list[dict[str, Any]]) -> list[int]:
    """The staff card's messages that say how many answered (its last lines)."""
    return [m["message_id"] for m in _bot(messages) if "报名：参加" in message_text(m)]


def _has_all(messages: list[dict[str, Any]]) -> bool:
    shown = "".join(message_text(m) for m in messages)
    return all(item in shown for item in ITEMS)


async def test_the_longest_agenda_is_shown_whole_and_its_buttons_work(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert len(AGENDA) == 2019 and utf16_len(AGENDA) <= TEXT_LIMIT  # one message to type
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "1号楼加装电梯夜话")
    await d.say(STAFF, AGENDA)
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    await d.say(STAFF, "1号楼架空层")
    await d.tap(STAFF, "指定楼栋")
    pick = await d.expect(STAFF, "可多选")
    await d.tap(STAFF, "1号楼", pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    await d.expect(STAFF, "最多多少人")
    sent = await d.send(STAFF, "30")
    await d.expect(STAFF, "预览", since=sent["message_id"])
    preview = _bot(await d.replies(STAFF, sent["message_id"]))
    assert len(preview) >= 2 and _has_all(preview)
    assert all(utf16_len(message_text(m)) <= TEXT_LIMIT for m in preview)
    await d.tap(STAFF, "📣 发布", preview[-1]["message_id"])
    await d.expect(STAFF, "已发布，正在通知 3 人")

    # the announcement, in parts, 去 under the last one
    first = await d.expect(ZHOU, "议事会通知")
    await d.replies(ZHOU, first["message_id"] - 1)
    invite = _bot(await d.messages(ZHOU, first["message_id"] - 1))
    assert len(invite) >= 2 and _has_all(invite)
    await d.tap(ZHOU, "去", invite[-1]["message_id"])
    await d.expect(ZHOU, "已报名")

    # the place changed: those who answered are told; nothing of the announcement goes again
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会")
    await d.tap(STAFF, "1号楼加装电梯夜话", listed["message_id"])
    card = await d.expect(STAFF, "签到码", since=listed["message_id"])
    await d.tap(STAFF, "✏️ 修改", card["message_id"])
    await d.expect(STAFF, "要修改什么")
    await d.tap(STAFF, "地点/链接")
    await d.expect(STAFF, "请输入新的内容")
    await d.say(STAFF, "社区活动室")
    await d.expect(STAFF, "已修改，正在通知")
    await d.expect(ZHOU, "议事会有变动")
    # changed again: the staff card, redrawn in place in two messages, sends nothing again
    # (bot.long_messages edits the rest it sent below it the first time)
    tails = _status_lines(await d.messages(STAFF))
    [card] = [m for m in _bot(await d.messages(STAFF)) if "✏️ 修改" in _inline_labels(m)][-1:]
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(STAFF, "✏️ 修改", card["message_id"])
    asked = await d.expect(STAFF, "要修改什么", since=last)
    await d.tap(STAFF, "地点/链接", asked["message_id"])
    await d.expect(STAFF, "请输入新的内容", since=asked["message_id"])
    sent = await d.send(STAFF, "社区二楼会议室")
    await d.expect(STAFF, "已修改，正在通知", since=sent["message_id"])
    await d.expect(ZHOU, "社区二楼会议室")
    assert _status_lines(await d.messages(STAFF)) == tails
    for resident in (ZHOU, WU):
        shown = _bot(await d.messages(resident))
        last_item = [m for m in shown if ITEMS[-1] in message_text(m)]
        assert len(last_item) == 1, [message_text(m)[:40] for m in shown]
    assert await d.errors() == []
