"""A member who moved says so ('我搬到和谐社区了', '我想换到和谐社区', 'I moved to another
community'): what changing community means is read back (staff of the new community approve it
as an application; until then they serve the old one; orders in hand stay theirs), and on ✅ it
goes to 和谐社区's staff with 同意转入 / 不同意. Approved, the membership moves (any grid) and
the member is told; declined, nothing changes. Before, these words got nothing of use.
(handlers.members.offer_move, services.members.move_asked / decide_move,
services.member_self.community_move)"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from models import Community, MemberProfile, MemberStatus, Role, StaffScope, User
from models.scheduling import Delivery
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU
from tests.support import SettledDriver, inline_labels

HEXIE_STAFF = 2003  # 陈社工, 和谐社区


async def _message(h: Harness, chat: int, message_id: int) -> dict[str, Any]:
    assert isinstance(h.driver, SettledDriver)
    await h.driver.settle()
    [now] = [m for m in await h.driver.messages(chat) if m["message_id"] == message_id]
    return now


async def _profile(h: Harness, uid: int) -> MemberProfile:
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, uid)
        assert profile is not None
        return profile


async def test_a_member_who_moved_asks_and_is_taken_in(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    before = (await _profile(h, LIU)).community_id
    [asked] = await d.say(LIU, "我搬到和谐社区了")
    said = message_text(asked)
    assert "从阳光社区转到和谐社区吗" in said and "审核通过前，您仍是阳光社区" in said, said
    assert "手上还没办完的工单仍由您办完" in said, said
    assert inline_labels(asked) == ["✅ 确认申请转社区", "✖️ 取消"], inline_labels(asked)
    # cancelled: nothing sent
    await d.tap(LIU, "✖️ 取消", asked["message_id"])
    await d.expect(LIU, "没有申请转社区", since=asked["message_id"] - 1)
    # said otherwise, confirmed: 陈社工 (和谐社区) gets it, 刘师傅 still serves 阳光社区
    [asked] = await d.say(LIU, "我想换到和谐社区")
    await d.tap(LIU, "确认申请转社区", asked["message_id"])
    await d.expect(LIU, "已把转社区申请发给和谐社区的工作人员审核", since=asked["message_id"] - 1)
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    text = message_text(card)
    assert "刘建国" in text and "现为阳光社区" in text and "转到和谐社区" in text, text
    assert inline_labels(card) == ["✅ 同意转入", "❌ 不同意"], inline_labels(card)
    assert (await _profile(h, LIU)).community_id == before
    await d.tap(HEXIE_STAFF, "同意转入", card["message_id"])
    await d.expect(HEXIE_STAFF, "已同意 刘建国 转入和谐社区", since=card["message_id"] - 1)
    told = await d.expect(LIU, "您现在是和谐社区的党员/志愿者", since=asked["message_id"])
    assert "仍由您办完" in message_text(told)
    moved = await _profile(h, LIU)
    assert moved.community_id != before and moved.grid_id is None
    assert moved.status == MemberStatus.APPROVED
    assert not inline_labels(await _message(h, HEXIE_STAFF, card["message_id"]))
    assert await d.errors() == []


async def test_another_community_not_named_is_picked_first(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    before = (await _profile(h, LIU)).community_id
    [asked] = await d.say(LIU, "I moved to another community")
    assert "和谐社区" in inline_labels(asked) and "阳光社区" not in inline_labels(asked)
    await d.tap(LIU, "和谐社区", asked["message_id"])
    back = await d.expect(LIU, "转到和谐社区吗", since=asked["message_id"] - 1)
    # confirmed at night: the card waits for the morning, and he is told when staff see it
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # Monday 23:00 in Shanghai
    await d.tap(LIU, "确认申请转社区", back["message_id"])
    sent = await d.expect(LIU, "已把转社区申请发给", since=back["message_id"] - 1)
    assert "夜间免打扰" in message_text(sent), message_text(sent)
    h.clock.set(datetime(2026, 11, 24, 0, 0, tzinfo=UTC))  # Tuesday 08:00
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    await d.tap(HEXIE_STAFF, "不同意", card["message_id"])
    await d.expect(LIU, "没有同意您的转社区申请", since=back["message_id"])
    assert (await _profile(h, LIU)).community_id == before
    # and a word about their own grid is still read as the grid, not a change of community
    [same] = await d.say(LIU, "我以后服务第二网格")
    assert "转社区" not in message_text(same), message_text(same)
    assert await d.errors() == []


LI_STAFF = 2001  # 李社工, 阳光社区
WANG = 1001  # 王主任: made a second staff member of 和谐社区 here


async def _second_hexie_staff(h: Harness) -> None:
    """王主任 acts as staff of 和谐社区 too, so its cards go to two people."""
    async with h.sessionmaker() as session:
        hexie = (await session.exec(select(Community).where(Community.name == "和谐社区"))).one()
        wang = await session.get(User, WANG)
        assert wang is not None
        wang.set_roles({*wang.role_set, Role.STAFF})
        session.add(wang)
        session.add(StaffScope(user_id=WANG, community_id=hexie.id or 0))
        await session.commit()


async def _cards(h: Harness, chat: int) -> list[dict[str, Any]]:
    return [m for m in await h.driver.messages(chat) if "转社区申请" in message_text(m)]


async def _confirmed(h: Harness) -> dict[str, Any]:
    """刘师傅 asks to move to 和谐社区 and confirms."""
    d = h.driver
    [asked] = await d.say(LIU, "我搬到和谐社区了")
    await d.tap(LIU, "确认申请转社区", asked["message_id"])
    await d.expect(LIU, "已把转社区申请发给和谐社区", since=asked["message_id"] - 1)
    return asked


async def test_a_declined_move_stays_declined_and_asking_twice_sends_one_card(
    linli_sandbox: Harness,
) -> None:
    """Declined by one colleague, the other's copy is told who declined it and when (before,
    it could still take him in); asked again while pending, no second card; declined, he
    is told with 和谐社区's office contact."""
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    await _second_hexie_staff(h)
    before = (await _profile(h, LIU)).community_id
    asked = await _confirmed(h)
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    copy = await d.expect(WANG, "转社区申请")
    # said again while waiting: told so, and no second card goes
    [again] = await d.say(LIU, "我搬到和谐社区了")
    assert "正在等和谐社区的工作人员审核" in message_text(again), message_text(again)
    assert inline_labels(again) == ["↩️ 撤回转社区申请"]  # and nothing else
    await d.settle()
    assert len(await _cards(h, HEXIE_STAFF)) == 1 and len(await _cards(h, WANG)) == 1
    await d.tap(HEXIE_STAFF, "不同意", card["message_id"])
    told = await d.expect(LIU, "没有同意您的转社区申请", since=asked["message_id"])
    assert "021-55500202" in message_text(told) and "和谐路 16 号" in message_text(told)
    # the colleague's copy, tapped later: told who declined it, nothing changes
    tapped = await d.tap(WANG, "同意转入", copy["message_id"])
    answer = tapped["answer"]["text"] or ""
    assert "陈社工" in answer and "拒绝" in answer, answer
    redrawn = await _message(h, WANG, copy["message_id"])
    assert not inline_labels(redrawn) and "已由 陈社工" in message_text(redrawn)
    profile = await _profile(h, LIU)
    assert profile.community_id == before and profile.move_state == "declined"
    assert not [m for m in await d.messages(LIU) if "您现在是和谐社区" in message_text(m)]
    assert await d.errors() == []


async def test_moved_away_the_old_staff_are_told_and_held_offers_do_not_go(
    linli_sandbox: Harness,
) -> None:
    """Approved at night: 阳光社区's staff get one notice in the morning; an offer of a
    阳光社区 order held for the morning does not go to him any more."""
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    asked = await _confirmed(h)
    card = await d.expect(HEXIE_STAFF, "转社区申请")
    h.clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # Monday 23:00 in Shanghai
    async with h.sessionmaker() as session:  # an offer held for the morning (as issued now)
        session.add(
            Delivery(
                chat_id=LIU,
                kind="order-notice-offer",
                text="🛠 新工单 G09999：夜里派的",
                not_before=datetime(2026, 11, 23, 23, 0, tzinfo=UTC),
                community_id=(await _profile(h, LIU)).community_id,
                matter="order:9999:open",
                created_at=h.clock(),
            )
        )
        await session.commit()
    await d.tap(HEXIE_STAFF, "同意转入", card["message_id"])
    await d.expect(HEXIE_STAFF, "已同意 刘建国 转入和谐社区", since=card["message_id"] - 1)
    await d.settle()
    assert not [m for m in await d.messages(LI_STAFF) if "刘建国 已转到" in message_text(m)]
    h.clock.set(datetime(2026, 11, 24, 0, 0, tzinfo=UTC))  # Tuesday 08:00
    told = await d.expect(LI_STAFF, "刘建国 已转到和谐社区")
    assert "阳光社区的新工单不会再通知" in message_text(told), message_text(told)
    await d.expect(LIU, "您现在是和谐社区的党员/志愿者", since=asked["message_id"])
    await d.settle()
    assert len([m for m in await d.messages(LI_STAFF) if "刘建国 已转到" in message_text(m)]) == 1
    assert not [m for m in await d.messages(LIU) if "G09999" in message_text(m)]
    assert await d.errors() == []
