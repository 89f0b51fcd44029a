"""Starting 代投 while another form is half filled in asks first: go on with that form, or
leave it and start the proxy vote. Before, tapping ✍️ 代投 on a poll's card in the middle of
a new poll dropped the poll's question without a word."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import STAFF, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_proxy_asks_before_leaving_a_form(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票")
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    # a new poll, half filled in
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题", since=card["message_id"])
    [asked] = await d.say(STAFF, "小区门口要不要装减速带？")
    assert "请输入选项" in message_text(asked)
    # 代投 on the older card: asked, not dropped
    await d.tap(STAFF, "✍️ 代投", card["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=asked["message_id"])
    assert "「新建投票」" in message_text(busy)
    assert labels_of(busy) == ["↩️ 继续填写「新建投票」", "✍️ 不填了，开始代投"]
    await d.tap(STAFF, "继续填写", busy["message_id"])
    kept = await d.expect(STAFF, "请接着填写「新建投票」", since=busy["message_id"])
    # the form goes on where it was
    [ask] = await d.say(STAFF, "装\n不装")
    assert "单选还是多选" in message_text(ask)
    assert ask["message_id"] > kept["message_id"]
    # 代投 again, and this time leave the form
    await d.tap(STAFF, "✍️ 代投", card["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=ask["message_id"])
    await d.tap(STAFF, "不填了，开始代投", busy["message_id"])
    picker = await d.expect(STAFF, "请选择居民所在楼栋", since=busy["message_id"])
    # the proxy vote runs; the dropped form does not come back
    await d.tap(STAFF, "1号楼", picker["message_id"])
    await d.expect(STAFF, "请输入居民的房号", since=picker["message_id"])
