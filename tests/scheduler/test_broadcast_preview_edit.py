"""📢 发通知's preview has ✏️ 修改, as a meeting's or a poll's preview has: the notice's text or
who gets it is changed without typing everything again. A new text keeps the audience (and the
picture); a new audience keeps the text and shows the new preview at once. The changed notice
replaces the draft (one of the two only can ever go out): the old preview's buttons go, and an
older tap of its ✅ 发送 sends nothing. A change cancelled leaves the preview as it was. Before,
the preview offered only 发送, 紧急发送 and 不发了: a typo meant dropping it and starting again."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from models.scheduling import Broadcast, BroadcastState
from sandbox.driver import Driver, message_text
from scheduler.service import SchedulerService
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.scheduler.test_broadcast_form_steps import _now, _once
from tests.scheduler.test_broadcast_stale_cancel import _data
from tests.support import inline_labels

STAFF = 2001  # 李社工, 阳光社区
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼
ZHENG = 4003  # 郑先生, 阳光社区 5号楼
PREVIEW_BUTTONS = ["✅ 发送", "🚨 紧急，立即发送", "✏️ 修改", "✖️ 不发了"]


async def _preview(d: Driver, text: str) -> dict[str, Any]:
    """李社工 writes `text` to the whole community: its preview (the message with buttons)."""
    [audience] = await d.say(STAFF, "📢 发通知")
    await d.tap(STAFF, "整个社区的居民", audience["message_id"])
    await _once(d, audience["message_id"], "请输入通知内容")
    typed = await d.send(STAFF, text)
    return await d.expect(STAFF, "将发给", since=typed["message_id"])


async def _change(d: Driver, preview: dict[str, Any], what: str) -> dict[str, Any]:
    """✏️ 修改 → `what` (通知内容 / 发送对象): the question, now the form's step."""
    await d.tap(STAFF, "✏️ 修改", preview["message_id"])
    ask = await d.expect(STAFF, "要修改什么", since=preview["message_id"])
    await d.tap(STAFF, what, ask["message_id"])
    return ask


async def _drafts(h: Harness) -> list[Broadcast]:
    async with h.sessionmaker() as session:
        return list((await session.exec(select(Broadcast).order_by(col(Broadcast.id)))).all())


async def _send(h: Harness, preview: dict[str, Any]) -> None:
    await h.driver.tap(STAFF, "✅ 发送", preview["message_id"])
    await h.driver.expect(STAFF, "正在发送", since=preview["message_id"])
    service = h.sandbox.app.dp["scheduler"]
    assert isinstance(service, SchedulerService)
    await service.drain()


async def test_the_text_is_changed_and_the_audience_kept(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(d, "周六停水")
    assert inline_labels(preview) == PREVIEW_BUTTONS
    old_send = _data(preview, "bc:send:")
    ask = await _change(d, preview, "通知内容")
    asked = await _once(d, ask["message_id"], "改好的通知内容")
    assert "原来的内容在上面的预览里" in message_text(asked)
    typed = await d.send(STAFF, "周六上午9点到12点停水，请提前储水。")
    again = await d.expect(STAFF, "将发给", since=typed["message_id"])
    assert "周六上午9点到12点停水" in message_text(again)
    assert inline_labels(again) == PREVIEW_BUTTONS
    assert message_text(again).split("将发给")[1] == message_text(preview).split("将发给")[1]
    # the old preview's buttons are spent, and an older tap of its 发送 sends nothing
    assert inline_labels(await _now(d, preview["message_id"])) == []
    answer = await d.click(STAFF, preview["message_id"], data=old_send)
    assert "可能已取消" in answer["answer"]["text"], answer
    old, new = await _drafts(h)
    assert old.state == BroadcastState.CANCELLED and new.state == BroadcastState.DRAFT
    assert (new.audience, new.text) == ("community", "周六上午9点到12点停水，请提前储水。")
    await _send(h, again)
    got = await d.expect(ZHOU, "停水")
    assert "周六上午9点到12点停水" in message_text(got)


async def test_the_audience_is_changed_and_the_text_kept(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(d, "1号楼电梯周三检修，请走楼梯。")
    ask = await _change(d, preview, "发送对象")
    await _once(d, ask["message_id"], "这条通知发给谁")
    await d.tap(STAFF, "选几栋楼", ask["message_id"])
    await _once(d, ask["message_id"], "请点选楼栋")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await _once(d, ask["message_id"], "✅ 1号楼")
    await d.tap(STAFF, "选好了", ask["message_id"])
    # no text asked for: the new preview comes at once, the text as it was
    again = await d.expect(STAFF, "将发给", since=ask["message_id"])
    assert "1号楼电梯周三检修" in message_text(again)
    assert inline_labels(again) == PREVIEW_BUTTONS
    assert "通知内容不变" in message_text(await _now(d, ask["message_id"]))
    assert inline_labels(await _now(d, preview["message_id"])) == []
    _old, new = await _drafts(h)
    assert new.audience == "buildings" and new.text == "1号楼电梯周三检修，请走楼梯。"
    await _send(h, again)
    await d.expect(ZHOU, "1号楼电梯周三检修")
    assert not [m for m in await d.messages(ZHENG) if "电梯周三检修" in message_text(m)]


async def test_a_change_cancelled_leaves_the_preview_as_it_was(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(d, "周日上午社区义诊。")
    ask = await _change(d, preview, "通知内容")
    await _once(d, ask["message_id"], "改好的通知内容")
    [cancelled] = await d.say(STAFF, "取消")  # typed, as the question says
    assert "已取消修改" in message_text(cancelled) and "预览还在" in message_text(cancelled)
    assert inline_labels(await _now(d, preview["message_id"])) == PREVIEW_BUTTONS
    [draft] = await _drafts(h)
    assert draft.state == BroadcastState.DRAFT
    await _send(h, preview)
    await d.expect(ZHOU, "周日上午社区义诊")


async def test_a_change_left_for_the_menu_loses_nothing_and_says_nothing_was_lost(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    """A change under way holds nothing unsaved (the draft stays as it was): a menu button
    leaves it without '填到一半的内容没有保存', and the preview can still be sent."""
    h = linli_sandbox
    d = h.driver
    preview = await _preview(d, "周二下午小区消杀。")
    ask = await _change(d, preview, "发送对象")
    await _once(d, ask["message_id"], "这条通知发给谁")
    await d.tap(STAFF, "选几栋楼", ask["message_id"])
    await _once(d, ask["message_id"], "请点选楼栋")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await _once(d, ask["message_id"], "✅ 1号楼")
    replies = await d.say(STAFF, "🏛 议事管理")
    assert not [m for m in replies if "没有保存" in message_text(m)], replies
    assert inline_labels(await _now(d, preview["message_id"])) == PREVIEW_BUTTONS
    await _send(h, preview)
    await d.expect(ZHENG, "周二下午小区消杀")  # 5号楼: the whole community, as it was
