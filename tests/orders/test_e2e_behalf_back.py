"""Filing for a resident (☎️ 代居民登记) goes back a step (DESIGN: every flow goes back a step):
after the building, each step has ⬅️ 上一步 (under the channel's buttons, beside 跳过 and 取消 at
the room, phone and name, beside 取消 on the keyboard at the request; also typed: 上一步 / 返回),
which asks the step before again with what was entered. Before, a wrong room or phone meant
cancelling and typing everything again, and '⬅️ 上一步' was refused as 'not text'."""

from __future__ import annotations

from sqlmodel import select

from models import Building
from models.orders import Channel, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


def _inline(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _reply_labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("keyboard", []) for b in row]


async def test_filing_on_behalf_goes_back_and_files_the_change(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    assert "⬅️ 上一步" not in _inline(ask)  # the building: the first step
    await d.tap(STAFF, "1号楼", ask["message_id"])
    channel = await d.expect(STAFF, "怎么反映的")
    assert "⬅️ 上一步" in _inline(channel)
    # back to the buildings, in the same message; another building this time
    await d.tap(STAFF, "⬅️ 上一步", ask["message_id"])
    await d.expect(STAFF, "哪栋楼", since=ask["message_id"] - 1)
    await d.tap(STAFF, "2号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的", since=ask["message_id"] - 1)
    await d.tap(STAFF, "来访", ask["message_id"])
    room = await d.expect(STAFF, "房号是多少", since=ask["message_id"] - 1)
    assert _inline(room) == ["跳过", "⬅️ 上一步", "✖️ 取消"]
    phone = await reply_to(d, STAFF, "602", "联系电话")
    # typed at the phone step, the back label is no phone: the room is asked again
    again = await reply_to(d, STAFF, "⬅️ 上一步", "房号是多少")
    assert "602" in message_text(again)
    await reply_to(d, STAFF, "603", "联系电话")
    await reply_to(d, STAFF, "13900000001", "怎么称呼")
    text_step = await reply_to(d, STAFF, "王奶奶", "反映的事情")
    assert _reply_labels(text_step) == ["⬅️ 上一步", "✖️ 取消"]
    # back from the request to the name (typed), then to the phone (tapped)
    name = await reply_to(d, STAFF, "返回", "怎么称呼")
    assert "王奶奶" in message_text(name)
    await d.tap(STAFF, "⬅️ 上一步", name["message_id"])
    phone = await d.expect(STAFF, "联系电话", since=name["message_id"] - 1)
    assert "13900000001" in message_text(phone)
    # the name's back button, left behind, is out of date once the form moved on
    await reply_to(d, STAFF, "13900000002", "怎么称呼")
    answer = await d.tap(STAFF, "⬅️ 上一步", phone["message_id"])
    assert "失效" in str(answer["answer"]["text"])
    await reply_to(d, STAFF, "李奶奶", "反映的事情")
    await reply_to(d, STAFF, "家里水管漏水，楼下也渗了", "已代为登记")
    async with h.sessionmaker() as session:
        [filed] = (await session.exec(select(Request))).all()
        building = await session.get(Building, filed.building_id)
    assert building is not None and building.name == "2号楼"
    assert filed.channel == Channel.VISIT and filed.room == "603"
    assert filed.contact_phone == "13900000002" and filed.contact_name == "李奶奶"
    assert filed.text == "家里水管漏水，楼下也渗了"


async def test_room_not_known_is_skipped(linli_sandbox: Harness) -> None:
    """'不清楚' at the (optional) room: skipped, on to the phone, filed without a room; not the
    hint written for residents, who must give one."""
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的", since=ask["message_id"] - 1)
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少", since=ask["message_id"] - 1)
    await reply_to(d, STAFF, "不清楚", "联系电话")
    await reply_to(d, STAFF, "跳过", "怎么称呼")
    await reply_to(d, STAFF, "跳过", "反映的事情")
    await reply_to(d, STAFF, "1号楼门口的井盖松了，踩上去会晃", "已代为登记")
    async with h.sessionmaker() as session:
        [filed] = (await session.exec(select(Request))).all()
    assert filed.room is None and filed.channel == Channel.PHONE
