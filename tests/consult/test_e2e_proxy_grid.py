"""A grid worker's 代投 offers the buildings of their own grid only. Found walking a
whole-community poll as 张网格员 (第一网格, 1–3号楼): the picker offered 5号楼 and 6号楼 too,
and after the room and the ballot his tap was refused with '抱歉，您没有权限进行这个操作'."""

from __future__ import annotations

from sqlmodel import select

from models import Building
from models.consultations import AudienceKind
from tests.consult.test_e2e_qa_polls import GRID_WORKER, STAFF, labels_of, make_poll
from tests.e2e.conftest import Harness


async def _proxy_picker(h: Harness, user: int, question: str) -> dict:
    d = h.driver
    [hub] = await d.say(user, "🏛 议事管理")
    await d.tap(user, "📊 投票列表", hub["message_id"])
    listed = await d.expect(user, "投票列表", since=hub["message_id"])
    await d.tap(user, question, listed["message_id"])
    card = await d.expect(user, "状态：进行中", since=listed["message_id"])
    await d.tap(user, "✍️ 代投", card["message_id"])
    return await d.expect(user, "代投", since=card["message_id"])


async def test_grid_worker_is_offered_his_grids_buildings(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await make_poll(h)  # the whole community
    ask = await _proxy_picker(h, GRID_WORKER, "明年优先办哪些事")
    assert labels_of(ask) == ["1号楼", "2号楼", "3号楼"]
    # community staff are offered every building
    ask = await _proxy_picker(h, STAFF, "明年优先办哪些事")
    assert labels_of(ask) == ["1号楼", "2号楼", "3号楼", "5号楼", "6号楼"]


async def test_poll_outside_his_grid_says_so_at_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        b5 = (await session.exec(select(Building).where(Building.name == "5号楼"))).one()
    await make_poll(h, audience_kind=AudienceKind.BUILDINGS, audience_ids=(b5.id,))
    [hub] = await d.say(GRID_WORKER, "🏛 议事管理")
    await d.tap(GRID_WORKER, "📊 投票列表", hub["message_id"])
    listed = await d.expect(GRID_WORKER, "投票列表", since=hub["message_id"])
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    answer = await d.click(GRID_WORKER, card["message_id"], text="✍️ 代投")
    assert "没有您负责网格的楼栋" in str(answer["answer"])
