"""A poll or meeting for an audience where nobody lives (3号楼 and 6号楼 have no registered
resident in the demo) is not published as '已通知 0 人' unwarned: its preview says 0 people
would be told and offers 📣 仍然发布 or 👥 改面向范围; 📣 发布 on its draft card asks the same.
Before, it went out to nobody with no word of it."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.consultations import Meeting, MeetingStatus, Poll, PollStatus
from sandbox.driver import Driver, message_text
from tests.consult.poll_form import STAFF
from tests.e2e.conftest import Harness
from tests.support import reply_to

NOBODY = "发布后会通知：0 人"


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


async def _now(d: Driver, message: dict[str, Any]) -> dict[str, Any]:
    [current] = [m for m in await d.messages(STAFF) if m["message_id"] == message["message_id"]]
    return current


async def _pick_buildings(d: Driver, ask: dict[str, Any], *names: str) -> dict[str, Any]:
    """指定楼栋 under the audience question, the buildings named, ✅ 完成: the picker."""
    await d.tap(STAFF, "指定楼栋", ask["message_id"])
    pick = await d.expect(STAFF, "可多选", since=ask["message_id"])
    for name in names:
        await d.tap(STAFF, name, pick["message_id"])
    await d.tap(STAFF, "✅ 完成", pick["message_id"])
    return pick


async def _poll_draft(d: Driver, building: str) -> dict[str, Any]:
    """A poll for one building, through the form, up to its preview."""
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    await d.say(STAFF, f"{building}要不要加装电梯？")
    ask = await reply_to(d, STAFF, "要\n不要", "单选还是多选")
    await d.tap(STAFF, "单选", ask["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=ask["message_id"])
    pick = await _pick_buildings(d, ask, building)
    ask = await d.expect(STAFF, "谁可以投票", since=pick["message_id"])
    await d.tap(STAFF, "已登记住址的居民", ask["message_id"])
    ask = await d.expect(STAFF, "一户一票", since=ask["message_id"])
    await d.tap(STAFF, "❌ 否", ask["message_id"])
    await d.expect(STAFF, "截止时间", since=ask["message_id"])
    [ask] = await d.say(STAFF, "2026-11-24 20:00")
    await d.tap(STAFF, "匿名", ask["message_id"])
    ask = await d.expect(STAFF, "结果什么时候公开", since=ask["message_id"])
    await d.tap(STAFF, "截止后公开", ask["message_id"])
    await d.expect(STAFF, "参与比例才有效", since=ask["message_id"])
    await d.say(STAFF, "跳过")
    [first, *_] = await d.say(STAFF, "跳过")
    return await d.expect(STAFF, "预览", since=first["message_id"] - 1)


async def test_poll_for_nobody_warned_and_its_audience_changed(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _poll_draft(d, "3号楼")
    text = message_text(preview)
    assert NOBODY in text and "3号楼目前没有在机器人上登记的居民" in text
    assert _labels(preview) == ["📣 仍然发布", "👥 改面向范围", "✏️ 修改", "❌ 取消投票"]
    # 👥 改面向范围: who it is for is asked again; 1号楼 has residents
    await d.tap(STAFF, "👥 改面向范围", preview["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=preview["message_id"])
    assert not _labels(await _now(d, preview))  # the warned preview's buttons are spent
    pick = await _pick_buildings(d, ask, "1号楼")
    await d.expect(STAFF, "面向范围已改为：1号楼", since=pick["message_id"])
    again = await d.expect(STAFF, "预览", since=pick["message_id"])
    assert "👥 面向：1号楼" in message_text(again) and NOBODY not in message_text(again)
    assert _labels(again) == ["📣 发布", "✏️ 修改", "❌ 取消投票"]
    async with h.sessionmaker() as session:
        poll = (await session.exec(select(Poll))).one()
        assert poll.status == PollStatus.DRAFT and poll.audience_kind == "buildings"
    await d.tap(STAFF, "📣 发布", again["message_id"])
    done = await d.expect(STAFF, "投票已发布", since=again["message_id"])
    assert "已通知 0 人" not in message_text(done)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Poll))).one().status == PollStatus.OPEN


async def test_poll_for_nobody_published_anyway(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _poll_draft(d, "6号楼")
    assert NOBODY in message_text(preview)
    await d.tap(STAFF, "📣 仍然发布", preview["message_id"])
    done = await d.expect(STAFF, "投票已发布", since=preview["message_id"])
    assert "已通知 0 人" in message_text(done)
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Poll))).one().status == PollStatus.OPEN


async def test_meeting_for_nobody_warned_on_its_preview_and_its_card(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建议事会")
    await d.expect(STAFF, "请选择会议类型")
    await d.tap(STAFF, "楼栋夜话")
    await d.expect(STAFF, "会议标题")
    await d.say(STAFF, "6号楼楼栋夜话")
    await d.say(STAFF, "楼道堆物")
    await d.say(STAFF, "2026-11-25 19:30")
    await d.tap(STAFF, "90 分钟")
    await d.expect(STAFF, "开会地点")
    [ask] = await d.say(STAFF, "6号楼下")
    pick = await _pick_buildings(d, ask, "6号楼")
    await d.expect(STAFF, "最多多少人", since=pick["message_id"])
    [first, *_] = await d.say(STAFF, "不限")
    preview = await d.expect(STAFF, "预览", since=first["message_id"] - 1)
    assert NOBODY in message_text(preview) and "6号楼目前没有" in message_text(preview)
    assert _labels(preview) == ["📣 仍然发布", "👥 改面向范围", "✏️ 修改", "❌ 取消会议"]
    # the draft's card: its 📣 发布 does not publish to nobody unasked
    hub = await reply_to(d, STAFF, "🏛 议事管理", "选择要做的事")
    await d.tap(STAFF, "📋 议事会列表", hub["message_id"])
    listed = await d.expect(STAFF, "近期议事会", since=hub["message_id"])
    await d.tap(STAFF, "6号楼楼栋夜话", listed["message_id"])
    card = await d.expect(STAFF, "状态：草稿", since=listed["message_id"])
    await d.tap(STAFF, "📣 发布", card["message_id"])
    warned = await d.expect(STAFF, NOBODY, since=card["message_id"])
    assert _labels(warned) == ["📣 仍然发布", "👥 改面向范围", "❌ 取消会议"]
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Meeting))).one().status == MeetingStatus.DRAFT
    await d.tap(STAFF, "📣 仍然发布", warned["message_id"])
    await d.expect(STAFF, "已发布，正在通知 0 人", since=warned["message_id"])
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Meeting))).one().status == MeetingStatus.PUBLISHED
    assert (await d.errors()) == []


async def test_change_audience_asks_before_leaving_a_form_and_reads_typed_words(
    linli_sandbox: Harness,
) -> None:
    """👥 改面向范围 with another form half filled asks first, as other form starters do
    (before, the half-filled form was dropped without a word); at its audience question,
    '全社区' / 'everyone' typed is the 全社区 tap, as at the forms' audience step (before, it
    was not understood)."""
    h = linli_sandbox
    d = h.driver
    preview = await _poll_draft(d, "3号楼")
    assert NOBODY in message_text(preview)
    # another poll begun: its question typed, so there is something to lose
    await d.say(STAFF, "🏛 议事管理")
    await d.tap(STAFF, "➕ 新建投票")
    await d.expect(STAFF, "请输入投票问题")
    [options] = await d.say(STAFF, "垃圾分类点设在哪里？")
    await d.tap(STAFF, "👥 改面向范围", preview["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=options["message_id"])
    assert "「新建投票」" in message_text(busy) and "改面向范围" in message_text(busy)
    assert _labels(busy) == ["↩️ 继续填写「新建投票」", "✍️ 不填了，开始改面向范围"]
    assert _labels(await _now(d, preview)), "nothing changed yet: the warning keeps its buttons"
    await d.tap(STAFF, "↩️ 继续填写「新建投票」", busy["message_id"])
    await d.expect(STAFF, "请接着填写「新建投票」", since=busy["message_id"])
    # asked again, and left this time: the audience is asked; the warning's buttons are spent
    await d.tap(STAFF, "👥 改面向范围", preview["message_id"])
    busy = await d.expect(STAFF, "没有填完", since=busy["message_id"])
    await d.tap(STAFF, "✍️ 不填了，开始改面向范围", busy["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=busy["message_id"])
    assert not _labels(await _now(d, preview))
    # typed rather than tapped
    sent = await d.send(STAFF, "全社区")
    changed = await d.expect(STAFF, "面向范围已改为", since=sent["message_id"])
    assert "面向范围已改为：全社区" in message_text(changed), message_text(changed)
    again = await d.expect(STAFF, "预览", since=ask["message_id"])
    assert NOBODY not in message_text(again)
    assert _labels(again) == ["📣 发布", "✏️ 修改", "❌ 取消投票"]
    assert "全社区" in message_text(await _now(d, ask))  # the question shows the answer
    async with h.sessionmaker() as session:
        polls = (await session.exec(select(Poll))).all()
        assert [p.audience_kind for p in polls] == ["community"]
    assert await d.errors() == []


async def test_change_audience_reads_everyone_in_english(linli_sandbox: Harness) -> None:
    """'everyone' at the audience question 👥 改面向范围 asks: the whole community."""
    h = linli_sandbox
    d = h.driver
    preview = await _poll_draft(d, "6号楼")
    await d.tap(STAFF, "👥 改面向范围", preview["message_id"])
    ask = await d.expect(STAFF, "面向哪些人", since=preview["message_id"])
    sent = await d.send(STAFF, "everyone")
    changed = await d.expect(STAFF, "面向范围已改为", since=sent["message_id"])
    assert "面向范围已改为：全社区" in message_text(changed), message_text(changed)
    await d.expect(STAFF, "预览", since=ask["message_id"])
    async with h.sessionmaker() as session:
        assert (await session.exec(select(Poll))).one().audience_kind == "community"
    assert await d.errors() == []
