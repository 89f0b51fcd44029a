"""A member who signed up before 双报到 asked whether to name them is told once that results
and the points board now write '赵**', and answers with the notice's buttons (e2e)."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import col

from models import MemberProfile
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from services.member_jobs import ensure_name_consent_asked
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import LIU, ZHAO


async def test_member_never_asked_is_told_once_and_agrees(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    # 赵医生 signed up before the question existed (the demo's members have answered)
    async with h.sessionmaker() as session:
        await session.exec(  # type: ignore[call-overload]
            update(MemberProfile)
            .where(col(MemberProfile.user_id) == ZHAO)
            .values(name_asked_at=None)
        )
        await session.commit()
    before = await d.messages(ZHAO)
    mark = before[-1]["message_id"] if before else 0
    # the scheduler starts (again): the notice goes to her, and to nobody else
    for _ in range(2):
        async with h.sessionmaker() as session:
            await ensure_name_consent_asked(
                session, now=h.clock.now, zone=h.sandbox.app.settings.zone
            )
        await service.run_due()
        await service.drain()
    notice = await d.expect(ZHAO, "不显示您的名字", since=mark)
    assert "只写「赵**」" in message_text(notice) and "同意显示「赵敏」" in message_text(notice)
    assert [
        m for m in await d.messages(ZHAO, since=mark) if "不显示您的名字" in message_text(m)
    ] == [notice]
    assert not [m for m in await d.messages(LIU) if "不显示您的名字" in message_text(m)]
    tapped = await d.click(ZHAO, notice["message_id"], text="🙋 同意显示「赵敏」")
    assert tapped["answer"] is not None and "以后发布的晒单也会署名" in tapped["answer"]["text"]
    # the notice keeps its text, loses its buttons and says what she chose
    answered = await d.expect(ZHAO, "晒单和积分榜：显示我的名字（赵敏）", since=mark)
    assert answered["message_id"] == notice["message_id"]
    assert not (answered.get("reply_markup") or {}).get("inline_keyboard")
    async with h.sessionmaker() as session:
        profile = await session.get(MemberProfile, ZHAO)
        assert profile is not None and profile.show_name_public
