"""Filing for a resident (☎️ 代居民登记) can be cancelled at every step."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工, 阳光社区


async def _to_step(h: Harness, step: str) -> dict:
    """Walk the flow to a step; returns the message carrying that step's buttons."""
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    if step == "building":
        return ask
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的")
    if step == "channel":
        return ask
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少")
    if step == "room":
        return ask
    [phone] = await d.say(STAFF, "602")
    assert "联系电话" in message_text(phone)
    return phone


@pytest.mark.parametrize("step", ["building", "channel", "room", "phone"])
async def test_every_step_of_filing_on_behalf_offers_cancel(
    linli_sandbox: Harness, step: str
) -> None:
    h = linli_sandbox
    d = h.driver
    msg = await _to_step(h, step)
    # before: the building and channel steps had only their choices, no way out
    assert "✖️ 取消" in str(msg["reply_markup"]), msg["reply_markup"]
    await d.tap(STAFF, "✖️ 取消", msg["message_id"])
    await d.expect(STAFF, "已取消代居民登记")
    menu = await d.expect(STAFF, "已取消，回到主菜单", since=msg["message_id"])
    keys = [b["text"] for row in menu["reply_markup"]["keyboard"] for b in row]
    assert "☎️ 代居民登记" in keys
    # the flow is over: typed text is not taken as a room, phone or matter
    await d.say(STAFF, "老人独居，家里水管漏水")
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Request))).all() == []
