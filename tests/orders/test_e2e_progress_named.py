"""A resident asking after one of their matters by what it is about ('我那个水管的事怎么样了',
'楼道灯修好了没有') gets that matter's card, with how far it is; before, the question was offered
to be filed as a new matter ('要把这件事报给社区吗？'). Only the asker's own matters are found; a
question naming none of them is still offered to be filed."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, STAFF, WU, ZHOU, _file

OFFER = "要把这件事报给社区吗"


async def test_a_matter_asked_after_by_name_shows_its_card_and_progress(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    pipe = await _file(h, ZHOU, "家里厨房水管漏水了，地上全是水")
    light = await _file(h, ZHOU, "1号楼楼道灯坏了，晚上很黑")
    [card] = await d.say(ZHOU, "我那个水管的事怎么样了")
    said = message_text(card)
    assert f"诉求 {pipe} · 待受理" in said and "水管漏水" in said, said
    assert OFFER not in said
    [card] = await d.say(ZHOU, "请问上次说的楼道灯，修好了没有？")
    assert f"诉求 {light}" in message_text(card) and "楼道灯" in message_text(card)
    # the order goes out: the card says it waits for a member, then that one has it
    sent = await d.send(STAFF, pipe)
    staff_card = await d.expect(STAFF, f"诉求 {pipe} · 待受理", since=sent["message_id"])
    await d.tap(STAFF, "派单", staff_card["message_id"])
    form = await d.expect(STAFF, f"为诉求 {pipe} 派单")
    await d.tap(STAFF, "发布工单", form["message_id"])
    offer = await d.expect(LIU, "新工单 G")
    [card] = await d.say(ZHOU, "水管的事有人管吗")
    assert f"诉求 {pipe} · 已派单" in message_text(card)
    assert "进展：正在等党员/志愿者接单" in message_text(card)
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "您已接下工单")
    [card] = await d.say(ZHOU, "厨房水管什么时候来修")
    assert "进展：党员/志愿者已接单，会尽快联系您" in message_text(card)
    taken = await d.expect(LIU, "已接满")
    await d.tap(LIU, "完成上报", taken["message_id"])
    await d.expect(LIU, "做了什么")
    await d.say(LIU, "换了水槽下面的软管，不漏了")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    [card] = await d.say(ZHOU, "水管修好了没有")
    assert "进展：已办完，社区正在验收" in message_text(card)
    # a matter she never reported: offered to be filed, as before
    [other] = await d.say(ZHOU, "下水道的事怎么样了")
    assert OFFER in message_text(other)
    # a neighbour asking after the same light: not her card (his own matters only)
    [theirs] = await d.say(WU, "楼道灯什么时候来修")
    assert OFFER in message_text(theirs) and f"诉求 {light}" not in message_text(theirs)
    assert await d.errors() == []


async def test_a_matter_filed_in_chinese_asked_after_in_english(linli_sandbox: Harness) -> None:
    """'any news about the elevator?' after 电梯坏了: the card of that matter (the lexicon reads
    elevator as 电梯); before, offered to be filed as a new matter."""
    h = linli_sandbox
    d = h.driver
    pipe = await _file(h, ZHOU, "家里厨房水管漏水了，地上全是水")
    lift = await _file(h, ZHOU, "电梯坏了，老人下不了楼")
    [card] = await d.say(ZHOU, "any news about the elevator?")
    said = message_text(card)
    assert f"诉求 {lift} · 待受理" in said and OFFER not in said, said
    [card] = await d.say(ZHOU, "升降梯的事怎么样了")  # another word for the same thing
    assert f"诉求 {lift}" in message_text(card), message_text(card)
    [card] = await d.say(ZHOU, "any news on the water pipe?")
    assert f"诉求 {pipe}" in message_text(card), message_text(card)
    stairs = await _file(h, ZHOU, "四楼楼道灯坏了一个星期了")
    [card] = await d.say(ZHOU, "any news about the stairwell light?")  # a name of two words
    assert f"诉求 {stairs}" in message_text(card), message_text(card)
    assert await d.errors() == []


async def test_when_someone_comes_with_one_matter_open_shows_its_card(
    linli_sandbox: Harness,
) -> None:
    """'什么时候来人修啊' names no matter: with one open, its card (with when 催办 opens);
    with two, the list of them, as before."""
    h = linli_sandbox
    d = h.driver
    tap = await _file(h, WU, "厨房水龙头一直滴水，关不紧")
    [card] = await d.say(WU, "什么时候来人修啊")
    said = message_text(card)
    assert f"诉求 {tap} · 待受理" in said and "水龙头" in said, said
    assert "催办" in said and OFFER not in said, said
    await _file(h, WU, "楼下广场舞太吵了，晚上十点还在跳")
    [listed] = await d.say(WU, "还要等多久")
    assert "我的诉求（共 2 件" in message_text(listed), message_text(listed)
    assert await d.errors() == []
