"""The notice that a member's own pause ended names the orders issued meanwhile that fit them,
each with ✋ 接 beside its 详情 (found as 刘师傅: before, only 详情, and the card it opened had the
✋ 接单). The tap claims as an offer's ✋ 接单 does (services.orders.claim_order: 接单成功, the
order's card below); one taken by others or cancelled meanwhile is said so in a line; either
way the notice loses that ✋ and keeps the others. Paused again since, the tap still claims, as
their 可接工单 lets a paused member take an order themselves.
(services.member_jobs.tell_pause_ended, handlers.claims.on_claim_after_pause)"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.e2e.conftest import Harness
from tests.e2e.test_member_pause_read_by_clock import _issue_counting
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHAO
from tests.support import SettledDriver, inline_labels


async def _now(d: SettledDriver, chat: int, message_id: int) -> dict[str, Any]:
    await d.settle()
    [now] = [m for m in await d.messages(chat) if m["message_id"] == message_id]
    return now


async def test_the_pause_ended_notice_claims_in_one_tap(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    assert isinstance(d, SettledDriver)
    [asked] = await d.say(LIU, "我这周出差，先别派给我")
    await d.tap(LIU, "⏸ 确认暂停", asked["message_id"])
    await d.expect(LIU, "已暂停接单", since=asked["message_id"] - 1)
    mine, full, gone, later = [
        (await _issue_counting(h, said))[0]
        for said in (
            "楼道里的灯坏了，晚上看不见路",
            "2号楼楼道的灯也不亮了",
            "3号楼楼道的灯闪个不停",
            "4号楼门口的路灯不亮",
        )
    ]
    assert len({mine, full, gone, later}) == 4
    h.clock.advance(timedelta(days=8))
    ended = await d.expect(LIU, "暂停已结束，恢复接单了", since=asked["message_id"])
    notice = ended["message_id"]
    labels = inline_labels(ended)
    for number in (mine, full, gone, later):
        assert f"✋ 接 {number}" in labels and f"📄 {number} 详情" in labels, labels
    # ✋ 接: claimed, as from the offer; the card below; the notice keeps the others' ✋
    tapped = await d.tap(LIU, f"✋ 接 {mine}", notice)
    assert tapped["answer"] is not None and "接单成功" in tapped["answer"]["text"], tapped
    await d.expect(LIU, f"您已接下工单 {mine}", since=notice)
    card = await d.expect(LIU, f"工单 {mine} ·", since=notice)
    assert "完成上报" in " ".join(inline_labels(card)), inline_labels(card)
    labels = inline_labels(await _now(d, LIU, notice))
    assert f"✋ 接 {mine}" not in labels and f"📄 {mine} 详情" in labels, labels
    assert f"✋ 接 {full}" in labels, labels
    # taken by 赵医生 meanwhile: said so, no error; its ✋ goes
    offer = await d.expect(ZHAO, f"新工单 {full}")
    await d.tap(ZHAO, "接单", offer["message_id"])
    await d.expect(ZHAO, f"您已接下工单 {full}", since=offer["message_id"])
    tapped = await d.tap(LIU, f"✋ 接 {full}", notice)
    assert "已经被接满" in tapped["answer"]["text"], tapped
    labels = inline_labels(await _now(d, LIU, notice))
    assert f"✋ 接 {full}" not in labels and f"✋ 接 {gone}" in labels, labels
    # cancelled by 李社工 meanwhile: said so
    [*_, staff_card] = await d.say(STAFF, gone)
    await d.tap(STAFF, "撤销工单", staff_card["message_id"])
    await d.expect(STAFF, f"撤销工单 {gone} 的原因", since=staff_card["message_id"])
    await d.say(STAFF, "居民说先不用派人")
    await d.expect(STAFF, f"工单 {gone} 已撤销")
    tapped = await d.tap(LIU, f"✋ 接 {gone}", notice)
    assert "已取消" in tapped["answer"]["text"], tapped
    assert f"✋ 接 {gone}" not in inline_labels(await _now(d, LIU, notice))
    # paused again since: his own tap still takes it (as his 可接工单 would let him)
    [asked] = await d.say(LIU, "暂停接单")
    await d.tap(LIU, "⏸ 确认暂停", asked["message_id"])
    await d.expect(LIU, "已暂停接单", since=asked["message_id"] - 1)
    tapped = await d.tap(LIU, f"✋ 接 {later}", notice)
    assert "接单成功" in tapped["answer"]["text"], tapped
    await d.expect(LIU, f"您已接下工单 {later}", since=notice)
    labels = inline_labels(await _now(d, LIU, notice))
    assert not [label for label in labels if label.startswith("✋")], labels
    assert await d.errors() == []
