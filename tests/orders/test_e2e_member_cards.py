"""A member's card of an order follows the order (found walking as 刘师傅 and 赵医生).

A card opened from 详情 (in 🛠 可接工单) or from 📌 我的工单 was drawn once and left: after the
order was taken by someone else it still offered ✋ 接单 ('已接 0/1'); after a partner reported
it done, it was sent back, or staff cancelled it, it kept ✅ 完成上报 and the resident's phone.
Only the offer a member claimed from was redrawn, and only on a claim or a give-back — not on
改派, so the other claimant of an order for two went on reading the name of the member taken
off it. Now every member's card of an order (one per member: opening it again takes the older
away) is redrawn when the order changes."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import Community, MemberProfile, MemberStatus, Role, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import SettledDriver

QIAN = 3009  # 钱师傅: a third member of 阳光社区, added for 改派
PHONE = "13900000001"  # 周阿姨's, shown to the order's claimants only


def _buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _now(d: SettledDriver, chat: int, message_id: int) -> dict[str, Any]:
    """The message as it stands once the bot is done (redraws sent)."""
    await d.settle()
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def _claimed_by_both(h: Harness) -> tuple[str, dict[int, int]]:
    """An order for two, claimed by 刘 and 赵 on their offers: its number, and each one's card
    (the offer claimed from)."""
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路", taps=[("👥 2 人", "需要人数：2")])
    cards = {}
    for member in (LIU, ZHAO):
        offer = await d.expect(member, f"新工单 {order_no}")
        await d.click(member, offer["message_id"], text="✋ 接单")
        await d.expect(member, f"您已接下工单 {order_no}", since=offer["message_id"])
        cards[member] = offer["message_id"]
    return order_no, cards


async def _staff_order_card(h: Harness, order_no: str) -> dict[str, Any]:
    """李社工 opens the order's card from the notice that it is full."""
    d = h.driver
    full = await d.expect(STAFF, f"工单 {order_no}（")
    await d.tap(STAFF, "查看工单", full["message_id"])
    return await d.expect(STAFF, f"工单 {order_no} ·", since=full["message_id"])


async def test_a_card_opened_from_details_stops_offering_an_order_taken(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    [listed] = await d.say(LIU, "🛠 可接工单")
    await d.tap(LIU, "详情", listed["message_id"])
    card = await d.expect(LIU, f"工单 {order_no} · ", since=listed["message_id"])
    assert "✋ 接单" in _buttons(card), _buttons(card)

    offer = await d.expect(ZHAO, f"新工单 {order_no}")
    await d.click(ZHAO, offer["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {order_no}", since=offer["message_id"])
    now = await _now(d, LIU, card["message_id"])
    text = message_text(now)
    assert "已接满" in text and "已接 1/1" in text and "赵敏" in text, text
    assert not _buttons(now), _buttons(now)  # nothing left to claim
    assert PHONE not in text, text


async def test_a_card_from_my_orders_follows_done_sent_back_and_cancelled(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no, cards = await _claimed_by_both(h)
    [listed] = await d.say(ZHAO, "📌 我的工单")
    await d.tap(ZHAO, f"查看 {order_no}", listed["message_id"])
    card = await d.expect(ZHAO, f"工单 {order_no} ·", since=listed["message_id"])
    # his card of it now: the offer he claimed from (the card until now) is taken away
    assert (await _now(d, ZHAO, cards[ZHAO])).get("deleted")

    # 刘 reports it done: 赵's card waits for the check, without ✅ 完成上报
    await d.click(LIU, cards[LIU], text="✅ 完成上报")
    await d.expect(LIU, "做了什么", since=cards[LIU])
    await d.say(LIU, "换了新灯泡")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {order_no} 已上报")
    text = message_text(now := await _now(d, ZHAO, card["message_id"]))
    assert "待验收" in text and "已上报完成情况" in text and "换了新灯泡" in text, text
    assert not _buttons(now), _buttons(now)

    # staff send it back: his buttons are back
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么", since=verify["message_id"])
    await d.say(STAFF, "请补一张灯亮着的照片")
    await d.expect(ZHAO, f"工单 {order_no} 被退回")
    now = await _now(d, ZHAO, card["message_id"])
    assert "已接满" in message_text(now), message_text(now)
    assert "✅ 完成上报" in _buttons(now), _buttons(now)

    # staff cancel it: the card says so, without buttons or the resident's phone
    staff_card = await _staff_order_card(h, order_no)
    await d.tap(STAFF, "撤销工单", staff_card["message_id"])
    await d.expect(STAFF, f"撤销工单 {order_no} 的原因", since=staff_card["message_id"])
    await d.say(STAFF, "居民说灯自己好了")
    await d.expect(STAFF, f"工单 {order_no} 已撤销")
    # the staff card it was cancelled from reads so too, without ✖️ 撤销工单 (it read 待接单)
    mine = await d.expect(STAFF, "· 已撤销", since=staff_card["message_id"] - 1)
    assert mine["message_id"] == staff_card["message_id"], message_text(mine)
    assert "撤销工单" not in " ".join(_buttons(mine)), _buttons(mine)
    for member, message_id in ((ZHAO, card["message_id"]), (LIU, cards[LIU])):
        now = await _now(d, member, message_id)
        assert "已撤销" in message_text(now) and PHONE not in message_text(now), now
        assert not _buttons(now), _buttons(now)


async def _add_member(h: Harness) -> None:
    """钱师傅 (electrical), an approved member of 阳光社区, who has started the bot."""
    await h.driver.add_user(id=QIAN, first_name="钱师傅")
    async with h.sessionmaker() as session:
        community = (
            await session.exec(select(Community).where(col(Community.name) == "阳光社区"))
        ).one()
        user = User(id=QIAN, first_name="钱师傅")
        user.set_roles({Role.RESIDENT, Role.MEMBER})
        session.add(user)
        await session.flush()
        session.add(
            MemberProfile(
                user_id=QIAN,
                real_name="钱立新",
                work_unit="区供电所",
                phone="13800000009",
                skills="electrical",
                community_id=community.id or 0,
                status=MemberStatus.APPROVED,
            )
        )
        await session.commit()


async def test_reassigning_one_of_two_redraws_the_other_claimants_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    await _add_member(h)
    order_no, cards = await _claimed_by_both(h)
    staff_card = await _staff_order_card(h, order_no)
    await d.tap(STAFF, "改派（赵敏）", staff_card["message_id"])
    await d.expect(STAFF, "改派给谁", since=staff_card["message_id"])
    await d.tap(STAFF, "钱立新")
    await d.expect(STAFF, "已改派给 钱立新")
    await d.expect(ZHAO, "已改派给其他人")

    # 刘's card names who he now works with
    text = message_text(now := await _now(d, LIU, cards[LIU]))
    assert "接单人：刘建国、钱立新" in text and "赵敏" not in text, text
    assert "✅ 完成上报" in _buttons(now), _buttons(now)
    # 赵's card is no longer his to work on: no buttons, no phone
    now = await _now(d, ZHAO, cards[ZHAO])
    assert "赵敏" not in message_text(now) and PHONE not in message_text(now), now
    assert not _buttons(now), _buttons(now)


async def test_a_card_reads_verified_without_the_residents_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    order_no = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.click(LIU, offer["message_id"], text="✋ 接单")
    await d.expect(LIU, f"您已接下工单 {order_no}", since=offer["message_id"])
    card = offer["message_id"]  # his card of it now
    await d.click(LIU, card, text="✅ 完成上报")
    await d.expect(LIU, "做了什么", since=card)
    await d.say(LIU, "换了新的软管")
    await d.say(LIU, "✅ 说完了")
    notice = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", notice["message_id"])
    await d.expect(LIU, "积分")
    # the work is over: the card says so, without the resident's phone
    now = await _now(d, LIU, card)
    assert "已验收" in message_text(now) and PHONE not in message_text(now), now
    assert not _buttons(now), _buttons(now)
