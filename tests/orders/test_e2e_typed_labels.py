"""A reply button's words typed by hand act as the button (many older residents type rather than
tap, and cannot type the emoji): '我要点单' starts a request, '取消' inside it leaves it with
nothing filed, '说完了。' shows the preview. Before, inside the request '取消' and '说完了' were
added to the description ('收到文字。还可以继续补充…') and the resident could not get out."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from bot.middlewares import TypedLabelMiddleware
from models import Role
from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU
from tests.support import reply_to


async def _requests(h: Harness) -> list[Request]:
    async with h.sessionmaker() as s:
        return list((await s.exec(select(Request).where(col(Request.resident_id) == ZHOU))).all())


async def test_typed_button_words_start_cancel_and_finish_a_request(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await reply_to(d, ZHOU, "我要点单", "请说说")
    await reply_to(d, ZHOU, "楼下的路灯坏了", "收到文字")
    left = await reply_to(d, ZHOU, "取消", "已取消")
    assert "收到文字" not in message_text(left)
    assert await _requests(h) == []

    await reply_to(d, ZHOU, "我要点单", "请说说")
    await reply_to(d, ZHOU, "3号楼的路灯坏了，晚上很黑", "收到文字")
    preview = await reply_to(d, ZHOU, " 说完了。", "分类：")
    assert "说完了" not in message_text(preview).split("分类：")[0]
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)  # the preview, edited
    [req] = await _requests(h)
    assert req.text == "3号楼的路灯坏了，晚上很黑"

    # the same words inside a longer message are the resident's own words
    await reply_to(d, ZHOU, "我要点单", "请说说")
    got = await reply_to(d, ZHOU, "取消了的那个活动什么时候再办", "收到文字")
    assert "已取消" not in message_text(got)


async def test_another_roles_button_words_are_the_residents_own(linli_sandbox: Harness) -> None:
    """A resident who types a staff button's words ('管理', '发通知') wrote words of their own:
    before, they were read as the staff button and answered「⚙️ 管理」现在不在您的菜单里了 (no
    longer in your menu), odd for someone who never had it. Staff typing them still get the
    button."""
    d = linli_sandbox.driver
    for typed in ("管理", "发通知", "台账统计"):
        offer = await reply_to(d, ZHOU, typed, "要把这件事报给社区吗")
        assert "不在您的菜单" not in message_text(offer)
    # inside a request, they are part of what the resident describes
    await reply_to(d, ZHOU, "我要点单", "请说说")
    got = await reply_to(d, ZHOU, "发通知", "收到文字")
    assert "不在您的菜单" not in message_text(got)
    # the staff's own button, typed
    await reply_to(d, STAFF, "发通知", "这条通知发给谁")
    await reply_to(d, 1001, "管理", "管理")  # 王主任, an admin


def _table(*labels: str, roles: frozenset[Role] = frozenset({Role.RESIDENT})) -> dict[str, str]:
    return TypedLabelMiddleware(lambda _roles: frozenset(labels))._table(roles)


def test_each_role_reads_only_its_own_menus_words() -> None:
    from handlers.menu import menu_labels

    middleware = TypedLabelMiddleware(menu_labels)
    resident = middleware._table(frozenset({Role.RESIDENT}))
    staff = middleware._table(frozenset({Role.RESIDENT, Role.STAFF}))
    admin = middleware._table(frozenset({Role.RESIDENT, Role.ADMIN}))
    assert "我要点单" in resident and "发通知" not in resident and "管理" not in resident
    assert staff["发通知"] == "📢 发通知" and "管理" not in staff
    assert admin["管理"] == "⚙️ 管理" and admin["发通知"] == "📢 发通知"


def test_words_two_buttons_share_are_left_as_typed() -> None:
    table = _table("✅ Done", "✖️ Cancel", "🅰️ Same", "🅱️ Same", "跳过")
    assert table == {"done": "✅ Done", "cancel": "✖️ Cancel", "跳过": "跳过"}


async def test_a_typed_label_reaches_the_handler_as_the_button() -> None:
    from datetime import UTC, datetime

    from aiogram.types import Chat, Message

    seen: list[Any] = []

    async def handler(event: Any, data: dict[str, Any]) -> None:
        seen.append(event.text)

    def of_roles(roles: frozenset[Role]) -> frozenset[str]:
        return frozenset(
            {"✅ Done", "✖️ Cancel"} | ({"📢 Notice"} if Role.STAFF in roles else set())
        )

    middleware = TypedLabelMiddleware(of_roles)
    chat = Chat(id=1, type="private")
    resident = {"roles": frozenset({Role.RESIDENT})}
    for typed in ("done", "DONE!", " Cancel ", "done it", "✅ Done", "/cancel", "notice"):
        message = Message(message_id=1, date=datetime.now(UTC), chat=chat, text=typed)
        await middleware(handler, message, resident)
    assert seen == ["✅ Done", "✅ Done", "✖️ Cancel", "done it", "✅ Done", "/cancel", "notice"]
    message = Message(message_id=1, date=datetime.now(UTC), chat=chat, text="Notice")
    await middleware(handler, message, {"roles": frozenset({Role.RESIDENT, Role.STAFF})})
    assert seen[-1] == "📢 Notice"
