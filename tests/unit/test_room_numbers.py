"""Rooms as residents type them at the room step (services.validation.room_number)."""

from __future__ import annotations

import pytest

from services.errors import InvalidInput
from services.validation import room_number


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
        ("Room", None, "Room"),  # a word alone is not stripped to nothing
        ("2单元", None, "2单元"),  # 单元 is part of a room, not a word for it
    ],
)
def test_room_as_typed(typed: str, building: str | None, room: str) -> None:
    assert room_number(typed, building=building) == room


@pytest.mark.parametrize("typed", ["", "   ", "房号：", "302!", "😀302"])
def test_not_a_room(typed: str) -> None:
    with pytest.raises(InvalidInput):
        room_number(typed)
