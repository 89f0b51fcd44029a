"""/find by phone did not find 吴大爷, who left no phone at registration but gave one at his 报到
(member sign-up) to 阳光社区's staff: the search read the resident's profile phone only, though
his card shows the sign-up's ('（报到时留的）'). It now finds his requests by that phone, for
the staff of the community he signed up to only (what his sign-up consented to); a sign-up to
another community does not make 阳光社区's requests findable by it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_language_phone import _sign_up
from tests.orders.test_e2e_cycle import STAFF, WU, _file

OTHER_STAFF = 2003  # 陈社工, 和谐社区
PHONE = "13812345678"


async def test_staff_find_a_resident_by_the_phone_of_his_signup(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里的扶手松了")
    await _sign_up(h, WU, "阳光社区", PHONE)

    sent = await d.send(STAFF, f"/find {PHONE}")
    found = await d.expect(STAFF, f"查找「{PHONE}」", since=sent["message_id"])
    assert number in message_text(found) and "共 1 件" in message_text(found), message_text(found)
    # part of it, as read out on the phone
    sent = await d.send(STAFF, "/find 12345678")
    found = await d.expect(STAFF, "查找「12345678」", since=sent["message_id"])
    assert number in message_text(found), message_text(found)
    # another community's staff: none of theirs
    sent = await d.send(OTHER_STAFF, f"/find {PHONE}")
    await d.expect(OTHER_STAFF, f"没有找到含「{PHONE}」的诉求", since=sent["message_id"])
    assert await d.errors() == []


async def test_a_signup_to_another_community_does_not_find_him(linli_sandbox: Harness) -> None:
    """The phone he gave 和谐社区's staff is not for 阳光社区's: his request there is not found by
    it."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里的扶手松了")
    await _sign_up(h, WU, "和谐社区", PHONE)

    sent = await d.send(STAFF, f"/find {PHONE}")
    none = await d.expect(STAFF, f"没有找到含「{PHONE}」的诉求", since=sent["message_id"])
    assert number not in message_text(none)
    assert await d.errors() == []
