"""李社工 fills in the order form (派单) of a request that 张网格员 declines meanwhile. Before,
the form's buttons went on changing a draft that could never be published, a title typed was
taken, and 发布工单 got the bare '…请点下方菜单重新打开'. Now any tap on the form, or a value
typed into it, is answered with who did what, when: the form is closed with nothing kept, and
the request's card is redrawn — the card remembered, when there is one (the form then says what
happened, without buttons), else the form itself becomes the card again."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from models.orders import Order
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.orders.test_e2e_stale_card_redrawn import _reads
from tests.orders.test_e2e_stale_list_redrawn import _declined_by_colleague, _staff_card

ALERT = "派单没有发布：这件事刚刚有同事处理过了，卡片已更新。"
TRIAGE = {"📤 派单", "🙋 直接办理", "↗️ 转办", "🔗 合并", "❌ 不受理"}


async def _form(h: Harness, number: str) -> dict[str, Any]:
    """李社工 opens the request's card and taps 派单: the form is drawn over the card."""
    d = h.driver
    card = await _staff_card(h, number)
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单", since=card["message_id"] - 1)
    return card


async def _told(h: Harness, since: int, number: str) -> str:
    said = message_text(await h.driver.expect(STAFF, "派单没有发布", since=since))
    assert f"诉求 {number} 的派单没有发布" in said, said
    assert "张网格员" in said and "不予受理" in said, said
    return said


async def _no_order_and_no_form(h: Harness) -> None:
    """Nothing was published, and the form is closed: '3天' typed is no form value."""
    d = h.driver
    async with h.sessionmaker() as s:
        assert (await s.exec(select(Order))).all() == []
    replies = await d.say(STAFF, "3天")
    assert not [m for m in replies if "派单" in message_text(m)], [
        message_text(m) for m in replies
    ]


@pytest.mark.parametrize("tap", ["👥 2 人", "发布工单", "改标题"])
async def test_a_tap_on_the_form_turns_it_back_into_the_card(
    linli_sandbox: Harness, tap: str
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    form = await _form(h, number)
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, tap, form["message_id"])

    assert answer["answer"]["text"] == ALERT and answer["answer"]["show_alert"], answer
    await _told(h, form["message_id"], number)
    now = await _reads(h, form, f"诉求 {number} · 不予受理")
    assert not TRIAGE & _labels(now), _labels(now)
    assert "需要人数" not in message_text(now)
    await _no_order_and_no_form(h)
    assert await d.errors() == []


async def test_publishing_with_the_card_opened_again_redraws_that_card(
    linli_sandbox: Harness,
) -> None:
    """The card opened again (from the notice) while the form is open is the card known: it
    is redrawn, and the form says what happened, without buttons."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    form = await _form(h, number)
    notice = await d.expect(STAFF, f"新诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    again = await d.expect(STAFF, f"诉求 {number} ·", since=form["message_id"])
    await _declined_by_colleague(h, number)

    answer = await d.tap(STAFF, "发布工单", form["message_id"])

    assert answer["answer"]["text"] == ALERT and answer["answer"]["show_alert"], answer
    note = await _reads(h, form, "派单没有发布")
    assert "张网格员" in message_text(note) and not _labels(note), message_text(note)
    card = await _reads(h, again, f"诉求 {number} · 不予受理")
    assert not TRIAGE & _labels(card), _labels(card)
    await _no_order_and_no_form(h)
    assert await d.errors() == []


async def test_a_title_typed_after_the_colleague_acted_is_not_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "楼道里的灯不亮了")
    form = await _form(h, number)
    await d.tap(STAFF, "改标题", form["message_id"])
    asked = await d.expect(STAFF, "请输入工单标题", since=form["message_id"])
    await _declined_by_colleague(h, number)

    sent = await d.send(STAFF, "更换楼道灯")

    await _told(h, sent["message_id"], number)
    assert not [
        m for m in await d.messages(STAFF, asked["message_id"]) if "标题已更新" in message_text(m)
    ]
    now = await _reads(h, form, f"诉求 {number} · 不予受理")
    assert not TRIAGE & _labels(now), _labels(now)
    await _no_order_and_no_form(h)
    assert await d.errors() == []
