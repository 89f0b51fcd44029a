"""Whether a member's name is shown on published results (组织晒单) and the points board is
their own answer: asked at 双报到, changed in 我的资料; without an answer they are not named."""

from __future__ import annotations

from models import MemberProfile
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import NEW, RESIDENT, _apply_as_member
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import CHANNEL, LIU, STAFF, ZHAO
from tests.support import reply_to


async def _profile(h: Harness, user_id: int) -> MemberProfile:
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, user_id)
    assert profile is not None
    return profile


async def test_sign_up_asks_whether_to_name_the_member(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW, named=False)
    confirm = await d.expect(NEW, "请确认")
    assert "晒单和积分榜：不显示名字，只写「林**」" in message_text(confirm), message_text(confirm)
    assert not (await _profile(h, NEW)).show_name_public


async def test_sign_up_named_yes_is_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _apply_as_member(h, NEW, named=True)
    confirm = await h.driver.expect(NEW, "请确认")
    assert "晒单和积分榜：显示名字（林小明）" in message_text(confirm)
    assert (await _profile(h, NEW)).show_name_public


def _labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_member_changes_it_in_my_profile(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 赵敏 never said yes: her profile says so and offers to change it
    [card] = await d.say(ZHAO, "👤 我的资料")
    assert "晒单和积分榜：不显示我的名字，只写「赵**」" in message_text(card), message_text(card)
    assert "🙋 晒单显示我的名字" in _labels(card)
    tapped = await d.click(ZHAO, card["message_id"], text="🙋 晒单显示我的名字")
    answer = tapped["answer"]
    assert answer is not None and answer["show_alert"]
    assert "以后发布的晒单也会署名" in answer["text"] and "已经发布的晒单不会改" in answer["text"]
    # the same card now reads the other way, with the opposite button
    now = await d.expect(ZHAO, "晒单和积分榜：显示我的名字（赵敏）", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"]
    assert "🙈 晒单不显示我的名字" in _labels(now) and "🙋 晒单显示我的名字" not in _labels(now)
    assert (await _profile(h, ZHAO)).show_name_public
    # an old card's button tapped again sets the same answer: no error, nothing changes
    again = await d.click(ZHAO, card["message_id"], data="prof:named-on")
    assert again["answer"] is not None
    assert (await _profile(h, ZHAO)).show_name_public
    # and back
    await d.click(ZHAO, card["message_id"], text="🙈 晒单不显示我的名字")
    back = await d.expect(ZHAO, "不显示我的名字，只写「赵**」", since=card["message_id"] - 1)
    assert back["message_id"] == card["message_id"]
    assert not (await _profile(h, ZHAO)).show_name_public
    assert not await d.errors()
    # a resident who is no member has neither the line nor the button
    resident = await reply_to(d, RESIDENT, "👤 我的资料", "称呼：")
    assert "晒单" not in message_text(resident) and not any("晒单" in b for b in _labels(resident))


async def _done_and_verified(h: Harness, order_no: str, member: int, note: str) -> None:
    """The member reports the order done and staff verify it: the result card goes out."""
    d = h.driver
    await d.say(member, "📌 我的工单")
    await d.tap(member, f"查看 {order_no}")
    await d.tap(member, "完成上报")
    await d.say(member, note)
    await d.say(member, "✅ 说完了")
    await d.expect(member, "等待社区验收")
    verify = await d.expect(STAFF, f"{order_no}")
    verify = await d.expect(STAFF, "请验收", since=verify["message_id"] - 1)
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(member, "积分")


async def test_result_card_names_only_who_said_yes(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 刘建国 agreed to be named (demo); 赵敏 never did: both serve one order
    first = await _issue(h, "楼道里的灯坏了，晚上看不见路", taps=[("👥 2", "需要人数：2")])
    for member in (LIU, ZHAO):
        offer = await d.expect(member, f"新工单 {first}")
        await d.click(member, offer["message_id"], text="✋ 接单")
        await d.expect(member, f"您已接下工单 {first}")
    await _done_and_verified(h, first, LIU, "换好了灯泡")
    card = await d.expect(CHANNEL, "组织晒单")
    text = message_text(card)
    assert "刘建国" in text and "赵**" in text and "赵敏" not in text, text
    # 赵敏 now says yes in 我的资料: the next card names her, the one published stays
    profile = await reply_to(d, ZHAO, "👤 我的资料", "称呼：")
    await d.click(ZHAO, profile["message_id"], text="🙋 晒单显示我的名字")
    await _issue(h, "单元门的门禁坏了，刷卡开不了门")
    offer = await d.expect(ZHAO, "新工单", since=profile["message_id"])
    second = message_text(offer).split("新工单 ")[1].split("：")[0]
    await d.click(ZHAO, offer["message_id"], text="✋ 接单")
    await d.expect(ZHAO, f"您已接下工单 {second}")
    await _done_and_verified(h, second, ZHAO, "修好了门禁")
    named = await d.expect(CHANNEL, "门禁", since=card["message_id"])
    assert "服务：赵敏" in message_text(named), message_text(named)
    [before] = [m for m in await d.messages(CHANNEL) if m["message_id"] == card["message_id"]]
    assert "赵**" in message_text(before) and "赵敏" not in message_text(before)
