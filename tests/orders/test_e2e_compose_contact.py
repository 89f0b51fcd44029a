"""A contact shared while describing a matter (the plumber she knows, or her own number to be
called on) is written into the description, where staff read it on the card; before, it was
refused ('这里只能收文字、照片、语音和位置'). A name with markup in it is shown as typed."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

HUANG = 4005  # 黄奶奶
STAFF = 2001  # 李社工


async def test_contacts_join_the_description(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(HUANG, "📝 我要点单")
    await d.say(HUANG, "厨房水管漏水，之前修过的师傅电话在这里")
    sent = await d.send(
        HUANG,
        contact={"phone_number": "8613912345678", "first_name": "张<b>师傅</b>", "user_id": 9},
    )
    got = await d.expect(HUANG, "已写进诉求说明", since=sent["message_id"])
    assert "联系人：张<b>师傅</b> 13912345678" in message_text(got), message_text(got)
    sent = await d.send(HUANG, contact={"phone_number": "8613900000005"})
    own = await d.expect(HUANG, "已写进诉求说明", since=sent["message_id"])
    assert "联系电话：13900000005" in message_text(own)
    [*_, preview] = await d.say(HUANG, "✅ 说完了")
    assert "张<b>师傅</b> 13912345678" in message_text(preview), message_text(preview)
    await d.tap(HUANG, "确认提交", preview["message_id"])
    await d.expect(HUANG, "已提交，编号", since=preview["message_id"] - 1)
    async with h.sessionmaker() as session:
        request = (await session.exec(select(Request))).one()
    assert request.text.splitlines() == [
        "厨房水管漏水，之前修过的师傅电话在这里",
        "联系人：张<b>师傅</b> 13912345678",
        "联系电话：13900000005",
    ]
    card = await d.expect(STAFF, "厨房水管漏水")
    assert "联系人：张<b>师傅</b> 13912345678" in message_text(card)
