"""A member whose change of community waits for the new community's staff can take it back
(↩️ 撤回转社区申请, under what they were told when it went, and when they ask again while it
waits); before, if that community never answered, they were stuck. The staff cards then read
that the member withdrew it, without 同意转入 / 不同意, and a copy tapped still is told so.
And an English reader reads the communities' English names in what they are told of a request
waiting or a community they serve already (before: the Chinese names).
(handlers.members.on_move_withdrawn, services.members.withdraw_move,
services.member_cards.redraw_withdrawn_move)"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from models import MemberProfile, MoveState, User
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_member_changes_community import HEXIE_STAFF, WANG, _second_hexie_staff
from tests.orders.test_e2e_cycle import LIU
from tests.support import SettledDriver, inline_labels

WITHDRAW = "↩️ 撤回转社区申请"


async def _profile(h: Harness) -> MemberProfile:
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, LIU)
        assert profile is not None
        return profile


async def _message(h: Harness, chat: int, message_id: int) -> dict[str, Any]:
    assert isinstance(h.driver, SettledDriver)
    await h.driver.settle()
    [now] = [m for m in await h.driver.messages(chat) if m["message_id"] == message_id]
    return now


def _button_data(message: dict[str, Any], label: str) -> str:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    [data] = [b["callback_data"] for row in rows for b in row if label in b["text"]]
    return str(data)


async def test_a_member_withdraws_a_move_waiting_for_staff(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    await _second_hexie_staff(h)
    before = (await _profile(h)).community_id
    [asked] = await d.say(LIU, "我搬到和谐社区了")
    await d.tap(LIU, "确认申请转社区", asked["message_id"])
    sent = await _message(h, LIU, asked["message_id"])
    assert "已把转社区申请发给和谐社区" in message_text(sent), message_text(sent)
    assert inline_labels(sent) == [WITHDRAW], inline_labels(sent)
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    copy = await d.expect(WANG, "转社区申请")
    stale_ok = _button_data(copy, "同意转入")  # 王主任's screen, before the redraw reaches it
    # asked again while it waits: told so, with the same way back
    [again] = await d.say(LIU, "我想换到和谐社区")
    assert "正在等和谐社区的工作人员审核" in message_text(again), message_text(again)
    assert inline_labels(again) == [WITHDRAW], inline_labels(again)
    await d.tap(LIU, WITHDRAW, again["message_id"])
    told = await _message(h, LIU, again["message_id"])
    assert "已撤回转到和谐社区的申请" in message_text(told), message_text(told)
    assert "您仍是阳光社区的党员/志愿者" in message_text(told), message_text(told)
    assert not inline_labels(told)
    profile = await _profile(h)
    assert (profile.move_state, profile.community_id) == (MoveState.WITHDRAWN, before)
    # 和谐社区's cards say so, without their buttons
    for chat, message_id in ((HEXIE_STAFF, card["message_id"]), (WANG, copy["message_id"])):
        redrawn = await _message(h, chat, message_id)
        assert "已由 刘建国 本人在" in message_text(redrawn), message_text(redrawn)
        assert "撤回" in message_text(redrawn) and not inline_labels(redrawn)
    # a copy tapped still (its screen not redrawn yet): told the member withdrew it
    tapped = await d.click(WANG, copy["message_id"], data=stale_ok)
    answer = tapped["answer"]["text"] or ""
    assert "刘建国 本人" in answer and "撤回" in answer, answer
    assert (await _profile(h)).community_id == before
    # the first message's button, tapped later: nothing waits any more
    await d.tap(LIU, WITHDRAW, asked["message_id"])
    late = await _message(h, LIU, asked["message_id"])
    assert "已经撤回了" in message_text(late), message_text(late)
    # and he can ask again: a new card goes
    [third] = await d.say(LIU, "我搬到和谐社区了")
    assert inline_labels(third) == ["✅ 确认申请转社区", "✖️ 取消"], message_text(third)
    assert await d.errors() == []


async def test_withdrawing_after_staff_took_him_in_is_refused(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    [asked] = await d.say(LIU, "我搬到和谐社区了")
    await d.tap(LIU, "确认申请转社区", asked["message_id"])
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    await d.tap(HEXIE_STAFF, "同意转入", card["message_id"])
    await d.expect(LIU, "您现在是和谐社区的党员/志愿者", since=asked["message_id"])
    await d.tap(LIU, WITHDRAW, asked["message_id"])
    late = await _message(h, LIU, asked["message_id"])
    assert "撤回不了" in message_text(late), message_text(late)
    assert (await _profile(h)).move_state == MoveState.APPROVED
    assert await d.errors() == []


async def test_an_english_reader_reads_the_english_names(linli_sandbox: Harness) -> None:
    """Waiting, and (an old screen's button tapped once taken in) serving there already: said
    with 'Harmony Community', as the rest of the flow says it."""
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        liu = await session.get(User, LIU)
        assert liu is not None
        liu.language = "en"
        session.add(liu)
        await session.commit()
    [pick] = await d.say(LIU, "I moved to another community")
    to_harmony = _button_data(pick, "Harmony Community")
    await d.tap(LIU, "Harmony Community", pick["message_id"])
    await d.tap(LIU, "Ask to change community", pick["message_id"])
    [again] = await d.say(LIU, "I moved to another community")
    said = message_text(again)
    assert "move to Harmony Community is sent" in said and "和谐" not in said, said
    assert inline_labels(again) == ["↩️ Withdraw my request"], inline_labels(again)
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    await d.tap(HEXIE_STAFF, "同意转入", card["message_id"])
    await d.expect(LIU, "you now serve Harmony Community", since=again["message_id"])
    # the first screen's button, tapped on another device
    await d.click(LIU, pick["message_id"], data=to_harmony)
    same = message_text(await _message(h, LIU, pick["message_id"]))
    assert "You already serve Harmony Community" in same, same
    assert await d.errors() == []


async def test_a_withdrawal_leaves_the_cards_of_an_earlier_request_alone(
    linli_sandbox: Harness,
) -> None:
    """Declined once, asked again and then withdrawn: only the second request's cards say it
    was withdrawn; a colleague's copy of the first one does not."""
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    await _second_hexie_staff(h)
    [asked] = await d.say(LIU, "我搬到和谐社区了")
    await d.tap(LIU, "确认申请转社区", asked["message_id"])
    first = await d.expect(HEXIE_STAFF, "转社区申请")
    first_copy = await d.expect(WANG, "转社区申请")
    await d.tap(HEXIE_STAFF, "不同意", first["message_id"])
    await d.expect(LIU, "没有同意您的转社区申请", since=asked["message_id"])
    h.clock.advance(timedelta(minutes=5))
    [again] = await d.say(LIU, "我搬到和谐社区了")
    await d.tap(LIU, "确认申请转社区", again["message_id"])
    second = await d.expect(WANG, "转社区申请", since=first_copy["message_id"])
    await d.tap(LIU, WITHDRAW, again["message_id"])
    redrawn = await _message(h, WANG, second["message_id"])
    assert "本人" in message_text(redrawn) and not inline_labels(redrawn), message_text(redrawn)
    old = await _message(h, WANG, first_copy["message_id"])
    assert "撤回" not in message_text(old), message_text(old)
    assert await d.errors() == []
