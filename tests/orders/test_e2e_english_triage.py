"""Alex (5002, English) reports a matter in English: the preview suggests the category its
Chinese would get. Before, 'hi, the elevator in my building has been stuck for two days' was
previewed as 'Public safety and fire', and a gas smell in English was not urgent."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import reply_to

ALEX = 5002  # English, unregistered


async def _preview(h: Harness, text: str) -> dict:
    await reply_to(h.driver, ALEX, "📝 Report a problem", "")
    await reply_to(h.driver, ALEX, text, "Got it")
    return await reply_to(h.driver, ALEX, "✅ Done", "Category: ")


async def test_an_english_request_is_previewed_in_its_category(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.say(ALEX, "阳光社区1号楼 501")
    await d.expect(ALEX, "phone number")
    await d.say(ALEX, "Skip")
    await d.expect(ALEX, "Registration complete")

    preview = await _preview(h, "hi, the elevator in my building has been stuck for two days")
    text = message_text(preview)
    assert "Category: Public facilities (lifts, street lights, roads, access gates)" in text, text
    assert "not sure of the category" not in text, text
    assert "Urgent" not in text.replace("Not urgent", ""), text
    await d.tap(ALEX, "Submit", preview["message_id"])
    await d.expect(ALEX, "Submitted, number", since=preview["message_id"] - 1)

    # a gas smell said in English is heating and gas, and urgent
    gas = await _preview(h, "it smells like gas in the corridor outside my flat")
    text = message_text(gas)
    assert "Category: Heating and gas" in text, text
    assert "🚨 Urgent" in text, text

    async with h.sessionmaker() as session:
        [filed] = (await session.exec(select(Request).where(Request.resident_id == ALEX))).all()
    assert filed.category == "facilities" and not filed.urgent
    assert await d.errors() == []


STAFF = 2001  # 李社工, Chinese, staff of 阳光社区


async def test_smoke_next_door_a_boiler_and_not_working(linli_sandbox: Harness) -> None:
    """Smoke from a neighbour's flat is a fire and urgent (was previewed as a neighbour
    dispute); a boiler is heating (was water and electricity with 'no hot water'); staff read
    'not working' among the keywords, not 'working'."""
    h = linli_sandbox
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.say(ALEX, "Sunshine community, building 1, 501")
    await d.expect(ALEX, "phone number")
    await d.say(ALEX, "Skip")
    await d.expect(ALEX, "Registration complete")

    smoke = message_text(await _preview(h, "smoke coming from my neighbour's flat"))
    assert "Category: Public safety and fire" in smoke, smoke
    assert "🚨 Urgent" in smoke, smoke
    await reply_to(d, ALEX, "✖️ Cancel", "")

    boiler = await _preview(h, "my boiler is not working, no hot water")
    assert "Category: Heating and gas" in message_text(boiler), message_text(boiler)
    await d.tap(ALEX, "Submit", boiler["message_id"])
    filed = await d.expect(ALEX, "Submitted, number", since=boiler["message_id"] - 1)
    number = message_text(filed).split("number")[1].strip().split(".")[0].strip()
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, number, queue["message_id"])
    card = message_text(await d.expect(STAFF, f"诉求 {number} ·", since=queue["message_id"]))
    keywords = card.split("关键词：")[1].split("\n")[0]
    assert "not working" in keywords.split("、"), keywords
    assert "working" not in keywords.split("、"), keywords
    assert await d.errors() == []
