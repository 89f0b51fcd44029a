"""Services behind the minutes preview, the check-in code limits and a capacity below those
going, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role
from models.consultations import Meeting, MeetingStatus, RsvpAnswer, RsvpStatus
from services import meetings
from services.consult_common import Notifier
from services.errors import Conflict, InvalidInput
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import START, answer, published


async def test_preview_is_what_publishing_sends(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    after = START + timedelta(hours=2)
    args = {"roles": world.staff_roles, "meeting_id": meeting.id or 0, "now": after}
    preview = await meetings.preview_minutes(
        session,
        user=world.staff,
        **args,
        minutes="讨论了方案",
        decisions="成立小组\n修路灯",
        notifier=notifier,
    )
    assert preview.recipients > 0 and preview.args["decisions"] == "1. 成立小组\n2. 修路灯"
    assert notifier.sent == []
    stored = await session.get(Meeting, meeting.id)
    assert stored is not None and stored.status == MeetingStatus.PUBLISHED
    _m, told = await meetings.publish_minutes(
        session,
        user=world.staff,
        **args,
        minutes="讨论了方案",
        decisions="成立小组\n修路灯",
        notifier=notifier,
    )
    assert told == preview.recipients
    shown = notifier.text("zh-Hans", "meeting-minutes-notice", **preview.args)
    assert notifier.sent[0]["text"] == shown
    with pytest.raises(Conflict) as info:  # a second 确认发送
        await meetings.publish_minutes(
            session,
            user=world.staff,
            **args,
            minutes="讨论了方案",
            decisions="",
            notifier=notifier,
        )
    assert info.value.key == "meeting-err-minuted-first"
    assert info.value.args_ == {"by": "self", "name": ""}  # '您已经发布过了'
    with pytest.raises(Conflict) as info:  # a colleague's 确认发送, or their minutes typed
        await meetings.publish_minutes(
            session,
            user=world.admin,
            roles=frozenset({Role.RESIDENT, Role.ADMIN}),
            meeting_id=meeting.id or 0,
            now=after,
            minutes="另一份纪要",
            decisions="",
            notifier=notifier,
        )
    assert info.value.args_ == {"by": "colleague", "name": "王主任"}
    with pytest.raises(Conflict) as info:
        await meetings.preview_minutes(
            session,
            user=world.admin,
            roles=frozenset({Role.RESIDENT, Role.ADMIN}),
            meeting_id=meeting.id or 0,
            now=after,
            minutes="另一份纪要",
            decisions="",
            notifier=notifier,
        )
    assert info.value.args_ == {"by": "colleague", "name": "王主任"}
    assert len(notifier.sent) == told
    stored = await session.get(Meeting, meeting.id, populate_existing=True)
    assert stored is not None and stored.minutes == "讨论了方案"


async def test_code_format_attempts_and_lockout(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier)
    at = START - timedelta(minutes=10)
    who = world["b"]
    for typed, digits in (("12345", 5), ("一二三", 0), ("1234567", 7)):
        with pytest.raises(InvalidInput) as info:
            await meetings.check_in_by_code(session, user=who, code=typed, now=at)
        assert (info.value.key, info.value.args_["typed"]) == ("meeting-err-code-format", digits)
    for left in (4, 3, 2, 1):
        with pytest.raises(InvalidInput) as info:
            await meetings.check_in_by_code(session, user=who, code="000000", now=at)
        assert (info.value.key, info.value.args_["left"]) == ("meeting-err-code", left)
    with pytest.raises(meetings.CodeAttemptsUsed) as locked:
        await meetings.check_in_by_code(session, user=who, code="000000", now=at)
    assert locked.value.args_["minutes"] == 15
    code = meeting.checkin_code or ""
    with pytest.raises(meetings.CodeAttemptsUsed) as locked:
        await meetings.check_in_by_code(
            session, user=who, code=code, now=at + timedelta(minutes=5)
        )
    assert locked.value.args_["minutes"] == 10
    # someone else is not locked out; the same person is again once the attempts age out
    _m, new = await meetings.check_in_by_code(session, user=world["a1"], code=code, now=at)
    assert new
    later = at + meetings.CODE_LOCKOUT + timedelta(seconds=1)
    _m, new = await meetings.check_in_by_code(session, user=who, code=code, now=later)
    assert new


async def test_capacity_below_going(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await published(session, world, notifier, capacity=5)
    for i, who in enumerate(("a1", "b", "d")):
        await answer(
            session, world, notifier, meeting, who, RsvpAnswer.YES, NOW + timedelta(minutes=i)
        )
    base = {"user": world.staff, "roles": world.staff_roles, "meeting_id": meeting.id or 0}
    with pytest.raises(meetings.CapacityBelowGoing) as info:
        await meetings.edit_meeting(
            session, **base, edit=meetings.MeetingEdit(capacity=2), now=NOW, notifier=notifier
        )
    assert info.value.args_ == {"going": 3, "capacity": 2, "over": 1}
    assert (await session.get(Meeting, meeting.id)).capacity == 5  # type: ignore[union-attr]
    # waitlist the latest: d signed up last
    edit = meetings.MeetingEdit(capacity=2, waitlist_over=True)
    await meetings.edit_meeting(session, **base, edit=edit, now=NOW, notifier=notifier)
    assert edit.moved == [world["d"].id]
    assert (
        await meetings.my_rsvp(session, meeting_id=meeting.id or 0, user_id=world["d"].id)
        == RsvpStatus.WAITLIST
    )
    # keep everyone: 1 with 2 going
    edit = meetings.MeetingEdit(capacity=1, keep_over=True)
    await meetings.edit_meeting(session, **base, edit=edit, now=NOW, notifier=notifier)
    c = await meetings.counts(session, meeting_id=meeting.id or 0)
    assert (c.going, c.waitlist, edit.moved) == (2, 1, [])
    stored = (await session.exec(select(Meeting).where(Meeting.id == meeting.id))).one()
    assert stored.capacity == 1


async def test_minutes_without_decisions_say_none(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """Decisions skipped: '决议' is followed by '（无）', not left hanging over nothing."""
    meeting = await published(session, world, notifier)
    preview = await meetings.preview_minutes(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=START + timedelta(hours=2),
        minutes="讨论了方案",
        decisions="",
        notifier=notifier,
    )
    text = notifier.text("zh-Hans", "meeting-minutes-notice", **preview.args)
    assert text.split("\n")[-2:] == ["<b>决议</b>", "（无）"]
