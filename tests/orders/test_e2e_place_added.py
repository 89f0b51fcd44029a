"""周阿姨 (1号楼 302) reports '门口的下水道堵了' from home: the request is at 1号楼, with
第一网格's worker. She then adds '是5号楼门口'. It used to stay at 1号楼, with the wrong grid's
worker. Now, while nobody has taken it up, it moves to 5号楼 (第二网格): she is told so, the
community's staff are told the new place and their card shows it, and 第一网格's worker is
told it is no longer theirs (the card they had says so, without its button). A new grid's
worker who never had it gets it as a new request. Once staff have taken it up, it stays where
it is and staff are told where she says it is."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models import Building
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区 (all of it)
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1号楼, 2号楼, 3号楼)
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302
ZHENG = 4003  # 郑先生, 阳光社区 5号楼 101 (第二网格)
DAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Mon 10:00 in Shanghai


async def _add_info(h: Harness, number: str, said: str, *, resident: int = ZHOU) -> dict[str, Any]:
    """The resident adds words to their request from 我的诉求; the bot's confirmation."""
    d = h.driver
    mine = await reply_to(d, resident, "📂 我的诉求", "我的诉求（共")
    await d.tap(resident, f"查看 {number}", mine["message_id"])
    card = await d.expect(resident, f"诉求 {number}", since=mine["message_id"])
    await d.tap(resident, "补充信息", card["message_id"])
    asked = await d.expect(resident, f"请补充诉求 {number} 的信息", since=card["message_id"])
    sent = await d.send(resident, said)
    assert sent["message_id"] > asked["message_id"]
    return await d.expect(resident, f"已补充到诉求 {number}", since=sent["message_id"])


async def _building(h: Harness, number: str) -> str:
    async with h.sessionmaker() as s:
        req = await s.get(Request, int(number))
        assert req is not None
        building = await s.get(Building, req.building_id)
        assert building is not None
        return building.name


async def test_a_place_she_adds_moves_a_request_nobody_took_up(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    staff_card = await d.expect(STAFF, f"新诉求 {number}")
    worker_card = await d.expect(GRID_WORKER, f"新诉求 {number}")
    assert "1号楼" in message_text(worker_card)

    said = message_text(await _add_info(h, number, "是5号楼门口，不是我们楼"))

    assert "📍 地点已改为 5号楼，由 第二网格 的工作人员处理" in said, said
    assert await _building(h, number) == "5号楼"
    told = await d.expect(STAFF, "地点改为 5号楼", since=staff_card["message_id"])
    assert number in message_text(told) and "第二网格" in message_text(told)
    away = await d.expect(GRID_WORKER, "您不用再跟进", since=worker_card["message_id"])
    assert number in message_text(away) and not away.get("reply_markup")
    # and the card they had reads so, without its 查看诉求
    old = await d.expect(
        GRID_WORKER, "已改由 第二网格 处理（地点", since=worker_card["message_id"] - 1
    )
    assert old["message_id"] == worker_card["message_id"]  # the card itself is redrawn
    assert not old.get("reply_markup"), old.get("reply_markup")
    # the card staff open from the notice says where it is now, and where she lives
    await d.tap(STAFF, "查看诉求", told["message_id"])
    card = message_text(await d.expect(STAFF, f"诉求 {number} ·", since=told["message_id"]))
    assert "第二网格 · 5号楼" in card and "房号：1号楼 302" in card, card
    # 第一网格's worker no longer has it waiting
    listed = await d.say(GRID_WORKER, "📋 待办诉求")
    assert not any(number in message_text(m) for m in listed), [message_text(m) for m in listed]
    assert await d.errors() == []


async def test_the_new_grids_worker_gets_it_as_a_new_request(linli_sandbox: Harness) -> None:
    """郑先生 of 5号楼 (第二网格, no grid worker) reports a blocked drain; he then adds it is at
    2号楼: 第一网格's worker, who never had it, gets its card and can open it."""
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHENG, "门口的下水道堵了，污水都漫出来了")
    await d.expect(STAFF, f"新诉求 {number}")
    assert not any(number in message_text(m) for m in await d.messages(GRID_WORKER))

    said = message_text(await _add_info(h, number, "是2号楼门口", resident=ZHENG))

    assert "📍 地点已改为 2号楼，由 第一网格 的工作人员处理" in said, said
    card = await d.expect(GRID_WORKER, f"新诉求 {number}")
    assert "第一网格 · 2号楼" in message_text(card) and "下水道" in message_text(card)
    await d.tap(GRID_WORKER, "查看诉求", card["message_id"])
    opened = message_text(
        await d.expect(GRID_WORKER, f"诉求 {number} ·", since=card["message_id"])
    )
    assert "房号：5号楼 101" in opened, opened
    # 李社工 had the card: told of the new place, no second card
    await d.expect(STAFF, "地点改为 2号楼")
    assert len([m for m in await d.messages(STAFF) if f"新诉求 {number}" in message_text(m)]) == 1
    assert await d.errors() == []


async def test_once_taken_up_staff_are_told_where_she_says_it_is(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    await d.tap(STAFF, "直接办理", card["message_id"])
    await d.expect(STAFF, f"诉求 {number} 由您直接办理")

    said = message_text(await _add_info(h, number, "是5号楼门口"))

    assert "您说的地点（5号楼）已转告他们" in said, said
    assert await _building(h, number) == "1号楼"
    told = await d.expect(STAFF, "居民说地点在 5号楼", since=card["message_id"])
    assert "登记的地点是 1号楼" in message_text(told)
    assert await d.errors() == []
