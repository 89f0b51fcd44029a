"""➕ 新建社区 on the admin's 🏘 组织架构 page: a name (one another community has is refused,
asked again), an optional English name, ✅ 确定新建 — then the new community's page, where its
grids and buildings are added. Before, a community could only come from `linli org import`."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import AuditEvent, Community
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ADMIN = 1001  # 王主任
NEW = 5001  # 小林, unregistered


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _in_english(h: Harness, user: int) -> None:
    d = h.driver
    [ask] = await d.say(user, "/lang")
    await d.tap(user, "English", ask["message_id"])
    await d.expect(user, "Language set to English")


async def _communities(h: Harness) -> list[Community]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(Community).order_by(Community.id))).all())


async def test_an_admin_creates_a_community(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    top = await d.expect(ADMIN, "组织架构：请选择社区", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "➕ 新建社区", top["message_id"])
    await d.expect(ADMIN, "请输入新社区的名称", since=top["message_id"])
    # names another community has, by its name or its English name: refused, asked again
    told = await reply_to(d, ADMIN, " 阳光社区 ", "已经有名为「阳光社区」的社区了")
    told = await reply_to(d, ADMIN, "harmony community", "已经有名为「harmony community」的社区")
    assert "请换一个名称" in message_text(told)
    asked = await reply_to(d, ADMIN, "幸福社区", "「幸福社区」的英文名是什么")
    keys = [b["text"] for row in asked["reply_markup"]["keyboard"] for b in row]
    assert keys == ["跳过", "✖️ 取消"], keys
    await reply_to(d, ADMIN, "Sunshine Community", "已经有名为「Sunshine Community」的社区")
    await reply_to(d, ADMIN, "幸福", "英文名需要有英文字母")
    confirm = await reply_to(d, ADMIN, "Happiness Community", "确定吗")
    assert message_text(confirm).startswith(
        "新建社区「幸福社区」，英文名「Happiness Community」。确定吗？"
    ), message_text(confirm)
    assert _labels(confirm) == ["✅ 确定新建", "✖️ 取消"]
    assert len(await _communities(h)) == 2  # nothing made before ✅
    await d.tap(ADMIN, "✅ 确定新建", confirm["message_id"])
    await d.expect(ADMIN, "✅ 已新建社区「幸福社区」", since=confirm["message_id"])
    page = await d.expect(ADMIN, "🏘 幸福社区：0 个网格", since=confirm["message_id"])
    assert "➕ 新增网格" in _labels(page)
    made = (await _communities(h))[-1]
    assert (made.name, made.name_en) == ("幸福社区", "Happiness Community")
    # a second tap on the answered question makes nothing
    again = await d.click(ADMIN, confirm["message_id"], data="adm-org:add-c-yes:0:0:0")
    assert again["answer"] is not None
    assert len(await _communities(h)) == 3
    async with h.sessionmaker() as session:
        audited = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "org_add_community"))
        ).all()
    assert [a.detail for a in audited] == ["幸福社区"]
    # the new community's first grid, on its page
    await d.tap(ADMIN, "➕ 新增网格", page["message_id"])
    await reply_to(d, ADMIN, "第一网格", "已新增网格「第一网格」")
    assert await d.errors() == []


async def test_a_new_community_without_english_or_cancelled(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "🏘 组织架构", menu["message_id"])
    top = await d.expect(ADMIN, "组织架构：请选择社区", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "➕ 新建社区", top["message_id"])
    await reply_to(d, ADMIN, "光明社区", "英文名是什么")
    confirm = await reply_to(d, ADMIN, "跳过", "确定吗")
    assert "没有英文名" in message_text(confirm)
    await d.tap(ADMIN, "✖️ 取消", confirm["message_id"])
    await d.expect(ADMIN, "已取消，没有做任何修改", since=confirm["message_id"])
    assert [c.name for c in await _communities(h)] == ["阳光社区", "和谐社区"]
    # skipped, then ✅: made with no English name
    await d.tap(ADMIN, "➕ 新建社区", top["message_id"])
    await reply_to(d, ADMIN, "光明社区", "英文名是什么")
    confirm = await reply_to(d, ADMIN, "跳过", "确定吗")
    await d.tap(ADMIN, "✅ 确定新建", confirm["message_id"])
    await d.expect(ADMIN, "🏘 光明社区：0 个网格", since=confirm["message_id"])
    made = (await _communities(h))[-1]
    assert (made.name, made.name_en) == ("光明社区", None)
    # with no buildings yet, it is not offered to a resident registering
    refusal = await reply_to(d, NEW, "📝 我要点单", "请先登记您的住址")
    await d.tap(NEW, "🏠 现在登记", refusal["message_id"])
    await d.expect(NEW, "个人信息使用说明", since=refusal["message_id"])
    await d.tap(NEW, "同意并继续")
    asked = await d.expect(NEW, "请选择您所在的", since=refusal["message_id"])
    assert _labels(asked) == ["和谐社区", "阳光社区"], _labels(asked)
    assert await d.errors() == []


async def test_a_new_community_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _in_english(h, ADMIN)
    [menu] = await d.say(ADMIN, "⚙️ Admin")
    await d.tap(ADMIN, "🏘 Org structure", menu["message_id"])
    top = await d.expect(ADMIN, "choose a community", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "➕ New community", top["message_id"])
    await d.expect(ADMIN, "Type the new community's name", since=top["message_id"])
    await reply_to(d, ADMIN, "幸福社区", "called in English")
    confirm = await reply_to(d, ADMIN, "Happiness Community", "Create the community")
    assert _labels(confirm) == ["✅ Create it", "✖️ Cancel"], _labels(confirm)
    await d.tap(ADMIN, "✅ Create it", confirm["message_id"])
    await d.expect(ADMIN, 'Community "幸福社区" created', since=confirm["message_id"])
    assert await d.errors() == []
