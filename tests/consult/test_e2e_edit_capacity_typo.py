"""Editing a published meeting's capacity: a typo ('5o', '五十多') is asked again. Before, any
text that was not plain digits was taken as 'no limit', the capacity was dropped and everyone
who had answered was told '人数上限改为：不限'. '不限', '５０人' and '五十' are read as at
creation."""

from __future__ import annotations

from models.consultations import Meeting
from sandbox.driver import message_text
from tests.consult.published import STAFF, published_meeting, to_capacity_edit
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def test_capacity_typo_is_asked_again(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, capacity=30)
    await to_capacity_edit(h, meeting, now_reads="30")
    for typo in ("5o", "五十多"):
        answer = await reply_to(d, STAFF, typo, "人数上限要在 1 到")
        assert "人数上限要在 1 到" in message_text(answer)
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity == 30  # type: ignore[union-attr]
    sent = await d.send(STAFF, "５０人")
    await d.expect(STAFF, "已修改", since=sent["message_id"])
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity == 50  # type: ignore[union-attr]
