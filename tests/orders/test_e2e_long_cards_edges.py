"""Cards of the longest typed texts, where they are redrawn: a photo card's 📄 全文 survives
✅ 完成上报 (before, its buttons were redrawn without it); staff's 请验收 notice quotes the
member's note fitted with 📄 全文 like the card (before, cut at 600 characters); a rating notice
fitted to one message stays one message once marked '您的评价…' (before, its tail and the line
went as a new message), and so does a colleague's 请验收 copy redrawn with who accepted it."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from services import delivery as outbox
from services.delivery import TEXT_LIMIT, utf16_len
from services.order_notices import cb
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card, _labels
from tests.orders.test_e2e_cycle import GRID_WORKER, LIU, STAFF, ZHOU, _file, png
from tests.orders.test_e2e_long_cards import DESCRIPTION, _bare, _whole

# one line, as some write: cut where the room ends, the notice fitted right up to the limit
RESULT = ("路面塌陷处已回填压实并铺设沥青，积水已排净，" * 200)[:4096]


async def _claimed(h: Harness, description: str) -> tuple[str, str]:
    """A request filed, issued to the whole community and claimed by 刘师傅: its number and
    the order's."""
    d = h.driver
    number = await _file(h, ZHOU, description)
    card = await _card(h, number)
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    await d.expect(LIU, "全文共")
    return number, order_no


async def _report(h: Harness, order_no: str, note: str) -> None:
    d = h.driver
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, note)
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")


async def test_a_photo_card_keeps_its_whole_text_button_after_the_report(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    _, order_no = await _claimed(h, DESCRIPTION)
    order_id = int(order_no.removeprefix("G"))  # (Order.number)
    async with h.sessionmaker() as session:
        # the member's card of the order as a photo, its caption the card's head, with
        # 📄 全文 (a typed text on it is cut) and ✅ 完成上报
        await outbox.enqueue(
            session,
            chat_id=LIU,
            text=f"工单 {order_no} · 已接单（照片）",
            photo=png(),
            reply_markup=outbox.inline_keyboard(
                [[("📄 全文", cb("ofull", order_id))], [("✅ 完成上报", cb("mdone", order_id))]]
            ),
            urgent=True,
            now=h.clock.now,
        )
        await session.commit()
    photo = await d.expect(LIU, "已接单（照片）")
    await d.tap(LIU, "完成上报", photo["message_id"])
    await d.say(LIU, "路面已修好")
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收", since=photo["message_id"])
    [now] = [m for m in await d.messages(LIU) if m["message_id"] == photo["message_id"]]
    assert _labels(now) == {"📄 全文"}, _labels(now)
    assert DESCRIPTION in await _whole(h, LIU, now)
    assert await d.errors() == []


async def test_the_verify_and_the_rated_notices_of_the_longest_note(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    _, order_no = await _claimed(h, DESCRIPTION)
    await _report(h, order_no, RESULT)
    verify = await d.expect(STAFF, "请验收")
    text = message_text(verify)
    # as much of the note as one message carries (before: 599 characters and '…')
    assert RESULT[:3000] in text and "（全文共 4096 字，点「📄 全文」查看）" in text, text[-200:]
    assert utf16_len(text) <= TEXT_LIMIT
    assert _labels(verify) == {"📄 全文", "✅ 验收通过", "↩️ 退回"}, _labels(verify)
    assert RESULT in _bare(await _whole(h, STAFF, verify))
    theirs = await d.expect(GRID_WORKER, "请验收")  # a colleague's copy of it
    assert "（全文共 4096 字，点「📄 全文」查看）" in message_text(theirs)
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, "已验收")
    # their copy, redrawn with who accepted it, stays one message and keeps its 📄 全文
    decided = await d.expect(GRID_WORKER, "已于", since=theirs["message_id"] - 1)
    assert decided["message_id"] == theirs["message_id"]
    text = message_text(decided)
    assert "（全文共 4096 字，点「📄 全文」查看）" in text and utf16_len(text) <= TEXT_LIMIT
    assert _labels(decided) == {"📄 全文"}, _labels(decided)
    below = await d.messages(GRID_WORKER, theirs["message_id"])
    assert not [m for m in below if "已于" in message_text(m) or "积水已排净" in message_text(m)]

    told = await d.expect(ZHOU, "已办好")
    assert "（全文共 4096 字，点「📄 全文」查看）" in message_text(told)
    assert utf16_len(message_text(told)) > TEXT_LIMIT - 5  # at the limit: no room left
    await d.tap(ZHOU, "满意", told["message_id"])
    await d.expect(ZHOU, "您的评价", since=told["message_id"] - 1)
    rated = await _message(h, ZHOU, told["message_id"])
    text = message_text(rated)
    assert "您的评价" in text and "（全文共 4096 字，点「📄 全文」查看）" in text, text[-200:]
    assert utf16_len(text) <= TEXT_LIMIT and _labels(rated) == {"📄 全文"}
    # nothing of the notice went again below it: only the question for a comment
    after = [m for m in await d.messages(ZHOU, told["message_id"]) if m["from"]["is_bot"]]
    assert all("积水已排净" not in message_text(m) for m in after), [
        message_text(m)[:60] for m in after
    ]
    assert RESULT in _bare(await _whole(h, ZHOU, rated))
    assert await d.errors() == []


async def _message(h: Harness, chat: int, message_id: int) -> dict[str, Any]:
    [found] = [m for m in await h.driver.messages(chat) if m["message_id"] == message_id]
    return found
