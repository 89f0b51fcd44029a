"""'😭' (or '🔥') from someone not registered yet: told to call the community office, they now
get the phone of each community office on file, in their language (names in English for an
English reader); before, no number at all, as they have no community yet. Someone registered
still gets their own office only. (handlers.fallback, services.org.offices_with_phone)"""

from __future__ import annotations

import pytest
from sqlmodel import select

from models import Community
from sandbox.driver import message_text
from tests.e2e.conftest import Harness

NEW = 5001  # unregistered, Chinese
ALEX = 5002  # unregistered, English
WU = 4002  # 吴大爷, registered resident of 阳光社区


@pytest.mark.parametrize(
    ("who", "emoji", "heading", "offices"),
    [
        (NEW, "😭", "各社区服务中心的电话", ("阳光社区：021-55500101", "和谐社区：021-55500202")),
        (NEW, "🔥", "各社区服务中心的电话", ("阳光社区：021-55500101",)),
        (
            ALEX,
            "😭",
            "community service centres' phones",
            ("Sunshine Community: 021-55500101", "Harmony Community: 021-55500202"),
        ),
    ],
)
async def test_the_offices_phones_before_registering(
    linli_sandbox: Harness, who: int, emoji: str, heading: str, offices: tuple[str, ...]
) -> None:
    d = linli_sandbox.driver
    [said] = await d.say(who, emoji)
    text = message_text(said)
    assert heading in text, text
    for office in offices:
        assert office in text, text
    assert await d.errors() == []


async def test_an_office_without_a_phone_is_not_listed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    async with h.sessionmaker() as session:
        hexie = (await session.exec(select(Community).where(Community.name == "和谐社区"))).one()
        hexie.phone = None
        session.add(hexie)
        await session.commit()
    [said] = await h.driver.say(NEW, "😭")
    text = message_text(said)
    assert "阳光社区：021-55500101" in text and "和谐社区" not in text, text
    # registered: their own office, as before, not the list
    [own] = await h.driver.say(WU, "😭")
    assert "各社区服务中心的电话" not in message_text(own), message_text(own)
    assert "021-55500101" in message_text(own), message_text(own)
    assert await h.driver.errors() == []
