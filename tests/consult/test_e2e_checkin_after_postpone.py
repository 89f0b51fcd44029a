"""Check-in (签到) of a meeting that was postponed (延期) while check-in was open: a tap on the
📍 签到 of the notice she got, or the code typed, before check-in opens for the new time tells
周阿姨 when it opens. Before, she read '现在不在签到时间内（开会前 30 分钟到会议结束）', which
did not say when that is, nor that the meeting had moved."""

from __future__ import annotations

from datetime import timedelta

from services.consult_common import checkin_data
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import _postpone, _scheduler, _shown
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHOU
from tests.support import reply_to


async def test_check_in_before_the_new_window_says_when_it_opens(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = _scheduler(h)
    start = h.clock() + timedelta(hours=3)
    meeting = await published_meeting(h, title="楼道改造议事会", starts_at=start)
    invite = await d.expect(ZHOU, "楼道改造议事会")
    await d.tap(ZHOU, "去", invite["message_id"])
    await d.expect(ZHOU, "已报名", since=invite["message_id"])
    h.clock.set(start - timedelta(minutes=20))
    await service.run_due(now=h.clock())
    await service.drain(now=h.clock())
    checkin = await d.expect(ZHOU, "现在开始签到", since=invite["message_id"])
    later = start + timedelta(days=1)
    await _postpone(h, meeting, later)
    opens = (later - timedelta(minutes=30)).astimezone(h.sandbox.app.settings.zone)
    told = f"在 {_shown(h, later)} 开会，{opens:%H:%M} 开始签到（开会前 30 分钟）"
    # the button tapped before its redraw lands
    tapped = await d.click(ZHOU, checkin["message_id"], data=checkin_data(meeting.id or 0))
    assert told in str(tapped) and "不在签到时间内" not in str(tapped), tapped
    # the code typed
    hub = await reply_to(d, ZHOU, "🗳 近期议事", "近期议事")
    await d.tap(ZHOU, "🔢 输入签到码", hub["message_id"])
    await d.expect(ZHOU, "6 位签到码", since=hub["message_id"])
    await reply_to(d, ZHOU, meeting.checkin_code or "", told)
    assert await d.errors() == []
