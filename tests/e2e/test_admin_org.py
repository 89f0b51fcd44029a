"""An admin edits the org structure in the bot (⚙️ 管理 → 🏘 组织架构): adds a grid and a building,
renames a building, a grid and a community, moves a building to another grid. Typed names are
checked (length, a name taken in the community) and refused politely, asking again; moving a
building whose matters are unfinished is refused, naming them. Before, all of this took
`linli org import FILE` on the server."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import Building, Community, Grid, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import ZHENG, _file

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工: not an admin


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _grid(h: Harness, name: str) -> Grid:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Grid).where(Grid.name == name))).one()


async def _building(h: Harness, name: str) -> Building:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Building).where(Building.name == name))).one()


async def _org(h: Harness) -> dict[str, Any]:
    """⚙️ 管理 → 🏘 组织架构 → 阳光社区: the community's page."""
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    await d.expect(ADMIN, "组织架构", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "阳光社区", menu["message_id"])
    return await d.expect(ADMIN, "🏘 阳光社区：", since=menu["message_id"] - 1)


async def test_an_admin_adds_renames_and_moves(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    page = await _org(h)
    assert _labels(page)[:2] == ["第一网格（3 栋）", "第二网格（2 栋）"]
    # a grid: too long, then a name the community has, then a new one
    await d.tap(ADMIN, "➕ 新增网格", page["message_id"])
    await d.expect(ADMIN, "请输入新网格的名称", since=page["message_id"])
    [told] = await d.say(ADMIN, "✅ 说完了")  # another flow's button is not a name
    assert "「✅ 说完了」是按钮上的字" in message_text(told)
    [told] = await d.say(ADMIN, "网" * 31)
    assert "名称太长了（31 个字），请不超过 30 个字" in message_text(told)
    [told] = await d.say(ADMIN, " 第一网格 ")
    assert "这个社区已经有名为「第一网格」的网格了" in message_text(told)
    replies = await d.say(ADMIN, "第三网格")
    assert "✅ 已新增网格「第三网格」。" in message_text(replies[0])
    assert "第三网格（0 栋）" in _labels(replies[-1])
    third = await _grid(h, "第三网格")
    # a building in it: a name another grid of the community has is refused
    await d.tap(ADMIN, "第三网格（0 栋）", replies[-1]["message_id"])
    grid_page = await d.expect(ADMIN, "第三网格：0 栋楼", since=replies[-1]["message_id"] - 1)
    await d.tap(ADMIN, "➕ 新增楼栋", grid_page["message_id"])
    [told] = await d.say(ADMIN, "1号楼")
    assert "这个社区已经有名为「1号楼」的楼栋了" in message_text(told)
    replies = await d.say(ADMIN, "7号楼")
    assert "✅ 已新增楼栋「7号楼」。" in message_text(replies[0])
    assert (await _building(h, "7号楼")).grid_id == third.id
    # rename it
    await d.tap(ADMIN, "7号楼", replies[-1]["message_id"])
    await d.expect(ADMIN, "🏠 7号楼（第三网格，0 户）", since=replies[-1]["message_id"] - 1)
    await d.tap(ADMIN, "✏️ 改楼栋名", replies[-1]["message_id"])
    await d.expect(ADMIN, "「7号楼」要改成什么名称？", since=replies[-1]["message_id"])
    replies = await d.say(ADMIN, "7号楼A座")
    assert "✅ 楼栋「7号楼」已改名为「7号楼A座」。" in message_text(replies[0])
    # a resident's building moves to the new grid, and the resident's grid with it
    page = await _org(h)
    await d.tap(ADMIN, "第二网格（2 栋）", page["message_id"])
    await d.expect(ADMIN, "第二网格：2 栋楼", since=page["message_id"] - 1)
    await d.tap(ADMIN, "5号楼", page["message_id"])
    await d.expect(ADMIN, "🏠 5号楼（第二网格", since=page["message_id"] - 1)
    await d.tap(ADMIN, "🔀 移到其他网格", page["message_id"])
    await d.expect(ADMIN, "把「5号楼」移到哪个网格？", since=page["message_id"] - 1)
    await d.tap(ADMIN, "第三网格", page["message_id"])
    await d.expect(ADMIN, "确定把「5号楼」移到「第三网格」吗？", since=page["message_id"] - 1)
    moved = await d.tap(ADMIN, "✅ 确定移动", page["message_id"])
    assert moved["answer"]["text"] == "✅ 「5号楼」已从「第二网格」移到「第三网格」。"
    assert (await _building(h, "5号楼")).grid_id == third.id
    async with h.sessionmaker() as session:
        resident = await session.get(User, ZHENG)
        assert resident is not None and resident.grid_id == third.id
    # a request filed there now: moving the building back is refused, naming it
    number = await _file(h, ZHENG, "5号楼门口的路灯坏了好几天了")
    page = await _org(h)
    await d.tap(ADMIN, "第三网格（2 栋）", page["message_id"])
    await d.expect(ADMIN, "第三网格：2 栋楼", since=page["message_id"] - 1)
    await d.tap(ADMIN, "5号楼", page["message_id"])
    await d.expect(ADMIN, "🏠 5号楼（第三网格", since=page["message_id"] - 1)
    await d.tap(ADMIN, "🔀 移到其他网格", page["message_id"])
    await d.expect(ADMIN, "把「5号楼」移到哪个网格？", since=page["message_id"] - 1)
    await d.tap(ADMIN, "第二网格", page["message_id"])
    await d.expect(ADMIN, "确定把「5号楼」移到「第二网格」吗？", since=page["message_id"] - 1)
    refused = await d.tap(ADMIN, "✅ 确定移动", page["message_id"])
    assert f"「5号楼」还有 1 件未办结的诉求（{number}），现在不能移动" in refused["answer"]["text"]
    assert (await _building(h, "5号楼")).grid_id == third.id
    # a grid and a community renamed; a community's name is unique in the sub-district
    page = await _org(h)
    await d.tap(ADMIN, "✏️ 改社区名", page["message_id"])
    [told] = await d.say(ADMIN, "和谐社区")
    assert "已经有名为「和谐社区」的社区了" in message_text(told)
    replies = await d.say(ADMIN, "阳光花园社区")
    assert "✅ 社区「阳光社区」已改名为「阳光花园社区」。" in message_text(replies[0])
    assert "阳光花园社区：3 个网格" in message_text(replies[-1])
    await d.tap(ADMIN, "第三网格（2 栋）", replies[-1]["message_id"])
    await d.expect(ADMIN, "第三网格：2 栋楼", since=replies[-1]["message_id"] - 1)
    await d.tap(ADMIN, "✏️ 改网格名", replies[-1]["message_id"])
    replies = await d.say(ADMIN, "第三网格（新）")
    assert "✅ 网格「第三网格」已改名为「第三网格（新）」。" in message_text(replies[0])
    async with h.sessionmaker() as session:
        assert (await session.get(Community, third.community_id)).name == "阳光花园社区"  # type: ignore[union-attr]
        assert (await session.get(Grid, third.id)).name == "第三网格（新）"  # type: ignore[union-attr]


async def test_cancel_and_a_long_list_in_pages(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _grid(h, "第一网格")
    async with h.sessionmaker() as session:
        for n in range(20):
            session.add(
                Building(community_id=first.community_id, grid_id=first.id, name=f"{10 + n}号楼")
            )
        await session.commit()
    page = await _org(h)
    await d.tap(ADMIN, "第一网格（23 栋）", page["message_id"])
    listing = await d.expect(ADMIN, "第 1/3 页，共 23 个", since=page["message_id"] - 1)
    # 8 buildings, ▶️, ➕ and ✏️, 🔤 英文名, ⬅️
    assert len(_labels(listing)) == 8 + 1 + 2 + 1 + 1 and "下一页 ▶️" in _labels(listing)
    await d.tap(ADMIN, "下一页 ▶️", listing["message_id"])
    await d.expect(ADMIN, "第 2/3 页", since=page["message_id"] - 1)
    # ✖️ 取消 while typing a name changes nothing
    await d.tap(ADMIN, "✏️ 改网格名", listing["message_id"])
    [told] = await d.say(ADMIN, "✖️ 取消")
    assert "已取消，没有做任何修改" in message_text(told)
    assert (await _grid(h, "第一网格")).name == "第一网格"


async def test_org_buttons_from_staff_are_refused(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(STAFF, "/start")
    building = await _building(h, "1号楼")
    grid = await _grid(h, "第二网格")
    forged = f"adm-org:mv-yes:{building.id}:{grid.id}:0"
    answer = (await d.click(STAFF, menu["message_id"], data=forged))["answer"]
    assert answer is not None and "没有权限" in answer["text"] and answer["show_alert"]
    assert (await _building(h, "1号楼")).grid_id != grid.id


async def test_a_move_confirmed_twice_says_it_is_already_there(linli_sandbox: Harness) -> None:
    """✅ 确定移动 tapped again (a double tap, or the same confirmation in an older message)
    does not claim a move 'from 第二网格 to 第二网格': the building is already there."""
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "/start")
    building = await _building(h, "3号楼")
    target = await _grid(h, "第二网格")
    yes = f"adm-org:mv-yes:{building.id}:{target.id}:0"
    moved = (await d.click(ADMIN, menu["message_id"], data=yes))["answer"]
    assert moved is not None and moved["text"] == "✅ 「3号楼」已从「第一网格」移到「第二网格」。"
    again = (await d.click(ADMIN, menu["message_id"], data=yes))["answer"]
    assert again is not None and again["show_alert"]
    assert again["text"] == "「3号楼」已经在「第二网格」了，不用再移动。"
    assert (await _building(h, "3号楼")).grid_id == target.id


async def test_counts_in_english_are_singular_for_one(linli_sandbox: Harness) -> None:
    """An English admin's org pages read '西区网格 / West Grid (1 building)' and '1 building.',
    not '1 buildings'; and each place is named in Chinese (the name edited there) with its
    English name beside it where one exists (before, the Chinese name only)."""
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        admin = await session.get(User, ADMIN)
        assert admin is not None
        admin.language = "en"
        await session.commit()
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "🏘 Org structure", menu["message_id"])
    top = await d.expect(ADMIN, "choose a community", since=menu["message_id"] - 1)
    assert "和谐社区 / Harmony Community" in _labels(top), _labels(top)
    await d.tap(ADMIN, "和谐社区 / Harmony Community", menu["message_id"])
    page = await d.expect(ADMIN, "2 grids", since=menu["message_id"] - 1)
    assert message_text(page).startswith("🏘 和谐社区 / Harmony Community: 2 grids")
    labels = _labels(page)
    assert "西区网格 / West Grid (1 building)" in labels, labels
    assert "东区网格 / East Grid (2 buildings)" in labels, labels
    await d.tap(ADMIN, "西区网格 / West Grid (1 building)", menu["message_id"])
    grid = await d.expect(
        ADMIN,
        "和谐社区 / Harmony Community · 西区网格 / West Grid: 1 building.",
        since=menu["message_id"] - 1,
    )
    assert "西1栋" in _labels(grid)  # no English name: the Chinese one alone
    await d.tap(ADMIN, "西1栋", grid["message_id"])
    shown = await d.expect(ADMIN, "🏠", since=menu["message_id"] - 1)
    assert "(西区网格 / West Grid, 67 households)" in message_text(shown)
    assert await d.errors() == []


async def test_a_chinese_admin_sees_chinese_names_only(linli_sandbox: Harness) -> None:
    """The same pages in Chinese name each place once, as before."""
    page = await _org(linli_sandbox)
    assert message_text(page).startswith("🏘 阳光社区：2 个网格。")
    assert "Grid" not in " ".join(_labels(page))
    d = linli_sandbox.driver
    await d.tap(ADMIN, "第一网格（3 栋）", page["message_id"])
    grid = await d.expect(ADMIN, "🏘 阳光社区 · 第一网格：3 栋楼", since=page["message_id"] - 1)
    assert _labels(grid)[:3] == ["1号楼", "2号楼", "3号楼"]
    assert await d.errors() == []
