"""A stale 请验收 copy still showing ✅ 验收通过 (a reminder a job queued as the result was being
checked, before the job's compare-and-set) tapped twice at once by 张网格员: one tap redraws it
with who checked it, the other leaves it. Before, both edited it and Telegram refused the second
as 'message is not modified'."""

from __future__ import annotations

import asyncio

from sqlalchemy import update
from sqlmodel import col

from models.scheduling import Delivery
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF
from tests.orders.test_e2e_verify_card_after import _verify_card

GRID_WORKER = 2002  # 张网格员


async def _retag(h: Harness, chat_id: int, message_id: int, matter: str) -> None:
    async with h.sessionmaker() as s:
        await s.exec(  # type: ignore[call-overload]
            update(Delivery)
            .where(col(Delivery.chat_id) == chat_id, col(Delivery.message_ids) == str(message_id))
            .values(matter=matter)
        )
        await s.commit()


async def test_a_double_tap_on_a_stale_verify_copy_edits_it_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    verify, data = await _verify_card(h)
    theirs = await d.expect(GRID_WORKER, "请验收")
    order_id = data["✅ 验收通过"].split(":")[-1]
    # 张网格员's copy is out of the round's redraw (as a reminder queued after the check)
    await _retag(h, GRID_WORKER, theirs["message_id"], "elsewhere")
    await d.click(STAFF, verify["message_id"], data=data["✅ 验收通过"])
    await d.expect(STAFF, "已验收", since=verify["message_id"] - 1)
    await _retag(h, GRID_WORKER, theirs["message_id"], f"order:{order_id}:done")
    taps = await asyncio.gather(
        *(d.click(GRID_WORKER, theirs["message_id"], text="✅ 验收通过") for _ in range(2))
    )
    assert all("验收通过" in str(t["answer"]["text"]) for t in taps), taps
    now = await d.expect(GRID_WORKER, "李社工", since=theirs["message_id"] - 1)
    assert now["message_id"] == theirs["message_id"], message_text(now)
    edits = [
        c
        for c in await d.calls("editMessageText")
        if str(c.get("params", c).get("chat_id")) == str(GRID_WORKER)
    ]
    assert len(edits) == 1, edits
    assert await d.errors() == []
