"""催办 end to end: 周阿姨's request nobody took up; 催一下 shows once it waited too long, a double
tap urges once, staff are reminded and see the count on the card, a second urge waits a day."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from models.orders import LedgerEvent
from sandbox.driver import _buttons, message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO, ZHOU, _file, _open_card

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


async def _view(h: Harness, number: str) -> dict:  # type: ignore[type-arg]
    d = h.driver
    [*_, listing] = await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {number}", listing["message_id"])
    return await d.expect(ZHOU, f"诉求 {number} ·", since=listing["message_id"])


def _labels(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [str(b.get("text")) for b in _buttons(message)]


async def test_e2e_urge_a_request_nobody_took_up(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(T0)
    number = await _file(h, ZHOU, "小区门口的路灯坏了好几天，晚上很黑")
    await d.expect(STAFF, f"诉求 {number}")
    # an hour later: no 催一下 yet, and she is told from when she can
    h.clock.set(T0 + timedelta(hours=1))
    view = await _view(h, number)
    assert not [b for b in _labels(view) if "催一下" in b], _labels(view)
    assert "还没有进展，可以在这里催办" in message_text(view)
    # the next day at noon, still nobody: the button is there; a double tap urges once
    h.clock.set(T0 + timedelta(hours=26))
    view = await _view(h, number)
    assert "⏰ 催一下" in _labels(view), _labels(view)
    data = f"oc:rurge:{int(number)}:0"
    taps = await asyncio.gather(*(d.click(ZHOU, view["message_id"], data=data) for _ in range(2)))
    answers = sorted(str((tap["answer"] or {}).get("text") or "") for tap in taps)
    assert answers[0] == "" and "之后可以再催一次" in answers[1], answers
    done = await d.expect(ZHOU, f"已为您催办诉求 {number}", since=view["message_id"])
    assert "已提醒负责的社区工作人员" in message_text(done)
    # the view tapped lost its 催一下, and kept its other buttons
    [tapped] = [m for m in await d.messages(ZHOU) if m["message_id"] == view["message_id"]]
    assert "⏰ 催一下" not in _labels(tapped) and "补充信息" in "".join(_labels(tapped))
    assert "之后如果还没有进展，可以再催一次" in message_text(done)
    notice = await d.expect(STAFF, f"居民催办：诉求 {number}", timeout=10)
    text = message_text(notice)
    assert "已等待 26 小时" in text and "当前状态：待受理" in text and "第 1 次催办" in text
    async with h.sessionmaker() as session:
        urges = (
            await session.exec(select(LedgerEvent).where(col(LedgerEvent.action) == "urge"))
        ).all()
    assert [(e.actor_id, e.to_state) for e in urges] == [(ZHOU, "new")]
    # staff open the card from the reminder: the count is on it
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, "居民已催办 1 次", since=notice["message_id"])
    assert f"诉求 {number} ·" in message_text(card)
    # and in 📋 待办诉求
    [*_, queue] = await d.say(STAFF, "📋 待办诉求")
    assert "⏰ 催办 1 次" in message_text(queue), message_text(queue)
    # the view now says when she may urge again, without the button; an old button is told
    view = await _view(h, number)
    assert not [b for b in _labels(view) if "催一下" in b]
    assert "您已催办 1 次" in message_text(view)
    again = await d.click(ZHOU, view["message_id"], data=data)
    assert "之后可以再催一次" in str((again["answer"] or {}).get("text")), again
    # a day after her urge, still nobody: she may urge again
    h.clock.set(T0 + timedelta(hours=50))
    view = await _view(h, number)
    assert "⏰ 催一下" in _labels(view)
    # /stats counts the week's urges
    await d.say(STAFF, "/stats")
    await d.tap(STAFF, "本周")
    figures = await d.expect(STAFF, "台账统计 · 本周")
    assert "居民催办 1 次，涉及 1 件诉求" in message_text(figures), message_text(figures)


async def test_e2e_urge_an_overdue_order_reminds_its_member_and_issuer(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(T0)
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "⏰ 72 小时")
    await d.expect(STAFF, "办理时限：72 小时")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单")
    # two days on, the order is not late yet: no button
    h.clock.set(T0 + timedelta(hours=50))
    view = await _view(h, number)
    assert not [b for b in _labels(view) if "催一下" in b], _labels(view)
    # past its 72 hours: she urges; 刘 and 李社工 (who issued it) are reminded, 赵 is not
    h.clock.set(T0 + timedelta(hours=74))
    view = await _view(h, number)
    await d.tap(ZHOU, "催一下", view["message_id"])
    done = await d.expect(ZHOU, f"已为您催办诉求 {number}", since=view["message_id"])
    assert "已提醒接单的党员/志愿者和派单的社区工作人员" in message_text(done)
    member = await d.expect(LIU, f"居民催办：您接的工单 {order_no}", timeout=10)
    assert f"诉求 {number} 已等待 3 天" in message_text(member)
    staff = await d.expect(STAFF, f"居民催办：诉求 {number}", timeout=10)
    assert "当前状态：已派单" in message_text(staff)
    texts = [message_text(m) for m in await d.messages(ZHAO)]
    assert not [t for t in texts if "居民催办" in t], texts
