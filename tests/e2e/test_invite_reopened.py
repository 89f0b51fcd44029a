"""An invitation link opened again by the person who used it (a second tap on the link in the
chat it was sent in, a day later): they are told it is already theirs and the menu is enough,
not sent back to the admin for 'a new one' they do not need. Anyone else, or the same person
after being revoked, is told the link has been used, as before."""

from __future__ import annotations

from sqlmodel import select

from models import Invitation
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ADMIN = 1001  # 王主任
NEW_USER = 5001  # 小林
RESIDENT = 4001  # 周阿姨


async def test_a_used_link_opened_again_by_its_user(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    [menu] = await d.say(ADMIN, "⚙️ 管理")
    await d.tap(ADMIN, "➕ 邀请网格员", menu["message_id"])
    await d.expect(ADMIN, "邀请哪个社区的网格员", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "阳光社区", menu["message_id"])
    grids = await d.expect(ADMIN, "哪个网格的网格员", since=menu["message_id"] - 1)
    await d.tap(ADMIN, "第二网格", grids["message_id"])
    await d.expect(ADMIN, "网格员邀请链接", since=menu["message_id"] - 1)
    async with h.sessionmaker() as session:
        [invitation] = (await session.exec(select(Invitation))).all()
    link = f"/start inv-{invitation.code}"
    replies = await d.say(NEW_USER, link)
    assert any("您已成为「阳光社区 · 第二网格」的网格员" in message_text(m) for m in replies)
    # the same person, again: it is theirs already
    replies = await d.say(NEW_USER, link)
    said = message_text(replies[0])
    assert "这个邀请链接您已经用过了，权限仍然有效" in said and "重新要一个" not in said
    # someone else: used
    replies = await d.say(RESIDENT, link)
    assert "这个邀请链接已经被使用过了。请向管理员重新要一个。" in message_text(replies[0])
    # revoked since: the link gives nothing back, and says so as for anyone
    answer = (await d.click(ADMIN, menu["message_id"], data=f"adm:revoke-yes:{NEW_USER}"))[
        "answer"
    ]
    assert answer is not None and "已撤销 小林" in answer["text"]
    await d.expect(NEW_USER, "权限已被撤销")
    replies = await d.say(NEW_USER, link)
    assert "这个邀请链接已经被使用过了。请向管理员重新要一个。" in message_text(replies[0])
