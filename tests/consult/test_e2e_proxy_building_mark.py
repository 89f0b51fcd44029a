"""The 代投 building picker marks the building chosen (✅ 1号楼), as the form's pickers show
their answer; another building may still be chosen, and then it is the one marked. Before, the
picker read as it did untapped, and nothing showed which building the room would be of."""

from __future__ import annotations

from tests.consult.test_e2e_qa_polls import STAFF, current, labels_of, make_poll
from tests.e2e.conftest import Harness


async def test_building_picker_marks_the_choice(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await make_poll(h)
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "📊 投票列表")
    listed = await d.expect(STAFF, "投票列表")
    await d.tap(STAFF, "明年优先办哪些事", listed["message_id"])
    card = await d.expect(STAFF, "状态：进行中", since=listed["message_id"])
    await d.tap(STAFF, "✍️ 代投", card["message_id"])
    picker = await d.expect(STAFF, "请选择居民所在楼栋", since=card["message_id"])
    assert not any(label.startswith("✅") for label in labels_of(picker))
    await d.tap(STAFF, "2号楼", picker["message_id"])
    asked = await d.expect(STAFF, "请输入居民的房号", since=picker["message_id"])
    marked = labels_of(await current(d, STAFF, picker["message_id"]))
    assert "✅ 2号楼" in marked and "1号楼" in marked, marked
    # changed their mind: 1号楼 is the one marked now, and the room is of 1号楼
    await d.tap(STAFF, "1号楼", picker["message_id"])
    await d.expect(STAFF, "请输入居民的房号", since=asked["message_id"])
    marked = labels_of(await current(d, STAFF, picker["message_id"]))
    assert "✅ 1号楼" in marked and "2号楼" in marked and "✅ 2号楼" not in marked, marked
    [first, *_] = await d.say(STAFF, "502")
    await d.expect(STAFF, "代 吴大爷 投票", since=first["message_id"] - 1)  # 1号楼 502
