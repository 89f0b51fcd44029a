"""📢 发通知 goes back a step (DESIGN: every flow goes back a step): the grids or buildings, the
notice's text and (for someone of several communities) the audience have ⬅️ 上一步, which shows
the step before in the same message with what was picked still picked; '⬅️ 上一步' typed
instead of the notice does the same and is never the notice. Before, a wrong audience meant
cancelling and starting again, and '⬅️ 上一步' typed there was refused as 'not text'."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import Grid
from models.scheduling import Broadcast
from sandbox.driver import Driver, message_text
from tests.e2e.conftest import Harness, linli_sandbox  # noqa: F401  (the e2e fixture)
from tests.scheduler.test_broadcast_form_steps import STAFF, _once

ADMIN = 1001  # 王主任: both communities


def _labels(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def _once_as(d: Driver, user: int, message_id: int, shows: str) -> dict[str, Any]:
    for _ in range(20):
        chat = await d.messages(user)
        [now] = [m for m in chat if m["message_id"] == message_id]
        if shows in message_text(now) + str(now.get("reply_markup")):
            return now
        # since the chat's last message: returns on an edit or a new message, not at once
        await d.wait(user, chat[-1]["message_id"], 0.25)
    raise AssertionError(f"message {message_id} never showed {shows!r}")


async def test_notice_form_goes_back_and_sends_the_changed_audience(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    h = linli_sandbox
    d = h.driver
    [audience] = await d.say(STAFF, "📢 发通知")
    mid = audience["message_id"]
    assert "⬅️ 上一步" not in _labels(audience)  # one community: the audience is the first step
    await d.tap(STAFF, "选几栋楼", mid)
    await _once(d, mid, "请点选楼栋")
    await d.tap(STAFF, "1号楼", mid)
    await _once(d, mid, "✅ 1号楼")
    await d.tap(STAFF, "选好了", mid)
    text_step = await _once(d, mid, "请输入通知内容")
    assert _labels(text_step) == ["⬅️ 上一步"]
    # back to the buildings: 1号楼 still picked; back again to the audience
    await d.tap(STAFF, "⬅️ 上一步", mid)
    await _once(d, mid, "✅ 1号楼")
    await d.tap(STAFF, "⬅️ 上一步", mid)
    await _once(d, mid, "这条通知发给谁")
    await d.tap(STAFF, "选几个网格", mid)
    await _once(d, mid, "请点选网格")
    await d.tap(STAFF, "第一网格", mid)
    await _once(d, mid, "✅ 第一网格")
    await d.tap(STAFF, "选好了", mid)
    await _once(d, mid, "请输入通知内容")
    # typed instead of the notice: not a notice, the grids asked again in a new message
    [grids] = await d.say(STAFF, "⬅️ 上一步")
    assert "请点选网格" in message_text(grids) and "✅ 第一网格" in str(grids["reply_markup"])
    await d.tap(STAFF, "选好了", grids["message_id"])
    await _once(d, grids["message_id"], "请输入通知内容")
    replies = await d.say(STAFF, "周六上午第一网格停水")
    preview = replies[-1]
    assert "将发给" in message_text(preview)
    await d.tap(STAFF, "✅ 发送", preview["message_id"])
    await d.expect(STAFF, "正在发送", since=preview["message_id"])
    await d.expect(4001, "周六上午第一网格停水")  # 周阿姨, 1号楼 in 第一网格: published
    async with h.sessionmaker() as session:
        [draft] = (await session.exec(select(Broadcast))).all()
        first = (await session.exec(select(Grid).where(Grid.name == "第一网格"))).first()
    assert first is not None
    assert draft.text == "周六上午第一网格停水" and draft.audience == "grids"
    assert draft.target_id_list == [first.id]


async def test_several_communities_go_back_to_the_community(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    d = linli_sandbox.driver
    [communities] = await d.say(ADMIN, "📢 发通知")
    mid = communities["message_id"]
    assert "⬅️ 上一步" not in _labels(communities)
    await d.tap(ADMIN, "阳光社区", mid)
    audience = await _once_as(d, ADMIN, mid, "这条通知发给谁")
    assert _labels(audience)[-1] == "⬅️ 上一步"
    await d.tap(ADMIN, "⬅️ 上一步", mid)
    await _once_as(d, ADMIN, mid, "发给哪个社区")
    await d.tap(ADMIN, "和谐社区", mid)
    await _once_as(d, ADMIN, mid, "这条通知发给谁")
    await d.tap(ADMIN, "整个社区的居民", mid)
    text_step = await _once_as(d, ADMIN, mid, "请输入通知内容")
    assert _labels(text_step) == ["⬅️ 上一步"]
    await d.tap(ADMIN, "⬅️ 上一步", mid)
    await _once_as(d, ADMIN, mid, "这条通知发给谁")


async def test_picture_sent_before_going_back_is_mentioned_when_the_text_is_asked_again(
    linli_sandbox: Harness,  # noqa: F811
) -> None:
    """A picture sent at the text step stays with the notice after ⬅️ 上一步; the text asked
    again says so (before, it was kept silently and came as a surprise in the preview)."""
    from tests.scheduler.test_broadcast_photo import _jpeg

    d = linli_sandbox.driver
    [audience] = await d.say(STAFF, "📢 发通知")
    mid = audience["message_id"]
    await d.tap(STAFF, "整个社区的居民", mid)
    first = await _once(d, mid, "请输入通知内容")
    assert "图片还在" not in message_text(first)
    photo = await d.send(STAFF, photo=_jpeg())
    await d.expect(STAFF, "图片收到了", since=photo["message_id"])
    [audience_again] = await d.say(STAFF, "⬅️ 上一步")
    await d.tap(STAFF, "整个社区的居民", audience_again["message_id"])
    asked = await _once(d, audience_again["message_id"], "请输入通知内容")
    assert "之前发的图片还在" in message_text(asked), message_text(asked)
    typed = await d.send(STAFF, "周日上午电梯检修")
    await d.expect(STAFF, "将发给", since=typed["message_id"])
    # the preview is the picture with the text under it: the picture is the notice's
    shown = [m for m in await d.messages(STAFF, typed["message_id"]) if m.get("photo")]
    assert len(shown) == 1 and message_text(shown[0]).endswith("周日上午电梯检修"), shown
