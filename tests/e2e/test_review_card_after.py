"""A 报到申请 card once the application is decided (found walking the flows as 李社工): the card
不通过 was tapped on loses 通过/不通过 once the reason is typed (as 通过 already does), and a
colleague's copy tapped afterwards says it was handled and loses them too. Before, both kept
their buttons, which only ever answered '这份申请已经有人处理过了'; now the answer says who
decided it and how."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import _apply_as_member
from tests.support import reply_to

NEW = 5001  # 小林, unregistered
STAFF = 2001  # 李社工, 阳光社区
GRID = 2002  # 张网格员, 阳光社区 第一网格
OTHER = 2003  # 陈社工, 和谐社区


def _buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def _now(h: Harness, chat: int, message_id: int) -> dict[str, Any]:
    [card] = [m for m in await h.driver.messages(chat) if m["message_id"] == message_id]
    return card


async def test_a_decided_application_leaves_no_buttons(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    copy = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "不通过", card["message_id"])
    await d.expect(STAFF, "原因", since=card["message_id"])
    [done] = await d.say(STAFF, "单位信息不完整")
    assert "已退回" in message_text(done)
    assert _buttons(await _now(h, STAFF, card["message_id"])) == []
    # another community's staff cannot even learn that it was decided
    menu = await reply_to(d, OTHER, "/start", "您好")
    data = copy["reply_markup"]["inline_keyboard"][0][1]["callback_data"]
    forged = await d.click(OTHER, menu["message_id"], data=data)
    assert "没有权限" in forged["answer"]["text"]
    # the colleague's copy, tapped later: said so, and its buttons go
    # (by its data: the copy may have been redrawn without its buttons already)
    approve = copy["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    answer = await d.click(GRID, copy["message_id"], data=approve)
    # who decided it, and how
    assert "已经由李社工处理过了：未通过" in answer["answer"]["text"], answer
    assert _buttons(await _now(h, GRID, copy["message_id"])) == []


async def test_a_decided_application_rejected_on_a_copy(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW)
    card = await d.expect(STAFF, "报到申请")
    copy = await d.expect(GRID, "报到申请")
    await d.tap(STAFF, "通过", card["message_id"])
    await d.expect(STAFF, "已通过", since=card["message_id"])
    reject = copy["reply_markup"]["inline_keyboard"][0][1]["callback_data"]
    answer = await d.click(GRID, copy["message_id"], data=reject)
    assert "已经由李社工处理过了：已通过" in answer["answer"]["text"], answer
    assert _buttons(await _now(h, GRID, copy["message_id"])) == []
    assert not [m for m in await d.messages(GRID, copy["message_id"]) if "原因" in message_text(m)]
