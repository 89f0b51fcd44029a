"""Two staff members check one reported result (李社工 and 张网格员, both sent 请验收 for a 1号楼
matter). They tap ✅ 验收通过 at the same moment: exactly one accepts it, the other's tap says who
did (before: '这件事刚刚已经有人处理过了', not who, nor what), and both copies end without
buttons, the loser's redrawn through the outbox saying who accepted it, with no edit refused
('message is not modified'). And a copy that was on its way when the result was checked — the
sender's call under way, its message id not recorded yet — is redrawn once recorded sent (before,
the check cancelled it in the outbox: it went out with ✅ 验收通过 / ↩️ 退回, unrecorded, and was
never redrawn). SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import pytest
from sqlmodel import select

from models import User
from models.orders import LedgerEvent, Order
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services import orders as order_service
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.e2e.test_stale_buttons_done import _inline, _now, _report
from tests.orders.test_e2e_cycle import LIU, STAFF
from tests.orders.test_e2e_verify_card_after import _verify_card
from tests.support import SettledDriver

GRID_WORKER = 2002  # 张网格员
NAMES = {STAFF: "李社工", GRID_WORKER: "张网格员"}


async def _both_tap(h: Harness) -> None:
    d = h.driver
    mine, _data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    copies = {STAFF: mine, GRID_WORKER: theirs}
    results = await asyncio.gather(
        *(
            d.click(chat, copy["message_id"], text="✅ 验收通过", timeout=10)
            for chat, copy in copies.items()
        )
    )
    async with h.sessionmaker() as s:
        order = (await s.exec(select(Order))).one()
        verified = (await s.exec(select(LedgerEvent).where(LedgerEvent.action == "verify"))).all()
    assert order.status == "verified" and len(verified) == 1, (order.status, verified)
    winner = order.verified_by
    assert winner in copies, winner
    [loser] = [chat for chat in copies if chat != winner]
    answers = dict(zip(copies, results, strict=True))
    # the loser's tap says who accepted it, and that it was accepted
    said = str(answers[loser]["answer"]["text"])
    assert NAMES[winner] in said and "验收通过" in said, said
    # the winner's copy says it was accepted; the loser's is redrawn in place, naming the winner
    await d.expect(winner, "已验收", since=copies[winner]["message_id"] - 1)
    now = await d.expect(loser, f"{NAMES[winner]} 已于", since=copies[loser]["message_id"] - 1)
    assert now["message_id"] == copies[loser]["message_id"], message_text(now)
    assert "验收通过，不用再验收了" in message_text(now), message_text(now)
    for chat, copy in copies.items():
        assert _inline(await _now(d, chat, copy["message_id"])) == [], chat
    assert await d.errors() == []


async def test_two_staff_accept_at_once_on_sqlite(linli_sandbox: Harness) -> None:
    await _both_tap(linli_sandbox)


@pytest.mark.postgres
async def test_two_staff_accept_at_once_on_postgres(linli_sandbox_pg: Harness) -> None:
    await _both_tap(linli_sandbox_pg)


async def _check(h: Harness, *, approve: bool) -> None:
    """As the handler does: 李社工 accepts the result (or sends it back), the notices going to
    the outbox in the same commit."""
    async with h.sessionmaker() as session:

        async def sink(notices: Sequence[Notice]) -> int:
            return await deliver(
                session,
                notices,
                texts=h.sandbox.app.translator,
                default_language="zh-Hans",
                now=h.clock(),
            )

        use_outbox(session, sink)
        order = (await session.exec(select(Order))).one()
        staff = await session.get(User, STAFF)
        assert staff is not None
        await order_service.verify(
            session,
            user=staff,
            roles=staff.role_set,
            order_id=order.id or 0,
            approve=approve,
            note=None if approve else "请补一张照片",
            now=h.clock(),
        )


@pytest.mark.parametrize(("approve", "said"), [(True, "验收通过"), (False, "退回给接单人")])
async def test_a_copy_on_its_way_is_redrawn_once_sent(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch, approve: bool, said: str
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    bot = service.sender.bot
    send = bot.send_message
    checked: list[int] = []

    async def check_meanwhile(chat_id: int, text: str, **kwargs: Any) -> Any:
        message = await send(chat_id, text, **kwargs)
        live = chat_id == GRID_WORKER and "请验收" in text and kwargs.get("reply_markup")
        if live and not checked:  # Telegram has it; the outbox has not recorded it sent yet
            checked.append(message.message_id)
            await _check(h, approve=approve)
        return message

    monkeypatch.setattr(bot, "send_message", check_meanwhile)
    card = await _claimed_card(h)
    await _report(d, card, "换了新灯泡")
    await service.drain()
    await service.drain()  # the redraw the follow-up queued
    assert checked
    now = await d.expect(GRID_WORKER, "李社工 已于", since=checked[0] - 1)
    assert now["message_id"] == checked[0], message_text(now)
    text = message_text(now)
    assert said in text and "换了新灯泡" in text, text
    assert _inline(await _now(d, GRID_WORKER, checked[0])) == []
    assert await d.errors() == []


async def test_a_round_reported_again_leaves_the_copy_sent_back_from(
    linli_sandbox: Harness,
) -> None:
    """李社工 sends the result back from his copy (drawn by the step: 已退回, the reason);
    刘师傅 reports again, and 张网格员 accepts the new round on his new copy. 李社工's new copy
    says so; his first one keeps saying it was sent back (before, the second check redrew it
    too, as if the first report had been accepted by 张网格员)."""
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    await _report(d, card, "换了新灯泡")
    mine = await d.expect(STAFF, "请验收")
    theirs = await d.expect(GRID_WORKER, "请验收")
    await d.tap(STAFF, "退回", mine["message_id"])
    await d.expect(STAFF, "还差什么", since=mine["message_id"])
    await d.say(STAFF, "请补一张照片")
    await d.expect(GRID_WORKER, "李社工 已于", since=theirs["message_id"] - 1)
    sent_back = message_text(await _now(d, STAFF, mine["message_id"]))
    assert "已退回给接单人" in sent_back and "请补一张照片" in sent_back, sent_back

    back = await d.expect(LIU, "被退回")
    await _report(d, back, "又换了一个灯泡")
    again = await d.expect(STAFF, "请验收", since=mine["message_id"])
    new = await d.expect(GRID_WORKER, "请验收", since=theirs["message_id"])
    await d.click(GRID_WORKER, new["message_id"], text="✅ 验收通过")
    await d.expect(GRID_WORKER, "已验收", since=new["message_id"] - 1)
    now = await d.expect(STAFF, "张网格员 已于", since=again["message_id"] - 1)
    assert now["message_id"] == again["message_id"], message_text(now)
    assert "又换了一个灯泡" in message_text(now), message_text(now)
    assert isinstance(d, SettledDriver)
    await d.settle()
    assert message_text(await _now(d, STAFF, mine["message_id"])) == sent_back
    assert await d.errors() == []


async def test_a_check_on_the_staff_order_card_redraws_every_copy(
    linli_sandbox: Harness,
) -> None:
    """李社工 accepts on his card of the order (its number typed), not on a 请验收: his copy
    and 张网格员's are redrawn saying he accepted it, without buttons."""
    h = linli_sandbox
    d = h.driver
    mine, _data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    order_no = message_text(mine).split("工单 ")[1].split("（")[0]
    sent = await d.send(STAFF, order_no)
    card = await d.expect(STAFF, f"工单 {order_no} ·", since=sent["message_id"])
    await d.tap(STAFF, "验收通过", card["message_id"])
    await d.expect(STAFF, f"工单 {order_no} 已验收", since=card["message_id"])
    for chat, copy in ((STAFF, mine), (GRID_WORKER, theirs)):
        now = await d.expect(chat, "李社工 已于", since=copy["message_id"] - 1)
        assert now["message_id"] == copy["message_id"], message_text(now)
        assert _inline(now) == [] and "验收通过，不用再验收了" in message_text(now)
    assert await d.errors() == []
