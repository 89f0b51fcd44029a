"""The check-in code (签到码) of a meeting that was cancelled, or is over, typed by a resident:
they are told so, and it is not a wrong code — no attempt of the few allowed is used up.
Before, a cancelled meeting's code, and the code of a meeting whose minutes were published,
read '签到码不对…还可以再试 4 次'."""

from __future__ import annotations

from datetime import timedelta

from models import Role, User
from models.consultations import Meeting
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import STAFF, published_meeting
from tests.e2e.conftest import Harness
from tests.support import reply_to

WU = 4002  # 吴大爷
STAFF_ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def _cancel(h: Harness, meeting: Meeting) -> None:
    async with h.sessionmaker() as session:
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


async def _publish_minutes(h: Harness, meeting: Meeting) -> None:
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.publish_minutes(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            minutes="大家同意修路灯。",
            decisions=["修复路灯"],
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def test_a_code_of_a_cancelled_or_past_meeting_is_not_a_wrong_code(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    start = h.clock() + timedelta(hours=1)
    cancelled = await published_meeting(h, title="楼道改造议事会", starts_at=start)
    past = await published_meeting(h, title="路灯议事会", starts_at=start)
    await _cancel(h, cancelled)
    h.clock.set(start + timedelta(hours=3))  # 路灯议事会 (90 minutes) is over
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "🔢 输入签到码", hub["message_id"])
    await d.expect(WU, "6 位签到码", since=hub["message_id"])
    await reply_to(d, WU, cancelled.checkin_code or "", "已经取消了，不用签到了")
    await reply_to(d, WU, past.checkin_code or "", "已经结束了")
    await _publish_minutes(h, past)
    await reply_to(d, WU, past.checkin_code or "", "已经结束了")
    # none of these used up an attempt: a wrong code still leaves 4 more
    await reply_to(d, WU, "000000", "签到码不对，请核对工作人员出示的签到码。还可以再试 4 次。")
    assert await d.errors() == []


async def test_a_code_of_a_meeting_over_long_ago_is_a_wrong_code(linli_sandbox: Harness) -> None:
    """A week after a meeting's end its code is one the bot does not know, like any other: a
    wrong code ('签到码不对…', one attempt used up). Within the week it is still answered
    '已经结束了'. Before, every past meeting's code was answered so, however old."""
    h = linli_sandbox
    d = h.driver
    start = h.clock() + timedelta(hours=1)
    past = await published_meeting(h, title="路灯议事会", starts_at=start)
    ended = start + timedelta(minutes=90)
    h.clock.set(ended + meetings.CODE_KNOWN_AFTER_END - timedelta(minutes=1))
    hub = await reply_to(d, WU, "🗳 近期议事", "近期议事")
    await d.tap(WU, "🔢 输入签到码", hub["message_id"])
    await d.expect(WU, "6 位签到码", since=hub["message_id"])
    await reply_to(d, WU, past.checkin_code or "", "已经结束了")
    await _publish_minutes(h, past)
    await reply_to(d, WU, past.checkin_code or "", "已经结束了")
    h.clock.set(ended + meetings.CODE_KNOWN_AFTER_END + timedelta(minutes=1))
    wrong = "签到码不对，请核对工作人员出示的签到码。还可以再试 4 次。"
    await reply_to(d, WU, past.checkin_code or "", wrong)
    assert await d.errors() == []
