"""'我想表扬一下刘师傅，上次修灯特别认真': a resident's praise reaches the member who served on
their matter and the matter's staff (and its ledger), after one tap on 🌟 转达表扬; before, it
was offered to be filed as a new matter ('要把这件事报给社区吗？')."""

from __future__ import annotations

from sqlmodel import select

from models.orders import LedgerEvent
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHOU, _file, _open_card

OFFER = "要把这件事报给社区吗"
PRAISE = "我想表扬一下刘师傅，上次修灯特别认真"


async def test_praise_reaches_the_member_and_the_staff(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    offer = await d.expect(LIU, "新工单 G")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单")
    [asked] = await d.say(ZHOU, PRAISE)
    said = message_text(asked)
    assert "刘建国" in said and number in said and OFFER not in said, said
    staff_seen = (await d.messages(STAFF))[-1]["message_id"]
    liu_seen = (await d.messages(LIU))[-1]["message_id"]
    await d.tap(ZHOU, "转达表扬", asked["message_id"])
    await d.expect(ZHOU, "已转达给 刘建国 和社区", since=asked["message_id"])
    told = await d.expect(LIU, "居民表扬了您", since=liu_seen)
    assert "上次修灯特别认真" in message_text(told) and "周阿姨" not in message_text(told)
    staff = await d.expect(STAFF, "居民表扬了 刘建国", since=staff_seen)
    assert number in message_text(staff) and "上次修灯特别认真" in message_text(staff)
    again = await d.click(ZHOU, asked["message_id"], data="pr:send")  # a second tap: nothing more
    assert "已经选过了" in again["answer"]["text"], again
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(LedgerEvent).where(LedgerEvent.action == "praise"))
        ).all()
    assert len(kept) == 1 and "上次修灯特别认真" in kept[0].note
    assert await d.errors() == []


async def test_praise_with_no_member_of_theirs_goes_to_the_staff(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [asked] = await d.say(WU, "给社区点个赞，楼下的花坛修得真好")
    assert "转达给社区" in message_text(asked) and OFFER not in message_text(asked)
    seen = (await d.messages(STAFF) or [{"message_id": 0}])[-1]["message_id"]
    await d.tap(WU, "转达表扬", asked["message_id"])
    await d.expect(WU, "已转达给社区", since=asked["message_id"])
    staff = await d.expect(STAFF, "表扬社区", since=seen)
    assert "花坛修得真好" in message_text(staff)
    # 不用了: nothing is sent
    [asked] = await d.say(WU, "表扬一下网格员，很负责")
    await d.tap(WU, "不用了", asked["message_id"])
    await d.expect(WU, "已选：不用转达", since=asked["message_id"] - 1)
    assert await d.errors() == []
