"""Cards follow what the scheduler's jobs change, not only what a tap changes. A staff member's
card of a request (the latest opened) was redrawn when a colleague or the resident acted, but
not when a job did: after a matter closed for want of a rating, 李社工's and 张网格员's cards
kept reading 已办结待评价; after a transfer's follow-up reminder, the card kept the follow-up
time that had passed. Now each job's change redraws the cards it affects in its own commit,
through the outbox (services.order_redraws.watch_job), as a colleague's change does: staff's
cards of the request, and members' cards and offers of its orders (shown with a job of this
module's own, since no order job today changes what a member's card reads)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from models.orders import Order
from models.scheduling import JobState, ScheduledJob
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services.jobs import JobContext, job_kind, schedule_job
from services.order_common import note_event
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.e2e.test_stale_buttons_done import _inline
from tests.orders.test_e2e_cycle import GRID_WORKER, LIU, STAFF, WU, ZHOU, _file
from tests.orders.test_e2e_qa import _handle_directly

MONDAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai
NEXT_MONDAY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # not rated in 7 days
ZONE_HOURS = 8  # Asia/Shanghai


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def _run(h: Harness, at: datetime) -> None:
    """The jobs due at `at` run, and what they queued is sent."""
    h.clock.set(at)
    await _scheduler(h).run_due()
    await _scheduler(h).drain()


async def _typed(h: Harness, chat: int, number: str) -> dict[str, Any]:
    """A staff member opens the request's card by typing its number."""
    sent = await h.driver.send(chat, number)
    return await h.driver.expect(chat, f"诉求 {number} ·", since=sent["message_id"])


async def _now(h: Harness, chat: int, card: dict[str, Any], reads: str) -> dict[str, Any]:
    """The card itself once it reads `reads` (redrawn in place, no new message)."""
    now = await h.driver.expect(chat, reads, since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    return now


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_a_matter_closed_unrated_redraws_every_staff_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY)
    number = await _file(h, WU, "2号楼门口的垃圾桶满了，味道很大")
    theirs = await _typed(h, GRID_WORKER, number)
    await _handle_directly(h, number, "已清运垃圾桶")
    mine = await d.expect(STAFF, f"诉求 {number} · 已办结待评价")
    theirs = await _now(h, GRID_WORKER, theirs, f"诉求 {number} · 已办结待评价")

    await _run(h, NEXT_MONDAY)  # no rating in the follow-up window: closed by the job

    for chat, card in ((STAFF, mine), (GRID_WORKER, theirs)):
        now = await _now(h, chat, card, f"诉求 {number} · 已结案")
        assert "回访期内居民没有评价，已自动结案" in message_text(now), message_text(now)
        assert "已清运垃圾桶" in message_text(now), message_text(now)
        # redrawn, not sent again
        again = [
            m
            for m in await d.messages(chat, card["message_id"])
            if message_text(m).startswith(f"诉求 {number} ·")
        ]
        assert again == [], [message_text(m) for m in again]
    assert await d.errors() == []


def _follow_up_line(message: dict[str, Any]) -> str:
    [line] = [x for x in message_text(message).splitlines() if x.startswith("跟进时间：")]
    return line


async def _follow_up_due(h: Harness, number: str) -> datetime:
    async with h.sessionmaker() as s:
        [due] = (
            await s.exec(
                select(ScheduledJob.due_at).where(
                    col(ScheduledJob.key) == f"request-{int(number)}-transfer",
                    col(ScheduledJob.state) == JobState.PENDING,
                )
            )
        ).all()
    return due.replace(tzinfo=UTC) if due.tzinfo is None else due


async def test_a_transfer_follow_up_moves_the_date_on_the_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(MONDAY)
    number = await _file(h, ZHOU, "小区东门外马路上的路灯坏了好几天")
    theirs = await _typed(h, GRID_WORKER, number)
    mine = await _typed(h, STAFF, number)
    await d.tap(STAFF, "转办", mine["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=mine["message_id"])
    await d.say(STAFF, "区市政管理所")
    sent = await d.send(STAFF, "跳过")
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    # the step is done once it has drawn 李社工's card too (it cancels redraws of that card
    # queued before it: a job run before then would have its redraw taken back)
    mine = await _now(h, STAFF, mine, f"诉求 {number} · 已转办")
    theirs = await _now(h, GRID_WORKER, theirs, f"诉求 {number} · 已转办")
    before = _follow_up_line(theirs)
    first = await _follow_up_due(h, number)

    await _run(h, first)  # staff are reminded, and the next follow-up is set
    await d.expect(STAFF, "还没有答复，请跟进", since=sent["message_id"])
    nxt = (await _follow_up_due(h, number)).timestamp() + ZONE_HOURS * 3600
    day = datetime.fromtimestamp(nxt, tz=UTC)
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        now = await _now(h, chat, card, f"{day.month}月{day.day}日")
        line = _follow_up_line(now)
        assert line != before and f"{day.month}月{day.day}日" in line, (before, line)
        assert "📥 记录回复" in _labels(now), _labels(now)
    assert await d.errors() == []


RESCHEDULED = "test.order-deadline-moved"


@job_kind(RESCHEDULED, too_late=timedelta(days=1))
async def _deadline_moved(ctx: JobContext, payload: dict[str, Any]) -> None:
    """A job of the kind the machinery is for (none of today's order jobs changes what a
    member's card shows): it gives the order another day and writes it to the ledger, and
    leaves the commit to the runner."""
    order = await ctx.session.get(Order, int(payload["order_id"]))
    assert order is not None and order.id is not None and order.deadline_at is not None
    order.deadline_at += timedelta(days=1)
    note_event(
        ctx.session,
        request_id=order.request_id,
        subject="order",
        subject_id=order.id,
        action="deadline",
        actor_id=None,
        now=ctx.now,
        state=order.status,
    )


async def test_a_job_changing_an_order_redraws_the_members_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)  # 刘师傅's card of the order he claimed
    rows = card["reply_markup"]["inline_keyboard"]
    [done] = [b["callback_data"] for row in rows for b in row if b["text"] == "✅ 完成上报"]
    async with h.sessionmaker() as s:
        order = await s.get(Order, int(done.split(":")[2]))
        assert order is not None and order.deadline_at is not None
        due = order.deadline_at + timedelta(days=1, hours=8)  # as read in Asia/Shanghai
        await schedule_job(s, kind=RESCHEDULED, due_at=h.clock.now, payload={"order_id": order.id})
        await s.commit()
    shown = f"{due.month}月{due.day}日"
    assert shown not in message_text(card), message_text(card)

    await _run(h, h.clock.now)

    now = await d.expect(LIU, shown, since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    assert "✅ 完成上报" in _inline(now), _inline(now)  # still his to report
    assert await d.errors() == []
