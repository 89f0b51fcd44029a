"""The staff card of a request by 5002 Alex, whose Telegram is in English: staff wrote results
and reasons in Chinese, not told he reads English; and it read 电话：- though his 报到 had
given 阳光社区's staff a phone. The card now says 🌐 居民使用英文 and shows that phone, marked
as given at sign-up; a sign-up to another community's staff is not shown (its consent was for
them), and it is not copied into his resident profile (he left none at registration)."""

from __future__ import annotations

from sqlmodel import select

from models import Community, User
from sandbox.driver import message_text
from services import members as member_service
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, WU, _file

ALEX = 5002  # English, unregistered


async def _sign_up(h: Harness, user_id: int, community: str, phone: str) -> None:
    """A member sign-up (pending) to `community`'s staff, with `phone`."""
    async with h.sessionmaker() as session:
        user = await session.get(User, user_id)
        assert user is not None
        [where] = (await session.exec(select(Community).where(Community.name == community))).all()
        application = member_service.MemberApplication(
            real_name="Alex Smith" if user_id == ALEX else "吴建国",
            work_unit="Acme Ltd",
            phone=phone,
            skills=["tutoring"],
            custom_skills="",
            community_id=where.id or 0,
            grid_id=None,
            show_name_public=False,
        )
        await member_service.apply(session, user=user, application=application)


async def _staff_card(h: Harness, number: str) -> str:
    d = h.driver
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, number, queue["message_id"])
    return message_text(await d.expect(STAFF, f"诉求 {number} ·", since=queue["message_id"]))


async def test_an_english_reader_with_a_signup_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.say(ALEX, "阳光社区1号楼 501")
    await d.expect(ALEX, "phone number")
    await d.say(ALEX, "Skip")
    await d.expect(ALEX, "Registration complete")
    await _sign_up(h, ALEX, "阳光社区", "13812345678")
    await d.say(ALEX, "📝 Report a problem")
    await d.say(ALEX, "楼道的灯坏了")
    [*_, preview] = await d.say(ALEX, "✅ Done")
    await d.tap(ALEX, "Submit", preview["message_id"])
    filed = await d.expect(ALEX, "Submitted, number", since=preview["message_id"] - 1)
    number = message_text(filed).split("number")[1].strip().split(".")[0].strip()

    card = await _staff_card(h, number)

    assert "🌐 居民使用英文" in card, card
    assert "电话：13812345678（报到时留的）" in card, card
    async with h.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None and alex.phone is None  # his profile keeps his choice
    assert await d.errors() == []


async def test_a_signup_to_another_community_is_not_shown(linli_sandbox: Harness) -> None:
    """吴大爷 (no phone, Chinese) signed up to serve 和谐社区: 阳光社区's staff do not see it."""
    h = linli_sandbox
    await _sign_up(h, WU, "和谐社区", "13812345678")
    number = await _file(h, WU, "楼道里的扶手松了")

    card = await _staff_card(h, number)

    assert "未留电话" in card and "13812345678" not in card, card
    assert "🌐" not in card, card
