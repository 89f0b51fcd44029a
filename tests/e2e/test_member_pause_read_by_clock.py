"""A member's own pause (暂停接单) is read at the injected clock's time everywhere, as offers read
it (services.orders.offers_to): staff's 👤 指派 list (`eligible_members`), the 派单 form's count
of fitting members (`count_matching`) and the paused line on the member's 🛠 可接工单 list when
an order on it changes (services.open_lists.list_redraws). Before, these three read the real
time: a pause the clock had not reached the end of was read as over (and one it had passed as
going on), so 刘师傅, paused this week, was listed for 指派 and counted, and his list dropped its
'您暂停了接单' line at the first change of an order on it."""

from __future__ import annotations

import re
from datetime import timedelta

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card
from tests.support import SettledDriver, inline_labels, reply_to

PAUSED = "您暂停了接单"


async def _issue_counting(h: Harness, text: str) -> tuple[str, int]:
    """周阿姨 files `text`; 李社工 issues it community-wide. The order's number, and how many
    members the 派单 form said would see it."""
    d = h.driver
    number = await _file(h, ZHOU, text)
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    form = await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区", form["message_id"])
    form = await d.expect(STAFF, "全社区的党员", since=form["message_id"] - 1)
    found = re.search(r"符合条件的党员/志愿者：(\d+) 位", message_text(form))
    assert found, message_text(form)
    await d.tap(STAFF, "发布工单", form["message_id"])
    issued = message_text(await d.expect(STAFF, "已发布", since=form["message_id"] - 1))
    return issued.split("工单 ")[1].split(" ")[0], int(found.group(1))


async def _assignable(h: Harness, order_no: str) -> list[str]:
    """The names 李社工's 👤 指派 on the order offers."""
    d = h.driver
    [*_, card] = await d.say(STAFF, order_no)
    await d.tap(STAFF, "指派", card["message_id"])
    chosen = await d.expect(STAFF, "指派给谁", since=card["message_id"])
    return inline_labels(chosen)


async def _list_now(d: SettledDriver, message_id: int) -> str:
    await d.settle()
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == message_id]
    return message_text(now)


async def test_a_pause_is_read_at_the_clocks_time(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    first, counted = await _issue_counting(h, "楼道里的灯坏了，晚上看不见路")
    assert "刘建国" in await _assignable(h, first)
    # 刘师傅 goes away this week (to Sunday night, by the clock: days before the real today)
    [asked] = await d.say(LIU, "我这周出差，先别派给我")
    await d.tap(LIU, "⏸ 确认暂停", asked["message_id"])
    await d.expect(LIU, "已暂停接单", since=asked["message_id"] - 1)
    # while paused: not offered for 指派, not counted on the next 派单 form
    names = await _assignable(h, first)
    assert "刘建国" not in names and "赵敏" in names, names
    second, counted_paused = await _issue_counting(h, "2号楼楼道的灯也不亮了")
    assert counted_paused == counted - 1, (counted, counted_paused)
    # his list says he paused, and still does once an order on it changes (赵医生 takes one)
    listing = await reply_to(d, LIU, "🛠 可接工单", PAUSED)
    labels = inline_labels(listing)
    assert f"✋ 接 {first}" in labels and f"✋ 接 {second}" in labels, labels
    offer = await d.expect(ZHAO, f"新工单 {first}")
    await d.tap(ZHAO, "接单", offer["message_id"])
    await d.expect(ZHAO, f"您已接下工单 {first}", since=offer["message_id"])
    text = await _list_now(d, listing["message_id"])
    assert PAUSED in text and "已接满" in text, text
    # the week over by the clock: the list's next redraw drops the line, and he is counted and
    # offered for 指派 again
    h.clock.advance(timedelta(days=8))
    await d.expect(LIU, "暂停已结束，恢复接单了", since=listing["message_id"])
    assert "刘建国" in await _assignable(h, second)
    offer = await d.expect(ZHAO, f"新工单 {second}")
    await d.tap(ZHAO, "接单", offer["message_id"])
    await d.expect(ZHAO, f"您已接下工单 {second}", since=offer["message_id"])
    text = await _list_now(d, listing["message_id"])
    assert PAUSED not in text, text
    _, counted_again = await _issue_counting(h, "3号楼楼道的灯闪个不停")
    assert counted_again == counted, (counted, counted_again)
    assert await d.errors() == []
