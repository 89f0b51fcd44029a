"""An English-speaking admin's community and grid pages (⚙️ Admin → 🏘 Org structure) name each
place once: '🏘 阳光社区 / Sunshine Community: 2 grids' — before, a line 'English name: Sunshine
Community (…)' followed, repeating the name the title had just given. A Chinese admin, whose
title names the place in Chinese only, still reads the English name on its own line."""

from __future__ import annotations

from models import User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任


async def test_english_pages_name_the_english_name_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        admin = await session.get(User, ADMIN)
        assert admin is not None
        admin.language = "en"
        await session.commit()
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "🏘 Org structure", menu["message_id"])
    await d.expect(ADMIN, "choose a community", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "阳光社区 / Sunshine Community", menu["message_id"])
    page = await d.expect(ADMIN, "2 grids", since=menu["message_id"] - 1)
    text = message_text(page)
    assert text.startswith("🏘 阳光社区 / Sunshine Community: 2 grids"), text
    assert text.count("Sunshine") == 1, text
    await d.tap(ADMIN, "第一网格 / Grid 1 (3 buildings)", menu["message_id"])
    grid = await d.expect(ADMIN, "3 buildings.", since=menu["message_id"] - 1)
    text = message_text(grid)
    assert text.count("Grid 1") == 1 and text.count("Sunshine") == 1, text
    assert await d.errors() == []


async def test_a_chinese_admin_still_reads_the_english_name(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    await d.expect(ADMIN, "组织架构", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "阳光社区", menu["message_id"])
    page = await d.expect(ADMIN, "🏘 阳光社区：", since=menu["message_id"] - 1)
    assert "英文名：Sunshine Community" in message_text(page), message_text(page)
    assert await d.errors() == []
