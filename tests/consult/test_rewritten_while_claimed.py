"""A message the sender has claimed and not sent yet (waiting its turn: a chat's limit, a 429
pause) that is rewritten meanwhile (services.delivery.rewrite_unsent) goes only as rewritten,
on SQLite and PostgreSQL: a held meeting announcement after a 延期 reaches each resident once,
with the new time; a staff card about a topic whose proposer deleted their data (/forget)
reaches staff without the phone and name they typed. Before, the sender looked again only at
notices naming a matter, so the claimed row went in its old version, and then its copy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import make_bot
from bot.settings import Settings
from models.scheduling import Delivery, DeliveryState
from sandbox.emulator import SANDBOX_TOKEN, Emulator
from scheduler.sender import Sender
from services import delivery as outbox
from services import meetings, topics
from services.consult_common import Notifier
from services.delivery import Claimed
from services.users import forget_user
from tests.consult.conftest import NOW, World
from tests.consult.test_meetings import START, published

WORKER = "sender"


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emu = Emulator(limits=False)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[Bot]:
    client = make_bot(Settings(bot_token=SANDBOX_TOKEN, bot_api_base=emulator.base_url))
    try:
        yield client
    finally:
        await client.session.close()


def _sender(bot: Bot, sessionmaker: async_sessionmaker[AsyncSession]) -> Sender:
    return Sender(bot=bot, sessionmaker=sessionmaker, clock=lambda: NOW, worker=WORKER)


async def _claim(session: AsyncSession, emulator: Emulator) -> list[Claimed]:
    """The sender takes everything due (its turn comes later); the chats are known to the
    emulator."""
    claimed = await outbox.claim_deliveries(session, now=NOW, limit=100, worker=WORKER)
    for chat_id in {c.chat_id for c in claimed}:
        emulator.add_user(id=chat_id, first_name=f"U{chat_id}")
    return claimed


async def _send_claimed(sender: Sender, claimed: list[Claimed]) -> None:
    """The sender's turn comes for what it claimed before the change."""
    by_chat: dict[int, list[Claimed]] = defaultdict(list)
    for item in claimed:
        by_chat[item.chat_id].append(item)
    for items in by_chat.values():
        await sender._send_chat(items)


def _received(emulator: Emulator, chat_id: int) -> list[str]:
    chat = emulator.chats.get(chat_id)
    if chat is None:
        return []
    return [m.msg.get("text", "") or m.msg.get("caption", "") for m in chat.messages if m.by_bot]


async def test_a_claimed_announcement_postponed_meanwhile_reaches_each_resident_once(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
    emulator: Emulator,
    bot: Bot,
) -> None:
    meeting = await published(session, world, notifier)
    claimed = await _claim(session, emulator)
    announced = [c for c in claimed if "议事会通知" in c.text]
    assert len(announced) >= 2 and all("11月25日" in c.text for c in announced)
    await meetings.postpone_meeting(
        session,
        user=world.staff,
        roles=world.staff_roles,
        meeting_id=meeting.id or 0,
        starts_at=START + timedelta(days=7),
        reason="场地维修",
        now=NOW,
        notifier=notifier,
    )
    await session.commit()
    sender = _sender(bot, sessionmaker)
    await _send_claimed(sender, claimed)
    await sender.drain(now=NOW)  # the rewritten copies, the 延期 notices
    for item in announced:
        got = [t for t in _received(emulator, item.chat_id) if "议事会通知" in t]
        assert len(got) == 1, (item.chat_id, got)
        assert "12月2日（周三）10:00" in got[0] and "11月25日" not in got[0]
    # the copy is known by the announcement's key: later changes find it sent, to redraw it
    rows = (
        await session.exec(
            select(Delivery)
            .where(col(Delivery.dedupe_key).startswith(f"meeting:{meeting.id}:announce:"))
            .execution_options(populate_existing=True)
        )
    ).all()
    assert len(rows) == len(announced)
    assert {r.state for r in rows} == {DeliveryState.SENT}
    assert all("12月2日（周三）10:00" in r.text for r in rows)
    originals = [await session.get(Delivery, c.id, populate_existing=True) for c in announced]
    assert {o.state for o in originals if o is not None} == {DeliveryState.CANCELLED}


async def test_a_claimed_topic_card_reaches_staff_without_what_the_proposer_deleted(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    notifier: Notifier,
    emulator: Emulator,
    bot: Bot,
) -> None:
    await topics.propose_topic(
        session,
        user=world["a1"],
        title="电梯噪音 张大爷13812345678",
        detail="我是张大爷，晚上电梯太吵",
        now=NOW,
        notifier=notifier,
    )
    await session.commit()
    claimed = await _claim(session, emulator)
    [card] = [c for c in claimed if c.chat_id == world.staff.id and c.kind == "topic"]
    assert "13812345678" in card.text
    await forget_user(session, user=world["a1"], now=NOW)
    await session.commit()
    sender = _sender(bot, sessionmaker)
    await _send_claimed(sender, claimed)
    await sender.drain(now=NOW)
    got = [t for t in _received(emulator, world.staff.id) if "电梯噪音" in t]
    assert len(got) == 1, got
    assert "13812345678" not in got[0] and "张大爷" not in got[0]
    assert "晚上电梯太吵" in got[0]
