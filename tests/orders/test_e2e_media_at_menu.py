"""A photo, a voice note or a location sent at the menu, as older residents do instead of
tapping 我要点单, is offered to be filed like typed text, and what was sent is kept."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Attachment, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import HUANG, WU, ZHOU, png
from tests.orders.test_e2e_voice_only import OGG

NEW = 5001  # 小林, not registered


async def test_a_photo_at_the_menu_becomes_a_request_with_it(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    sent = await d.send(ZHOU, "楼下井盖松了", photo=png())
    offer = await d.expect(ZHOU, "要把这件事报给社区吗", since=sent["message_id"])
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    text = message_text(preview)
    assert "楼下井盖松了" in text and "照片：1 张" in text, text
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    await d.expect(ZHOU, "已提交，编号")
    async with h.sessionmaker() as session:
        [req] = (await session.exec(select(Request).where(col(Request.resident_id) == ZHOU))).all()
        photos = (
            await session.exec(select(Attachment).where(col(Attachment.request_id) == req.id))
        ).all()
    assert req.text == "楼下井盖松了" and len(photos) == 1


async def test_a_voice_note_at_the_menu_is_offered_and_kept(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    sent = await d.send(WU, voice=OGG, voice_duration=9)
    offer = await d.expect(WU, "要把这件事报给社区吗", since=sent["message_id"])
    assert "没有看懂" not in message_text(offer)
    await d.tap(WU, "报给社区", offer["message_id"])
    await d.expect(WU, "已经记下您的语音", since=offer["message_id"])
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "语音：1 条" in message_text(preview), message_text(preview)


async def test_words_after_a_photo_start_a_new_offer_without_it(linli_sandbox: Harness) -> None:
    """A photo, then (unanswered, with other talk between) words about something else: the
    offer is for the words. (Words right under the photo's offer are what the photo lacked:
    they join it — tests/e2e/test_sent_under_offer.py.)"""
    d = linli_sandbox.driver
    sent = await d.send(ZHOU, photo=png())
    await d.expect(ZHOU, "要把这件事报给社区吗", since=sent["message_id"])
    # other talk (a greeting under the offer asks it again: test_elderly_resident_walk.py)
    await d.say(ZHOU, "怎么投票？")
    [offer] = await d.say(ZHOU, "电梯按钮不灵了")
    await d.tap(ZHOU, "报给社区", offer["message_id"])
    await d.expect(ZHOU, "已经记下您说的话", since=offer["message_id"])
    [*_, preview] = await d.say(ZHOU, "✅ 说完了")
    assert "照片" not in message_text(preview), message_text(preview)


async def test_someone_not_registered_is_told_to_register_first(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    sent = await d.send(NEW, location=(31.23, 121.47))
    answer = await d.expect(NEW, "需要先登记您的住址", since=sent["message_id"])
    assert "要把这件事报给社区吗" not in message_text(answer)


async def test_danger_typed_at_the_menu_gets_its_safety_line_with_the_offer(
    linli_sandbox: Harness,
) -> None:
    """吴大爷 types '水管爆了' at the menu instead of tapping 我要点单: what to do right now comes
    with the offer, before the three steps of filing; an ordinary matter's offer has none."""
    d = linli_sandbox.driver
    sent = await d.send(WU, "我家水管爆了，水流了一地，快来人")
    offer = await d.expect(WU, "要把这件事报给社区吗", since=sent["message_id"])
    assert "进水总阀门" in message_text(offer)
    photo = await d.send(ZHOU, "楼道里闻到很大的煤气味", photo=png())
    gas = await d.expect(ZHOU, "要把这件事报给社区吗", since=photo["message_id"])
    assert "关闭燃气阀门" in message_text(gas)
    # (another resident: words right under 吴大爷's offer would add to his matter)
    plain = await d.send(HUANG, "楼道里堆了很多杂物，不好走")
    ordinary = await d.expect(HUANG, "要把这件事报给社区吗", since=plain["message_id"])
    assert "⚠️" not in message_text(ordinary)
