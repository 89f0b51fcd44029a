"""'No limit' typed at a capacity step is read in Simplified and Traditional characters and in
its common variants, at creation and when a published meeting's capacity is edited: '不限人數'
(what a zh-Hant reader types) was refused as '人数上限要在 1 到 5,000 之间'."""

from __future__ import annotations

import pytest
from sqlmodel import select

from models.consultations import Meeting
from sandbox.driver import message_text
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


@pytest.mark.parametrize(
    ("typed", "capacity"),
    [
        ("50", 50),
        ("５０人", 50),
        ("30 people", 30),
        # Chinese numerals and a word for people after the number (these were refused as
        # '人数上限要在 1 到 5,000 之间')
        ("五十", 50),
        ("五十人", 50),
        ("一百", 100),
        ("两百人", 200),
        ("二百", 200),
        ("一百二十人", 120),
        ("一百五", 150),
        ("一百零五", 105),
        ("十五个人", 15),
        ("两千", 2000),
        ("五千人", 5000),
        ("50人", 50),
        ("50位", 50),
        ("50个", 50),
        ("50名", 50),
        ("一百位", 100),
        ("最多80人", 80),
        ("限五十位", 50),
        ("一百個人", 100),  # Traditional characters
    ],
)
def test_numbers(typed: str, capacity: int) -> None:
    assert meetings.read_capacity(typed) == capacity


def test_zero_in_chinese_is_no_limit_as_0_is() -> None:
    assert meetings.read_capacity("零") is None


@pytest.mark.parametrize(
    "typed", ["很多", "5o", "-3", "5001", "有限", "五五", "一万", "五十多人", "百", "人"]
)
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


async def test_chinese_numerals_at_creation_and_when_editing(linli_sandbox: Harness) -> None:
    """'两百人' at the form's capacity, '一百' when a published meeting's capacity is edited:
    both were refused as '人数上限要在 1 到 5,000 之间'."""
    h = linli_sandbox
    d = h.driver
    await _to_capacity(h)
    sent = await d.send(STAFF, "两百人")
    preview = await d.expect(STAFF, "预览", since=sent["message_id"])
    assert "人数上限：200 人" in message_text(preview)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Meeting))).one().capacity == 200
    meeting = await published_meeting(h, title="一月居民议事会", capacity=30)
    await to_capacity_edit(h, meeting, now_reads="30")
    sent = await d.send(STAFF, "一百")
    await d.expect(STAFF, "已修改", since=sent["message_id"])
    async with h.sessionmaker() as session:
        assert (await session.get(Meeting, meeting.id)).capacity == 100  # type: ignore[union-attr]
