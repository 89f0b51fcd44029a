"""A resident phones at night: 老人独居，暖气不热. Nothing in it reads urgent to triage, and
☎️ 代居民登记 has no urgency choice, so the grid worker's card waited for the morning. Staff now
mark it 🚨 urgent on its card: the card says so, the grid worker is alerted at once (the card
held for the morning is dropped), the ledger records who did it; a forged tap is refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from models import AuditEvent
from models.orders import LedgerEvent, Request
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_staff_cards_live import unremembered

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1号楼)
WU = 4002  # 吴大爷, 阳光社区 1号楼 502
NIGHT = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # Mon 23:30 in Shanghai: quiet hours


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _phone_in(h: Harness, text: str) -> tuple[str, dict[str, Any]]:
    """李社工 files what a resident of 1号楼 said on the phone; its number and its card."""
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的", since=ask["message_id"] - 1)
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少", since=ask["message_id"] - 1)
    await d.tap(STAFF, "跳过", ask["message_id"])
    await d.expect(STAFF, "联系电话", since=ask["message_id"])
    [*_, prompt] = await d.say(STAFF, "跳过")
    assert "怎么称呼" in message_text(prompt), message_text(prompt)
    [*_, prompt] = await d.say(STAFF, "跳过")
    assert "反映的事情" in message_text(prompt), message_text(prompt)
    sent = await d.send(STAFF, text)
    filed = await d.expect(STAFF, "已代为登记", since=sent["message_id"])
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    card = await d.expect(STAFF, f"诉求 {number} ·", since=sent["message_id"])
    return number, card


async def test_staff_mark_a_phoned_in_request_urgent_and_the_grid_worker_is_alerted(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    h.clock.set(NIGHT)
    number, card = await _phone_in(h, "1号楼的老人独居，暖气不热，屋里很冷")
    assert "紧急" not in message_text(card)
    assert "🚨 标为紧急" in _labels(card), _labels(card)
    await service.drain()
    before = await d.messages(GRID_WORKER)
    assert not any(number in message_text(m) for m in before)  # held for the morning

    tapped = await d.tap(STAFF, "🚨 标为紧急", card["message_id"])
    assert "已标为紧急" in str(tapped), tapped
    # the card is redrawn: it reads urgent, and now offers to take it back
    redrawn = await d.expect(STAFF, "紧急（社区标注）", since=card["message_id"] - 1)
    assert redrawn["message_id"] == card["message_id"]
    assert "取消紧急" in _labels(redrawn), _labels(redrawn)
    # the grid worker is alerted now, at night; the ordinary card held for the morning is not
    # sent beside it; the one who marked it is not alerted about their own tap
    alert = await d.expect(GRID_WORKER, f"紧急诉求 {number}")
    assert "暖气不热" in message_text(alert)
    await service.drain()
    assert not any("新诉求" in message_text(m) for m in await d.messages(GRID_WORKER))
    assert not any("紧急诉求" in message_text(m) for m in await d.messages(STAFF))
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
        assert req.urgent
        [event] = (
            await s.exec(
                select(LedgerEvent).where(
                    col(LedgerEvent.request_id) == req.id,
                    col(LedgerEvent.action) == "mark_urgent",
                )
            )
        ).all()
        assert event.actor_id == STAFF and event.at == NIGHT

    # the grid worker opens it from the alert: their card offers 取消紧急 too
    await d.tap(GRID_WORKER, "查看诉求", alert["message_id"])
    theirs = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=alert["message_id"])
    assert "取消紧急" in _labels(theirs), _labels(theirs)

    # a resident's forged tap (on their own message) is refused and logged
    mine = await d.say(WU, "📂 我的诉求")
    forged = await d.click(WU, mine[-1]["message_id"], data=f"oc:surg:{req.id}:0")
    assert "没有权限" in str(forged), forged
    async with h.sessionmaker() as s:
        fresh = await s.get(Request, req.id)
        assert fresh is not None and fresh.urgent
        refusals = (await s.exec(select(AuditEvent).where(col(AuditEvent.actor_id) == WU))).all()
        assert [r.detail for r in refusals if r.action == "refused"] == ["set_urgency"]


async def test_a_second_tap_on_an_old_card_is_answered_politely(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, card = await _phone_in(h, "3号楼楼道灯坏了")
    # the grid worker marks it from their own card first; 李社工's was drawn before cards
    # were remembered (else redrawn at once)
    await unremembered(h)
    notice = await d.expect(GRID_WORKER, f"新诉求 {number}")
    await d.tap(GRID_WORKER, "查看诉求", notice["message_id"])
    theirs = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(GRID_WORKER, "🚨 标为紧急", theirs["message_id"])
    await d.expect(GRID_WORKER, "紧急（社区标注）", since=theirs["message_id"] - 1)
    # 李社工's card still offers 标为紧急: the tap says a colleague did it, and redraws it
    tapped = await d.tap(STAFF, "🚨 标为紧急", card["message_id"])
    assert "其他同事标为紧急" in str(tapped), tapped
    redrawn = await d.expect(STAFF, "紧急（社区标注）", since=card["message_id"] - 1)
    assert "取消紧急" in _labels(redrawn), _labels(redrawn)
    async with h.sessionmaker() as s:
        marks = (
            await s.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "mark_urgent"))
        ).all()
        assert [e.actor_id for e in marks] == [GRID_WORKER]
    # taken back: recorded, and nobody is told
    tapped = await d.tap(STAFF, "取消紧急", card["message_id"])
    assert "已取消紧急" in str(tapped), tapped
    async with h.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
        assert not req.urgent
        [event] = (
            await s.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "unmark_urgent"))
        ).all()
        assert event.actor_id == STAFF
