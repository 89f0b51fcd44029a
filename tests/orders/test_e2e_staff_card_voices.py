"""Staff opening a request told partly in voice notes read on its card how many there are
(🎤 语音 2 条（点「📎 附件」收听）), as the resident's preview said 语音：2 条, and find them
under 📎 附件. Before, the card said nothing of them unless the voice was all there was."""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, ZHOU
from tests.orders.test_e2e_voice_only import OGG
from tests.support import inline_labels


async def test_the_staff_card_says_how_many_voice_notes(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "楼道灯坏了，详细的我用语音说")
    first = await d.send(ZHOU, voice=OGG, voice_duration=5)
    await d.expect(ZHOU, "收到语音", since=first["message_id"])
    second = await d.send(ZHOU, voice=OGG, voice_duration=9)
    await d.expect(ZHOU, "收到第 2 条语音", since=second["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "语音：2 条" in message_text(preview), message_text(preview)
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    text = message_text(card)
    assert "🎤 语音 2 条（点「📎 附件」收听）" in text, text
    assert "📎 附件（2）" in inline_labels(card), inline_labels(card)
    assert await d.errors() == []
