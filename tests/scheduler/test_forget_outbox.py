"""/forget and what waits in the outbox for the person (SQLite and PostgreSQL): what they were
sent as a member (an offer, their claim's reminder) is cancelled, as are the staff's cards
about their sign-up; the rest (their own request's news) is re-timed by the quiet hours that
apply to them now, which a rejected (deleted) member sign-up no longer decides."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.org import Community
from models.scheduling import Delivery, DeliveryState
from models.users import MemberProfile, MemberStatus, Role, StaffScope, User
from services import users
from services.delivery import enqueue, home_communities, set_quiet_hours
from services.members import review_matter
from tests.scheduler.conftest import add_users

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER, APPLICANT, STAFF = 31, 32, 21


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Shanghai local time (November 2026), as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def _sun(session: AsyncSession) -> int:
    """阳光社区, quiet from 20:00 to 08:00, with a member and an applicant who live elsewhere
    (no address here) and a staff member."""
    sun = Community(name="阳光社区")
    session.add(sun)
    await session.commit()
    assert sun.id is not None
    [member, applicant, staff] = await add_users(session, [MEMBER, APPLICANT, STAFF])
    member.community_id = applicant.community_id = staff.community_id = None
    member.set_roles({Role.RESIDENT, Role.MEMBER})
    staff.set_roles({Role.RESIDENT, Role.STAFF})
    for uid, status in ((MEMBER, MemberStatus.APPROVED), (APPLICANT, MemberStatus.PENDING)):
        session.add(
            MemberProfile(
                user_id=uid,
                real_name="赵敏",
                work_unit="卫生服务中心",
                phone="13800000002",
                skills="medical",
                community_id=sun.id,
                status=status,
            )
        )
    session.add(StaffScope(user_id=STAFF, community_id=sun.id))
    await session.commit()
    await set_quiet_hours(session, community_id=sun.id, start="20:00", end="08:00")
    return sun.id


async def _rows(session: AsyncSession) -> dict[str, Delivery]:
    found = await session.exec(
        select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return {d.text: d for d in found.all()}


async def test_forget_cancels_member_notices_and_retimes_the_rest(session: AsyncSession) -> None:
    sun = await _sun(session)
    queued = local(23, 21)  # 21:00: inside 阳光社区's hours, outside the default ones
    await enqueue(session, chat_id=MEMBER, text="offer", matter="order:5:open", now=queued)
    await enqueue(session, chat_id=MEMBER, text="reminder", matter="claim:7:active", now=queued)
    await enqueue(session, chat_id=MEMBER, text="co-done", kind="order-notice-co-done", now=queued)
    await enqueue(session, chat_id=MEMBER, text="own request", matter="request:9:done", now=queued)
    await enqueue(session, chat_id=MEMBER, text="urgent", urgent=True, now=queued)
    await session.commit()
    before = await _rows(session)
    assert before["own request"].not_before == local(24, 8)  # held by 阳光社区's hours
    assert (await home_communities(session, chat_ids=[MEMBER]))[MEMBER] == sun
    member = await session.get(User, MEMBER)
    assert member is not None
    await users.forget_user(session, user=member, now=local(23, 21, 30))
    after = await _rows(session)
    for text in ("offer", "reminder", "co-done"):
        assert after[text].state == DeliveryState.CANCELLED, text
    # their own request's news stays, now timed by the default hours (22:00-07:00): it goes now
    own = after["own request"]
    assert own.state == DeliveryState.PENDING
    assert own.not_before == local(23, 21, 30) and own.held_from is None
    assert after["urgent"].state == DeliveryState.PENDING
    # the deleted (rejected) sign-up no longer decides whose quiet hours apply to them
    assert (await home_communities(session, chat_ids=[MEMBER]))[MEMBER] is None


async def test_forget_cancels_the_staff_cards_about_the_sign_up(session: AsyncSession) -> None:
    await _sun(session)
    await enqueue(
        session,
        chat_id=STAFF,
        text="review card",
        matter=review_matter(APPLICANT),
        now=local(23, 23),
    )
    await session.commit()
    applicant = await session.get(User, APPLICANT)
    assert applicant is not None
    await users.forget_user(session, user=applicant, now=local(23, 23, 30))
    card = (await _rows(session))["review card"]
    assert card.state == DeliveryState.CANCELLED


async def test_a_staff_member_keeps_cards_about_orders(session: AsyncSession) -> None:
    """Staff who were members too stay staff: cards naming an order's state are theirs; the
    offers they were sent as a member are not (before, those went too)."""
    await _sun(session)
    staff = await session.get(User, STAFF)
    assert staff is not None
    for text, kind in (("escalated", "order-notice-escalated"), ("offer", "order-notice-offer")):
        await enqueue(
            session, chat_id=STAFF, text=text, kind=kind, matter="order:5:open", now=local(23, 9)
        )
    await session.commit()
    await users.forget_user(session, user=staff, now=local(23, 9, 30))
    assert (await _rows(session))["escalated"].state == DeliveryState.PENDING
    assert (await _rows(session))["offer"].state == DeliveryState.CANCELLED
