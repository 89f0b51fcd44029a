"""转办: a unit the community handed matters to before is offered as a button (its category's
first), so staff type it once; a tap is the same as typing it. A list left from an earlier
transfer is stale."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file, _open_card


async def _transfer_prompt(h: Harness, text: str) -> tuple[str, dict]:
    """A filed request's transfer asks for the unit; (its number, the card)."""
    number = await _file(h, ZHOU, text)
    await _open_card(h, number)
    card = await h.driver.expect(STAFF, f"诉求 {number} · 待受理")
    await h.driver.tap(STAFF, "转办", card["message_id"])
    await h.driver.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    return number, card


async def test_a_unit_typed_once_is_a_button_next_time(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first, card = await _transfer_prompt(h, "小区东门的路灯坏了三盏，晚上很黑")
    seen = [message_text(m) for m in await d.messages(STAFF, card["message_id"])]
    assert not any("以前转办过" in text for text in seen), seen  # nothing used before
    [*_, ask] = await d.say(STAFF, "区市政路灯所")
    await d.tap(STAFF, "跳过", ask["message_id"])
    await d.expect(STAFF, f"诉求 {first} 已转办")
    await d.expect(ZHOU, "「区市政路灯所」")
    # the next one: the unit is offered
    second, card = await _transfer_prompt(h, "3号楼门口的路灯不亮了")
    offered = await d.expect(STAFF, "以前转办过的单位", since=card["message_id"])
    await d.click(STAFF, offered["message_id"], text="区市政路灯所")
    chosen = await d.expect(STAFF, "转办给：区市政路灯所", since=offered["message_id"] - 1)
    assert chosen["message_id"] == offered["message_id"]  # the list becomes the choice
    ask = await d.expect(STAFF, "需要说明", since=offered["message_id"])
    await d.tap(STAFF, "跳过", ask["message_id"])
    await d.expect(STAFF, f"诉求 {second} 已转办")
    told = await d.expect(ZHOU, f"您的诉求 {second} 已转交")
    assert "「区市政路灯所」" in message_text(told)
    # an old list, tapped after its transfer is done: stale, nothing happens
    answer = await d.click(STAFF, offered["message_id"], data=f"oc:stru:{int(second)}:0")
    assert "已经失效" in str(answer), answer
