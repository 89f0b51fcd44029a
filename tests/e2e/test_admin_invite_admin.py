"""An admin appoints another admin in the bot: ⚙️ 管理 → 👑 邀请街道管理员 → what an admin may
do, asked once more → a one-time link; whoever opens it is an admin (⚙️ 管理 in their menu), as
`linli grant admin` makes them. Before, only the CLI on the server could."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import Invitation, Role, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工
NEW_USER = 5001  # 小林


def _data(message: dict[str, Any], label: str) -> str:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    [data] = [b["callback_data"] for row in rows for b in row if b["text"] == label]
    return str(data)


def _keys(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_an_admin_appoints_an_admin(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    since = menu["message_id"] - 1
    await d.tap(ADMIN, "👑 邀请街道管理员", menu["message_id"])
    page = await d.expect(ADMIN, "确定要生成一个管理员邀请链接吗", since=since)
    yes = _data(page, "✅ 生成管理员邀请链接")
    await d.click(ADMIN, page["message_id"], data=yes)
    shown = await d.expect(ADMIN, "管理员邀请链接（", since=since)
    async with h.sessionmaker() as session:
        [invitation] = (await session.exec(select(Invitation))).all()
    assert (invitation.role, invitation.community_id) == (Role.ADMIN, None)
    assert f"start=inv-{invitation.code}" in message_text(shown)
    again = await d.click(ADMIN, page["message_id"], data=yes)
    assert again["answer"] is not None and "已经生成过管理员邀请链接" in again["answer"]["text"]
    replies = await d.say(NEW_USER, f"/start inv-{invitation.code}")
    assert any("您已成为街道管理员" in message_text(m) for m in replies)
    assert "⚙️ 管理" in _keys(replies[-1])
    await d.expect(ADMIN, "小林 已通过邀请链接成为街道管理员", since=since)
    async with h.sessionmaker() as session:
        new = await session.get(User, NEW_USER)
        assert new is not None and Role.ADMIN in new.role_set
    [admin_menu] = await d.say(NEW_USER, "⚙️ 管理")
    assert "🏘 组织架构" in [
        b["text"] for row in admin_menu["reply_markup"]["inline_keyboard"] for b in row
    ]


async def test_the_admin_invitation_from_staff_is_refused(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [menu] = await d.say(STAFF, "/start")
    answer = (await d.click(STAFF, menu["message_id"], data=f"adm-ainv:{'A' * 16}"))["answer"]
    assert answer is not None and "没有权限" in answer["text"] and answer["show_alert"]
    async with linli_sandbox.sessionmaker() as session:
        assert (await session.exec(select(Invitation))).all() == []


async def test_an_admin_revokes_an_admin_in_the_bot(linli_sandbox: Harness) -> None:
    """👑 管理员列表 names every admin; one granted in the bot can be revoked by another (asked
    once more), is told, and loses ⚙️ 管理; the admin the settings name and oneself cannot be
    revoked there — no button, and a forged tap is refused and audited."""
    from models import AuditEvent

    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:  # 小林 made an admin (as `linli grant admin` does)
        new = await session.get(User, NEW_USER)
        assert new is not None
        new.set_roles(new.role_set | {Role.ADMIN})
        await session.commit()
    await d.say(NEW_USER, "/start")
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "👑 管理员列表", menu["message_id"])
    listed = await d.expect(ADMIN, "街道管理员（共 2 人）", since=menu["message_id"] - 1)
    text = message_text(listed)
    assert "王主任（1001）· 配置文件指定" in text and "小林（5001）" in text, text
    rows = listed["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in rows for b in row] == ["撤销 小林", "⬅️ 返回管理"]
    # 小林's own list offers no button for himself, nor for the admin the settings name
    [his] = await d.say(NEW_USER, "⚙️ 管理")
    await d.tap(NEW_USER, "👑 管理员列表", his["message_id"])
    mine = await d.expect(NEW_USER, "· 您自己", since=his["message_id"] - 1)
    assert [b["text"] for row in mine["reply_markup"]["inline_keyboard"] for b in row] == [
        "⬅️ 返回管理"
    ]
    for forged, why in (
        (f"adm:arev-yes:{ADMIN}", "只能在配置里去掉"),
        (f"adm:arev-yes:{NEW_USER}", "不能"),
    ):
        refused = await d.click(NEW_USER, mine["message_id"], data=forged)
        assert refused["answer"] is not None and why in refused["answer"]["text"]
    # the revoke, asked once more
    await d.tap(ADMIN, "撤销 小林", listed["message_id"])
    ask = await d.expect(ADMIN, "确定撤销 小林 的街道管理员权限吗", since=menu["message_id"] - 1)
    done = await d.click(ADMIN, ask["message_id"], data=_data(ask, "✅ 确定撤销"))
    assert done["answer"] is not None and "已撤销 小林" in done["answer"]["text"]
    told = await d.expect(NEW_USER, "街道管理员权限已被撤销", since=mine["message_id"])
    assert "⚙️ 管理" not in _keys(told)
    again = await d.click(ADMIN, ask["message_id"], data=_data(ask, "✅ 确定撤销"))
    assert again["answer"] is not None and "已经不是街道管理员" in again["answer"]["text"]
    async with h.sessionmaker() as session:
        former = await session.get(User, NEW_USER)
        assert former is not None and Role.ADMIN not in former.role_set
        admin = await session.get(User, ADMIN)
        assert admin is not None and Role.ADMIN in admin.role_set
        refusals = (
            await session.exec(select(AuditEvent).where(AuditEvent.action == "refused"))
        ).all()
    assert len([a for a in refusals if a.actor_id == NEW_USER]) == 2
    # he is an admin no more: the old list's buttons are refused as any admin button is
    stale = await d.click(NEW_USER, mine["message_id"], data="adm:admins:0")
    assert stale["answer"] is not None and stale["answer"]["show_alert"]
