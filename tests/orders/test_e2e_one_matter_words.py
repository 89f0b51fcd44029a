"""'补充', '催一下', '撤回' typed alone at the menu by a resident with exactly one matter open
act on that matter, named first, as its card's buttons do: its 补充 step opens, the nudge is
sent per the rules of 催办 (or when it can be is said), the withdrawal is asked to be confirmed.
With several open, the list of their requests stays, to pick one from. Before, the list was
shown in every case, one more step for one matter. (handlers.requests.act_on_only_matter)"""

from __future__ import annotations

from datetime import timedelta

from models.orders import Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.support import inline_labels, reply_to


async def test_one_matter_open_is_acted_on(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    lead = f"您现在在办的事只有一件：诉求 {number}（1号楼三单元楼道灯坏了"
    # 补充: its step, the words typed next go to it and to staff
    asked = await reply_to(d, ZHOU, "补充", f"请补充诉求 {number} 的信息")
    assert lead in message_text(asked), message_text(asked)
    await reply_to(d, ZHOU, "二楼的灯也不亮了", f"已补充到诉求 {number}")
    await d.expect(STAFF, f"诉求 {number} 有居民补充的信息")
    # 催一下: too early yet, so when it can be; a day on, the nudge is sent
    early = await reply_to(d, ZHOU, "催一下", "之后如果还没有进展，就可以催办")
    assert lead in message_text(early), message_text(early)
    h.clock.advance(timedelta(hours=25))
    urged = await reply_to(d, ZHOU, "催一下", f"已为您催办诉求 {number}")
    assert lead in message_text(urged), message_text(urged)
    await d.expect(STAFF, f"居民催办：诉求 {number}")
    # 撤回: asked to confirm, then withdrawn
    asked = await reply_to(d, ZHOU, "撤回", f"确定要撤回诉求 {number} 吗")
    assert lead in message_text(asked), message_text(asked)
    assert inline_labels(asked) == ["确定撤回", "否"]
    await d.tap(ZHOU, "确定撤回", asked["message_id"])
    await d.expect(ZHOU, f"诉求 {number} 已撤回", since=asked["message_id"] - 1)
    async with h.sessionmaker() as session:
        req = await session.get(Request, int(number))
        assert req is not None and req.status == RequestStatus.WITHDRAWN
    assert await d.errors() == []


async def test_several_open_keep_the_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file(h, ZHOU, "1号楼三单元楼道灯坏了，晚上很黑")
    second = await _file(h, ZHOU, "小区门口的垃圾桶满了没人清")
    for said in ("撤回", "补充", "催一下"):
        mine = await reply_to(d, ZHOU, said, "我的诉求（共 2 件")
        labels = inline_labels(mine)
        assert f"查看 {first}" in labels and f"查看 {second}" in labels, said
    assert await d.errors() == []
