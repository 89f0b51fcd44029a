"""A group or channel the bot was removed from gets nothing more: once the removal is recorded
(my_chat_member), or once Telegram answers a post there 403 (the update missed, e.g. while the
bot was down), what is queued for it is marked never to go, and so is what comes later."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import DeliveryState
from services import delivery, group_chats

GROUP = -100990


async def test_a_403_from_a_group_marks_it_gone(session: AsyncSession) -> None:
    first = await delivery.enqueue(session, chat_id=GROUP, text="议事会通知")
    waiting = await delivery.enqueue(session, chat_id=GROUP, text="投票通知")
    await session.commit()
    assert not await group_chats.is_gone(session, chat_id=GROUP)
    await delivery.record_blocked(
        session,
        delivery_id=first.id or 0,
        chat_id=GROUP,
        error="Forbidden: bot was kicked from the supergroup chat",
    )
    assert await group_chats.is_gone(session, chat_id=GROUP)
    await session.refresh(waiting)
    assert waiting.state == DeliveryState.BLOCKED
    later = await delivery.enqueue(session, chat_id=GROUP, text="另一个通知")
    assert later.state == DeliveryState.BLOCKED and later.error == group_chats.GONE_ERROR
    # another group is not touched
    other = await delivery.enqueue(session, chat_id=GROUP - 1, text="通知")
    assert other.state == DeliveryState.PENDING
