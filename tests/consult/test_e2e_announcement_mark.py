"""A resident's own copy of a meeting's announcement marks the answer they gave ('✅ 去'):
at once when they answer on it, when they answer on the meeting's card instead, and after the
meeting changes (a 延期 redraws it with the new time and the mark kept). Before, the
announcement kept 去 / 不确定 / 不去 as sent, not showing what they had said."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    _postpone,
    _reads,
    _redrawn,
    _scheduler,
    _shown,
)
from tests.consult.test_e2e_qa_polls import current
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, ZHOU
from tests.support import reply_to


async def test_the_announcement_marks_the_answer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite = await d.expect(ZHOU, "楼道改造议事会")
    sent_text = message_text(invite)
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    text, labels = await _reads(d, ZHOU, invite["message_id"])
    assert labels == ["✅ 去", "不确定", "不去", "❓ 问组织者"] and text == sent_text
    await d.tap(ZHOU, "不去", invite["message_id"])
    no = await d.expect(ZHOU, "已记录「不去」", since=invite["message_id"])
    assert (await _reads(d, ZHOU, invite["message_id"]))[1] == [
        "去",
        "不确定",
        "✅ 不去",
        "❓ 问组织者",
    ]
    # the same answer again: nothing to redraw (no 'message is not modified')
    await d.tap(ZHOU, "✅ 不去", invite["message_id"])
    await d.expect(ZHOU, "已记录「不去」", since=no["message_id"])
    # answered on the card: the announcement follows
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "楼道改造议事会", hub["message_id"])
    card = await d.expect(ZHOU, "您的报名：", since=hub["message_id"])
    await d.tap(ZHOU, "不确定", card["message_id"])
    await d.expect(ZHOU, "已记录「不确定」", since=card["message_id"])
    await service.drain()
    await _redrawn(d, ZHOU, invite["message_id"], "楼道改造议事会")
    assert (await _reads(d, ZHOU, invite["message_id"]))[1] == [
        "去",
        "✅ 不确定",
        "不去",
        "❓ 问组织者",
    ]
    # 延期: the announcement reads the new time and keeps the mark; 吴大爷, who did not
    # answer, has none
    new = _shown(h, meeting.starts_at + timedelta(days=2))
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, invite["message_id"], new)
    assert new in text and labels == ["去", "✅ 不确定", "不去", "❓ 问组织者"]
    wu_invite = await d.expect(WU, "楼道改造议事会")
    text, labels = await _redrawn(d, WU, wu_invite["message_id"], new)
    assert new in text and labels == ["去", "不确定", "不去", "❓ 问组织者"]
    assert not (await current(d, ZHOU, card["message_id"]))["deleted"]
    assert await d.errors() == []
