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
