"""A choice typed that fits an option in each of two open polls ('3': '3. 弃权' in one, '3. 建充
电桩' in the other) asks which poll, each a tap away. Found walking the sandbox: Alex typed '3'
with two polls open and got "Sorry, I did not understand" — a dead end for someone who typed
what the ballot showed."""

from __future__ import annotations

from datetime import timedelta

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import ZHOU, labels_of, make_poll
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_a_number_fitting_two_polls_asks_which(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)  # 修路灯 / 加装电梯 / 建充电桩
    await make_poll(
        h,
        question="3号楼是否加装电梯",
        options=["同意", "不同意", "弃权"],
        closes_at=h.clock() + timedelta(days=2),
    )
    first = await d.expect(ZHOU, "投票：")
    await d.expect(ZHOU, "投票：", since=first["message_id"])  # both announcements in
    which = await reply_to(d, ZHOU, "3", "您说的是哪一个")
    text = message_text(which)
    assert "您说的是哪一个" in text, text
    assert "「明年优先办哪些事？」里的「建充电桩」" in text, text
    assert "「3号楼是否加装电梯」里的「弃权」" in text, text
    ballots = [b for b in labels_of(which) if b.startswith("🗳")]
    assert len(ballots) == 2, labels_of(which)
    await d.tap(ZHOU, ballots[1], which["message_id"])
    ballot = await d.expect(ZHOU, "截止：", since=which["message_id"])
    assert "弃权" in labels_of(ballot), labels_of(ballot)
    # an option only one poll has: read back with its button, as before
    offer = await reply_to(d, ZHOU, "不同意", "投「不同意」")
    assert "投「不同意」" in message_text(offer), message_text(offer)
    assert await d.errors() == []
