"""The staff list of who came to a meeting names someone who deleted their data (/forget) as
the rest of the product does ('（已删除个人信息）'), not by the number of their account: their
sign-up to a meeting already held stays (attendance), their name and account do not."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.consult.published import published_meeting
from tests.consult.test_e2e_forget import _forget
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU
from tests.support import reply_to


async def test_attendee_who_deleted_their_data_reads_so(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    meeting = await published_meeting(h, title="楼道改造议事会")
    await service.drain()
    for who in (ZHOU, WU):
        card = await d.expect(who, "楼道改造议事会")
        await d.tap(who, "去", card["message_id"])
        await d.expect(who, "已报名", since=card["message_id"])
    h.clock.set(meeting.starts_at + timedelta(hours=3))  # the meeting is over
    await _forget(h, ZHOU)
    greeting = await reply_to(d, STAFF, "/start", "您好")
    await d.click(STAFF, greeting["message_id"], data=f"cmt:attendees:{meeting.id}:0")
    listed = message_text(await d.expect(STAFF, "报名名单", since=greeting["message_id"]))
    assert "吴大爷" in listed
    assert "（已删除个人信息）" in listed
    assert str(ZHOU) not in listed
