"""Staff see which matters are past their deadline: the queue carries '⏰ 超期（N）' while any
are, and its list ('超期的事项', the longest overdue first) says how long each is late
('超期 3 天'), each with its button; '有没有超时的工单' typed opens it. /stats counted them
(超期 N 件) but no list showed which they were."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_claim_in_place import _issue
from tests.orders.test_e2e_cycle import STAFF, WU, _file
from tests.support import inline_labels


async def test_the_overdue_list(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    order_no = await _issue(h, "楼道里的灯坏了，晚上看不见路")
    await _file(h, WU, "2号楼门口的垃圾桶满了没人清")  # waiting, no deadline passed
    async with h.sessionmaker() as session:
        issued = (await session.exec(select(Request).where(Request.status == "ordered"))).one()
    assert issued.deadline_at is not None
    [none] = await d.say(STAFF, "有没有超时的工单")
    assert message_text(none) == "目前没有超期的事项。👍"
    [queue] = await d.say(STAFF, "📋 待办诉求")
    assert not any(label.startswith("⏰") for label in inline_labels(queue))

    h.clock.set(issued.deadline_at + timedelta(days=3, hours=2))
    [queue] = await d.say(STAFF, "📋 待办诉求")
    assert "⏰ 超期（1）" in inline_labels(queue)
    await d.tap(STAFF, "⏰ 超期（1）", queue["message_id"])
    listed = await d.expect(STAFF, "超期的事项", since=queue["message_id"] - 1)
    lines = message_text(listed).split("\n")
    assert lines[0] == "超期的事项（共 1 件，第 1/1 页，超期最久的在前）", lines
    assert issued.number in lines[1] and lines[-1].endswith("已派单 · 超期 3 天"), lines
    assert f"查看 {issued.number}" in " ".join(inline_labels(listed)), inline_labels(listed)
    # said rather than tapped: the same list
    [typed] = await d.say(STAFF, "哪些超期了？")
    assert message_text(typed) == message_text(listed)
    assert order_no
    assert await d.errors() == []
