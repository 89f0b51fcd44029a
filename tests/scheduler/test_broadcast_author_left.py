"""A broadcast whose author stopped being staff of its community before it finished (revoked
while it was sending, or held for the night; staff elsewhere or not): the ex-staff hears no
more of it (no progress, no report with that community's recipient counts, no list of who was
not reached); the report goes to the community's staff who remain, saying whose notice it was,
and they can list who was not reached. Before, the report went to the author as ever (urgent,
never held)."""

from __future__ import annotations

from sqlmodel import select

from models import Community, Role, User
from models.scheduling import AudienceKind, Broadcast, BroadcastState
from sandbox.driver import message_text
from services import broadcast as broadcasts
from services import staff as staff_svc
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.scheduler.test_broadcast_flow import GRANNY, GRID_WORKER, STAFF, _scheduler

ADMIN = 1001  # 王主任 (LINLI_ADMIN_IDS in the sandbox)


async def test_the_report_of_a_notice_whose_author_left_goes_to_the_staff_who_remain(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "整个社区的居民")
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "明天上午9点停水，请提前储水。")
    await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    await d.block(GRANNY)
    await d.tap(STAFF, "✅ 发送")
    progress = await d.expect(STAFF, "已发送 0/", timeout=15)

    async with h.sessionmaker() as session:
        # 李社工 moves to 和谐社区: the admin takes away her staff role in 阳光社区
        await staff_svc.grant(
            session, telegram_id=STAFF, role=Role.STAFF, community_name="和谐社区"
        )
        sunshine = (
            await session.exec(select(Community).where(Community.name == "阳光社区"))
        ).one()
        await staff_svc.revoke(
            session,
            telegram_id=STAFF,
            role=Role.STAFF,
            community_id=sunshine.id,
            revoked_by=ADMIN,
        )
    service = _scheduler(h)
    await service.drain()
    await service.show_progress(force=True)
    await service.drain()

    handed = await d.expect(GRID_WORKER, "通知发送完毕")
    text = message_text(handed)
    assert "李社工 已不再负责阳光社区的工作" in text, text
    assert "「明天上午9点停水，请提前储水。」" in text and "已屏蔽机器人 1 人" in text, text
    await d.tap(GRID_WORKER, "查看没收到的人", handed["message_id"])
    who = await d.expect(GRID_WORKER, "没收到这条通知的人", since=handed["message_id"])
    assert "黄奶奶" in message_text(who)

    mine = [m for m in await d.messages(STAFF) if m["message_id"] >= progress["message_id"]]
    assert not [m for m in mine if "通知发送完毕" in message_text(m)], mine
    [line] = [m for m in mine if m["message_id"] == progress["message_id"]]
    assert "已发送 0/" in message_text(line)  # no counts after the role went
    async with h.sessionmaker() as session:
        [notice] = (await session.exec(select(Broadcast))).all()
        assert notice.state == BroadcastState.DONE
        assert notice.id is not None
    # the list of who was not reached (forged, or from a report she had kept): refused too
    answer = await d.click(STAFF, progress["message_id"], data=f"bc:unreached:{notice.id}")
    assert answer["answer"] is not None and "找不到这条通知" in answer["answer"]["text"]
    assert not [m for m in await d.messages(STAFF) if "没收到这条通知的人" in message_text(m)]


async def test_a_notice_to_every_community_whose_author_is_no_admin_any_more(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    """An admin's notice to everyone: the report goes to the admins left."""
    h = linli_sandbox
    async with h.sessionmaker() as session:
        session.add(User(id=1002, first_name="钱副主任", roles=f"{Role.RESIDENT},{Role.ADMIN}"))
        session.add(User(id=1003, first_name="孙科员", roles=f"{Role.RESIDENT},{Role.ADMIN}"))
        await session.commit()
        draft = Broadcast(
            author_id=1002, audience=AudienceKind.EVERYONE, text="<b>防汛</b>通知：今晚有暴雨"
        )
        await staff_svc.revoke(session, telegram_id=1002, role=Role.ADMIN)
        admin_ids = [ADMIN]
        assert not await broadcasts.author_may_follow(session, draft=draft, admin_ids=admin_ids)
        heirs = await broadcasts.report_heirs(session, draft=draft, admin_ids=admin_ids)
        assert [chat for chat, _ in heirs] == [ADMIN, 1003]
        assert broadcasts.excerpt(draft) == "防汛通知：今晚有暴雨"
        sunshine = (
            await session.exec(select(Community).where(Community.name == "阳光社区"))
        ).one()
        grid_notice = Broadcast(
            author_id=GRID_WORKER,
            community_id=sunshine.id,
            audience=AudienceKind.COMMUNITY,
            text="x",
        )
        assert await broadcasts.author_may_follow(session, draft=grid_notice, admin_ids=admin_ids)
