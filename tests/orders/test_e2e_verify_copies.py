"""A reported result goes to every staff member who can check it (李社工 and 张网格员 for a
1号楼 matter), each with ✅ 验收通过 / ↩️ 退回. Once one of them decided, the other's copy kept
its buttons, and only a tap on it said who had decided. Now every colleague's copy — the
请验收 notice and the reminder a day later — is redrawn at once through the outbox: its words
as they were, who decided and when below, no buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from models.scheduling import JobState, ScheduledJob
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_stale_buttons_done import _inline, _now
from tests.orders.test_e2e_cycle import STAFF
from tests.orders.test_e2e_job_redraws import _run
from tests.orders.test_e2e_verify_card_after import _verify_card

GRID_WORKER = 2002  # 张网格员


def _hhmm(at: datetime) -> str:
    """A moment as the card writes its time of day (Asia/Shanghai)."""
    return (at + timedelta(hours=8)).astimezone(UTC).strftime("%H:%M")


async def _redrawn(h: Harness, chat: int, copy: dict[str, Any], says: str) -> dict[str, Any]:
    """The copy itself once it says `says` (redrawn in place, not sent again)."""
    now = await h.driver.expect(chat, says, since=copy["message_id"] - 1)
    assert now["message_id"] == copy["message_id"], message_text(now)
    return now


async def test_an_acceptance_redraws_the_colleagues_copy(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    mine, _data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    assert "✅ 验收通过" in _inline(mine), _inline(mine)

    await d.click(GRID_WORKER, theirs["message_id"], text="✅ 验收通过")
    await d.expect(GRID_WORKER, "已验收", since=theirs["message_id"] - 1)

    now = await _redrawn(h, STAFF, mine, "张网格员 已于")
    text = message_text(now)
    assert _inline(now) == [], _inline(now)
    assert "验收通过，不用再验收了" in text and _hhmm(h.clock.now) in text, text
    # what it was about stays: the order, its title, the member's report
    assert message_text(mine).split("\n")[0] in text and "换了新灯泡" in text, text
    # a button of it, had the redraw not reached it, still says who decided
    answer = await d.click(STAFF, mine["message_id"], data=_data["✅ 验收通过"])
    said = str(answer["answer"]["text"])
    assert "张网格员" in said and "验收通过" in said, said
    assert await d.errors() == []


async def test_a_send_back_redraws_the_colleagues_copy(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    mine, _data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")

    await d.tap(STAFF, "退回", mine["message_id"])
    await d.expect(STAFF, "还差什么", since=mine["message_id"])
    await d.say(STAFF, "请补一张照片")

    now = await _redrawn(h, GRID_WORKER, theirs, "李社工 已于")
    text = message_text(now)
    assert _inline(now) == [] and "退回给接单人" in text and "换了新灯泡" in text, text
    assert _hhmm(h.clock.now) in text, text
    # 李社工's own copy is the one he sent back from: drawn by the step, saying so
    assert "已退回给接单人" in message_text(await _now(d, STAFF, mine["message_id"]))
    assert await d.errors() == []


async def test_the_reminder_copies_are_redrawn_too(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    mine, data = await _verify_card(h)
    order_id = int(data["✅ 验收通过"].split(":")[2])
    async with h.sessionmaker() as s:
        [due] = (
            await s.exec(
                select(ScheduledJob.due_at).where(
                    col(ScheduledJob.key) == f"order-{order_id}-verify",
                    col(ScheduledJob.state) == JobState.PENDING,
                )
            )
        ).all()
    await _run(h, due if due.tzinfo else due.replace(tzinfo=UTC))  # not checked in a day
    reminder = await d.expect(STAFF, "还没有验收", since=mine["message_id"])
    assert "✅ 验收通过" in _inline(reminder), _inline(reminder)
    theirs = await d.expect(GRID_WORKER, "还没有验收")

    await d.click(GRID_WORKER, theirs["message_id"], text="✅ 验收通过")
    await d.expect(GRID_WORKER, "已验收", since=theirs["message_id"] - 1)

    for copy in (mine, reminder):
        now = await _redrawn(h, STAFF, copy, "张网格员 已于")
        assert _inline(now) == [] and "验收通过" in message_text(now), message_text(now)
    assert await d.errors() == []


async def test_the_deciders_other_copy_is_redrawn_too(linli_sandbox: Harness) -> None:
    """李社工 accepts on the reminder: the reminder says so (drawn by the step), and his first
    请验收 notice loses its buttons, saying who accepted, like his colleague's copies (it kept
    them: only a tap on it said it was done)."""
    h = linli_sandbox
    d = h.driver
    mine, data = await _verify_card(h)
    order_id = int(data["✅ 验收通过"].split(":")[2])
    async with h.sessionmaker() as s:
        [due] = (
            await s.exec(
                select(ScheduledJob.due_at).where(
                    col(ScheduledJob.key) == f"order-{order_id}-verify",
                    col(ScheduledJob.state) == JobState.PENDING,
                )
            )
        ).all()
    await _run(h, due if due.tzinfo else due.replace(tzinfo=UTC))
    reminder = await d.expect(STAFF, "还没有验收", since=mine["message_id"])

    await d.click(STAFF, reminder["message_id"], text="✅ 验收通过")
    await d.expect(STAFF, "已验收", since=reminder["message_id"] - 1)

    now = await _redrawn(h, STAFF, mine, "李社工 已于")
    assert _inline(now) == [] and "验收通过" in message_text(now), message_text(now)
    assert await d.errors() == []
