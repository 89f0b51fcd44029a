"""A resident who files a 6th request within 10 minutes is told politely when they can submit
again, and what they wrote (text and photo) is kept: 我要点单 brings the preview back, and the
same 确认提交 files it once the time has passed, also after another menu was opened in between
(the sandbox runs the default limits: 5 in 10 minutes)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlmodel import col, select

from models.orders import Attachment, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, png


async def _last_id(h: Harness, chat_id: int) -> int:
    messages = await h.driver.messages(chat_id)
    return int(messages[-1]["message_id"]) if messages else 0


async def _requests(h: Harness) -> list[Request]:
    async with h.sessionmaker() as s:
        return list((await s.exec(select(Request).order_by(col(Request.id)))).all())


async def test_sixth_request_in_ten_minutes_waits_and_keeps_the_draft(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    for i in range(5):  # five within the same minute are accepted
        await _file(h, ZHOU, f"{i + 1}号楼楼道灯坏了，晚上很黑")
        h.clock.advance(timedelta(seconds=20))
    staff_seen = await _last_id(h, STAFF)
    seen = await _last_id(h, ZHOU)
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "6号楼门口的井盖松了，踩上去会晃")
    await d.send(ZHOU, photo=png())
    await d.expect(ZHOU, "收到照片（共 1 张）", since=seen)
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    refusal = message_text(await d.expect(ZHOU, "后再提交", since=seen))
    # the first one (100 s ago) leaves the 10-minute window in 8 min 20 s: said as 9 minutes
    assert "10 分钟内已经提交了 5 件诉求" in refusal and "请 9 分钟后再提交" in refusal
    assert "您写的内容都还在" in refusal
    assert len(await _requests(h)) == 5  # nothing filed, nobody told
    assert not [
        m
        for m in await d.messages(STAFF)
        if m["message_id"] > staff_seen and "井盖" in message_text(m)
    ]
    # another menu in between leaves the flow, but 我要点单 brings the held request back
    await d.say(ZHOU, "📂 我的诉求")
    seen = await _last_id(h, ZHOU)
    [*_, again] = await d.say(ZHOU, "📝 我要点单")
    text = message_text(again)
    assert "上次还没提交成功的诉求还在" in text
    assert "6号楼门口的井盖松了" in text and "照片：1 张" in text
    # tapping too early is refused again, and still nothing is lost
    await d.tap(ZHOU, "确认提交")
    assert "请 9 分钟后再提交" in message_text(await d.expect(ZHOU, "后再提交", since=seen))
    # the preview's button still files it after another menu left the flow
    await d.say(ZHOU, "📂 我的诉求")
    h.clock.advance(timedelta(minutes=9))
    await d.tap(ZHOU, "确认提交", again["message_id"])
    # the preview itself becomes the confirmation
    filed = message_text(await d.expect(ZHOU, "已提交，编号", since=again["message_id"] - 1))
    stored = await _requests(h)
    assert len(stored) == 6 and stored[-1].number in filed
    assert stored[-1].text == "6号楼门口的井盖松了，踩上去会晃"
    async with h.sessionmaker() as s:
        photos = (
            await s.exec(select(Attachment).where(col(Attachment.request_id) == stored[-1].id))
        ).all()
    assert [a.kind for a in photos] == ["photo"]
    await d.expect(STAFF, f"诉求 {stored[-1].number}", since=staff_seen)
    # once filed, it is no longer held: 我要点单 starts a new request
    [*_, fresh] = await d.say(ZHOU, "📝 我要点单")
    assert "请说说" in message_text(fresh)


@pytest.mark.sandbox_settings(request_burst_limit=1)
async def test_deleting_ones_data_deletes_a_held_request_too(linli_sandbox: Harness) -> None:
    """What a resident wrote and could not submit yet is personal data: /forget removes it."""
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")  # the limit is set to 1 here
    seen = await _last_id(h, ZHOU)
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "我家电话13900000001，井盖松了")
    await d.say(ZHOU, "✅ 说完了")
    await d.tap(ZHOU, "确认提交")
    await d.expect(ZHOU, "后再提交", since=seen)
    held = StorageKey(
        bot_id=h.sandbox.app.bot.id, chat_id=ZHOU, user_id=ZHOU, destiny="held-request"
    )
    storage = h.sandbox.app.dp.storage
    assert "井盖松了" in str(await storage.get_data(held))
    [question] = await d.say(ZHOU, "/forget")
    await d.tap(ZHOU, "确定删除", question["message_id"])
    await d.expect(ZHOU, "已删除", since=question["message_id"])
    assert await storage.get_data(held) == {}
