"""Cards drawn from the longest texts people may type still arrive: a 4,000-character request,
a 4,096-character transfer note and a 4,096-character answer on one staff card (before, 400
'message is too long' and no card). The longest texts are shortened with
'…（全文共 N 字，点「📄 全文」查看）', and 📄 全文 sends the whole card, every character, in as
many messages as it needs."""

from __future__ import annotations

from typing import Any

from sandbox.driver import message_text
from services.delivery import TEXT_LIMIT, utf16_len
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _card, _labels, _now
from tests.orders.test_e2e_cycle import LIU, STAFF, ZHOU, _file


def _typed(head: str, size: int) -> str:
    """`size` characters of numbered lines (each one different), as someone would write."""
    line = "路面塌陷积水，请尽快安排修复并告知完工时间。"
    lines = [f"{head}第{i:03d}行：{line}" for i in range(200)]
    text = "\n".join(lines)[:size].rstrip()
    assert len(text) == size, len(text)
    return text


DESCRIPTION = _typed("家门口的路", 4000)
NOTE = _typed("转办说明", 4096)
ANSWER = _typed("城管答复", 4096)
RESULT = _typed("办理情况", 4096)
COMMENT = _typed("评价", 4096)
REASON = _typed("不予受理", 4096)


def _bare(text: str) -> str:
    """Every character but spaces and line breaks (a message split at a space loses it)."""
    return "".join(text.split())


async def _whole(h: Harness, chat: int, card: dict[str, Any]) -> str:
    """Tap 📄 全文 on a card; the messages it sends, joined at the line ends they were split at."""
    d = h.driver
    last = (await d.messages(chat))[-1]["message_id"]
    await d.tap(chat, "📄 全文", card["message_id"])
    sent = await d.replies(chat, last)
    assert len(sent) >= 2 and all(utf16_len(message_text(m)) <= TEXT_LIMIT for m in sent)
    return "\n".join(message_text(m) for m in sent)


async def test_a_card_of_the_longest_texts_arrives_and_shows_them_whole(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, DESCRIPTION)
    card = await _card(h, number)
    assert "（全文共 4000 字，点「📄 全文」查看）" in message_text(card)
    assert "📄 全文" in _labels(card)
    assert DESCRIPTION in await _whole(h, STAFF, card)

    # transferred with the longest note, then the unit's longest answer recorded from the card
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
    await d.say(STAFF, "区城管局市政科")
    sent = await d.send(STAFF, NOTE)
    await d.expect(STAFF, "已转办", since=sent["message_id"])
    card = await _now(h, card, f"诉求 {number} · 已转办")
    assert "全文共 4096 字" in message_text(card), message_text(card)[-300:]
    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=card["message_id"])
    await d.say(STAFF, ANSWER)
    await d.tap(STAFF, "已解决")
    await d.expect(STAFF, "已记录诉求")
    card = await _now(h, card, "转办答复：城管答复")
    text = message_text(card)
    assert utf16_len(text) <= TEXT_LIMIT
    # the description, the note, the answer and the result (the answer, solved) each cut
    assert text.count("（全文共 ") == 4, text
    whole = await _whole(h, STAFF, card)
    for typed in (DESCRIPTION, NOTE, ANSWER):
        assert typed in whole

    # the resident's own card of it (📂 我的诉求 → its number) fits too, and shows it whole
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, number)
    mine = await d.expect(ZHOU, "全文共 4000 字")
    assert "📄 全文" in _labels(mine)
    assert DESCRIPTION in await _whole(h, ZHOU, mine)
    assert await d.errors() == []


async def test_an_order_of_the_longest_texts_reaches_the_member_staff_and_resident(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, DESCRIPTION)
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
    mine = await d.expect(LIU, "全文共 4000 字")
    assert "📄 全文" in _labels(mine)
    assert DESCRIPTION in await _whole(h, LIU, mine)

    # reported done with the longest note: the 请验收 card and the resident's notice arrive
    await d.say(LIU, "📌 我的工单")
    await d.tap(LIU, f"查看 {order_no}")
    await d.tap(LIU, "完成上报")
    await d.say(LIU, RESULT)
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收")
    verify = await d.expect(STAFF, "请验收")
    # sent back with the longest reason: the 请验收 card, redrawn with it, goes on below
    # itself (an edit cannot be split); the member is told it whole, in two messages
    await d.tap(STAFF, "退回", verify["message_id"])
    await d.expect(STAFF, "还差什么", since=verify["message_id"])
    await d.say(STAFF, REASON)
    await d.expect(STAFF, "已通知接单人补充")
    staff_saw = _bare("\n".join(message_text(m) for m in await d.messages(STAFF)))
    assert _bare(REASON) in staff_saw
    back = await d.expect(LIU, "被退回")
    await d.tap(LIU, "完成上报")  # the notice's second part comes first (under it, the button)
    liu_saw = _bare(
        "\n".join(message_text(m) for m in await d.messages(LIU, back["message_id"] - 1))
    )
    assert _bare(REASON) in liu_saw
    await d.say(LIU, RESULT)
    await d.say(LIU, "✅ 说完了")
    await d.expect(LIU, "等待社区验收", since=back["message_id"])
    verify = await d.expect(STAFF, "请验收", since=verify["message_id"])
    await d.tap(STAFF, "验收通过", verify["message_id"])
    await d.expect(STAFF, "已验收")
    told = await d.expect(ZHOU, "已办好")
    assert "（全文共 4096 字，点「📄 全文」查看）" in message_text(told)
    assert RESULT in await _whole(h, ZHOU, told)
    await d.tap(ZHOU, "满意", told["message_id"])
    await d.expect(ZHOU, "您的评价")
    # the notice rated loses its rating buttons, not its 📄 全文
    [rated] = [m for m in await d.messages(ZHOU) if m["message_id"] == told["message_id"]]
    assert _labels(rated) == {"📄 全文"}, _labels(rated)
    await d.say(ZHOU, COMMENT)
    await d.expect(ZHOU, "您的话我们记下了")
    # the request's staff card, looked up by its number, has the result and the comment too
    last = (await d.messages(STAFF))[-1]["message_id"]
    await d.say(STAFF, number)
    card = await d.expect(STAFF, f"诉求 {number} ·", since=last)
    whole = _bare(await _whole(h, STAFF, card))
    for typed in (DESCRIPTION, RESULT, COMMENT):  # (the comment is on one line there)
        assert _bare(typed) in whole
    assert await d.errors() == []


async def test_a_declined_matter_of_the_longest_reason_is_shown_and_can_be_reviewed(
    linli_sandbox: Harness,
) -> None:
    """The decline's notice fits with 📄 全文; 🔁 申请复核 says the reason whole (before, 400:
    its question repeats the reason, and a 4,096-character one did not fit), in two messages,
    the 取消 keyboard under the second."""
    h = linli_sandbox
    d = h.driver
    number = await _file(h, ZHOU, DESCRIPTION)
    card = await _card(h, number)
    await d.tap(STAFF, "不受理", card["message_id"])
    await d.expect(STAFF, "不受理诉求", since=card["message_id"])
    sent = await d.send(STAFF, REASON)
    await d.expect(STAFF, "已不予受理", since=sent["message_id"])
    told = await d.expect(ZHOU, "不予受理")
    assert "（全文共 4096 字，点「📄 全文」查看）" in message_text(told)
    assert _bare(REASON) in _bare(await _whole(h, ZHOU, told))
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, number)
    mine = await d.expect(ZHOU, "全文共 4000 字")
    last = (await d.messages(ZHOU))[-1]["message_id"]
    await d.tap(ZHOU, "申请复核", mine["message_id"])
    asked = await d.replies(ZHOU, last)
    assert len(asked) == 2, [message_text(m)[-80:] for m in asked]
    assert _bare(REASON) in _bare("\n".join(message_text(m) for m in asked))
    assert "请说说理由" in message_text(asked[-1])
    await d.say(ZHOU, "路面塌陷很危险，请社区再看看")
    await d.expect(ZHOU, "已为诉求")
    assert await d.errors() == []
