"""What people type reaches staff cards (sent with parse mode HTML) as they typed it: '<', '>'
and '&' are escaped, not read as tags, and the card is not refused by Telegram."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import NEW, STAFF, _apply_as_member

UNIT = "<兴业> & 联合<b>公司"


async def test_member_review_card_shows_typed_text(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW, unit=UNIT)
    card = await d.expect(STAFF, "报到申请")
    assert f"单位：{UNIT}" in message_text(card), message_text(card)
    assert not await d.errors()
