"""A redraw (an outbox edit) of a text too long for one message edits the message and goes on
in messages below it; the next redraw edits those in place (before, every redraw sent the rest
again as new messages). A photo's caption redrawn too long for a caption is no longer cut at
1,024: the rest follows it as text, and is redrawn in place as well."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.sender import Sender
from services.delivery import enqueue, inline_keyboard
from tests.scheduler.conftest import add_users
from tests.scheduler.test_sender_edits import _png
from tests.support import FakeClock

MARKUP = inline_keyboard([[("去", "crv:1:yes")]])


def _agenda(word: str, lines: int) -> str:
    """`lines` numbered lines (each different), with an astral character in each."""
    return "\n".join(f"{word}第{i:03d}项：😀 加装电梯的意见征集与讨论安排" for i in range(lines))


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


def _shown(emulator: Emulator) -> list[dict[str, Any]]:
    return [
        {**m.msg, "markup": m.markup}
        for m in emulator.chats[11].messages
        if m.by_bot and not m.deleted
    ]


def _said(messages: list[dict[str, Any]]) -> str:
    """What the messages show, line breaks aside (a split at a line end drops one)."""
    return "".join(str(m.get("text") or m.get("caption") or "") for m in messages).replace(
        "\n", ""
    )


async def _redraw(
    session: AsyncSession, clock: FakeClock, message_id: int, text: str, *, photo: bool = False
) -> None:
    await enqueue(
        session,
        chat_id=11,
        text=text,
        reply_markup=MARKUP,
        photo=_png() if photo else None,
        urgent=True,
        now=clock.now,
        edit_message_id=message_id,
    )
    await session.commit()


async def test_a_long_redraw_edits_its_rest_in_place(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="议事会", reply_markup=MARKUP, urgent=True, now=clock.now
    )
    await session.commit()
    await sender.drain()
    [card] = _shown(emulator)
    first = _agenda("议程", 250)  # about 7,000 UTF-16 units: two messages
    await _redraw(session, clock, card["message_id"], first)
    await sender.drain()
    shown = _shown(emulator)
    assert len(shown) == 2 and _said(shown) == first.replace("\n", "")
    assert shown[0]["message_id"] == card["message_id"] and shown[0]["markup"]
    # redrawn three times more, the last time longer (three messages): no part is sent again,
    # and a part that reads the same is not edited (Telegram would refuse it: not modified)
    moved = _agenda("延期议程", 250)
    head_only = moved.replace("延期议程第000项", "延期议程第000条", 1)  # the rest reads the same
    for text in (moved, head_only, _agenda("变更议程", 400)):
        await _redraw(session, clock, card["message_id"], text)
        await sender.drain()
        shown = _shown(emulator)
        assert _said(shown) == text.replace("\n", ""), len(shown)
    assert len(shown) == 3 and shown[1]["message_id"] == card["message_id"] + 1
    # short again: the messages below it go
    await _redraw(session, clock, card["message_id"], "议事会已取消")
    await sender.drain()
    assert [m["text"] for m in _shown(emulator)] == ["议事会已取消"]
    assert list(emulator.errors) == []


async def test_a_caption_redrawn_too_long_loses_nothing(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    await enqueue(
        session,
        chat_id=11,
        text="<b>晒单</b>",
        photo=_png(),
        reply_markup=MARKUP,
        urgent=True,
        now=clock.now,
    )
    await session.commit()
    await sender.drain()
    [photo] = _shown(emulator)
    for word in ("结果", "补充结果"):  # redrawn twice: the rest is not sent again
        text = "<b>晒单</b>\n" + _agenda(word, 60)  # over 1,024 UTF-16 units
        await _redraw(session, clock, photo["message_id"], text, photo=True)
        await sender.drain()
        shown = _shown(emulator)
        assert len(shown) == 2 and shown[0]["photo"] == photo["photo"]
        assert _said(shown) == ("晒单" + _agenda(word, 60)).replace("\n", "")
    assert shown[0]["markup"]
    assert list(emulator.errors) == []


async def test_a_message_sent_in_parts_is_redrawn_from_its_last(
    emulator: Emulator, sender: Sender, session: AsyncSession, clock: FakeClock
) -> None:
    """An announcement with a long agenda went in parts, its buttons under the last (the
    message a meeting remembers): redrawn, the parts above it are edited in place with it,
    each only where it reads otherwise; shorter, those no longer needed go. Before, the last
    part got the start of the text and the rest was sent again below it."""
    emulator.add_user(id=11, first_name="Li")
    await add_users(session, [11])
    first = _agenda("议程", 250)  # two messages
    await enqueue(session, chat_id=11, text=first, reply_markup=MARKUP, urgent=True, now=clock.now)
    await session.commit()
    await sender.drain()
    sent = _shown(emulator)
    assert len(sent) == 2 and sent[-1]["markup"] and not sent[0]["markup"]
    ids = [m["message_id"] for m in sent]
    marked = inline_keyboard([[("✅ 去", "crv:1:yes")]])
    moved = first.replace("议程第000项", "延期议程第000项", 1)  # the first part only
    for text, markup in ((moved, MARKUP), (moved, marked), (_agenda("变更议程", 250), marked)):
        await enqueue(
            session,
            chat_id=11,
            text=text,
            reply_markup=markup,
            urgent=True,
            now=clock.now,
            edit_message_id=ids[-1],
        )
        await session.commit()
        await sender.drain()
        shown = _shown(emulator)
        assert [m["message_id"] for m in shown] == ids  # in place, nothing sent again
        assert _said(shown) == text.replace("\n", "")
        assert shown[-1]["markup"] == markup and not shown[0]["markup"]
    await _redraw(session, clock, ids[-1], "议事会已取消")
    await sender.drain()
    assert [(m["message_id"], m["text"]) for m in _shown(emulator)] == [(ids[-1], "议事会已取消")]
    assert list(emulator.errors) == []
