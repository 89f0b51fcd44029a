"""Admin buttons (adm:…) tapped by someone who is not an admin — staff or a resident forging
them, or an old card — are refused as not allowed, logged and kept in the audit log, and change
nothing. Before, they read '这个按钮已经失效了' and were logged as a stale button."""

from __future__ import annotations

from sqlmodel import col, select

from models import AuditEvent, Role, User
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
STAFF = 2001  # 李社工, 阳光社区
GRID = 2002  # 张网格员
RESIDENT = 4001  # 周阿姨


async def test_admin_buttons_from_others_are_refused_and_audited(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    for who, data in (
        (STAFF, f"adm:revoke-yes:{GRID}"),
        (RESIDENT, "adm:inv-c:1"),
        (STAFF, "adm:staff:0"),
    ):
        [menu] = await d.say(who, "/start")
        answer = (await d.click(who, menu["message_id"], data=data))["answer"]
        assert answer is not None and "没有权限" in answer["text"], (who, data, answer)
        assert answer["show_alert"]
    async with linli_sandbox.sessionmaker() as session:
        grid = await session.get(User, GRID)
        assert grid is not None and Role.STAFF in grid.role_set
        refused = (
            await session.exec(select(AuditEvent).where(col(AuditEvent.action) == "refused"))
        ).all()
        assert sorted((e.actor_id, e.detail) for e in refused) == sorted(
            [(STAFF, f"adm:revoke-yes:{GRID}"), (RESIDENT, "adm:inv-c:1"), (STAFF, "adm:staff:0")]
        )
    # the admin's own taps still work
    [admin] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "工作人员列表", admin["message_id"])
    await d.expect(ADMIN, "张网格员（2002）", since=admin["message_id"] - 1)
