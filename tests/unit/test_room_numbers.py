"""Rooms as residents type them at the room step (services.validation.room_number)."""

from __future__ import annotations

import pytest

from services.errors import InvalidInput
from services.validation import room_number, says_unsure


@pytest.mark.parametrize(
    ("typed", "building", "room"),
    [
        ("302", None, "302"),
        ("2单元301室", None, "2单元301室"),
        ("3-502", "5号楼", "3-502"),
        ("Room 1204", None, "1204"),
        ("rm. 8", None, "8"),
        ("房号：302", None, "302"),
        ("房间 302", None, "302"),
        ("３０２", None, "302"),  # full-width digits
        ("2号楼1204", "2号楼", "1204"),
        ("2号楼 2单元301", "2号楼", "2单元301"),
        ("2号楼1204", "3号楼", "2号楼1204"),  # another building: kept as typed, staff see it
        ("2号楼", "2号楼", "2号楼"),  # nothing after it: not emptied
        ("三楼东户", None, "三楼东户"),  # floor and side, for who does not know the number
        # read out digit by digit, the number is kept as digits (as neighbours who typed
        # 502 have it: one household, one room)
        ("二单元五零二", None, "二单元502"),
        ("五零二", None, "502"),
        ("五〇二室", None, "502室"),
        ("2单元", None, "2单元"),  # 单元 is part of a room, not a word for it
        ("Unit 2, 301", None, "2单元301"),  # said in English, written as staff write it
        ("unit 2 room 301", None, "2单元301"),
        ("Entrance 3, Apt. 502", None, "3单元502"),
    ],
)
def test_room_as_typed(typed: str, building: str | None, room: str) -> None:
    assert room_number(typed, building=building) == room


@pytest.mark.parametrize(
    "typed", ["", "   ", "房号：", "302!", "😀302", "Room", "楼道的灯坏了", "东边那栋"]
)
def test_not_a_room(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        room_number(typed)
    assert caught.value.key in {"err-room-invalid", "err-room-too-long"}


@pytest.mark.parametrize("typed", ["我不知道房号", "不清楚", "忘了", "I don't know", "not sure"])
def test_not_knowing_the_room_is_told_how_to_give_one(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        room_number(typed)
    assert caught.value.key == "err-room-unknown"


@pytest.mark.parametrize(
    ("typed", "unsure"),
    [
        ("not sure", True),
        ("I'm not sure", True),
        ("I don't know", True),
        ("不清楚", True),
        ("我也不知道", True),
        ("not sure which grid", False),  # more than that
        ("Building 6", False),
        ("6", False),
        ("", False),
    ],
)
def test_saying_unsure(typed: str, unsure: bool) -> None:
    assert says_unsure(typed) is unsure
