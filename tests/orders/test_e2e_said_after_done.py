"""Words typed while a request done lately awaits its score are most likely about it: '还是有点
滴' or '修好了，谢谢刘师傅' were offered to be filed as new matters, '谢谢' got '不客气' alone. Now
the rating question comes again, naming the request; a score tapped there takes the words as
its comment (不满意 reopens the matter with them, not asked for again), and 📝 报给社区 still
files them as another matter. A danger read in the words still gets the offer with its safety
lines."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Rating, Request, RequestStatus, Score
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import WU, _file
from tests.orders.test_e2e_qa import _handle_directly
from tests.support import inline_labels


async def _done(h: Harness, text: str, result: str) -> str:
    number = await _file(h, WU, text)
    await _handle_directly(h, number, result)
    await h.driver.expect(WU, "请给这次服务打个分")
    return number


async def _rating(h: Harness, number: str) -> Rating | None:
    async with h.sessionmaker() as session:
        return (await session.exec(select(Rating).where(Rating.request_id == int(number)))).first()


async def test_words_after_done_are_taken_with_the_score(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _done(h, "厨房水龙头一直滴水，晚上睡不着", "已更换水龙头垫片")
    [thanks] = await d.say(WU, "谢谢")
    assert "不客气" in message_text(thanks) and number in message_text(thanks)
    assert inline_labels(thanks) == ["😊 满意", "🙂 基本满意", "😞 不满意"]
    [glad] = await d.say(WU, "修好了")
    assert number in message_text(glad) and "打个分" in message_text(glad)
    [about] = await d.say(WU, "还是有点滴")
    text = message_text(about)
    assert f"诉求 {number}" in text and "厨房水龙头一直滴水" in text, text
    assert "报给社区" in inline_labels(about)[-1], inline_labels(about)
    await d.tap(WU, "😞 不满意", about["message_id"])
    await d.expect(WU, "您说的话也转给了社区", since=about["message_id"])
    # the question tapped reads as answered, without its buttons (📝 报给社区 included: the
    # words it would file are the comment now); before, it kept them all
    [tapped] = [m for m in await d.messages(WU) if m["message_id"] == about["message_id"]]
    assert inline_labels(tapped) == [], inline_labels(tapped)
    assert "不满意" in message_text(tapped).splitlines()[-1], message_text(tapped)
    rating = await _rating(h, number)
    assert rating is not None and rating.score == Score.UNSATISFIED
    assert rating.comment == "还是有点滴"
    async with h.sessionmaker() as session:
        req = await session.get(Request, int(number))
        assert req is not None and req.status != RequestStatus.DONE  # reopened to staff
    # nothing awaits a score now: words are a matter again, thanks are thanks
    [offer] = await d.say(WU, "楼下的路灯也不亮了")
    assert "要把这件事报给社区吗" in message_text(offer), message_text(offer)
    [welcome] = await d.say(WU, "谢谢")
    assert "打个分" not in message_text(welcome), message_text(welcome)


async def test_another_matter_is_still_filed_from_there(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _done(h, "2号楼门口的垃圾桶满了，味道很大", "已清运垃圾桶")
    [about] = await d.say(WU, "另外楼道灯也坏了")
    await d.tap(WU, "报给社区", about["message_id"])
    await d.expect(WU, "已经记下您说的话", since=about["message_id"])
    assert await _rating(h, number) is None  # not rated by it
    # danger in the words: the offer with its safety lines, not the rating question
    await d.say(WU, "✖️ 取消")
    [urgent] = await d.say(WU, "厨房煤气味很重")
    assert "要把这件事报给社区吗" in message_text(urgent), message_text(urgent)
    assert "打个分" not in message_text(urgent)


async def test_a_voice_note_request_is_named_by_its_category(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(WU, "📝 我要点单")
    sent = await d.send(WU, voice=b"OggS voice", voice_duration=4)
    await d.expect(WU, "语音", since=sent["message_id"])
    [*_, preview] = await d.say(WU, "✅ 说完了")
    await d.tap(WU, "确认提交", preview["message_id"])
    filed = await d.expect(WU, "已提交，编号", since=preview["message_id"] - 1)
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    await _handle_directly(h, number, "已上门了解情况")
    await d.expect(WU, "请给这次服务打个分")
    [thanks] = await d.say(WU, "谢谢")
    text = message_text(thanks)
    assert f"诉求 {number}（" in text and "（）" not in text, text
