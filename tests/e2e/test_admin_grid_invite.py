"""An admin invites a grid worker (网格员) in the bot: ⚙️ 管理 → ➕ 邀请网格员 → the community →
the grid → a one-time link; whoever opens it is staff scoped to that grid, as `linli grant staff
--grid` makes them. Before, only community-wide staff could be invited in the bot; a grid
worker took a shell on the server."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import Grid, Invitation, StaffScope
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
NEW_USER = 5001  # 小林
RESIDENT = 4001


def _data(message: dict[str, Any], label: str) -> str:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    [data] = [b["callback_data"] for row in rows for b in row if b["text"] == label]
    return str(data)


async def test_an_admin_invites_a_grid_worker(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    since = menu["message_id"] - 1
    await d.tap(ADMIN, "➕ 邀请网格员", menu["message_id"])
    await d.expect(ADMIN, "邀请哪个社区的网格员", since=since)
    await d.tap(ADMIN, "阳光社区", menu["message_id"])
    grids = await d.expect(ADMIN, "邀请「阳光社区」哪个网格的网格员", since=since)
    await d.tap(ADMIN, "第二网格", grids["message_id"])
    shown = await d.expect(ADMIN, "网格员邀请链接（阳光社区 · 第二网格", since=since)
    async with h.sessionmaker() as session:
        [invitation] = (await session.exec(select(Invitation))).all()
        grid = (await session.exec(select(Grid).where(Grid.name == "第二网格"))).one()
    assert invitation.grid_id == grid.id
    assert f"start=inv-{invitation.code}" in message_text(shown)
    # a second tap on the same list makes no second link
    again = await d.click(ADMIN, grids["message_id"], data=_data(grids, "第二网格"))
    assert again["answer"] is not None and "已经生成过邀请链接" in again["answer"]["text"]
    # the new worker opens the link: staff of that grid only, and told so
    replies = await d.say(NEW_USER, f"/start inv-{invitation.code}")
    assert any("您已成为「阳光社区 · 第二网格」的网格员" in message_text(m) for m in replies)
    await d.expect(ADMIN, "小林 已通过邀请链接成为「阳光社区 · 第二网格」的网格员", since=since)
    async with h.sessionmaker() as session:
        [scope] = (
            await session.exec(select(StaffScope).where(StaffScope.user_id == NEW_USER))
        ).all()
    assert (scope.community_id, scope.grid_id) == (invitation.community_id, grid.id)


async def test_the_grid_list_from_someone_not_an_admin_is_refused(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [menu] = await d.say(RESIDENT, "/start")
    forged = f"adm-ginv:1:1:{'A' * 16}"
    answer = (await d.click(RESIDENT, menu["message_id"], data=forged))["answer"]
    assert answer is not None and "没有权限" in answer["text"] and answer["show_alert"]
    async with linli_sandbox.sessionmaker() as session:
        assert (await session.exec(select(Invitation))).all() == []
