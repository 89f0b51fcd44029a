"""A member's card of an order follows the order (found walking as 刘师傅 and 赵医生).

改派 on an order for two did not redraw the other claimant's card: it went on reading the name
of the member taken off it."""

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
