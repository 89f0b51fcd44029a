"""The admin's 👥 工作人员列表 a page at a time: a sub-district with 123 staff accounts gets 15 a
page with ◀️ 上一页 / 下一页 ▶️ and '第 1/9 页，共 123 人'. Before, one message carried them all:
over 100 revoke buttons, which Telegram refuses ('reply markup is too long'), so the list never
came and the admin could revoke nobody."""

from __future__ import annotations

from typing import Any

from models import Role, StaffScope, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_a_long_staff_list_comes_in_pages(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        for n in range(120):
            user = User(id=800_000 + n, first_name=f"社工{n:03d}")
            user.set_roles({Role.RESIDENT, Role.STAFF})
            session.add(user)
            await session.flush()
            session.add(StaffScope(user_id=user.id, community_id=1 + n % 2))
        await session.commit()
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "工作人员列表", menu["message_id"])
    first = await d.expect(ADMIN, "第 1/9 页，共 123 人", since=menu["message_id"] - 1)
    assert message_text(first).startswith(
        "👥 工作人员列表（全部社区的社区工作人员和网格员，第 1/9 页，共 123 人）\n"
    )
    labels = _buttons(first)
    assert len(labels) == 17 and labels[0] == "撤销 李社工" and labels[-2] == "下一页 ▶️", labels
    assert labels[-1] == "⬅️ 返回管理"
    await d.tap(ADMIN, "下一页 ▶️", first["message_id"])
    second = await d.expect(ADMIN, "第 2/9 页", since=menu["message_id"] - 1)
    assert "社工012" in message_text(second) and "李社工" not in message_text(second)
    assert _buttons(second)[-3:] == ["◀️ 上一页", "下一页 ▶️", "⬅️ 返回管理"]
    # a forged page past the end shows the last one
    await d.click(ADMIN, first["message_id"], data="adm:staff:99")
    last = await d.expect(ADMIN, "第 9/9 页", since=menu["message_id"] - 1)
    assert _buttons(last)[-2] == "◀️ 上一页" and "社工119" in message_text(last)


async def test_the_staff_list_says_what_it_is(linli_sandbox: Harness) -> None:
    """A heading above the names: before, the list opened on '李社工（2001）：阳光社区'."""
    d = linli_sandbox.driver
    [menu] = await d.say(ADMIN, "/admin")
    await d.tap(ADMIN, "工作人员列表", menu["message_id"])
    listing = await d.expect(ADMIN, "李社工（2001）", since=menu["message_id"] - 1)
    heading, first, *_ = message_text(listing).split("\n")
    assert heading == "👥 工作人员列表（全部社区的社区工作人员和网格员，共 3 人）"
    assert first.startswith("李社工（2001）")
