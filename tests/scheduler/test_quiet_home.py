"""Quiet hours of a person without an address of their own (a member who registered to serve
in a community, 双报到; staff): those of the community they serve in, not the default. A member
of a community that switched quiet hours off gets notices at night; its widened hours hold
them too (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import AudienceKind, Delivery
from models.users import MemberProfile, MemberStatus, Role, StaffScope, User
from services import broadcast
from services.delivery import (
    claim_deliveries,
    enqueue,
    prepare_batch,
    quiet_hours_for,
    record_retry,
    set_quiet_hours,
)
from tests.scheduler.conftest import add_users

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER, STAFF = 31, 21


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Shanghai local time (November 2026), as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _sun(session: AsyncSession) -> int:
    """阳光社区 with a member (no address of their own) and a staff member serving in it."""
    sun = Community(name="阳光社区")
    session.add(sun)
    await session.commit()
    assert sun.id is not None
    [member, staff] = await add_users(session, [MEMBER, STAFF])
    member.community_id = staff.community_id = None
    member.set_roles({Role.RESIDENT, Role.MEMBER})
    staff.set_roles({Role.RESIDENT, Role.STAFF})
    session.add_all(
        [
            MemberProfile(
                user_id=MEMBER,
                real_name="赵敏",
                work_unit="卫生服务中心",
                phone="13800000002",
                skills="medical",
                community_id=sun.id,
                status=MemberStatus.APPROVED,
            ),
            StaffScope(user_id=STAFF, community_id=sun.id),
        ]
    )
    await session.commit()
    return sun.id


async def _row(session: AsyncSession, row: Delivery) -> Delivery:
    await session.refresh(row)
    return row


async def test_quiet_off_in_their_community_lets_notices_go_at_night(
    session: AsyncSession,
) -> None:
    sun = await _sun(session)
    night = local(23, 23)
    held = await enqueue(session, chat_id=MEMBER, text="审核通过", now=night)
    await session.commit()
    assert held.not_before == local(24, 7)  # the community's hours (here the default ones)
    # 23:10: staff switch quiet hours off: what they held goes now
    off_at = local(23, 23, 10)
    await set_quiet_hours(
        session, community_id=sun, start="22:00", end="07:00", enabled=False, now=off_at
    )
    held = await _row(session, held)
    assert (held.not_before, held.held_from) == (off_at, None)
    # and what comes later at night is not held either, for the member nor for staff
    for chat_id in (MEMBER, STAFF):
        later = await enqueue(session, chat_id=chat_id, text="通知", now=local(23, 23, 30))
        assert later.not_before == local(23, 23, 30) and later.held_from is None
    user = await session.get(User, MEMBER)
    assert user is not None
    assert (await quiet_hours_for(session, user=user))[2] is False  # what /profile shows
    # a retry after a network error at 23:40 is not held till the morning
    await session.commit()
    [item, *_] = await claim_deliveries(session, now=local(23, 23, 30), limit=10, worker="t")
    await record_retry(session, delivery_id=item.id, error="timeout", not_before=local(23, 23, 40))
    retried = await session.get(Delivery, item.id)
    assert retried is not None
    await session.refresh(retried)
    assert retried.not_before == local(23, 23, 40)


async def test_widened_hours_of_their_community_hold_their_scheduled_notice(
    session: AsyncSession,
) -> None:
    sun = await _sun(session)
    evening = local(23, 19)
    at_nine = await enqueue(
        session, chat_id=MEMBER, text="今晚九点提醒", not_before=local(23, 21), now=evening
    )
    await session.commit()
    assert at_nine.not_before == local(23, 21)
    await set_quiet_hours(
        session, community_id=sun, start="20:00", end="07:00", now=local(23, 19, 30)
    )
    at_nine = await _row(session, at_nine)
    assert (at_nine.not_before, at_nine.held_from) == (local(24, 7), local(23, 21))


async def test_a_night_broadcast_to_members_follows_their_community_hours(
    session: AsyncSession,
) -> None:
    sun = await _sun(session)
    await set_quiet_hours(
        session, community_id=sun, start="22:00", end="07:00", enabled=False, now=local(23, 12)
    )
    staff = await session.get(User, STAFF)
    assert staff is not None
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    night = local(23, 23)
    draft, count = await broadcast.create_draft(
        session,
        author=staff,
        roles=roles,
        kind=AudienceKind.MEMBERS,
        community_id=sun,
        target_ids=[],
        text="明早义诊",
        now=night,
    )
    assert count == 1
    await broadcast.confirm(
        session,
        author=staff,
        roles=roles,
        broadcast_id=draft.id or 0,
        urgent=False,
        progress_chat_id=None,
        progress_message_id=None,
        now=night,
    )
    assert await broadcast.held_until(session, broadcast_id=draft.id or 0, now=night) == (0, None)


async def test_a_batch_reads_where_they_serve_once_and_only_when_needed(
    session: AsyncSession,
) -> None:
    sun = await _sun(session)
    await set_quiet_hours(
        session, community_id=sun, start="22:00", end="07:00", enabled=False, now=local(23, 12)
    )
    night = local(23, 23)
    batch = await prepare_batch(session, chat_ids=[MEMBER, STAFF], dedupe_keys=[])
    named = await enqueue(
        session, chat_id=MEMBER, text="a", community_id=sun, now=night, batch=batch
    )
    assert batch.homes is None  # the message names its community: nothing more to read
    for chat_id in (MEMBER, STAFF):
        row = await enqueue(session, chat_id=chat_id, text="b", now=night, batch=batch)
        assert row.not_before == night and row.held_from is None
    assert batch.homes == {MEMBER: sun, STAFF: sun}
    assert named.not_before == night
