"""⚙️ 管理 leads to each of its pages and back: the staff list and the invitation's community
list end with ⬅️ 返回管理, and 🏷 诉求分类 shows the catalogue, as /help promises (邀请和撤销社区
工作人员，管理诉求分类). Before, the menu had no way to the categories, and its pages no way
back to it."""

from __future__ import annotations

from typing import Any

from models import Role
from sandbox.driver import message_text
from services import staff as staff_service
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
ALEX = 5002  # English


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _current(h: Harness, user: int, message_id: int) -> dict[str, Any]:
    [msg] = [m for m in await h.driver.messages(user) if m["message_id"] == message_id]
    return msg


async def test_each_admin_page_leads_back_to_the_menu(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    mid = menu["message_id"]
    assert _buttons(menu) == [
        "➕ 邀请社区工作人员",
        "➕ 邀请网格员",
        "👥 工作人员列表",
        "👑 邀请街道管理员",
        "👑 管理员列表",
        "🏘 组织架构",
        "🏷 诉求分类",
    ]

    await d.tap(ADMIN, "🏷 诉求分类", mid)
    page = await d.expect(ADMIN, "water_electric", since=mid - 1)
    assert "诉求分类" in message_text(page) and "技能代码" in message_text(page)
    assert _buttons(page) == ["⬅️ 返回管理"]
    assert (await d.click(ADMIN, mid, data="adm:cats:0"))["answer"] is not None
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    assert _buttons(await _current(h, ADMIN, mid))[-1] == "🏷 诉求分类"
    # a second tap on the same stale button changes nothing and is answered
    answer = await d.click(ADMIN, mid, data="adm:menu:0")
    assert answer["answer"] is not None
    assert not await d.errors()

    await d.tap(ADMIN, "👥 工作人员列表", mid)
    staff = await d.expect(ADMIN, "李社工（2001）", since=mid - 1)
    assert _buttons(staff)[-1] == "⬅️ 返回管理"
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    await d.tap(ADMIN, "➕ 邀请社区工作人员", mid)
    invite = await d.expect(ADMIN, "邀请哪个社区", since=mid - 1)
    assert _buttons(invite) == ["和谐社区", "阳光社区", "⬅️ 返回管理"]
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    assert message_text(await _current(h, ADMIN, mid)) == "管理"
    await d.tap(ADMIN, "🏘 组织架构", mid)
    org = await d.expect(ADMIN, "组织架构：请选择社区", since=mid - 1)
    assert _buttons(org) == ["和谐社区", "阳光社区", "➕ 新建社区", "⬅️ 返回管理"]
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    await d.tap(ADMIN, "➕ 邀请网格员", mid)
    await d.expect(ADMIN, "邀请哪个社区的网格员", since=mid - 1)
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    await d.tap(ADMIN, "👑 管理员列表", mid)
    admins = await d.expect(ADMIN, "王主任（1001）", since=mid - 1)
    assert _buttons(admins) == ["⬅️ 返回管理"]
    await d.tap(ADMIN, "⬅️ 返回管理", mid)
    await d.expect(ADMIN, "管理", since=mid - 1)


async def test_the_admin_pages_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ALEX, "/start")
    async with h.sessionmaker() as session:
        await staff_service.grant(session, telegram_id=ALEX, role=Role.ADMIN)
    [menu] = await d.say(ALEX, "/admin")
    assert _buttons(menu)[-1] == "🏷 Request categories"
    await d.tap(ALEX, "🏷 Request categories", menu["message_id"])
    page = await d.expect(ALEX, "Skill codes:", since=menu["message_id"] - 1)
    assert "plumbing Plumbing" in message_text(page)
    assert _buttons(page) == ["⬅️ Back to admin"]
    await d.tap(ALEX, "⬅️ Back to admin", menu["message_id"])
    await d.tap(ALEX, "👑 Admins", menu["message_id"])
    admins = await d.expect(ALEX, "Sub-district admins", since=menu["message_id"] - 1)
    assert "Alex Smith (5002) · you" in message_text(admins), message_text(admins)
    assert "王主任 (1001) · named in the settings" in message_text(admins)
