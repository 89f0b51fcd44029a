"""☎️ 代居民登记 for a matter at no building: 王奶奶 phones about the big hole on the road outside
the east gate. The building step offered buildings only, so staff had to file it at some
building (and then move it with 📍 改地点). Now the step offers 🌳 公共区域: where in it is typed
(or skipped), no room is asked, and the card reads '阳光社区 · 公共区域 · 东门外马路'; ⬅️ 上一步
goes back through it. A grid worker's is followed by their grid (a matter in no grid would be
out of their sight)."""

from __future__ import annotations

from models.orders import Channel, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格


def _inline(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _request(h: Harness, card: dict) -> Request:
    number = message_text(card).split("诉求 ")[1].split(" ")[0]
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None
        return req


async def test_staff_file_a_phoned_in_matter_in_a_public_area(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    mid = ask["message_id"]
    assert "🌳 公共区域（不在楼栋）" in _inline(ask), _inline(ask)
    await d.tap(STAFF, "🌳 公共区域", mid)
    where = await d.expect(STAFF, "在小区公共区域的哪里", since=mid - 1)
    assert where["message_id"] == mid
    assert _inline(where) == ["跳过", "⬅️ 上一步", "✖️ 取消"]
    # back to the buildings and in again
    await d.tap(STAFF, "⬅️ 上一步", mid)
    await d.expect(STAFF, "哪栋楼", since=mid - 1)
    await d.tap(STAFF, "🌳 公共区域", mid)
    await d.expect(STAFF, "在小区公共区域的哪里", since=mid - 1)
    channel = await reply_to(d, STAFF, "东门外马路", "怎么反映的")
    # ⬅️ 上一步 at the channel asks where again, with what was typed
    await d.tap(STAFF, "⬅️ 上一步", channel["message_id"])
    again = await d.expect(STAFF, "在小区公共区域的哪里", since=channel["message_id"] - 1)
    assert "东门外马路" in message_text(again)
    channel = await reply_to(d, STAFF, "东门外马路", "怎么反映的")
    await d.tap(STAFF, "电话", channel["message_id"])
    # no room in a public area: the phone comes next
    phone = await d.expect(STAFF, "联系电话", since=channel["message_id"] - 1)
    assert "房号" not in message_text(phone)
    await reply_to(d, STAFF, "13900000009", "怎么称呼")
    await reply_to(d, STAFF, "王奶奶", "反映的事情")
    sent = await d.send(STAFF, "东门外马路上有个大坑，晚上看不见")
    card = await d.expect(
        STAFF, "地点：阳光社区 · 公共区域 · 东门外马路", since=sent["message_id"]
    )
    req = await _request(h, card)
    assert (req.building_id, req.grid_id, req.room, req.public_area) == (
        None,
        None,
        None,
        "东门外马路",
    )
    assert req.channel == Channel.PHONE and req.contact_name == "王奶奶"
    assert await d.errors() == []


async def test_a_grid_workers_public_area_matter_stays_in_their_grid(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(GRID_WORKER, "☎️ 代居民登记")
    mid = ask["message_id"]
    await d.tap(GRID_WORKER, "🌳 公共区域", mid)
    await d.expect(GRID_WORKER, "在小区公共区域的哪里", since=mid - 1)
    await d.tap(GRID_WORKER, "跳过", mid)
    channel = await d.expect(GRID_WORKER, "怎么反映的", since=mid)
    await d.tap(GRID_WORKER, "来访", channel["message_id"])
    phone = await d.expect(GRID_WORKER, "联系电话", since=channel["message_id"] - 1)
    await d.tap(GRID_WORKER, "跳过", phone["message_id"])
    name = await d.expect(GRID_WORKER, "怎么称呼", since=phone["message_id"])
    await d.tap(GRID_WORKER, "跳过", name["message_id"])
    await d.expect(GRID_WORKER, "反映的事情", since=name["message_id"])
    sent = await d.send(GRID_WORKER, "小区花园的健身器材坏了")
    card = await d.expect(
        GRID_WORKER, "地点：阳光社区 · 第一网格 · 公共区域", since=sent["message_id"]
    )
    req = await _request(h, card)
    assert req.building_id is None and req.public_area == "" and req.grid_id is not None
    assert await d.errors() == []
