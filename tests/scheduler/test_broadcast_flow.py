"""Broadcasts end to end: staff compose, preview, confirm; progress edited; report; unreached."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import col, select

import scheduler.service as scheduler_service
from models import Community, User
from models.scheduling import Broadcast, BroadcastState, Delivery, DeliveryState
from sandbox.driver import message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区
GRID_WORKER = 2002  # 张网格员, 阳光社区 第一网格 only
GRANNY = 4005  # 黄奶奶, 阳光社区 1号楼


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def test_staff_broadcast_to_a_building_with_progress_and_report(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        building_people = (
            await session.exec(
                select(User).where(
                    col(User.consent_at).is_not(None),
                    col(User.building_id).in_(
                        select(User.building_id).where(User.id == GRANNY).scalar_subquery()
                    ),
                )
            )
        ).all()
    audience = sorted(u.id for u in building_people)
    assert GRANNY in audience and len(audience) >= 2

    await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "选几栋楼")
    await d.expect(STAFF, "请点选楼栋")
    await d.tap(STAFF, "1号楼")
    await d.tap(STAFF, "选好了")
    await d.expect(STAFF, "请输入通知内容")
    typed = await d.send(STAFF, "明天上午9点停水，请提前储水。")
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    assert f"将发给 {len(audience)} 人" in message_text(preview)
    assert "明天上午9点停水" in message_text(preview)

    await d.block(GRANNY)  # she blocked the bot: the report must say so
    await d.tap(STAFF, "✅ 发送")
    progress = await d.expect(STAFF, "已发送 0/", timeout=15)

    service = _scheduler(h)
    await service.drain()
    await service.show_progress(force=True)
    await service.drain()

    for uid in audience:
        if uid != GRANNY:
            await d.expect(uid, "明天上午9点停水")
    report = await d.expect(STAFF, "通知发送完毕", since=progress["message_id"])
    assert "已屏蔽机器人 1 人" in message_text(report)
    edited = [m for m in await d.messages(STAFF) if m["message_id"] == progress["message_id"]]
    assert f"已发送 {len(audience)}/{len(audience)}" in message_text(edited[0])

    await d.tap(STAFF, "查看没收到的人")
    who = await d.expect(STAFF, "没收到这条通知的人", since=report["message_id"])
    assert "黄奶奶" in message_text(who)


async def test_grid_worker_cannot_broadcast_to_the_whole_community(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    """A grid worker is offered what they may write to: their grid and its buildings. Before,
    the form offered 整个社区的居民, the members and every grid and building, and refused only
    once the notice was typed."""
    d = linli_sandbox.driver
    [form] = await d.say(GRID_WORKER, "📢 发通知")
    assert _labels(form) == ["选几个网格", "选几栋楼"]
    await d.tap(GRID_WORKER, "选几个网格", form["message_id"])
    grids = await d.expect(GRID_WORKER, "请点选网格", since=form["message_id"] - 1)
    assert _labels(grids) == ["第一网格", "✅ 选好了", "⬅️ 上一步"]
    forged = await d.click(GRID_WORKER, form["message_id"], data="bc:tgt:2")
    assert forged["answer"]["show_alert"]
    [form] = await d.say(GRID_WORKER, "📢 发通知")
    await d.tap(GRID_WORKER, "选几栋楼", form["message_id"])
    buildings = await d.expect(GRID_WORKER, "请点选楼栋", since=form["message_id"] - 1)
    assert _labels(buildings)[:-2] == ["1号楼", "2号楼", "3号楼"]  # then 选好了, 上一步
    # the whole community's button, from an older form or forged: refused at the tap
    community = await d.click(GRID_WORKER, form["message_id"], data="bca:aud:0:1")
    assert "没有权限" in community["answer"]["text"]
    members = await d.click(GRID_WORKER, form["message_id"], data="bca:aud:3:1")
    assert "没有权限" in members["answer"]["text"]


def _labels(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["text"] for row in rows for b in row]


async def test_staff_set_their_community_quiet_hours(linli_sandbox: Harness) -> None:  # noqa: F811
    d = linli_sandbox.driver
    shown = await d.send(STAFF, "/quiet")
    await d.expect(STAFF, "22:00–07:00", since=shown["message_id"])
    changed = await d.send(STAFF, "/quiet 21:30 7:30")
    await d.expect(STAFF, "21:30–07:30", since=changed["message_id"])
    off = await d.send(STAFF, "/quiet off")
    await d.expect(STAFF, "已关闭免打扰", since=off["message_id"])
    bad = await d.send(STAFF, "/quiet 25:00 07:00")
    await d.expect(STAFF, "时间格式不对", since=bad["message_id"])
    refused = await d.send(GRID_WORKER, "/quiet 20:00 08:00")
    await d.expect(GRID_WORKER, "只能由该社区的社区工作人员修改", since=refused["message_id"])


async def test_a_crash_between_closing_a_broadcast_and_its_report_loses_no_report(
    linli_sandbox: Harness,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The broadcast is closed and its report queued in one transaction.

    Found by the SIGKILL test: the process was stopped after the broadcast was marked done and
    before the author's report was queued, and the report never went.
    """
    h = linli_sandbox
    service = _scheduler(h)

    def killed(*args: object, **kwargs: object) -> None:
        raise RuntimeError("process killed here")

    # in place before the broadcast exists: the scheduler's own beat meets the same fault
    monkeypatch.setattr(scheduler_service, "enqueue", killed)
    async with h.sessionmaker() as session:
        # 李社工's notice to her community (its report goes to her while she works there)
        sunshine = (
            await session.exec(select(Community).where(Community.name == "阳光社区"))
        ).one()
        notice = Broadcast(
            author_id=STAFF,
            community_id=sunshine.id,
            text="停水通知",
            state=BroadcastState.SENDING,
        )
        session.add(notice)
        await session.flush()
        session.add(
            Delivery(
                chat_id=GRANNY,
                kind="broadcast",
                text="停水通知",
                broadcast_id=notice.id,
                state=DeliveryState.SENT,
            )
        )
        await session.commit()
        notice_id = notice.id

    with pytest.raises(RuntimeError):
        await service.show_progress(force=True)
    async with h.sessionmaker() as session:
        again = await session.get(Broadcast, notice_id)
        assert again is not None and again.state == BroadcastState.SENDING

    monkeypatch.undo()  # the restarted process
    await service.show_progress(force=True)
    await service.drain()
    report = await h.driver.expect(STAFF, "通知发送完毕")
    assert "共 1 人：送达 1 人" in message_text(report)
