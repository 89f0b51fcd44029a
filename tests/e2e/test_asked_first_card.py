"""A starter tapped in the middle of another form asks first; its 不填了 then treats the card
the starter was tapped on as a direct tap does (the question quotes that card): 完成上报's card
reads reported, without the button, once the report is sent, and a poll's staff card that
✍️ 代投 was used from counts the vote, and a resident's rating question shows the score given.
Before, the card kept 完成上报 and read '已投 0 票', and the rating question kept its buttons
(the message tapped was the question, not the card)."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.consult.test_e2e_form_starters_ask import _half_poll
from tests.consult.test_e2e_qa_polls import GRID_WORKER, current, make_poll
from tests.e2e.conftest import Harness
from tests.e2e.test_stale_buttons_done import _inline, _now, _report
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file, _open_card
from tests.support import reply_to


async def _claimed_card(h: Harness) -> dict[str, Any]:
    """An order 刘师傅 claimed: the offer that became its card."""
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    await _open_card(h, number)
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单", since=offer["message_id"])
    card = await _now(d, LIU, offer["message_id"])
    assert "✅ 完成上报" in _inline(card)
    return card


async def test_report_started_after_asking_updates_the_card(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    # 刘师傅 is filing a request of his own, its text typed: 完成上报 asks first
    await d.say(LIU, "📝 我要点单")
    typed = await reply_to(d, LIU, "小区门口的路灯不亮了", "收到文字")
    await d.tap(LIU, "完成上报", card["message_id"])
    busy = await d.expect(LIU, "没有填完", since=typed["message_id"])
    await d.tap(LIU, "不填了", busy["message_id"])
    await d.expect(LIU, "做了什么", since=busy["message_id"])
    await d.say(LIU, "换了新灯泡")
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, "已上报，等待社区验收", since=sent["message_id"])
    # the card it was tapped on reads reported, as after a direct tap, without 完成上报
    card = await _now(d, LIU, card["message_id"])
    assert "等待社区验收" in message_text(card) and "换了新灯泡" in message_text(card)
    assert _inline(card) == []
    # the question quoted that card
    assert (busy.get("reply_to_message") or {}).get("message_id") == card["message_id"]


async def test_proxy_vote_started_after_asking_counts_on_the_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    hub = await reply_to(d, GRID_WORKER, "🏛 议事管理", "选择要做的事")
    await d.tap(GRID_WORKER, "📊 投票列表", hub["message_id"])
    listed = await d.expect(GRID_WORKER, "投票列表", since=hub["message_id"])
    await d.tap(GRID_WORKER, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(GRID_WORKER, "状态：进行中", since=listed["message_id"])
    # a new poll's question typed: ✍️ 代投 on the card asks first; 不填了 goes on from the card
    await d.tap(GRID_WORKER, "➕ 新建投票", hub["message_id"])
    await d.expect(GRID_WORKER, "请输入投票问题", since=card["message_id"])
    typed = await reply_to(d, GRID_WORKER, "春节活动放在哪一天", "请输入选项")
    await d.tap(GRID_WORKER, "✍️ 代投", card["message_id"])
    busy = await d.expect(GRID_WORKER, "没有填完", since=typed["message_id"])
    await d.tap(GRID_WORKER, "不填了", busy["message_id"])
    ask = await d.expect(GRID_WORKER, "请选择居民所在楼栋", since=busy["message_id"])
    await d.tap(GRID_WORKER, "1号楼", ask["message_id"])
    await d.expect(GRID_WORKER, "请输入居民的房号", since=ask["message_id"])
    replies = await d.say(GRID_WORKER, "502")  # 吴大爷
    [ballot] = [m for m in replies if "代 吴大爷 投票" in message_text(m)]
    await d.tap(GRID_WORKER, "加装电梯", ballot["message_id"])
    await d.expect(GRID_WORKER, "已为 吴大爷 代投：加装电梯", since=ballot["message_id"])
    # the card 代投 was tapped on counts the vote, as after a direct tap
    assert "已投 1 票" in message_text(await current(d, GRID_WORKER, card["message_id"]))


async def test_rating_given_after_asking_shows_on_the_question(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    await _report(d, card, "换了新灯泡")
    verify = await d.expect(STAFF, "请验收")
    await d.tap(STAFF, "验收通过", verify["message_id"])
    rate = await d.expect(ZHOU, "已办好")
    # 周阿姨 is filing another request, its text typed: 满意 asks first
    await d.say(ZHOU, "📝 我要点单")
    typed = await reply_to(d, ZHOU, "3号楼门口的垃圾桶满了", "收到文字")
    await d.tap(ZHOU, "满意", rate["message_id"])
    busy = await d.expect(ZHOU, "没有填完", since=typed["message_id"])
    await d.tap(ZHOU, "不填了", busy["message_id"])
    asked = await d.expect(ZHOU, "还想说点什么", since=busy["message_id"])
    # the rating question reads as answered, without its buttons, as after a direct tap
    rated = await _now(d, ZHOU, rate["message_id"])
    assert "您的评价：😊 满意" in message_text(rated) and not _inline(rated), rated
    # the comment question's 跳过, tapped, goes with it
    await d.tap(ZHOU, "跳过", asked["message_id"])
    await d.expect(ZHOU, "感谢您的评价", since=asked["message_id"])
    assert not _inline(await _now(d, ZHOU, asked["message_id"]))


async def test_order_issued_after_asking_redraws_the_request_card(
    linli_sandbox: Harness,
) -> None:
    """派单 tapped on a request's card while a poll's question is half typed: after 不填了 and
    发布工单 the card reads 已派单, without 派单 and the other actions of a new request."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, number)
    *_, card = [m for m in await d.messages(STAFF) if f"诉求 {number} ·" in message_text(m)]
    assert "📤 派单" in _inline(card)
    asked = await _half_poll(d)
    await d.tap(STAFF, "派单", card["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=asked["message_id"])
    await d.tap(STAFF, "不填了", busy["message_id"])
    form = await d.expect(STAFF, f"为诉求 {number} 派单", since=busy["message_id"] - 1)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=busy["message_id"] - 1)  # the card is redrawn first
    now = await _now(d, STAFF, card["message_id"])
    assert "已派单" in message_text(now), message_text(now)
    assert "📤 派单" not in _inline(now) and "🙋 直接办理" not in _inline(now), _inline(now)
