"""What an older resident sends right under "要把这件事报给社区吗？" adds to the matter instead of
taking its place: photos sent one by one, then a voice note, are all kept (the second photo used
to drop the first); the words a wordless photo lacked join it; the same words sent twice are
kept once. The resident's own voice note reads as theirs ('您留了一段语音'), not as staff are
told to listen to it. (handlers.fallback._joined_offer, handlers.order_ui.request_text)"""

from __future__ import annotations

from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import png
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


async def test_a_second_voice_note_says_it_takes_the_first_ones_place(
    linli_sandbox: Harness,
) -> None:
    """A matter keeps one voice note: a second one sent under the offer, or while describing,
    says so (it used to read '和刚才说的一起记下了' / '收到语音' while the first was dropped)."""
    d = linli_sandbox.driver
    sent = await d.send(HUANG, voice=OGG, voice_duration=6)
    await d.expect(HUANG, OFFER, since=sent["message_id"])
    sent = await d.send(HUANG, voice=OGG, voice_duration=9)
    again = await d.expect(HUANG, OFFER, since=sent["message_id"])
    assert "只能留一条语音" in message_text(again) and "一起记下了" not in message_text(again)
    await d.say(HUANG, "好的")
    sent = await d.send(HUANG, voice=OGG, voice_duration=4)
    third = await d.expect(HUANG, "语音", since=sent["message_id"])
    assert "只能留一条语音" in message_text(third), message_text(third)
