"""/find by name did not find 吴大爷 by the real name he gave at his 报到 (member sign-up),
吴建国: the search read Telegram's names only. It now finds his requests by that name, for the
staff of the community he signed up to only (what his sign-up consented to, as with the phone
he gave there); a sign-up to another community does not make 阳光社区's requests findable by it."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_language_phone import _sign_up
from tests.orders.test_e2e_cycle import STAFF, WU, _file

OTHER_STAFF = 2003  # 陈社工, 和谐社区
NAME = "吴建国"  # the real name _sign_up gives 吴大爷


async def test_staff_find_a_resident_by_the_name_of_his_signup(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里的扶手松了")
    await _sign_up(h, WU, "阳光社区", "13812345678")

    sent = await d.send(STAFF, f"/find {NAME}")
    found = await d.expect(STAFF, f"查找「{NAME}」", since=sent["message_id"])
    assert number in message_text(found) and "共 1 件" in message_text(found), message_text(found)
    # the given name alone, as said on the phone
    sent = await d.send(STAFF, "/find 建国")
    found = await d.expect(STAFF, "查找「建国」", since=sent["message_id"])
    assert number in message_text(found), message_text(found)
    # another community's staff: none of theirs
    sent = await d.send(OTHER_STAFF, f"/find {NAME}")
    await d.expect(OTHER_STAFF, f"没有找到含「{NAME}」的诉求", since=sent["message_id"])
    assert await d.errors() == []


async def test_a_signup_to_another_community_does_not_find_him_by_name(
    linli_sandbox: Harness,
) -> None:
    """The name he gave 和谐社区's staff is not for 阳光社区's: his request there is not found
    by it."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, WU, "楼道里的扶手松了")
    await _sign_up(h, WU, "和谐社区", "13812345678")

    sent = await d.send(STAFF, f"/find {NAME}")
    none = await d.expect(STAFF, f"没有找到含「{NAME}」的诉求", since=sent["message_id"])
    assert number not in message_text(none)
    assert await d.errors() == []
