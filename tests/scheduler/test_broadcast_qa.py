"""QA defects D32 and D34 in the broadcast flow: forged target ids, the progress line, and the
sender header residents see."""

from __future__ import annotations

from sqlmodel import col, select

from models import Community, Grid, User
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区


async def test_forged_target_refused_and_the_notice_says_who_it_is_from(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        foreign = (
            await session.exec(
                select(Grid).join(Community).where(Community.name == "和谐社区")  # type: ignore[arg-type]
            )
        ).first()
        second = (await session.exec(select(Grid).where(Grid.name == "第二网格"))).one()
        people = sorted(
            u.id
            for u in (
                await session.exec(
                    select(User).where(
                        User.grid_id == second.id,
                        col(User.consent_at).is_not(None),
                        col(User.forgotten_at).is_(None),
                    )
                )
            ).all()
        )
    assert foreign is not None and people

    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几个网格")
    picker = await d.expect(STAFF, "请点选网格")
    # a 和谐社区 grid id (or any id not on the buttons): a stale-button answer, nothing stored
    answer = await d.click(STAFF, picker["message_id"], data=f"bc:tgt:{foreign.id}")
    assert "按钮已经失效" in str(answer)
    answer = await d.click(STAFF, picker["message_id"], data="bc:tgt:99999")
    assert "按钮已经失效" in str(answer)
    # the draft is intact: the real grid, done, text → preview
    await d.tap(STAFF, "第二网格", picker["message_id"])
    await d.tap(STAFF, "选好了", picker["message_id"])
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "周六上午在5号楼前义诊。")
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    assert f"将发给 {len(people)} 人" in message_text(preview)
    assert "阳光社区通知" in message_text(preview)

    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    progress = await d.expect(STAFF, "已发送", since=preview["message_id"], timeout=15)
    # the total is known from the first moment (the handler does not edit the line afterwards)
    assert f"/{len(people)}" in message_text(progress) and "…" not in message_text(progress)

    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()
    await service.show_progress(force=True)
    await service.drain()
    for uid in people:
        got = await d.expect(uid, "周六上午在5号楼前义诊")
        assert "阳光社区通知" in message_text(got) and "社区工作人员" in message_text(got)
    await d.expect(STAFF, "通知发送完毕", since=progress["message_id"])
    [line] = [m for m in await d.messages(STAFF) if m["message_id"] == progress["message_id"]]
    assert f"已发送 {len(people)}/{len(people)}" in message_text(line)


async def test_a_forged_send_posts_no_progress_line(linli_sandbox: Harness) -> None:  # noqa: F811
    d = linli_sandbox.driver
    greeting = (await d.say(STAFF, "/start"))[-1]
    before = len(await d.messages(STAFF))
    answer = await d.click(STAFF, greeting["message_id"], data="bc:send:99999")
    assert "找不到这条通知" in str(answer)
    assert len(await d.messages(STAFF)) == before  # QA D46: no stray "已发送 0/…" line


async def test_staff_are_told_when_quiet_hours_hold_a_notice(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    from datetime import UTC, datetime

    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 24, 14, 30, tzinfo=UTC))  # 22:30 in Shanghai
    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几个网格")
    picker = await d.expect(STAFF, "请点选网格")
    await d.tap(STAFF, "第二网格", picker["message_id"])
    await d.tap(STAFF, "选好了", picker["message_id"])
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "明天上午停水。")
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    held = await d.expect(STAFF, "免打扰", since=preview["message_id"], timeout=15)
    assert "11-25 07:00" in message_text(held)
