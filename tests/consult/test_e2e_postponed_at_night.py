"""A meeting changed at night, when notices about it are held until the morning (quiet hours):
the morning brings what holds, not a time the meeting no longer has (found walking the flows
as 周阿姨, who signed up, while 李社工 changed the meeting late in the evening)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import User
from models.consultations import Meeting
from sandbox.driver import message_text
from services import meetings
from services.consult_common import Notifier
from tests.consult.published import published_meeting
from tests.consult.test_e2e_meeting_redrawn import (
    STAFF_ROLES,
    _postpone,
    _scheduler,
    _shown,
    _sign_up,
)
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU


async def _edit(h: Harness, meeting: Meeting, edit: meetings.MeetingEdit) -> None:
    """李社工 changes the meeting (修改)."""
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        await meetings.edit_meeting(
            session,
            user=staff,
            roles=STAFF_ROLES,
            meeting_id=meeting.id or 0,
            edit=edit,
            now=h.clock(),
            notifier=Notifier(texts=h.sandbox.app.translator, now=h.clock()),
        )


async def _changed_at_night(h: Harness, edit: meetings.MeetingEdit) -> tuple[str, str, int]:
    """周阿姨 signs up by day; at 23:00 李社工 moves the meeting a day on (修改, with `edit`),
    then postpones it by two (延期); at 07:01 the held notices go. The time of the 修改 and
    the time that holds, as written for her, and the id of her sign-up card."""
    d = h.driver
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai
    meeting = await published_meeting(h, title="楼道改造议事会")
    _, _, card = await _sign_up(d, ZHOU, "楼道改造议事会", "已报名")
    between, later = (meeting.starts_at + timedelta(days=n) for n in (1, 2))
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # 23:00
    edit.starts_at = between
    await _edit(h, meeting, edit)
    await _postpone(h, meeting, later)
    shown_between, shown_later = _shown(h, between), _shown(h, later)
    h.clock.set(datetime(2026, 11, 23, 23, 1, tzinfo=UTC))  # 07:01
    await _scheduler(h).drain(now=h.clock())
    notice = await d.expect(ZHOU, "议事会延期", since=card)
    assert shown_later in message_text(notice), message_text(notice)
    return shown_between, shown_later, card


async def test_a_held_change_of_time_postponed_again_does_not_go(
    linli_sandbox: Harness,
) -> None:
    """The 修改 only moved the time: at 07:00 周阿姨 gets the 延期 with the time that holds,
    and no '✏️ 议事会有变动 … 时间改为：<the day between>'. Before, both went."""
    h = linli_sandbox
    d = h.driver
    shown_between, _later, card = await _changed_at_night(h, meetings.MeetingEdit())
    told = [message_text(m) for m in await d.messages(ZHOU, since=card)]
    assert not [t for t in told if "议事会有变动" in t or shown_between in t], told
    assert await d.errors() == []


async def test_a_held_change_of_time_and_place_tells_the_place_only(
    linli_sandbox: Harness,
) -> None:
    """The 修改 moved the time and the place: at 07:00 周阿姨 gets the 延期 with the time that
    holds, and the 修改 tells the new place without the time it set. Before, it went as made,
    '时间改为：<the day between>'."""
    h = linli_sandbox
    d = h.driver
    shown_between, _later, card = await _changed_at_night(
        h, meetings.MeetingEdit(place="3号楼架空层")
    )
    change = await d.expect(ZHOU, "议事会有变动", since=card)
    text = message_text(change)
    assert "地点改为：3号楼架空层" in text and "时间改为" not in text, text
    told = [message_text(m) for m in await d.messages(ZHOU, since=card)]
    assert not [t for t in told if shown_between in t], told
    assert await d.errors() == []
