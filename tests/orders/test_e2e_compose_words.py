"""Said as a whole message while describing a matter: '就这些' is ✅ 说完了 (the preview comes),
'算了' asks whether to cancel; neither is added to the matter. Before, both were kept as part
of the description ('收到文字')."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU


async def test_done_and_never_mind_while_describing(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(WU, "📝 我要点单")
    [early] = await d.say(WU, "好了")  # nothing said yet: asked to describe, as 说完了 is
    assert "收到文字" not in message_text(early), message_text(early)
    await d.say(WU, "楼道里的灯坏了三天了")
    [meant] = await d.say(WU, "算了")
    assert "是不想报了吗" in message_text(meant), message_text(meant)
    [*_, preview] = await d.say(WU, "就这些吧")
    text = message_text(preview)
    assert "分类：" in text and "楼道里的灯坏了三天了" in text, text
    assert "算了" not in text and "就这些" not in text and "好了" not in text, text
    # a sentence of the matter that starts the same way is the matter's
    await d.tap(WU, "重新说", preview["message_id"])
    await d.expect(WU, "请说说", since=preview["message_id"])
    [kept] = await d.say(WU, "好了，灯又不亮了")
    assert "收到文字" in message_text(kept), message_text(kept)


async def test_no_photo_to_send_is_done(linli_sandbox: Harness) -> None:
    """'没有照片' after the matter (asked for photos, an older resident says there are none)
    brings the preview; the words are not added to the matter."""
    d = linli_sandbox.driver
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "厨房水龙头一直滴水，关不紧")
    [*_, preview] = await d.say(WU, "没有照片")
    text = message_text(preview)
    assert "分类：" in text and "厨房水龙头一直滴水" in text, text
    assert "没有照片" not in text, text
    assert await d.errors() == []
