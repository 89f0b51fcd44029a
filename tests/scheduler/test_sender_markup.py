"""Proactive messages may carry any kind of keyboard; a malformed one fails alone."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, DeliveryState
from scheduler.sender import Sender
from services.delivery import enqueue
from tests.scheduler.conftest import add_users
from tests.scheduler.test_sender import _bot_messages, emulator, sender  # noqa: F401
from tests.support import FakeClock


async def test_reply_keyboard_and_a_broken_markup(
    emulator: object,  # noqa: F811
    sender: Sender,  # noqa: F811
    sessionmaker: async_sessionmaker[AsyncSession],
    session: AsyncSession,
    clock: FakeClock,
) -> None:
    emulator.add_user(id=21, first_name="Wu")  # type: ignore[attr-defined]
    await add_users(session, [21])
    menu = {"keyboard": [[{"text": "📝 我要点单"}]], "resize_keyboard": True}
    await enqueue(
        session, chat_id=21, text="菜单已更新", reply_markup=menu, urgent=True, now=clock.now
    )
    await enqueue(
        session, chat_id=21, text="坏的", reply_markup={"bogus": 1}, urgent=True, now=clock.now
    )
    await enqueue(session, chat_id=21, text="之后这条照常发送", urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    sent = _bot_messages(emulator, 21)  # type: ignore[arg-type]
    assert [m["text"] for m in sent] == ["菜单已更新", "之后这条照常发送"]
    stored = [m for m in emulator.chats[21].messages if m.by_bot]  # type: ignore[attr-defined]
    assert stored[0].markup["keyboard"][0][0]["text"] == "📝 我要点单"
    async with sessionmaker() as check:
        rows = (await check.exec(select(Delivery).order_by(col(Delivery.id)))).all()
        assert [r.state for r in rows] == [
            DeliveryState.SENT,
            DeliveryState.FAILED,
            DeliveryState.SENT,
        ]
