"""At the preview ("您要反映的事情" with ✅ 确认提交), older residents type instead of tapping:
'对了，楼下邻居家也一样' is more of the matter — added, and the preview shown again with it (it
used to be answered '请点上面消息里的按钮' and dropped); '可以了，提交吧' or '我不会弄' get the
preview again at the bottom saying which button sends it; '算了' the way out.
(handlers.requests.on_typed_at_preview, services.smalltalk.at_preview)"""

from __future__ import annotations

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
