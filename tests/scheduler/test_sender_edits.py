"""An outbox delivery with `edit_message_id` redraws that message instead of sending one; a
message that cannot be edited (gone) or already reads so is left alone, quietly: recorded, not
retried, and the chat's other messages still go."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from models.scheduling import Delivery, DeliveryState
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.sender import Sender
from services.delivery import enqueue, inline_keyboard
from tests.scheduler.conftest import add_users
from tests.support import FakeClock


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def sender(
    emulator: Emulator, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> AsyncIterator[Sender]:
    bot = make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emulator.base_url))
    try:
        yield Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="test")
    finally:
        await bot.session.close()


async def test_an_edit_redraws_the_message(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(
        session,
        chat_id=11,
        text="🕒 12月6日 19:00",
        reply_markup=inline_keyboard([[("去", "crv:1:yes")]]),
        urgent=True,
        now=clock.now,
    )
    await session.commit()
    await sender.drain()
    [message] = [m.msg for m in emulator.chats[11].messages if m.by_bot]
    edits = [
        ("🕒 12月8日 19:00", message["message_id"]),  # redrawn
        ("🕒 12月8日 19:00", message["message_id"]),  # already reads so
        ("🕒 12月8日 19:00", 999),  # deleted
    ]
    for text, message_id in edits:
        await enqueue(
            session, chat_id=11, text=text, urgent=True, now=clock.now, edit_message_id=message_id
        )
    await enqueue(session, chat_id=11, text="⏳ 议事会延期", urgent=True, now=clock.now)
    await session.commit()
    assert await sender.drain() == 4
    shown = [m.msg for m in emulator.chats[11].messages if m.by_bot]
    assert [m["text"] for m in shown] == ["🕒 12月8日 19:00", "⏳ 议事会延期"]
    assert "reply_markup" not in shown[0] or not shown[0]["reply_markup"]
    rows = (
        await session.exec(
            select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
        )
    ).all()
    assert [r.state for r in rows[1:]] == [
        DeliveryState.SENT,
        DeliveryState.SENT,
        DeliveryState.FAILED,
        DeliveryState.SENT,
    ]
    assert rows[1].message_id_list == [message["message_id"]]
    assert rows[3].attempts == 1 and "not found" in (rows[3].error or "")


async def test_an_edit_of_a_photo_redraws_its_caption(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    """A photo has no text to edit: its caption is redrawn (editMessageCaption), the photo
    stays; before, editMessageText was refused ('there is no text in the message to edit')."""
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(
        session,
        chat_id=11,
        text="<b>晒单</b>\n结果：修好了",
        photo=_png(),
        urgent=True,
        now=clock.now,
    )
    await session.commit()
    await sender.drain()
    [message] = [m.msg for m in emulator.chats[11].messages if m.by_bot]
    assert "photo" in message
    await enqueue(
        session,
        chat_id=11,
        text="<b>晒单</b>\n结果：修好了\n🔁 后续：重新办理",
        photo=_png(),
        urgent=True,
        now=clock.now,
        edit_message_id=message["message_id"],
    )
    await session.commit()
    assert await sender.drain() == 1
    [shown] = [m.msg for m in emulator.chats[11].messages if m.by_bot]
    assert shown["caption"] == "晒单\n结果：修好了\n🔁 后续：重新办理"
    assert shown["photo"] == message["photo"]
    row = (
        await session.exec(
            select(Delivery)
            .order_by(col(Delivery.id).desc())
            .execution_options(populate_existing=True)
        )
    ).first()
    assert row is not None and row.state == DeliveryState.SENT
    # a new caption longer than a caption may be is not refused, nor cut: its head is the
    # caption, the rest follows it (tests/scheduler/test_sender_long_redraws.py)
    await enqueue(
        session,
        chat_id=11,
        text="<b>晒单</b>\n🔁 更新：重新办理\n结果：" + "修" * 1100,
        photo=_png(),
        urgent=True,
        now=clock.now,
        edit_message_id=message["message_id"],
    )
    await session.commit()
    assert await sender.drain() == 1
    shown, rest = [m.msg for m in emulator.chats[11].messages if m.by_bot]
    assert shown["caption"].startswith("晒单\n🔁 更新：重新办理\n结果：修")
    assert len(shown["caption"]) <= 1024
    assert (shown["caption"] + rest["text"]).count("修") == 1100


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()
