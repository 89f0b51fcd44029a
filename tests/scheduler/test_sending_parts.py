"""A message of several parts (a text longer than one message; a photo, then its text) that is
cancelled or rewritten while its first part is on its way goes no further: the sender looks
again before each part, not only before the first, and the parts that went are recorded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiogram import Bot
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery
from sandbox.emulator import Emulator
from scheduler.sender import Sender
from services import delivery as outbox
from services.delivery import Claimed, enqueue, split_html
from tests.scheduler.conftest import add_users
from tests.support import FakeClock

MATTER = "request:7:new"
LONG = "\n".join(f"第{i}行 " + "停水" * 40 for i in range(80))  # two messages' worth


def _png() -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
        b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
        b"\x00\x00\x00IEND\xaeB`\x82"
    )


async def _rows(session: AsyncSession) -> list[Delivery]:
    rows = await session.exec(
        select(Delivery).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return list(rows.all())


def _bot_messages(emu: Emulator) -> list[dict[str, object]]:
    return [m.msg for m in emu.chats[11].messages if m.by_bot]


def _after_first_look(
    sender: Sender, change: Callable[[], Awaitable[None]]
) -> Callable[[Claimed], Awaitable[bool]]:
    """The sender's first look finds the message still to send; `change` commits right after
    it, while the first part's call is under way."""
    look = sender._still_to_send
    looks: list[int] = []

    async def still(item: Claimed) -> bool:
        ok = await look(item)
        looks.append(item.id)
        if len(looks) == 1:
            await change()
        return ok

    return still


async def test_a_long_notice_cancelled_during_its_first_part_sends_no_more(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """Before, the rest of the text went all the same."""
    assert len(split_html(LONG)) == 2
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text=LONG, urgent=True, matter=MATTER, now=clock.now)
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, now=clock.now)
    await session.commit()

    async def cancel() -> None:
        async with sessionmaker() as s:
            await outbox.cancel_stale(s, matter=MATTER)
            await s.commit()

    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="t")
    sender._still_to_send = _after_first_look(sender, cancel)  # type: ignore[method-assign,assignment]
    assert await sender.drain() == 2
    first, *_, last = _bot_messages(emulator)
    assert len(_bot_messages(emulator)) == 2
    assert str(first["text"]).startswith("第0行") and last["text"] == "停水通知"
    cancelled, sent = await _rows(session)
    assert (cancelled.state, sent.state) == ("cancelled", "sent")
    assert cancelled.message_id_list == [first["message_id"]]  # what went is recorded
    clock.advance(timedelta(hours=1))
    assert await sender.drain() == 0


async def test_a_photo_whose_text_was_rewritten_during_the_photo_sends_only_the_copy(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """A photo with a text too long for its caption goes as the photo, then the text. The text
    is rewritten (`rewrite_unsent`, e.g. a meeting's announcement after it moved) while the
    photo is on its way: the old text does not follow it; the copy goes, whole. Before, the
    old text went too."""
    await add_users(session, [11])
    await enqueue(session, chat_id=11, text="旧 " + LONG, photo=_png(), urgent=True, now=clock.now)
    await session.commit()

    async def rewrite() -> None:
        async with sessionmaker() as s:
            changed = await outbox.rewrite_unsent(
                s,
                where=[col(Delivery.chat_id) == 11],
                rewrite=lambda t: t.replace("旧 ", "新 "),
            )
            await s.commit()
            assert changed == 1

    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="t")
    sender._still_to_send = _after_first_look(sender, rewrite)  # type: ignore[method-assign,assignment]
    assert await sender.drain() == 2  # the old one, then its copy
    messages = _bot_messages(emulator)
    # the old one's photo; the copy's photo and its text in two parts
    assert ["photo" in m for m in messages] == [True, True, False, False]
    assert str(messages[2]["text"]).startswith("新 ")
    assert not any(str(m.get("text", "")).startswith("旧") for m in messages)
    old, copy = await _rows(session)
    assert (old.state, copy.state) == ("cancelled", "sent")
    assert old.message_id_list == [messages[0]["message_id"]]
    assert len(copy.message_id_list) == len(messages) - 1
