"""张网格员 (第一网格) has 周阿姨's request open when 李社工 moves it to 5号楼 (第二网格). Their
tap on that card is answered as stale, and the card used to lose only its buttons: it went on
reading 第一网格 · 1号楼. It is redrawn to say where the matter is now, who has it and where
it was, in the grid worker's language — also after an admin renamed the building it left (a
rename used to make the tap read as forged: 没有权限, logged)."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent, Building, Role, User
from sandbox.driver import message_text
from services import org_edit
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import _file
from tests.orders.test_e2e_moved_grid import _buttons_gone, _move
from tests.orders.test_e2e_staff_place import DAY, GRID_WORKER, ZHOU, _card, _labels

ADMIN = 1001  # 王主任


async def _opened_then_moved(h: Harness) -> tuple[str, int]:
    """张网格员 opens the new request's card; 李社工 moves the request to 5号楼."""
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "门口的下水道堵了，污水都漫出来了")
    notice = await d.expect(GRID_WORKER, f"新诉求 {number}")
    await d.tap(GRID_WORKER, "查看诉求", notice["message_id"])
    opened = await d.expect(GRID_WORKER, f"诉求 {number} ·", since=notice["message_id"])
    assert "第一网格 · 1号楼" in message_text(opened), message_text(opened)
    await _move(h, await _card(h, number), number, "5号楼")
    await d.expect(GRID_WORKER, "您不用再跟进", since=opened["message_id"])
    return number, opened["message_id"]


async def _card_now(h: Harness, message_id: int) -> str:
    """The text of 张网格员's message once its buttons went (the redraw)."""
    assert await _buttons_gone(h, message_id)
    [shown] = [
        m
        for m in await h.driver.messages(GRID_WORKER, message_id - 1)
        if m["message_id"] == message_id
    ]
    assert not _labels(shown)
    return message_text(shown)


async def test_a_stale_tap_redraws_the_card_with_the_new_place(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, opened = await _opened_then_moved(h)

    answer = await d.tap(GRID_WORKER, "🚨", opened)

    assert "已改到 5号楼，由 第二网格 处理" in str(answer), answer
    text = await _card_now(h, opened)
    assert f"诉求 {number} 已改由 第二网格 处理（地点：5号楼，原为 1号楼）" in text, text
    assert "第一网格 · 1号楼" not in text
    assert await d.errors() == []


async def test_after_a_rename_the_tap_is_still_stale_and_reads_in_english(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number, opened = await _opened_then_moved(h)
    async with h.sessionmaker() as s:
        admin = await s.get(User, ADMIN)
        building = (await s.exec(select(Building).where(col(Building.name) == "1号楼"))).one()
        assert admin is not None
        await org_edit.rename(
            s,
            user=admin,
            roles=admin.role_set | {Role.ADMIN},
            kind="building",
            target_id=building.id or 0,
            name="一号楼",
        )
    await d.say(GRID_WORKER, "/lang")
    [*_, menu] = await d.messages(GRID_WORKER)
    await d.tap(GRID_WORKER, "English", menu["message_id"])

    answer = await d.tap(GRID_WORKER, "🚨", opened)

    said = str(answer)
    # the place in English names for an English reader (5号楼 → Building 5)
    assert f"Request {number} has moved to Building 5" in said, said
    assert "not allowed" not in said.lower()
    text = await _card_now(h, opened)
    assert f"Request {number} is now handled by Grid 2" in text, text
    assert "was 一号楼" in text, text
    async with h.sessionmaker() as s:
        refused = (
            await s.exec(
                select(AuditEvent).where(
                    col(AuditEvent.actor_id) == GRID_WORKER, col(AuditEvent.action) == "refused"
                )
            )
        ).all()
    assert refused == []
    assert await d.errors() == []
