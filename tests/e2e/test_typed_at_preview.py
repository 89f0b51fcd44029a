"""At the preview ("您要反映的事情" with ✅ 确认提交), older residents type instead of tapping:
'对了，楼下邻居家也一样' is more of the matter — added, and the preview shown again with it (it
used to be answered '请点上面消息里的按钮' and dropped); '可以了，提交吧' or '我不会弄' get the
preview again at the bottom saying which button sends it; '算了' the way out.
(handlers.requests.on_typed_at_preview, services.smalltalk.at_preview)"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.orders import Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.support import inline_labels

WU = 4002  # 吴大爷, 阳光社区 1号楼 502


async def test_words_at_the_preview_are_kept_and_a_yes_is_pointed_to_its_button(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "我家厨房的灯坏了，晚上黑乎乎的")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "您要反映的事情" in message_text(preview)
    [added] = await d.say(WU, "对了，楼下邻居家也一样")
    assert "补充进去了" in message_text(added)
    assert "楼下邻居家也一样" in message_text(added) and "厨房的灯坏了" in message_text(added)
    assert "✅ 确认提交" in inline_labels(added)
    for said in ("可以了，提交吧", "好的", "我不会弄"):
        [again] = await d.say(WU, said)
        assert "请点下面的「✅ 确认提交」" in message_text(again), said
        assert "✅ 确认提交" in inline_labels(again), said
    [way_out] = await d.say(WU, "算了")
    assert "是不想报了吗" in message_text(way_out)
    await d.tap(WU, "确认提交", again["message_id"])
    filed = await d.expect(WU, "已提交")
    assert "编号" in message_text(filed)


def _data(message: dict[str, Any], label: str) -> str:
    """The callback data of the message's button with this label."""
    markup = message.get("reply_markup") or {}
    [data] = [
        b["callback_data"] for row in markup["inline_keyboard"] for b in row if label in b["text"]
    ]
    return str(data)


async def test_an_older_preview_loses_its_buttons_and_files_nothing(
    linli_sandbox: Harness,
) -> None:
    """Words typed at the preview bring a newer one below: the older one's buttons go (its
    ✅ 确认提交 would have filed the draft as it now reads, under a text that reads as it was);
    a tap that still reaches it (a client that shows it as it was) is told a newer one is below,
    and nothing is filed; the newest files the whole matter, once."""
    h = linli_sandbox
    d = h.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "我家厨房的灯坏了，晚上黑乎乎的")
    [*_, first] = await d.say(WU, "✅ 说完了")
    submit = _data(first, "确认提交")
    [second] = await d.say(WU, "对了，楼下邻居家也一样")
    assert "✅ 确认提交" in inline_labels(second)
    [older] = [m for m in await d.messages(WU) if m["message_id"] == first["message_id"]]
    assert inline_labels(older) == [], older
    tapped = await d.click(WU, first["message_id"], data=submit)
    assert "旧的预览" in str(tapped["answer"]), tapped  # one short line (it was three)
    async with h.sessionmaker() as s:
        assert (await s.exec(select(Request))).all() == []
    # 'OK' typed: the preview once more, and the one before it loses its buttons too
    [third] = await d.say(WU, "可以了，提交吧")
    [was] = [m for m in await d.messages(WU) if m["message_id"] == second["message_id"]]
    assert inline_labels(was) == [] and "✅ 确认提交" in inline_labels(third)
    await d.tap(WU, "确认提交", third["message_id"])
    await d.expect(WU, "已提交", since=third["message_id"] - 1)
    async with h.sessionmaker() as s:
        [req] = (await s.exec(select(Request))).all()
    assert "厨房的灯坏了" in req.text and "楼下邻居家也一样" in req.text


async def test_urgency_typed_at_the_preview_marks_it(linli_sandbox: Harness) -> None:
    """'这个挺急的' typed at the preview is 🚨 标为紧急 meant: the preview comes back 紧急 (it
    was added to the matter's words and the preview still said 不紧急), '不急了' takes it back,
    and the words are not the matter's; the request is filed urgent when marked again."""
    h = linli_sandbox
    d = h.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "楼道灯不亮了，三楼")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    # urgency is shown only when urgent; the preview offers to mark it
    assert "紧急" not in message_text(preview) and "🚨 标为紧急" in inline_labels(preview)
    [marked] = await d.say(WU, "这个挺急的")
    assert "已经标为紧急" in message_text(marked)
    assert "🚨 紧急" in message_text(marked) and "挺急" not in message_text(marked)
    assert "改为不紧急" in inline_labels(marked)
    [unmarked] = await d.say(WU, "不急")
    assert "改为不紧急了" in message_text(unmarked)
    assert "🚨 紧急" not in message_text(unmarked) and "🚨 标为紧急" in inline_labels(unmarked)
    [again] = await d.say(WU, "很急！")
    await d.tap(WU, "确认提交", again["message_id"])
    await d.expect(WU, "已提交", since=again["message_id"] - 1)
    async with h.sessionmaker() as s:
        [req] = (await s.exec(select(Request))).all()
    assert req.urgent and "急" not in req.text
    assert await d.errors() == []
