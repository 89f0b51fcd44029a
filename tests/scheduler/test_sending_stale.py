"""A notice the sender has already claimed is not sent once its matter moved on while it waited
its turn (here a 429 pause); a notice without a matter, or one cancelled after its call went
out, is sent as before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiogram import Bot
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.scheduling import Delivery, DeliveryState
from models.users import User
from sandbox.emulator import Emulator
from scheduler.limits import RateLimiter
from scheduler.sender import Sender
from services import delivery as outbox
from services.delivery import enqueue
from tests.scheduler.conftest import add_users
from tests.support import FakeClock

MATTER = "request:7:new"


class PauseHook(RateLimiter):
    """A limiter that runs `meanwhile` once while the sender waits out a 429, and then ends the
    pause (the test does not wait the real second)."""

    def __init__(self, meanwhile: Callable[[], Awaitable[None]]) -> None:
        super().__init__()
        self.meanwhile: Callable[[], Awaitable[None]] | None = meanwhile

    async def acquire(self, chat_id: int) -> float:
        if self.paused_until > 0 and self.meanwhile is not None:
            hook, self.meanwhile = self.meanwhile, None
            await hook()
            self.paused_until = 0.0
        return await super().acquire(chat_id)


def _texts(emu: Emulator) -> list[str]:
    return [m.msg.get("text", "") for m in emu.chats[11].messages if m.by_bot]


async def _states(session: AsyncSession) -> list[str]:
    rows = await session.exec(
        select(Delivery.state).order_by(col(Delivery.id)).execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _cancel(sm: async_sessionmaker[AsyncSession]) -> None:
    """A colleague takes the request up: its notices no longer apply (the state change)."""
    async with sm() as s:
        await outbox.cancel_stale(s, matter=MATTER)
        await s.commit()


async def test_a_reminder_cancelled_during_a_429_pause_is_not_sent(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="⏰ 诉求还没人受理", urgent=True, matter=MATTER, now=clock.now
    )
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, now=clock.now)  # no matter
    await session.commit()
    emulator.add_fault(
        method="sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 1",
    )
    sender = Sender(
        bot=bot,
        sessionmaker=sessionmaker,
        clock=clock,
        worker="t",
        limiter=PauseHook(lambda: _cancel(sessionmaker)),
    )
    assert await sender.drain() == 2
    assert _texts(emulator) == ["停水通知"]
    assert await _states(session) == [DeliveryState.CANCELLED, DeliveryState.SENT]


async def test_a_retry_does_not_bring_back_a_cancelled_notice(
    session: AsyncSession, sessionmaker: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="⏰ 诉求还没人受理", urgent=True, matter=MATTER, now=clock.now
    )
    await session.commit()
    [item] = await outbox.claim_deliveries(session, now=clock.now, limit=5, worker="t")
    assert item.matter == MATTER
    await _cancel(sessionmaker)
    # the sender's call failed (network) meanwhile: it would put the message back in the queue
    await outbox.record_retry(session, delivery_id=item.id, error="timeout", not_before=clock.now)
    assert await _states(session) == [DeliveryState.CANCELLED]


async def test_a_cancelled_notice_whose_send_is_refused_stays_cancelled(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """The matter moved on while the call was under way, and Telegram refused the message
    (400): the record says it was cancelled, not that it failed."""
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="⏰ 诉求还没人受理", urgent=True, matter=MATTER, now=clock.now
    )
    await session.commit()
    emulator.add_fault(method="sendMessage", error_code=400, description="Bad Request: oops")
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="t")
    sender._still_to_send = _cancelled_after_look(sender, sessionmaker)  # type: ignore[method-assign]
    assert await sender.drain() == 1
    assert _texts(emulator) == []
    assert await _states(session) == [DeliveryState.CANCELLED]


async def test_a_notice_cancelled_while_its_call_was_under_way_stays_cancelled_once_sent(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """The matter moved on while the call was under way: the message went (that window is one
    HTTP round trip), but the record of it says cancelled, as when the call fails; before, the
    record that it went made it 'sent' again."""
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="⏰ 诉求还没人受理", urgent=True, matter=MATTER, now=clock.now
    )
    await session.commit()
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="t")
    sender._still_to_send = _cancelled_after_look(sender, sessionmaker)  # type: ignore[method-assign]
    assert await sender.drain() == 1
    assert _texts(emulator) == ["⏰ 诉求还没人受理"]
    assert await _states(session) == [DeliveryState.CANCELLED]


def _cancelled_after_look(
    sender: Sender, sm: async_sessionmaker[AsyncSession]
) -> Callable[[object], Awaitable[bool]]:
    """The sender's last look finds the notice still to send; the cancellation commits right
    after it, while the Bot API call is under way."""
    look = sender._still_to_send

    async def still(item: object) -> bool:
        ok = await look(item)  # type: ignore[arg-type]
        await _cancel(sm)
        return ok

    return still


async def test_a_cancelled_notice_to_a_user_who_blocked_the_bot_stays_cancelled(
    emulator: Emulator,
    bot: Bot,
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """The matter moved on while the call was under way, and the call found the bot blocked
    (403): the notice stays cancelled; the user is still marked as having blocked the bot, and
    what else waited for them is marked blocked."""
    await add_users(session, [11])
    await enqueue(
        session, chat_id=11, text="⏰ 诉求还没人受理", urgent=True, matter=MATTER, now=clock.now
    )
    later = clock.now + timedelta(hours=1)
    await enqueue(session, chat_id=11, text="停水通知", urgent=True, not_before=later)
    await session.commit()
    emulator.set_blocked(11, True)
    sender = Sender(bot=bot, sessionmaker=sessionmaker, clock=clock, worker="t")
    sender._still_to_send = _cancelled_after_look(sender, sessionmaker)  # type: ignore[method-assign]
    assert await sender.drain() == 1
    assert await _states(session) == [DeliveryState.CANCELLED, DeliveryState.BLOCKED]
    user = await session.get(User, 11, populate_existing=True)
    assert user is not None and user.blocked_bot


async def test_cancelling_by_kind_leaves_the_matters_other_notices(session: AsyncSession) -> None:
    """The overdue job cancels the held 'deadline near' reminders of a claim, and only them:
    an assignment notice of the same claim held for the morning still goes."""
    await add_users(session, [11])
    claim = "claim:7:active"
    for kind in ("order-notice-deadline-near", "order-notice-assigned"):
        await enqueue(session, chat_id=11, text=kind, kind=kind, matter=claim)
    await session.commit()
    cancelled = await outbox.cancel_stale(
        session, matter=claim, kinds=("order-notice-deadline-near",)
    )
    await session.commit()
    assert cancelled == 1
    assert await _states(session) == [DeliveryState.CANCELLED, DeliveryState.PENDING]
