"""The outside unit often answers "已安排，预计周二前修好": not solved yet, and not a refusal.
📥 记录回复 offered only 已解决 (the matter done, the resident asked to rate) or 未解决，退回
(back in the queue). ⏳ 还在办，继续跟进 tells the resident how it stands, keeps the matter
with the unit, shows the answer on the card and follows it up again."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card, _labels, _now
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file


async def test_an_interim_answer_is_told_and_the_matter_stays_with_the_unit(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "小区东门外马路上的路灯坏了好几天")
    card = await _card(h, number)
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区市政管理所")
    sent = await d.send(STAFF, "跳过")
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    told = await d.expect(ZHOU, "已转交「区市政管理所」")

    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=card["message_id"])
    [asked] = await d.say(STAFF, "已派人换灯，预计周二前修好")
    assert "⏳ 还在办，继续跟进" in _labels(asked), _labels(asked)
    await d.tap(STAFF, "还在办", asked["message_id"])
    done = await d.expect(STAFF, f"已记录诉求 {number} 的进展", since=asked["message_id"])
    assert "会再提醒您跟进" in message_text(done)
    # the card: still with the unit, the answer and the next follow-up on it
    now = await _now(h, card, "最新进展")
    text = message_text(now)
    assert f"诉求 {number} · 已转办" in text and "已派人换灯，预计周二前修好" in text, text
    assert "跟进时间" in text and "📥 记录回复" in _labels(now), _labels(now)
    # the resident is told how it stands (not asked to rate, not told it is done)
    news = await d.expect(ZHOU, "有了进展", since=told["message_id"])
    assert "已派人换灯，预计周二前修好" in message_text(news)
    assert "还在办理中" in message_text(news) and "满意" not in message_text(news)
    # and her own view of the request says who has it and the latest answer
    await d.say(ZHOU, "📂 我的诉求")
    mine = await d.say(ZHOU, number)
    text = "\n".join(message_text(m) for m in mine)
    assert "已转交「区市政管理所」办理" in text and "已派人换灯，预计周二前修好" in text, text

    # the final answer later: done, and the resident asked to rate
    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=done["message_id"])
    await d.say(STAFF, "路灯已换好")
    await d.tap(STAFF, "已解决")
    await d.expect(STAFF, f"已记录诉求 {number} 的答复")
    rate = await d.expect(ZHOU, "路灯已换好", since=news["message_id"])
    assert any("满意" in label for label in _labels(rate)), _labels(rate)
