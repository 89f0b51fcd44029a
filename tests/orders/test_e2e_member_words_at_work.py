"""A member at work types as a busy worker types on a phone. '接了' under a new order is taking
it (the orders open to them, each with ✋ 接). With an order in hand, how the work goes ('到了',
'正在修', '修不好，要换零件', '居民不在家', '电话打不通', '明天上午去') is for the order's staff:
💬 告诉社区 first, a matter of their own the second choice — before, each was first offered to be
filed as a new matter ("要把这件事报给社区吗？"). Asking to swap the order with a colleague is told
that the office reassigns, with 💬 告诉社区 and ↩️ 放弃. '我这周接了几单' is their service record.
(services.smalltalk.work_news / hands_over / offers_to_take, handlers.claims.offer_typed_news)"""

from __future__ import annotations

import pytest

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import LIU, STAFF, png
from tests.support import inline_labels

OFFER = "要把这件事报给社区吗"


async def _claimed(h: Harness, member: int, text: str) -> str:
    """An order issued from `text`, taken by `member` saying '接了'; its number."""
    d = h.driver
    number = await _issue(h, text)
    await d.expect(member, f"新工单 {number}")
    [listed] = await d.say(member, "接了")
    assert "可接工单" in message_text(listed), message_text(listed)
    assert OFFER not in message_text(listed)
    await d.tap(member, f"✋ 接 {number}", listed["message_id"])
    await d.expect(member, f"您已接下工单 {number}", since=listed["message_id"])
    return number


@pytest.mark.parametrize(
    "said",
    [
        "到了",
        "正在修",
        "修不好，要换零件",
        "零件要业主自己买吗",
        "居民不在家",
        "电话打不通",
        "明天上午去",
    ],
)
async def test_how_the_work_goes_is_for_the_orders_staff(
    linli_sandbox: Harness, said: str
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    [answer] = await d.say(LIU, said)
    text = message_text(answer)
    assert OFFER not in text, text
    assert f"工单 {number}" in text, text
    assert inline_labels(answer) == [f"💬 告诉社区：{number}", "📝 报给社区"]
    since = (await d.messages(STAFF))[-1]["message_id"]
    await d.tap(LIU, f"💬 告诉社区：{number}", answer["message_id"])
    await d.expect(LIU, f"已转告社区（工单 {number}）", since=answer["message_id"])
    told = await d.expect(STAFF, said, since=since)
    assert number in message_text(told)


async def test_a_matter_of_their_own_is_still_theirs_to_file(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    # words that tell no progress on the job: offered to be filed, as before
    [answer] = await d.say(LIU, "我家楼下的路灯坏了")
    assert OFFER in message_text(answer), message_text(answer)


async def test_a_swap_with_a_colleague_goes_through_the_office(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    [answer] = await d.say(LIU, "我想跟赵医生换一下单")
    text = message_text(answer)
    assert "不能直接转给别人" in text and "社区" in text, text
    labels = inline_labels(answer)
    assert f"💬 告诉社区：{number}" in labels
    assert any(label.startswith(f"↩️ 放弃 {number}") for label in labels), labels
    assert "📝 报给社区" not in labels


async def test_orders_counted_is_the_service_record(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    [answer] = await d.say(LIU, "我这周接了几单")
    assert "我的积分" in message_text(answer), message_text(answer)
    assert OFFER not in message_text(answer)


async def test_photos_before_and_after_both_go_into_the_report(linli_sandbox: Harness) -> None:
    """A photo before the work, then one after (each sent on its own, as phones send them): the
    second answer still carries ✅ 完成上报, and the report holds both photos and the words.
    Before, the second answer lost the button, and the report had the first photo alone."""
    h = linli_sandbox
    d = h.driver
    number = await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    sent = await d.send(LIU, photo=png())
    first = await d.expect(LIU, "完成上报", since=sent["message_id"])
    assert f"✅ 完成上报：{number}" in inline_labels(first)
    sent = await d.send(LIU, "换了新阀门，不漏了", photo=png())
    second = await d.expect(LIU, OFFER, since=sent["message_id"])
    assert f"✅ 完成上报：{number}" in inline_labels(second), inline_labels(second)
    await d.tap(LIU, f"完成上报：{number}", second["message_id"])
    form = await d.expect(LIU, "照片 2 张", since=second["message_id"])
    assert "换了新阀门，不漏了" in message_text(form), message_text(form)
    # the first answer's button is gone with it: nothing left to tap there
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == first["message_id"]]
    assert not inline_labels(now)


@pytest.mark.parametrize("said", ["完成了 图片在上面", "完成了"])
async def test_done_after_the_photos_takes_them_into_the_report(
    linli_sandbox: Harness, said: str
) -> None:
    """Photos of the work sent first, then '完成了 图片在上面' (or '完成了'): the report begins
    with those photos and the words, to confirm with ✅ 说完了; the photos' answer loses its
    buttons.
    Before, the report began without the photos and asked for them again."""
    h = linli_sandbox
    d = h.driver
    number = await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    for _ in range(2):
        sent = await d.send(LIU, photo=png())
        answer = await d.expect(LIU, "完成上报", since=sent["message_id"])
    sent = await d.send(LIU, said)
    text = message_text(await d.expect(LIU, "完成上报", since=sent["message_id"]))
    assert f"工单 {number}" in text and "照片 2 张" in text, text
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == answer["message_id"]]
    assert not inline_labels(now)
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, f"工单 {number} 已上报", since=sent["message_id"])


async def test_points_before_any_name_the_orders_in_hand(linli_sandbox: Harness) -> None:
    """'我这周接了几单' from a member holding an order and no points yet: the record says the
    order in hand brings them (before: '接一单试试吧', as if they held none)."""
    h = linli_sandbox
    d = h.driver
    await _claimed(h, LIU, "家里厨房的水管漏水了，地上都是水")
    [answer] = await d.say(LIU, "我这周接了几单")
    text = message_text(answer)
    assert "手上正在办 1 件工单" in text and "接一单试试" not in text, text
