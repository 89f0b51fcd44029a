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

from models import MemberProfile, MemberStatus
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
