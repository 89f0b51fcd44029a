"""完成上报 with more than it takes (found walking the flows as 刘师傅): an 11th photo is refused
('最多 10 张照片，已经够了。'), not put in place of the 10th while saying '共 10 张'; a photo whose
caption would make the note longer than 4,096 characters is kept without the caption, and said
so, so that ✅ 说完了 still reports (before, it failed with '请精简后重新输入' and nothing could
shorten the note but 取消, which lost the report)."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import Attachment
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.e2e.test_asked_first_card import _claimed_card
from tests.orders.test_e2e_cycle import LIU, png


async def _sent(h: Harness, *, photo: bool = False, text: str | None = None) -> str:
    """刘师傅 sends a photo (with `text` as its caption) or text: the bot's answer."""
    d = h.driver
    sent = await d.send(LIU, text, photo=png() if photo else None)
    [answer] = await d.replies(LIU, sent["message_id"])
    return message_text(answer)


async def test_report_photos_and_captions_past_the_limits(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, "做了什么", since=card["message_id"])
    assert (await _sent(h, text="换" * 1990)).startswith("收到文字。")
    for count in range(1, 11):
        assert await _sent(h, photo=True) == f"收到照片（共 {count} 张）。"
    assert await _sent(h, photo=True) == "最多 10 张照片，已经够了。"
    assert await _sent(h, photo=True, text="灯泡是新的") == "最多 10 张照片，已经够了。"
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, "已上报，等待社区验收", since=sent["message_id"])
    async with h.sessionmaker() as session:
        kept = (
            await session.exec(select(Attachment).where(col(Attachment.purpose) == "result"))
        ).all()
    assert len(kept) == 10


async def test_a_caption_too_long_for_the_note_is_not_kept(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _claimed_card(h)
    await d.tap(LIU, "完成上报", card["message_id"])
    await d.expect(LIU, "做了什么", since=card["message_id"])
    assert await _sent(h, photo=True, text="换" * 3500) == "收到照片（共 1 张）。"
    answer = await _sent(h, photo=True, text="修" * 900)
    assert "最多 4,096 字" in answer, answer
    sent = await d.send(LIU, "✅ 说完了")
    await d.expect(LIU, "已上报，等待社区验收", since=sent["message_id"])
