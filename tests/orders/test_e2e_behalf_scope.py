"""☎️ 代居民登记 offers the buildings the staff account may file for: a grid worker only their
grid's (a building of another grid was offered, and after everything was typed the filing was
refused with 没有权限); an account acting in several communities picks the community first; a
long list of buildings is paged instead of cut off at 60."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import Building, Community, Grid
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _building_id(h: Harness, name: str) -> int:
    async with h.sessionmaker() as s:
        building = (await s.exec(select(Building).where(col(Building.name) == name))).first()
        assert building is not None and building.id is not None
        return building.id


async def test_a_grid_worker_files_only_for_their_grid(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(GRID_WORKER, "☎️ 代居民登记")
    labels = _labels(ask)
    assert {"1号楼", "2号楼", "3号楼"} <= set(labels), labels
    assert "5号楼" not in labels and "6号楼" not in labels, labels  # 第二网格
    # an outdated or forged button for 5号楼 is refused at the tap, not after the matter is typed
    other = await _building_id(h, "5号楼")
    tapped = await d.click(GRID_WORKER, ask["message_id"], data=f"oc:obld:{other}:0")
    assert "不在您负责的范围内" in (tapped["answer"] or {}).get("text", ""), tapped
    await d.tap(GRID_WORKER, "2号楼", ask["message_id"])
    await d.expect(GRID_WORKER, "怎么反映的")
    await d.tap(GRID_WORKER, "电话", ask["message_id"])
    await d.expect(GRID_WORKER, "房号是多少")
    await d.tap(GRID_WORKER, "跳过", ask["message_id"])
    await d.expect(GRID_WORKER, "联系电话")
    [*_, prompt] = await d.say(GRID_WORKER, "跳过")
    assert "怎么称呼" in message_text(prompt), message_text(prompt)
    [*_, prompt] = await d.say(GRID_WORKER, "跳过")
    assert "反映的事情" in message_text(prompt), message_text(prompt)
    await d.say(GRID_WORKER, "2号楼的楼道灯坏了，老人来电话说晚上看不见")
    await d.expect(GRID_WORKER, "已代为登记")
    async with h.sessionmaker() as s:
        [req] = (await s.exec(select(Request))).all()
        assert req.building_id == await _building_id(h, "2号楼") and req.channel == "phone"


async def test_several_communities_pick_the_community_first(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(ADMIN, "☎️ 代居民登记")
    assert "哪个社区" in message_text(ask)
    assert {"阳光社区", "和谐社区"} <= set(_labels(ask)), _labels(ask)
    await d.tap(ADMIN, "和谐社区", ask["message_id"])
    page = await d.expect(ADMIN, "和谐社区：居民住在哪栋楼", since=ask["message_id"] - 1)
    assert "1号楼" not in _labels(page) and "↩️ 换个社区" in _labels(page), _labels(page)
    await d.tap(ADMIN, "换个社区", ask["message_id"])
    await d.expect(ADMIN, "哪个社区", since=ask["message_id"] - 1)
    await d.tap(ADMIN, "阳光社区", ask["message_id"])
    page = await d.expect(ADMIN, "阳光社区：居民住在哪栋楼", since=ask["message_id"] - 1)
    assert "1号楼" in _labels(page)


async def test_a_long_list_of_buildings_is_paged(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as s:
        sunny = (await s.exec(select(Community).where(col(Community.name) == "阳光社区"))).one()
        grid = (await s.exec(select(Grid).where(col(Grid.community_id) == sunny.id))).first()
        assert grid is not None
        for n in range(1, 68):  # 5 demo buildings + 67: three pages of 24
            s.add(Building(community_id=sunny.id or 0, grid_id=grid.id, name=f"新{n}栋"))
        await s.commit()
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    first = _labels(ask)
    assert "1号楼" in first and "新67栋" not in first and "下一页 ▶️" in first, first
    for _ in range(2):
        await d.tap(STAFF, "下一页", ask["message_id"])
        ask = await d.expect(STAFF, "居民住在哪栋楼", since=ask["message_id"] - 1)
    last = _labels(ask)
    assert "新67栋" in last and "下一页" not in " ".join(last), last
    await d.tap(STAFF, "新67栋", ask["message_id"])
    await d.expect(STAFF, "怎么反映的")
