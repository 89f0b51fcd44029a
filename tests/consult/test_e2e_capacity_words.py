"""'No limit' typed at a capacity step is read in Simplified and Traditional characters and in
its common variants, at creation and when a published meeting's capacity is edited: '不限人數'
(what a zh-Hant reader types) was refused as '人数上限要在 1 到 5,000 之间'."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.consultations import Meeting
from services import meetings
from services.errors import InvalidInput
from tests.consult.published import published_meeting, to_capacity_edit
from tests.consult.test_e2e_meeting_capacity import _to_capacity
from tests.e2e.conftest import Harness

STAFF = 2001  # 李社工

UNLIMITED = [
    "不限",
    "不限人数",
    "不限人數",
    "人數不限",
    "无限",
    "無限",
    "無限制",
    "沒有限制",
    "没有限制。",
    "不设上限",
    "0",
    "０",
    "0人",
    "No limit",
    "unlimited",
]


@pytest.mark.parametrize("typed", UNLIMITED)
def test_no_limit_words(typed: str) -> None:
    assert meetings.read_capacity(typed, unlimited={"不限", "No limit"}) is None


@pytest.mark.parametrize(("typed", "capacity"), [("50", 50), ("５０人", 50), ("30 people", 30)])
def test_numbers(typed: str, capacity: int) -> None:
    assert meetings.read_capacity(typed) == capacity


@pytest.mark.parametrize("typed", ["很多", "5o", "五十", "-3", "5001", "有限"])
def test_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        meetings.read_capacity(typed)


async def test_traditional_no_limit_at_creation(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _to_capacity(h)
    [first, *_] = await h.driver.say(STAFF, "不限人數")
    await h.driver.expect(STAFF, "预览", since=first["message_id"] - 1)
    async with h.sessionmaker() as session:
        meeting = (await session.exec(select(Meeting))).one()
    assert meeting.capacity is None


async def test_traditional_no_limit_when_editing(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    meeting = await published_meeting(h, capacity=30)
    await to_capacity_edit(h, meeting, now_reads="30")
    sent = await d.send(STAFF, "無限制")
    await d.expect(STAFF, "已修改", since=sent["message_id"])
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity is None  # type: ignore[union-attr]
