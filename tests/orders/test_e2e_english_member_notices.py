"""An English-speaking member reads an order's title in English in the notices the bot sends
him, as in 🛠 Open orders (d77e803), when the title is its category's name (what an order is
called when staff type none): the new-order offer, '⏰ … is nearly due' and '⏰ … is past its
time limit'. Before, they read '🛠 New order G00001: 水电维修' among English words. (The
resident's words name her room, so the order keeps its category's name.)"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.orders import Order
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU
from tests.support import reply_to

ENGLISH = "Water and electricity repairs"


async def test_an_english_member_reads_the_offer_and_reminders_in_english(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await d.add_user(id=LIU, first_name="刘师傅", language_code="en")  # his phone is in English
    await reply_to(d, LIU, "/start", "Hello")  # the bot learns his language
    order_no = await _issue(h, "3单元502厨房的水管漏水了")
    offer = await d.expect(LIU, f"New order {order_no}")
    assert f"New order {order_no}: {ENGLISH}" in message_text(offer), message_text(offer)
    assert "水电维修" not in message_text(offer)
    await d.click(LIU, offer["message_id"], text="✋ Claim")
    claimed = await d.expect(LIU, f"You claimed order {order_no}", since=offer["message_id"])

    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
    assert order.deadline_at is not None
    h.clock.set(order.deadline_at - timedelta(minutes=1))
    await service.run_due()
    await service.drain()
    near = await d.expect(LIU, "is nearly due", since=claimed["message_id"])
    assert f"Order {order_no} ({ENGLISH}) is nearly due" in message_text(near), message_text(near)

    h.clock.set(order.deadline_at + timedelta(minutes=1))
    await service.run_due()
    await service.drain()
    late = await d.expect(LIU, "past its time limit", since=near["message_id"])
    assert f"Your order {order_no} ({ENGLISH}) is past" in message_text(late), message_text(late)
