"""A reason typed to decline a matter that says it repeats another ('和00001是一回事', '跟上一单
一样', '重复了') offers to merge it instead: 🔗 并入 the matter named (or the one before it), with
❌ 仍然不受理 to decline it all the same with the reason typed."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, _file, _open_card


def _buttons(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _statuses(h: Harness) -> dict[str, RequestStatus]:
    async with h.sessionmaker() as session:
        return {r.number: r.status for r in (await session.exec(select(Request))).all()}


async def test_a_number_named_is_offered_to_merge_into(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "楼道的灯坏了，晚上看不见路")
    second = await _file(h, WU, "小区门口的路面塌陷了一个大坑")
    await _open_card(h, second)
    await d.tap(STAFF, "不受理")
    [offer] = await d.say(STAFF, f"和{first}是一回事")
    assert "同一件事" in message_text(offer), message_text(offer)
    merge, anyway = _buttons(offer)
    assert merge.startswith(f"🔗 并入 {first}（楼道的灯坏了") and anyway == "❌ 仍然不受理", merge
    assert (await _statuses(h))[second] == RequestStatus.NEW  # nothing done on the words alone
    await d.tap(STAFF, f"并入 {first}", offer["message_id"])
    await d.expect(STAFF, f"诉求 {second} 已并入诉求 {first}")
    await d.expect(WU, f"和诉求 {first} 合并办理")
    assert (await _statuses(h))[second] == RequestStatus.MERGED
    # the offer is spent: its buttons are gone
    [spent] = [m for m in await d.messages(STAFF) if m["message_id"] == offer["message_id"]]
    assert _buttons(spent) == []
    assert await d.errors() == []


async def test_the_one_before_or_declined_all_the_same(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "楼道的灯坏了，晚上看不见路")
    second = await _file(h, WU, "小区门口的路面塌陷了一个大坑")
    await _open_card(h, second)
    await d.tap(STAFF, "不受理")
    [offer] = await d.say(STAFF, "跟上一单一样")
    assert _buttons(offer)[0].startswith(f"🔗 并入 {first}（楼道的灯坏了"), _buttons(offer)
    await d.tap(STAFF, "仍然不受理", offer["message_id"])
    await d.expect(STAFF, f"诉求 {second} 已不予受理")
    await d.expect(WU, "跟上一单一样")
    statuses = await _statuses(h)
    assert (statuses[first], statuses[second]) == (RequestStatus.NEW, RequestStatus.DECLINED)
    # an old offer tapped again is answered politely, and changes nothing
    [spent] = [m for m in await d.messages(STAFF) if m["message_id"] == offer["message_id"]]
    assert _buttons(spent) == []
    assert await d.errors() == []


async def test_the_same_reason_again_declines(linli_sandbox: Harness) -> None:
    """'重复了' with nothing open to merge into: the number can be typed, or the reason typed
    again declines."""
    h = linli_sandbox
    d = h.driver
    only = await _file(h, WU, "小区门口的路面塌陷了一个大坑")
    await _open_card(h, only)
    await d.tap(STAFF, "不受理")
    [offer] = await d.say(STAFF, "重复了")
    assert "请输入那件诉求的编号" in message_text(offer), message_text(offer)
    assert _buttons(offer) == ["❌ 仍然不受理"]
    await d.say(STAFF, "重复了")
    await d.expect(STAFF, f"诉求 {only} 已不予受理")
    assert (await _statuses(h))[only] == RequestStatus.DECLINED
    assert await d.errors() == []
