"""A member's offer of an order (✋ 接单) that was on its way — Telegram has it, the outbox has not
yet recorded it sent — when the order filled up or was cancelled is redrawn once recorded: 人已满
or 已取消, without ✋ 接单. Before, the change cancelled the offer in the outbox, so it went out
with its button, unrecorded, and was never redrawn. Offers already on screens when an order
still open is cancelled read 已取消 too (before, they kept ✋ 接单)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from models import Role, User
from models.orders import Order
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services import orders as order_service
from services.order_common import Notice, use_outbox
from services.order_notices import deliver
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.orders.test_e2e_member_cards import _buttons, _now

STAFF_ROLES = frozenset({Role.RESIDENT, Role.STAFF})


async def _act(h: Harness, order_no: str, action: str) -> None:
    """As the handlers do: 刘师傅 claims the order (it is full), or 李社工 cancels it; the
    notices go to the outbox in the same commit."""
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
        order = next(o for o in await _orders(session) if o.number == order_no)
        if action == "claim":
            liu = await session.get(User, LIU)
            assert liu is not None
            await order_service.claim_order(
                session, user=liu, roles=liu.role_set, order_id=order.id or 0, now=h.clock()
            )
        else:
            staff = await session.get(User, STAFF)
            assert staff is not None
            await order_service.cancel_order(
                session,
                user=staff,
                roles=STAFF_ROLES,
                order_id=order.id or 0,
                reason="居民说灯自己好了",
                now=h.clock(),
            )


async def _orders(session: Any) -> list[Order]:
    from sqlmodel import select

    return list((await session.exec(select(Order))).all())


@pytest.mark.parametrize(("action", "said"), [("claim", "人已满"), ("cancel", "已取消")])
async def test_an_offer_on_its_way_is_redrawn_once_sent(
    linli_sandbox: Harness, monkeypatch: pytest.MonkeyPatch, action: str, said: str
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    bot = service.sender.bot
    send = bot.send_message
    acted: list[int] = []

    async def act_meanwhile(chat_id: int, text: str, **kwargs: Any) -> Any:
        message = await send(chat_id, text, **kwargs)
        if chat_id == ZHAO and "新工单" in text and kwargs.get("reply_markup") and not acted:
            acted.append(message.message_id)
            await _act(h, text.split("新工单 ")[1].split("：")[0], action)
        return message

    monkeypatch.setattr(bot, "send_message", act_meanwhile)
    await _issue(h, "楼道里的灯坏了，晚上看不见路")
    await service.drain()
    await service.drain()  # the redraw the follow-up queued
    assert acted
    offer = await d.expect(ZHAO, said, since=acted[0] - 1)
    assert offer["message_id"] == acted[0]
    text = message_text(await _now(d, ZHAO, acted[0]))
    assert "新工单" not in text and "不用再接了" in text, text
    assert "✋ 接单" not in _buttons(await _now(d, ZHAO, acted[0]))
    assert await d.errors() == []


async def test_offers_on_screens_read_cancelled(linli_sandbox: Harness) -> None:
    """李社工 cancels an order nobody took yet: 刘师傅's and 赵医生's offers say so."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    offers = {m: await d.expect(m, f"新工单 {order_no}") for m in (LIU, ZHAO)}
    await _act(h, order_no, "cancel")
    for member, offer in offers.items():
        now = await d.expect(member, "已取消", since=offer["message_id"] - 1)
        assert now["message_id"] == offer["message_id"]
        assert "已取消，不用再接了" in message_text(now), message_text(now)
        assert _buttons(now) == [], _buttons(now)
    assert await d.errors() == []
