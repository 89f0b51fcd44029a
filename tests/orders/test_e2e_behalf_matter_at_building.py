"""Filing for a resident (☎️ 代居民登记): the matter typed at the building step ('2号楼的灯坏了')
was read as the building only and its words were lost; now the building is taken, the words are
said back as kept for the matter, shown again at the name step, and filed once the name is in
(or skipped). A building typed alone ('2号楼501') keeps the steps as they were."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

STAFF = 2001  # 李社工, 阳光社区


async def _in_english(h: Harness, user: int) -> None:
    d = h.driver
    [ask] = await d.say(user, "/lang")
    await d.tap(user, "English", ask["message_id"])
    await d.expect(user, "Language set to English")


async def test_the_matter_typed_at_the_building_step_is_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    read = await reply_to(d, STAFF, "2号楼的灯坏了", "已记下：2号楼")
    assert message_text(read).startswith(
        "您写的「2号楼的灯坏了」记作居民反映的事情，最后不用再输入"
    ), message_text(read)
    await d.tap(STAFF, "电话", read["message_id"])
    await d.expect(STAFF, "房号是多少", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "跳过", "联系电话")
    name = await reply_to(d, STAFF, "跳过", "怎么称呼")
    assert "反映的事情已记下：「2号楼的灯坏了」" in message_text(name), message_text(name)
    await reply_to(d, STAFF, "王奶奶", "已代为登记")
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == "2号楼的灯坏了" and request.contact_name == "王奶奶"
    assert request.building_id is not None
    assert await d.errors() == []


async def test_a_building_alone_still_asks_the_matter(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    read = await reply_to(d, STAFF, "2号楼501", "已记下：2号楼，房号 501")
    assert "反映的事情" not in message_text(read)
    await d.tap(STAFF, "电话", read["message_id"])
    await d.expect(STAFF, "联系电话", since=read["message_id"] - 1)
    name = await reply_to(d, STAFF, "跳过", "怎么称呼")
    assert "已记下" not in message_text(name)
    await reply_to(d, STAFF, "跳过", "请输入居民反映的事情")
    await reply_to(d, STAFF, "水管漏了", "已代为登记")
    assert await d.errors() == []


async def test_the_matter_typed_at_the_building_step_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, STAFF)
    await d.say(STAFF, "☎️ File for a resident")
    read = await reply_to(d, STAFF, "Building 2, the light is out", "Noted: Building 2")
    assert message_text(read).startswith(
        "“Building 2, the light is out” is kept as what the resident reported"
    ), message_text(read)
    await d.tap(STAFF, "phone", read["message_id"])
    await d.expect(STAFF, "Room number", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "Skip", "Contact phone")
    name = await reply_to(d, STAFF, "Skip", "resident's name")
    assert "kept: “Building 2, the light is out”" in message_text(name), message_text(name)
    skipped = await d.tap(STAFF, "Skip", name["message_id"])
    assert skipped is not None
    await d.expect(STAFF, "Filed for the resident", since=name["message_id"])
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == "Building 2, the light is out" and request.contact_name is None
    assert await d.errors() == []


async def test_the_matter_typed_with_no_building_is_kept_and_the_building_asked(
    linli_sandbox: Harness,
) -> None:
    """'灯坏了，老人打电话来说的' at the building step names no building: it was answered only
    '没有找到这栋楼' and the words were lost; now they are kept for the matter and the building
    is asked again, and a building then tapped files it with those words."""
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "☎️ 代居民登记")
    said = "灯坏了，老人打电话来说的"
    asked = await reply_to(d, STAFF, said, "这件事在哪栋楼")
    text = message_text(asked)
    assert text.startswith(f"您写的「{said}」记作居民反映的事情，最后不用再输入。"), text
    assert "没有找到" not in text
    read = await reply_to(d, STAFF, "2号楼", "已记下：2号楼")
    await d.tap(STAFF, "电话", read["message_id"])
    await d.expect(STAFF, "房号是多少", since=read["message_id"] - 1)
    await reply_to(d, STAFF, "跳过", "联系电话")
    name = await reply_to(d, STAFF, "跳过", "怎么称呼")
    assert f"反映的事情已记下：「{said}」" in message_text(name), message_text(name)
    await reply_to(d, STAFF, "周阿姨", "已代为登记")
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
    assert request.text == said and request.building_id is not None
    assert await d.errors() == []


async def test_a_building_not_found_is_still_asked_as_one(linli_sandbox: Harness) -> None:
    """'10号楼' (no such building) is no matter: answered as a building not found."""
    d = linli_sandbox.driver
    await d.say(STAFF, "☎️ 代居民登记")
    answer = await reply_to(d, STAFF, "10号楼", "没有找到「10号楼」这栋楼")
    assert "反映的事情" not in message_text(answer)
    assert await d.errors() == []
