"""The notice wizard's text step, end to end: a button's label (a stale keyboard of another flow)
is never taken as the notice; the cancel button leaves the wizard."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models import Grid, User
from models.scheduling import Broadcast
from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)

STAFF = 2001  # 李社工, 阳光社区


def _scheduler(h: Harness) -> SchedulerService:
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    return service


async def _second_grid_people(h: Harness) -> list[int]:
    """Registered people of 第二网格: the audience of these notices."""
    async with h.sessionmaker() as session:
        grid = (await session.exec(select(Grid).where(Grid.name == "第二网格"))).one()
        people = (
            await session.exec(
                select(User).where(
                    User.grid_id == grid.id,
                    col(User.consent_at).is_not(None),
                    col(User.forgotten_at).is_(None),
                )
            )
        ).all()
    audience = sorted(u.id for u in people)
    assert audience
    return audience


async def _to_text_step(
    d: Driver,
    *,
    grids: str = "选几个网格",
    pick: str = "请点选网格",
    done: str = "选好了",
    grid: str = "第二网格",
) -> None:
    """Staff open the notice wizard for 第二网格 (its English name in English) and reach the
    text step."""
    await d.say(STAFF, "/broadcast")
    await d.tap(STAFF, grids)
    picker = await d.expect(STAFF, pick)
    await d.tap(STAFF, grid, picker["message_id"])
    await d.tap(STAFF, done, picker["message_id"])


def _keyboard(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("keyboard") or []
    return [b["text"] if isinstance(b, dict) else b for row in rows for b in row]


async def _broadcasts(h: Harness) -> list[Broadcast]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(Broadcast))).all())


async def test_a_button_label_at_the_text_step_is_not_taken_as_the_notice(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    audience = await _second_grid_people(h)
    await _to_text_step(d)
    await d.expect(STAFF, "请输入通知内容")

    # buttons of other flows (a request's "说完了" and location, skip, the phone keyboard), in
    # either language: a polite answer each time, the step stays, nothing is drafted
    for label in ("✅ 说完了", "跳过", "📍 发送位置", "不修改", "✅ Done", "Skip"):
        [answer] = await d.say(STAFF, label)
        text = message_text(answer)
        assert "是按钮上的字" in text and "请直接输入通知的文字" in text, text
        assert "将发给" not in text
        assert _keyboard(answer) == ["⬅️ 上一步", "✖️ 取消"]  # the stale keyboard is replaced
    assert await _broadcasts(h) == []

    # the typed notice is then taken as before, and that is what residents get
    typed = await d.send(STAFF, "说完了再走：周六上午5号楼前义诊。")
    preview = await d.expect(STAFF, "将发给", since=typed["message_id"], timeout=15)
    assert "说完了再走：周六上午5号楼前义诊。" in message_text(preview)
    [draft] = await _broadcasts(h)
    assert draft.text == "说完了再走：周六上午5号楼前义诊。"
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    await d.expect(STAFF, "已发送", since=preview["message_id"], timeout=15)
    await _scheduler(h).drain()
    for uid in audience:
        got = await d.expect(uid, "周六上午5号楼前义诊")
        assert "说完了" not in message_text(got).replace("说完了再走", "")
    assert not await d.errors()


async def test_the_cancel_button_at_the_text_step_leaves_the_wizard(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    await _to_text_step(d)
    await d.expect(STAFF, "请输入通知内容")
    cancel = await d.send(STAFF, "✖️ 取消")
    done = await d.expect(STAFF, "已取消", since=cancel["message_id"])
    assert "📢 发通知" in _keyboard(done)  # back at the main menu
    later = await d.send(STAFF, "周日上午9点，社区广场义诊，欢迎参加。")
    replies = await d.replies(STAFF, later["message_id"])
    assert not any("将发给" in message_text(m) for m in replies)
    assert await _broadcasts(h) == []


async def test_the_button_answer_comes_in_the_staff_members_language(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        staff = await session.get(User, STAFF)
        assert staff is not None
        staff.language = "en"
        session.add(staff)
        await session.commit()
    await _to_text_step(d, grids="Some grids", pick="Tap the grids", done="✅ Done", grid="Grid 2")
    await d.expect(STAFF, "Type the notice")
    for label in ("✅ 说完了", "✅ Done", "Skip"):
        [answer] = await d.say(STAFF, label)
        assert "is a button" in message_text(answer), message_text(answer)
        assert _keyboard(answer) == ["⬅️ Back", "✖️ Cancel"]
    assert await _broadcasts(h) == []
    typed = await d.send(STAFF, "Free health check on Saturday morning.")
    await d.expect(STAFF, "It will go to", since=typed["message_id"], timeout=15)
