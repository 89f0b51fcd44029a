"""A meeting's notice in the community group that the sender had claimed (its call under way,
no message id yet) when the meeting was cancelled is marked, and redrawn once the sender records
it sent (services.public_notices.redraw_once_sent, the scheduler's follow-up): it then says the
meeting is cancelled and loses its button, rather than going on inviting sign-ups."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, DeliveryState
from services import meetings, public_notices
from services.consult_common import Notifier
from tests.consult.conftest import NOW, World

GROUP = -100555
LINK = {"inline_keyboard": [[{"text": "💬 私聊报名", "url": "https://t.me/linli_bot?start=m1"}]]}


async def test_a_notice_on_its_way_is_redrawn_once_sent(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    meeting = await meetings.create_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        now=NOW,
        draft=meetings.MeetingDraft(
            community_id=world.community.id or 0,
            title="十二月居民议事会",
            agenda=["停车"],
            starts_at=NOW + timedelta(days=5),
            place="社区会议室",
        ),
    )
    await meetings.publish_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        now=NOW,
        notifier=notifier,
    )
    key = f"meeting:{meeting.id}:group"
    session.add(
        Delivery(
            chat_id=GROUP,
            kind="meeting-group",
            text="📣 议事会通知",
            reply_markup=LINK,
            dedupe_key=key,
            state=DeliveryState.SENDING,  # claimed by the sender, the call under way
            not_before=NOW,
            created_at=NOW,
        )
    )
    await session.commit()
    await meetings.cancel_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        reason="暂缓",
        now=NOW,
        notifier=notifier,
    )
    row = (await session.exec(select(Delivery).where(Delivery.dedupe_key == key))).one()
    await session.refresh(row)
    assert row.matter == public_notices.notice_matter(f"m{meeting.id}")
    # the sender records it sent, then follows the mark
    row.state, row.message_ids = DeliveryState.SENT, "77"
    session.add(row)
    await session.commit()
    payload = public_notices.notice_to_redraw(row.matter or "")
    assert payload == f"m{meeting.id}"
    assert await public_notices.redraw_once_sent(session, payload=payload, notifier=notifier)
    [edit] = (
        await session.exec(select(Delivery).where(col(Delivery.edit_message_id) == 77))
    ).all()
    assert edit.chat_id == GROUP and "议事会已取消" in edit.text and edit.reply_markup is None
    # asked again, nothing more: it reads so already
    assert not await public_notices.redraw_once_sent(session, payload=payload, notifier=notifier)
