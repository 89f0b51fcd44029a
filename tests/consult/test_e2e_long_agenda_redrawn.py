"""A meeting whose agenda makes its messages go in parts (tests/consult/test_e2e_long_agenda.py):
changed from a tap on its last part (the one with the buttons), each message reads whole as it
is now, its parts edited in place, nothing sent again.

- The staff preview, 📣 发布 tapped on its last part, reads 已发布 from its first part; before,
  only the part tapped was edited (with the start of the preview) and the rest sent again
  below it, the first part still saying 预览.
- A resident's announcement in parts is redrawn when the place changes (the part with 📍 reads
  the new place, 去 / 不确定 / 不去 still under the last part), marks their answer when they
  tap 去 on it, and says the meeting was cancelled, its buttons gone, once it is; before, it was
  never redrawn: 吴大爷, who had not answered, went on reading the old place and tapping 去 on a
  cancelled meeting."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlmodel import select

from models import User
from models.consultations import Meeting
from sandbox.driver import Driver, message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.test_e2e_long_agenda import AGENDA, ITEMS
from tests.consult.test_e2e_meeting_redrawn import STAFF_ROLES
from tests.consult.test_e2e_meetings import STAFF, WU, ZHOU
from tests.e2e.conftest import Harness

TITLE = "1号楼加装电梯夜话"
RSVP = ["去", "不确定", "不去"]


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


def _bot(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m["from"]["is_bot"] and not m["deleted"]]


def _whole(parts: list[dict[str, Any]]) -> str:
    return "".join(message_text(m) for m in parts)


async def _now(d: Driver, chat: int, ids: list[int]) -> list[dict[str, Any]]:
    """These messages of the chat as they are now (after edits), in order."""
    shown = {m["message_id"]: m for m in await d.messages(chat)}
    return [shown[i] for i in ids]


async def _until(
    d: Driver, chat: int, ids: list[int], done: Callable[[list[dict[str, Any]]], bool]
) -> list[dict[str, Any]]:
    """These messages once `done` says they read so (or as they are after 10 s): the outbox
    redraws them a moment after the change."""
    deadline = time.monotonic() + 10.0
    while True:
        parts = await _now(d, chat, ids)
        remaining = deadline - time.monotonic()
        if done(parts) or remaining <= 0:
            return parts
        latest = max(m["message_id"] for m in await d.messages(chat))
        await d.wait(chat, since=latest, timeout=min(remaining, 1.0))


async def _preview(d: Driver) -> list[dict[str, Any]]:
    """李社工 fills in the meeting with the longest agenda: its preview, in parts."""
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, TITLE)
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
    first = await d.expect(STAFF, "预览", since=sent["message_id"])
    await d.replies(STAFF, sent["message_id"])
    preview = _bot(await d.messages(STAFF, first["message_id"] - 1))
    assert len(preview) >= 2 and all(item in _whole(preview) for item in ITEMS)
    return preview


async def _announcement(d: Driver, chat: int) -> list[int]:
    """The resident's announcement, in parts (去 under the last): their ids."""
    first = await d.expect(chat, "议事会通知")
    await d.replies(chat, first["message_id"] - 1)
    parts = _bot(await d.messages(chat, first["message_id"] - 1))
    assert len(parts) >= 2 and all(item in _whole(parts) for item in ITEMS)
    assert _labels(parts[-1])[:3] == RSVP
    return [m["message_id"] for m in parts]


async def _items_shown(d: Driver, chat: int) -> int:
    """How many of the chat's messages show the agenda's last item."""
    return sum(1 for m in _bot(await d.messages(chat)) if ITEMS[-1] in message_text(m))


async def test_the_preview_reads_published_from_its_first_part(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    preview = await _preview(d)
    ids = [m["message_id"] for m in preview]
    assert "预览" in message_text(preview[0])
    await d.tap(STAFF, "📣 发布", ids[-1])
    await d.expect(STAFF, "已发布，正在通知 3 人")
    parts = await _now(d, STAFF, ids)
    assert not any(m["deleted"] for m in parts)
    assert "预览" not in message_text(parts[0]) and "已发布" in message_text(parts[0])
    assert all(item in _whole(parts) for item in ITEMS)
    assert [_labels(m) for m in parts] == [[] for _ in parts]  # its buttons spent
    assert await _items_shown(d, STAFF) == 1  # nothing of it sent again
    assert await d.errors() == []


async def test_an_announcement_in_parts_is_redrawn_in_place(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(d)
    await d.tap(STAFF, "📣 发布", preview[-1]["message_id"])
    await d.expect(STAFF, "已发布，正在通知 3 人")
    wu = await _announcement(d, WU)
    zhou = await _announcement(d, ZHOU)

    # the place changed: 吴大爷, who has not answered, reads the new one, 去 still under it
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📋 议事会列表")
    listed = await d.expect(STAFF, "近期议事会")
    await d.tap(STAFF, TITLE, listed["message_id"])
    card = await d.expect(STAFF, "签到码", since=listed["message_id"])
    await d.tap(STAFF, "✏️ 修改", card["message_id"])
    await d.expect(STAFF, "要修改什么")
    await d.tap(STAFF, "地点/链接")
    await d.expect(STAFF, "请输入新的内容")
    await d.say(STAFF, "社区活动室")
    await d.expect(STAFF, "已修改，正在通知")
    parts = await _until(d, WU, wu, lambda p: "社区活动室" in _whole(p))
    assert "📍 社区活动室" in _whole(parts) and "1号楼架空层" not in _whole(parts)
    assert all(item in _whole(parts) for item in ITEMS)
    assert _labels(parts[-1])[:3] == RSVP
    assert [_labels(m) for m in parts[:-1]] == [[] for _ in parts[:-1]]
    assert await _items_shown(d, WU) == 1  # edited in place, nothing sent again

    # 周阿姨 answers 去 on hers: its last part marks it, the rest reads as it did
    before = await _until(d, ZHOU, zhou, lambda p: "社区活动室" in _whole(p))
    await d.tap(ZHOU, "去", zhou[-1])
    await d.expect(ZHOU, "已报名", since=zhou[-1])
    parts = await _until(d, ZHOU, zhou, lambda p: "✅ 去" in _labels(p[-1]))
    assert _labels(parts[-1])[:3] == ["✅ 去", "不确定", "不去"]
    assert _whole(parts) == _whole(before)
    assert await _items_shown(d, ZHOU) == 1

    # cancelled: no 去 to tap any more, and the announcement says why
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting).where(Meeting.title == TITLE))).one()
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.cancel_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            reason="台风",
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )
    for chat, ids in ((WU, wu), (ZHOU, zhou)):
        parts = await _until(d, chat, ids, lambda p: "已取消" in _whole(p))
        assert "这次议事会已取消。原因：台风" in _whole(parts)
        assert "请点下方按钮" not in _whole(parts)
        assert all(RSVP[0] not in _labels(m) and "✅ 去" not in _labels(m) for m in parts)
        assert all(item in _whole(parts) for item in ITEMS)
        assert await _items_shown(d, chat) == 1
    assert await d.errors() == []
