"""Staff reading English who pick a meeting's buildings see their choice answered as English
lists things: the picker settles as '✅ 1号楼, 2号楼'. Before, it read '1号楼、2号楼' with the
Chinese list comma."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from tests.consult.test_e2e_qa_polls import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to


async def _answer(h: Harness, text: str, contains: str) -> dict[str, Any]:
    return await reply_to(h.driver, STAFF, text, contains)


async def test_picked_buildings_are_listed_the_english_way(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.add_user(id=STAFF, first_name="李社工", language_code="en")
    await reply_to(d, STAFF, "/start", "Hello")  # the bot learns her language
    menu = await reply_to(d, STAFF, "🏛 Consultations", "Consultations")
    await d.tap(STAFF, "➕ New meeting", menu["message_id"])
    picker = await d.expect(STAFF, "Choose the kind of meeting", since=menu["message_id"])
    await d.tap(STAFF, "Residents' council", picker["message_id"])
    await d.expect(STAFF, "meeting title", since=picker["message_id"])
    await _answer(h, "December council", "agenda")
    await _answer(h, "The year in review", "When does it start")
    duration = await _answer(h, "2026-11-26 19:30", "how long")
    await d.tap(STAFF, "90 min", duration["message_id"])
    await d.expect(STAFF, "place", since=duration["message_id"])
    kinds = await _answer(h, "Community hall", "Who is it for")
    await d.tap(STAFF, "Some buildings", kinds["message_id"])
    buildings = await d.expect(STAFF, "Choose one or more", since=kinds["message_id"])
    await d.tap(STAFF, "1号楼", buildings["message_id"])
    await d.tap(STAFF, "2号楼", buildings["message_id"])
    await d.tap(STAFF, "Done", buildings["message_id"])
    await d.expect(STAFF, "How many people", since=buildings["message_id"])
    [now] = [m for m in await d.messages(STAFF) if m["message_id"] == buildings["message_id"]]
    assert message_text(now).endswith("✅ 1号楼, 2号楼"), message_text(now)
