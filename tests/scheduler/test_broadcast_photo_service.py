"""A notice with a photo, at the service level: when the text fits a caption, and that the photo
rides in each person's one delivery under the same quiet hours and dedupe as a text notice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Translator
from models.org import Community
from models.scheduling import AudienceKind, Delivery, DeliveryState
from models.users import Role, StaffScope, User
from services import broadcast as broadcasts
from services.delivery import CAPTION_LIMIT, photo_parts
from services.errors import Conflict
from tests.scheduler.conftest import add_users
from tests.support import FakeClock

PHOTO = "AgACAgUAAxkBAAIBphoto-file-id"


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("停水通知", True),
        ("水" * CAPTION_LIMIT, True),
        ("水" * (CAPTION_LIMIT + 1), False),
        # tags are not counted, an entity is one character (as Telegram counts after parsing)
        ("<b>" + "水" * (CAPTION_LIMIT - 4) + "</b>&lt;&gt;&amp;!", True),
        # an emoji outside the BMP is two UTF-16 units
        ("😀" * (CAPTION_LIMIT // 2), True),
        ("😀" * (CAPTION_LIMIT // 2) + "水", False),
    ],
)
def test_when_a_notice_fits_a_caption(text: str, fits: bool) -> None:
    assert broadcasts.caption_fits(text) is fits
    parts = photo_parts(text)
    if fits:
        assert parts == [text]
    else:
        # the photo goes without a caption, then the whole text: nothing is cut
        assert parts[0] == ""
        assert "".join(parts[1:]).replace("\n", "") == text.replace("\n", "")


async def _community_with_staff(session: AsyncSession) -> tuple[int, User]:
    community = Community(name="阳光社区")
    session.add(community)
    await session.commit()
    assert community.id is not None
    staff = User(id=21, first_name="社工", roles="resident,staff")
    session.add(staff)
    await session.commit()
    session.add(StaffScope(user_id=21, community_id=community.id))
    await session.commit()
    return community.id, staff


@pytest.mark.parametrize("urgent", [False, True])
async def test_the_photo_rides_in_each_persons_one_delivery(
    session: AsyncSession, clock: FakeClock, translator: Translator, urgent: bool
) -> None:
    cid, staff = await _community_with_staff(session)
    await add_users(session, [11, 12], community_id=cid)
    await add_users(session, [13], community_id=cid, quiet_hours_opt_out=True)
    await add_users(session, [14], community_id=cid, blocked_bot=True)
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    night = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai
    text = "停水" * 600  # too long for a caption: photo, then the text

    draft, count = await broadcasts.create_draft(
        session,
        author=staff,
        roles=roles,
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text=text,
        now=night,
        photo=PHOTO,
    )
    assert count == 4 and draft.id is not None and draft.photo_ref == PHOTO
    broadcast_id = draft.id
    await broadcasts.confirm(
        session,
        author=staff,
        roles=roles,
        broadcast_id=broadcast_id,
        urgent=urgent,
        progress_chat_id=None,
        progress_message_id=None,
        now=night,
        texts=translator,
    )
    with pytest.raises(Conflict):  # a double tap queues nothing more
        await broadcasts.confirm(
            session,
            author=staff,
            roles=roles,
            broadcast_id=broadcast_id,
            urgent=urgent,
            progress_chat_id=None,
            progress_message_id=None,
            now=night,
            texts=translator,
        )
    rows = (await session.exec(select(Delivery).order_by(col(Delivery.chat_id)))).all()
    assert [r.chat_id for r in rows] == [11, 12, 13, 14]
    assert all(r.photo_ref == PHOTO and r.photo_bytes is None for r in rows)
    assert all(r.text.endswith(text) and "阳光社区通知" in r.text for r in rows)
    assert all(r.dedupe_key == f"bc:{broadcast_id}:{r.chat_id}" for r in rows)
    by_id = {r.chat_id: r for r in rows}
    morning = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # 07:00 in Shanghai
    for uid in (11, 12):  # quiet hours hold it as they hold a text notice, unless urgent
        assert by_id[uid].not_before == (night if urgent else morning)
        assert by_id[uid].held_from == (None if urgent else night)
    assert by_id[13].not_before == night  # opted out of quiet hours
    assert by_id[14].state == DeliveryState.BLOCKED  # blocked the bot: counted, not sent

    # staff can still stop what is waiting
    if not urgent:
        session.expunge_all()  # as a new update would: the refused double tap rolled back
        staff = await session.get(User, 21)
        assert staff is not None
        report = await broadcasts.cancel(
            session, author=staff, broadcast_id=broadcast_id, now=night
        )
        assert report.waiting == 0


async def test_a_notice_without_a_photo_stays_text(
    session: AsyncSession, clock: FakeClock
) -> None:
    cid, staff = await _community_with_staff(session)
    await add_users(session, [11], community_id=cid)
    draft, _ = await broadcasts.create_draft(
        session,
        author=staff,
        roles=frozenset({Role.RESIDENT, Role.STAFF}),
        kind=AudienceKind.COMMUNITY,
        community_id=cid,
        target_ids=[],
        text="通知",
        now=clock.now,
    )
    assert draft.photo_ref is None


async def test_cancel_meeting_a_send_that_just_went_through_leaves_it_sending(
    sessionmaker: async_sessionmaker[AsyncSession], translator: Translator
) -> None:
    """Send and cancel tapped at the same moment: the cancel loaded the notice as a draft, the
    send made it "sending" before the cancel wrote. The cancel must not overwrite that: the
    notice stays "sending" (its progress line runs to the end) and only what still waits stops."""
    from models.scheduling import Broadcast, BroadcastState

    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    roles = frozenset({Role.RESIDENT, Role.STAFF})
    async with sessionmaker() as session:
        cid, staff = await _community_with_staff(session)
        await add_users(session, [11, 12], community_id=cid)
        draft, _ = await broadcasts.create_draft(
            session,
            author=staff,
            roles=roles,
            kind=AudienceKind.COMMUNITY,
            community_id=cid,
            target_ids=[],
            text="停水通知",
            now=now,
        )
        assert draft.id is not None
        broadcast_id = draft.id
    async with sessionmaker() as cancelling:
        seen = await cancelling.get(Broadcast, broadcast_id)  # the cancel's view: a draft
        assert seen is not None and seen.state == BroadcastState.DRAFT
        async with sessionmaker() as sending:
            await broadcasts.confirm(
                sending,
                author=staff,
                roles=roles,
                broadcast_id=broadcast_id,
                urgent=False,
                progress_chat_id=None,
                progress_message_id=None,
                now=now,
                texts=translator,
            )
        await broadcasts.cancel(cancelling, author=staff, broadcast_id=broadcast_id, now=now)
    async with sessionmaker() as session:
        stored = await session.get(Broadcast, broadcast_id)
        assert stored is not None and stored.state == BroadcastState.SENDING
        states = (await session.exec(select(Delivery.state))).all()
    assert sorted(states) == [DeliveryState.CANCELLED, DeliveryState.CANCELLED]
