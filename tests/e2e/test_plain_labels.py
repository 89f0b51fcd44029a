"""Button labels and the answers to taps are plain text on Telegram (only a message's text and
caption are read as HTML): a name such as 'Lee & Co <3' reads as typed there too, not as
'Lee &amp; Co &lt;3'."""

from __future__ import annotations

from typing import Any

from models import Role
from sandbox.driver import message_text
from services import staff as staff_service
from tests.e2e.conftest import Harness
from tests.support import reply_to

ADMIN = 1001
LEE = 2990
NAME = "Lee & Co <3"


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_name_with_html_characters_reads_as_typed_on_buttons_and_alerts(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=LEE, first_name=NAME)
    await d.say(LEE, "/start")  # the bot learns the name from Telegram
    async with h.sessionmaker() as session:
        await staff_service.grant(
            session, telegram_id=LEE, role=Role.STAFF, community_name="阳光社区"
        )
        await session.commit()
    menu = await reply_to(d, ADMIN, "/admin", "管理")
    await d.tap(ADMIN, "工作人员列表", menu["message_id"])
    listing = await d.expect(ADMIN, NAME, since=menu["message_id"] - 1)  # the text, as HTML
    assert f"撤销 {NAME}" in _labels(listing), _labels(listing)
    assert not any("&amp;" in label or "&lt;" in label for label in _labels(listing))
    await d.click(ADMIN, listing["message_id"], text=f"撤销 {NAME}")
    confirm = await d.expect(ADMIN, f"确定撤销 {NAME}", since=menu["message_id"] - 1)
    answer = await d.click(ADMIN, confirm["message_id"], text="✅ 确定撤销")
    assert answer["answer"]["text"] == f"已撤销 {NAME} 的工作人员权限。", answer
    assert "&amp;" not in message_text(await d.expect(LEE, "权限已被撤销"))
    assert await d.errors() == []
