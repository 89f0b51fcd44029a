"""Timed rules through the real job runner: unanswered, re-offer then escalate, overdue,
verification reminder, transfer follow-up, 回访 reminder and unrated close."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import LedgerEvent, Request, RequestStatus
from models.scheduling import Delivery
from scheduler.runner import JobRunner
from services import orders as svc
from services import requests as req_svc
from tests.orders.conftest import T0, World, draft
from tests.support import FakeClock


async def _sent(sm: async_sessionmaker[AsyncSession], skip: int = 0) -> list[tuple[int, str]]:
    """Outbox messages, oldest first, after the first `skip`."""
    async with sm() as s:
        rows = await s.exec(select(Delivery).order_by(col(Delivery.id)))
        return [(d.chat_id, d.text) for d in rows.all()][skip:]


async def test_unanswered_then_unclaimed_reoffer_escalate_and_overdue(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    clock.advance(timedelta(hours=25))
    await runner.run_due()
    sent = await _sent(sessionmaker)
    assert {c for c, text in sent if "还没有人受理" in text} == {
        world.staff.id,
        world.grid_staff.id,
    }
    n = len(sent)
    order = (
        await svc.issue_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=req.id or 0,
            spec=svc.OrderSpec(),
            now=clock(),
        )
    ).order
    assert order is not None
    clock.advance(timedelta(hours=12, minutes=1))
    await runner.run_due()
    again = await _sent(sessionmaker, n)
    assert {c for c, text in again if "还在等人接" in text} == {
        world.member.id,
        world.member2.id,
        world.member3.id,
    }
    n += len(again)
    clock.advance(timedelta(hours=12, minutes=1))
    await runner.run_due()
    escalated = await _sent(sessionmaker, n)
    assert {c for c, text in escalated if "长时间没人接" in text} == {
        world.staff.id,
        world.grid_staff.id,
    }
    n += len(escalated)
    await svc.claim_order(
        session,
        user=world.member,
        roles=world.roles(world.member),
        order_id=order.id or 0,
        now=clock(),
    )
    clock.set(T0 + timedelta(hours=25 + 48 - 5))  # within six hours of the 48-hour limit
    await runner.run_due()
    near = await _sent(sessionmaker, n)
    assert [(c, "快到办理时限" in text) for c, text in near] == [(world.member.id, True)]
    n += len(near)
    clock.advance(timedelta(days=3))  # past the facilities category's 48 hours
    await runner.run_due()
    overdue = await _sent(sessionmaker, n)
    assert any(c == world.member.id and "超过时限" in text for c, text in overdue)
    assert any(c == world.staff.id and "超过办理时限" in text for c, text in overdue)
    async with sessionmaker() as s:
        actions = (
            await s.exec(select(LedgerEvent.action).where(col(LedgerEvent.request_id) == req.id))
        ).all()
        assert {"reoffer", "escalate", "overdue"} <= set(actions)


async def test_rating_follow_up_then_unrated_close(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    roles = world.roles(world.staff)
    await svc.transfer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        unit="供电所",
        note=None,
        now=T0,
    )
    clock.advance(timedelta(days=3, minutes=1))
    await runner.run_due()
    assert any("还没有答复" in text for _, text in await _sent(sessionmaker))
    await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        answer="已修复",
        now=clock(),
    )
    n = len(await _sent(sessionmaker))
    clock.advance(timedelta(hours=48, minutes=1))
    await runner.run_due()
    assert [(c, "您满意吗" in t) for c, t in await _sent(sessionmaker, n)] == [
        (world.resident.id, True)
    ]
    clock.advance(timedelta(days=6))
    await runner.run_due()
    async with sessionmaker() as s:
        stored = await s.get(Request, req.id)
        assert stored is not None and stored.status == RequestStatus.CLOSED


async def test_an_interim_answer_is_told_and_the_follow_up_starts_again(
    session: AsyncSession,
    sessionmaker: async_sessionmaker[AsyncSession],
    world: World,
    runner: JobRunner,
    clock: FakeClock,
) -> None:
    """The unit answers "已派人，预计周二前修好": the resident is told how it stands, the matter
    stays transferred (not done, not back in the queue), the ledger has the answer, and the
    follow-up counts again from the answer, quoting it."""
    req = (
        await req_svc.file_request(
            session, user=world.resident, draft=draft(), suggestion=None, now=T0
        )
    ).request
    roles = world.roles(world.staff)
    await svc.transfer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        unit="供电所",
        note=None,
        now=T0,
    )
    clock.advance(timedelta(days=2))
    told = await svc.record_transfer_progress(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        answer="已派人，预计周二前修好",
        now=clock(),
    )
    assert [(n.chat_id, n.key, n.args.get("answer")) for n in told.notices] == [
        (world.resident.id, "order-notice-transfer-progress", "已派人，预计周二前修好")
    ]
    async with sessionmaker() as s:
        stored = await s.get(Request, req.id)
        assert stored is not None and stored.status == RequestStatus.TRANSFERRED
        events = (
            await s.exec(select(LedgerEvent).where(col(LedgerEvent.request_id) == req.id))
        ).all()
        assert [e.note for e in events if e.action == svc.TRANSFER_PROGRESS] == [
            "已派人，预计周二前修好"
        ]
    # three days after the transfer (one after the answer): no reminder yet
    n = len(await _sent(sessionmaker))
    clock.advance(timedelta(days=1, minutes=1))
    await runner.run_due()
    assert not [t for _, t in await _sent(sessionmaker, n) if "⏰" in t]
    # three days after the answer: reminded, with the answer quoted
    clock.advance(timedelta(days=2))
    await runner.run_due()
    reminders = [t for _, t in await _sent(sessionmaker, n) if "⏰" in t]
    assert reminders and all("已派人，预计周二前修好" in t for t in reminders), reminders
    # the final answer: done, and asked to rate as before
    out = await svc.record_transfer_answer(
        session,
        user=world.staff,
        roles=roles,
        request_id=req.id or 0,
        answer="已修复",
        now=clock(),
    )
    assert out.request is not None and out.request.status == RequestStatus.DONE
