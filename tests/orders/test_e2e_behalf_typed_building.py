"""Filing for a resident (☎️ 代居民登记): staff on the phone type the building ('2号楼', '2号楼501',
'2栋501室') where the form shows building buttons. It was answered 'please tap above'; now it
is read as a resident's typed address is (services.address.read_address), in the staff
member's community: the building is taken, a room typed with it too (its step is skipped), and
a building the community does not have is answered with the buildings it has, the buttons again
and the form where it was. A grid worker's typed building of another grid is refused."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import Building
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 (1–3号楼)


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _filed(h: Harness) -> Request:
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
        return request


async def _building(h: Harness, name: str) -> int:
    async with h.sessionmaker() as session:
        building = (await session.exec(select(Building).where(col(Building.name) == name))).one()
        assert building.id is not None
        return building.id


async def test_a_building_and_room_typed_are_taken(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    read = await reply_to(d, STAFF, "2栋501室", "已记下")
    assert "2号楼，房号 501室" in message_text(read), message_text(read)
    assert "怎么反映的" in message_text(read) and "电话" in _labels(read), _labels(read)
    await d.tap(STAFF, "电话", read["message_id"])
    # the room was given with the building: the phone is asked next, not the room
    asked = await d.expect(STAFF, "联系电话", since=read["message_id"] - 1)
    assert "房号" not in message_text(asked), message_text(asked)
    await reply_to(d, STAFF, "跳过", "怎么称呼")
    await reply_to(d, STAFF, "王奶奶", "反映的事情")
    await reply_to(d, STAFF, "楼道灯坏了", "已代为登记")
    request = await _filed(h)
    assert request.building_id == await _building(h, "2号楼")
    assert (request.room, request.contact_name) == ("501室", "王奶奶")
    assert await d.errors() == []


async def test_a_building_typed_alone_asks_for_the_room(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    read = await reply_to(d, STAFF, "2号楼", "已记下")
    await d.tap(STAFF, "入户走访", read["message_id"])
    await d.expect(STAFF, "房号是多少", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "302", "联系电话")
    await reply_to(d, STAFF, "跳过", "怎么称呼")
    await reply_to(d, STAFF, "跳过", "反映的事情")
    await reply_to(d, STAFF, "水管漏水", "已代为登记")
    request = await _filed(h)
    assert request.building_id == await _building(h, "2号楼") and request.room == "302"
    assert await d.errors() == []


async def test_an_unknown_building_names_those_there_are(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    told = await reply_to(d, STAFF, "9号楼501", "没有找到")
    text = message_text(told)
    assert "「9号楼501」" in text and "阳光社区" in text, text
    assert "1号楼、2号楼、3号楼、5号楼、6号楼" in text, text
    assert _labels(told) == _labels(ask), _labels(told)  # the buttons again, at hand
    # nothing lost: the form is still at its building step, typed or tapped
    read = await reply_to(d, STAFF, "5号楼", "已记下")
    assert "5号楼" in message_text(read)
    assert await d.errors() == []


async def test_a_grid_worker_typing_another_grids_building_is_refused(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(GRID_WORKER, "☎️ 代居民登记")
    told = await reply_to(d, GRID_WORKER, "5号楼201", "不在您负责的范围内")
    assert "1号楼、2号楼、3号楼" in message_text(told), message_text(told)
    assert "5号楼" not in _labels(told), _labels(told)
    read = await reply_to(d, GRID_WORKER, "3号楼201", "已记下")
    assert "3号楼，房号 201" in message_text(read)
    assert await d.errors() == []


ADMIN = 1001  # 王主任: both communities, chosen first


async def test_an_admin_types_the_community_or_a_building_of_either(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(ADMIN, "☎️ 代居民登记")
    assert "哪个社区" in message_text(ask)
    told = await reply_to(d, ADMIN, "不知道", "没有读出是哪个社区")
    assert {"阳光社区", "和谐社区"} <= set(_labels(told)), _labels(told)
    # the community typed: its buildings, as a tap on it shows them
    page = await reply_to(d, ADMIN, "和谐社区", "和谐社区：居民住在哪栋楼")
    assert {"东1栋", "东2栋", "西1栋"} <= set(_labels(page)), _labels(page)
    await d.tap(ADMIN, "换个社区", page["message_id"])
    await d.expect(ADMIN, "哪个社区", since=page["message_id"] - 1)
    # a building only one community has: taken, with its room
    read = await reply_to(d, ADMIN, "东1栋302", "已记下")
    assert "东1栋，房号 302" in message_text(read), message_text(read)
    await d.tap(ADMIN, "来访", read["message_id"])
    await d.expect(ADMIN, "联系电话", since=read["message_id"] - 1)
    await reply_to(d, ADMIN, "跳过", "怎么称呼")
    await reply_to(d, ADMIN, "跳过", "反映的事情")
    await reply_to(d, ADMIN, "门口路灯不亮", "已代为登记")
    request = await _filed(h)
    assert request.building_id == await _building(h, "东1栋") and request.room == "302"
    assert await d.errors() == []
