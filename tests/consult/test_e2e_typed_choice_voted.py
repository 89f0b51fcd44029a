"""A choice typed by someone whose vote is in is not offered a vote button that would be
refused or change nothing. Found walking a 每户一票 poll: 黄奶奶, whose household 周阿姨 had
voted for, typed '我投同意' and got '点一下下面的按钮就投上了' and a ✅ 投「同意」 that was refused
at the tap; 周阿姨 typing the choice she had voted got the same offer."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, ballot, labels_of, make_poll
from tests.e2e.conftest import Harness

HUANG = 4005  # 黄奶奶, 1号楼 302 (same household as 周阿姨)


async def test_typed_choice_after_the_household_or_oneself_voted(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, per_household=True, anonymous=False, live_results=True)
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])
    await d.expect(HUANG, "投票：")
    [huang] = await d.say(HUANG, "我投加装电梯")
    assert "您家（同一房号）已经投过票了：周阿姨 在" in message_text(huang), message_text(huang)
    assert labels_of(huang) == ["📊 查看结果"]
    [same] = await d.say(ZHOU, "我投修路灯")
    assert "您在「明年优先办哪些事？」里投的就是「修路灯」" in message_text(same)
    assert labels_of(same) == ["🗳 打开选票"]
    # another option: a change the poll allows, one tap as before
    [change] = await d.say(ZHOU, "我投加装电梯")
    assert labels_of(change) == ["✅ 投「加装电梯」", "🗳 打开选票"], labels_of(change)


async def test_typed_choice_when_the_poll_takes_no_change(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h, allow_change=False)
    mine = await ballot(d, ZHOU)
    await d.tap(ZHOU, "修路灯", mine["message_id"])
    await d.expect(ZHOU, "已投票", since=mine["message_id"])
    [told] = await d.say(ZHOU, "我投加装电梯")
    assert "不允许改票" in message_text(told), message_text(told)
    assert "✅ 投「加装电梯」" not in labels_of(told)
