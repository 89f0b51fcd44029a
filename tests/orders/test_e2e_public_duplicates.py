"""The staff card's ⚠️ 可能重复 for a matter in a public area of the community: 周阿姨 put the
hole on the road outside the east gate in the public area, and 王奶奶 phones about the same
hole (☎️ 代居民登记 → 🌳 公共区域). Neither has a building and the public area no grid, so
the card compared them as matters far apart and listed nothing; it now compares a public-area
matter with the others in one as with the same grid, as the resident's 同一件事 does
(tests/orders/test_public_similar.py)."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_behalf_public import STAFF, _request
from tests.orders.test_e2e_place_named import DAY, ZHOU, _preview
from tests.orders.test_e2e_public_filing import ROAD, _submit
from tests.support import reply_to

SAME = "东门口路面塌了个坑"  # reads like it a little: near only as the same grid is


async def test_a_phoned_in_public_area_matter_lists_the_one_filed_there(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    preview = await _preview(h, ROAD)
    await d.tap(ZHOU, "🌳 对，在东门外马路", preview["message_id"])
    now = await d.expect(ZHOU, "地点：小区公共区域 · 东门外马路", since=preview["message_id"] - 1)
    first = await _submit(h, now)
    assert first.building_id is None and first.grid_id is None

    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "🌳 公共区域", ask["message_id"])
    await d.expect(STAFF, "在小区公共区域的哪里", since=ask["message_id"] - 1)
    channel = await reply_to(d, STAFF, "东门外", "怎么反映的")
    await d.tap(STAFF, "电话", channel["message_id"])
    await d.expect(STAFF, "联系电话", since=channel["message_id"] - 1)
    await reply_to(d, STAFF, "13900000009", "怎么称呼")
    await reply_to(d, STAFF, "王奶奶", "反映的事情")
    sent = await d.send(STAFF, SAME)
    card = await d.expect(STAFF, "地点：阳光社区 · 公共区域", since=sent["message_id"])
    second = await _request(h, card)
    assert second.building_id is None and second.public_area == "东门外"
    assert f"⚠️ 可能与 {first.number}（" in message_text(card), message_text(card)
    assert await d.errors() == []
