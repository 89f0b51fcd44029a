"""A resident's 延期 notice asks 去 / 不确定 / 不去 as the announcement does, and marks the answer
as the announcement does ('✅ 去'): at once when they answer on it, when they answer elsewhere
(the announcement, the meeting's card), and after the meeting changes again (a second 延期 adds
what is true now under it and keeps the mark). One who answered before the 延期 gets it marked,
and one held for the night shows the answer they have when it goes. Before, it kept its buttons
as sent, none marked."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sandbox.driver import Driver, message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    _postpone,
    _reads,
    _redrawn,
    _scheduler,
    _shown,
    _sign_up,
)
from tests.consult.test_e2e_qa_polls import current
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, ZHOU
from tests.support import reply_to


async def test_the_postponed_notice_marks_the_answer(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    invite = await d.expect(ZHOU, "楼道改造议事会")
    later = meeting.starts_at + timedelta(days=2)
    await _postpone(h, meeting, later)
    await service.drain()
    notice = await d.expect(ZHOU, "议事会延期", since=invite["message_id"])
    sent_text = message_text(notice)
    assert _shown(h, later) in sent_text
    # answered on the notice: its buttons mark the answer, its words stay as they were
    await d.tap(ZHOU, "去", notice["message_id"])
    going = await d.expect(ZHOU, "已报名", since=notice["message_id"])
    text, labels = await _reads(d, ZHOU, notice["message_id"])
    assert labels == ["✅ 去", "不确定", "不去", "❓ 问组织者"] and text == sent_text
    await d.tap(ZHOU, "不去", notice["message_id"])
    no = await d.expect(ZHOU, "已记录「不去」", since=going["message_id"])
    assert (await _reads(d, ZHOU, notice["message_id"]))[1] == [
        "去",
        "不确定",
        "✅ 不去",
        "❓ 问组织者",
    ]
    # the same answer again: nothing to redraw (no 'message is not modified')
    await d.tap(ZHOU, "✅ 不去", notice["message_id"])
    await d.expect(ZHOU, "已记录「不去」", since=no["message_id"])
    # the announcement shows the same answer
    await service.drain()
    assert (await _reads(d, ZHOU, invite["message_id"]))[1] == [
        "去",
        "不确定",
        "✅ 不去",
        "❓ 问组织者",
    ]
    # answered on the card: the notice follows
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "楼道改造议事会", hub["message_id"])
    card = await d.expect(ZHOU, "您的报名：", since=hub["message_id"])
    await d.tap(ZHOU, "不确定", card["message_id"])
    await d.expect(ZHOU, "已记录「不确定」", since=card["message_id"])
    await service.drain()
    text, labels = await _reads(d, ZHOU, notice["message_id"])
    assert labels == ["去", "✅ 不确定", "不去", "❓ 问组织者"] and text == sent_text
    # 延期 again: the first notice says what is true now and keeps the mark; 吴大爷, who did
    # not answer, has none
    latest = later + timedelta(days=1)
    await _postpone(h, meeting, latest)
    await service.drain()
    text, labels = await _redrawn(d, ZHOU, notice["message_id"], "之后又有变动")
    assert _shown(h, latest) in text and labels == ["去", "✅ 不确定", "不去", "❓ 问组织者"]
    # the second notice comes with her answer marked (not edited so afterwards)
    second = await d.expect(ZHOU, f"新时间：{_shown(h, latest)}", since=notice["message_id"])
    assert (await _reads(d, ZHOU, second["message_id"]))[1] == [
        "去",
        "✅ 不确定",
        "不去",
        "❓ 问组织者",
    ]
    assert not (await current(d, ZHOU, second["message_id"]))["edited"]
    wu_notice = await d.expect(WU, "议事会延期")
    text, labels = await _redrawn(d, WU, wu_notice["message_id"], "之后又有变动")
    assert _shown(h, latest) in text and labels == ["去", "不确定", "不去", "❓ 问组织者"]
    assert await d.errors() == []


async def _marked(d: Driver, chat: int, message_id: int, labels: list[str]) -> list[str]:
    """The message's buttons once they read `labels` (or as they are after 5 s): a redraw once
    a message is sent is queued after it, so it may land a moment later."""
    deadline = time.monotonic() + 5.0
    while True:
        shown = (await _reads(d, chat, message_id))[1]
        remaining = deadline - time.monotonic()
        if shown == labels or remaining <= 0:
            return shown
        latest = max(m["message_id"] for m in await d.messages(chat))
        await d.wait(chat, since=latest, timeout=min(remaining, 1.0))  # a write or an edit


async def test_a_notice_held_for_the_night_marks_the_answer_when_it_goes(
    linli_sandbox: Harness,
) -> None:
    """周阿姨 signed up by day; at 23:00 the meeting is postponed (her notice, made with ✅ 去,
    is held until 07:00) and she answers 不去 on her card: at 07:00 the notice marks 不去."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai
    meeting = await published_meeting(h, title="楼道改造议事会")
    _, _, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00
    await _postpone(h, meeting, meeting.starts_at + timedelta(days=2))
    await d.tap(ZHOU, "不去", card)
    await d.expect(ZHOU, "已记录「不去」", since=card)
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))  # 07:01
    await _scheduler(h).drain(now=h.clock())
    notice = await d.expect(ZHOU, "议事会延期", since=card)
    marked = ["去", "不确定", "✅ 不去", "❓ 问组织者"]
    assert await _marked(d, ZHOU, notice["message_id"], marked) == marked
    assert await d.errors() == []
