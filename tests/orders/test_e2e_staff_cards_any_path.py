"""Staff cards of requests and orders follow a matter whichever part of the bot changed it,
not only the order cycle's buttons: a member who deletes their data (/forget gives their claims
back), staff pausing a member from 🧾 报到审核 (their claims go back too), a resident who deletes
their data (their name and phone starred out), a score typed at the main menu (the fallback's
typed rating). Before, the staff cards were redrawn only for changes made through the order
cycle's routers (and scheduled jobs): these left a colleague's card reading 已接满 刘建国, or
待评价, until it was tapped."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import GRID_WORKER, LIU, STAFF, ZHOU, _file
from tests.orders.test_e2e_rating_typed import _done
from tests.orders.test_e2e_staff_cards_live import _card
from tests.orders.test_e2e_staff_order_cards_live import _claimed, _labels, _now, _opened
from tests.orders.test_e2e_staff_place import DAY
from tests.support import reply_to


async def _claimed_and_opened(h: Harness) -> tuple[str, dict, dict]:
    """An order 刘师傅 claimed; 张网格员's and 李社工's cards of it (reading 已接满 刘建国)."""
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    await _claimed(h, order_no)
    theirs = await _opened(h, GRID_WORKER, order_no)
    mine = await _opened(h, STAFF, order_no)
    for card in (theirs, mine):
        assert "刘建国" in message_text(card) and "已接满" in message_text(card), card
    return order_no, theirs, mine


def _given_back(card: dict) -> None:
    text = message_text(card)
    assert "待接单" in text and "刘建国" not in text, text
    assert not [b for b in _labels(card) if "改派" in b], _labels(card)


async def test_a_members_forget_redraws_the_staff_order_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    _, theirs, mine = await _claimed_and_opened(h)

    question = await reply_to(d, LIU, "/forget", "会退回社区")
    await d.tap(LIU, "确定删除", question["message_id"])
    await d.expect(LIU, "已删除", since=question["message_id"])

    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        _given_back(await _now(h, chat, card))
    assert await d.errors() == []


async def test_a_suspension_redraws_the_staff_order_cards(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    _, theirs, mine = await _claimed_and_opened(h)

    head = await reply_to(d, STAFF, "🧾 报到审核", "报到申请")
    await d.tap(STAFF, "已通过的党员/志愿者", head["message_id"])
    member = await d.expect(STAFF, "刘建国", since=head["message_id"])
    await d.tap(STAFF, "⏸ 暂停", member["message_id"])
    await d.expect(STAFF, "暂停「刘建国」的原因", since=member["message_id"])
    [done] = await d.say(STAFF, "已搬离本社区")
    assert "已暂停：刘建国" in message_text(done), message_text(done)

    # 张网格员's card, and 李社工's own card of the order (not the message he acted on)
    for chat, card in ((GRID_WORKER, theirs), (STAFF, mine)):
        _given_back(await _now(h, chat, card))
    assert await d.errors() == []


async def test_a_residents_forget_redraws_the_staff_request_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(DAY)
    number = await _file(h, ZHOU, "1号楼楼道的灯坏了，晚上很黑")
    card = await _card(h, GRID_WORKER, number)
    assert "周阿姨" in message_text(card) and "13900000001" in message_text(card), card

    question = await reply_to(d, ZHOU, "/forget", "确定要删除")
    await d.tap(ZHOU, "确定删除", question["message_id"])
    await d.expect(ZHOU, "已删除", since=question["message_id"])

    now = await _now(h, GRID_WORKER, card)
    text = message_text(now)
    assert "周阿姨" not in text and "13900000001" not in text and "302" not in text, text
    # said as such, not as her Telegram id
    assert "联系人：（已删除个人信息）" in text and str(ZHOU) not in text, text
    assert "· 待受理" in text and "派单" in " ".join(_labels(now)), now  # still to be triaged
    assert await d.errors() == []


async def test_a_typed_score_redraws_the_staff_request_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number, _asked = await _done(h, "1号楼门口的路灯坏了")
    card = await _card(h, GRID_WORKER, number)
    assert "待评价" in message_text(card), message_text(card)

    await reply_to(d, ZHOU, "满意", "谢谢")  # at the main menu: the fallback takes it

    now = await _now(h, GRID_WORKER, card)
    text = message_text(now)
    assert "· 已解决" in text and "😊 满意" in text, text
    assert await d.errors() == []


async def test_a_residents_forget_redraws_the_claimants_card(linli_sandbox: Harness) -> None:
    """The member holding the order had 周阿姨's name, phone and room on his card of it: gone
    once she deleted her data (before, they stayed until the card was redrawn for another
    reason)."""
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await _claimed(h, order_no)
    card = await _now(h, LIU, {"message_id": offer})
    assert "周阿姨" in message_text(card) and "13900000001" in message_text(card), card

    question = await reply_to(d, ZHOU, "/forget", "确定要删除")
    await d.tap(ZHOU, "确定删除", question["message_id"])
    await d.expect(ZHOU, "已删除", since=question["message_id"])

    text = message_text(await _now(h, LIU, card))
    assert "周阿姨" not in text and "13900000001" not in text and "302" not in text, text
    assert f"工单 {order_no}" in text and "已接满" in text, text
    assert await d.errors() == []
