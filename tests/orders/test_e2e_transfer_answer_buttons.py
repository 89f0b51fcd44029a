"""📥 记录回复: once 已解决 (or 还在办) is tapped and recorded, the question '问题解决了吗？'
keeps no buttons — they stayed, and a second tap (未解决，退回, as a worker might try after
thinking again) was answered only '这个按钮已经失效了'. An answer typed again replaces the
question: the earlier one's buttons go."""

from __future__ import annotations

from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card, _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file


async def _message(h: Harness, message_id: int) -> dict[str, object]:
    return next(m for m in await h.driver.messages(STAFF) if m["message_id"] == message_id)


async def test_the_solved_question_loses_its_buttons_once_answered(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区东门外马路上的路灯坏了好几天")
    card = await _card(h, number)
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区市政管理所")
    sent = await d.send(STAFF, "跳过")
    await d.expect(STAFF, "已转办", since=sent["message_id"])

    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=card["message_id"])
    [first] = await d.say(STAFF, "已派人")
    [asked] = await d.say(STAFF, "已派人换灯，预计周二前修好")
    assert not _labels(await _message(h, first["message_id"]))  # typed again: replaced
    await d.tap(STAFF, "还在办", asked["message_id"])
    await d.expect(STAFF, f"已记录诉求 {number} 的进展", since=asked["message_id"])
    assert not _labels(await _message(h, asked["message_id"]))

    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=asked["message_id"])
    [final] = await d.say(STAFF, "路灯已换好")
    await d.tap(STAFF, "已解决", final["message_id"])
    await d.expect(STAFF, f"已记录诉求 {number} 的答复", since=final["message_id"])
    assert not _labels(await _message(h, final["message_id"]))
    assert await d.errors() == []
