"""What an older resident sends right under "要把这件事报给社区吗？" adds to the matter instead of
taking its place: photos sent one by one, then a voice note, are all kept (the second photo used
to drop the first); the words a wordless photo lacked join it; the same words sent twice are
kept once. The resident's own voice note reads as theirs ('您留了一段语音'), not as staff are
told to listen to it. (handlers.fallback._joined_offer, handlers.order_ui.request_text)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import STAFF, png
from tests.support import inline_labels

WU = 4002  # 吴大爷, 阳光社区 1号楼 502
HUANG = 4005  # 黄奶奶, 阳光社区 1号楼 302
OFFER = "要把这件事报给社区吗"
OGG = b"OggS" + bytes(60)


async def test_photos_one_by_one_then_a_voice_note_are_all_kept(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    sent = await d.send(HUANG, photo=png())
    first = await d.expect(HUANG, OFFER, since=sent["message_id"])
    sent = await d.send(HUANG, photo=png())
    second = await d.expect(HUANG, "一起记下了", since=sent["message_id"])
    assert OFFER in message_text(second) and inline_labels(second) == ["📝 报给社区"]
    [answered] = [m for m in await d.messages(HUANG) if m["message_id"] == first["message_id"]]
    assert not inline_labels(answered)  # one offer to answer, the latest
    sent = await d.send(HUANG, voice=OGG, voice_duration=8)
    await d.expect(HUANG, "一起记下了", since=sent["message_id"])
    [started] = await d.say(HUANG, "好的")
    assert "已经记下您的语音" in message_text(started)
    [*_, preview] = await d.say(HUANG, "✅ 说完了")
    text = message_text(preview)
    assert "照片：2 张" in text and "语音：1 条" in text, text
    assert "您留了一段语音" in text and "请收听附件" not in text, text


async def test_words_after_a_wordless_photo_and_the_same_words_twice(
    linli_sandbox: Harness,
) -> None:
    d = linli_sandbox.driver
    sent = await d.send(WU, photo=png())
    await d.expect(WU, OFFER, since=sent["message_id"])
    said = "卫生间水管漏水了，楼下也渗水"
    [joined] = await d.say(WU, said)
    assert "一起记下了" in message_text(joined) and OFFER in message_text(joined)
    [again] = await d.say(WU, said)
    assert "刚才已经记下了" in message_text(again) and OFFER in message_text(again)
    await d.tap(WU, "报给社区", again["message_id"])
    [*_, preview] = await d.say(WU, "✅ 说完了")
    text = message_text(preview)
    assert text.count(said) == 1 and "照片：1 张" in text, text


async def test_voice_notes_are_kept_together_up_to_three(linli_sandbox: Harness) -> None:
    """A second voice note for the same matter, sent under the offer or while describing, is
    kept beside the first (it used to take its place, 'only one voice note a matter'); three
    are kept, a fourth is said not to be. Staff's card gives all three to listen to."""
    d = linli_sandbox.driver
    sent = await d.send(HUANG, voice=OGG, voice_duration=6)
    await d.expect(HUANG, OFFER, since=sent["message_id"])
    sent = await d.send(HUANG, voice=OGG, voice_duration=9)
    again = await d.expect(HUANG, OFFER, since=sent["message_id"])
    assert "收到第 2 条语音，和前面的一起记下了" in message_text(again), message_text(again)
    await d.say(HUANG, "好的")
    sent = await d.send(HUANG, voice=OGG, voice_duration=4)
    third = await d.expect(HUANG, "语音", since=sent["message_id"])
    assert "收到第 3 条语音" in message_text(third), message_text(third)
    sent = await d.send(HUANG, voice=OGG, voice_duration=5)
    fourth = await d.expect(HUANG, "语音", since=sent["message_id"])
    assert "已经留了 3 条语音，这条没有再留下" in message_text(fourth), message_text(fourth)
    [*_, preview] = await d.say(HUANG, "✅ 说完了")
    assert "语音：3 条" in message_text(preview), message_text(preview)
    await d.tap(HUANG, "确认提交", preview["message_id"])
    filed = await d.expect(HUANG, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} ·", since=notice["message_id"])
    assert "📎 附件（3）" in inline_labels(card), inline_labels(card)
    await d.tap(STAFF, "附件", card["message_id"])
    await d.expect(STAFF, "诉求附件", since=card["message_id"])
    for _ in range(50):  # the three are sent one after another
        voices = [m for m in await d.messages(STAFF, card["message_id"]) if m.get("voice")]
        if len(voices) == 3:
            break
        await d.wait(STAFF, (await d.messages(STAFF))[-1]["message_id"], 1.0)
    assert len(voices) == 3, voices
