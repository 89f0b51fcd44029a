"""A decline's reason and a transfer's note longer than their old columns (500 and 1,000
characters) are kept whole, up to what one message carries: before, '内容太长了（N 字），最多
500 字' sent staff back to type it all again. The resident is told the whole reason."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request, Transfer
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, _file

REASON = "理发属于个人生活服务，不在社区代办范围内，可以联系老年活动中心每月一次的义剪活动。" * 20
NOTE = "路面塌陷范围约两平方米，雨后积水严重，已拉警戒线，请尽快安排修复并告知预计完工时间。" * 30


async def test_a_long_decline_reason_and_transfer_note_are_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert 500 < len(REASON) < 4000 and 1000 < len(NOTE) < 4000
    first = await _file(h, WU, "想问问社区有没有免费理发")
    card = await _card(h, first)
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, "不受理诉求", since=card["message_id"])
    sent = await d.send(STAFF, REASON)
    done = await d.expect(STAFF, "已不予受理", since=sent["message_id"])
    assert "太长" not in message_text(done)
    told = await d.expect(WU, "不予受理")
    assert REASON in message_text(told), message_text(told)[:300]

    second = await _file(h, ZHOU, "小区东门外的马路上有个大坑")
    card = await _card(h, second)
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区城管局市政科")
    sent = await d.send(STAFF, NOTE)
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    async with h.sessionmaker() as session:
        declined = await session.get(Request, int(first))
        [transfer] = (await session.exec(select(Transfer))).all()
    assert declined is not None and declined.decline_reason == REASON
    assert transfer.note == NOTE
    assert await d.errors() == []
