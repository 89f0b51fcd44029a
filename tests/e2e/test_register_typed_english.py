"""An English-speaking resident types the building as he would say it. At the building step
'Building 6, 1203' (or '6' alone) is read as 6号楼 (and the room), as '6号楼' always was;
before, both were answered 'I could not read an address from that' — whose own example,
'Building 3, 502', could not be read either."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness

ALEX = 5002  # English, unregistered


async def _to_the_building_step(h: Harness) -> None:
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.tap(ALEX, "Sunshine Community")
    await d.expect(ALEX, "grid")
    await d.tap(ALEX, "Not sure")
    await d.expect(ALEX, "choose your building")


async def test_building_and_room_typed_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _to_the_building_step(h)
    replies = await h.driver.say(ALEX, "Building 6, room 1203")
    said = "\n".join(message_text(m) for m in replies)
    assert "could not read" not in said, said
    assert "Sunshine Community · Building 6 · 1203" in said, said
    assert "phone" in said.lower()
    async with h.sessionmaker() as session:
        from models import Building, User

        user = await session.get(User, ALEX)
        assert user is not None and user.room == "1203"
        building = await session.get(Building, user.building_id)
        assert building is not None and building.name == "6号楼"


async def test_a_number_alone_names_the_building(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _to_the_building_step(h)
    replies = await h.driver.say(ALEX, "6")
    said = "\n".join(message_text(m) for m in replies)
    assert "Sunshine Community · Building 6" in said, said
    assert "room number" in said
