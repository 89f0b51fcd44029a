"""Registration goes back a step from every question, typed steps too (DESIGN: every flow can be
cancelled and goes back a step), and a cancel after the address is stored keeps it whole."""

from __future__ import annotations

from sqlmodel import select

from models import User
from models.scheduling import Delivery
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels, keyboard_labels, reply_to

NEW = 5001  # 小林, unregistered
ALEX = 5002  # English, unregistered
GRID_WORKER = 2002  # 张网格员: 第一网格 (1/2/3号楼)


async def _to_room(d: Driver, user: int, building: str) -> dict:
    """Consent, 阳光社区, 第一网格, `building`: returns the room question."""
    start = await reply_to(d, user, "🏠 登记住址", "个人信息使用说明")
    await d.tap(user, "同意并继续", start["message_id"])
    # the consent message becomes the communities
    await d.expect(user, "请选择您所在的社区", since=start["message_id"] - 1)
    await d.tap(user, "阳光社区", start["message_id"])
    grids = await d.expect(user, "请选择您所在的网格", since=start["message_id"])
    await d.tap(user, "第一网格", grids["message_id"])
    picker = await d.expect(user, "请选择您住的楼栋", since=grids["message_id"])
    await d.tap(user, building, picker["message_id"])
    return await d.expect(user, "房号", since=picker["message_id"])


async def _verify_cards(h: Harness, resident: int) -> list[Delivery]:
    async with h.sessionmaker() as session:
        rows = (await session.exec(select(Delivery).where(Delivery.chat_id == GRID_WORKER))).all()
    return [r for r in rows if f"vfy:{resident}:" in str(r.reply_markup)]


async def test_back_from_room_and_phone_asks_the_step_before_again(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    room = await _to_room(d, NEW, "1号楼")
    assert keyboard_labels(room) == ["⬅️ 上一步", "✖️ 取消"]
    # back at the room: the buildings again, and another is chosen
    picker = await reply_to(d, NEW, "⬅️ 上一步", "请选择您住的楼栋")
    assert "2号楼" in inline_labels(picker)
    await d.tap(NEW, "2号楼", picker["message_id"])
    await d.expect(NEW, "房号", since=picker["message_id"])
    phone = await reply_to(d, NEW, "302", "手机号")
    assert "⬅️ 上一步" in keyboard_labels(phone)
    # back at the phone: the room again, showing the one typed
    again = await reply_to(d, NEW, "⬅️ 上一步", "房号")
    assert "之前填的是：302" in message_text(again), message_text(again)
    await reply_to(d, NEW, "303", "手机号")
    done = await reply_to(d, NEW, "跳过", "登记完成")
    assert "阳光社区 · 第一网格 · 2号楼 303" in message_text(done), message_text(done)
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None
        assert (user.room, user.registered) == ("303", True)
    # staff are asked once to verify the address as it ended, not once per room typed
    await d.expect(GRID_WORKER, "新居民登记：小林")
    cards = await _verify_cards(h, NEW)
    assert len(cards) == 1, [c.text for c in cards]
    assert "2号楼 303" in cards[0].text


async def test_back_typed_at_the_pickers_goes_up_to_the_community(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    room = await _to_room(d, NEW, "3号楼")
    await reply_to(d, NEW, "⬅️ 上一步", "请选择您住的楼栋")
    grids = await reply_to(d, NEW, "上一步", "请选择您所在的网格")
    assert inline_labels(grids)[:2] == ["第一网格", "第二网格"]
    communities = await reply_to(d, NEW, "⬅️ 上一步", "请选择您所在的社区")
    assert "阳光社区" in inline_labels(communities)
    # and on from there as before
    await d.tap(NEW, "阳光社区", communities["message_id"])
    second = await d.expect(NEW, "请选择您所在的网格", since=communities["message_id"])
    await d.tap(NEW, "第二网格", second["message_id"])
    picker = await d.expect(NEW, "请选择您住的楼栋", since=second["message_id"])
    assert inline_labels(picker)[:2] == ["5号楼", "6号楼"]
    assert room["message_id"] < picker["message_id"]


async def test_back_in_english_at_the_room(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    start = await reply_to(d, ALEX, "🏠 Register address", "personal data")
    await d.tap(ALEX, "Agree and continue", start["message_id"])
    await d.expect(ALEX, "choose your community", since=start["message_id"] - 1)
    await d.tap(ALEX, "Sunshine Community", start["message_id"])
    grids = await d.expect(ALEX, "grid", since=start["message_id"])
    await d.tap(ALEX, "Grid 1", grids["message_id"])
    picker = await d.expect(ALEX, "building", since=grids["message_id"])
    await d.tap(ALEX, "Building 1", picker["message_id"])
    await d.expect(ALEX, "room number", since=picker["message_id"])
    again = await reply_to(d, ALEX, "back", "building")
    assert "Building 2" in inline_labels(again)


async def test_cancel_at_the_phone_keeps_the_address_and_asks_staff_to_verify(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_room(d, NEW, "1号楼")
    await reply_to(d, NEW, "502", "手机号")
    done = await reply_to(d, NEW, "✖️ 取消", "登记完成")
    assert "1号楼 502" in message_text(done)
    assert "📝 我要点单" in keyboard_labels(done)
    await d.expect(GRID_WORKER, "新居民登记：小林")
    assert len(await _verify_cards(h, NEW)) == 1


async def test_cancel_at_the_room_before_any_address_keeps_nothing(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_room(d, NEW, "1号楼")
    await reply_to(d, NEW, "✖️ 取消", "已取消")
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None
        assert (user.building_id, user.registered) == (None, False)
    assert await _verify_cards(h, NEW) == []


async def test_not_knowing_the_room_is_told_what_will_do(linli_sandbox: Harness) -> None:
    """'我不知道房号' at the room step was stored as the room; now it is answered with what will
    do, and the step waits for it."""
    h = linli_sandbox
    d = h.driver
    await _to_room(d, NEW, "1号楼")
    hint = await reply_to(d, NEW, "我不知道房号", "门牌上的号码")
    assert "三楼东户" in message_text(hint)
    await reply_to(d, NEW, "楼道的灯坏了", "房号格式不对")
    await reply_to(d, NEW, "三楼东户", "手机号")
    async with h.sessionmaker() as session:
        user = await session.get(User, NEW)
        assert user is not None and user.room == "三楼东户"
