"""Whether a member's name is shown on published results (组织晒单) and the points board is
their own answer: asked at 双报到, changed in 我的资料; without an answer they are not named."""

from __future__ import annotations

from models import MemberProfile
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_people import NEW, _apply_as_member


async def _profile(h: Harness, user_id: int) -> MemberProfile:
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, user_id)
    assert profile is not None
    return profile


async def test_sign_up_asks_whether_to_name_the_member(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _apply_as_member(h, NEW, named=False)
    confirm = await d.expect(NEW, "请确认")
    assert "晒单和积分榜：不显示名字，只写「林**」" in message_text(confirm), message_text(confirm)
    assert not (await _profile(h, NEW)).show_name_public


async def test_sign_up_named_yes_is_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    await _apply_as_member(h, NEW, named=True)
    confirm = await h.driver.expect(NEW, "请确认")
    assert "晒单和积分榜：显示名字（林小明）" in message_text(confirm)
    assert (await _profile(h, NEW)).show_name_public
