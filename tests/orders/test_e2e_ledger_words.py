"""Staff cards and lists read as a community worker reads them, walked as 李社工 with 吴大爷 and
郑先生: 📋 待办诉求 names each matter's building; a likely duplicate is '可能与 00001（很像）是同
一件事', not '可能重复：00001(37%)'; a resident who left no phone reads '未留电话', not
'电话：-'; a merge across buildings says the two are in different buildings; a transfer line
has no brackets inside brackets; and at night, an action that tells the resident says the
notice reaches them at 07:00 (quiet hours hold it), not '原因已告诉居民'; an office's 400
number is taken."""

from __future__ import annotations

from datetime import UTC, datetime

from models import Building, Community
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, ZHENG, _file

ADMIN = 1001  # 王主任


async def _card(h: Harness, number: str) -> dict[str, object]:
    """Staff open the matter's card by typing its number."""
    sent = await h.driver.send(STAFF, number)
    return await h.driver.expect(STAFF, f"诉求 {number} ·", since=sent["message_id"])


async def test_lists_and_cards_name_places_and_likeness(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    road = await _file(h, WU, "1号楼门口的路灯坏了，晚上很黑")  # 吴大爷: 1号楼, no phone
    dup = await _file(h, ZHENG, "门口的路灯坏了，晚上很黑")  # 郑先生: 5号楼
    sent = await d.send(STAFF, "📋 待办诉求")
    queue = await d.expect(STAFF, "待办诉求", since=sent["message_id"])
    listed = message_text(queue)
    assert f"{road} · 公共设施(电梯/路灯/道路/门禁) · 1号楼 ·" in listed, listed
    assert f"{dup} · 公共设施(电梯/路灯/道路/门禁) · 5号楼 ·" in listed, listed

    await d.tap(STAFF, dup, queue["message_id"])  # from the list: with its likely duplicates
    card = message_text(await d.expect(STAFF, f"诉求 {dup} ·", since=queue["message_id"]))
    assert f"⚠️ 可能与 {road}（很像）是同一件事" in card, card
    assert "%" not in card and "可能重复" not in card, card
    wu = message_text(await _card(h, road))
    assert "联系人：吴大爷 · 未留电话 · 房号：502" in wu and "电话：-" not in wu, wu

    await _card(h, dup)
    await d.tap(STAFF, "合并")
    offered = await d.expect(STAFF, "可能重复的诉求")
    await d.tap(STAFF, f"并入 {road}", offered["message_id"])
    merged = message_text(await d.expect(STAFF, f"诉求 {dup} 已并入诉求 {road}"))
    assert f"不在同一栋楼：{dup} 在 5号楼，{road} 在 1号楼" in merged, merged
    assert await d.errors() == []


async def test_at_night_staff_are_told_when_the_resident_hears(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    asked = await _file(h, WU, "想请社区帮忙买菜送到家")
    sent_on = await _file(h, ZHENG, "小区东门外的马路上有个大坑")
    h.clock.set(datetime(2026, 11, 23, 20, 30, tzinfo=UTC))  # 04:30 in Shanghai: quiet hours

    card = await _card(h, asked)
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, f"不受理诉求 {asked} 的原因")
    sent = await d.send(STAFF, "超出社区服务范围，请联系物业")
    said = message_text(await d.expect(STAFF, "已不予受理", since=sent["message_id"]))
    assert "居民会在 11月24日（周二）07:00 收到原因" in said, said
    assert "已告诉居民" not in said, said

    card = await _card(h, sent_on)
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位")
    await d.say(STAFF, "区市政所")
    sent = await d.send(STAFF, "请尽快修补")
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    card = message_text(await _card(h, sent_on))
    [line] = [x for x in card.splitlines() if x.startswith("转办：")]
    assert line.startswith("转办：区市政所 · 11月24日（周二）04:30 · 说明：请尽快修补"), line
    assert line.count("（") <= 1, line  # the weekday's brackets only, none around the time
    assert await d.errors() == []


async def test_an_office_400_number_is_taken(linli_sandbox: Harness) -> None:
    """王主任 gives 阳光社区's office a 400 number: asked to confirm it, not refused."""
    d = linli_sandbox.driver
    sent = await d.send(ADMIN, "阳光社区的电话改成4008201234")
    asked = await d.expect(ADMIN, "改为「400-820-1234」", since=sent["message_id"])
    await d.tap(ADMIN, "确定修改", asked["message_id"])
    await d.expect(ADMIN, "400-820-1234", since=asked["message_id"])
    async with linli_sandbox.sessionmaker() as session:
        office = await session.get(Community, 1)
        assert office is not None and office.phone == "400-820-1234"
    assert await d.errors() == []


async def test_an_estate_said_by_name_is_where_the_matter_is(linli_sandbox: Harness) -> None:
    """吴大爷 names an estate of his community ('幸福里花园小区'): the preview puts the matter
    there, its whole name, not in a public area cut out of it ('花园')."""
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        session.add(Building(community_id=1, grid_id=2, name="幸福里花园小区", households=0))
        await session.commit()
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "幸福里花园小区门口的路灯坏了，晚上很黑")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    text = message_text(preview)
    assert "📍 地点：幸福里花园小区（按您说的" in text, text
    assert "公共区域" not in text, text
    assert await d.errors() == []
